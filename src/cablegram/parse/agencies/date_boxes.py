"""Dates an OCR'd agency cable states where OCR garbled them: a receipt stamp or a written date whose
month abbreviation has a letter misread ('MiY 27. 22162 62', '12 Dsc 63', '2i FEs 63'), and the
outgoing form's DATE box whose day 1 OCR read as a lookalike glyph ('CATE: ] MARCH 1964')."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from .. import fields as F
from ..draft import Draft
from .cia_opening import LOOKALIKES
from .window import Window

_DIGIT = re.compile(r"\d")
_INDEX = attrgetter("index")
# The time of a stamp, 'hhmm' (CIA_TIME, _STAMP_ANY_MONTH), without the blank before it: a line
# break is no part of a line.
_STAMP_TIME = re.compile(r"[0-2O][\dO][^\S\n]?[0-5O][\dO]")


# The receipt stamp and a written date with the month abbreviation misread ('MiY 27. 22162 62',
# '12 Dsc 63'): the same shapes as CIA_TIME and _LOOSE_DAY_FIRST with any three letters for the month,
# which must then be one letter off exactly one month that begins with the same letter.
_STAMP_ANY_MONTH = re.compile(
    r"\b(?P<mon>[A-Z]{3})[:.,]?\s+(?P<dd>[0-3O]?[\dO])[:.,]?\s+(?P<hhmm>[0-2O][\dO]\s?[0-5O][\dO])\s?[Z72]?\s*(?P<yy>[4-9O][\dO])\b")
# The day may hold one letter OCR puts for a digit ('2i FEs 63' for 21 FEB 63), read as F.ocr_digits reads it.
# The month may also be written in full, as the outgoing form's DATE box has it ('16 Angust 1962').
# An abbreviation's O may be read as a nought ('27 N0Y 63'). A year's 19 may hold one digit misread
# ('19 SEPTEMBER 1663', '28 SEPT 1064'): read only in the date box (see _century_misread).
_DATE_ANY_MONTH = re.compile(r"(?<![A-Za-z0-9])(?P<d>\d[\dOoIil]?|[OoIil]\d)[).]?\s+(?P<m>[A-Za-z][A-Za-z0]{2}|[A-Za-z]{4,9})\.?\s+"
                             r"(?P<y>19[4-9]\d|[4-9]\d|\d\d[4-9]\d)\b")
# The months by their names in full, and SEPT (the months of four letters or more).
_FULL_MONTHS = {name: n for n, name in enumerate(("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
                                                  "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"), 1) if len(name) >= 4}
_FULL_MONTHS["SEPT"] = 9
# The outgoing form's DATE box label opening its line ('DATE: 19 SEPTEMBER 1963', the D often read as C).
_DATE_LABEL = re.compile(r"^\W{0,3}[DC]ATE\b")


def _in_date_box(text: str, m: re.Match) -> bool:
    """Whether the date ``m`` is the form's date box: alone on its line, or after the DATE label."""
    return _alone(text, m) or _DATE_LABEL.match(text) is not None


def _century_misread(year: str) -> bool:
    """Whether a four-digit year is 19.. with one of the two digits misread ('1663', '1064', '2960'):
    the records' cables are all of the twentieth century."""
    return len(year) == 4 and year[:2] != "19" and (year[0] == "1" or year[1] == "9")


# What may stand beside a date box's date on its line: specks, and a box's number of a character or two.
_DATE_BOX_SPECKS = " .,:;'\"-_|•*()"


def _alone(text: str, m: re.Match) -> bool:
    """Whether the date ``m`` found in a line stands alone on it: the form's date box, not a sentence
    ('10 AUG 67', '7. 10 aug 67.'; not 'ARRIVED 9 OCT 59')."""
    rest = (text[: m.start()] + " " + text[m.end():]).strip(_DATE_BOX_SPECKS)
    return len(rest) <= 2


# The pairs OCR confuses within a month's abbreviation: the capitals' lookalikes, the letter O and
# the nought, V read as Y ('13 Hou 63' and '27 N0Y 63' for NOV: spec §8 rows 1-2).
_MONTH_LOOKALIKES = LOOKALIKES | {frozenset("O0"), frozenset("VY")}


def _misread_month(word: str) -> int | None:
    """The one month whose abbreviation ``word`` is one letter off, where that letter is not the first
    or is the first's lookalike capital ('HOV' for NOV: spec §8 row 2), or two letters off where both
    are lookalikes ('HOU', 'N0Y' for NOV); None where none or several are. A word of five letters or
    more is asked so of the months' names in full ('Angust' for August, 'FEBRUASY'), of its own length."""
    w = word.upper()
    months = F.MONTHS if len(w) == 3 else _FULL_MONTHS
    near = [m for m in months if len(m) == len(w) and _misread_as(w, m)]
    return months[near[0]] if len(near) == 1 else None


