"""Field grammars: one small function per kind of value, named after the grammar it accepts.

Each function takes the text of one field (already cut from its line by the header scanner) and
returns a value, or None when the text does not fit the grammar. None of them raise on bad input.
The docstring of each opens with the pattern it accepts.
"""

from __future__ import annotations

import difflib
import re
from datetime import date as _date
from functools import lru_cache

from ..model import EO, Addressee, Classifier, Officer, Reference, Section
from ..vocab import tables
from ..vocab.markings import LEVEL_WORDS, PRECEDENCES, PROSIGNS

MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}
# The twelve abbreviations as a regular-expression alternation, for the patterns that read a date.
MONTH_ALTERNATION = "|".join(MONTHS)
_MONTH_NAMES = {
    "JANUARY": 1, "FEBRUARY": 2, "MARCH": 3, "APRIL": 4, "MAY": 5, "JUNE": 6, "JULY": 7,
    "AUGUST": 8, "SEPTEMBER": 9, "OCTOBER": 10, "NOVEMBER": 11, "DECEMBER": 12,
    "SEPT": 9,
}


def iso_date(y: int, m: int, d: int) -> str | None:
    """ISO date or None when the parts do not form a date."""
    try:
        return _date(y, m, d).isoformat()
    except ValueError:
        return None


def full_year(yy: int, pivot: int = 40) -> int:
    """Two-digit year -> four digits (``96`` -> 1996, ``08`` -> 2008)."""
    if yy >= 100:
        return yy
    return 1900 + yy if yy > pivot else 2000 + yy


_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "i": "1", "S": "5", "B": "8"})


def ocr_digits(s: str) -> str:
    """Read OCR letter-for-digit confusions inside a number (``2201l6`` -> ``220116``, ``B230`` -> ``8230``)."""
    # (digits alone, the usual case, have nothing to translate: the table maps letters only)
    return s if s.isdigit() else s.translate(_DIGIT_LOOKALIKES)


_NOT_CAPITAL = re.compile(r"[^A-Z]")


# -- dates --------------------------------------------------------------------------------------
DTG_RE = re.compile(
    r"(?<![\w/])(?P<dd>[0-3OoIl][\dOoIl])(?P<hh>[0-2OoIl][\dOoIl])(?P<mi>[0-5OoIl][\dOoIl])\s?Z\s*,?\s*"
    r"(?P<mon>" + MONTH_ALTERNATION + r")[A-Z]*\.?\s*,?\s*(?P<yy>\d{4}|\d{2})\b",
    re.I,
)


def dtg(text: str) -> tuple[str, str, re.Match] | None:
    """DTG = DDHHMMZ MON YY -> (as written single-spaced, ISO date-time, match)."""
    m = DTG_RE.search(text)
    if not m:
        return None
    # Each part read for digits once, and used both as a number and as written.
    dd_s, hh_s, mi_s = ocr_digits(m["dd"]), ocr_digits(m["hh"]), ocr_digits(m["mi"])
    dd, hh, mi = int(dd_s), int(hh_s), int(mi_s)
    mon = m["mon"][:3].upper()
    day = iso_date(full_year(int(m["yy"])), MONTHS[mon], dd)
    if day is None or hh > 23 or mi > 59:
        return None
    return f"{dd_s}{hh_s}{mi_s}Z {mon} {m['yy']}", f"{day}T{hh:02d}:{mi:02d}:00Z", m


_DATE_FORMS = (
    re.compile(r"\b(?P<m>\d{1,2})\s*/\s*(?P<d>\d{1,2})\s*/\s*(?P<y>\d{4}|\d{2})\b"),
    re.compile(r"\b(?P<y>\d{4})[/\-](?P<m>\d{1,2})[/\-](?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<mn>[A-Z][a-z]+|[A-Z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<d>\d{1,2})\s+(?P<mn>[A-Z][a-z]+|[A-Z]{3,9})\.?,?\s+(?P<y>\d{4}|\d{2})\b"),
    re.compile(r"\b(?P<m>\d{1,2})-(?P<d>\d{1,2})-(?P<y>\d{4}|\d{2})\b"),
)


_A_DIGIT = re.compile(r"\d")
# Each form with whether it names its month. (Where it does, its ``mn`` group is not optional and
# never empty, so a match's name is there and true: what asking each match's ``groupdict`` for
# ``mn`` found, without building the dictionary.)
_DATE_FORMS_NAMED = tuple((form, "mn" in form.groupindex) for form in _DATE_FORMS)


def written_date(text: str) -> tuple[str, re.Match] | None:
    """DATE = mm/dd/yy[yy] | yyyy/mm/dd | Month d, yyyy | d Month yyyy -> (ISO, match)."""
    if _A_DIGIT.search(text) is None:
        return None  # every form holds a ``\d``: text without one ('N/A', 'OADR') has no date
    for form, named in _DATE_FORMS_NAMED:
        for m in form.finditer(text):
            if named:
                name = m["mn"].upper()
                month = _MONTH_NAMES.get(name) or MONTHS.get(name[:3]) if len(name) >= 3 else None
                if not month:
                    continue
            else:
                month = int(m["m"])
            iso = iso_date(full_year(int(m["y"])), month, int(m["d"]))
            if iso:
                return iso, m
    return None


# -- markings -----------------------------------------------------------------------------------
# Each marking by its letters alone (``TOPSECRET``), worked out once rather than on every call.
# Where two writings share their letters, the longer writing's level stands, as it did when the
# writings were tried longest first and the first whose letters matched won.
_LEVEL_BY_LETTERS: dict[str, str] = {}
for _written, _level in sorted(LEVEL_WORDS.items(), key=lambda kv: -len(kv[0])):
    _LEVEL_BY_LETTERS.setdefault(_written.replace(" ", ""), _level)
