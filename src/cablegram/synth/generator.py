"""Synthetic telegrams with their true records: a deterministic, streaming generator.

``generate(count, seed, eras)`` yields :class:`Sample` objects one at a time: the true record
(a :class:`~cablegram.model.Telegram`) and its text, rendered by :func:`cablegram.render.render`.
Memory stays constant whatever the count: the only state kept between cables is a clock per era,
the last serial per station and year, and a bounded window of recent cables that new cables may
cite in their REF lines.

What makes the corpus realistic (``shared/spec/telegram-format.md``):

- dates run forward through each era (cable i of n at about i/n of the era's span); DTGs are UTC and never ``2400Z``;
- serials restart each year and climb through it, at a rate per station (STATE's run to six
  digits); per-addressee sequence numbers likewise;
- the E.O. line follows the order in force on the date (``vocab.orders``): GDS/XGDS under 11652,
  GDS/RDS with a date and classifier under 12065, OADR under 12356, DECL dates under 12958 and 13526,
  ``N/A`` on unclassified traffic; classified-by lines from October 1995, with reasons numbered
  §1.5 before 25 March 2003 and §1.4 after;
- REF items cite earlier generated cables (same station and year: smaller serial), and some cite
  cables outside the corpus (earlier years, stated as ``95 STATE 232445``);
- portion marks never exceed the overall classification, and one paragraph reaches it;
- TAGS are drawn with skewed frequencies from the era's codes, plus the posts' geographic codes.
"""

from __future__ import annotations

import bisect
import zlib
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from random import Random

from ..model import EO, Addressee, Classifier, Officer, Paragraph, Reference, Section, Tag, Telegram
from ..parse.fields import canonical_id
from ..render import render
from ..render.eras import STYLES, dtg_text, ref_item
from ..vocab import tables
from ..vocab.markings import LEVEL_PORTION, PRECEDENCE_RANK, RANK
from ..vocab.orders import REASONS_RENUMBERED, order_in_force
from . import text as T
from . import words as W
from .encode import record_json, sample_text
from .noise import NoiseConfig
from .noise import apply as apply_noise

ERAS = STYLES
SPANS = {
    "aad-1970s": (datetime(1973, 7, 1), datetime(1979, 12, 31)),
    "dept-worksheet-1990s": (datetime(1990, 1, 2), datetime(1999, 12, 31)),
    "acp127-2000s": (datetime(2003, 1, 2), datetime(2010, 2, 28)),
    "smart-2010s": (datetime(2011, 1, 3), datetime(2016, 12, 31)),
}
_LEVELS = {
    "aad-1970s": (("UNCLASSIFIED", 30), ("LIMITED OFFICIAL USE", 15), ("CONFIDENTIAL", 38), ("SECRET", 15), ("TOP SECRET", 2)),
    "dept-worksheet-1990s": (("UNCLASSIFIED", 30), ("SENSITIVE BUT UNCLASSIFIED", 10), ("CONFIDENTIAL", 40), ("SECRET", 18), ("TOP SECRET", 2)),
    "acp127-2000s": (("UNCLASSIFIED", 30), ("SENSITIVE BUT UNCLASSIFIED", 15), ("CONFIDENTIAL", 40), ("SECRET", 15)),
    "smart-2010s": (("UNCLASSIFIED", 35), ("SENSITIVE BUT UNCLASSIFIED", 20), ("CONFIDENTIAL", 35), ("SECRET", 10)),
}
_SBU_FROM = datetime(1995, 10, 1)  # worksheets mark SBU from then on; before, such traffic is LOU
_CLASSIFIED_BY_FROM = datetime(1995, 10, 14)  # classified-by lines from E.O. 12958's first day
_PRECEDENCES = (("ROUTINE", 55), ("PRIORITY", 25), ("IMMEDIATE", 16), ("NIACT IMMEDIATE", 2), ("FLASH", 1))
_SMART_PRECEDENCES = (("ROUTINE", 75), ("IMMEDIATE", 22), ("NIACT IMMEDIATE", 2), ("FLASH", 1))


