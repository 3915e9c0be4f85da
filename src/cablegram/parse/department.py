"""Header lines of the Department's own forms: the 1980s–90s worksheet (drafter line
``EAP/K:JGOLDSTEIN:JLG``, the drafting-date line, clearers, ``IMMEDIATE MOSCOW`` address lines), the
printed outgoing telegram's number, and the 1960s incoming telegram (``NO:``, ``ACTION … INFORMATION``,
``Rec'd:``)."""

from __future__ import annotations

import re

from ..model import Addressee, Officer
from ..vocab import tables
from . import fields as F
from .draft import CLine, Draft
from .header_blocks import Scan, agency_record, close_block


def officer_with(off: Officer, **changes) -> Officer:
    data = {k: getattr(off, k) for k in off.__dataclass_fields__}
    data.update(changes)
    return Officer(**data)


def worksheet_address(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    close_block(d, s)
    post = " ".join(m["post"].split())
    station = tables.stations().get(post)
    canonical = station.plad if station else None
    d.add("worksheet_to", (Addressee(name=post, canonical=canonical, precedence=F.precedence_word(m["prec"])),
                          ln.start, ln.end))
    d.set("era_hint", "dept-worksheet-1990s")


def department(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    d.set("department_form", True, ln.start, ln.end)


def office_line(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    """Worksheet lines ``EAP/K:JGOLDSTEIN:JLG`` (the first is the drafter) and clearers ``S/S-O:``.

    The worksheet and the 1970s telegram list their clearers below the drafter's line, each a
    name after its office ('C:HSONNENFELDT' under 'DRAFTED BY EUR/PP:WZIMMERMANN'). On an agency's
    record (a CIA, FBI or NSA cable, a JFK release's form) the same shape, a word and a colon, is a
    form's label and its value: the routing boxes ('CONF: LA', 'PAGE :', 'TOT:', 'SLUGS: WNINTEL',
    'FROM: DIRECTOR' garbled to 'FRUM: DIRECTOR'), read as clearers in 66 OCR'd documents of the
    dev and studied sets, none rightly. So an office line is a clearer below a drafter's line (the
    worksheet's, or DRAFTED BY), or, off an agency's record, after a first one the scanner settled
    as a clearer (a worksheet whose drafting-date line is lost); a drafter read from elsewhere
    (an agency form's ORIG box, a SMART footer) starts no list of clearers.
    """
    close_block(d, s)
    off = F.office_name(ln.text)
    if off is None:
        return
    if "drafted_by" not in d.values and off.typist:
        d.set("drafted_by", off, ln.start, ln.end)
        d.set("era_hint", "dept-worksheet-1990s")
        s.drafter_read = True
        s.block = "DRAFT_DATE"
        return
    if s.drafter_read or d.get("cleared_found") and not agency_record(d):
        d.add("cleared_found", off)  # (an empty box, 'S/S-O:', is the office's clearance)
    elif "drafted_by" not in d.values:
        # The first office line without the typist's initials ('WHA/AND:TSTEERS-GONZALEZ') is the
        # drafter's when the drafting-date line comes next; the scanner settles it on that line.
        s.pending_drafter = (off, ln.start, ln.end)
        s.block = "DRAFT_DATE"


def confirm_drafter(d: Draft, s: Scan) -> None:
    """The drafting-date line followed the pending office line: it is the drafter's."""
    off, start, end = s.pending_drafter
    s.pending_drafter = None
    s.drafter_read = True
    d.set("drafted_by", off, start, end)
    d.set("era_hint", "dept-worksheet-1990s")


def draft_date(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    """The worksheet line under the drafter: ``04/11/96 75727 SEKPOL 8674``."""
    drafted = d.get("drafted_by")
    date = F.written_date(m["date"])
    if drafted and date:
        d.values["drafted_by"] = officer_with(drafted, date=date[0], raw=drafted.raw)
        d.set("drafting_date", date[0], ln.start + m.start("date"), ln.start + m.end("date"))
    rest = m["rest"] or ""
    nums = re.finditer(r"\b(\d{4,7})\b", rest)
    first = next(nums, None)
    if first:
        off = ln.start + m.start("rest") + first.start()
        d.set("draft_number", int(first[1]), off, off + len(first[1]))
        d.defect("ambiguous-number", f"{first[1]} after the drafting date may be the drafter's phone extension "
                 f"or the telegram's serial; not used as the serial", off, off + len(first[1]))
    code = re.search(r"\b([A-Z]{3,})\s+(\d{2,6})\b", rest)
    if code:
        off = ln.start + m.start("rest") + code.start()
        d.defect("unknown-file-code", f"{code[0]!r} on the drafting line is not an identified code; kept as written",
                 off, off + len(code[0]))
    s.block = None


def department_number(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    """Printed outgoing telegrams: ``Department of State 129202`` is the telegram's number."""
    close_block(d, s)
    d.set("mrn", f"STATE {m['serial']}", ln.start + m.start("serial"), ln.start + m.end("serial"))
    d.set("mrn_station", "STATE")
    d.set("mrn_serial", int(m["serial"]))
    d.set("department_form", True)


def number_line(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    """1960s incoming telegrams: ``NO: 631, October 15, 6 p.m.`` (serial, date without year)."""
    close_block(d, s)
    d.set("number_serial", int(m["serial"]), ln.start + m.start("serial"), ln.start + m.end("serial"))
    d.set("number_month_day", m["md"], ln.start + m.start("md"), ln.start + m.end("md"))
    if got := F.written_section(ln.text):
        d.set("section", got[0], ln.start + got[1].start(), ln.start + got[1].end())


def action_information(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    """1960s incoming telegrams: ``ACTION DEPARTMENT 631, INFORMATION LEOPOLDVILLE 535, USUN 387``.

    The statement may wrap onto the next lines and OCR drops its commas
    (``ACTION DEPARTMENT 115 INFORMATION LEOPOLDVILLE NIACT 9 BRUSSELS`` / ``NIACT 58 LONDON …``):
    the lines are collected as a block and read item by item when it closes.
    """
    close_block(d, s)
    s.block, s.block_start = "ACTINFO", ln.start
    s.block_parts = [(ln.start + m.start("rest"), ln.end, ln.text[m.start("rest"):])]


def received(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    close_block(d, s)
    got = F.written_date(m["date"])
    if got:
        d.set("received_date", got[0], ln.start + m.start("date"), ln.start + m.end("date"))
