"""NSA intercept translations: the FR/TO parties with the intercepted message's date and
precedence, and the report title above the first FR line."""

from __future__ import annotations

import re

from .. import fields as F
from ..draft import CLine, Draft

_INTERCEPT_DATE = re.compile(r"\s*:?\s*(?P<date>\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2})\b.*$")
_INTERCEPT_PREC = re.compile(r"\s+(?P<prec>Priority|Immediate|Routine|Flash|PRIORITY|IMMEDIATE|ROUTINE|FLASH)\s*$")


def intercept_party(d: Draft, ln: CLine, m: re.Match, key: str) -> None:
    """An intercept's ``FR Phnom Penh: MINAFERES 12 Dec 63 1825`` / ``TO New York: MISSIONCAM Priority``:
    the party, the intercepted message's own date (the record's date) and its precedence."""
    who = m["who"]
    if dm := _INTERCEPT_DATE.search(who):
        if key == "agency_from" and (got := F.written_date(dm["date"])):
            start = ln.start + m.start("who") + dm.start("date")
            d.set("agency_date", got[0], start, start + len(dm["date"]), replace=True)
        who = who[: dm.start()]
    if pm := _INTERCEPT_PREC.search(who):
        d.set("agency_precedence", pm["prec"].upper())
        who = who[: pm.start()]
    who = who.strip(" ,:-–—")
    d.set(key, f"{m['place'].strip()}: {who}".upper() if who else m["place"].strip().upper())


def intercept_title(d: Draft, lines: list[CLine], fr: CLine) -> None:
    """The report's title: the capitalised lines just above the intercept's FR line (below the
    serial and distribution lines), wrapped over at most three lines."""
    k = next((i for i, ln in enumerate(lines) if ln.index == fr.index), None)
    title: list[CLine] = []
    while k:
        k -= 1
        t = lines[k].text.strip()
        if not t:
            continue
        if len(title) == 3 or ":" in t or not t.isupper() or len(t.split()) < 2 or re.search(r"\d+/|/\d", t) \
                or (len(t.split()) == 2 and re.search(r"\d", t)):
            break  # a label, a serial ('0/27343-63', 'ST 300') or running text ends the title
        title.insert(0, lines[k])
    if title:
        d.set("subject", " ".join(" ".join(ln.text.split()) for ln in title), title[0].start, title[-1].end)
