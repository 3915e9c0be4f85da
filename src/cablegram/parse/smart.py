"""The 2010s SMART form's label lines (``MRN:``, ``Date/DTG:``, ``From:``, ``Action:``, ``Info:``,
``E.O.:``, ``Captions:``, ``Pass Line:``)."""

from __future__ import annotations

import re

from ..vocab.markings import CAPTION_SET
from . import fields as F
from .draft import CLine, Draft
from .header_blocks import LineRule, Scan, close_block


# (Compiled once: the re module's cache look-up costs a call each.)
_MRN_VALUE = re.compile(r"(?:(?P<yy>\d{2})\s+)?(?P<station>[A-Z][A-Z .]*?[A-Z])\s+0*(?P<serial>\d{1,6})\b")
_ITEM_BREAK = re.compile(r"[,;]")


def smart(label: str) -> LineRule:
    """SMART form label lines (``MRN:``, ``Date/DTG:``, ``Action:``, …)."""
    def handler(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
        close_block(d, s)
        d.set("era_hint", "smart-2010s")
        value = ln.text[m.end():].strip()
        vstart = ln.start + m.end() + (len(ln.text[m.end():]) - len(ln.text[m.end():].lstrip()))
        if label == "MRN":
            mm = _MRN_VALUE.match(value.upper())
            if mm:
                d.set("mrn", value, vstart, vstart + len(value))
                d.set("mrn_station", mm["station"])
                d.set("mrn_serial", int(mm["serial"]))
                if mm["yy"]:
                    d.set("mrn_year", F.full_year(int(mm["yy"])))
        elif label == "DATE":
            got = _date_dtg(value)
            if got:
                written, when, start, end = got
                d.set("dtg", written, vstart + start, vstart + end)
                d.set("dtg_when", when)
            elif wd := F.written_date(value):
                d.set("dateline_date", wd[0], vstart + wd[1].start(), vstart + wd[1].end())
        elif label == "FROM":
            d.set("from", F.plad(value), vstart, vstart + len(value))
        elif label in ("ACTION", "INFO"):
            s.block = "TO" if label == "ACTION" else "INFO"
            s.block_start = ln.start
            s.block_parts = [(vstart, vstart + len(value), value)]
            return
        elif label == "EO":
            eo = F.eo_line("E.O. " + value)
            if eo:
                d.set("eo", eo, vstart, vstart + len(value))
        elif label == "CAPTIONS":
            for w in _caption_items(value.upper()):
                d.add("captions_found", (w, vstart, vstart + len(value)))
        elif label == "PASS":
            s.block, s.block_start = "PASS", ln.start
            s.block_parts = [(vstart, vstart + len(value), value)]
            return
    return handler


# The DTG of a SMART date whose ' / ' OCR read as a digit run into the year ('Jul 22, 20101221710Z
# JUL 10'): the six digits before the Z, with the month and year after it.
_GLUED_DTG = re.compile(r"\d{6}Z\s+[A-Z]{3}\s+\d{2}\b")
_WRITTEN_DATE = re.compile(r"\s*(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<d>\d{1,2}),?\s*(?P<y>(?:19|20)\d\d)")  # (digits may follow)


def _date_dtg(value: str) -> tuple[str, str, int, int] | None:
    """The DTG of a SMART date value: (as written, ISO date-time, where it stands in ``value``)."""
    if got := F.dtg(value):
        return got[0], got[1], got[2].start(), got[2].end()
    return _glued_dtg(value)


def _glued_dtg(value: str) -> tuple[str, str, int, int] | None:
    """The time group glued to the written date before it, taken only where its day, month and
    year are the written date's (the date checks the digits the time group was cut from)."""
    m = _GLUED_DTG.search(value)
    w = _WRITTEN_DATE.match(value) if m else None
    got = F.dtg(m[0]) if m and w and w["mon"].upper() in F.MONTHS else None
    if got is None or got[1][:10] != F.iso_date(int(w["y"]), F.MONTHS[w["mon"].upper()], int(w["d"])):
        return None
    return got[0], got[1], m.start() + got[2].start(), m.start() + got[2].end()


def _caption_items(value: str) -> list[str]:
    """The captions of a SMART ``Captions:`` list: items separated by commas or semicolons, or by
    spaces alone. An item that is no caption as written but is one without its spaces was split by
    OCR ('SI PDIS' for SIPDIS) and is read whole."""
    out: list[str] = []
    for item in _ITEM_BREAK.split(value):
        words = item.split()
        if len(words) > 1 and " ".join(words) in CAPTION_SET:
            out.append(" ".join(words))  # a caption of several words ('EYES ONLY')
        elif len(words) > 1 and "".join(words) in CAPTION_SET:
            out.append("".join(words))
        else:
            out.extend(w for w in words if w != "NONE")
    return out
