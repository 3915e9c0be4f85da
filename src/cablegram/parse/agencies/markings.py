"""Markings on OCR'd agency pages: the classification word that survives in debris, and the
dissemination controls on slug lines and report banners."""

from __future__ import annotations

import re
from collections.abc import Iterator
from bisect import bisect_right
from itertools import accumulate, compress, islice, repeat
from operator import add, attrgetter, ne

from ...model import EO
from ...vocab import tables
from ...vocab.markings import AGENCY_CONTROLS, TOP_SECRET_CODEWORDS
from ..draft import CLine, Draft
from .window import lines_holding

_TEXT = attrgetter("text")
_START = attrgetter("start")

_MARKING_WORD = re.compile(r"\b(TOP\s+SECRET|SECRET|CONFIDENTIAL|S-E-C-R-E-T|C-O-N-F-I-D-E-N-T-I-A-L)\b"
                           r"(?!\s*(?:SERVICE|AGENT|POLICE|INFORMANT))")


# The agency readers' head of a record: its first non-blank lines, up to 600 lines from its start.
# The controls are looked for in the first 120 of them, the page marking in the first 60.
_HEAD_SPAN = 600
_CONTROL_LINES = 120
_MARKING_LINES = 60


def head_lines(lines: list[CLine], start: int) -> list[CLine]:
    """The first 120 non-blank lines of the 600 from ``start``: read_agency_controls' lines, and
    (their first 60) read_marking_in's, worked out once for both."""
    return nonblank(lines[start: start + _HEAD_SPAN], _CONTROL_LINES)


def read_page_marking(d: Draft, lines: list[CLine], start: int) -> None:
    """On OCR'd pages of released records the marking often survives only inside a line of debris
    (``wip SECRET A Pn``): the first marking word in the first lines, as a last resort."""
    head = nonblank(lines[start: start + _HEAD_SPAN], _MARKING_LINES)
    read_marking_in(d, head)
    read_misspelt_marking(d, head)


def read_marking_in(d: Draft, head: list[CLine]) -> None:
    """read_page_marking over ``head``, the head_lines of a record (only its first 60 are read:
    the first 60 of the first 120 non-blank lines are the first 60)."""
    found = None
    for ln in head[:_MARKING_LINES]:
        if "SECRET" not in ln.text and "CONFIDENTIAL" not in ln.text and "-" not in ln.text:
            continue  # no marking word, spelt or letter-spaced: spare the scan
        # (Every match of _MARKING_WORD holds one of these; a line with only a hyphen, as most of
        # those that pass the test above, is not scanned for one.)
        spelt = "SECRET" in ln.text or "CONFIDENTIAL" in ln.text or "S-E-C" in ln.text or "C-O-N" in ln.text
        for m in _MARKING_WORD.finditer(ln.text) if spelt else ():
            word = " ".join(m[1].replace("-", "").split())
            if found is None or word == "TOP SECRET":
                found = (word, ln.start + m.start(1), ln.start + m.end(1))
        if found is None and "-" in ln.text and (spaced := _misread_spaced_marking(ln.text)):
            found = (spaced[0], ln.start + spaced[1], ln.start + spaced[2])
            d.defect("possible-ocr-error", f"letter-spaced marking {ln.text[spaced[1]:spaced[2]]!r} read as {spaced[0]}",
                     found[1], found[2])
        if found and found[0] == "TOP SECRET":
            break
    if found:
        d.set("page_marking", found[0], found[1], found[2])


def read_misspelt_marking(d: Draft, head: list[CLine]) -> None:
    """Where no marking was read: a level word OCR misspelt in the first lines of ``head``."""
    if "page_marking" not in d.values and (found := _misspelt_marking(d, head[:_MARKING_LINES])):
        d.set("page_marking", found[0], found[1], found[2])


# A level word as OCR misspells it on a cable's head ('SEGRET', 'SECHET', 'SECRBI', 'CONFIDENTLAL'):
# a word in capitals of the level's length, its first letter kept, at most a third of its letters
# off. No word of English is so near SECRET or CONFIDENTIAL but SACRED, which a cable's head
# lines do not hold.
# (Only words of the two levels' lengths and first letters are looked at, found by one pattern.)
# (Written to open with the first letters' class, the word's boundaries asked after them: a pattern
# that opens with an assertion is tried at every character, this one only at an S or a C.)
_LEVEL_SHAPED_WORD = re.compile(r"[SC](?<![A-Za-z0-9$&_].)(?:(?<=S)[A-Z0-9$&]{5}|(?<=C)[A-Z0-9$&]{11})(?![A-Za-z0-9$&_])")
_MISSPELT_LEVELS = {6: "SECRET", 12: "CONFIDENTIAL"}