@dataclass(frozen=True, slots=True)
class Sample:
    """One synthetic telegram: its true record and its text (noise-free unless noise was applied)."""

    text: str
    truth: Telegram

    def to_json(self) -> dict:
        """``{"text": ..., "truth": <cablegram/1 record>}``; the truth equals ``truth.to_json()``."""
        return {"text": self.text, "truth": record_json(self.truth)}

    def to_json_line(self) -> str:
        """``json.dumps(self.to_json())``, written straight from the record (the JSONL writer's path)."""
        return sample_text(self.text, self.truth)


# -- stations --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, eq=False)  # one object per post: compared by identity
class _Post:
    station: str
    plad: str
    routing: str
    geo: str | None
    weight: float


@cache
def _posts() -> tuple[_Post, ...]:
    """Posts that can send and receive: embassies, consulates, missions with a plain-language address."""
    geo = {e.meaning.upper(): code for code, entries in tables.tags().items() for e in entries if e.kind == "geographic"}
    out = []
    for s in tables.stations().values():
        if s.kind not in ("embassy", "consulate", "mission") or not s.plad or not s.station.replace(" ", "").isalpha():
            continue
        # Busy and quiet posts: a fixed, seed-independent weight per post (a few posts carry most traffic).
        h = zlib.crc32(s.station.encode()) % 1000 / 1000
        weight = (1.0 if s.kind == "embassy" else 0.4) / (0.05 + h) ** 0.8
        out.append(_Post(s.station, s.plad, s.routing, geo.get(s.country.upper()), weight))
    # One station per address: 'USUN' and 'USUN NEW YORK' are the same mission (ids use the long name).
    by_plad: dict[str, _Post] = {}
    for p in sorted(out, key=lambda p: -len(p.station)):
        by_plad.setdefault(p.plad, p)
    return tuple(sorted(by_plad.values(), key=lambda p: p.station))


_STATE = _Post("STATE", "SECSTATE WASHDC", "RUEHC", None, 0.0)


@cache
def _volume(station: str) -> int:
    """Telegrams a station sends in a year (fixed per station): STATE's serials run to six digits."""
    if station == "STATE":
        return 330_000
    return 800 + zlib.crc32(b"vol" + station.encode()) % 14_000


def _pair_rate(a: str, b: str) -> int:
    """Telegrams a year from station ``a`` to ``b`` (fixed per pair of stations)."""
    return 200 + zlib.crc32(f"{a}>{b}".encode()) % 9000


# The memoised helpers below are keyed by station and year; the small caches hold the stations of
# the years the era clocks are passing through, so memory stays flat over a million cables.
@lru_cache(maxsize=4096)
def _id_prefix(year: int, station: str) -> str:
    """``canonical_id`` of the station's cables of the year, less the 6-digit serial at its end."""
    return canonical_id(year, station, 0)[:-6]


def _cable_id(year: int, station: str, serial: int) -> str:
    """``canonical_id(year, station, serial)``, the station's part worked out once per year."""
    return f"{_id_prefix(year, station)}{serial:06d}"


@cache
def _year_start(year: int) -> tuple[datetime, float]:
    """1 January of ``year`` and the length of the year in seconds."""
    start = datetime(year, 1, 1)
    return start, (datetime(year + 1, 1, 1) - start).total_seconds()


@lru_cache(maxsize=4096)
def _chief(station: str, year: int) -> str:
    """The signer of a post's cables: the same invented chief of mission for a few years."""
    term = year // 3
    return W.SURNAMES[zlib.crc32(f"{station}:{term}".encode()) % len(W.SURNAMES)]


@cache
def _secretary(year: int) -> str:
    name = W.SECRETARIES[0][1]
    for start, who in W.SECRETARIES:
        if year >= start:
            name = who
    return name


_CUMULATIVE: dict[int, tuple[tuple, list[float]]] = {}


def _weighted(rng: Random, table) -> str:
    """A value from ``((value, weight), ...)``, with probability proportional to its weight."""
    cached = _CUMULATIVE.get(id(table))
    if cached is None or cached[0] is not table:
        acc, cum = 0.0, []
        for _, w in table:
            acc += w
            cum.append(acc)
        cached = _CUMULATIVE[id(table)] = (table, cum)
    cum = cached[1]
    return table[min(len(table) - 1, bisect.bisect(cum, rng.random() * cum[-1]))][0]


