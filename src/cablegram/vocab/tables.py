"""Lexicons loaded from package data: TAGS codes and stations (posts).

The CSV files in ``vocab/data`` are facts an archivist can correct without touching code:
``tags.csv`` (5 FAH-3, circa 2009), ``tags_1970s.csv`` (codes of the AAD era not in the 2009 list)
``stations.csv`` (posts: station name, plain-language address, country names, routing) and
``offices.csv`` (the Department's principal offices and bureaus by symbol).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _rows(name: str) -> list[dict[str, str]]:
    try:
        text = resources.files("cablegram.vocab").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return list(csv.DictReader(text.splitlines()))


@dataclass(frozen=True, slots=True)
class TagEntry:
    """A TAGS code: ``kind`` is subject, program, geographic or organization."""

    code: str
    kind: str
    meaning: str


@cache
def tags() -> dict[str, tuple[TagEntry, ...]]:
    """Code -> entries (a code can be both geographic and an organization: ``AL``, ``BP``)."""
    table: dict[str, list[TagEntry]] = {}
    for name in ("tags.csv", "tags_1970s.csv"):
        for row in _rows(name):
            code = (row.get("code") or "").strip().upper()
            if not code:
                continue
            entry = TagEntry(code, (row.get("kind") or "unknown").strip(), (row.get("meaning") or "").strip())
            table.setdefault(code, []).append(entry)
    return {code: tuple(entries) for code, entries in table.items()}


@dataclass(frozen=True, slots=True)
class Station:
    """A post or other originator.

    Attributes:
        station: name as written in message numbers (``NEW DELHI``).
        plad: plain-language address (``AMEMBASSY NEW DELHI``).
        kind: embassy, consulate, mission, department or other.
        country: the country, in English.
        country_names: names FRUS headings use for the country of an embassy at this station.
        routing: routing indicator (``RUEHNE``) or empty.
    """

    station: str
    plad: str
    kind: str
    country: str
    country_names: tuple[str, ...]
    routing: str


# Always known, whatever the data file holds: the Department and the Secretary's travel series.
_CORE = (
    Station("STATE", "SECSTATE WASHDC", "department", "United States", (), "RUEHC"),
    Station("SECTO", "USDEL SECRETARY", "other", "", (), ""),
    Station("TOSEC", "SECSTATE WASHDC", "department", "United States", (), ""),
)


@cache
def stations() -> dict[str, Station]:
    """Station name -> station. Later rows never override the core entries."""
    table = {s.station: s for s in _CORE}
    for row in _rows("stations.csv"):
        name = (row.get("station") or "").strip().upper()
        if not name or name in table:
            continue
        names = tuple(n.strip() for n in (row.get("country_names") or "").split(";") if n.strip())
        table[name] = Station(
            name,
            (row.get("plad") or "").strip().upper(),
            (row.get("kind") or "").strip(),
            (row.get("country") or "").strip(),
            names,
            (row.get("routing") or "").strip().upper(),
        )
    return table


@cache
def station_by_plad() -> dict[str, Station]:
    """Plain-language address -> station (``AMEMBASSY MOSCOW`` -> MOSCOW)."""
    out: dict[str, Station] = {}
    for s in stations().values():
        if s.plad and s.plad not in out:
            out[s.plad] = s
    out.setdefault("SECSTATE WASHDC", stations()["STATE"])
    return out


@cache
def embassy_by_country() -> dict[str, Station]:
    """Country name as FRUS writes it, lower case without a leading 'the' -> embassy station."""
    out: dict[str, Station] = {}
    for s in stations().values():
        if s.kind != "embassy":
            continue
        for name in s.country_names:
            key = name.lower().removeprefix("the ").strip()
            out.setdefault(key, s)
    return out



@cache
def cia_cites() -> dict[str, str]:
    """CIA cable CITE abbreviations -> station name (``MEXI`` -> MEXICO CITY, ``WAVE`` -> JMWAVE).

    Each expansion is the one the cables' own routing boxes give beside the code. A code the
    cables use as an addressee without naming its station (``BELL``) stands for itself: listed so
    that it is read as written, not as the known code it is nearest to (``BERL``)."""
    return {row["cite"].strip().upper(): row["station"].strip().upper() for row in _rows("cia_cites.csv") if row.get("cite")}


@cache
def department_offices() -> frozenset[str]:
    """The symbols of the Department's principal offices and bureaus (``NEA``, ``S/S``, ``EUR``):
    offices inside the Department, never a telegram's addressee."""
    return frozenset(row["symbol"].strip().upper() for row in _rows("offices.csv") if row.get("symbol"))


_LETTERS_FOR_DIGITS = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B"})


def known_station(name: str) -> str | None:
    """The station a name denotes, reading OCR digit-for-letter confusions (``T0KYO``, ``BE1RUT``)
    only when exactly that reading is a known station; None when unknown."""
    table = stations()
    if name in table:
        return name
    fixed = name.translate(_LETTERS_FOR_DIGITS)
    for reading in (fixed, fixed.replace("I", "L")):
        if reading in table:
            return reading
    return None