def _misspelt_marking(d: Draft, head: list[CLine]) -> tuple[str, int, int] | None:
    """The first level word misspelt by OCR in ``head``, reported as a possible OCR error."""
    # (The lines joined and scanned once, each match placed on its line after: a search a line
    # cost more in calls than in scanning. Where each line starts is summed in C, as the window's
    # lines are: a generator over the 120 lines was ~300 bytecodes a document on the OCR'd
    # releases. The letters that differ are counted in C too: ``word`` and ``level`` are of one
    # length, the level's for the word's.)
    texts = list(map(_TEXT, head))
    joined = "\n".join(texts)
    starts = list(accumulate(map(add, map(len, texts[:-1]), repeat(1)), initial=0))
    for m in _LEVEL_SHAPED_WORD.finditer(joined):
        word = m[0]
        level = _MISSPELT_LEVELS[len(word)]
        if word != level and sum(map(ne, word, level)) <= len(level) // 3:
            k = bisect_right(starts, m.start()) - 1
            start = head[k].start + m.start() - starts[k]
            d.defect("possible-ocr-error", f"marking {word!r} read as {level}", start, start + len(word))
            return level, start, start + len(word)
    return None


# A marking typed letter-spaced with hyphens, as CIA cable forms type it ('S-E-C-R-E-T'). OCR
# misreads letters of it, reads a letter as a symbol ('S-B-C-R-&-T') and loses hyphens
# ('BEC-RE-T'). The hyphen spacing itself says it is a marking, so a run of short hyphenated
# groups as long as a level word and at most a third of its letters off is read as that level.
_HYPHEN_SPACED = re.compile(r"(?<![A-Za-z])(?:[A-Z&$§]{1,3}\s?-\s?){2,}[A-Z&$§]{1,3}(?![A-Za-z])")
_SPACED_LEVELS = {"SECRET": "SECRET", "CONFIDENTIAL": "CONFIDENTIAL", "TOPSECRET": "TOP SECRET"}


def _misread_spaced_marking(text: str) -> tuple[str, int, int] | None:
    """(level, start, end) of a hyphen-spaced run that reads as a level with letters misread."""
    if text.count("-") < 2:
        return None  # a run holds two hyphens at least; most lines with one are a date or a number
    for m in _HYPHEN_SPACED.finditer(text):
        word = re.sub(r"[\s-]", "", m[0])
        for key, level in _SPACED_LEVELS.items():
            if len(word) == len(key) and sum(a != b for a, b in zip(word, key)) <= len(key) // 3:
                return level, m.start(), m.end()
    return None


_CONTROLS = re.compile(r"\b(" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in AGENCY_CONTROLS) + r")\b")


# A word that stands in each control, and DISSEM for the misread ones (_misread_dissem). DISSEM also
# stands in each '… DISSEM …' control; of the others' words, the longest: a longer word is found
# faster, and is rarer ('DISTRIBUTION' for 'LIMIT DISTRIBUTION', 'CONTINUED' for 'CONTINUED CONTROL').
_CONTROL_HINTS = tuple(sorted({"DISSEM"} | {max(c.split(), key=len) for c in AGENCY_CONTROLS if "DISSEM" not in c.split()}))
_CS_COMMENT = re.compile(r"[C¢]\s?/\s?S\s+COMMENT", re.I)
# The note's own words, which survive OCR that garbles its label ('E/S CARENT: •DISSEMINATION
# APPLICABLE TO RYBAT FLARE CABLES.', 'S. COMMENT:... *DISSEMINATION. APPLICABLE: TO RYBAT …',
# '& DISSEM PER RYBAT TYPIC AMWORLD CABLES.').
_APPLICABLE_TO = re.compile(r"APPLICABLE\W{1,3}TO\b|DISSEM\W{1,3}PER\b", re.I)


# EYES ONLY is a control of the cable where it stands as markings stand, opening its line ('EYES
# ONLY', '"EYES ONLY"' in the routing box). After other words it restricts one addressee's copy to a
# person or is text: 'INFO (NAIROBI) (EYES ONLY MASTROME)', '(ALGIERS. (EYES ONLY BURCHENAL)',
# 'PASS TO THE ATTORNEY GENERAL, EYES ONLY)', 'SUBJECT: EYES ONLY - MEETING WITH …' (four documents
# of the studied sets, whose labellers took none of them as a caption).
_MARK_SPECKS = " \t.,:;'\"*•-_|()[]<>"