def _misread_as(word: str, month: str) -> bool:
    """Whether ``word`` is ``month`` with one letter misread (its first only as a lookalike), or two
    letters each misread as its lookalike."""
    diffs = [frozenset((a, b)) for a, b in zip(word, month) if a != b]
    if len(diffs) == 1:
        return word[0] == month[0] or diffs[0] in LOOKALIKES
    return len(diffs) == 2 and all(p in _MONTH_LOOKALIKES for p in diffs)


def read_misread_month_dates(d: Draft, w: Window) -> None:
    """Where no receipt stamp or header date was read: a stamp or date whose month OCR misread by
    one letter dates the cable (as a repaired reading: a date, never the DTG as written)."""
    if "agency_date" in d.values or "dtg_when" in d.values:
        return
    loose = None
    # A date is looked for only where none was read, or above the first one read as written: the
    # form's date box stands above the text ('DATE: , 26 HOV 63' over a paragraph's '30 APRIL 1961',
    # which a date box read as written would have come before).
    above = d.get("agency_loose_date_line")
    # Only lines with a stamp's time or a date's digit can hold either (a digit of a line is a
    # digit of it upper-cased: digits have no case).
    may_stamp = w.matching(_STAMP_TIME)
    if above is None:
        may_date = w.matching(_DIGIT)
    else:
        # Only the lines above the date read as written are asked for a date (below): the window's
        # lines stand in the text's order and that date's line is among them (the first 60), so
        # those are the lines before it; asked one by one, not by a scan of the whole window for
        # digits (the date read as written stands near its top; most digits are below it).
        end = bisect_left(w.lines, above, key=_INDEX)
        may_date = {k for k in range(end) if _DIGIT.search(w.uppers[k])}
    for k in sorted(may_stamp | may_date):
        ln, t = w.lines[k], w.uppers[k]
        if k in may_stamp and (m := _STAMP_ANY_MONTH.search(t)) and m["mon"] not in F.MONTHS and (mon := _misread_month(m["mon"])):
            fix = lambda x: x.replace("O", "0")  # noqa: E731
            if day := F.iso_date(F.full_year(int(fix(m["yy"]))), mon, int(fix(m["dd"]))):
                d.set("agency_date", day, ln.start + m.start(), ln.start + m.end())
                d.defect("possible-ocr-error", f"receipt stamp month {m['mon']!r} read as {day[5:7]}", ln.start + m.start(), ln.start + m.end())
                return
        if loose is None and (above is None or ln.index < above):
            for m in _DATE_ANY_MONTH.finditer(ln.text):
                written, century = m["m"].upper(), _century_misread(m["y"])
                if len(m["y"]) == 4 and m["y"][:2] != "19" and not (century and _in_date_box(ln.text, m)):
                    continue  # no year of the records, or a number in the text
                if (written in F.MONTHS or written in _FULL_MONTHS) and m["d"].isdigit() and not century:
                    continue  # a date as written, the loose reader's
                if len(written) > 3 and not _in_date_box(ln.text, m):
                    continue  # a month in full is the text's way ('A. 9 OCTOBER 1959: ...'), but for the date box's
                mon = F.MONTHS.get(written) or _FULL_MONTHS.get(written) or _misread_month(written)
                if mon and (day := F.iso_date(F.full_year(int(m["y"][-2:])), mon, int(F.ocr_digits(m["d"])))):
                    loose = (day, ln, m)
                    break
    if loose:
        day, ln, m = loose
        d.set("agency_loose_date", day, ln.start + m.start(), ln.start + m.end(), replace=True)
        d.set("agency_loose_date_line", ln.index, replace=True)
        d.values.pop("agency_loose_date_alone", None)  # (the date read as written's, below)
        d.set("agency_loose_date_misread", m[0])  # reported if the date is used (see assemble)


# The outgoing form's DATE box with the day 1 read as a lookalike glyph ('CATE: ] MARCH 1964'; the
# D of DATE itself often read as C): spec §8 row 2.
_DATE_BOX_ONE = re.compile(r"^\W{0,3}[DC]ATE\s*[:;.]?\s*[\]|LI!]\s+(?P<m>JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|"
                           r"JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\s+(?P<y>19\d{2})\b")


def read_date_box_with_lookalike_day(d: Draft, w: Window) -> None:
    """Where no other date was read: the DATE box whose day is a glyph OCR puts for 1."""
    if "agency_date" in d.values or "dtg_when" in d.values or "agency_loose_date" in d.values:
        return
    for k in sorted(w.holding(("ATE",))):  # [DC]ATE
        ln = w.lines[k]
        if (m := _DATE_BOX_ONE.match(w.uppers[k])) and (mon := F.MONTHS.get(m["m"][:3])) \
                and (day := F.iso_date(int(m["y"]), mon, 1)):
            d.set("agency_loose_date", day, ln.start, ln.end)
            d.set("agency_loose_date_line", ln.index)
            d.set("agency_loose_date_misread", ln.text.strip())
            return