del _written, _level


def classification(word: str) -> str | None:
    """LEVEL = TOP SECRET | SECRET | CONFIDENTIAL | LIMITED OFFICIAL USE | UNCLAS[SIFIED] | SBU, letter-spacing allowed."""
    compact = _NOT_CAPITAL.sub("", word.upper())
    level = _LEVEL_BY_LETTERS.get(compact)
    if level:
        return level
    if compact in ("UUNCLAS", "UNCLASSIFED", "UNCLASSFIED"):
        return "UNCLASSIFIED"
    return None


_PREC_WORD = re.compile(r"\b(NIACT\s+IMMEDIATE|FLASH|IMMEDIATE|PRIORITY|PRIOITY|ROUTINE|NIACT)\b")


def precedence_word(text: str) -> str | None:
    """PRECEDENCE = FLASH | NIACT IMMEDIATE | IMMEDIATE | PRIORITY | ROUTINE (as a word in ``text``)."""
    m = _PREC_WORD.search(text.upper())
    if not m:
        return None
    word = " ".join(m[1].split())
    return _PREC_SPELLING.get(word, word)


_PREC_SPELLING = {"PRIOITY": "PRIORITY", "NIACT": "NIACT IMMEDIATE"}  # (built once, not on every call)


def prosign(letter: str) -> str | None:
    """PROSIGN = Z | O | P | R -> precedence."""
    return PROSIGNS.get(letter.upper())


def highest_precedence(values) -> str | None:
    ranked = [v for v in values if v in PRECEDENCES]
    return max(ranked, key=PRECEDENCES.index) if ranked else None


# -- addresses ----------------------------------------------------------------------------------
_RI = re.compile(r"^\s*(R[A-Z]{3,7})\s*/\s*")
_SEQ = re.compile(r"\s+(\d{1,5})\s*$")
_BY_POUCH = re.compile(r"\s+BY\s+POUCH\b.*$|\s+UNN$", re.I)
_TRAILING_PRECEDENCE = re.compile(r"\s+(NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|PRIOITY|ROUTINE|FLASH|NIACT)\s*$", re.I)
_ZEN = re.compile(r"^ZEN\s*/\s*")
_AMEMBASSY_MISREAD = re.compile(r"^AM[A-Z]{0,3}[BD]ASSY\b")
_POST_COMMA = re.compile(r"^(AMEMBASSY|AMCONSUL|USMISSION),\s*")
_POST_FIRST = re.compile(r"([A-Z][A-Z .\-]+),\s*(SECSTATE|SECDEF|AMEMBASSY|AMCONSUL|USMISSION|USOFFICE|USDEL|USLO|USINT)")
# A SMART item's precedence run onto the kind of post before it when OCR lost the blank
# ('MONROVIA, AMEMBASSYROUTINE'), and the word itself misread as well ('MONROVIA, AMEMBASSYRounNE'):
# any run of letters there is no part of the post's name, and is read as the one precedence it is,
# or is close to (the addressee's reader reports a word not written as such).
_GLUED_WORD = re.compile(r"(?:(?<=SECSTATE)|(?<=AMEMBASSY)|(?<=AMCONSUL)|(?<=USMISSION)|(?<=USOFFICE))"
                         r"([A-Z]{4,9})\s*$", re.I)
_SMART_PRECEDENCES = ("IMMEDIATE", "PRIORITY", "ROUTINE")


def _misread_precedence(word: str) -> str | None:
    """The one SMART precedence word ``word`` is ('ROUTINE') or is an OCR misreading of ('ROUNNE'), or None."""
    close = difflib.get_close_matches(word.upper(), _SMART_PRECEDENCES, n=2, cutoff=0.75)
    return close[0] if len(close) == 1 else None


# The same addressees (SECSTATE WASHDC, the posts of one region) stand in cable after cable: each
# distinct line is read once. The function is pure and its records are immutable, so nothing of
# one document can reach another through the cache.
@lru_cache(maxsize=4096)
def addressee(text: str) -> Addressee | None:
    """ADDRESSEE = [RI/]PLAD [precedence] [sequence] (``RUEHC/SECSTATE WASHDC IMMEDIATE 6818``)."""
    s = " ".join(text.split()).strip(" ,;.")
    if not s:
        return None
    # A line that ends in a sequence number is new in every cable ('... IMMEDIATE 6818'), so the
    # whole-line memo misses on it, but what stands before the number repeats: that part is read
    # from a memo (``_unnumbered``) and the number added. ``_unnumbered`` says when its reading
    # is the line's; where it may not be, the line is read whole, as it always was.
    head, blank, last = s.rpartition(" ")
    numbered = bool(blank) and len(last) <= 5 and last.isdecimal()
    found = _unnumbered(head if numbered else s)
    if found is None:
        return _addressee_whole(s)
    routing, name, prec = found
    if name is None:
        return None
    # (fields by position, in the record's order: a call by keyword costs twice as much, and this
    # is made for every new addressee line)
    return Addressee(name, None, prec, routing, int(last) if numbered else None)


def _addressee_whole(s: str) -> Addressee | None:
    """The addressee of a line ``s`` already single-spaced and stripped (see :func:`addressee`)."""
    routing = None
    if m := _RI.match(s):
        routing, s = m[1], s[m.end():]
    s = s.strip()  # a military address keeps its office suffix ('…MACDILL AFB FL//CCJ2/POLAD//')
    if _may_go_by_pouch(s):
        s = _BY_POUCH.sub("", s)
    sequence = None
    if m := _SEQ.search(s):
        sequence, s = int(m[1]), s[: m.start()]
    name, prec = _name_and_precedence(s)
    if not name or len(name) > 90:
        return None
    return Addressee(name, None, prec, routing, sequence)  # (by position, as in ``addressee``)


