"""The 2010s SMART form's label lines (``MRN:``, ``Date/DTG:``, ``From:``, ``Action:``, ``Info:``,
``E.O.:``, ``Captions:``, ``Pass Line:``)."""

from __future__ import annotations

import re

from ..vocab.markings import CAPTION_SET
from . import fields as F
from .draft import CLine, Draft
from ..model import Officer
from .header_blocks import LineRule, Scan, close_block, split_addresses


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


# -- the footer --------------------------------------------------------------------------------------
# The SMART form's footer labels, which end the message's text (the body grammar stops at the first).
SMART_FOOTER = re.compile(r"^\s*(?P<label>Signature|Drafted\s+By|Cleared\s+By|Approved\s+By|Released\s+By|Info|"
                          r"Action\s+Post|Dissemination\s+Rule)\s*:\s*(?P<value>.*)$")
# A line of a SMART address list: an item closed by its precedence, before a semicolon or at the end.
_SMART_ITEM_LINE = re.compile(r"\b(?:ROUTINE|PRIORITY|IMMEDIATE|FLASH)\s*(?:[;,]|$)")
# 'EAP/K:Smith, John', 'POL-Political Section:Jones, Kali C (Port-au-Prince)': the office may hold
# spaces; the post in brackets after the name is where the officer sits, not part of the name.
_SMART_OFFICER = re.compile(r"^(?:(?P<office>[A-Za-z][^:]*?)\s*:\s*)?(?P<name>[A-Za-z][^:]*?)(?:\s*\((?P<post>[^()]*)\))?$")


def read_smart_footer(d: Draft, lines: list[CLine]) -> None:
    """The SMART form's footer: ``Signature:``, ``Drafted By:``, ``Cleared By:`` (one officer a
    line), ``Approved By:``, ``Released By:``, ``Info:`` (addressees separated by semicolons)."""
    label = None
    blocks: list[tuple[str, list[tuple[str, CLine]]]] = []
    for ln in lines:
        m = SMART_FOOTER.match(ln.text)
        if m:
            label = " ".join(m["label"].split()).lower()
            blocks.append((label, []))
            if m["value"].strip():
                blocks[-1][1].append((m["value"].strip(), ln))
        elif label and ln.text.strip() and (ln.text.startswith((" ", "\t"))
                                            or label == "info" and _SMART_ITEM_LINE.search(ln.text)):
            # (An Info list's wrapped line may start at the margin: it is known by its items,
            # each closed by a precedence.)
            blocks[-1][1].append((ln.text.strip(), ln))
        elif ln.text.strip():
            label = None  # anything else (a stamp, a banner) closes the label
    for label, values in blocks:
        if not values:
            continue
        if label == "signature":
            text, ln = values[0]
            off = ln.start + ln.text.find(text)
            d.set("signature", text, off, off + len(text))
        elif label in ("drafted by", "approved by", "cleared by", "released by"):
            officers = [_smart_officer(text) for text, _ in values for text in text.split(";")]
            officers = [_mended_officer(d, o, values[0][1]) for o in officers if o]
            if label == "drafted by" and officers:
                d.set("drafted_by", officers[0], values[0][1].start, values[0][1].end)
            elif label == "approved by" and officers:
                d.set("approved_by", officers[0], values[0][1].start, values[0][1].end)
            elif label == "cleared by":
                for o in officers:
                    d.add("cleared_found", o)
        elif label == "info":
            # Items are separated by semicolons and wrap freely across lines ('… NATIONAL SECURITY'
            # / 'COUNCIL WASHINGTON DC ROUTINE;').
            first, last = values[0][1], values[-1][1]
            for item in split_addresses(" ".join(text for text, _ in values) + ";"):
                item = " ".join(item.split())
                if (mended := mended_name(item)) != item:
                    d.defect("possible-ocr-error", f"the name {item!r} read as {mended!r}", first.start, last.end)
                    item = mended
                a = F.addressee(item)
                if a:
                    d.add("info_found", (a, first.start, last.end))


# A person as SMART lists one: 'Baker, Holli C', 'Servin-Baez, Heidy', 'Latif, Mohammad A (S/HSC)',
# the list's precedence after it in the Info list.
_PERSON = re.compile(r"[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)*, [A-Z][A-Za-z'\-]+(?: [A-Z]\.?)?"
                     r"(?: \([^()]*\))?(?: (?:IMMEDIATE|PRIORITY|ROUTINE))?")
# OCR reads a lower-case l as a capital I ('BeII', 'HoIli', 'JoeIle'). In a name written in mixed
# case a capital I never follows a lower-case letter, but after the prefixes that take a capital
# within a name ('McIntyre', 'MacInnes', 'DiIorio').
_I_FOR_L = re.compile(r"(?<=[a-z])I+")
_CAPITAL_AFTER = ("Mc", "Mac", "Di", "De", "Da", "La", "Le")


def mended_name(item: str) -> str:
    """A person's name as SMART lists it with each l OCR read as I put back ('BeII, Kimberlee A'
    -> 'Bell, Kimberlee A'); any other item (a post, a collective, a group's name in camel case
    such as 'SES-O_FrontOffice') as it stands."""
    if "I" not in item or not _PERSON.fullmatch(item):
        return item
    return " ".join(_I_FOR_L.sub(_as_ls, word) for word in item.split(" "))


def _as_ls(m: re.Match) -> str:
    """The run of I's as l's, but a capital a name's prefix takes before it ('McIntyre')."""
    if m.string[:m.start()] in _CAPITAL_AFTER:
        return "I" + "l" * (len(m[0]) - 1)
    return "l" * len(m[0])


def _mended_officer(d: Draft, officer: Officer, ln: CLine) -> Officer:
    """``officer`` with its name mended (see mended_name), the mending reported."""
    name = mended_name(officer.name)
    if name == officer.name:
        return officer
    d.defect("possible-ocr-error", f"the name {officer.name!r} read as {name!r}", ln.start, ln.end)
    return Officer(name=name, office=officer.office, raw=officer.raw)


def _smart_officer(text: str) -> Officer | None:
    m = _SMART_OFFICER.match(text.strip())
    if not m:
        return None
    return Officer(name=m["name"].strip(), office=m["office"], raw=text.strip())
