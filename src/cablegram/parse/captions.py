"""Captions and attention lines: the header lines between the labelled ones that hold handling
captions ('NODIS', 'EXDIS', 'LIMIT DISTRIBUTION S/S', a caption one letter misread) or name who the
telegram is for ('STATE FOR INR/B', 'FOR AMBASSADOR X', a list of office symbols where the format
puts them), as the header scanner (``header``) hands them over.
"""

from __future__ import annotations

import re

from ..vocab.markings import CAPTION_SET
from . import fields as F
from .draft import CLine, Draft
from .header_blocks import Scan, agency_record


# An attention or passing line names its addressee first and the passing word early
# ('FOR AMBASSADOR X', 'STATE FOR INR/B', 'AMEMBASSY ATHENS PASS TO …', 'S/S-O PLEASE PASS …'): at
# most three words stand before FOR/PASS/PLEASE/ONLY/ALSO, or DELIVER/DELIVERY of a delivery
# instruction ('EARLY A.M. DELIVERY', 'DELIVER AT OPENING OF BUSINESS'). A capitalised sentence of
# the text with 'for' further on ('… USEFUL REPORTS FOR ABOUT THREE') is not one.
_ATTENTION = re.compile(r"^(?:[^\s,;]+[\s,;]+){0,3}(?:FOR|PASS|PLEASE|ONLY|ALSO|DELIVERY?)\b")
_LONG_CAPTIONS = tuple(sorted((c for c in CAPTION_SET if " " in c or len(c) >= 5), key=len, reverse=True))


def _halves(text: str) -> tuple[tuple[int, int, str], tuple[int, int, str]]:
    """Keys for the first and the second half of ``text``, each with the text's length."""
    h = len(text) // 2
    return (len(text), 0, text[:h]), (len(text), 1, text[h:])


# The same, by each half: a caption one letter off the line has the line's length, and the half
# that does not hold the misread letter as it stands (a look-up, where comparing the line with
# every caption of its length costs a Python step a letter).
def _captions_by_half() -> dict[tuple[int, int, str], list[str]]:
    by_half: dict[tuple[int, int, str], list[str]] = {}
    for caption in _LONG_CAPTIONS:
        for key in _halves(caption):
            by_half.setdefault(key, []).append(caption)
    return by_half


_LONG_CAPTIONS_BY_HALF = _captions_by_half()
_LONG_CAPTION_LENGTHS = frozenset(map(len, _LONG_CAPTIONS))


def _one_letter_off(text: str) -> str | None:
    """The one long caption ``text`` differs from in a single letter, or None."""
    if len(text) not in _LONG_CAPTION_LENGTHS:
        return None  # no caption of its length: the look-ups below would find none
    first, second = _halves(text)
    by_first, by_second = _LONG_CAPTIONS_BY_HALF.get(first), _LONG_CAPTIONS_BY_HALF.get(second)
    if by_first is None and by_second is None:
        return None  # no caption shares a half with it (most lines): no candidate, as below
    candidates = {*(by_first or ()), *(by_second or ())}
    near = [c for c in candidates if sum(a != b for a, b in zip(c, text)) == 1]
    return near[0] if len(near) == 1 and not text[-1:].isdigit() else None


# Patterns of the functions below, compiled once (the re module's cache lookup costs a call each).
_CAPTION_WORD_BREAK = re.compile(r"[,;]|\s+")
_FIRST_CAPTION_WORD = re.compile(r"[^,;\s]*")  # what stands before the first _CAPTION_WORD_BREAK
_HANDLE_AS = re.compile(r"^(?:HANDLE\s+AS\s+)?(NODIS|EXDIS|LIMDIS|STADIS)\b")
_HANDLE_AS_WORD = re.compile(r"^(?:HANDLE\s+AS\s+)?(\w+)")
_EO_IN_LINE = re.compile(r"\s+E\.?\s?O\.?\s*\d{4,5}\b")
_WRAPS_ON = re.compile(r"(?:\bFOR|\bAND|,|\s-|\s[A-Z]\.)$")  # an attention line that goes on on the next line
# Lines that are attention lines by their place alone (between the classification line with the
# message number and the E.O., TAGS or SUBJECT line, the format's place for them), though they hold
# no passing word: a list of office symbols ('DRL', 'S/CRS', 'INR/IAA (BEN-YEHUDA)', the 'AND EB'
# a wrapped line leaves), a name in brackets after a symbol. Office symbols are short or joined
# with a slash: a line of longer words is a sentence ('CORRECTED COPY'), a line of single letters a
# spaced-out banner, a bracketed line alone a note ('(CORRECTED COPY)').
_OFFICE_SYMBOL = r"(?:[A-Z][A-Z0-9]{0,5}(?:[/\-][A-Z0-9]+)+|[A-Z][A-Z0-9]{1,5})(?:\s*\([A-Z][A-Z .,'\-]*\))?"
_ATTENTION_BY_PLACE = re.compile(
    rf"^(?:AND\s+)?{_OFFICE_SYMBOL}(?:(?:\s*[,;]\s*|\s+)(?:AND\s+)?{_OFFICE_SYMBOL}){{0,5}}$")