# (Memoised, pure over its short key: an addressee line, or the part of one before its number.)
@lru_cache(maxsize=4096)
def _unnumbered(part: str) -> tuple[str | None, str | None, str | None] | None:
    """(routing, name or None, precedence) that :func:`_addressee_whole` reads from a line that is
    ``part`` followed by its sequence number (a blank and one to five decimal digits), or from
    ``part`` itself when it does not end in such a number; None where this reading may differ
    from that one and the line must be read whole. ``part`` is single-spaced and stripped.

    ``_addressee_whole`` finds the routing indicator where it finds it on ``part`` (its '/' cannot
    be in the number), unless the indicator takes all of ``part``: then its trailing ``\\s*`` eats
    the blank before the number, and the number is the name. ``_BY_POUCH`` cannot match in the
    number, nor reach ``$`` with ``UNN`` at a digit, so it removes nothing from the line unless it
    matches ``part`` (it then removes the number with its own match): where it may, the line is
    read whole. Otherwise ``_SEQ`` takes the number, if there is one, and nothing else: it wants a
    blank, then one to five ``\\d`` (the ``str.isdecimal`` characters) at the end, and the rest of
    ``part`` ends in something else. What is left goes to ``_name_and_precedence``, as here.
    """
    routing = None
    if m := _RI.match(part):
        routing, part = m[1], part[m.end():]
        if not part:
            return None
    if _may_go_by_pouch(part):
        return None
    name, prec = _name_and_precedence(part)
    return routing, (name if name and len(name) <= 90 else None), prec


def _may_go_by_pouch(s: str) -> bool:
    """False where ``_BY_POUCH`` cannot match ``s``: each match holds POUCH or ends with UNN, in
    some case, and under ``re.I`` only the ASCII letters of either case match those letters (no
    other character lowers to one), so a match leaves 'pouch' in ``s.lower()`` or 'unn' at its end
    (``s`` is single-spaced: no line break for ``$`` to stand before). Two lower-casings instead of
    a case-blind search tried at every blank."""
    return "pouch" in s.lower() or s[-3:].lower() == "unn"


# What stands before the sequence number: memoised apart, because the whole line's key holds the
# number, new in every cable ('... IMMEDIATE 6818'), while this part repeats from cable to cable.
@lru_cache(maxsize=4096)
def _name_and_precedence(s: str) -> tuple[str, str | None]:
    prec = None
    if m := _TRAILING_PRECEDENCE.search(s):
        prec = precedence_word(m[1])
        s = s[: m.start()]
    elif "," in s and (m := _GLUED_WORD.search(s)) and (word := _misread_precedence(m[1])):
        prec = word
        s = s[: m.start()]
    s = s.strip(" ,;.").upper()
    # The three patterns below are anchored with ``^`` (no MULTILINE) and never empty, so a
    # substitution could only ever replace one match at the start: each is cut as that match,
    # without ``sub``'s template expansion, and tried only on a line that opens with the literal
    # its every match opens with (a line that does not has no match: the substitution would
    # give it back unchanged).
    if s.startswith("ZEN") and (m := _ZEN.match(s)):
        s = s[m.end():]  # ZEN: delivered by other means
    if s.startswith("AM") and (m := _AMEMBASSY_MISREAD.match(s)):
        s = "AMEMBASSY" + s[m.end():]  # AMEMDASSY, AMEBASSY, AMMBASSY
    # Both comma forms need a comma: the usual line, without one, skips both patterns.
    if "," in s:
        # 'AmEmbassy, LAGOS'
        if m := _POST_COMMA.match(s):
            s = f"{m[1]} {s[m.end():]}"
        # SMART writes the address post first: 'WASHDC, SECSTATE', 'KABUL, AMEMBASSY'.
        if m := _POST_FIRST.fullmatch(s):
            s = f"{m[2]} {m[1]}"
    if s[-4:-3] == " " and s[-3:] in MONTHS and s[:-4] in tables.station_by_plad():
        s = s[:-4]  # a month's abbreviation between a post and its number ('AMEMBASSY LA PAZ JUN 9467')
    return s, prec


def plad(text: str) -> str | None:
    """ORIGINATOR = [RI/]PLAD, upper case, routing indicator removed."""
    a = addressee(text)
    return a.name if a else None


# -- section written in words ------------------------------------------------------------------------
# The 1960s telegram's number line states its section in words: 'NO: 748, OCTOBER 19, 1 PM (SECTION
# ONE OF TWO)'.
_NUMBER_WORDS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5, "SIX": 6, "SEVEN": 7, "EIGHT": 8, "NINE": 9,
                 "TEN": 10}
_SECTION_IN_WORDS = re.compile(r"\bSECTION\s+(?P<n>[A-Z]{3,5}|\d{1,2})\s+OF\s+(?P<of>[A-Z]{3,5}|\d{1,2})\b", re.I)


def written_section(text: str) -> tuple[Section, re.Match] | None:
    """``SECTION ONE OF TWO`` (or in digits) in ``text``: the section and its match."""
    m = _SECTION_IN_WORDS.search(text)
    if not m:
        return None
    n, of = (int(g) if g.isdigit() else _NUMBER_WORDS.get(g.upper()) for g in (m["n"], m["of"]))
    if n is None or of is None or not 1 <= n <= of:
        return None
    return Section(n, of), m