def read_agency_controls(d: Draft, window: list[CLine]) -> None:
    """Dissemination controls on an agency cable's slug line and report banners, in order, in
    ``window``: the record's head_lines."""
    # Only lines with a word of a control, or DISSEM, can hold one (most lines hold none).
    for ln in map(window.__getitem__, lines_holding(list(map(_TEXT, window)), _CONTROL_HINTS)):
        if "/" in ln.text and _CS_COMMENT.search(ln.text) or ("PPLICABLE" in ln.text or " PER " in ln.text) and _APPLICABLE_TO.search(ln.text):
            continue  # the cable secretariat's note about other cables ('… APPLICABLE TO RYBAT …')
        found = False
        for m in _CONTROLS.finditer(ln.text):
            if m[1][0] == "E" and ln.text[: m.start(1)].strip(_MARK_SPECKS):
                continue  # EYES ONLY after words: whose eyes, not a control of the cable (_EYES_ONLY)
            d.add("captions_found", (" ".join(m[1].split()), ln.start + m.start(1), ln.start + m.end(1)))
            found = True
        if not found and "DISSEM" in ln.text:
            _misread_dissem(d, ln)
    if "page_marking" in d.values:
        return
    codeword = next((c for c in d.get("captions_found", []) if c[0] in TOP_SECRET_CODEWORDS), None)
    if codeword:
        d.set("page_marking", "TOP SECRET", codeword[1], codeword[2])
        d.notes.append(f"classification TOP SECRET inferred from the COMINT codeword {codeword[0]}")
    else:
        read_misspelt_marking(d, window)  # (after the codeword: 'FOP-SEGREF-DINAR' is TOP SECRET)


# A CIA cable's slug line, under its CITE line, opens with its controls ('RYBAT TYPIC AMSLEN',
# 'WNINTEL RYBAT', 'DESENSITIZED TYPIC …'), and OCR misreads them as it misreads any word: 'RYAT',
# 'RHEAT', 'PYBAT', 'RYFAI', 'UNINTEL', 'WN-INTEL', 'DESENSIT'; OCR of the form's columns may also
# set the line above the CITE line or after the REF line. So the line is known by its first word:
# RYBAT's misreadings keep its last letters (AT or AI after one to four capitals), WNINTEL's its
# INTEL, DESENSITIZED its first six letters (the rest often lost at the page's edge); a staff
# cable labels the line ('SLUGS: WN-INTEL'), and its slugs are read the same way. The hits are
# looked for from the line breaks of the head's lines joined (one scan), and a hit is a slug line
# only when it is written as slug lines are.
_SLUG_OPENING = re.compile(r"\n[^\S\n]*+[^\w\n]{0,2}(?:SLUGS?[^\S\n]*:[^\S\n]*)?(?:(?:[A-Z]{1,4}A[TI]|[A-Z]{1,3}-?INTEL)(?![A-Za-z])|DESENS)")
# A slug line is a few words: controls, cryptonyms and indicators ('AMSLEN-', 'COC-3', 'A'), which
# OCR may set partly in lower case ('aMHuG'); no sentence's punctuation.
_SLUG_LINE = re.compile(r"^[^\w\n]{0,2}(?:SLUGS?\s*:\s*)?[A-Z][A-Z\-]*(?:\s+[A-Za-z0-9][A-Za-z0-9.\-]*){0,7}[\s.,]*$")
# Controls among the slug line's words: one two edits from a control at most (a letter misread,
# lost or added) is that control, for the line holds no other word close to one. A station's name
# is no control ('RABAT').
_SLUG_CONTROLS = ("RYBAT", "WNINTEL")
# Where the slug line stands: within six non-blank lines of the CITE line (OCR of the form's
# columns sets it up to five above, and the REF line and stamps between the CITE line and it),
# or, where no CITE line was read, among the head's first 45 (the routing box above it takes 10
# to 35 lines). Searching only there keeps the search's cost small.
_SLUG_NEAR_CITE = 6
_SLUG_LINES = 45
_INDEX = attrgetter("index")
_SLUG_WORD = re.compile(r"(?<![A-Za-z])[A-Z][A-Z-]{3,14}(?![A-Za-z])")


def read_slug_lines(d: Draft, window: list[CLine]) -> None:
    """Controls on the slug lines of a CIA cable, read through OCR's misreadings of their letters;
    ``window``: the cable's first non-blank lines, in order."""
    if (cite := d.get("cite_line")) is not None:
        k = bisect_right(window, cite, key=_INDEX)
        window = window[max(0, k - 1 - _SLUG_NEAR_CITE): k + _SLUG_NEAR_CITE]
    else:
        window = window[:_SLUG_LINES]
    if not window:
        return
    # The hits are searched for in the clean text the lines are cut from, from the line break
    # before the window's first line (the text's first line has none, and is asked itself): a
    # pattern opening with one literal is searched for at C speed, where one opening with '^' or
    # an alternative is tried at every character. Every non-blank line of that stretch is in
    # the window.
    if window[0].start == 0 and _SLUG_OPENING.match("\n" + window[0].text):
        _read_if_slug_line(d, window[0])
    for hit in _SLUG_OPENING.finditer(d.clean.text, max(0, window[0].start - 1), window[-1].end):
        ln = window[bisect_right(window, hit.start() + 1, key=_START) - 1]
        if ln.start == hit.start() + 1:
            _read_if_slug_line(d, ln)


