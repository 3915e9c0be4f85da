"""A parsed record as the archive stores it: one :class:`RecordRow`, built in the worker process.

The row holds the filterable columns, the ``(field, value)`` terms of multi-valued fields (tags,
addressees, captions, exemptions, officers, defects), the REF items, and the keys that link it to
its cable (``id:<canonical id or alias>``, ``text:<hash of the normalised text>``, and ``near:…``
band keys that the same text read by another OCR run or released with other cuts shares: see
:func:`near_keys`). The record's JSON
is kept whole except ``text``, which is stored once, in its own column, where the full-text index
reads it; :func:`record_json` puts the two back together.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

from ..model import Addressee, Officer, Telegram

__all__ = ["CLASS_RANK", "RECORD_COLUMNS", "RecordRow", "body_shingles", "near_keys", "near_match", "record_json",
           "row_for", "stored_shingles", "text_hash"]

# Order of the original markings; an unknown marking ranks above all (pessimistic for access rules).
CLASS_RANK = {"UNCLASSIFIED": 0, "SENSITIVE BUT UNCLASSIFIED": 1, "LIMITED OFFICIAL USE": 2, "CONFIDENTIAL": 3,
              "SECRET": 4, "TOP SECRET": 5}
UNKNOWN_RANK = 9
MIN_HASHED_CHARS = 120  # shorter texts ("TEXT NOT AVAILABLE") would link unrelated cables

# Near-duplicate linking, in two steps. 1. Candidates: ``near:<band>:<hash>`` keys, MinHash by one
# permutation over 3-word shingles of the body: each shingle falls in one of NEAR_BANDS bands, and a
# band's key is its NEAR_ROWS smallest hashes. Two texts share a band key with probability about
# 1 - (1 - J**ROWS)**BANDS for Jaccard similarity J: 0.7 -> 0.97, 0.5 -> 0.40, 0.3 -> 0.04.
# 2. Proof: a candidate links only when the exact Jaccard similarity of the two shingle sets is at
# least NEAR_MIN_JACCARD and their canonical ids do not differ (:func:`near_match`, run by the store).
# Measured: two releases of one cable (other stamps, 1.5 % of letters misread, one paragraph of seven
# withheld) J 0.68; two cables of one post sharing two boilerplate paragraphs J 0.15.
NEAR_BANDS, NEAR_ROWS = 16, 5
NEAR_SHINGLE = 3
NEAR_MIN_SHINGLES = 80  # fewer distinct shingles (~80 words): too short to tell a copy from a form letter
NEAR_MIN_JACCARD = 0.5
_MASK = (1 << 64) - 1
_OCR_FOLD = str.maketrans("01582L", "OISBZI")  # characters OCR engines confuse, read as one
_WORD = re.compile(r"[A-Z0-9]{3,}")  # a whole run of three or more letters and digits
# What json.dumps(…, ensure_ascii=False[, separators]) writes, without the encoder it builds per call
# for any non-default option (a fifth of the cost of a short list).
_encode_list = json.JSONEncoder(ensure_ascii=False).encode
_encode_record = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


#: The ``records`` columns a row fills, in the order of :attr:`RecordRow.values`.
RECORD_COLUMNS = ("doc_sha256", "text_hash", "canonical_id", "aliases", "date", "year", "kind", "era",
                  "classification", "class_rank", "precedence", "origin", "addressees", "captions", "tags",
                  "subject", "released", "release_status", "exemptions", "eo", "drafter", "clearers", "defects",
                  "json", "text")
_CANONICAL, _JSON, _TEXT = (RECORD_COLUMNS.index(c) for c in ("canonical_id", "json", "text"))


@dataclass(frozen=True)
class RecordRow:
    """One record (one release of a cable) ready to insert.

    Attributes:
        locator: where the document lies within its source: ``""`` for a whole file, ``line 12``
            (JSON Lines), ``row 3`` (CSV), ``member.txt`` or ``member.jsonl line 4`` (zip).
        label: the document's own name in its source (a JSON Lines ``id``), or None.
        values: the ``records`` columns in :data:`RECORD_COLUMNS` order, lists already JSON-encoded: a
            plain tuple, so that the worker pickles and the writer inserts it as it is.
        terms: ``(field, value)`` pairs for ``record_terms``.
        refs: ``(letter, raw, canonical id or None)`` for each REF item.
        keys: cable keys: ``id:…`` for the id and every alias, ``text:…`` for the text hash (both
            link at once), ``near:…`` band keys (a candidate, linked only when :func:`near_match`).
        kind, defects: for the ingest summary.

    The body's shingles, which prove a ``near:`` candidate, are not a field: the worker sends the
    row to the writer through a pipe, and most rows meet no candidate, so the writer computes them
    (:attr:`shingles`) only for the few that do.
    """

    locator: str
    label: str | None
    values: tuple[Any, ...]
    terms: tuple[tuple[str, str], ...]
    refs: tuple[tuple[str | None, str, str | None], ...]
    keys: tuple[str, ...]
    kind: str
    defects: tuple[str, ...]

    @property
    def columns(self) -> dict[str, Any]:
        """Column name -> value (for reading; the write path takes :attr:`values` as they are)."""
        return dict(zip(RECORD_COLUMNS, self.values, strict=True))

    @property
    def canonical_id(self) -> str | None:
        return self.values[_CANONICAL]

    @property
    def json(self) -> str:
        """The record's ``cablegram/1`` JSON without its text."""
        return self.values[_JSON]

    @property
    def text(self) -> str:
        return self.values[_TEXT]

    @functools.cached_property
    def shingles(self) -> frozenset[int]:
        """The body's shingle hashes, as :func:`near_match` reads a stored record's; empty when the
        body is too short for near keys (:data:`NEAR_MIN_SHINGLES`)."""
        shingles = stored_shingles(self.json, self.text)
        return shingles if len(shingles) >= NEAR_MIN_SHINGLES else frozenset()


