"""What the body reader finds in a cable's text besides its paragraphs: where the message ends (end
marks, the SMART footer, the drafting trailer), the classified-by clause with its reasons, the
paragraphs' portion marks, and the summary between BEGIN SUMMARY and END SUMMARY."""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from ..normalise.state import ascii_case_view
from .draft import CLine, Draft
from .smart import SMART_FOOTER as _SMART_FOOTER

_TEXT = attrgetter("text")  # a line's text, for joins run in C
_END_MARKS = re.compile(r"^\s*(?:NNNN|BT|END\s+OF\s+MESSAGE|END\s+CABLE\s+TEXT)\s*$", re.I)
# The summary's text runs to END SUMMARY. It is matched greedily (``.*``, not ``.*?``) because it is
# only ever looked for in a window that ends with the text's first END SUMMARY (see ``_summary``):
# there the end mark is found by one jump to the window's end and a step back, where a lazy group
# would try the end mark after every character of the summary. The greedy group keeps the blanks
# before the end mark, which the caller's whitespace normalisation drops.
_SUMMARY = re.compile(r"\b(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+COMMENT)?\s*[:.\-]+\s*(?P<text>.*)\s*\bEND\s+(?:OF\s+)?SUMMARY\b", re.I | re.S)
_SUMMARY_BLOCK = re.compile(r"\bBEGIN\s+SUMMARY\b\s*(?P<text>.*)\s*\bEND\s+SUMMARY\b", re.I | re.S)
_REASON_CLAUSE = re.compile(r"\b1\s?\.\s?[456]\s*(?:\(\s*[a-hA-H]\s*\)|[A-Ha-h]\b|X\d)(?:[\s,]*(?:and\s+)?\(?[a-hA-H]\)?(?![a-z]))*[.,]?")


_CLASSIFIED_BY = re.compile(r"\bClassifi?e?d\s+By\b", re.I)
_CLASSIF_SEEN = re.compile(rb"CLASSIF")  # where _CLASSIFIED_BY can begin, in ``ascii_case_view``


def _view_of(text: str, view: bytes | None, at: int) -> bytes | None:
    """``ascii_case_view(text)``, where ``text`` stands at ``at`` in the text whose view is
    ``view``: the view's slice, as the view maps each character to one byte on its own; where
    the whole has no view (it holds a character re.I folds into ASCII), ``text`` may have one."""
    return view[at: at + len(text)] if view is not None else ascii_case_view(text)


def _read_classified_by(d: Draft, text: str, start: int, view: bytes | None) -> None:
    """The classified-by clause of a paragraph's text (which starts at clean offset ``start``;
    ``view`` is its ascii_case_view)."""
    cm = _classified_by(text, view)
    if cm:
        after = text[cm.start():]
        # The clause runs to its last reason ('Reason 1.5(d), 1.6X6.').
        stops = list(_REASON_CLAUSE.finditer(after[:400]))
        stop = stops[-1] if stops else None
        clause = after[: stop.end()] if stop else after.split("\n")[0]
        off = start + text.find(after[:10])
        d.set("classified_by_text", " ".join(clause.split()), off, off + len(clause))


def _classified_by(text: str, view: bytes | None) -> re.Match | None:
    """``_CLASSIFIED_BY.search(text)``: a case-blind scan tries every character, so where the text
    allows, only the places its upper-cased view (``view``: ascii_case_view) holds CLASSIF are
    tried (see _first_match)."""
    if view is None:
        return _CLASSIFIED_BY.search(text)
    return _first_match(_CLASSIFIED_BY, text, _CLASSIF_SEEN.finditer(view))


@lru_cache(maxsize=256)
def _portion_mark(mark: str) -> str:
    """A portion mark as recorded: upper case, blanks dropped (split away: the same blanks as a
    regex's ``\\s``, with no regex call), '/' between its parts ('c - nf' -> 'C/NF'). Memoised:
    a pure function of a short string, and a body repeats its few marks paragraph after paragraph."""
    return "".join(mark.upper().split()).replace("-", "/")


def _message_end(lines: list[CLine], first: int) -> int:
    """The index of the first line from ``first`` that ends the message, or ``len(lines)``.

    The message ends at NNNN / END OF MESSAGE, or where a SMART form's footer begins
    (Signature:, Drafted By:, …); what follows is trailer.
    """
    return _message_end_in("\n" + "\n".join(map(_TEXT, lines[first:])), 0, lines, first)[0]


