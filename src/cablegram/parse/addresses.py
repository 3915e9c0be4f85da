"""The addressees and the originator, settled from what the readers found: the header's TO/INFO
lists, the worksheet's address lines, FRUS's heading and source note, and the other agencies'
forms (a CIA cable's CITE line and routing box, an FBI teletype's TO line, an intercept's parties).
Part of assembling the record (``assemble.py`` asks ``settle_addresses`` and ``cite_code``)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..vocab import tables
from . import fields as F
from .agencies.cia_address import misread_director
from .agencies.cia_opening import closest
from .draft import Draft


def settle_addresses(d: Draft, released: bool = False) -> None:
    # (Each item found is a (value, start, end) tuple: its value taken by index here and below,
    # which builds no list of the rest as ``a, *_`` does for every item.)
    to = [found[0] for found in d.get("to_found", [])]
    info = [found[0] for found in d.get("info_found", [])]
    if not to and d.get("worksheet_to"):
        to = [found[0] for found in d.get("worksheet_to")]
    if not to and d.get("frus_to_plad"):
        to = [F.Addressee(name=n) for n in d.get("frus_to_plad")]
        to += [F.Addressee(name=n) for n in d.get("frus_also_to", [])]
    if not info and d.get("frus_info"):
        info = [F.Addressee(name=n) for n in d.get("frus_info")]
    agency = d.get("kind") in ("cia-cable", "fbi-teletype", "nsa-intercept")
    if agency:
        # Other agencies' records: the JFK form's TO box, else the address line before CITE, else
        # the intercept's TO line. Their printed routing boxes are OCR debris, not addresses.
        if d.get("kind") == "nsa-intercept":
            # The intercepted message's one addressee, whose address may hold commas
            # ('LONDON: PRENSA LATINA, 60, FLEET STREET').
            names = [d.get("agency_to")] if d.get("agency_to") else _split_names(d.get("form_to"))
        elif d.get("kind") == "fbi-teletype" and d.get("agency_to"):
            # The teletype's own TO line, as typed; the form's box abbreviates it ('LEG, PA').
            names = d.get("agency_to_names") or _split_names(d.get("agency_to"))
        else:
            names = _split_names(d.get("form_to"))
            if d.get("kind") == "cia-cable":
                # The form's name for the Agency's headquarters ('DIRECTOR, CIA'), which its cables
                # call DIRECTOR.
                names = [_HEADQUARTERS.sub("DIRECTOR", n) for n in names]
        to = [F.Addressee(name=n) for n in names]
        if not to and d.get("cia_to_line"):
            # A staff cable's typed TO line, its names as written (a code with its station).
            to = [_as_typed(n) for n in d.get("cia_to_line")]
        if not to and d.get("kind") == "cia-cable":
            to = _expand_cites(d, d.get("cia_to") or []) or [
                F.Addressee(name=n) for n in (d.get("cia_to_box_all") or [d.get("cia_to_box")]) if n]
        if not to:
            to = [F.Addressee(name=n) for n in _split_names(d.get("agency_to"))]
        # Info addressees of a CITE line, as the cable writes them (station codes), with the
        # station's name as the canonical form where the code is known.
        info = _expand_cites(d, d.get("cia_info") or [], keep_codes=True)
        if d.get("cia_to_line"):
            info = [_as_typed(n) for n in d.get("cia_info_line") or ()]
    else:
        to = [_canonical(a) for a in to]
        info = [_canonical(a) for a in info]
        if released:
            # An OCR'd copy: a post's name one letter off a known one ('LEOPOLDVTLLE') is read as it.
            to = [_misread_post(d, a) for a in to]
            info = [_misread_post(d, a) for a in info]
    d.values["to"] = _dedupe(to)
    d.values["info"] = _dedupe(info)
    if agency:
        # The header scanner's FROM on these forms is a routing box full of OCR debris; the JFK
        # form's FROM box and the CITE station are the reliable statements of the originator.
        cite = d.get("cite_station")
        if d.get("kind") in ("nsa-intercept", "fbi-teletype") and d.get("agency_from"):
            # The intercepted message's sender; the teletype's own FROM line.
            d.set("from", d.get("agency_from"), replace=True)
        elif d.get("form_from"):
            d.set("from", d.get("form_from"), replace=True)
            d.notes.append("from read from the JFK identification form's FROM box")
        elif cite and (cite in tables.cia_cites() or d.get("cia_from_box") not in tables.stations()):
            d.set("from", _cite_station(d, cite), replace=True)
            d.spans["from"] = d.spans["cite_station"]
        elif d.get("cia_from_box"):
            # (Before a CITE code the table does not know: the box's station, where the table has it,
            # is a reading of the page, the code's nearest known code a guess.)
            d.set("from", d.get("cia_from_box"), replace=True)
            d.notes.append("from read from the routing box's FROM line (no CITE line legible)")
        elif d.get("agency_from"):
            d.set("from", d.get("agency_from"), replace=True)
        elif d.get("from") and d.get("from") not in tables.stations() and d.get("from") not in _cite_stations():
            # What the header scanner took from a routing box is debris unless it names a station.
            d.values.pop("from")
            d.spans.pop("from", None)
        return
    if not d.get("from"):
        if d.get("frus_from_plad"):
            d.set("from", d.get("frus_from_plad"))
            if "frus_from" in d.spans:
                d.spans["from"] = d.spans["frus_from"]
        elif d.get("worksheet_to") and (d.get("department_form") or _worksheet_drafter(d)):
            # The worksheet is the Department's outgoing form: its drafter line and its address
            # lines to posts say so even where the 'DEPARTMENT OF STATE' heading is not on the copy.
            d.set("from", "SECSTATE WASHDC")
            d.spans["from"] = d.spans["department_form" if d.get("department_form") else "drafted_by"]
            d.notes.append("from inferred as SECSTATE WASHDC: a Department of State worksheet addressed to posts")
        elif d.get("agency_from"):
            d.set("from", d.get("agency_from"))
        elif d.get("form_from") and d.get("jfk_form"):
            d.set("from", d.get("form_from"))
            d.notes.append("from read from the JFK identification form")
    if d.get("from"):
        d.values["from"] = _plad(d.get("from"))


def _as_typed(name: str) -> F.Addressee:
    """An addressee as a staff cable's TO line types it: a CITE code with its station as the
    canonical form, any other name as written."""
    station = tables.cia_cites().get(name)
    return F.Addressee(name=name, canonical=station) if station and station != name else F.Addressee(name=name)


def _worksheet_drafter(d: Draft) -> bool:
    return d.get("era_hint") == "dept-worksheet-1990s" and d.get("drafted_by") is not None and "drafted_by" in d.spans


def _cite_station(d: Draft, cite: str) -> str:
    """The station a CITE code names (the code read as :func:`_cite_code` reads it)."""
    code = cite_code(d, cite)
    return tables.cia_cites().get(code, code)


def cite_code(d: Draft, cite: str) -> str:
    """A CITE code as read: an OCR-garbled code (``MAVE``, ``MEXR``) is read as the one known code
    it is closest to, when exactly one is close, and the reading is reported once. The id is
    built from the code as read, whichever statement gives the originator."""
    table = tables.cia_cites()
    if cite in table:
        return cite
    code = _closest_code(cite) or _clipped_code(cite)
    if code:
        d.defect("possible-ocr-error", f"CITE station {cite!r} read as {code} ({table[code]})")
        d.values["cite_station"] = code
        return code
    return cite


# The CITE table asked as a sequence of codes and as a set of stations, built once: a tuple of
# its codes made afresh was a copy per name and a new key for ``closest``'s memo to compare, and
# ``in table.values()`` a walk through every station.
@cache
def _cite_codes() -> tuple[str, ...]:
    return tuple(tables.cia_cites())


@cache
def _cite_stations() -> frozenset[str]:
    return frozenset(tables.cia_cites().values())


# (Memoised, a pure function of the word over the fixed CITE table: a misreading recurs on every
# page of a cable, and a hit hashes the word alone where ``closest``'s key holds all the codes.)
@lru_cache(maxsize=4096)
def _closest_code(word: str) -> str | None:
    """``closest(word, _cite_codes())``: the one CITE code an OCR-garbled code is a misreading of."""
    return closest(word, _cite_codes())


def _clipped_code(word: str) -> str | None:
    """The one four-letter CITE code a three-letter word is, its first or last letter lost at the
    page's edge or in a smudge ('ADR' for MADR, 'EXI' for MEXI), or None (too short for ``closest``)."""
    if len(word) != 3 or not word.isalpha():
        return None
    found = [c for c in _cite_codes() if len(c) == 4 and (c[1:] == word or c[:3] == word)]
    return found[0] if len(found) == 1 else None