# -- E.O. line -----------------------------------------------------------------------------------
EO_RE = re.compile(r"^\s*E\.?\s?O\.?\s*[:.]?\s*(?P<order>1\d{3,4}|\d{4,5})?\s*(?:(?::|\.|\s)\s*(?P<rest>.*))?$", re.I)


_DECL_LABEL = re.compile(r"^(?:DECL|DECLASSIFY\s+ON)\s*:?\s*", re.I)
_DECLASSIFIED_BY = re.compile(r"^DECLASSIFIED\s+BY\b", re.I)


def eo_line(text: str) -> EO | None:
    """EO = E.O. NNNNN: (DECL: date | DECL: event | GDS | XGDS-n | RDS-n date | OADR | N/A)."""
    m = EO_RE.match(text)
    if not m:
        return None
    order = m["order"]
    rest = " ".join((m["rest"] or "").split()).strip(" .;")
    declassify_on = None
    event = None
    # (a match cut off rather than ``_DECL_LABEL.sub``: the label is anchored at the start, with no
    # MULTILINE, and never empty, so the substitution can only ever cut one match from the front)
    label = _DECL_LABEL.match(rest)
    body = (rest[label.end():] if label else rest).strip()
    # A downgrading instruction ('DNG: CO 04/08/2026': to CONFIDENTIAL on that date) dates a change
    # of level, not the declassification: the whole instruction is the event.
    found = written_date(body) if not body[:3].upper() == "DNG" else None
    if found:
        declassify_on = found[0]
        head = body[: found[1].start()].strip(" :;,.")
        # ('DECLASSIFIED BY NARA 09/02/2009': the archive's note that the date has come, not an event.)
        if head and head.upper() not in ("", "DECL") and not _DECLASSIFIED_BY.match(head):
            event = head.upper()
    elif body:
        event = body.upper()
    if event and event.startswith("AS AMENDED"):
        event = None if declassify_on else event
    return EO(order, declassify_on, event or None, text.strip())  # (order, declassify_on, event, raw)


# -- classified-by --------------------------------------------------------------------------------
_TITLE_WORDS = {
    "AMBASSADOR", "AMB", "AMB.", "CHARGE", "CHARGE'", "D'AFFAIRES", "DCM", "CDA", "DEPUTY", "CHIEF", "COUNSELOR",
    "COUNSELLOR", "POLCOUNS", "ECONCOUNS", "COORDINATOR", "DIRECTOR", "SECRETARY", "ASSISTANT", "CONSUL",
    "GENERAL", "OFFICER", "POLITICAL", "ECONOMIC", "ACTING", "MINISTER", "SECTION", "HEAD", "OF", "MISSION",
    "PRINCIPAL", "COM", "POLOFF", "ECONOFF", "POL", "ECON", "P/E", "FOR", "THE", "AND", "PRT", "LEADER", "CG", "DAS",
    "A/S", "ATTACHE", "DEFENSE", "REGIONAL", "AFFAIRS", "SENIOR", "ADVISOR", "ADVISER", "EMBASSY", "DEPT",
    "STATE", "PUBLIC", "MANAGEMENT", "CONSULATE", "OFFICE", "PO", "RSO", "DATT", "POLMIL", "POL/ECON",
    "POL-ECON", "POLITICAL/ECONOMIC", "SPECIAL", "ENVOY", "REPRESENTATIVE", "PERMANENT", "U.S.", "US",
    "USUN", "DIVISION", "BRANCH", "UNIT", "INTERIM", "A/DCM", "CHIEF,", "POLITICAL-ECONOMIC", "AMBASSADOR,",
    # The charge's title as it is often typed: misspelt ('Charge d'Affairs'), or 'ad interim'.
    "D'AFFAIRS", "D'AFFAIRE", "A.I",
    # Civil titles and forms of address before a name.
    "MR", "MRS", "MS", "DR", "HON", "HONORABLE", "SENATOR", "CONGRESSMAN", "CONGRESSWOMAN", "GOVERNOR", "UNDER",
    # The area of a title ('Assistant Secretary for Congressional Relations'), which a name follows.
    "RELATIONS", "CONGRESSIONAL", "LEGISLATIVE", "INTELLIGENCE", "RESEARCH", "PLANNING", "OPERATIONS",
    "ADMINISTRATION", "ADMINISTRATIVE", "CONSULAR", "COMMERCIAL", "PROTOCOL", "SECURITY", "INTERNATIONAL",
    "ORGANIZATION", "ORGANIZATIONS", "EXECUTIVE", "SECRETARIAT", "BUREAU", "INSPECTOR", "SPOKESMAN",
    # Missions named before the officer's title ('USEU EconMinCouns Peter Chase'), and the run-together
    # abbreviations of titles a post writes.
    "USEU", "USNATO", "USOSCE", "USOECD", "USAID", "USTR", "UNVIE", "USMISSION", "ECONMINCOUNS", "POLMINCOUNS",
    "MINCOUNS", "POLMILOFF", "POLECONCOUNS", "POLECON", "ECONPOL", "MGMTCOUNS",
}
# Ranks of the services, in full and abbreviated. Some are also surnames ('John Major'), so a rank
# is a title only where a name follows it; standing last it is read as part of the name.
_RANKS = {
    "CAPTAIN", "CAPT", "CPT", "COLONEL", "COL", "LTCOL", "LTC", "LIEUTENANT", "LT", "MAJOR", "MAJ", "GEN",
    "BRIGADIER", "BG", "MG", "LTG", "ADMIRAL", "ADM", "RADM", "VADM", "COMMANDER", "CDR", "LCDR", "CMDR",
    "COMMODORE", "SERGEANT", "SGT", "MSGT", "ENSIGN", "MARSHAL", "CORPORAL", "CPL",
}
_REASON = re.compile(r"\b1\s?\.\s?([456])\s*(?:\(\s*([a-hA-H])\s*\)|([a-hA-H])\b)?")
_REASON_LETTERS = re.compile(r"\(\s*([a-hA-H])\s*\)|\b([a-hA-H])\b")
_X_EXEMPT = re.compile(r"\b(?:1\.6\s*)?(X[1-8])\b|\b(25X[1-9]|50X[12](?:-[A-Z]+)?)\b", re.I)