def _message_end_in(joined: str, at: int, lines: list[CLine], first: int) -> tuple[int, int]:
    """_message_end, and where the break of the line that ends the message stands in ``joined``
    (``len(joined)`` if none), where ``joined`` holds lines ``first`` on from ``at``, each after
    a line break. One scan of it finds the candidates (an end mark or label opening a line);
    each is then checked as before."""
    k, pos = first - 1, at
    for m in _END_CANDIDATE.finditer(joined, at):
        k += joined.count("\n", pos, m.start() + 1)
        pos = m.start() + 1
        text = lines[k].text
        if _END_MARKS.match(text) or _SMART_FOOTER.match(text):
            return k, m.start()
    return len(lines), len(joined)


def _joined_kept(joined: str, whole: list[CLine], kept: list[CLine]) -> str:
    """The lines ``kept`` joined, each after a line break, cut from ``joined``, the lines
    ``whole`` so joined; ``kept`` is ``whole``, or its first lines with the last of them
    perhaps shortened (the signature taken off)."""
    trimmed = bool(kept) and kept[-1].text != whole[len(kept) - 1].text
    as_they_were = len(kept) - trimmed
    if not as_they_were:
        return "\n" + kept[0].text if trimmed else "\n"
    at = len(joined)
    for _ in range(len(whole) - as_they_were):
        at = joined.rfind("\n", 0, at)  # the break of the line before
    return joined[:at] + "\n" + kept[-1].text if trimmed else joined[:at]


# A line that opens with the first word of an end mark or a footer label, after blanks: the
# lines worth the two patterns below.
# (The blanks are taken whole, as no word begins with one, and the first letter is checked
# once before the words are tried: re.I folds no other character into these letters.)
_END_CANDIDATE = re.compile(r"\n[^\S\n]*+(?=[NnBbEeSDCARI])(?:(?i:NNNN|BT|END)|Signature|Drafted|Cleared|Approved|Released"
                            r"|Info|Action|Dissemination)")
_END_SUMMARY = re.compile(r"\bEND\s+(?:OF\s+)?SUMMARY\b", re.I)
# In ``ascii_case_view``: what the case-blind patterns' words look like there. A blank is any
# byte of a character ``\s`` matches in Latin-1, or '?' (a character beyond Latin-1).
_VIEW_BLANK = rb"[\t\n\v\f\r\x1c-\x1f \x85\xa0?]+"
_END_SUMMARY_SEEN = re.compile(rb"END" + _VIEW_BLANK + rb"(?:OF" + _VIEW_BLANK + rb")?SUMMARY")
_BEGIN_SUMMARY_SEEN = re.compile(rb"BEGIN" + _VIEW_BLANK + rb"SUMMARY")
_SUMMARY_WORD_SEEN = re.compile(rb"BEGIN|SUMMARY")


def _summary(text: str) -> str | None:
    """_summary_viewed, the text's view computed here."""
    return _summary_viewed(text, ascii_case_view(text))


def _summary_viewed(text: str, view: bytes | None) -> str | None:
    """The text of the summary block (BEGIN SUMMARY … END SUMMARY, or SUMMARY: … END SUMMARY),
    its blanks collapsed, or None.

    The summary is looked for only up to its end marker, so that a text with many 'SUMMARY'
    words and no 'END SUMMARY' is not scanned once per word; in that window the end marker is
    the only one, which lets the patterns read the summary greedily. ``view`` is the text's
    ascii_case_view.
    """
    m = _summary_match(text, view)
    return " ".join(m["text"].split()) if m else None


def _summary_match(text: str, view: bytes | None) -> re.Match | None:
    if view is None:
        end_mark = _END_SUMMARY.search(text)
        window = text[: end_mark.end()] if end_mark else ""
        return (_SUMMARY_BLOCK.search(window) or _SUMMARY.search(window)) if end_mark else None
    if b"SUMMARY" not in view:
        return None  # most texts not summarised: every end mark in the view holds the word
    end_mark = _first_match(_END_SUMMARY, text, _END_SUMMARY_SEEN.finditer(view))
    if not end_mark:
        return None
    window = text[: end_mark.end()]
    return _first_match(_SUMMARY_BLOCK, window, _BEGIN_SUMMARY_SEEN.finditer(view, 0, len(window))) \
        or _first_match(_SUMMARY, window, _SUMMARY_WORD_SEEN.finditer(view, 0, len(window)))


def _first_match(pattern: re.Pattern, text: str, seen) -> re.Match | None:
    """``pattern.search(text)``, trying only where ``seen`` (matches in ``ascii_case_view``) begin.

    A case-blind scan tries every character of the text, ten times slower than the literal scan
    of the view. The view's pattern matches wherever the case-blind one can begin, and nothing
    it passes over (blanks, OF, SUMMARY) can begin another match, so the first place where
    ``pattern`` matches is the search's own answer.
    """
    for m in seen:
        if found := pattern.match(text, m.start()):
            return found
    return None
