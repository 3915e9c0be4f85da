"""The defect catalogue: every way a document can fall short of a complete, certain record.

A parser never raises on bad input; it returns the record with defects. Each defect code is a
subclass of :class:`DefectKind` whose one-line docstring is its documentation (``docs/defects.md`` is
generated from this module, and a test keeps the two in step).
"""

from __future__ import annotations

from .model import Defect, Span


class DefectKind:
    """Base of all defect kinds; ``code`` is the public, stable identifier."""

    code = ""

    @classmethod
    def make(cls, message: str, span: Span | None = None) -> Defect:
        return Defect(code=cls.code, message=message, span=span)


def _kind(code: str, doc: str) -> type[DefectKind]:
    return type(code.title().replace("-", ""), (DefectKind,), {"code": code, "__doc__": doc})


_CATALOGUE = [
    ("empty-input", "The input holds no text at all (or only whitespace)."),
    ("not-text", "The input is binary or not decodable as text; it was decoded with replacement characters."),
    ("input-truncated", "The input was longer than the parser reads; the rest was not parsed."),
    ("not-a-telegram", "No telegram header element (DTG, FM/TO, classification line, TAGS, SUBJECT) was found."),
    ("text-unavailable", "The archive's placeholder says the telegram text is lost (AAD 'TELEGRAM TEXT ... UNAVAILABLE')."),
    ("missing-classification", "No overall classification marking was found."),
    ("classification-conflict", "Markings in the document disagree about the overall classification."),
    ("missing-date", "No DTG, dateline or drafting date gives the message's date."),
    ("bad-dtg", "A date-time group was found but does not form a valid date and time."),
    ("missing-subject", "The telegram has no SUBJECT line."),
    ("missing-tags", "The telegram has no TAGS line where its era expects one."),
    ("unknown-tag", "A TAGS code is not in the lexicon of any era; it is kept as written, kind 'unknown'."),
    ("tag-typo-fixed", "A TAGS code was read as a known code after an OCR or typing correction; tags_raw keeps the original."),
    ("bad-eo-line", "The E.O. line could not be read into order and declassification instruction."),
    ("eo-anachronism", "The E.O. line names an order, reason numbering or instruction not in force on the message's date."),
    ("unresolved-reference", "A REF item could not be read as station plus serial."),
    ("ambiguous-number", "A number on the drafting line could be a phone extension or the telegram's serial."),
    ("unknown-file-code", "A code on the drafting line is not identified (e.g. a file or routing code)."),
    ("possible-ocr-error", "A value looks like an OCR misreading (or a typist's misspelling) of a known form. The message "
                           "says how it was read: where the reading is certain enough it is the record's value (a month "
                           "one letter off, a precedence word run onto the post), and the text keeps the form as written; "
                           "otherwise the value is left as written and the message suggests the reading."),
    ("approver-unmarked", "The form does not mark which officer approved the telegram; approved_by is left empty."),
    ("unknown-station", "The originating or addressed post is not in the station table."),
    ("portion-above-overall", "A paragraph's portion mark is higher than the overall classification."),
    ("paragraph-sequence", "Numbered paragraphs are not in sequence (a number is missing or repeated)."),
    ("struck-text", "The document shows text struck through; it is kept in 'struck' and in the paragraph text."),
    ("withheld-text", "The release withholds text (an exemption code or redaction marker stands in the body)."),
    ("section-incomplete", "The document is one section of a multi-section telegram."),
    ("parser-error", "cablegram met an internal error on this input; the record is empty. Please report the document."),
]

KINDS: dict[str, type[DefectKind]] = {code: _kind(code, doc) for code, doc in _CATALOGUE}


def defect(code: str, message: str, span: Span | None = None) -> Defect:
    """Make a defect of a catalogued kind; an unknown code is a programming error."""
    return KINDS[code].make(message, span)


def catalogue_markdown() -> str:
    """The catalogue as a Markdown table (``docs/defects.md`` is this text)."""
    lines = [
        "# Defect codes",
        "",
        "A record lists in `defects` what the parser could not settle. Codes are stable; messages are for people.",
        "This page is generated from `src/cablegram/defects.py` (`cablegram defects --markdown`).",
        "",
        "| code | meaning |",
        "| --- | --- |",
    ]
    lines += [f"| `{code}` | {kind.__doc__} |" for code, kind in KINDS.items()]
    return "\n".join(lines) + "\n"