def _split_names(text: str | None) -> list[str]:
    if not text:
        return []
    text = _TRAILING_PRECEDENCE.sub("", text.strip())
    if _TITLE_AND_PLACE.fullmatch(text.strip()):  # 'SAC, MIAMI', 'DIRECTOR, FBI'
        return [text.strip()]
    return [n.strip() for n in _NAME_SEPARATOR.split(text) if n.strip()]


_HEADQUARTERS = re.compile(r"^DIRECTOR,?\s*CIA$")
_TRAILING_PRECEDENCE = re.compile(r"[\s\-–,.:;]+(?:PRIORITY|IMMEDIATE|ROUTINE|URGENT)?[\s\-–,.:;]*$")
_TITLE_AND_PLACE = re.compile(r"[A-Z]+,\s*[A-Z]+(?:\s+[A-Z]+)?")
_NAME_SEPARATOR = re.compile(r"\s*[,;]\s*")


def _expand_cites(d: Draft, names: list[str], keep_codes: bool = False) -> list[F.Addressee]:
    """Addressees of a CITE line: known station codes and station names only (OCR debris such as a
    misspelt precedence word, 'PRITY', is not an addressee). A code is kept as the cable writes it
    (``DIR``), with the station it stands for as the canonical form (``DIRECTOR``); a code OCR
    garbled (``VAVE``) is read as the one code it is close to, and the reading reported.

    ``keep_codes``: the INFO part of a CITE line lists nothing but station codes, so a
    four-letter code not in the table (``BARR``) is kept as written, without a canonical form."""
    table, stations = tables.cia_cites(), tables.stations()
    out = []
    for n in names:
        n = n.strip(".,:;'\"“”‘’/")  # a slash glued on by OCR ('GELS/CITE LOND 629'); codes hold none
        if n in stations or n in _cite_stations():
            out.append(F.Addressee(name=n))
            continue
        if len(n) == 3 and misread_director(n):
            d.defect("possible-ocr-error", f"CITE-line addressee {n!r} read as DIR (DIRECTOR)")
            out.append(F.Addressee(name="DIR", canonical="DIRECTOR"))
            continue
        code = _closest_code(n)
        if code:
            if code != n:
                d.defect("possible-ocr-error", f"CITE-line addressee {n!r} read as {code} ({table[code]})")
            out.append(F.Addressee(name=code, canonical=table[code]))
        elif keep_codes and _STATION_CODE.fullmatch(n):
            out.append(F.Addressee(name=n))
    return out