# -- the generator ---------------------------------------------------------------------------------
class Generator:
    """State of one synthetic corpus: clocks, serials and the recent-cable window."""

    WINDOW = 2000

    def __init__(self, seed: int, eras: tuple[str, ...], count: int) -> None:
        unknown = set(eras) - set(ERAS)
        if unknown or not eras:
            raise ValueError(f"unknown era(s) {', '.join(sorted(unknown))}; choose from {', '.join(ERAS)}")
        self.rng = Random(seed)
        self.eras = eras
        self.count = max(1, count)
        self.index = 0
        self.clock = {e: SPANS[e][0] for e in eras}
        self.last_serial: dict[tuple[str, int], int] = {}
        self.recent: dict[str, deque] = {e: deque(maxlen=self.WINDOW) for e in eras}
        posts = _posts()
        self.posts = posts
        self.post_cum = []
        acc = 0.0
        for p in posts:
            acc += p.weight
            self.post_cum.append(acc)
        self.routed = tuple(p for p in posts if p.routing)
        self.by_plad = {p.plad: p for p in posts}
        self.tag_tables = {k: tuple(v) for k, v in W.TAGS_BY_ERA.items()}

    # -- small draws ----------------------------------------------------------------------------
    def post(self, routed: bool = False) -> _Post:
        rng = self.rng
        if routed:
            return rng.choice(self.routed)
        return self.posts[min(len(self.posts) - 1, bisect.bisect(self.post_cum, rng.random() * self.post_cum[-1]))]

    def tick(self, era: str) -> datetime:
        """The next moment of ``era``: cable ``i`` of ``count`` falls at fraction (i + u)/count of
        the era's span, so every era's clock runs forward through the whole era, never back."""
        start, end = SPANS[era]
        frac = (self.index + self.rng.random()) / self.count
        t = start + (end - start) * min(frac, 1.0)
        if t < self.clock[era]:
            t = self.clock[era]
        self.clock[era] = t
        return t.replace(second=0, microsecond=0)

    def serial(self, station: str, t: datetime) -> int:
        """Serials climb through the year at the station's rate; never repeat within a year."""
        start, seconds = _year_start(t.year)
        frac = (t - start).total_seconds() / seconds
        s = 1 + int(frac * _volume(station))
        key = (station, t.year)
        last = self.last_serial.get(key, 0)
        if s <= last:
            s = last + 1
        self.last_serial[key] = s
        return s

    def name(self) -> tuple[str, str, str]:
        """(first, middle initial, SURNAME)."""
        rng = self.rng
        return rng.choice(W.FIRST_NAMES), rng.choice(W.MIDDLE_INITIALS), rng.choice(W.SURNAMES)

    # -- one cable ------------------------------------------------------------------------------
    def sample(self) -> Sample:
        rng = self.rng
        era = self.eras[rng.randrange(len(self.eras))] if len(self.eras) > 1 else self.eras[0]
        t = self.tick(era)
        self.index += 1
        record = self.record(era, t)
        return Sample(render(record), record)

    def record(self, era: str, t: datetime) -> Telegram:
        rng = self.rng
        worksheet = era == "dept-worksheet-1990s"
        routed = era == "acp127-2000s"
        level = _weighted(rng, _LEVELS[era])
        if era == "dept-worksheet-1990s" and t < _SBU_FROM and level == "SENSITIVE BUT UNCLASSIFIED":
            level = "LIMITED OFFICIAL USE"
        upper = era == "aad-1970s" or (worksheet and t.year < 1995)

        # Originator and addressees.
        if worksheet or rng.random() < 0.3:
            origin = _STATE
        else:
            origin = self.post(routed)
        to, info = self.addresses(era, origin, t)
        precedence = max((a.precedence or "ROUTINE" for a in to), key=PRECEDENCE_RANK.__getitem__)
        serial = self.serial(origin.station, t)
        date = t.date().isoformat()
        dtg = None if worksheet else dtg_text(t)

        mrn, cid, aliases = None, None, ()
        if not worksheet:
            if era == "aad-1970s":
                mrn = f"{origin.station} {serial:04d}"
            elif era == "acp127-2000s":
                mrn = f"{origin.station} {serial:06d}"
            else:
                mrn = f"{t.year % 100:02d} {origin.station} {serial}"
            cid = _cable_id(t.year, origin.station, serial)
            aliases = (f"{t.year % 100:02d}{origin.station.replace(' ', '')}{serial}",)
        section = Section(1, rng.randint(2, 3)) if not worksheet and era != "smart-2010s" and rng.random() < 0.06 else None

        captions, attention = self.captions(era, level, t, origin)
        eo = self.eo(level, t)
        classifier = self.classifier(era, level, t, origin) if not worksheet else None
        tags = self.tags(era, origin, to)
        place = None
        if origin is not _STATE:
            place = tables.stations()[origin.station].country or None
        subject = T.subject(rng, place, upper=era != "smart-2010s")
        refs = self.references(era, t, origin.station, serial)
        paragraphs, summary, in_text = self.paragraphs(era, level, upper, t, worksheet)
        classifier = classifier or in_text or _named_in_eo(eo)
        if era == "smart-2010s" and eo is not None:
            eo = EO(eo.order, None, None, f"E.O. {eo.order}")  # the SMART form states the order only
        drafted, cleared = (self.drafting(t) if worksheet else (None, ()))
        signature = _secretary(t.year) if origin is _STATE else _chief(origin.station, t.year)

        if not worksheet and cid:
            self.recent[era].append((origin.station, serial, t.year))
        decoded = tuple(_decode(c) for c in tags)
        body = "\n\n".join(_para_text(p) for p in paragraphs)
        return Telegram(
            # An SBU cable of the ACP-127 era is written 'UNCLAS' with a SENSITIVE caption (spec §3, §4.1):
            # its overall marking, as written and as cablegram reads it, is UNCLASSIFIED.
            id=cid, aliases=aliases, kind="telegram", era=era,
            classification="UNCLASSIFIED" if routed and level == "SENSITIVE BUT UNCLASSIFIED" else level,
            precedence=precedence, date=date, dtg=dtg, from_=origin.plad, to=tuple(to), info=tuple(info),
            captions=captions, attention=attention, mrn=mrn, section=section, eo=eo, classified_by=classifier,
            tags=tags, tags_decoded=decoded, subject=subject, references=refs, drafted_by=drafted,
            cleared_by=cleared, paragraphs=paragraphs, summary=summary, signature=signature, text=body,
        )

    def addresses(self, era: str, origin: _Post, t: datetime) -> tuple[list[Addressee], list[Addressee]]:
        rng = self.rng
        routed = era == "acp127-2000s"
        table = _SMART_PRECEDENCES if era == "smart-2010s" else _PRECEDENCES
        prec = _weighted(rng, table)
        worksheet = era == "dept-worksheet-1990s"
        if origin is _STATE:
            targets = []
            for _ in range(1 if rng.random() < 0.7 else rng.randint(2, 3)):
                p = self.post(routed)
                if p not in targets:
                    targets.append(p)
        else:
            targets = [_STATE]
        infos = []
        for _ in range(min(8, int(rng.expovariate(0.6)))):
            p = self.post(routed)
            if p not in targets and p not in infos and p is not origin:
                infos.append(p)

        def make(p: _Post, action: bool) -> Addressee:
            if worksheet:
                return Addressee(name=p.station if p is not _STATE else "SECSTATE WASHDC", canonical=p.plad,
                                 precedence=prec)
            written = prec if (action and (prec != "ROUTINE" or era == "smart-2010s")) else None
            if not action and era == "smart-2010s":
                written = "ROUTINE"
            elif not action and prec in ("PRIORITY", "IMMEDIATE") and rng.random() < 0.3:
                written = prec
            seq = None
            if era in ("aad-1970s", "acp127-2000s"):
                seq = self.sequence(origin.station, p.station, t)
            return Addressee(name=p.plad, precedence=written, routing=p.routing if routed else None, sequence=seq)

        to = [make(p, True) for p in targets]
        info = [] if worksheet else [make(p, False) for p in infos]
        return to, info

    @staticmethod
    def sequence(a: str, b: str, t: datetime) -> int:
        """Per-addressee sequence number: climbs through the year, at a rate per pair of stations."""
        return 1 + int(t.timetuple().tm_yday / 366 * _pair_rate(a, b)) % 10000

    def captions(self, era: str, level: str, t: datetime, origin: _Post) -> tuple[tuple[str, ...], tuple[str, ...]]:
        rng = self.rng
        caps: list[str] = []
        classified = RANK[level] >= RANK["CONFIDENTIAL"]
        if classified:
            x = rng.random()
            if x < 0.04:
                caps.append("NODIS")
            elif x < 0.14:
                caps.append("EXDIS")
            elif x < 0.2 and era in ("aad-1970s", "dept-worksheet-1990s"):
                caps.append("LIMDIS")
            if era == "acp127-2000s" and rng.random() < 0.12:
                caps.append("NOFORN")
        if era == "acp127-2000s" and t.year >= 2005 and rng.random() < 0.85:
            caps.append("SIPDIS")
        if level == "SENSITIVE BUT UNCLASSIFIED":
            caps.append("SENSITIVE")
        attention: list[str] = []
        if rng.random() < 0.25:
            office = rng.choice(W.OFFICES)
            if era == "dept-worksheet-1990s":
                attention.append(f"FOR AMBASSADOR {_chief(rng.choice(self.posts).station, t.year)}")
            elif origin is _STATE:
                attention.append(f"FOR {rng.choice(('AMBASSADOR', 'DCM', 'POLCOUNS', 'ECONCOUNS'))}")
            else:
                attention.append(f"{'DEPT' if era == 'aad-1970s' else 'STATE'} FOR {office}")
        return tuple(caps), tuple(attention)

    def eo(self, level: str, t: datetime) -> EO | None:
        rng = self.rng
        day = t.date().isoformat()
        order = order_in_force(day)
        if order is None:
            return None
        n = order.number
        classified = RANK[level] >= RANK["CONFIDENTIAL"]
        if not classified:
            return EO(n, None, "N/A", f"E.O. {n}: N/A")
        if n == "11652":
            event = "GDS" if rng.random() < 0.8 else f"XGDS-{rng.randint(1, 4)}"
            return EO(n, None, event, f"E.O. {n}: {event}")
        if n == "12065":
            kind = "GDS" if rng.random() < 0.6 else f"RDS-{rng.randint(1, 4)}"
            years = 6 if kind == "GDS" else 20
            when = _add_years(t, years)
            first, mid, sur = self.name()
            raw = f"E.O. {n}: {kind} {when.month}/{when.day}/{when.year % 100:02d} ({sur}, {first.upper()} {mid}.)"
            return EO(n, when.date().isoformat(), kind, raw)
        if n == "12356":
            return EO(n, None, "OADR", f"E.O. {n}: DECL: OADR")
        years = 10 if rng.random() < 0.8 else rng.choice((15, 20, 25))
        when = _add_years(t, years)
        if n == "12958" and day < "2003-03-25" and years > 10:
            when = _add_years(t, 10)
        return EO(n, when.date().isoformat(), None, f"E.O. {n}: DECL: {when.month:02d}/{when.day:02d}/{when.year}")

    def classifier(self, era: str, level: str, t: datetime, origin: _Post) -> Classifier | None:
        if RANK[level] < RANK["CONFIDENTIAL"] or t < _CLASSIFIED_BY_FROM:
            return None
        rng = self.rng
        first, mid, sur = self.name()
        name = f"{first} {sur.title()}"
        title = rng.choice(W.TITLES_EMBASSY if origin is not _STATE else W.TITLES_DEPARTMENT)
        letters = sorted(rng.sample("abdefg", rng.choice((1, 1, 2, 2, 3))))
        if "d" not in letters and rng.random() < 0.6:
            letters = sorted(set(letters) | {"d"})
        section = "1.5" if t.date().isoformat() < REASONS_RENUMBERED else "1.4"
        reasons = tuple(f"{section}({x})" for x in letters)
        if section == "1.5":
            why = f"{section} ({letters[0].upper()})" + "".join(f" AND ({x.upper()})" for x in letters[1:])
            raw = f"CLASSIFIED BY {name.upper()}, {title.upper()}. REASON: {why}."
            return Classifier(name.upper(), title.upper(), reasons, (), raw)
        why = f"{section} ({letters[0]})" + "".join(f", ({x})" for x in letters[1:])
        if rng.random() < 0.5:
            raw = f"Classified By: {name}, {title}. Reason: {why}"
        else:
            raw = f"Classified By: {title} {name} for reasons {why}"
        return Classifier(name, title, reasons, (), raw)

    def tags(self, era: str, origin: _Post, to: list[Addressee]) -> tuple[str, ...]:
        rng = self.rng
        table = self.tag_tables["1970s" if era == "aad-1970s" else "modern"]
        out: list[str] = []
        for _ in range(1 + min(4, int(rng.expovariate(0.9)))):
            code = _weighted(rng, table)
            if code not in out:
                out.append(code)
        geos = [origin.geo] if origin.geo else []
        if not geos:
            geo_post = self.by_plad.get(to[0].canonical or to[0].name) if to else None
            if geo_post and geo_post.geo:
                geos.append(geo_post.geo)
        if rng.random() < 0.3:
            geos.append("US")
        for g in geos:
            if g not in out:
                out.append(g)
        return tuple(out)

    def references(self, era: str, t: datetime, own: str, own_serial: int) -> tuple[Reference, ...]:
        rng = self.rng
        n = min(4, int(rng.expovariate(1.0)))
        if n == 0:
            return ()
        recent = self.recent.get(era) or deque()
        out: list[Reference] = []
        for k in range(n):
            if recent and rng.random() < 0.75:
                station, serial, year = recent[rng.randrange(len(recent))]
            else:  # a cable outside the corpus: an earlier year, from a real station
                station = "STATE" if rng.random() < 0.4 else self.post().station
                year = t.year - rng.randint(1, 3)
                serial = rng.randint(1, _volume(station))
            stated = year != t.year
            if not stated and station == own and serial >= own_serial:
                continue
            letter = chr(65 + len(out)) if n > 1 else None
            notal = rng.random() < 0.08
            ref = Reference(letter, "", station, serial, year, stated, _cable_id(year, station, serial), notal)
            if any(r.station == station and r.serial == serial for r in out):
                continue
            out.append(Reference(letter, ref_item(ref), station, serial, year, stated, ref.id, notal))
        if len(out) == 1 and out[0].letter:
            r = out[0]
            out[0] = Reference(None, r.raw, r.station, r.serial, r.year, r.year_stated, r.id, r.notal)
        return tuple(out)

    def paragraphs(self, era: str, level: str, upper: bool, t: datetime, worksheet: bool):
        rng = self.rng
        n = 1 + min(9, int(rng.expovariate(0.3)))
        numbered = n > 1 or rng.random() < 0.8
        texts = [T.paragraph(rng, upper) for _ in range(n)]
        summary = None
        if n >= 4 and era in ("acp127-2000s", "smart-2010s") and rng.random() < 0.5:
            body = " ".join(T.sentence(rng) for _ in range(rng.randint(2, 3)))
            texts[0] = f"Summary: {body} End summary."
            summary = body
        if n >= 3 and rng.random() < 0.3:
            k = rng.randrange(1, n)
            texts[k] = texts[k] + " " + T.comment(rng, upper)
        portions = self.portions(era, level, n)
        classifier = None
        if worksheet and portions[0] and t >= _CLASSIFIED_BY_FROM and RANK[level] >= RANK["CONFIDENTIAL"]:
            # 1995-96 Department text: the classified-by sentence opens paragraph 1 (spec §1.3).
            first, _, sur = self.name()
            title = rng.choice(W.TITLES_DEPARTMENT)
            letter = rng.choice("bd")
            raw = f"Classified by {title} {first} {sur.title()}. Reason 1.5({letter})."
            classifier = Classifier(f"{first} {sur.title()}", title, (f"1.5({letter})",), (), raw)
            texts[0] = f"{raw} {texts[0]}"
        paras = tuple(Paragraph(k + 1 if numbered else None, portions[k], texts[k], (0, 0)) for k in range(n))
        return paras, summary, classifier

    def drafting(self, t: datetime) -> tuple[Officer, tuple[Officer, ...]]:
        """The worksheet's drafter (``EAP/K:JGOLDSTEIN:JLG``, dated) and clearers (some boxes blank)."""
        rng = self.rng
        first, mid, sur = self.name()
        office = rng.choice(W.OFFICES)
        typist = f"{first[0]}{mid}{sur[0]}"
        phone = f"{rng.choice('3456789')}{rng.randint(0, 9999):04d}"
        drafter = Officer(name=f"{first[0].upper()}{sur}", office=office, typist=typist, date=t.date().isoformat(),
                          phone=phone, raw=f"{office}:{first[0].upper()}{sur}:{typist}")
        cleared = []
        for _ in range(rng.randint(1, 7)):
            f, _, s = self.name()
            off = rng.choice(W.CLEARING_OFFICES)
            name = "" if rng.random() < 0.15 else f"{f[0].upper()}{s}"
            qualifier = "SUBS" if name and rng.random() < 0.06 else None
            raw = f"{off}:{name}" + (f" ({qualifier})" if qualifier else "")
            cleared.append(Officer(name=name, office=off, qualifier=qualifier, raw=raw))
        return drafter, tuple(cleared)

    def portions(self, era: str, level: str, n: int) -> list[str | None]:
        rng = self.rng
        overall = LEVEL_PORTION.get(level, "U")
        if era in ("aad-1970s", "dept-worksheet-1990s"):
            if RANK[level] >= RANK["CONFIDENTIAL"]:
                return [overall] + [None] * (n - 1)  # whole-text marking
            return [None] * n
        if level == "UNCLASSIFIED":
            return ["U"] * n if rng.random() < 0.5 else [None] * n
        lower = [p for p in ("U", "SBU", "C", "S") if RANK[_LEVEL_OF[p]] < RANK[level] and p != "SBU"] or ["U"]
        marks = [overall if rng.random() < 0.6 else rng.choice(lower) for _ in range(n)]
        marks[rng.randrange(n)] = overall
        return marks


