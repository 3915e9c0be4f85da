"""A CIA cable's address line where the CITE line does not hold it.

An incoming cable of the later 1960s and 1970s types its text line as the classification, the DTG
and the CITE ('SECRET 0714502 JUN 68 CITE STOCKHOLM 9024'), and its address on the line below it
('PRIORITY COPENHAGEN INFO DIRECTOR'), where an earlier cable typed the address before CITE
('PRIORITY DIR INFO MEXI CITE WAVE 1234'). The address line names stations in full or by their CITE
codes; OCR garbles them as it garbles the rest ('DIRECTOP.', 'MEXICO CICY', 'INTO' for INFO).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from operator import attrgetter

from ...vocab import tables
from ..draft import CLine, Draft
from .cia_opening import _addressees, closest
from .window import Window

# How many lines that are not blank the address line may stand below the CITE line: OCR may set the
# serial or the acting officer's name ('(GOEN ACTING)') between them, or a stamp's number.
_BELOW = 3
# The INFO keyword, also as OCR misreads it ('INTO', 'IMFO', 'INPO'), as the CITE line's reader reads it.
_INFO = re.compile(r"\bI[NM][FTP]O\b")
# A precedence word typed before the addressees, as written or abbreviated.
_PRECEDENCE = {"FLASH": "FLASH", "OPIM": "OPERATIONAL IMMEDIATE", "IMMEDIATE": "IMMEDIATE", "PRIORITY": "PRIORITY",
               "PRITY": "PRIORITY", "ROUTINE": "ROUTINE", "RTNE": "ROUTINE"}
# The precedence words in full, which a garbled one is read against (PRITY, PRIORITY's abbreviation,
# would make 'PAIORITY' close to two words).
_WORDS = ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")
# Where the cable's text begins: a REF line ends the search. (A numbered paragraph is no address
# line by its words; a number with a stop may also open a date line, '7. 10 AUG 67.'.)
_TEXT_BEGINS = re.compile(r"^\W{0,3}REF")
_SPECKS = " .,:;'\"•·|_*"


@cache
def addressee_names() -> frozenset[str]:
    """What a CIA cable is addressed by: headquarters, the CITE codes and their stations, the State
    posts (one set, where asking the three tables cost a scan of the CITE table's stations each time)."""
    cites = tables.cia_cites()
    return frozenset({"DIRECTOR", *cites, *cites.values(), *tables.stations()})


def _garbled(word: str) -> str | None:
    """The one name a garbled word reads as: a station of the CITE table or headquarters
    (``DIRECTOP``), else a CITE code (``MAVA``). Garbled words are read against the Agency's own
    names only, the tables the CITE line's reader asks already (a table met for the first time
    costs ``closest`` a pass over all its names)."""
    return closest(word, _addressees()) or closest(word, _cite_codes())


def _cite_codes() -> tuple[str, ...]:
    return tuple(tables.cia_cites())  # (the same key the CITE line's reader asks ``closest`` with)


def read_names(text: str) -> tuple[list[str], list[str]] | None:
    """The addressees a run of words names, each a known name (``SANTO DOMINGO``, ``MEXI``) or
    one OCR garbled close to exactly one (``MEXICO CICY``), and the garbled words so read; None
    when a word names no addressee (the line is not an address line).

    Names of two and three words are taken whole before their words one by one."""
    words = [w for w in (w.strip(_SPECKS) for w in re.split(r"[,\s]+", text)) if w]
    found: list[str] = []
    repaired: list[str] = []
    i = 0
    while i < len(words):
        name, n = _name_at(words, i)
        if name is None:
            return None
        written = " ".join(words[i: i + n])
        found.append(name)
        if name != written:
            repaired.append(f"{written!r} read as {name}")
        i += n
    return found, repaired


def _name_at(words: list[str], i: int) -> tuple[str | None, int]:
    """The name that opens ``words[i:]`` and how many words it takes: a known name of three, two
    or one words; else two words OCR garbled close to one name ('MEXICO CICY', tried before the
    first word alone, which may itself be a name, MEXICO); else one word so garbled."""
    for n in (3, 2):
        if i + n <= len(words) and " ".join(words[i: i + n]) in addressee_names():
            return " ".join(words[i: i + n]), n
    if i + 2 <= len(words) and words[i + 1] not in addressee_names() and (near := _garbled(" ".join(words[i: i + 2]))):
        return near, 2
    if words[i] in addressee_names():
        return words[i], 1
    return _garbled(words[i]), 1


def _names_one(text: str) -> bool:
    """Whether ``text`` holds at least one known name written whole (of one word or two): an
    address line OCR garbled keeps some of its names legible ('DIRECTOP. INFO MADRID')."""
    words = [w.strip(_SPECKS) for w in text.split()]
    names = addressee_names()
    return any(w in names for w in words) or any(f"{a} {b}" in names for a, b in zip(words, words[1:]))


def _address_line(text: str) -> tuple[str | None, list[str], list[str], list[str]] | None:
    """An address line's precedence (or None), action and info addressees and the repairs made,
    when ``text`` is one: an optional precedence word, then known addressees, then optionally the
    INFO keyword and more; None otherwise."""
    text = text.strip(_SPECKS)
    if not _names_one(text):
        return None  # (asked first: reading garbled names costs a comparison with every name)
    first, _, rest = text.partition(" ")
    precedence = _PRECEDENCE.get(first.strip(_SPECKS))
    if precedence is None and first.strip(_SPECKS) not in addressee_names() and (near := closest(first.strip(_SPECKS), _WORDS)):
        precedence = _PRECEDENCE[near]  # ('PAIORITY MADRID'): the word before the addressees
    action = rest if precedence else text
    info = ""
    if m := _INFO.search(action):
        action, info = action[: m.start()], action[m.end():]
    to = read_names(action)
    if not to or not to[0]:
        return None
    cc = read_names(info) if info.strip(_SPECKS) else ([], [])
    if cc is None:
        cc = ([], [])  # (the action addressees stand; an info list OCR lost is not read)
    return precedence, to[0], cc[0], to[1] + cc[1]


def address_below(d: Draft, window: list[CLine], k: int) -> bool:
    """The address line below the CITE line at ``window[k]``, which names no addressee before
    CITE: sets ``cia_to``, ``cia_info`` and the typed precedence; whether one was found."""
    for j, ln in enumerate(window[k + 1: k + 1 + _BELOW], k + 1):
        text = ln.text.upper()
        if _TEXT_BEGINS.match(text):
            return False
        if (got := _address_line(text)) is None:
            continue
        if not got[2] and (rows := info_rows(window, j + 1)):
            got = (got[0], got[1], rows[0], got[3] + rows[1])  # (the INFO row on a line of its own)
        set_address(d, ln, got)
        return True
    return False


# OCR of a CIA cable's address, set as a column of its own beside the CITE label and the station's
# code and serial, reads it row by row below the label: the action row, then the INFO label, alone
# or with the info row after it ('CITE DIR' / 'SJAN' / 'INFO WAVE'; 'CITE' / 'DIR' / 'INFO' /
# 'HELS WAVE' / 'COPE 2192'). Three documents of the fifth set, where the info row, or the whole
# address, was not read.
_INFO_OPENS = re.compile(r"^\W{0,3}I[NM][FTP]O\b\W{0,3}")
_ROWS = 3  # how many rows of names the info part may take


def info_rows(window: list[CLine], j: int) -> tuple[list[str], list[str], int] | None:
    """The info part of an address that OCR set on rows of its own from ``window[j]``: the INFO
    label with names after it, or alone with rows of names below it; the names, the repairs made
    and the index of the line after the part. None where ``window[j]`` opens with no INFO label
    or no name follows it."""
    if j >= len(window) or not (m := _INFO_OPENS.match(text := window[j].text.upper())):
        return None
    names: list[str] = []
    repaired: list[str] = []
    if rest := text[m.end():].strip(_SPECKS):
        if not (got := _box_row(rest)):
            return None
        names, repaired, j = got[0], got[1], j + 1
    else:
        j += 1
        while j < len(window) and len(names) < 12 and (got := _box_row(window[j].text.upper())):
            names, repaired, j = names + got[0], repaired + got[1], j + 1
    return (names, repaired, j) if names else None


def address_column(window: list[CLine], k: int) -> tuple[CLine, tuple[None, list[str], list[str], list[str]], int] | None:
    """The address OCR set below the CITE label alone at ``window[k]``, row by row: an action row
    of names, then optionally the INFO label and its rows. The action row's line, the address as
    ``set_address`` takes it and the index of the line after the address; None where the line
    below the label is no row of names."""
    if k + 1 >= len(window) or not (to := _box_row(window[k + 1].text.upper(), False)):
        return None
    j = k + 2
    info: tuple[list[str], list[str]] = ([], [])
    if rows := info_rows(window, j):
        info, j = (rows[0], rows[1]), rows[2]
    elif j < len(window) and _INFO_LABEL.match(window[j].text.upper()):
        j += 1  # the label with no info row: none informed
    return window[k + 1], (None, to[0], info[0], to[1] + info[1]), j


def address_line_elsewhere(d: Draft, w: Window) -> None:
    """Where no addressee was read at all (no CITE line's, no routing box's, no TO line's): the
    first line of the window that is an address line with both its parts, action and INFO
    ('BERN INFO GENEVA'). The message form of the later 1960s types it above the text with CITE
    at the foot, and OCR may lose the CITE line above or below which it stands; the INFO keyword
    between known names is what says the line is the address (four documents of the studied sets)."""
    if d.get("cia_to") or d.get("cia_to_line") or d.get("cia_to_box") or d.get("form_to"):
        return
    for k in sorted(w.holding((" INFO ",))):  # (the keyword as typed: one search of the window)
        got = _address_line(w.uppers[k])
        if got and got[1] and got[2]:
            set_address(d, w.lines[k], got)
            return


def address_line_above(d: Draft, ln: CLine) -> bool:
    """The address line OCR set on the line above a CITE line that holds none, the line broken
    before the label as it is broken after it (see reader.read_cite_broken_after_label): 'PRIORITY
    DIR INFO PARI MADR COPE' / 'CITE ROME 1258'. Taken where the line reads whole as an address
    line with a precedence or an INFO part, the words that say it is the typed address (a line of
    codes alone is the routing box's, which address_above reads after); whether it was."""
    if "INFO" not in (text := ln.text.upper()) and not text.lstrip(_SPECKS).startswith(_PRECEDENCE_OPENINGS):
        return False  # (the two literal tests before reading names, which costs a comparison with every name)
    if (got := _address_line(text)) is None or not (got[0] or got[2]):
        return False
    set_address(d, ln, got)
    return True


_PRECEDENCE_OPENINGS = tuple(_PRECEDENCE)


def address_before_lost_station(d: Draft, ln: CLine, head: str) -> bool:
    """The address typed before CITE on a CITE line whose station OCR lost or a reviewer blanked
    out ('PRIORITY DIR CITE 4319', 'DIR CITE!'): the words before CITE, when they are an address
    line (``head`` upper-cased). Sets ``cia_to``, ``cia_info`` and the typed precedence."""
    if (got := _address_line(head)) is None:
        return False
    set_address(d, ln, got)
    return True


def set_address(d: Draft, ln: CLine, got: tuple[str | None, list[str], list[str], list[str]]) -> None:
    precedence, to, info, repaired = got
    d.set("cia_to", to, ln.start, ln.end, replace=True)
    if info:
        d.set("cia_info", info, replace=True)
    if precedence and not d.get("typed_precedence"):
        d.set("agency_precedence", precedence, ln.start, ln.end, replace=True)
        d.set("typed_precedence", True)
    for reading in repaired:
        d.defect("possible-ocr-error", f"address line: {reading}", ln.start, ln.end)


def misread_headquarters(station: str, serial: bool) -> bool:
    """Whether a CITE station that ends its line is headquarters' DIR with one letter misread by
    OCR ('CITE CIR', 'CITE DIX', 'CITE FIR'): three letters, one off DIR in place. DIR is the only
    CITE code of three letters. A station's code that lost a letter at the page's edge may read
    so too ('AIR' for CAIR or NAIR): with a ``serial`` after it on the line, as a station's CITE
    line has, such a code is read as that station's instead (see addresses._clipped_code);
    without one, it is headquarters', whose serial stands in a box of its own."""
    return len(station) == 3 and station.isalpha() and sum(a != b for a, b in zip(station, "DIR")) == 1 \
        and not (serial and station in _clipped_codes())


def misread_director(word: str) -> bool:
    """Whether an addressee word typed before CITE is headquarters' DIR with one letter misread
    ('DIP', 'DIS', 'DIE', 'DIF.'): the address part of a CITE line names stations by codes of four
    letters and headquarters by DIR, the one code of three, so a word of three letters one off DIR
    in place stands for it (seven documents of the studied sets: 'PAPI INFO DIP CITE MADR', 'DIS
    INTO MASH CITE MEXI', 'GOD" DIE CITE'). A code that lost a letter at the page's edge ('AIR'
    for CAIR or NAIR) is no such reading, nor the verb a sentence may set before CITE ('DID').
    OCR also reads DIR's D as its lookalike O and its I as a digit one or a speck ('O1R INFO
    CARA', 'O.R INFO PACY': two documents), which leave no letter of DIR but its R in place."""
    return word != "DID" and (misread_headquarters(word, True) or _DIR_LOOKALIKE.fullmatch(word) is not None)


_DIR_LOOKALIKE = re.compile(r"[O0][1I.|!]R|D[1.|!]R")


@cache
def _clipped_codes() -> frozenset[str]:
    """The four-letter CITE codes without their first or their last letter ('EXI', 'MEX')."""
    return frozenset(w for c in tables.cia_cites() if len(c) == 4 for w in (c[1:], c[:3]))


# The outgoing message form (1958 to the later 1960s) prints its address box above 'CITE DIR': the
# TO row's addressees, then the INFO label with the info addressees after it, each row a line of
# its own as OCR reads the form's columns ('TO' / 'BRLN' / 'INFO' / 'FRAN' / 'CITE DIR'; 'MEXC' /
# 'INFO' / 'CITE DIR' where none is informed). The INFO label may carry the info row's precedence
# ('INFO, ROUTINE'); specks of the box's rules may stand between ('16-20'). Six documents of the
# studied sets have it, where the nearest line of codes above CITE was taken as the action address
# or the info row was not read at all.
_INFO_LABEL = re.compile(r"^\W{0,3}I[NM][FTP]O\W{0,3}(?:(?:ROUTINE|PRIORITY|IMMEDIATE)\W{0,3})?$")
_INFO_ROWS = 4  # how many lines the info row and the specks between may take above CITE
# The INFO label may also keep the info row's first codes on its own line, as the CITE line's
# address part does ('GiVA' / 'INFO BERN' / 'HADR.' / 'ROME PARI' / 'CITE DIR'; 'MEXI' / 'GYROSE' /
# 'INFO HAVE SJAN' / 'CITE DIR'; 'SJOS' / 'GYROSE' / 'INFO HAVE' / 'CITE DIR': three documents of
# the studied sets, whose info addressees were not read). The codes after it are then the first
# info row; the row above the label is the TO row only where it reads as names.
_INFO_LABEL_WITH_ROW = re.compile(r"^\W{0,3}I[NM][FTP]O\W{1,3}(?P<row>[A-Z]{3,}[^0-9/]*)$")
_LETTERS = re.compile(r"[A-Z]{3}")
# An addressee who gets the cable by pouch, not by wire, is marked so after the codes ('HAVA SAOP
# POUCH'): the mark is no addressee.
_POUCH = re.compile(r"\(?\bPOUCH\b\)?")


def _box_row(text: str, as_written: bool = True) -> tuple[list[str], list[str]] | None:
    """A row of the address box: its names as ``read_names`` reads them, the pouch mark dropped;
    else (``as_written``, an info row), where a word is a code the CITE table lacks ('SAOP', Sao
    Paulo, beside 'HAVA'), the codes of four letters as written, when another word of the row is
    a known name (the CITE line's info part keeps such codes so, see addresses._expand_cites; its
    action part does not, where a garbled precedence may stand first: 'PATY HAVE MADR')."""
    text = _POUCH.sub(" ", text)
    if not _CODES_LINE.match(text):
        return None  # (asked first: reading garbled names costs a comparison with every name)
    if (got := read_names(text)) or not as_written:
        return got
    words = [w for w in (w.strip(_SPECKS + "()[]") for w in text.split()) if w]
    if words and all(_CODE.fullmatch(w) for w in words) and any(w in addressee_names() for w in words):
        return words, []
    return None


_CODE = re.compile(r"[A-Z]{4}|DIR")
# A line of the box's shape: a few words of letters only, between specks ('HAVA SAOP)', 'MEXC'),
# no digits, slashes or long runs of words (an office list, a number, a sentence).
_CODES_LINE = re.compile(r"^[^A-Z0-9/]*[A-Z]{3,}(?:[^A-Z0-9/]+[A-Z]{3,}){0,5}[^A-Z0-9/]*$")


def address_box_above(d: Draft, window: list[CLine], k: int) -> bool:
    """The outgoing form's address box above the CITE line at ``window[k]``: the INFO label within a
    few lines above it, the addressees between the two as ``cia_info``, and the line above the
    label, when it is addressees, as ``cia_to``; whether the box was found. Garbled codes
    ('FARI', 'RAVA') are read as the one name they are close to and reported."""
    # (The label is looked for first: reading a row's garbled names costs a comparison with every
    # name, and most CITE lines have no such box above them.)
    j = next((j for j in range(k - 1, max(-1, k - 1 - _INFO_ROWS), -1) if _INFO_LABEL.match(window[j].text.upper())), None)
    rows: list[tuple[list[str], list[str]]] = []  # (names, repairs) of each row, top down
    if j is None:
        j = _label_with_row(window, k)
        if j is None or not (first := _box_row(_INFO_LABEL_WITH_ROW.match(window[j].text.upper())["row"])):
            return False
        rows.append(first)
    for ln in window[j + 1: k]:
        text = ln.text.upper()
        if not _LETTERS.search(text):
            continue  # specks of the box's rules
        got = _box_row(text)
        if not got:
            return False  # a line of words: no address box here
        rows.append(got)
    to = _box_row(window[j - 1].text.upper(), False) if j > 0 else None
    if not to and len(rows) >= 2 and not _INFO_LABEL_WITH_ROW.match(window[j].text.upper()):
        # The TO label lost and the labels' column read before the values' ('INFO' / 'LOND' /
        # 'FRAN MUNI BRUS'): the first row below the INFO label is the TO row's.
        to = rows.pop(0)
    if not rows and not to:
        return False
    info = [name for names, _ in rows for name in names]
    repaired = [r for _, fixes in rows for r in fixes] + (to[1] if to else [])
    if info:
        d.set("cia_info", info, replace=True)
    if to:
        d.set("cia_to", to[0], window[j - 1].start, window[j - 1].end, replace=True)
    for reading in repaired:
        d.defect("possible-ocr-error", f"address box: {reading}", window[k].start, window[k].end)
    return True


def _label_with_row(window: list[CLine], k: int) -> int | None:
    """Where the INFO label that keeps the info row's first codes on its line stands above the
    CITE line at ``window[k]`` (see _INFO_LABEL_WITH_ROW), or None."""
    for j in range(k - 1, max(-1, k - 1 - _INFO_ROWS), -1):
        text = window[j].text
        if "I" in text[:4] and _INFO_LABEL_WITH_ROW.match(text.upper()):  # (a literal gate: the label opens the line)
            return j
    return None


# The staff cable's typed address line under its message or CITE line (the later 1970s on): 'TO:'
# and the addressees, 'TO: GUAYAQUIL INFO QUITO, CARACAS.', 'TO: WASHINGTON.', or the label alone
# with the addressees on the next line. The line is typed text, not a form's box: a name the
# tables do not hold ('WASHINGTON') is taken as written.
_TO_LINE = re.compile(r"^\W{0,2}TO:\s*(?P<value>.*)$")
_TO_PRECEDENCE = re.compile(r"^(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE)(?:\s*-\s*|\s+|$)")
_WRITTEN_NAME = re.compile(r"[A-Z]{3,}(?:\s[A-Z]{2,}){0,2}")
_AFTER = 3


def address_on_to_line(d: Draft, window: list[CLine], k: int) -> bool:
    """The staff cable's 'TO:' line within a few lines below its message or CITE line at
    ``window[k]``: sets ``cia_to_line`` and ``cia_info_line``, the addressees as typed, which
    stand before what the CITE line gave; whether one was read."""
    below = window[k + 1: k + 1 + _AFTER]
    for j, ln in enumerate(below):
        if not (m := _TO_LINE.match(ln.text.upper())):
            continue
        value, at = m["value"].strip(_SPECKS), ln
        if not value and j + 1 < len(below):
            at = below[j + 1]
            value = at.text.upper().strip(_SPECKS)
        # The precedence opens the typed line ('TO: PRIORITY DIRECTOR INFO …'), OCR may join it to
        # the addressee with a hyphen ('TO: PRIORITY-DIRECTOR.'): no addressee, but the cable's
        # precedence, whatever follows it (six documents of the studied sets type it so; the
        # typed-address reader takes it only before a known name, and 'TO: PRIORITY WNSB,
        # LUXEMBOURG.' names a base the tables do not hold).
        if (p := _TO_PRECEDENCE.match(value)) and not d.get("typed_precedence"):
            word = p[0].strip(" -")
            d.set("agency_precedence", word, at.start, at.end, replace=True)
            d.set("typed_precedence", True)
        value = _TO_PRECEDENCE.sub("", value)
        action, _, info = value.partition(" INFO ")
        to, cc = _items(action), _items(info)
        if not to or cc is None:
            return False
        d.set("cia_to_line", to, at.start, at.end, replace=True)
        d.set("cia_info_line", cc, replace=True)
        return True
    return False


def _items(text: str) -> list[str] | None:
    """The addressees of a typed list, separated by commas: each a known name, one OCR garbled
    close to one, or a name of letters as written; None when an item is none of these."""
    out = []
    for item in (i.strip(_SPECKS) for i in text.split(",")):
        if not item:
            continue
        if item in addressee_names():
            out.append(item)
        elif _WRITTEN_NAME.fullmatch(item):
            out.append(_garbled(item) or item)
        else:
            return None
    return out


# A staff cable's FOR line, under its TO line: the offices at headquarters the cable is for, and
# those informed ('FOR: LIMIT EA/J INFO DC/EA, DCEA/CI, D/PAS'; LIMIT keeps it to the first). It is
# the staff cable's attention line. OCR may read the label as FROM (the one label of the form it
# resembles), and a speck in the margin as a letter ('i FOR:'); the value is offices, and the line
# ends with a comma where it wraps onto the next.
_FOR_LABELS = ("FOR:", "FOR :", "FROM:", "FROM :")
_FOR_LINE = re.compile(r"^\W{0,3}(?:[A-Z]\s+)?(?:FOR|FROM)\s*:\s*(?P<value>(?:LIMIT\s+)?[A-Z]+/[A-Z0-9/]*[A-Z0-9].*)$")
_OFFICES = re.compile(r"^[A-Z][A-Z0-9/\-]*(?:,?\s+(?:INFO\s+)?[A-Z][A-Z0-9/\-]*)*,?$")


def read_for_line(d: Draft, w: Window) -> None:
    """The staff cable's FOR line in the window ``w``, with its wrapped part: ``cia_attention``."""
    for k in sorted(w.holding(_FOR_LABELS)):
        if m := _FOR_LINE.match(w.uppers[k]):
            ln = w.lines[k]
            value, end = m["value"].strip(), ln.end
            if value.endswith(",") and k + 1 < len(w.lines) and _OFFICES.match(more := w.uppers[k + 1].strip()):
                value, end = f"{value} {more}", w.lines[k + 1].end
            value = " ".join(value.split()).rstrip(",. ")
            if "INFO" in value.split() or value.startswith("LIMIT "):
                d.add("cia_attention", (value, ln.start + m.start("value"), end))
                return


# The outgoing message form (1958 to the later 1960s) prints its TO box above its FROM box, each a
# row of its own, the labels in the boxes' margin. OCR of the form often loses the TO label, or
# reads it as a speck, and leaves the addressees alone on the line or lines just above the FROM
# row, which names headquarters ('JMWAVE' / 'GNOM. DIRECTOR'; 'RABAT' / 'FROME DIRECHOR'; 'BONN,
# ERANKFURT' / 'BERLIN,' / 'PARIS' / 'DIRECTOR'; 'MADRID' / 'Cial' / 'I RECTOR'): five documents of
# the studied sets, which read no addressee at all. The incoming form reverses the roles (TO:
# DIRECTOR above FROM: station), so a row is taken only where no CITE line names a station (a
# garbled one, 'CITE DIRT', is no station's) and the DIRECTOR row carries no TO label. Rows are
# taken only while every word of them reads as a known name: a date, a label ('CONF', 'INFO') or
# a word of text ends them; a speck of the box's rules in small letters ('Cial') is passed over.
_HEADQUARTERS_ROW = re.compile(r"^\W{0,3}(?:(?P<label>[A-Za-z]{1,5})\W{1,3})?(?P<word>[A-Z]{6,9})\W{0,3}$")
_TO_LABELS = ("TO", "T0", "10", "To")
_BOX_ROWS = 3  # how many rows the TO box's addressees may take on either side of the FROM row
_SPECK = 4  # a line this short that names nothing is a speck of the box's rules, passed over
_FROM_ROW_LINES = 80  # how many lines of the form's head (blank ones too) the FROM row may stand in
_START = attrgetter("start")
_NEAR = 8  # how many lines, blank or not, the rows may take on either side of the FROM row


def to_rows_above_headquarters(d: Draft, lines: list[CLine], start: int) -> None:
    """The TO box's addressees on the rows above an outgoing form's FROM row naming headquarters,
    their label lost (see above). Sets ``cia_to_box_all`` (and ``cia_from_box`` where unread)."""
    cite = d.get("cite_station")
    if d.get("cia_to") or d.get("cia_to_box") or d.get("form_to") or d.get("cia_to_line") \
            or (cite not in ("DIR", "DIRECTOR") and cite in addressee_names()) or start >= len(lines):
        return  # (a CITE line naming a station: the cable came in, and DIRECTOR is its addressee)
    # (The identification form's boxes, where OCR read its labels and its values as two columns, leave
    # the values one to a line: 'CIA' / 'MEXIICO CITY' / 'DIRECTOR' are ORIGINATOR, FROM and TO. A
    # record with the form takes the FROM row only with its label, which no value of the form has.)
    jfk_form = d.get("jfk_form")
    # (The lines that may be the row are found by a search of the head's text for DIRECTOR's
    # letters, at C speed: a Python step for each of the head's lines cost more than the rule.)
    text, pos = d.clean.text, lines[start].start
    stop = lines[min(len(lines), start + _FROM_ROW_LINES) - 1].end
    while (hit := _next_hit(text, pos, stop)) >= 0:
        k = bisect_right(lines, hit, key=_START) - 1
        t = lines[k].text
        pos = lines[k].end
        m = _HEADQUARTERS_ROW.match(t)
        if not m or m["label"] in _TO_LABELS or (jfk_form and not m["label"]) \
                or closest(m["word"], _addressees()) != "DIRECTOR":
            continue
        if got := _rows(lines, range(k - 1, max(start, k - _NEAR) - 1, -1)):
            names, repaired, at, end = got
            if below := _rows(lines, range(k + 1, min(len(lines), k + _NEAR))):
                # The box's later rows, which OCR of the two boxes side by side read after the
                # FROM row ('PARIS' / 'DIRECTOR' / 'THE HAGUE' / 'BRUNELS'; 'RABAT' / 'FROM:
                # DIRECTOR' / 'BERLIN').
                names, repaired, end = names + below[0], repaired + below[1], below[3]
            d.set("cia_to_box", names[0], at, end)
            d.set("cia_to_box_all", names)
            d.set("cia_from_box", "DIRECTOR", lines[k].start + m.start("word"), lines[k].start + m.end("word"))
            for reading in repaired:
                d.defect("possible-ocr-error", f"TO box: {reading}", at, end)
        return


def _next_hit(text: str, pos: int, end: int) -> int:
    """Where the next of DIRECTOR's letters as OCR keeps them ('RECT', or 'DIREC' before a garbled
    letter: 'DIRECHOR') stands in ``text[pos:end]``; -1 where none does."""
    a, b = text.find("RECT", pos, end), text.find("DIREC", pos, end)
    return b if a < 0 else a if b < 0 else min(a, b)


def _rows(lines: list[CLine], indices: range) -> tuple[list[str], list[str], int, int] | None:
    """The names on the rows of capitals at ``indices`` (taken in that order, the first not blank
    the nearest the FROM row), in the page's order, the repairs made and the rows' span; None where
    the nearest line is no such row. One short speck line may stand before the first row."""
    rows: list[tuple[int, list[str], list[str]]] = []
    for j in indices:
        text = lines[j].text.strip()
        if not text:
            continue
        got = read_names(text) if text.isupper() and not any(c.isdigit() for c in text) else None
        if got is None:
            if rows or len(text) > _SPECK or text.isupper():
                break
            continue
        rows.append((j, *got))
        if len(rows) == _BOX_ROWS:
            break
    if not rows:
        return None
    rows.sort()
    return ([n for _, names, _ in rows for n in names], [r for *_, rs in rows for r in rs],
            lines[rows[0][0]].start, lines[rows[-1][0]].end)
