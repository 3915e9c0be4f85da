"""Where a CIA cable's serial comes from when its CITE line does not give it: headquarters' number
box under (or beside) 'CITE DIR', a later page's 'CITE DIR' and its box, and the IN line an
incoming cable's page head prints with the station's code and serial."""

from __future__ import annotations

import re

from ...vocab import tables
from ..draft import CLine, Draft
from .cia_opening import closest


# Headquarters' outgoing form prints its message number in a box of its own under 'CITE DIR' (from
# 1967 'CITE DIRECTOR', the code spelled out): a line holding five digits alone, a few lines down.
_HEADQUARTERS_CODES = ("DIR", "DIRECTOR")
_NUMBER_BOX = re.compile(r"^\s*(\d{5})\s*$")
_NUMBER_BOX_LINES = 12


def read_headquarters_number(d: Draft, window: list[CLine]) -> None:
    """The serial of a 'CITE DIR' (or 'CITE DIRECTOR') line that holds none: the first line of five
    digits alone within the next few lines."""
    at = d.get("cite_line")
    k = next((k for k, ln in enumerate(window) if ln.index == at), None)
    if k is None:
        return
    for ln in window[k + 1: k + 1 + _NUMBER_BOX_LINES]:
        if m := _NUMBER_BOX.match(ln.text):
            d.set("cite_serial", int(m[1]), ln.start + m.start(1), ln.start + m.end(1))
            d.notes.append("the CITE DIR serial read from the number box below the CITE line")
            return
    if k and (m := _NUMBER_BOX.match(window[k - 1].text)):
        # The box stands beside 'CITE DIR' on the form, and OCR may set it on the line just
        # above ('53690' / 'CITE DIR'), where nothing else stands between.
        ln = window[k - 1]
        d.set("cite_serial", int(m[1]), ln.start + m.start(1), ln.start + m.end(1))
        d.notes.append("the CITE DIR serial read from the number box beside the CITE line, set above it")
        return
    read_continuation_number(d, window[k].end)


# Each page of headquarters' outgoing form repeats 'CITE DIR' and its number box ('PAGE TWO' ...
# 'CITE DIR' / '93554'): where the first page's number is lost, a later page's gives it. The number
# on the CITE line itself, or the first line of five digits alone within the next few lines (below
# the form's precedence boxes and OUT number: 'CITE DIR' / 'DEFERRED' / 'ROUTINE' / 'OUT 94365' /
# '17166'). Six such continuation pages in the studied sets.
_CONTINUATION_CITE = re.compile(r"^[^\S\n]*\W{0,2}CITE\W{1,3}DIR(?:ECTOR)?\W{0,3}(?:(?P<serial>\d{5})\W{0,2})?$", re.M)
_CONTINUATION_BOX_LINES = 6


def read_continuation_number(d: Draft, after: int) -> None:
    """The serial a later page's 'CITE DIR' line gives, past the clean text's offset ``after``."""
    text = d.clean.text
    at = text.find("CITE DIR", after)
    while at >= 0:
        if m := _CONTINUATION_CITE.match(text, text.rfind("\n", 0, at) + 1):
            if m["serial"]:
                d.set("cite_serial", int(m["serial"]), m.start("serial"), m.end("serial"))
                d.notes.append("the CITE DIR serial read from a later page's CITE line")
                return
            if _number_box_after(d, text, m.end()):
                return
        at = text.find("CITE DIR", at + 8)


def _number_box_after(d: Draft, text: str, end: int) -> bool:
    """The first line of five digits alone among the next few non-blank lines after offset ``end``
    (a line's end) read as the CITE serial; whether one was."""
    seen = 0
    while seen < _CONTINUATION_BOX_LINES and end < len(text):
        start, end = end + 1, text.find("\n", end + 1)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if not line.strip():
            continue
        seen += 1
        if b := _NUMBER_BOX.match(line):
            d.set("cite_serial", int(b[1]), start + b.start(1), start + b.end(1))
            d.notes.append("the CITE DIR serial read from a later page's number box")
            return True
    return False


# An incoming cable's page head prints its IN number with the station's code and serial: on each
# continuation page ('PAGE THREE IN 70545 TNIS 3984', 'IN 17547A LGRE 0708'), and from the 1970s on
# the first page, where OCR may set the code and serial on a line of their own ('IN 0395527' /
# 'LOND 92126'). Where the CITE line's serial is not legible, the head gives it.
# (The pattern opens with IN, which the regex engine skips to at C speed; what may stand before it
# on its line, a speck or the page's number, is asked of each match after: a pattern opening with
# a line's start is tried at every character of the text.)
_IN_LINE = re.compile(r"IN[^\S\n]+\d{5,7}[A-Z]?[^\w\n]{0,2}(?:[^\S\n]+|[^\S\n]*\n(?:[^\S\n]*\n)*[^\w\n]{0,2})"
                      r"(?P<code>[A-Z]{3,5})[^\w\n]{0,2}[^\S\n]+(?P<serial>\d{2,6})[^\w\n]{0,2}[^\S\n]*$", re.M)
_IN_LINE_HEAD = re.compile(r"[^\w\n]{0,3}(?:PAGE[^\S\n]+\w+[^\S\n]+)?")


def read_in_line_serial(d: Draft) -> None:
    """Where no CITE serial was read: the station's code and serial a page head prints after the
    IN number, the first whose code is a known CITE code (or one OCR garbled, read as the one it
    is close to) and agrees with the CITE line's station where one was read."""
    text = d.clean.text
    if "IN " not in text:
        return
    codes = tuple(tables.cia_cites())
    for m in _IN_LINE.finditer(text):
        if not _IN_LINE_HEAD.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
            continue
        code = closest(m["code"], codes)
        if code is None or d.get("cite_station", code) != code:
            continue
        if d.set("cite_station", code, m.start("code"), m.end("code")) and code != m["code"]:
            d.defect("possible-ocr-error", f"IN line's station {m['code']!r} read as {code}", m.start("code"), m.end("code"))
        d.set("cite_serial", int(m["serial"]), m.start("serial"), m.end("serial"))
        d.notes.append("the CITE serial read from the page head's IN line")
        return