def text_hash(text: str) -> str | None:
    """sha256 of the text reduced to upper-case letters and digits, so that two copies differing only in
    spacing, case or punctuation link; None when too little text remains to be a fingerprint."""
    core = " ".join(re.findall(r"[A-Z0-9]+", text.upper()))
    if len(core) < MIN_HASHED_CHARS:
        return None
    return hashlib.sha256(core.encode()).hexdigest()


def body_shingles(paragraphs: list[str], text: str) -> frozenset[int]:
    """64-bit hashes of the 3-word shingles of a body (its paragraphs, else its whole text): words of
    three or more letters and digits, upper-cased, with the characters OCR confuses folded together,
    so that stamps, paragraph numbers, portion marks and exemption marks (``(b)(1)``, ``B1``) drop out."""
    source = " ".join(paragraphs) if paragraphs else text
    words = list(map(zlib.crc32, map(str.encode, _WORD.findall(source.upper().translate(_OCR_FOLD)))))
    return frozenset(_mix((a << 42) ^ (b << 21) ^ c) for a, b, c in zip(words, words[1:], words[2:]))


def _mix(x: int) -> int:
    """A 64-bit finaliser (splitmix64's): spreads the three word hashes over all bits."""
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


def stored_shingles(stored_json: str, stored_text: str) -> frozenset[int]:
    """:func:`body_shingles` of a stored record (its JSON without the text, and its text)."""
    paragraphs = [p.get("text") or "" for p in json.loads(stored_json).get("paragraphs") or []]
    return body_shingles(paragraphs, stored_text)


def near_keys(shingles: frozenset[int]) -> tuple[str, ...]:
    """``near:<band>:<hash>`` candidate keys of a body's shingles; none when it is too short to tell.
    Each shingle falls in one band (by its hash); a band's key is its NEAR_ROWS smallest hashes, and a
    band holding fewer has none."""
    if len(shingles) < NEAR_MIN_SHINGLES:
        return ()
    bands: list[list[int]] = [[] for _ in range(NEAR_BANDS)]
    for h in shingles:
        bands[h % NEAR_BANDS].append(h)
    keys = []
    for band, members in enumerate(bands):
        if len(members) >= NEAR_ROWS:
            smallest = sorted(members)[:NEAR_ROWS]
            keys.append(f"near:{band}:{hashlib.blake2b(repr(smallest).encode(), digest_size=8).hexdigest()}")
    return tuple(keys)


def near_match(shingles: frozenset[int], canonical_id: str | None, stored_json: str, stored_text: str,
               stored_canonical_id: str | None) -> bool:
    """Whether a record (its shingles and canonical id) is the same cable as a stored record that shares
    a ``near:`` key with it: the same body by exact Jaccard similarity, and no two different ids."""
    if canonical_id and stored_canonical_id and _ident(canonical_id) != _ident(stored_canonical_id):
        return False
    other = stored_shingles(stored_json, stored_text)
    union = len(shingles | other)
    return bool(union) and len(shingles & other) / union >= NEAR_MIN_JACCARD


def _ident(value: str) -> str:
    # NUL goes too: a key must read back from PostgreSQL (whose text cannot hold it) as it was written
    return re.sub(r"[\s\x00]+", "", value.upper())