_CLASSIFIED_BY = re.compile(r"classifi?e?d\s+by\s*:?\s*", re.I)
_DOUBLED_LABEL = re.compile(r"^classif\w*\s+by\s*:?\s*", re.I)
# Cablegate text was wrapped at a fixed width, and the wrap can fall inside a word ('FOR REAS\nONS',
# 'FO\nR REASONS', also 'Rea sons'): the label's words allow a break between any two letters.
# Where no 'reason' word stands, the number of the reason follows the name, perhaps after a
# connective ('FOR 1.4 (D)', 'per 1.5 (b)', 'under Section 1.4b/d').
_REASONS_LABEL = re.compile(r"[,;.]?\s*\b(?:f\s{0,2}o\s{0,2}r\s+)?r\s{0,2}e\s{0,2}a\s{0,2}s\s{0,2}o\s{0,2}n(?:\s{0,2}s)?\b\s*:?\s*"
                            r"|[,;]?\s+(?:(?:for|per|under|section|sec\.)\s+)*(?=1\s?\.\s?[45]\s*\(?[a-hA-H])", re.I)
_NEXT_REASON = re.compile(r"\b1\s?\.\s?\d|\bX\d")


def classified_by(text: str) -> Classifier | None:
    """CLASSIFIED-BY = Classified By[:] <title and/or name>[,;.] [for] Reason[s][:] 1.N (x)[, (y)]."""
    m = _CLASSIFIED_BY.search(text)
    if not m:
        return None
    rest = text[m.end():]
    # A doubled label ('Classified By: Classifed by …') is a typo, not part of the name.
    # (cut as a match, like the DECL label in ``eo_line``: anchored, no MULTILINE, never empty)
    if doubled := _DOUBLED_LABEL.match(rest):
        rest = rest[doubled.end():]
    r = _REASONS_LABEL.search(rest)
    who = rest[: r.start()] if r else rest
    why = rest[r.end():] if r else ""
    reasons, exemptions = _reasons(why)
    name, title = _name_and_title(who)
    return Classifier(name, title, reasons, exemptions, text.strip())  # (fields by position, in order)


