"""Field-by-field comparison of a parsed record with the true record of a synthetic telegram.

``FIELDS`` names each compared field and the function that reads it from a record; ``compare``
says, for each field that either record states, whether the parser got it right. A field that
neither states is not counted (an empty value the parser also leaves empty says nothing).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from ..model import Telegram


def _eo(attr: str) -> Callable[[Telegram], Any]:
    return lambda r: getattr(r.eo, attr) if r.eo else None


def _officer(o) -> tuple | None:
    return (o.office, o.name, o.typist, o.date) if o else None


FIELDS: dict[str, Callable[[Telegram], Any]] = {
    "era": lambda r: r.era,
    "classification": lambda r: r.classification,
    "precedence": lambda r: r.precedence,
    "date": lambda r: r.date,
    "dtg": lambda r: r.dtg,
    "from": lambda r: r.from_,
    "to": lambda r: tuple(a.name for a in r.to),
    "to.precedence": lambda r: tuple(a.precedence for a in r.to),
    "to.routing": lambda r: tuple(a.routing for a in r.to),
    "to.sequence": lambda r: tuple(a.sequence for a in r.to),
    "info": lambda r: tuple(a.name for a in r.info),
    "captions": lambda r: r.captions,
    "attention": lambda r: r.attention,
    "mrn": lambda r: r.mrn,
    "id": lambda r: r.id,
    "section": lambda r: (r.section.n, r.section.of) if r.section else None,
    "eo.order": _eo("order"),
    "eo.declassify_on": _eo("declassify_on"),
    "eo.event": _eo("event"),
    "classified_by.name": lambda r: r.classified_by.name if r.classified_by else None,
    "classified_by.reasons": lambda r: r.classified_by.reasons if r.classified_by else (),
    "tags": lambda r: r.tags,
    "subject": lambda r: r.subject,
    "references": lambda r: tuple((x.station, x.serial) for x in r.references),
    "references.id": lambda r: tuple(x.id for x in r.references),
    "references.notal": lambda r: tuple(x.notal for x in r.references),
    "paragraphs.number": lambda r: tuple(p.number for p in r.paragraphs),
    "paragraphs.portion": lambda r: tuple(p.portion for p in r.paragraphs),
    "paragraphs.text": lambda r: tuple(" ".join(p.text.split()) for p in r.paragraphs),
    "summary": lambda r: r.summary,
    "signature": lambda r: r.signature,
    "drafted_by": lambda r: _officer(r.drafted_by),
    "cleared_by": lambda r: tuple(_officer(o) for o in r.cleared_by),
}


def _empty(v: Any) -> bool:
    return v is None or v == () or v == ""


def compare(truth: Telegram, got: Telegram) -> dict[str, bool]:
    """Field -> right? for every field that the truth or the parsed record states."""
    out = {}
    for name, read in FIELDS.items():
        want, have = read(truth), read(got)
        if _empty(want) and _empty(have):
            continue
        out[name] = want == have
    return out


class Tally:
    """Per-field counts of right and compared, over many records."""

    def __init__(self) -> None:
        self.right: Counter = Counter()
        self.seen: Counter = Counter()

    def add(self, result: dict[str, bool]) -> None:
        for name, ok in result.items():
            self.seen[name] += 1
            self.right[name] += ok

    def accuracy(self, fields: Iterable[str] | None = None) -> float:
        names = list(fields) if fields is not None else list(self.seen)
        seen = sum(self.seen[n] for n in names)
        return sum(self.right[n] for n in names) / seen if seen else 1.0

    def field(self, name: str) -> float | None:
        return self.right[name] / self.seen[name] if self.seen[name] else None
