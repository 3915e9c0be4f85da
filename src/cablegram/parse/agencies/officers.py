"""The officers a CIA cable names: its originator, and on the later staff cables its releasing
officer.

The message form of the 1960s has an ORIG box at its head, the originator's name with the
typist's initials after a colon ('ORIG: MARTHA THARPE: mas'; OCR of the form's column may set
the name on a line below the label). The staff cables of the 1970s–90s close with one line of
offices, each with its officer's name in brackets ('ORIG: AC/LA/MOSB (LEHMAN X1222) COORD: …
AUTH: … REL: C/LA (WARREN)'). The originator is the drafter; the releasing officer (REL) approves.
The staff cable's coordinating officers (COORD) are its clearers; the 1960s form's are not read:
which of its names coordinated is a matter of its layout, which OCR does not keep.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter

from ...model import Officer
from ..draft import CLine, Draft

# The staff cable's closing line: an office, then its officer's surname in brackets, perhaps
# with an extension or a phone number after it ('(LEHMAN X1222)', '(WILIMSC, 32357)').
_OFFICE_AND_NAME = r"(?P<office>[A-Z][A-Z/\-]*[A-Z])\s*\(\s*(?P<name>[A-Z][A-Z'\-]{2,})(?=[\s,:;)]|X?\d)"
_STAFF = re.compile(r"\b(?P<label>ORIG|REL)\s*:?\s*" + _OFFICE_AND_NAME)
# The office and name on the line below an ORIG label alone.
_OFFICE_AND_NAME_LINE = re.compile(r"^\W{0,3}" + _OFFICE_AND_NAME)
_START = attrgetter("start")


def _label_offsets(text: str) -> list[int]:
    """Where the labels stand in ``text``, in order: ORIG not run on into a word (every JFK
    release's identification form has an ORIGINATOR box), and REL before a colon (not the
    RELEASE of every page's legend). (Two patterns, each opening with its literal, which the
    engine finds at C speed; one pattern of two alternatives is tried at every character.)"""
    return sorted([m.start() for m in _ORIG.finditer(text)] + [m.start() for m in _REL.finditer(text)])


# (Also 'ORIGI': the box's colon read as an I, in three OCR'd forms of three sets; ORIGIN, ORIGINAL
# run on into a letter.)
_ORIG = re.compile(r"ORIGI?(?![A-Za-z])")
_REL = re.compile(r"REL\s*:")
# The message form's box: the label, the name, a colon and the typist's initials in lower case.
_FORM_BOX = re.compile(r"^\W{0,3}ORIGI?\b\s*[:.]?\s*(?P<name>[A-Z][A-Za-z'\-]*\.?(?:[ \-][A-Z][A-Za-z'\-]*\.?){0,3})\s*:\s*(?P<typist>[a-z]{1,4})\s*$")
# The label alone on its line, its name below it.
_FORM_LABEL_ALONE = re.compile(r"^\W{0,3}ORIGI?\s*[:.]*\s*$")
# A name on a line of its own: initials or given names and a surname, perhaps with the typist's
# initials after a colon ('J. Stewart', 'JOEN M. WHITTEN: jZ').
_NAME_LINE = re.compile(r"^\W{0,3}(?P<name>[A-Z][A-Za-z'\-]*\.?(?:\s+[A-Z][A-Za-z'\-]*\.?){1,3})\s*(?::\s*(?P<typist>[A-Za-z]{1,4}))?\s*$")
# The form's other boxes, which may stand between the label and its name in OCR's column.
_FORM_LABELS = frozenset({"UNIT", "UNITE", "EXT", "DATE", "ROUTING", "TO", "FROM", "CONF", "INFO", "INDEX", "FILE"})
# A label as OCR garbles it ('@ UNIT :', '¿XT:', 'CATS' for DATE, 'LINIT&'): one short word alone on
# its line, with marks about it. (No name stands so: a name is two words at least.)
_GARBLED_LABEL = re.compile(r"^\W{0,3}[A-Za-z]{2,5}\W{0,3}$")
# The boxes of the originator's column below its label: UNIT, EXT and DATE.
_LABELS_BELOW = 3
# Words of the form that are no name.
_NOT_NAMES = frozenset({"SECRET", "CONFIDENTIAL", "CLASSIFIED", "MESSAGE", "ROUTING", "NO", "INDEX", "RETURN", "CIA"})


# The message form's originator box known by its typist's initials where its ORIG label is lost
# or garbled ('ORIS: GRACE ROBERTS/ cab', '•ORE, -R. LEMAISTRE/suC', 'BRIGH' above the column, or
# none): a name, a colon or a slash, and the typist's two or three initials in lower case (the
# first may be read as a capital: 'Ja'). A garbled label before the name opens with O or D and
# ends with a colon or comma ('ORIS:', 'ORE,', 'ORG:'). (Seven forms in the studied sets. The
# box stands in the column beside UNIT, EXT and DATE, and its values in a column beside the INDEX
# boxes (name, unit, extension: 'JANET NIXON: Ja' / 'SAS/BOB' / 'I INDEX'), so only lines near
# the UNIT label or an INDEX box ('iNDEX' as OCR may read it) are asked.)
_TYPED_NAME = re.compile(r"^\W{0,3}(?:[OD0][A-Za-z]{1,4}[:,]\s*)?\W{0,2}(?P<name>[A-Z][A-Za-z'\-]*\.?(?:\s+[A-Z][A-Za-z'\-]*\.?){0,3})"
                         r"\s*[:/]\s*(?P<typist>[a-z][a-z]{1,2}[A-Za-z]?|[A-Z][a-z]{1,2})\.?\s*$")
_ANCHORS_ASKED = 6
# The head of the text the box is looked for in: the form's first pages (an identification form
# may come first).
_HEAD = 12000
# The most characters the box's line holds: a garbled label, four names and the initials.
_BOX_WIDTH = 60
# The lines about the UNIT label the originator's box may stand on, OCR's column as it falls
# (three lines above and four below where OCR set a blank line after each).
_BOX_LINES_ABOVE, _BOX_LINES_BELOW = 6, 8
# The staff cable's closing line with its ORIG label lost: the line opens with the originator's
# office and name, and the coordinating officers' label follows ('AC/LA/MGSB (LEHMAN X1222);
# COORD …'), as every staff cable's closing line is laid out.
_STAFF_UNLABELLED = re.compile(r"^\W{0,3}" + _OFFICE_AND_NAME + r"[^\n]*?\bCOORD")
# (The COORD labels asked: a release prints COORDINATING OFFICERS on each page of its forms.)
_COORDS_ASKED = 64
# The staff cable's coordinating officers: after the COORD label ('COORD:', OCR's 'COORDD'; not
# the 1960s form's printed COORDINATING OFFICERS), each an office and its officer's surname in
# brackets, up to the AUTH or REL label that follows them on every staff cable's closing line
# ('COORD: SA/DO/O (GREGG), C/APOS (PAGE), OLC (BRECKINRIDGE); AUTH: …'). Coordination is the
# agency's clearance: three labellers of four read these names as the clearers.
# (Matched where a search for the literal COORD stops, a word boundary checked before it: a
# pattern opening with \b is tried at every character of the text.)
_COORD_LABEL = re.compile(r"COORD(?!IN)[A-Z]?\s*:?-?")
_COORD_END = re.compile(r"\bAUTH|\bREL(?:\b|[A-Z]?\s*:)")
_COORD_OFFICER = re.compile(r"(?:(?P<office>[A-Z][A-Z0-9/\-]*[A-Z0-9])[_\s]*)?\(\s*-?\s*(?P<name>[A-Z][A-Z'\-]{2,})(?=[\s,:;)]|X?\d|$)")
# The most the list runs to (four or five officers with their offices and extensions).
_COORD_SPAN = 400


def read_cia_officers(d: Draft, lines: list[CLine]) -> None:
    """Set ``drafted_by`` from the originator and ``approved_by`` from the releasing officer."""
    _read_labelled_officers(d, lines)
    # The COORD labels, found once for both readings below (a search of the whole text each).
    coords = _offsets("COORD", d.clean.text, _COORDS_ASKED)
    if "drafted_by" not in d.values:
        _read_unlabelled_originator(d, lines, coords)
    if "cleared_found" not in d.values and coords:
        _read_coordinating_officers(d, coords)


def _read_labelled_officers(d: Draft, lines: list[CLine]) -> None:
    """The officers behind their labels: ORIG (the form's box or the staff cable's line) and REL."""
    text = d.clean.text
    # Only the lines holding a label are looked at, found by one scan of the text (most cables
    # hold one or two; asking each of a release's lines costs more than the scan).
    done = -1
    for at in _label_offsets(text):
        k = bisect_right(lines, at, key=_START) - 1
        if k <= done or k < 0:
            continue
        done = k
        ln = lines[k]
        for m in _STAFF.finditer(ln.text):
            key = "drafted_by" if m["label"] == "ORIG" else "approved_by"
            if key not in d.values:
                _set_office_and_name(d, key, ln, m)
        if "drafted_by" in d.values:
            continue
        if m := _FORM_BOX.match(ln.text):
            _set_drafter(d, ln, m)
        elif _FORM_LABEL_ALONE.match(ln.text) and (below := _name_below(lines, k)):
            ln, m = below
            if m.re is _OFFICE_AND_NAME_LINE:
                _set_office_and_name(d, "drafted_by", ln, m)
            else:
                _set_drafter(d, ln, m)


def _read_unlabelled_originator(d: Draft, lines: list[CLine], coords: list[int]) -> None:
    """The originator where no label names it: the form's box by its typist's initials near the
    UNIT label or an INDEX box (``_TYPED_NAME``), or the staff cable's closing line before COORD
    (``_STAFF_UNLABELLED``)."""
    text = d.clean.text
    for at in coords:
        if text.startswith("COORDIN", at):
            continue  # the 1960s form's printed COORDINATING OFFICERS
        ln = lines[bisect_right(lines, at, key=_START) - 1]
        if sm := _STAFF_UNLABELLED.match(ln.text):
            _set_office_and_name(d, "drafted_by", ln, sm)
            return
    # Only the first few: the box stands at the head of the form's first page, and a long release
    # prints the form's words on each of its pages (a hundred anchors on some).
    head = text[:_HEAD]
    anchors = sorted(_offsets("UNIT", head, _ANCHORS_ASKED) + _offsets("NDEX", head, _ANCHORS_ASKED))[:_ANCHORS_ASKED]
    asked = -1
    for at in anchors:
        k = bisect_right(lines, at, key=_START) - 1
        if k <= asked:
            continue  # (a line's window asked already: the form prints INDEX twice on a line)
        asked = k
        if found := _typed_name_near(lines, k):
            _set_drafter(d, *found)
            d.defect("possible-ocr-error", f"originator {found[1]['name']!r} read by the typist's initials "
                     "after it, its ORIG label garbled or lost", found[0].start, found[0].end)
            return


def _read_coordinating_officers(d: Draft, coords: list[int]) -> None:
    """The staff cable's coordinating officers (``_COORD_LABEL``), as its clearers."""
    text = d.clean.text
    for at in coords:
        if at and text[at - 1].isalnum() or not (m := _COORD_LABEL.match(text, at)):
            continue
        end = _COORD_END.search(text, m.end(), m.end() + _COORD_SPAN)
        if end is None:
            continue  # no AUTH or REL after it: not the closing line's list
        for om in _COORD_OFFICER.finditer(text, m.end(), end.start()):
            d.add("cleared_found", Officer(name=om["name"], office=om["office"], raw=om[0]))
        return


