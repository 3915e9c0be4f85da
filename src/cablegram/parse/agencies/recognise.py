"""Which agency's record a document is: a CIA cable, an FBI teletype, an NSA intercept, or a
State record (None), from the identification form's originator or the markers on the page."""

from __future__ import annotations

import re
from itertools import islice

from ...normalise.state import ascii_case_view, upper_holds
from ..draft import Draft

# (The word boundary before CITE is tested after it, as a look-behind, so that the pattern opens
# with the literal and the regex engine skips at C speed from one CITE to the next, where ``\b``
# first made it try every character of the text: 30 times faster over a release.)
CIA_CITE = re.compile(r"CITE(?<!\w....)\s+(?P<station>[A-Z]{3,12})\s+(?P<serial>\d{2,6})\b")
CIA_MARKERS = re.compile(r"CLASSIFIED\s+MESSAGE|\bCITE\s+[A-Z]{3,}|\bDIRECTOR\b|ROUTING", re.I)
FBI_MARKERS = re.compile(r"\bFBI\b|FEDERAL\s+BUREAU|TELETYPE|\bSAC\b|\bNITEL\b|AIRTEL", re.I)
NSA_MARKERS = re.compile(r"\bAGENCY\s*:\s*NSA\b|ORIGINATOR\s*:\s*NSA\b|\bMsg\s+N[ro]\b|\bFR\s+[A-Z][a-z]+:", re.I)
# The word each match of a marker pattern opens with, as it stands upper-cased in the text's
# ascii_case_view (see _count).
_FBI_WORDS = (b"FBI", b"FEDERAL", b"TELETYPE", b"SAC", b"NITEL", b"AIRTEL")
_NSA_WORDS = (b"AGENCY", b"ORIGINATOR", b"MSG", b"FR")
_CIA_WORDS = (b"CLASSIFIED", b"CITE", b"DIRECTOR", b"ROUTING")


# The JFK collection's record numbers begin with the agency that holds the record.
_RECORD_AGENCY = {"104": "CIA", "124": "FBI", "144": "NSA"}
# (Opening with a line break, not ``^`` under re.M, lets the regex engine jump from line to line;
# it is searched in the text behind one more line break. \s* may cross line breaks, so a match
# after the last of them is a match at a line start.)
_STATE_HEADER = re.compile(r"\n[^\S\n]*(?:VZCZC|MRN\s*:|FM\s+(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL|USLO|USINT)\b|"
                           r"(?:S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|UNCLAS)\s+SECTION\b)")
_STATE_ORIGINATORS = ("STATE", "DOS", "DEPARTMENT OF STATE")


def agency_kind(d: Draft, text: str) -> str | None:
    """``cia-cable``, ``fbi-teletype``, ``nsa-intercept`` or None (a State record)."""
    originator = (d.get("form_originator") or "").upper() or _RECORD_AGENCY.get((d.get("record_number") or "")[:3], "")
    head = text[:6000]
    if originator:
        return _kind_of_originator(originator, text, head)
    return _kind_by_markers(text, head)


def _kind_of_originator(originator: str, text: str, head: str) -> str | None:
    """The kind of a record whose form or record number names its originator."""
    if originator.startswith("NSA") or "NSA" in head and _count(NSA_MARKERS, _NSA_WORDS, head, 1):
        return "nsa-intercept"
    if originator.startswith("FBI"):
        return "fbi-teletype"
    if originator.startswith("CIA") or CIA_CITE.search(text):
        return "cia-cable"
    return None if originator in _STATE_ORIGINATORS else "other"


def _kind_by_markers(text: str, head: str) -> str | None:
    """The kind of a record that does not say who wrote it: from the markers on its first pages."""
    # A State cable's header, first: most documents are State cables and say so in their first
    # line (a State cable that mentions the FBI or quotes a CITE is still a State cable). Asked
    # before the markers, where it first came after them: both answers are None.
    if _STATE_HEADER.search("\n" + head):
        return None
    if "CITE" not in text and "FBI" not in head and "NSA" not in head and not upper_holds(head, "TELETYPE"):
        return None  # none of the other agencies' markers: a State record
    if "NSA" in head and _count(NSA_MARKERS, _NSA_WORDS, head, 1):
        return "nsa-intercept"
    if _count(FBI_MARKERS, _FBI_WORDS, head, 2) == 2:
        return "fbi-teletype"
    if CIA_CITE.search(text) or ("CITE" in text and _count(CIA_MARKERS, _CIA_WORDS, head, 2) == 2):
        return "cia-cable"
    return None


def _count(pattern: re.Pattern[str], words: tuple[bytes, ...], text: str, enough: int) -> int:
    """How many matches ``pattern.finditer(text)`` finds, counted up to ``enough``, where
    ``pattern`` is case-blind and each of its matches opens with one of ``words`` (upper-case
    ASCII letters).

    A case-blind pattern that opens with a word boundary is tried at every character of the text
    (250 µs over a page). The text's ascii_case_view holds a word exactly where a case-blind
    pattern for the word matches in the text, so the pattern is tried only where a word stands,
    in order; a match is sought from the end of the last, as finditer does. (``match`` at an
    offset sees the characters before it, so a boundary there is tested as in a search.)
    """
    view = ascii_case_view(text)
    if view is None:  # a character that re.I folds into an ASCII letter: scan the plain way
        return sum(1 for _ in islice(pattern.finditer(text), enough))
    found, end = 0, 0
    for at in sorted(_offsets(view, words)):
        if at >= end and (m := pattern.match(text, at)):
            found, end = found + 1, m.end()
            if found == enough:
                break
    return found


def _offsets(view: bytes, words: tuple[bytes, ...]) -> list[int]:
    """Every offset where one of ``words`` stands in ``view``."""
    out: list[int] = []
    for word in words:
        at = view.find(word)
        while at >= 0:
            out.append(at)
            at = view.find(word, at + 1)
    return out