def _read_if_slug_line(d: Draft, ln: CLine) -> None:
    if _SLUG_LINE.match(ln.text.strip()):
        _read_slug_controls(d, ln)


def _read_slug_controls(d: Draft, ln: CLine) -> None:
    for m in _SLUG_WORD.finditer(ln.text):
        word = m[0].replace("-", "")
        control = _slug_control(word)
        if control is None:
            continue
        d.add("captions_found", (control, ln.start + m.start(), ln.start + m.end()))
        if word != control:
            d.defect("possible-ocr-error", f"slug line's {m[0]!r} read as {control}", ln.start + m.start(), ln.start + m.end())


def _slug_control(word: str) -> str | None:
    if word.startswith("DESENS"):
        return "DESENSITIZED"
    for control in _SLUG_CONTROLS:
        if word == control:
            return control
        if abs(len(word) - len(control)) <= 1 and _edits(word, control) <= 2:
            return None if tables.known_station(word) or word in tables.cia_cites() else control
    return None


def _edits(a: str, b: str) -> int:
    """The Levenshtein distance of ``a`` and ``b``: letters replaced, inserted or deleted."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        diagonal, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (x != y))
    return row[-1]


# A dissemination control whose word before DISSEM OCR misread by one letter ('CONTROLLEO DISSEM').
_DISSEM_PHRASE = re.compile(r"\b(?P<phrase>(?:NO\s+)?[A-Z]{4,12}\s+DISSEM)\b")
_DISSEM_CONTROLS = tuple(c for c in AGENCY_CONTROLS if c.endswith(" DISSEM"))


def _misread_dissem(d: Draft, ln: CLine) -> None:
    for m in _DISSEM_PHRASE.finditer(ln.text):
        phrase = " ".join(m["phrase"].split())
        near = [c for c in _DISSEM_CONTROLS if len(c) == len(phrase) and sum(a != b for a, b in zip(c, phrase)) == 1]
        if len(near) == 1:
            d.add("captions_found", (near[0], ln.start + m.start(), ln.start + m.end()))
            d.defect("possible-ocr-error", f"dissemination control {phrase!r} read as {near[0]}",
                     ln.start + m.start(), ln.start + m.end())


def nonblank(lines: list[CLine], count: int) -> list[CLine]:
    """The first ``count`` non-blank lines: OCR'd pages often put a blank line after every line,
    so a window of lines must count text, not line breaks."""
    return list(islice(iter_nonblank(lines), count))


def iter_nonblank(lines: list[CLine]) -> Iterator[CLine]:
    """The non-blank lines, one at a time."""
    # (Chained iterators run in C, and lazily: no Python step a line, and no line looked at past
    # the last one taken.)
    return compress(lines, map(str.strip, map(_TEXT, lines)))



# The classification block that closes the CIA's staff cables of the 1980s–90s: 'CL BY: 0536008,
# CL REASON: 1.5 (C), DECL ON: X1, DRV FROM: HUM 4-82.', or the older 'DECL OADR DRV HUM 4-82.':
# E.O. 12356's declassification event, X1–X8 (exempt from the automatic schedule) or OADR
# (originating agency's determination required), after the DECL label. OCR garbles the label
# ('DECI ON', 'DECE ON', 'DECIS SON', 'DECI ONT' across a line break) and the X of X1 (read as
# K, or %) and its 1 (read as I or l). Nine studied documents and two of the dev set hold one,
# each in the last 250 characters of the cable, the derivation (DRV) after it: only the text's
# tail is read (a search of the whole text cost 0.2 % of a release's parse; and a DECL line
# higher up is another document's, in a release that compiles several).
_DECL_EVENT = re.compile(r"DEC[LIE1]S?\W{0,4}(?:S?[O0][NM]T?\W{0,4})?(?P<event>OADR|[XK%][1Il]|X[2-8])\b")
_EVENT_DIGIT = str.maketrans({"I": "1", "l": "1"})
_DECL_TAIL = 600


def read_declassify_event(d: Draft) -> None:
    """``eo`` from the staff cable's DECL event at the foot of its text; a misread one repaired,
    with a ``possible-ocr-error``."""
    text = d.clean.text
    at = max(0, len(text) - _DECL_TAIL)
    tail = text[at:]
    if "DRV" not in tail or not (m := _DECL_EVENT.search(tail)):
        return
    written = m["event"]
    event = written if written == "OADR" else "X" + written[1].translate(_EVENT_DIGIT)
    d.set("eo", EO(order=None, declassify_on=None, event=event, raw=m[0]), at + m.start(), at + m.end())
    if event != written:
        d.defect("possible-ocr-error", f"declassification event {written!r} read as {event}",
                 at + m.start("event"), at + m.end("event"))