_STATION_CODE = re.compile(r"[A-Z]{4}")
_THE_DEPARTMENT = re.compile(r"(?:SECRETARY\s+OF\s+STATE|SECSTATE|DEPARTMENT\s+OF\s+STATE|DEPT\s+OF\s+STATE)\b(?!\s+WASHDC)")


# Addresses repeat from cable to cable like the addressee lines they come from (``F.addressee``):
# each is worked out once. The function is pure over the fixed station table.
@lru_cache(maxsize=4096)
def _plad(name: str, any_station: bool = False) -> str:
    """A bare post name (``ELISABETHVILLE``) or a title (``SECRETARY OF STATE``) -> its address.

    ``any_station`` also maps station names whose address is more than a prefix (``USUN`` ->
    ``USMISSION USUN NEW YORK``); used for an addressee's ``canonical``, never to rewrite a name.
    """
    key = " ".join(name.split()).upper()
    if _THE_DEPARTMENT.match(key) \
            or key in ("DEPARTMENT", "DEPT"):
        return "SECSTATE WASHDC"
    station = tables.stations().get(key)
    if station and station.plad and (any_station or station.plad in (f"AMEMBASSY {key}", f"AMCONSUL {key}")):
        return station.plad  # a bare post name: its address adds only the prefix
    return key


def _canonical(a):
    plad = _plad(a.name, True)  # (any_station, passed by position: lru_cache keys a keyword slower)
    if plad != a.name and not a.canonical:
        return F.Addressee(name=a.name, canonical=plad, precedence=a.precedence, routing=a.routing, sequence=a.sequence)
    return a


def _misread_post(d: Draft, a):
    """An addressee whose name (one word of seven letters or more, no known post) is one letter
    off exactly one known post's name ('DEPARIMENT', 'LEOPOLDVTLLE'): the post's address as its
    canonical form, the name kept as written, the reading reported."""
    if a.canonical or len(a.name) < 7 or " " in a.name:
        return a
    near = _one_letter_off(a.name)
    if near is None:
        return a
    d.defect("possible-ocr-error", f"addressee {a.name!r} read as {near}")
    return F.Addressee(name=a.name, canonical=_plad(near, True), precedence=a.precedence, routing=a.routing,
                       sequence=a.sequence)


@cache
def _posts_by_pattern() -> dict[str, tuple[str, ...]]:
    """Each one-word post name (and DEPARTMENT) under each of its patterns with one letter blanked
    ('LEOPOLDV?LLE'): the names one substitution away from a word are those under its patterns."""
    index: dict[str, set[str]] = {}
    for name in [*tables.stations(), "DEPARTMENT"]:
        if " " in name or len(name) < 7:
            continue
        for i in range(len(name)):
            index.setdefault(f"{name[:i]}?{name[i + 1:]}", set()).add(name)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _one_letter_off(word: str) -> str | None:
    """The one known post name that differs from ``word`` by one letter, or None."""
    index = _posts_by_pattern()
    found = {name for i in range(len(word)) for name in index.get(f"{word[:i]}?{word[i + 1:]}", ()) if name != word}
    return found.pop() if len(found) == 1 else None


def _dedupe(items):
    seen, out = set(), []
    for a in items:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out
