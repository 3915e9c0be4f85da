"""The reference that opens the text of a 1960s telegram, where later cables have a REF line.

Telegrams of the 1960s cite the telegram they answer at the head of the text, in the Department's
abbreviations: ``DEPTEL 45.`` (a Department telegram: ``STATE 45``), ``EMBTEL 715`` / ``CONTEL 113``
(the sending embassy's or consulate's own earlier telegram), or ``Leopoldville telegram 411``
(another post's). Only the opening reference is read; ones cited later in the text are not the
cable's references.
"""

from __future__ import annotations

import re

from .draft import CLine, Draft

_OPENING = re.compile(
    r"^\W{0,2}(?:RE\s*:?\s*|REF\s*:?\s*)?(?:(?P<word>DEPTEL|DEPTELS|EMBTEL|CONTEL|CIRTEL|CIRCULAR)"
    r"|(?P<station>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)(?:'s)?\s+(?:telegram|TELEGRAM|tel|TEL))\s+(?P<n>\d{1,5})\b")
_OWN_POST = re.compile(r"^(?:AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION)\s+")
# The opening reference stands in the first lines of the text (after a passing line or OCR debris).
_WINDOW = 6


def read_opening_reference(d: Draft, lines: list[CLine], header_start: int, body_start: int) -> None:
    """Set ``ref_text`` from a reference that opens the text (``DEPTEL 45.``), when none is set.

    The header scanner may have taken the unnumbered opening sentences into the header (it stops
    at paragraph 1), so the search runs from the header's start to a few lines into the body.
    """
    if "ref_text" in d.values:
        return
    seen = 0
    for ln in lines[header_start:]:
        text = ln.text.strip()
        if not text:
            continue
        if ln.index >= body_start:
            seen += 1
        if seen > _WINDOW:
            return
        # (Every match names a telegram, 'DEPTEL', '…TEL', 'telegram', or a CIRCULAR: lines without
        # those letters, nearly all, are passed over by a literal test instead of the pattern.)
        if not ("TEL" in text or "tel" in text or "CIRCULAR" in text):
            continue
        m = _OPENING.match(text)
        if not m:
            continue
        station = _station(d, m["word"], m["station"])
        if station:
            d.set("ref_text", f"{station} {m['n']}", ln.start + m.start(), ln.start + m.end())
        return


def _station(d: Draft, word: str | None, named: str | None) -> str | None:
    if named:
        return named.upper()
    if word.startswith("DEPTEL"):
        return "STATE"
    if word in ("EMBTEL", "CONTEL"):
        sender = d.get("from") or ""
        return _OWN_POST.sub("", sender.upper()).strip() or None
    return None