def _place_terms(field: str, addresses: list[Addressee] | list[str]) -> list[tuple[str, str]]:
    """The address as written and its canonical form, plus its trailing words (``MOSCOW``, ``NEW YORK``)
    under ``<field>.word``, so that ``from:MOSCOW`` finds ``AMEMBASSY MOSCOW``."""
    out: list[tuple[str, str]] = []
    for a in addresses:
        written = a if isinstance(a, str) else a.name
        shown = a if isinstance(a, str) else (a.canonical or a.name)
        out.append((field, " ".join(shown.upper().split())))  # one value per address: what facets count
        for name in {" ".join(n.upper().split()) for n in (written, shown) if n}:
            words = name.split()
            if name != out[-1][1]:
                out.append((f"{field}.word", name))
            out.extend((f"{field}.word", " ".join(words[i:])) for i in range(1, len(words)))
            out.extend((f"{field}.word", w) for w in words[:-1] if len(w) > 1)
    return out


def _officer_terms(field: str, officers: list[Officer]) -> list[tuple[str, str]]:
    out = []
    for o in officers:
        out.extend((field, v.upper()) for v in (o.name, o.office) if v)
    return out


def _released(record: Telegram) -> str | None:
    r = record.release
    if r is None:
        return None
    status = (r.status or "").upper()
    if "DENIED" in status:
        return "denied"
    if "PART" in status or r.exemptions:
        return "part"
    if "FULL" in status or "APPROVED FOR RELEASE" in status:
        return "full"
    return "other"


def _jl(values) -> str:
    return _encode_list(list(values))


def row_for(record: Telegram, locator: str = "", label: str | None = None) -> RecordRow:
    """Build the stored row of one parsed record."""
    data = record.to_json()
    text = data.pop("text")
    addressees = list(record.to) + list(record.info)
    exemptions = list(record.release.exemptions + record.release.e_o_categories) if record.release else []
    officers = [record.drafted_by] if record.drafted_by else []
    ids = list(dict.fromkeys(_ident(i) for i in ((record.id,) if record.id else ()) + record.aliases if i))
    digest = text_hash(text)
    columns = {
        "doc_sha256": record.source.sha256 if record.source else hashlib.sha256(text.encode()).hexdigest(),
        "text_hash": digest,
        "canonical_id": record.id,
        "aliases": _jl(record.aliases),
        "date": record.date,
        "year": int(record.date[:4]) if record.date and record.date[:4].isdigit() else None,
        "kind": record.kind,
        "era": record.era,
        "classification": record.classification,
        "class_rank": CLASS_RANK.get(record.classification or "", UNKNOWN_RANK),
        "precedence": record.precedence,
        "origin": record.from_,
        "addressees": _jl(a.canonical or a.name for a in addressees),
        "captions": _jl(record.captions),
        "tags": _jl(record.tags),
        "subject": record.subject or "",
        "released": _released(record),
        "release_status": record.release.status if record.release else None,
        "exemptions": _jl(exemptions),
        "eo": record.eo.order if record.eo else None,
        "drafter": record.drafted_by.name if record.drafted_by else None,
        "clearers": _jl(o.name for o in record.cleared_by),
        "defects": _jl(d.code for d in record.defects),
        "json": _encode_record(data),
        "text": text,
    }
    terms = ([("tag", t.upper()) for t in record.tags]
             + _place_terms("from", [record.from_] if record.from_ else [])
             + _place_terms("to", addressees)
             + [("caption", c.upper()) for c in record.captions]
             + [("exemption", _ident(e)) for e in exemptions]
             + _officer_terms("drafter", officers)
             + _officer_terms("clearer", list(record.cleared_by))
             + [("defect", d.code) for d in record.defects])
    refs = tuple((r.letter, r.raw, _ident(r.id) if r.id else None) for r in record.references)
    shingles = body_shingles([p.text for p in record.paragraphs], text)
    keys = tuple(f"id:{i}" for i in ids) + ((f"text:{digest}",) if digest else ()) + near_keys(shingles)
    return RecordRow(locator, label, tuple(map(columns.__getitem__, RECORD_COLUMNS)), tuple(dict.fromkeys(terms)),
                     refs, keys, record.kind, tuple(d.code for d in record.defects))


def record_json(stored_json: str, text: str) -> dict[str, Any]:
    """The full ``cablegram/1`` record from its stored JSON and text (keys in contract order)."""
    data = json.loads(stored_json)
    out: dict[str, Any] = {}
    for key, value in data.items():
        out[key] = value
        if key == "release":  # the contract's order: text comes right after release
            out["text"] = text
    out.setdefault("text", text)
    return out