_LEVEL_OF = {"U": "UNCLASSIFIED", "SBU": "SENSITIVE BUT UNCLASSIFIED", "C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET"}


def _named_in_eo(eo: EO | None) -> Classifier | None:
    """The classifier an E.O. 12065 line names in brackets ('GDS 8/12/85 (TOMSETH, VICTOR L.)'),
    which is what a reader takes for the classifier where no classified-by line stands."""
    if eo is None or eo.order != "12065" or "(" not in eo.raw:
        return None
    name = eo.raw[eo.raw.index("(") + 1: eo.raw.rindex(")")]
    return Classifier(name, None, (), (), name)


def _add_years(t: datetime, years: int) -> datetime:
    try:
        return t.replace(year=t.year + years)
    except ValueError:  # 29 February
        return t.replace(year=t.year + years, day=28)


def _para_text(p: Paragraph) -> str:
    head = f"{p.number}. " if p.number is not None else ""
    mark = f"({p.portion}) " if p.portion else ""
    return f"{head}{mark}{p.text}"


@cache
def _decode(code: str) -> Tag:
    entries = tables.tags().get(code)
    if not entries:
        return Tag(code, "unknown", None)
    kinds = {e.kind: e for e in entries}
    e = kinds.get("subject") or kinds.get("program") or kinds.get("geographic") or entries[0]
    return Tag(code, e.kind, e.meaning)


def generate(count: int, seed: int = 0, eras: tuple[str, ...] = ERAS, noise: NoiseConfig | None = None) -> Iterator[Sample]:
    """Yield ``count`` synthetic telegrams of ``eras``, the same ones for the same seed.

    With ``noise``, each text gets OCR noise from a random stream of its own, so the records (and
    the clean texts) of a seed are the same with or without noise.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    gen = Generator(seed, tuple(eras), count)
    noisy = noise is not None and noise.active
    noise_rng = Random(f"noise:{seed}")
    for _ in range(count):
        sample = gen.sample()
        if noisy:
            sample = Sample(apply_noise(sample.text, noise, noise_rng), sample.truth)
        yield sample