# The reasons stand in the same few words from cable to cable ('1.4 (B), (D)', '1.4 (b) and
# (d).'), while the name before them changes: that part is read once. Pure over a short text.
@lru_cache(maxsize=4096)
def _reasons(why: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """REASONS = 1.N (x)[, (y)] ... -> (reasons, exemptions) of a classified-by line's reasons part."""
    reasons: list[str] = []
    section = None
    for rm in _REASON.finditer(why):
        section = rm[1]
        letter = rm[2] or rm[3]
        if letter:
            _add(reasons, f"1.{section}({letter.lower()})")
        # Following letters ('1.4 (b), (d)', '1.4 (B, D)', '1.5 (B) AND (D)') share the section.
        tail = why[rm.end(): rm.end() + 40]
        tail = _NEXT_REASON.split(tail)[0]
        if section in ("4", "5"):
            for lm in _REASON_LETTERS.finditer(tail):
                _add(reasons, f"1.{section}({(lm[1] or lm[2]).lower()})")
    exemptions: list[str] = []
    # Every exemption holds an X, and under re.I only 'X' and 'x' match one (no other character
    # folds to it): most reasons ('1.4 (B), (D)') hold neither, and skip the case-blind scan.
    if "X" in why or "x" in why:
        for xm in _X_EXEMPT.finditer(why):
            _add(exemptions, (xm[1] or xm[2]).upper())
    return tuple(reasons), tuple(exemptions)


def _add(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


# Initials may be run together without a space ('W.B.', 'N.S.'), as well as single ('W.').
# The particles of a surname ('Carol van Voorst') and a nickname in quotes ('A. "Hoot" Baez') are
# part of a name too.
# (An initial may stand glued to the surname after it: 'STUART E.JONES'.)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z'\-]+|(?:[A-Z]\.){1,3}|[A-Z][a-z]*\.?|Mc[A-Z][a-z]+|[A-Z]+|[IVX]+|Jr\.?|Sr\.?"
                         r"|[A-Z]\.[A-Z][a-zA-Z'\-]+"
                         r"|van|von|de|der|den|da|di|del|della|dos|du|la|le|bin|ibn|\"[A-Z][a-z]+\")$")


_DERIVED_FROM = re.compile(r"derived\s+from", re.I)
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")


_SUFFIX = re.compile(r"(?:Jr|JR|Sr|SR)\.?|I{2,3}|IV")


# An agency's reviewer writes an employee number where a name would stand ('CL BY 012208', the
# FBI's 1990s review marking 'Classified by 9803RDO KSR': number and office, the reviewer's
# initials after them): a classifier's words that open with three digits or more name no one,
# as the labels of every such line in the studied sets read it.
_EMPLOYEE_CODE = re.compile(r"\d{3}")


def _name_and_title(who: str) -> tuple[str | None, str | None]:
    """Split '<title> <name>' or '<name>, <title>' into (name, title)."""
    who = " ".join(who.split()).strip(" ,;.:")
    if not who:
        return None, None
    if _DERIVED_FROM.match(who):
        return None, who
    if _EMPLOYEE_CODE.match(who):
        return None, who
    parts = [p.strip() for p in _COMMA_OR_SEMICOLON.split(who) if p.strip()]
    while len(parts) > 1 and _SUFFIX.fullmatch(parts[1]):
        parts[:2] = [f"{parts[0]}, {parts[1]}"]  # a name's suffix after its comma ('Clark T. Randt, Jr.')
    if len(parts) > 1 and _looks_like_name(parts[0]):
        return parts[0], ", ".join(parts[1:]) or None
    tokens = parts[0].split() if parts else []
    # The name is the trailing run of tokens that are not title words.
    k = len(tokens)
    while k > 0 and not _is_title(tokens[k - 1], k < len(tokens)) and _NAME_TOKEN.match(tokens[k - 1].strip(",")):
        k -= 1
    name_tokens, title_tokens = tokens[k:], tokens[:k]
    if name_tokens and (all(len(t.strip(".")) <= 1 for t in name_tokens) or all(t.islower() for t in name_tokens)):
        name_tokens = []  # initials alone, or a surname's particle alone, name no one
    if len(name_tokens) == 1 and name_tokens[0].upper().strip(",.") in _RANKS:
        name_tokens, title_tokens = [], tokens  # a rank alone ('Defense Attache Colonel') names no one
    title = " ".join(title_tokens) or None
    if len(parts) > 1:
        title = ", ".join([title] + parts[1:]) if title else ", ".join(parts[1:])
    name = " ".join(name_tokens).strip(" .") or None
    if name and "/" in name:
        return None, who
    if name is None and len(parts) > 1 and (last := _name_after_titles(parts[-1])):
        # '<title>, [a.i.] <name>' ('Charge d'Affaires, a.i., Robert P. Jackson', 'CDA, A.I. RON MCMULLEN').
        lead, name = last
        title = ", ".join(parts[:-1] + ([lead] if lead else []))
    return name, title


_AD_INTERIM = frozenset({"A.I", "AI"})


def _name_after_titles(part: str) -> tuple[str, str] | None:
    """(the ad interim mark before it, the name) of the last comma-separated part of a classifier's
    words, where that part is a name, perhaps after 'a.i.'; None where it is anything else (an
    office, a post: 'Embassy Rome', 'New Delhi')."""
    tokens = part.split()
    lead = 0
    while lead < len(tokens) and tokens[lead].upper().strip(",.") in _AD_INTERIM:
        lead += 1
    named = tokens[lead:]
    if not named or any(_is_title(t, True) or not _NAME_TOKEN.match(t) for t in named):
        return None
    name = " ".join(named).strip(" .")
    if all(len(t.strip(".")) <= 1 for t in named) or "/" in name or name.upper() in tables.stations():
        return None
    return " ".join(tokens[:lead]), name


def _is_title(token: str, before_name: bool) -> bool:
    """A title word; a service rank counts only before a name ('Colonel Boylan', not 'John Major')."""
    word = token.upper().strip(",.")
    return word in _TITLE_WORDS or before_name and word in _RANKS


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    if not 1 < len(tokens) <= 5:
        return False
    return all(not _is_title(t, i < len(tokens) - 1) and _NAME_TOKEN.match(t) for i, t in enumerate(tokens))


# -- references -------------------------------------------------------------------------------------
# An item: [YY] STATION (one to four words) [NO.] SERIAL. Written for speed on long REF text (a
# header misread runs prose into it) with matches the same as the plain form, which is
# ``(?:(?<![\w])(?P<yy>\d{2})\s?)?(?P<station>[A-Z][A-Z.'\-]*(?:\s+[A-Z][A-Z.'\-]*){0,3}?)\s+(?:NO\.?\s*)?0*(?P<serial>\d{1,6})\b``
# (tests/test_shortcuts_asm.py checks the two agree):
# - the runs are possessive (``*+``, ``++``): a letter run is always followed by a blank and a
#   blank run by a non-blank, so giving characters back can never let the rest match;
# - ``(?<![A-Z])`` in front: a match cannot begin after a capital unless an earlier one would
#   have, since the station's first run, started at that capital, reaches the same end and the
#   rest of the match is the same; so only starts that are not leftmost are cut (a search never
#   resumes after a capital: a match ends with a digit), and the engine stops trying every
#   letter of every word of the text. The ``yy`` branch's own ``(?<![\w])`` implies it already.
_REF_ITEM = re.compile(
    r"(?<![A-Z])(?:(?<![\w])(?P<yy>(?:19|20)\d{2}(?=\s)|\d{2})\s?)?"
    r"(?P<station>[A-Z][A-Z.'\-]*+(?:\s++[A-Z][A-Z.'\-]*+){0,3}?)\s++(?:NO\.?\s*)?0*(?P<serial>\d{1,6})\b"
)
_NOT_STATIONS = {"PARA", "PARAS", "PARAGRAPH", "REF", "REFTEL", "SECTION", "THE", "AND", "OF", "SEE", "FAM", "FAH",
                 "TELCON", "MEMCON", "EMAIL", "E-MAIL", "A", "B", "C", "D", "E", "F", "G", "H", "NO", "IIR", "DTG",
                 "ON", "DATED", "IN", "AT", "TO", "FROM", "OR", "NOTAL", "JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                 "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", "CA", "A-", "CIRCULAR", "STATE CA", "DEPT",
                 "EMBTEL", "MSG", "MESSAGE", "LETTER", "PL", "USC", "UNSCR", "RES", "RESOLUTION", "ARTICLE",
                 "PREVIOUS", "PREVIOUSLY", "PRIOR",  # ("AND PREVIOUS 03 RANGOON 1427": 03 is the next item's year)
                 "OUT"}  # a CIA item's message-centre number ('DIR 42255 (OUT 81795)') is not a second reference
# (OCR may set a blank on either side of the hyphen: 'MEXI - 7025'. Written to open with the
# hyphen, which the engine looks for first; a look-behind first is tried at every character.)
_STATION_HYPHEN = re.compile(r"-(?<=[A-Z]{3}-) ?(?=\d)|-(?<=[A-Z]{3} -) ?(?=\d)")
# Words of a REF item whose number is their own (a paragraph's, a law's, a message centre's).
_OWN_THEIR_NUMBER = frozenset({"PARA", "PARAS", "PARAGRAPH", "SECTION", "NO", "NO.", "FAM", "FAH", "IIR", "DTG", "PL",
                               "USC", "UNSCR", "RES", "RESOLUTION", "ARTICLE", "OUT", "MSG", "MESSAGE", "LETTER"})
# A month name right after a number makes the number a day ('DATED 23 OCTOBER'), not a serial.
_MONTH_AFTER = re.compile(r"\s+(?:" + MONTH_ALTERNATION + r")[A-Z]*\b")
# Words that name the Department in REF items: its message numbers are STATE's.
_ALIASES = {"SECSTATE": "STATE", "DEPT": "STATE", "DEPTEL": "STATE", "DEPTELS": "STATE", "DEPCIRTEL": "STATE",
            "SECSTATE WASHDC": "STATE"}
# Stations written short in references whose canonical ids use the full station name.
_ID_STATIONS = {"USUN": "USUN NEW YORK"}
# Words of a sentence, never of a station's name unless the table knows the station ('PORT OF
# SPAIN'): 'DAILY REPORT FOR FEBRUARY 17' is prose with a number in it, not a station and serial.
_SENTENCE_WORDS = frozenset({"FOR", "OF", "TO", "ON", "IN", "AT", "BY", "WITH", "FROM", "AND", "OR", "THE",
                             "IS", "ARE", "WAS", "WERE", "OUR", "YOUR", "THIS", "THAT", "DATED"})
# More serials of the same station after the first ('CAPE TOWN 196, 203 AND 210'). A number
# followed by a slash or a hyphen is a date or a code, as for the first serial.
_MORE_SERIAL = re.compile(r"\s*(?:,|\bAND\b)\s*(?:NO\.?\s*)?0*(?P<serial>\d{1,6})\b(?![/\-])")


def references(text: str, cable_year: int | None) -> list[Reference]:
    """REF = [A.|A)] [YY] STATION SERIAL [(NOTAL)] {separator item}; non-cable items are skipped."""
    items = _split_ref_items(text)
    out: list[Reference] = []
    for letter, raw in items:
        found = False
        upper = raw.upper()
        if "-" in upper:
            # A hyphen typed between a station and its serial ('WAVE-1040'), read as the blank it
            # stands for (one character for one: the offsets stay the raw item's).
            upper = _STATION_HYPHEN.sub(_blanks, upper)
        # What is the same for every reference of the item, worked out once per item.
        written, notal = " ".join(raw.split()), "NOTAL" in upper
        at = 0
        while m := _REF_ITEM.search(upper, at):
            at = m.end()
            station = _ref_station(m["station"])
            if station is None:
                # Words that name no station: their number may be the next item's year ('AND
                # PREVIOUS 03 RANGOON 1427'), so the search goes on from it, unless it is theirs
                # ('PARA 12 STATE 1234': a paragraph's number is no year).
                if m["station"].split()[-1] not in _OWN_THEIR_NUMBER:
                    at = m.end("station")
                continue
            serial = int(m["serial"])
            if serial == 0:
                continue
            tail = upper[m.end(): m.end() + 3]
            if tail.startswith(("/", "-")) and not tail.startswith("- "):
                continue  # a date like 12/05 or a code such as 314/0123
            if station.split()[0] in _MONTH_NAMES or _MONTH_AFTER.match(upper, m.end()):
                continue  # a written date ('MEMORANDUM DATED 23 OCTOBER 1975'), not station and serial
            year_stated = m["yy"] is not None
            year = full_year(int(m["yy"])) if year_stated else cable_year
            id_station = _ID_STATIONS.get(station, station)
            # (fields by position, in the record's order: half the cost of a call by keyword)
            out.append(Reference(letter, written, station, serial, year, year_stated,
                                 canonical_id(year, id_station, serial), notal))
            found = True
            after = m.end()
            while (more := _MORE_SERIAL.match(upper, after)) and not _MONTH_AFTER.match(upper, more.end()):
                serial, after = int(more["serial"]), more.end()
                out.append(Reference(letter, written, station, serial, year, year_stated,
                                     canonical_id(year, id_station, serial), notal))
        if not found:
            continue
    return out


def _blanks(m: re.Match) -> str:
    """As many blanks as ``m`` matched characters."""
    return " " * (m.end() - m.start())


# The same stations (STATE, the posts of a region) are cited in cable after cable: each written
# form is read once. Pure over a short key (one to four words) and the fixed station table.
@lru_cache(maxsize=4096)
def _ref_station(written: str) -> str | None:
    """The station a REF item's station words name, or None when they name none (``PARA``, ``THE``)."""
    station = _strip_station_prefix(" ".join(written.split()).strip("."))
    if station.endswith("'S"):
        station = station[:-2]  # a possessive ('STATE'S 57155') names the station itself
    if not station or station in _NOT_STATIONS or len(station) < 3:
        return None
    if not "A" <= station[-1] <= "Z":  # (what ``[A-Z]`` matches; the station is not empty here)
        return None
    if " " in station and station not in tables.stations():
        station = _station_after_prose(station.split())
        if station is None or station in _NOT_STATIONS or len(station) < 3:
            return None
    return _ALIASES.get(station, station)


def _station_after_prose(words: list[str]) -> str | None:
    """Of station words the table does not know, the words after the last word of a sentence
    ('MESSAGE FROM ROME' -> 'ROME'), or None when none are left or the last is a month (the
    number after it is a day: 'DAILY REPORT FOR FEBRUARY 17')."""
    if words[-1] in _MONTH_NAMES:
        return None
    last_prose = max((k for k, w in enumerate(words) if w in _SENTENCE_WORDS), default=-1)
    return " ".join(words[last_prose + 1:]) or None


def _strip_station_prefix(station: str) -> str:
    if station in tables.stations():
        return station  # 'THE HAGUE' is a station, not 'THE' + a station
    words = station.split()
    while words and words[0] in ("REF", "REFS", "REFTEL", "REFTELS", "AND", "ALSO", "SEE", "NOTAL", "(NOTAL)", "THE", "B", "C", "D", "E", "F", "G", "H", "A"):
        words = words[1:]
    # A 2-digit year glued to the station ('10SHENYANG') is handled by the caller's regex; a leading
    # 'AMEMBASSY' or 'EMBASSY' names the same post.
    if words and words[0] in ("AMEMBASSY", "EMBASSY", "AMCONSUL", "CONSULATE", "USMISSION"):
        words = words[1:]
    return " ".join(words)


_GLUED_YEAR = re.compile(r"(?<![\w])(\d{2})([A-Z]{3,})")
# ('AND' before a bare number joins serials of one station: 'LIMA 210 AND 230' is one item.)
_ITEM_SEPARATOR = re.compile(r"[;:]|\bAND\b(?!\s*\d)")
# An item letter, in either case: some texts write the later items of a list in lower case
# ('E. 06 KUWAIT 4664 / f. 06 kuwait 3503 / g. State 1612'). Letters past H are marks only where
# they go on a list in order (see _in_sequence): 'I.' alone may be the pronoun ending a sentence.
_LETTER = re.compile(r"(?:^|(?<=[\s;,:]))\(?([A-Za-z])[.)]\s+")


def _split_ref_items(text: str) -> list[tuple[str | None, str]]:
    s = " ".join(text.split())
    if _GLUED_YEAR.search(s):  # (a search is a third of a substitution's cost; most lines have none)
        s = _GLUED_YEAR.sub(r"\1 \2", s)  # '10SHENYANG 003' -> '10 SHENYANG 003'
    # Every letter mark ends '.' or ')' then a blank: a line with neither holds no mark, and skips
    # a pattern whose look-behind start is tried at every character.
    marks = _in_sequence(_LETTER.finditer(s)) if ("." in s or ")" in s) else []
    if not marks:
        return [(None, part) for part in _ITEM_SEPARATOR.split(s) if part.strip()]
    out = []
    if marks[0].start() > 0 and s[: marks[0].start()].strip():
        out.append((None, s[: marks[0].start()]))
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(s)
        out.append((m[1].upper(), s[m.end(): end]))
    return out


def _in_sequence(found) -> list[re.Match]:
    """The item marks of a REF list among ``found``: A to H wherever they stand (a short list may
    skip or repeat a letter), a later letter only as the one after the mark before it ('H. … I. …
    J. …' in a long list)."""
    marks: list[re.Match] = []
    for m in found:
        letter = m[1].upper()
        if letter <= "H" or (marks and ord(letter) == ord(marks[-1][1].upper()) + 1):
            marks.append(m)
    return marks


def canonical_id(year: int | None, station: str | None, serial: int | None) -> str | None:
    """ID = YYYY + station without spaces + serial zero-padded to 6 (``1996STATE075727``)."""
    if not year or not station or serial is None:
        return None
    return f"{year:04d}{_station_letters(station)}{serial:06d}"


# The same few stations (STATE, the posts of a region) make id after id: each one's letters are
# worked out once. Pure over its small key, so nothing of one document reaches another.
@lru_cache(maxsize=1024)
def _station_letters(station: str) -> str:
    """A station's capitals, as in its canonical id (``NEW DELHI`` -> ``NEWDELHI``)."""
    return _NOT_CAPITAL.sub("", station.upper())


# -- drafting block --------------------------------------------------------------------------------
OFFICE_NAME = re.compile(
    r"^\s*(?P<office>[A-Z][A-Z0-9]*(?:[/\-][A-Z0-9]+)*)\s*:\s*(?P<name>[A-Z][A-Z'\-. ]*?)?"
    r"(?:\s*:\s*(?P<typist>[A-Z]{1,4}))?\s*(?:\((?P<q>SUBS|INFO|DRAFT|IN DRAFT)\))?\s*$"
)


def office_name(text: str) -> Officer | None:
    """OFFICER = OFFICE[/SUB]:NAME[:TYPIST] [(SUBS)] (``EAP/K:JGOLDSTEIN:JLG``, ``S/S-O:`` empty box)."""
    m = OFFICE_NAME.match(text.strip())
    if not m:
        return None
    return Officer(name=(m["name"] or "").strip(), office=m["office"], typist=m["typist"], qualifier=m["q"],
                   raw=text.strip())