def _offsets(word: str, text: str, most: int) -> list[int]:
    """Where ``word`` first occurs in ``text``: at most ``most`` offsets. (``str.find`` runs a
    fast search of the text, tens of times faster than the regex engine's search for a literal.)"""
    out: list[int] = []
    at = text.find(word)
    while at >= 0 and len(out) < most:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _typed_name_near(lines: list[CLine], k: int) -> tuple[CLine, re.Match] | None:
    """A name with the typist's initials on the lines about ``lines[k]``."""
    for ln in lines[max(0, k - _BOX_LINES_ABOVE): k + _BOX_LINES_BELOW + 1]:
        text = ln.text
        # (Every such line is short, a box's, and holds a colon or a slash: most of the form's
        # lines, and every line of running text, are asked no more.)
        if len(text) <= _BOX_WIDTH and (":" in text or "/" in text) and (m := _TYPED_NAME.match(text)) and not any(
                w.strip(".").upper() in _NOT_NAMES or w.strip(".").upper() in _FORM_LABELS for w in m["name"].split()):
            return ln, m
    return None


def _name_below(lines: list[CLine], k: int) -> tuple[CLine, re.Match] | None:
    """The originator's name below the label alone at ``lines[k]``: the next line, or past the
    form's other labels OCR set between them, where it bears the typist's initials."""
    labels_passed = 0
    for ln in lines[k + 1: k + 3 * _LABELS_BELOW + 2]:  # (OCR may set a blank line after each)
        text = ln.text.strip()
        if not text:
            continue
        if text.strip(" :.=•").upper() in _FORM_LABELS or _GARBLED_LABEL.match(text):
            labels_passed += 1
            if labels_passed > _LABELS_BELOW:
                return None
            continue
        if labels_passed == 0 and (m := _OFFICE_AND_NAME_LINE.match(ln.text)):
            return ln, m  # a staff cable's office and name ('C/LA/STB (STURBITTS), COORD: …')
        m = _NAME_LINE.match(ln.text)
        if not m or any(w.strip(".").upper() in _NOT_NAMES for w in m["name"].split()):
            return None
        return (ln, m) if labels_passed == 0 or m["typist"] else None
    return None


def _set_office_and_name(d: Draft, key: str, ln: CLine, m: re.Match) -> None:
    raw = ln.text[m.start("office"): m.end("name")]
    d.set(key, Officer(name=m["name"], office=m["office"], raw=raw), ln.start + m.start("office"), ln.start + m.end("name"))


def _set_drafter(d: Draft, ln: CLine, m: re.Match) -> None:
    name = m["name"].strip()
    d.set("drafted_by", Officer(name=name, typist=m["typist"], raw=name), ln.start + m.start("name"),
          ln.start + m.start("name") + len(name))
