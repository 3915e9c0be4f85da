"""Other agencies' cables line by line: the CIA CITE line (station, serial, precedence,
addressees), receipt stamps and DTGs, the FBI teletype's precedence and parties, the NSA
intercept's parties and date."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice

from ...model import EO
from ...vocab import tables
from .. import fields as F
from ..draft import CLine, Draft
from .cia_address import (address_before_lost_station, address_box_above, address_column, address_line_above, address_line_elsewhere, address_below,
                          address_on_to_line,
                          addressee_names, misread_director, misread_headquarters, read_for_line, set_address)
from .cia_opening import closest
from .cite_serials import _HEADQUARTERS_CODES, read_headquarters_number, read_in_line_serial
from .date_boxes import _DIGIT, _STAMP_TIME, _alone, read_date_box_with_lookalike_day, read_misread_month_dates
from .dtg_lines import CIA_DTG, CIA_TIME, _CLASS_WORD, _SPECKED_STAMP, _TOR, _cia_dtg, _cia_time, _time_of_receipt, read_filed_line, read_garbled_class_line, read_time_below_label
from .fbi import _FBI_DATE_BELOW, _FBI_FROM, _FBI_MISREAD, _FBI_PRECEDENCE, _FBI_TO, _sacs, read_fbi_number_and_caption
from .intercepts import intercept_party, intercept_title
from .markings import head_lines, iter_nonblank, read_agency_controls, read_declassify_event, read_marking_in, read_slug_lines
from .officers import read_cia_officers
from .window import Window

# The CITE line as OCR and outgoing forms leave it: 'CITE(MONT 8397)', and headquarters' 'CITE DIR'
# whose number stands apart (only a known station is taken without its number).
# OCR also loses the C ('DIR ITE MEXI 7028'): 'ITE' is taken only with a station and serial after it.
# A serial: digits, or three digits or more with one capital OCR read for a digit ('B230' for 8230),
# read as F.ocr_digits reads it.
_SERIAL = r"\d{2,6}|(?=[\dOBSI]{4,6}\b)\d*[OBSI]\d*"
_CITE_LOOSE = re.compile(rf"(?:\bCITE\s*[(“\"‘']?\s*(?P<station>[A-Z]{{3,12}})(?:\s+(?P<serial>{_SERIAL}))?"
                         rf"|(?<=[A-Z] )ITE\s+(?P<station2>[A-Z]{{3,12}})\s+(?P<serial2>{_SERIAL}))\b")

# A precedence word; '(NO NIACT)' on a CIA cable says the cable is not a night action: no precedence.
_AGENCY_PREC = re.compile(r"\b(?<!NO )(FLASH|OPERATIONAL\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|DEFERRED|URGENT|NIACT)\b")


# '19 FEB 62' (also after a speck: '_19 FEB 62', or with one after the day: '24) OCTOBER 1961'),
# '17 DEC 63' with the time run on ('17 DEc 631882675'); or the receipt stamp's 'DEC 17 1826Z 63'.
# (First written as one pattern, the two shapes as alternatives, its look-behind before the day:
# the case-blind engine then tried both at every character. Apart, the day-first shape opens with
# its digit, the look-behind after it, and is skipped to digits at C speed; the month-first shape
# is tried only on a line with its day and time ('17 1826'). The two cannot match at one offset (a
# digit, a letter), so the leftmost match of the two is the one pattern's; see _loose_date.)
_LOOSE_DAY_FIRST = re.compile(
    r"(?i)(?P<d>\d(?<![A-Za-z0-9].)\d?)[).]?\s+(?P<m>" + F.MONTH_ALTERNATION + r")[A-Z]*[.:,]?\s+(?P<y>19\d{2}|\d{2})(?:\b|(?=\d{4}))")
_LOOSE_MONTH_FIRST = re.compile(
    r"(?i)\b(?P<m>" + F.MONTH_ALTERNATION + r")[A-Z]*\s+(?P<d>\d{1,2})\s+\d{3,5}Z?\s+(?P<y>\d{2})\b")
_DAY_AND_TIME = re.compile(r"\d\s+\d\d\d")  # in every match of _LOOSE_MONTH_FIRST


# The staff cable's message line: its time group, originator and serial, after the STAFF mark
# when OCR keeps the two on one line ('STAFF 242058Z DIRECTOR 228470'). OCR reads the time group's
# Z as 2 or 7 here as on the classification line ('2316462 DIRECTOR 784515'): a valid day, hour
# and minute before it say it is the Z.
_STAFF_MESSAGE_LINE = re.compile(r"^\s*(?:STAFF\s+)?(?P<time>(?:[0-2]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d)(?P<z>[Z27])"
                                 r"\s+(?P<station>DIRECTOR)\s+(?P<serial>\d{5,7})\s*$")


def _loose_date(text: str) -> re.Match | None:
    """The first written date in ``text`` of either shape, or None; groups ``d``, ``m``, ``y``."""
    first = _LOOSE_DAY_FIRST.search(text)
    if _DAY_AND_TIME.search(text) and (other := _LOOSE_MONTH_FIRST.search(text)) \
            and (first is None or other.start() < first.start()):
        return other
    return first


# The derivative classification's source: 'DRV FM: NSA/CSS Manual 123-2' / 'Dated: 24 February 1998'. Its
# date is the classification guide's (the NSA's release copies carry the same 1998 manual), never the message's.
_GUIDE_DATED = re.compile(r"^\W{0,3}Dated\s*:", re.I)


def _is_guide_date(text: str) -> bool:
    """Whether a line is the 'Dated:' line of a derivative classification block (its date is the guide's)."""
    return _GUIDE_DATED.match(text) is not None  # (asked only of the few lines a date was found in)


# Dates in a cable's header area that are never the message's: the classification review stamp
# the CIA put on its JFK records in 1975-78 ('CLASSIFICATION REVIEW' / 'CONDUCTED ON 24 MAY 1978',
# five dated stamps in the studied sets: a review date, which LABELING.md excludes), and a person's
# date of birth ('BORN 29 MAR 43', 'DOB 12 JAN 31': in the traces a cable's first lines give).
_REVIEW_STAMP = "CONDUCTED ON"
_BIRTH = re.compile(r"\b(?:BORN|DOB|DPOB)\W{0,3}$")


def _is_no_message_date(text: str, m: re.Match) -> bool:
    """Whether the date ``m`` of line ``text`` is a review stamp's or a date of birth (asked only of
    the few lines a date was found in)."""
    return _REVIEW_STAMP in text.upper() or _BIRTH.search(text.upper(), 0, m.start()) is not None


_IN_NUMBER = re.compile(r"^\s*(IN|OUT)\s+(\d{4,6})\s*$")
_NSA_FR = re.compile(r"^\s*FR\s+(?P<place>[A-Za-z .]+?):\s*(?P<who>.*)$")
_NSA_TO = re.compile(r"^\s*TO\s+(?P<place>[A-Za-z .]+?):\s*(?P<who>.*)$")
# The intercept's date alone on its line ('28 Nov 63'); OCR may leave a speck after the month ('26 Nov: 63').
_NSA_DATE = re.compile(r"^\s*(\d{1,2}\s+[A-Z][a-z]{2})[.:,]?(\s+\d{2})\s*$")


# What every match of a line pattern holds, upper-cased, so that a window's lines are asked the
# pattern only where one stands (see Window; tests/test_shortcuts_agency.py checks each). A gate
# costs a literal search of the window a word (0.7 ns a character): it pays only for patterns
# that most lines fail and whose words are few.
_LEVELS = ("SECRET", "CONFIDENTIAL", "UNCLASSIFIED")  # _CLASS_WORD, CIA_DTG
_TOR_WORDS = ("TOR", "T0R", "TOT", "T0T")  # _TOR
# A precedence word as typed or abbreviated (_TYPED_ADDRESS, _AGENCY_PREC): PRI stands for PRIORITY
# and PRITY, IMMEDIATE for OPERATIONAL IMMEDIATE too. Few lines hold one (3 % of a CIA cable's window),
# and the two patterns, the second opening with a word boundary (tried at every character), cost
# ~35 µs a cable asked of every line, the nine searches of the window ~13 µs (read_agency on the
# OCR'd releases: ~232 -> ~222 µs a document).
_PRECEDENCE_WORDS = ("FLASH", "IMMEDIATE", "PRI", "ROUTINE", "RTNE", "OPIM", "DEFERRED", "URGENT", "NIACT")


def read_agency(d: Draft, kind: str, lines: list[CLine], start: int) -> None:
    """Other agencies' cables: CITE station and number, precedence words, IN/OUT numbers."""
    head = head_lines(lines, start)  # (the non-blank lines counted once for the two readers)
    read_marking_in(d, head)
    read_agency_controls(d, head)
    text_lines = lines[start:]
    # The cable's window: its first 80 non-blank lines, taken from the non-blank lines counted
    # once; the report form's reader goes on through the same count, only as far as it reads.
    non_blank = iter_nonblank(text_lines)
    win = Window(list(islice(non_blank, 80)))
    window = win.lines
    for ln in window[:60]:  # (the first 60 non-blank lines)
        # The first date written in the header area (date stamps, 'DATE: 6 JAN 64'): a fallback.
        if _DIGIT.search(ln.text) and (m := _loose_date(ln.text)) and not _is_guide_date(ln.text) \
                and not _is_no_message_date(ln.text, m):  # a date has a digit
            day, mon, yy = m["d"], m["m"], m["y"]
            iso = F.iso_date(F.full_year(int(yy)), F.MONTHS[mon.upper()], int(day))
            if iso and "1940" < iso < ("2000" if len(yy) == 2 else "2030"):
                # (A two-digit year read into this century is none of these cables': the records
                # are of 1940-1999, and the release's and reviewers' own dates, the only later
                # ones, are written with four digits ('Date: 10-29-2021'). Such a reading is OCR
                # damage ('9 DECEs 22' for 9 DEC 63) or a day run into text ('9-13 DEC. 13 DEC').)
                d.set("agency_loose_date", iso, ln.start + m.start(), ln.start + m.end())
                d.set("agency_loose_date_line", ln.index)
                d.set("agency_loose_date_alone", _alone(ln.text, m))
                break
    lone: list[tuple[str, int, int]] = []
    ticked: list[tuple[str, int, int]] = []  # (the precedence boxes of the form marked with a cross)
    marked_i: list[tuple[str, int, int]] = []  # (those whose mark OCR read as a capital I)
    lone_at: list[int] = []  # (where in the window each of ``lone`` stands)
    if kind == "cia-cable":
        cit = win.holding(("CIT",))  # (the lines the two readers below ask: CITE, CITI, CIT)
        read_split_cite(d, win, cit)
        if "cite_line" not in d.values:
            read_cite_broken_after_label(d, win, cit)
        # (Two patterns tried on every line that few lines can match, behind literal gates: a
        # classification word, and the TOR label.)
        may_level, may_tor = win.holding(_LEVELS), win.holding(_TOR_WORDS)
        may_time = win.matching(_STAMP_TIME)  # (the hhmm of CIA_TIME's stamp: few lines hold one)
        # (A line holding no precedence word matches neither pattern of the last two branches
        # below: asking it neither takes the same branch, none.)
        may_prec = win.holding(_PRECEDENCE_WORDS)
        # (A headquarters staff cable's message line holds DIRECTOR, a CITE line whose label OCR
        # misread holds DIR: one search of the window finds the lines that may be either.)
        may_dir = win.holding(("DIR",))
    for k, ln in enumerate(window):
        t = win.uppers[k]
        if kind == "cia-cable":
            if "cite_line" not in d.values and "CITE" in t and (m := _CITE_STATION_LOST.search(t)) \
                    and address_before_lost_station(d, ln, t[: m.start()]):
                # The address line before a CITE whose station is lost or blanked ('DIR CITE!'):
                # the addressees still stand, and the line ends the header.
                d.set("cite_line", ln.index)
            if "cite_line" not in d.values and "CITE" in t and (m := _CITE_SERIAL_ALONE.search(t)) \
                    and _addressed(t[: m.start()]):
                # The CITE line whose station OCR lost ('PRIORITY DIR CITE 4319'): it still ends the
                # header; no station is read, so the cable gets no id from it.
                d.set("cite_line", ln.index)
            if k in may_dir and "cite_line" not in d.values and (m := _STAFF_MESSAGE_LINE.match(t)):
                # A headquarters staff cable's message line, where other cables have their CITE
                # line: its time group, originator and serial ('131953Z DIRECTOR 941533').
                d.set("cite_station", "DIRECTOR", ln.start + m.start("station"), ln.start + m.end("station"))
                d.set("cite_serial", int(m["serial"]))
                d.set("cite_line", ln.index)
                d.set("staff_time", m["time"] + "Z", ln.start + m.start("time"), ln.start + m.end("z"))
                if m["z"] != "Z":
                    d.defect("possible-ocr-error", f"message line's time group {m['time'] + m['z']!r} read as {m['time']}Z",
                             ln.start + m.start("time"), ln.start + m.end("z"))
                address_on_to_line(d, window, k)
            if "ITE" in t and (c := _cite(t)) and (c.serial or _is_cia_addressee(c.station)
                                     or closest(c.station, tuple(tables.cia_cites())) or _addressed(t[: c.start])):
                d.set("cite_station", c.station, ln.start + c.station_start, ln.start + c.station_end)
                d.set("cite_line", ln.index)
                if c.misread_station:
                    d.defect("possible-ocr-error", f"CITE code {c.misread_station!r} read as {c.station}", ln.start, ln.end)
                if c.serial and c.station == "DIR" and len(c.serial) < 5:
                    # Headquarters typed its DIR serial with five digits, noughts before a small one
                    # ('CITE DIR 08002'): a shorter one is a number OCR cut short, and gives no id.
                    d.defect("possible-ocr-error", f"CITE DIR serial {c.serial!r} has fewer than five digits: "
                             "a number cut short, not read", ln.start, ln.end)
                elif c.serial:
                    d.set("cite_serial", int(c.serial))
                    if c.misread_serial:
                        d.defect("possible-ocr-error", f"CITE serial {c.misread_serial!r} read as {c.serial}",
                                 ln.start, ln.end)
                head = t[: c.start]
                if pm := _AGENCY_PREC_ABBR.search(head):
                    # The precedence typed on the address line is the cable's own; printed form
                    # boxes elsewhere list every precedence whether ticked or not.
                    word = _PREC_ABBR.get(pm[1], " ".join(pm[1].split()))
                    d.set("agency_precedence", word, ln.start + pm.start(1), ln.start + pm.end(1), replace=True)
                    d.set("typed_precedence", True)
                elif word := _misread_precedence(head) or _precedence_before_addressees(head):
                    d.set("agency_precedence", word, ln.start, ln.start + len(head), replace=True)
                    d.set("typed_precedence", True)
                    d.defect("possible-ocr-error", f"precedence on the CITE line read as {word}: {head.strip()!r}")
                addr = _AGENCY_PREC_ABBR.sub("", head)
                info = _INFO_WORD.search(addr)
                addr = addr[: info.start()] if info else addr
                if addr.strip(" ,"):
                    d.set("cia_to", [a for a in re.split(r"[,\s]+", addr.strip(" ,")) if a])
                elif not head.strip(" .,:;'\"•|"):
                    address_above(d, window, k)
                # A staff cable's typed TO line below the CITE line; else, with no addressee before CITE
                # ('SECRET 0714502 JUN 68 CITE STOCKHOLM 9024'), the later incoming cables' address
                # on the line below.
                if not address_on_to_line(d, window, k) and not any(_is_cia_addressee(a) for a in d.get("cia_to") or ()):
                    address_below(d, window, k)
                if info and info[1].strip(" ,"):
                    d.set("cia_info", [a for a in re.split(r"[,\s]+", _AGENCY_PREC_ABBR.sub("", info[1]).strip(" ,")) if a])
            elif not d.get("typed_precedence") and "cite_line" not in d.values and (got := _misread_typed_address(t)):
                d.set("agency_precedence", got, ln.start, ln.end, replace=True)
                d.set("typed_precedence", True)
                d.defect("possible-ocr-error", f"typed address line read as {got}: {t.strip()[:60]!r}", ln.start, ln.end)
            elif k not in may_prec:
                pass
            elif (am := _TYPED_ADDRESS.match(t)) and not d.get("typed_precedence") and (
                    _is_cia_addressee(am["to"]) or closest(am["to"].split()[0], tuple(tables.cia_cites()))):
                # An outgoing cable's typed address line 'PRITY MEXI' (no CITE on it).
                word = _PREC_ABBR.get(am["prec"], " ".join(am["prec"].split()))
                d.set("agency_precedence", word, ln.start + am.start("prec"), ln.start + am.end("prec"), replace=True)
                d.set("typed_precedence", True)
            elif len(t.strip()) < 30 and (pm := _AGENCY_PREC.search(t)):
                found = (" ".join(pm[1].split()), ln.start + pm.start(1), ln.start + pm.end(1))
                lone.append(found)
                lone_at.append(k)
                if _TICK.match(t, 0, pm.start()):
                    ticked.append(found)
                elif _I_MARK.match(t, 0, pm.start()):
                    marked_i.append(found)
            if m := _IN_NUMBER.match(t):
                d.set("in_number", f"{m[1]} {m[2]}")
            if k in may_time and (m := CIA_TIME.search(t)):
                _cia_time(d, ln, m)
            elif m := _SPECKED_STAMP.match(t):
                _cia_time(d, ln, m)
            if k not in may_level:
                pass
            elif _CLASS_WORD.match(t) and (got := F.dtg(t)):
                # 'SECRET 080853Z APR 76 STAFF': a whole DTG on the classification line.
                written, when, dm = got
                if d.set("dtg", written, ln.start + dm.start(), ln.start + dm.end(), replace=not d.get("cia_dtg")):
                    d.set("dtg_when", when, replace=True)
                d.set("cia_dtg", True)
            elif m := CIA_DTG.match(t):
                # The cable's own DTG, on its classification line: the Z is often read as 2 or 7.
                _cia_dtg(d, ln, m)
            if k not in may_tor:
                pass
            elif m := _TOR.match(t):
                _time_of_receipt(d, ln, m)
            else:
                read_time_below_label(d, win, k)
        elif kind == "fbi-teletype":
            if m := _FBI_PRECEDENCE.match(t):
                d.set("agency_precedence", m[1], ln.start + m.start(1), ln.start + m.end(1))
                if m["date"] and (day := F.written_date(m["date"].replace("-", "/"))):
                    d.set("agency_date", day[0], ln.start + m.start("date"), ln.start + m.end("date"))
                elif k + 1 < len(window) and (below := _FBI_DATE_BELOW.match(window[k + 1].text)) \
                        and (day := F.written_date(below[1].replace("-", "/"))):
                    # The date sent set on the line below the precedence word ('URGENT' / '8-21-61'),
                    # as OCR of the teletype's columns leaves it.
                    nxt = window[k + 1]
                    d.set("agency_date", day[0], nxt.start + below.start(1), nxt.start + below.end(1))
            if m := _FBI_TO.match(t):  # file numbers follow
                if d.set("agency_to", m["to"].strip(" ,")) and (offices := _sacs(m["to"], win.uppers[k + 1: k + 12])):
                    d.set("agency_to_names", offices)
            # 'FROM SAC, MIAMI /92-236//92-228/', 'FROM LEGAT MEXICO CITY NO. 1(4': file and
            # message numbers follow the sender.
            if m := _FBI_FROM.match(t):
                sender = m["from"].strip(" ,")
                if (fixed := _FBI_MISREAD.sub("FBI", sender)) != sender:
                    d.defect("possible-ocr-error", f"{sender!r} read as {fixed!r}", ln.start + m.start("from"),
                             ln.start + m.end("from"))
                d.set("agency_from", fixed)
        elif kind == "nsa-intercept":
            for label, key, party in (("FR", "agency_from", _NSA_FR), ("TO", "agency_to", _NSA_TO)):
                if m := party.match(ln.text):
                    intercept_party(d, ln, m, key)
                    if label == "FR" and d.set("intercept_fr_read", True):
                        intercept_title(d, text_lines, ln)  # the first FR line: the title stands above it
            if (wd := _NSA_DATE.match(ln.text)) and (got := F.written_date(wd[1] + wd[2])):
                d.set("agency_date", got[0], ln.start + wd.start(1), ln.start + wd.end(2))
    if kind == "cia-cable" and "eo" not in d.values and _IMPDET_TAIL.search(d.clean.text) \
            and (m := _IMPDET.search(d.clean.text)):
        # 'E2 IMPDET' (E.O. 11652's exemption category 2, declassification date impossible to
        # determine) closes the cable's classification line; OCR garbles it in many ways.
        d.set("eo", EO(order=None, declassify_on=None, event="E2 IMPDET", raw=m[0]), m.start(), m.end())
        if m[0] != "E2 IMPDET":
            d.defect("possible-ocr-error", f"{m[0]!r} read as E2 IMPDET", m.start(), m.end())
    if kind == "cia-cable" and "eo" not in d.values:
        read_declassify_event(d)
    if not ticked and lone_at:
        ticked = _ticked_garbled_boxes(d, win)
    if ticked and len({w for w, *_ in ticked}) == 1:
        # The form's precedence box marked with a cross ('X ROUTINE', 'X/ROUTINE', '& ROUTINE'
        # where OCR reads the hand-drawn cross): the precedence chosen, among the boxes printed.
        d.set("agency_precedence", *ticked[0])
    elif not ticked and len({w for w, *_ in marked_i}) == 1:
        # The one box whose mark OCR read as a capital I, among boxes with none ('DEFERRED' /
        # 'I ROUTINE' / 'PRIORITY'): the box marked.
        d.set("agency_precedence", *marked_i[0])
        d.defect("possible-ocr-error", f"the mark before the precedence box {marked_i[0][0]} read as I", *marked_i[0][1:])
    if lone and len({w for w, *_ in lone}) == 1 and not _printed_box_beside(win.uppers, lone_at, lone[0][0]):
        # A precedence printed alone, unambiguously (several distinct ones are the form's boxes).
        d.set("agency_precedence", *lone[0])
    if kind == "cia-cable":
        if "cite_line" not in d.values:
            read_misread_cite_label(d, win, may_dir)
        if d.get("cite_station") in _HEADQUARTERS_CODES and "cite_serial" not in d.values:
            read_headquarters_number(d, window)
        if "cite_serial" not in d.values:
            read_in_line_serial(d)
        read_report_precedence(d, chain(window, islice(non_blank, _REPORT_LINES - len(window))))
        if "cia_dtg" not in d.values:
            read_garbled_class_line(d, win)
        if "dtg" not in d.values:
            read_filed_line(d)
        read_misread_month_dates(d, win)
        read_date_box_with_lookalike_day(d, win)
        read_cia_officers(d, lines)
        read_slug_lines(d, window)
        read_for_line(d, win)
        address_line_elsewhere(d, win)
    elif kind == "fbi-teletype":
        read_fbi_number_and_caption(d, window)


# The words of the form's precedence boxes, printed one under another ('DEFERRED' / 'ROUTINE').
_BOX_WORDS = ("DEFERRED", "ROUTINE", "PRIORITY", "OPERATIONAL", "IMMEDIATE")
_BOX_SPECKS = " .,:;'\"•|_*"


def _printed_box_beside(uppers: list[str], at: list[int], word: str) -> bool:
    """Whether a line within two of a lone precedence word holds another of the form's printed
    boxes alone, its word garbled by OCR ('DEFERREI' above 'ROUTINE'): the word is then one of
    the boxes the form prints, as when both are legible, and says nothing of the cable's
    precedence. (The form's ROUTING label, one letter off ROUTINE, is no box.)"""
    for k in at:
        for t in uppers[max(0, k - 2): k + 3]:
            w = t.strip(_BOX_SPECKS)
            if 4 <= len(w) <= 12 and w.isalpha() and w != "ROUTING" and (near := _box_word(w)) and near not in word:
                return True
    return False


def _box_word(w: str) -> str | None:
    """The box word ``w`` is a garbling of: one whose length is at most two off and which has at
    least three quarters of its letters in common with it (as a multiset); None otherwise.
    (difflib's measure, asked of every word beside a lone precedence, cost a difflib match a word,
    ~0.5 % of the OCR'd releases' instructions; this counts letters.)"""
    for box in _BOX_WORDS:
        if abs(len(box) - len(w)) <= 2 and w != box:
            common = sum(min(w.count(ch), box.count(ch)) for ch in set(box))
            if common >= 0.75 * max(len(w), len(box)):
                return box
    return None


# The intelligence information cable (TDCS) that disseminates a field report carries the precedence
# in a labelled box: 'PRECEDENCE ROUTINE'. OCR garbles the label ('PRECEORNCE.', 'PRECIDENCE') and
# splits the word ('ROUT INE'); the label is taken by its first four letters and its length.
_REPORT_PRECEDENCE = re.compile(r"\bPREC[A-Z]{5,7}\W{0,2}\s+(?P<word>R\s?O\s?U\s?T\s?I\s?N\s?E|P\s?R\s?I\s?O\s?R\s?I\s?T\s?Y|"
                                r"I\s?M\s?M\s?E\s?D\s?I\s?A\s?T\s?E|F\s?L\s?A\s?S\s?H)\b")
# How far into the record the report form is looked for: it follows the cable, a page or two on.
_REPORT_LINES = 400


def read_report_precedence(d: Draft, window: Iterable[CLine]) -> None:
    """The report form's PRECEDENCE box, in the record's first ``_REPORT_LINES`` non-blank lines
    (``window``, read only up to the box): ``report_precedence``, a fallback for a cable whose own
    address line shows none legibly."""
    for ln in window:
        if "PREC" not in ln.text.upper():
            continue  # a literal gate before the pattern
        if m := _REPORT_PRECEDENCE.search(ln.text.upper()):
            d.set("report_precedence", "".join(m["word"].split()), ln.start + m.start("word"), ln.start + m.end("word"))
            return


# OCR of a cable form's columns may leave the CITE label alone on its line, with the station and
# serial on the next line ('CITE' / 'MEXI 5060.') and the address ('DIR', 'DIR INFO WAVE') on a line
# of its own above.
_LONE_CITE = re.compile(r"^\W{0,3}CITE\W{0,3}$")
_CITE_VALUE = re.compile(r"^\W{0,3}(?P<station>[A-Z]{3,12})\s+(?P<serial>\d{2,6})\b\W{0,3}$")
_ADDRESS_ABOVE = 10


@dataclass(frozen=True)
class CiteMatch:
    """A CITE line as read, whichever spelling it has: station code, serial, where they stand."""

    station: str
    serial: str | None
    start: int  # of the CITE word
    station_start: int
    station_end: int
    misread_serial: str | None = None  # the serial as written, where a capital stands for a digit
    misread_station: str | None = None  # as written, where OCR misread headquarters' DIR or a station's name


def _cite(t: str) -> CiteMatch | None:
    if "ITE" not in t:
        return None  # both spellings hold it; most lines do not (the caller asks first too)
    m = _CITE_LOOSE.search(t)
    if not m:
        return None
    key = "station" if m["station"] else "station2"
    serial = m["serial"] or m["serial2"]
    station, misread, station_end = m[key], None, m.end(key)
    if misread_headquarters(station, serial is not None) and not t[m.end():].strip(_SPECKS):
        station, misread = "DIR", station  # 'CITE DUR' ending its line: headquarters' code misread
    elif serial is None and (full := _STATION_IN_FULL.match(t, station_end)) \
            and (name := _station_named(f"{station} {' '.join(full['more'].split())}")):
        # The later cables' CITE line names the station in full, in words ('CITE SANTO DOMINGO
        # 2310', 'CITE HONG KONG 59696'); the releases set a name in brackets ('CITE (DAR ES
        # SALAAM) 1144', OCR reading the first bracket as C: 'CHONG KONG'). Three documents of
        # the fourth set; the first word alone named no station and the line was not read.
        written = f"{station} {' '.join(full['more'].split())}"
        station, misread, station_end, serial = name, (written if written != name else None), full.end("more"), full["serial"]
    return CiteMatch(station, F.ocr_digits(serial) if serial else None, m.start(), m.start(key), station_end,
                     serial if serial and not serial.isdigit() else None, misread)


# The rest of a station's name in full after its first word, and the serial ('SANTO| DOMINGO 2310',
# 'DAR| ES SALAAM) 1144').
_STATION_IN_FULL = re.compile(r"(?P<more>(?:\s+[A-Z]{2,}){1,2})[)\]]?\s+(?P<serial>\d{2,6})\b")


def _station_named(words: str) -> str | None:
    """The station or post of several words ``words`` names, as written or one OCR garbled close
    to it ('CHONG KONG', 'DAR ES SALAAAM'), among the names whose first or last word it has as
    written (a comparison with only those: few names share a word); None otherwise."""
    if words in addressee_names():
        return words
    split = words.split()
    near = _names_by_end_word().get(split[0], ()) + _names_by_end_word().get(split[-1], ())
    return closest(words, tuple(sorted(set(near)))) if near else None


@cache
def _names_by_end_word() -> dict[str, tuple[str, ...]]:
    """The names of several words of the stations and posts (the CITE table's and the State
    posts') under their first and under their last word."""
    index: dict[str, list[str]] = {}
    for name in sorted(n for n in addressee_names() if " " in n):
        words = name.split()
        for w in {words[0], words[-1]}:
            index.setdefault(w, []).append(name)
    return {w: tuple(names) for w, names in index.items()}


# Specks OCR leaves after a code ('CITE DIR.', 'CITE DIX:').
_SPECKS = " .,:;'\"!|_-"


def read_split_cite(d: Draft, w: Window, cit: set[int]) -> None:
    """A CITE label standing alone: its station and serial are the next line, when that line is a
    code and a number and nothing else; the address is the nearest line above holding only known
    addressee codes (with its INFO part). ``cit``: the window's lines that hold CIT (no other
    line can hold the label)."""
    window = w.lines
    for k in sorted(cit):
        if k == len(window) - 1 or not _LONE_CITE.match(w.uppers[k]):
            continue
        found = _cite_value_below(w, k)
        # Where OCR set the CITE line's columns one after another, the address stands in rows
        # between the label and the station ('CITE' / 'DIR' / 'INFO' / 'HELS WAVE' / 'COPE 2192'),
        # a slug line after it at most: a code further down, past sentences, is not the CITE line's.
        column = address_column(window, k) if found is not None and found[0] > k + 1 else None
        if column is not None and found[0] > column[2] + _VALUE_AFTER_COLUMN - 1:
            found = None
        if found is None:
            # The station and serial OCR lost or set elsewhere: the address box above still
            # names the addressees ('DIR MEXI' / 'INFO' / 'HAVA SAOP' / 'CITE').
            address_box_above(d, window, k)
            continue
        j, m = found
        nxt = window[j]
        d.set("cite_station", m["station"], nxt.start + m.start("station"), nxt.start + m.end("station"))
        d.set("cite_line", nxt.index)
        d.set("cite_serial", int(m["serial"]))
        if column is None or column[2] > j:
            address_above(d, window, k)
        else:
            set_address(d, column[0], column[1])
        return


# The lines a slug line may take between the address set row by row and the station's code and
# serial (see read_split_cite).
_VALUE_AFTER_COLUMN = 2


# An incoming cable's typed line 'DIR INFO HELS WAVE CITE COPE 2192' as OCR of the form's columns
# may leave it: the label alone, then the address and an indicator each on lines of their own, then
# the station and serial ('CITE' / 'DIR' / 'INFO' / 'HAVA 3216'). The lines between are words only,
# a few; the station below them must be a known CITE code (seen on 3 cables of the studied sets).
_WORDS_ONLY = re.compile(r"^\W{0,3}[A-Z]{2,12}(?:\s+[A-Z]{2,12}){0,3}\W{0,3}$")
_LINES_BEFORE_VALUE = 5


def _cite_value_below(w: Window, k: int) -> tuple[int, re.Match] | None:
    """The station and serial of the lone CITE label at ``w.lines[k]``: the next line, else the
    first line of a known code and a number past a few lines of words only (the address and an
    indicator); that line's index in the window and the match."""
    for j in range(k + 1, min(len(w.lines), k + 2 + _LINES_BEFORE_VALUE)):
        t = w.uppers[j]
        if m := _CITE_VALUE.match(t):
            return (j, m) if j == k + 1 or m["station"] in tables.cia_cites() else None
        if not _WORDS_ONLY.match(t):
            return None
    return None


# A CITE line OCR broke after its label: the label ends the line, after the address ('PRIORITY DIR
# INFO MADR CITE') or after the classification line's DTG ('SECRET 291038Z APR 68 CITE'), and the
# station and serial are the next line ('PARI 9312'; '0SL0 4190', the station's O read as a
# nought), or the serial alone where a reviewer blanked the station ('9432'). After an address the
# label may be misread, its E lost or read as I ('DIR CITI', 'DIE CIT'). Five documents of the
# studied sets (two of the fourth set) read so; the line was not read as the CITE line at all.
_LABEL_ENDS = re.compile(r"^(?P<head>.*?)\bC[I1]T(?P<e>[EI]?)\W{0,3}$")
_LABEL_ENDINGS = ("CITE", "CITI", "CIT", "C1TE", "C1TI", "C1T")
_LABEL_SPECKS = " \t.,:;'\"!|_-*•()[]"
_BROKEN_VALUE = re.compile(r"^\W{0,3}(?:(?P<station>[A-Z0]{3,12})\s+)?(?P<serial>\d{3,6})\W{0,3}$")


def read_cite_broken_after_label(d: Draft, w: Window, cit: set[int]) -> None:
    """Where no CITE line was read yet: a line ending with the CITE label after an address or a
    classification line, its station and serial (or the serial alone) the next line. Sets the
    CITE station, serial and line, and the address (before the label, else the line below).
    ``cit``: the window's lines that hold CIT."""
    window = w.lines
    for k in sorted(cit):
        # (The label ends the line: asked as a literal before the pattern, whose head is tried
        # from every word boundary of the line.)
        if k == len(window) - 1 or not w.uppers[k].rstrip(_LABEL_SPECKS).endswith(_LABEL_ENDINGS) \
                or not (m := _LABEL_ENDS.match(w.uppers[k])):
            continue
        head, misread = m["head"], m["e"] != "E"
        addressed = _addressed(head)
        if not (addressed or (not misread and _CLASS_WORD.match(head))):
            continue
        if not (v := _BROKEN_VALUE.match(w.uppers[k + 1])):
            continue
        ln, nxt = window[k], window[k + 1]
        station = (v["station"] or "").replace("0", "O")
        if station and station not in tables.cia_cites() and not closest(station, tuple(tables.cia_cites())):
            continue
        if station:
            d.set("cite_station", station, nxt.start + v.start("station"), nxt.start + v.end("station"))
            d.set("cite_serial", int(v["serial"]))
            if station != v["station"]:
                d.defect("possible-ocr-error", f"CITE station {v['station']!r} read as {station}", nxt.start, nxt.end)
        d.set("cite_line", nxt.index if station else ln.index)
        if misread:
            d.defect("possible-ocr-error", f"CITE label {ln.text.strip()[len(head):]!r} read as CITE", ln.start, ln.end)
        if not addressed:
            address_below(d, window, k + 1)
        elif not address_before_lost_station(d, ln, head):
            d.set("cia_to", [a for a in re.split(r"[,\s]+", head.strip(" ,.")) if a])
        return


# Headquarters' CITE line with its label misread, standing alone as OCR of the form's columns leaves
# it: 'CHE DIR', 'OTE DIR', 'Cil DIR.', 'CHEDIR' (the serial in the number box below, see
# read_headquarters_number, or after it: '* CHE DIR 41673').
# Words as close to CITE that are words ('THE DIR', 'ITS DIR' cut from a sentence).
_NOT_CITE = frozenset({"THE", "ITS", "CITY"})
_MISREAD_CITE_DIR = re.compile(r"^\W{0,3}(?P<label>[A-Z]{2,4}?)\W{0,2}\s*DIR\W{0,3}(?:\s(?P<serial>\d{5})\W{0,3})?$")


def read_misread_cite_label(d: Draft, w: Window, may_dir: set[int]) -> None:
    """Where no CITE line was read: a line holding only a word close to CITE and DIR, headquarters'
    CITE line whose label OCR garbled. The word must share half its letters with CITE in order
    (a difflib ratio of 0.5 or more: CHE, OTE, CIL, CUTE) and be no addressee or INFO word; the
    line says nothing else, so it is no sentence ('THE DIR' is never a line of its own).
    ``may_dir``: the window's lines that hold DIR (no other line can be such a line)."""
    for k in sorted(may_dir):
        t = w.uppers[k]
        if len(t) > 16 or not (m := _MISREAD_CITE_DIR.match(t)):
            continue
        label = m["label"]
        if _is_cia_addressee(label) or _INFO_WORD.match(label) or label in _PRECEDENCE_READINGS or label in _NOT_CITE:
            continue
        if difflib.SequenceMatcher(None, label, "CITE").ratio() >= 0.5:
            ln = w.lines[k]
            at = ln.start + m.end("label") + t[m.end("label"):].index("DIR")
            d.set("cite_station", "DIR", at, at + 3)
            d.set("cite_line", ln.index)
            if m["serial"]:
                d.set("cite_serial", int(m["serial"]))
            d.defect("possible-ocr-error", f"CITE line {t.strip()!r} read as CITE DIR", ln.start, ln.end)
            # The address, as for 'CITE DIR' read as written: the form's address box above the
            # line ('LAPA' / 'INFO' / 'CHE DIR') or the address line just above it, else the
            # address row OCR set below it ('INFO:' / 'CHE DIR.' / 'WAVE'); five documents of the
            # studied sets misread the label so. (Not the nearest line of codes above, which on
            # such a garbled form is as often the FROM box's value: '•DIRECTOR' / 'CIL DIR'.)
            if not (address_box_above(d, w.lines, k) or (k and address_line_above(d, w.lines[k - 1]))):
                address_below(d, w.lines, k)
            return


def address_above(d: Draft, window: list[CLine], k: int) -> None:
    """The address of a CITE line that holds none: the outgoing form's address box above it (see
    cia_address.address_box_above); else the nearest line above it that holds only known
    addressee codes ('DIR', 'DIR INFO'), as OCR of the form's columns leaves it."""
    if address_box_above(d, window, k) or (k and address_line_above(d, window[k - 1])):
        return
    for above in reversed(window[max(0, k - _ADDRESS_ABOVE): k]):
        words = above.text.upper().strip(" .,:;'\"•").split()
        codes = [w for w in words if not _INFO_WORD.fullmatch(w)]
        if codes and codes == words[: len(codes)] and all(_is_cia_addressee(w) for w in codes):
            d.set("cia_to", codes)
            return


# A typed address line of an outgoing CIA cable: precedence, then the addressee ('PRITY MEXI',
# 'TO: PRIORITY DIRECTOR INFO …').
_TYPED_ADDRESS = re.compile(r"^\W{0,3}(?:TO\s*:?\s+)?(?P<prec>OPERATIONAL\s+IMMEDIATE|OPIM|IMMEDIATE|PRIORITY|PRITY|ROUTINE|RTNE|FLASH)"
                            r"\s+(?P<to>[A-Z]{3,}(?:\s+[A-Z]{3,})?)\b")
_PRECEDENCE_READINGS = ("OPIM", "PRITY", "PRIORITY", "IMMEDIATE", "ROUTINE", "RTNE", "FLASH", "NIACT")


# The typed address line as OCR may leave it: its TO read as '10', its precedence word misread
# ('10 TMMEDIATE BRUS PARI'), then a known addressee code.
_GARBLED_ADDRESS = re.compile(r"^\W{0,3}(?:(?:TO|T0|10)\s*:?\s+)?(?P<prec>[A-Z]{4,9})\s+(?P<to>[A-Z]{3,})\b")


def _misread_typed_address(t: str) -> str | None:
    """The precedence of a typed address line whose precedence word OCR garbled, when a known
    addressee code follows it; None otherwise."""
    # (The three tests are pure and must all pass. The typed-address pattern, first asked of every
    # line, comes last: few lines pass the test of a known addressee before it.)
    if not (m := _GARBLED_ADDRESS.match(t)) or not _is_cia_addressee(m["to"]) or _TYPED_ADDRESS.match(t):
        return None  # a line read as written is the typed address line's own statement
    return _misread_precedence(m["prec"])


def _is_cia_addressee(text: str) -> bool:
    words = text.split()
    names = addressee_names()
    return text in names or words[0] in names


# A cross in a precedence box before its printed word, as OCR reads it: X (with a speck or a slash
# glued on: 'XA ROUTINE', 'X/ROUTINE') or & for a hand-drawn cross. (An empty box is read as I, |
# or nothing: no mark.) Asked only of the text before a precedence word on a short line.
_TICK = re.compile(r"\W{0,2}(?:X[A-Z]?|&)\s*/?\s*$")
# The hand-drawn cross read as a capital I before the box's word ('I ROUTINE'); three documents of
# the studied sets mark their one box so, the others printed bare. (A bar, '| ROUTINE', is the
# box's own rule: an empty box.)
_I_MARK = re.compile(r"\W{0,2}I\s+$")
# A box marked with a cross whose printed word OCR garbled ('X| BOUTINE', "'X TROUrINE"): the box
# word it is a garbling of (see _box_word). Two documents of the studied sets, where the form's
# other boxes, legible, gave the wrong precedence or none.
_TICKED_GARBLED = re.compile(r"^\W{0,2}X[A-Z]?[\W\s]{1,3}(?P<word>[A-Z]{5,11})\W{0,2}$")


def _ticked_garbled_boxes(d: Draft, w: Window) -> list[tuple[str, int, int]]:
    """The boxes marked with a cross whose word OCR garbled, in the window ``w``, each as the box
    word it is a garbling of, the readings reported. (Asked once a cable, after its lines were
    read, where no box was found crossed but the form's printed boxes were: the lines holding an X
    are found by one search of the window, and a line is asked the pattern only with an X among
    its first characters.)"""
    found = []
    for k in sorted(w.holding(("X",))):
        t = w.uppers[k]
        if len(t) < 20 and "X" in t[:4] and (m := _TICKED_GARBLED.match(t)) and (box := _box_word(m["word"])):
            ln = w.lines[k]
            found.append((box, ln.start, ln.end))
            d.defect("possible-ocr-error", f"precedence box {t.strip()!r} read as {box}", ln.start, ln.end)
    return found


# CITE with no station after it ('DIR CITE 4319', 'DIR CITE!', 'DIR CITE E : +f'): the station lost
# or blanked out by a reviewer (no word of three letters follows, as _CITE_LOOSE's station is).
_CITE_STATION_LOST = re.compile(r"\bCITE\b(?![\W_]{0,2}\s*[A-Z]{3})")
# CITE and a serial with no station between ('DIR CITE 4319'): the station lost.
_CITE_SERIAL_ALONE = re.compile(r"\bCITE\W{0,2}\s+\d{3,6}\b")


def _addressed(head: str) -> bool:
    """Whether the words before CITE name a known addressee ('OPIN DIR CITE GUIT …'): the line is
    the CITE line even when the station after CITE is illegible. Headquarters' DIR with a letter
    misread ('PRIORITY DIF. CITE MAD?') names it too where the words are few, as an address is
    (in a sentence, 'HE DID CITE', such a word is a word)."""
    words = re.split(r"[\s,]+", head.strip(" .,:;'\"“”‘’_|"))
    return any(_is_cia_addressee(w) for w in words if len(w) >= 3) \
        or (len(words) <= 3 and any(misread_director(w.strip(".,:;'\"“”‘’_|")) for w in words))


def _misread_precedence(head: str) -> str | None:
    """The precedence an OCR-garbled first word of the CITE line stands for ('FRITY', 'OPIN')."""
    # (The first word with letters in it: a speck before it is no word, '| IHMEDIATE DIR'.)
    first = next((w for w in (w.strip(".,:;'\"“”‘’_|") for w in head.split()) if w), None)
    if first is None:
        return None
    word = closest(first, _PRECEDENCE_READINGS)
    return _PREC_ABBR.get(word, word) if word else None


# The precedence a CITE line types stands first, right before the addressees ('PRITY DIR CITE …'):
# a word of letters in that place, not itself a garbled code, is the precedence however OCR garbled
# it ('PRAT BELL', 'FRUITY DIR', 'PREY ROME', 'OPT! DIR': seven documents of the studied sets where
# the word is further from its precedence than ``closest`` reads). It is read as the precedence
# whose word or abbreviation it shares most letters with in order, when that is at least a little
# over half of them and no other precedence comes as close.
_SLOT_CUTOFF = 0.55
_SLOT_MARGIN = 0.05
_SLOT_WORD = re.compile(r"[A-Z]{3,9}")


def _precedence_before_addressees(head: str) -> str | None:
    """The precedence the word before the first addressee of a CITE line's ``head`` stands for."""
    words = [w.strip(".,:;'\"“”‘’_|!") for w in head.split()]
    first = next((i for i, w in enumerate(words) if _is_cia_addressee_word(w)), None)
    if not first:
        return None  # no addressee, or one first: no word stands in the precedence's place
    word = words[first - 1]
    if not _SLOT_WORD.fullmatch(word) or _INFO_WORD.match(word):
        return None
    # (difflib's ratio is asked only of the readings whose letters in common, counted regardless
    # of order, could reach the cutoff: an upper bound of the ratio that costs a count a letter.)
    scores = sorted(((difflib.SequenceMatcher(None, word, r).ratio(), _PREC_ABBR.get(r, r)) for r in _PRECEDENCE_READINGS
                     if _letters_in_common(word, r) >= _SLOT_CUTOFF), reverse=True)
    if not scores:
        return None
    (best, word_read), rest = scores[0], [s for s in scores[1:] if s[1] != scores[0][1]]
    if best < _SLOT_CUTOFF or (rest and rest[0][0] > best - _SLOT_MARGIN):
        return None
    # (Asked last: a comparison with every CITE code costs more than the eight above.)
    return None if closest(word, tuple(tables.cia_cites())) else word_read


def _letters_in_common(a: str, b: str) -> float:
    """difflib's quick ratio of two words: twice their letters in common over their lengths."""
    return 2.0 * sum(min(a.count(ch), b.count(ch)) for ch in set(a)) / (len(a) + len(b))


def _is_cia_addressee_word(word: str) -> bool:
    return bool(word) and word in addressee_names()


# The INFO keyword of a CITE line, also as OCR misreads it ('INTO', 'IMFO', 'INPO').
_INFO_WORD = re.compile(r"\bI[NM][FTP]O\b(.*)$")


_AGENCY_PREC_ABBR = re.compile(r"\b(?<!NO )(FLASH|OPERATIONAL\s+IMMEDIATE|OPIM|IMMEDIATE|PRIORITY|PRITY|ROUTINE|RTNE|DEFERRED|URGENT|NIACT)\b")
_PREC_ABBR = {"OPIM": "OPERATIONAL IMMEDIATE", "PRITY": "PRIORITY", "RTNE": "ROUTINE"}
# (The look-behind stands after the first character, not before it: a pattern that opens with an
# assertion makes the regex engine try every position of the text, one opening with a character
# class lets it skip at C speed to where that class matches; four times faster over a cable.)
# (The D of IMPDET read as O, 'E2, IMPOET', in four OCR'd cables of three sets.)
_IMPDET = re.compile(r"[E£€](?<![A-Z0-9].)[\s.]?[2Z]\W{0,2}\s?I[MNH]P?[DO]?P?ET\b")
# The end of every match of _IMPDET: opening with one capital, not with E (a tenth of the letters
# of a cable), it is looked for at C speed, and most cables (all before 1972) hold none: a gate
# that spares the search of the whole text (4 µs where the search costs 13).
_IMPDET_TAIL = re.compile(r"I[MNH]P?[DO]?P?ET")