# What a line must open with for any of the caption tests of ``caption_or_attention`` that read
# its opening to hold (the line a caption: it opens with it; its first word one: it opens with it,
# or the word is empty and the line opens with a separator or is empty; a long caption leading:
# one of the captions; 'HANDLE AS NODIS' or NODIS/EXDIS/LIMDIS/STADIS alone: those words), asked in
# one match where the three tests cost ~650 ns on a line that passes none (most of the ~19 lines
# a document OCR'd releases send there; 16 of ~3,000 dev lines open so). Exact: a gate each test
# needs, the tests themselves still decide. Checked by hypothesis in tests/test_shortcuts_head2.py.
_CAPTION_OPENINGS = sorted(CAPTION_SET | {"HANDLE", "NODIS", "EXDIS", "LIMDIS", "STADIS"}, key=len, reverse=True)
_MAY_OPEN_WITH_CAPTION = re.compile("|".join(map(re.escape, _CAPTION_OPENINGS)) + r"|[,;\s]|$")


def _caption_words(upper: str) -> list[str] | None:
    """The words of a line that holds nothing but captions ('NODIS, EXDIS'), or None. Most lines
    are settled by their first word."""
    # (The first word is cut off alone, where splitting the whole line cost a regex step and a
    # string a word: a first word that is no caption is where the loop below would stop too. It is
    # what the split's first piece would be: the run of characters before the first separator,
    # which holds none of the blanks, commas or semicolons the split's strip would take off.)
    first = _FIRST_CAPTION_WORD.match(upper)[0]
    if first and first not in CAPTION_SET:
        return None
    words = []
    for piece in _CAPTION_WORD_BREAK.split(upper):
        word = piece.strip(" ,;")
        if not word:
            continue
        if word not in CAPTION_SET:
            return None
        words.append(word)
    return words or None


