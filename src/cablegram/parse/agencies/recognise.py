"""Which agency's record a document is: a CIA cable, an FBI teletype, an NSA intercept, or a
State record (None), from the identification form's originator or the markers on the page."""

from __future__ import annotations

import re

from ...normalise.state import upper_holds
from ..draft import Draft

CIA_CITE = re.compile(r"\bCITE\s+(?P<station>[A-Z]{3,12})\s+(?P<serial>\d{2,6})\b")
# The CITE line as OCR and outgoing forms leave it: 'CITE(MONT 8397)', and headquarters' 'CITE DIR'
# whose number stands apart (only a known station is taken without its number).
_CITE_LOOSE = re.compile(r"\bCITE\s*[(“\"‘']?\s*(?P<station>[A-Z]{3,12})(?:\s+(?P<serial>\d{2,6}))?\b")
CIA_MARKERS = re.compile(r"CLASSIFIED\s+MESSAGE|\bCITE\s+[A-Z]{3,}|\bDIRECTOR\b|ROUTING", re.I)
FBI_MARKERS = re.compile(r"\bFBI\b|FEDERAL\s+BUREAU|TELETYPE|\bSAC\b|\bNITEL\b|AIRTEL", re.I)
NSA_MARKERS = re.compile(r"\bAGENCY\s*:\s*NSA\b|ORIGINATOR\s*:\s*NSA\b|\bMsg\s+N[ro]\b|\bFR\s+[A-Z][a-z]+:", re.I)
_AGENCY_PREC = re.compile(r"\b(FLASH|OPERATIONAL\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|DEFERRED|URGENT|NIACT)\b")


# The JFK collection's record numbers begin with the agency that holds the record.
_RECORD_AGENCY = {"104": "CIA", "124": "FBI", "144": "NSA"}
# (Opening with a line break, not ``^`` under re.M, lets the regex engine jump from line to line;
# it is searched in the text behind one more line break. \s* may cross line breaks, so a match
# after the last of them is a match at a line start.)
_STATE_HEADER = re.compile(r"\n[^\S\n]*(?:VZCZC|MRN\s*:|FM\s+(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL|USLO|USINT)\b|"
                           r"(?:S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|UNCLAS)\s+SECTION\b)")


def _cia_cite(text: str) -> bool:
    """Whether ``CIA_CITE`` matches: its matches open with the word CITE, so the scan (which
    tries every character) starts at the first CITE."""
    first = text.find("CITE")
    return first >= 0 and CIA_CITE.search(text, first) is not None


def agency_kind(d: Draft, text: str) -> str | None:
    """``cia-cable``, ``fbi-teletype``, ``nsa-intercept`` or None (a State record)."""
    originator = (d.get("form_originator") or "").upper() or _RECORD_AGENCY.get((d.get("record_number") or "")[:3], "")
    head = text[:6000]
    if not originator and "CITE" not in text and "FBI" not in head and "NSA" not in head \
            and not upper_holds(head, "TELETYPE"):
        return None  # none of the other agencies' markers: a State record
    if not originator and _STATE_HEADER.search("\n" + head):
        return None  # a State cable that mentions the FBI or quotes a CITE is still a State cable
    if originator.startswith("NSA") or "NSA" in head and NSA_MARKERS.search(head):
        return "nsa-intercept"
    if originator.startswith("FBI") or (originator == "" and len(FBI_MARKERS.findall(head)) >= 2):
        return "fbi-teletype"
    if originator.startswith("CIA") or _cia_cite(text) or (originator == "" and len(CIA_MARKERS.findall(head)) >= 2 and "CITE" in text):
        return "cia-cable"
    if originator and originator not in ("STATE", "DOS", "DEPARTMENT OF STATE"):
        return "other"
    return None
