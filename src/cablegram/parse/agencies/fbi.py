"""The FBI teletype's own lines: its addressees and sender (a TO line to several field offices, the
Bureau's name as OCR misreads it), its precedence line with the date sent, the message number and
the case caption under the FROM line."""

from __future__ import annotations

import re

from ..draft import CLine, Draft

_FBI_TO = re.compile(r"^\s*TO\s+(?P<to>.+?)(?:\s+(?:\d|/|\(|NO\.?\s).*)?$")
# The Bureau's own name as OCR misreads its I ('DIRECTOR FBL', 'FB1').
_FBI_MISREAD = re.compile(r"\bFB[L1l|]\b")
# A teletype to several field offices: 'TO SACS BALTIMORE', the other offices one a line below it.
_SACS = re.compile(r"^SACS\s+(?P<office>[A-Z][A-Z .]{2,30}?)\s*,?$")
_OFFICE_LINE = re.compile(r"^\s*(?P<office>[A-Z][A-Z .]{2,30}?)\s*,?\s*$")


def _sacs(to: str, below: list[str]) -> list[str] | None:
    """The field offices a teletype to SACS names, each as 'SAC <OFFICE>': the office on the TO
    line, then each line below that holds an office's name alone, up to the FROM line."""
    m = _SACS.match(to.strip().upper())
    if not m:
        return None
    offices = [m["office"].strip()]
    for line in below:
        if line.lstrip().startswith("FROM"):
            break
        if not (om := _OFFICE_LINE.match(line)):
            break
        offices.append(om["office"].strip())
    return [f"SAC {office}" for office in offices]


_FBI_FROM = re.compile(r"^\s*FROM\s+(?P<from>.+?)(?:\s+(?:\d|/|\(|NO\.?\s).*)?$")


# The cablegram's message number, on the FROM line or the line under it: 'FROM LEGAT PARIS' / 'NO. 537'.
_FBI_NUMBER = re.compile(r"\bNO\.?\s*(?P<n>\d{1,5})\s*$")
# The reference that opens the text under the case caption: 'REBU TELEPHONE CALL …', 'REMYTEL',
# 'REBUCAB MARCH 15 LAST', 'RE MIAMI TELS …'.
_FBI_REFERENCE = re.compile(r"^\W{0,3}RE(?:BU|MY|UR|CAB|TEL|[A-Z]{0,4}(?:TEL|CAB|AIRTEL|LET)\b|\s+[A-Z]{3,})")
_CAPTION_LINES = 2
# A case caption's close: AKA (the subject's other names), or the character of the case after a comma
# (AR anti-racketeering, IS internal security, SM security matter, CR, IP, ITSP …), with its sub-
# character ('IS - C') and a full stop.
_CASE_CHARACTER = re.compile(r"(?:,\s*AKAS?\b.*|,\s*(?:AR|IS|SM|CR|IP|ITSP|ITAR|BA)(?:\s*[-–]\s*[A-Z]{1,3})?\.?)$")
_FROM_LINE = re.compile(r"^\s*FROM\s")


def read_fbi_number_and_caption(d: Draft, window: list[CLine]) -> None:
    """Under an FBI teletype's (first) FROM line: the message number ('NO. 537', which with the
    sender numbers the message), and the case caption — the title and character of the case
    ('SANTO TRAFFICANTE, JR. AR.'), the teletype's subject — which stands between the address and
    the reference that opens the text ('REBU …'). Specks of a line or two characters are skipped."""
    sender = d.get("agency_from")
    k = next((i for i, ln in enumerate(window) if _FROM_LINE.match(ln.text.upper())), None)
    if k is None:
        return
    caption: list[CLine] = []
    number = _FBI_NUMBER.search(window[k].text.upper())
    for ln in window[k + 1: k + 2 + _CAPTION_LINES + 1]:
        t = ln.text.strip()
        if len(t) <= 3:
            continue
        if number is None and not caption and (number := _FBI_NUMBER.match(t.upper())):
            continue
        if _FBI_REFERENCE.match(t):
            if caption and all(c.text.strip().upper() == c.text.strip() for c in caption):
                text = " ".join(" ".join(c.text.split()) for c in caption)
                d.set("subject", text, caption[0].start, caption[-1].end)
            break
        if not caption and t.upper() == t and _CASE_CHARACTER.search(t):
            # No reference below it, but the line is a case caption by its form: the title, then
            # AKA or the case's character ('JOHN ROSELLI, AKA, AR.').
            d.set("subject", " ".join(t.split()), ln.start, ln.end)
            break
        caption.append(ln)
        if len(caption) > _CAPTION_LINES:
            break
    if number and sender and "," not in sender and d.set("mrn", f"{sender} {int(number['n'])}"):
        # An office that numbers its cablegrams ('LEGAT PARIS'); a 'SAC, MIAMI' teletype carries
        # file numbers instead.
        d.set("mrn_station", sender)
        d.set("mrn_serial", int(number["n"]))


# The teletype's precedence line, often with the date and time sent: 'URGENT 3-16-65',
# 'URGENT 8/16/61 12-54 PM EST MH', 'TELETYPE URGENT'.
_FBI_PRECEDENCE = re.compile(r"^\s*(?:TELETYPE\s+)?(URGENT|NITEL|PRIORITY|ROUTINE|IMMEDIATE|DEFERRED)\w?"
                             r"(?:\s*$|\s+(?P<date>\d{1,2}[-/]\d{1,2}[-/]\d{2,4})\b)")
_FBI_DATE_BELOW = re.compile(r"^\s*(\d{1,2}[-/]\d{1,2}[-/]\d{2,4})\b")