def caption_or_attention(d: Draft, s: Scan, ln: CLine) -> bool:
    """Read ``ln`` as a caption or an attention line where it is one; say whether it was."""
    text = " ".join(ln.text.split()).strip(" .")
    if len(text) > 1 and text[-2] == " " and text[-1].isupper() and ln.text.rstrip().endswith("."):
        text += "."  # an initial keeps its stop ('… DIRECTOR B.'): the name goes on below
    upper = text.upper()
    if not text:
        return False
    # (None: none of the three caption tests below that read the line's opening can hold.)
    caption_first = _MAY_OPEN_WITH_CAPTION.match(upper)
    items = ([upper] if upper in CAPTION_SET else _caption_words(upper)) if caption_first else None
    if items:
        for w in items:
            d.add("captions_found", (w, ln.start, ln.end))
        return True
    if 8 <= len(upper) <= 30 and (near := _one_letter_off(upper)):
        # A caption standing alone with one letter misread ('EVES ONLY' for EYES ONLY).
        d.add("captions_found", (near, ln.start, ln.end))
        d.defect("possible-ocr-error", f"caption {text!r} read as {near}", ln.start, ln.end)
        return True
    # (One test in C first: most lines open with no caption.)
    lead = next((c for c in _LONG_CAPTIONS if upper.startswith(c)), None) \
        if caption_first and upper.startswith(_LONG_CAPTIONS) else None
    if lead and len(upper) - len(lead) <= 12:
        # 'LIMIT DISTRIBUTION S/S': a caption followed by a short office code.
        d.add("captions_found", (lead, ln.start, ln.end))
        return True
    if caption_first and _HANDLE_AS.match(upper):
        d.add("captions_found", (_HANDLE_AS_WORD.match(upper)[1], ln.start, ln.end))
        return True
    # (A mixed-case line may be an attention line only by its place, after the classification
    # line: the ~7 mixed-case lines a document of OCR'd releases sends here come before any.)
    if len(text) < 120 and (text == upper or s.seen_class_line) and (
            ((found := d.get("attention_found")) and _wraps_onto(found, ln, text, upper))
            or _is_attention_line(d, s, text, upper)):
        if eo := _EO_IN_LINE.search(text):
            # An attention line and the E.O. line printed on one line.
            eo_start = ln.start + len(ln.text) - len(ln.text.lstrip()) + eo.start() + 1
            eo_line = CLine(ln.index, eo_start, ln.end, d.clean.text[eo_start:ln.end])
            got = F.eo_line(eo_line.text)
            if got:
                d.set("eo", got, eo_line.start, eo_line.end)
            text = text[: eo.start()].strip()
        found = d.get("attention_found")
        if found and _WRAPS_ON.search(found[-1][0]):
            # A long attention line wrapped onto this one.
            prev, p_start, _ = found[-1]
            found[-1] = (f"{prev} {text}", p_start, ln.end)
        else:
            d.add("attention_found", (text, ln.start, ln.end))
        return True
    return False


def _wraps_onto(found: list, ln: CLine, text: str, upper: str) -> bool:
    """Whether ``ln`` carries on the attention line just above it (the last of ``found``), which
    ends where a line of names breaks ('S/CT -', 'TREASURY FOR', 'NEA/ARP,'): an upper-case line
    directly below it."""
    return found[-1][2] == ln.start - 1 and text == upper and _WRAPS_ON.search(found[-1][0]) is not None


def _is_attention_line(d: Draft, s: Scan, text: str, upper: str) -> bool:
    """An upper-case line with a passing word early, or where the format puts attention lines
    (``_in_attention_place``) a mixed-case one, or a short upper-case list of office symbols."""
    # (The tests in C first. Every match of _ATTENTION holds one of its six passing words, so a
    # line with none is turned away by six substring tests (~140 ns) before the pattern (~380 ns
    # on the ~12 upper-case lines a document of OCR'd releases that reach it and match nothing),
    # and the place is asked last: most of those lines come before the classification line.)
    passing = ("FOR" in upper or "PASS" in upper or "PLEASE" in upper or "ONLY" in upper or "ALSO" in upper
               or "DELIVER" in upper)
    if ". " in text and agency_record(d) and _SENTENCE_GOES_ON.search(text):
        return False
    if text != upper:
        return passing and _in_attention_place(d, s) and _ATTENTION.match(upper) is not None
    if passing and _ATTENTION.match(upper):
        return True
    return len(text) <= 60 and s.seen_class_line and _in_attention_place(d, s) \
        and _ATTENTION_BY_PLACE.match(text) is not None


# A sentence ended inside the line and another begun ('… IN HIS AREA. ON EIGHT SEVENTEEN …'): an
# attention line is one directive, so such a line is running text. On an agency's record that
# opens its text with no SUBJECT line or numbered paragraph to end the header (the FBI's
# teletypes, the CIA's memoranda), the text's lines that open with FOR or ONLY reach the attention
# test. (A word of four letters at least before the stop: 'MR. BUNDY', 'U.S. MISSION' are no
# sentence's end.)
_SENTENCE_GOES_ON = re.compile(r"[A-Z]{4}\.\s+[A-Z]")


def _in_attention_place(d: Draft, s: Scan) -> bool:
    """Whether the scanner stands where the format puts attention and passing lines: after the
    classification line and the message number, before the E.O., TAGS and SUBJECT lines (spec,
    the parser rule under the captions table). A mixed-case line there ('PARIS also for
    USOECD') is one of them too; elsewhere such a line is a sentence of the text."""
    values = d.values
    return (s.seen_class_line and not s.seen_subject and "mrn" in values
            and "eo" not in values and "tags" not in values)
