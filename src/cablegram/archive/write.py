"""The write path of both record stores: sources, records, and the linking of records to cables.

Ingest writes the same things whatever the store, so the logic is written once, here, in SQL that
SQLite and PostgreSQL both run (``?`` placeholders, ``INSERT … RETURNING``), as :mod:`.read` serves
both for reading. A store hands each write transaction over as a :class:`Transaction`, which holds
only what truly differs between them: how a statement runs (placeholder style; PostgreSQL text
cannot hold NUL), how many rows are loaded at once (``executemany``, ``COPY``), how fresh ids are
drawn, and how a timestamp is kept.

Every function here runs inside one transaction that the store opened with its writers serialised
(SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's advisory lock), so what it reads stays true until it
commits: a batch's keys are read once and then kept in step in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from .rows import RECORD_COLUMNS, RecordRow, near_match

if TYPE_CHECKING:
    from .schema import Migration
    from .store import Finish, SourceInfo

__all__ = ["CONSISTENCY", "Transaction", "add_records", "apply_migration", "audit", "begin_source",
           "finish_source"]

KEYS_PER_QUERY = 500  # keys looked up per statement: well under SQLite's limit on ? parameters
_RECORD = ("record_id", "source_id", "locator", "label", "cable_id", *RECORD_COLUMNS)
_TERM = ("field", "value", "record_id")
_REF = ("record_id", "position", "letter", "raw", "ref_id")


class Transaction(Protocol):
    """One write transaction of a store, in the few terms in which the stores differ."""

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run one statement (``?`` placeholders; without parameters, the SQL exactly as written) and
        return its rows, [] for a statement that returns none."""

    def load(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert many rows into ``table`` at once."""

    def new_ids(self, table: str, column: str, n: int) -> list[int]:
        """``n`` ids, ascending, for new rows of ``table`` (its key ``column``) that no row holds."""

    def now(self) -> Any:
        """The current time, as the store keeps timestamps."""


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


# -- schema --------------------------------------------------------------------------------------------
def apply_migration(tx: Transaction, migration: Migration) -> bool:
    """Apply ``migration`` with its row in ``schema_migrations``, unless the archive already has it
    (another process may have applied it while we waited for the lock). Whether it was applied."""
    if tx.run("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)):
        return False
    for step in migration.steps:
        tx.run(step)
    tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
           (migration.version, migration.name, tx.now()))
    return True


# -- sources -------------------------------------------------------------------------------------------
def begin_source(tx: Transaction, info: SourceInfo) -> int:
    """Mark a source pending before any of it is read, discarding what an interrupted run stored for it."""
    found = tx.run("SELECT source_id FROM sources WHERE sha256 = ?", (info.sha256,))
    if not found:
        return tx.run("INSERT INTO sources (sha256, path, size, method, status, started_at) "
                      "VALUES (?, ?, ?, ?, 'pending', ?) RETURNING source_id",
                      (info.sha256, info.path, info.size, info.method, tx.now()))[0][0]
    source_id = found[0][0]
    _discard(tx, source_id)
    tx.run("UPDATE sources SET path = ?, size = ?, method = ?, status = 'pending', reason = NULL, documents = 0, "
           "pages = NULL, started_at = ?, finished_at = NULL WHERE source_id = ?",
           (info.path, info.size, info.method, tx.now(), source_id))
    return source_id


def _discard(tx: Transaction, source_id: int) -> None:
    """Remove what an unfinished run stored for a source, and cables left without a record."""
    mine = "SELECT record_id FROM records WHERE source_id = ?"
    tx.run(f"DELETE FROM record_terms WHERE record_id IN ({mine})", (source_id,))
    tx.run(f"DELETE FROM refs WHERE record_id IN ({mine})", (source_id,))
    tx.run("DELETE FROM records WHERE source_id = ?", (source_id,))
    empty = "SELECT cable_id FROM cables c WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.cable_id = c.cable_id)"
    tx.run(f"DELETE FROM cable_keys WHERE cable_id IN ({empty})")
    tx.run(f"DELETE FROM cables WHERE cable_id IN ({empty})")


def finish_source(tx: Transaction, source_id: int, finish: Finish) -> None:
    """Close a source: ``ok`` or ``failed``, why, its page count and how its text was obtained."""
    tx.run("UPDATE sources SET status = ?, reason = ?, pages = COALESCE(?, pages), method = COALESCE(?, method), "
           "finished_at = ? WHERE source_id = ?",
           (finish.status, finish.reason, finish.pages, finish.method, tx.now(), source_id))


# -- records -------------------------------------------------------------------------------------------
def add_records(tx: Transaction, source_id: int, rows: Sequence[RecordRow], finish: Finish | None = None) -> int:
    """Store records of a pending source, each linked to its cable, and with ``finish`` close the source.
    The rows are linked in order first (a row may join or merge the cables of rows before it), then
    written with one bulk load per table. Returns how many new cables were made."""
    new_cables = 0
    if rows:
        links = _Links(tx, rows)
        for row in rows:
            links.link(row)
        tx.load("cable_keys", ("key", "cable_id"), links.new_keys())
        _write(tx, source_id, links.linked)
        tx.run("UPDATE sources SET documents = documents + ? WHERE source_id = ?", (len(rows), source_id))
        new_cables = links.new_cables
    if finish is not None:
        finish_source(tx, source_id, finish)
    return new_cables


def _write(tx: Transaction, source_id: int, linked: list[tuple[RecordRow, int]]) -> None:
    """The linked rows' records (their ids drawn for the whole batch), terms and references."""
    ids = tx.new_ids("records", "record_id", len(linked))
    tx.load("records", _RECORD, ((record_id, source_id, row.locator, row.label, cable_id, *row.values)
                                 for record_id, (row, cable_id) in zip(ids, linked, strict=True)))
    tx.load("record_terms", _TERM, ((field, value, record_id)
                                    for record_id, (row, _) in zip(ids, linked, strict=True) for field, value in row.terms))
    tx.load("refs", _REF, ((record_id, position, *ref) for record_id, (row, _) in zip(ids, linked, strict=True)
                           for position, ref in enumerate(row.refs)))


class _Links:
    """The rows of one batch linked to their cables, in order.

    A record belongs to the cable holding any of its keys, merging cables it shows to be one, else to
    a new cable. ``id:`` and ``text:`` keys link on sight; a ``near:`` key names only a candidate,
    which joins when :meth:`_same_body` proves it. ``known`` maps every key of the batch to its cable
    exactly: read from the store once for the whole batch, then kept in step as rows register keys
    and merge cables, so a row's keys cost no query of their own."""

    def __init__(self, tx: Transaction, rows: Sequence[RecordRow]):
        self.tx = tx
        every = list({k for row in rows for k in row.keys})
        self.known: dict[str, int] = {}
        for start in range(0, len(every), KEYS_PER_QUERY):
            part = every[start:start + KEYS_PER_QUERY]
            self.known.update(tx.run(f"SELECT key, cable_id FROM cable_keys WHERE key IN ({_marks(part)})", part))
        self.stored = set(self.known)  # keys the store holds; the rest are written with the batch
        self.linked: list[tuple[RecordRow, int]] = []  # rows linked, with their cable, not yet written
        self.new_cables = 0

    def new_keys(self) -> Iterable[tuple[str, int]]:
        return ((key, cable_id) for key, cable_id in self.known.items() if key not in self.stored)

    def link(self, row: RecordRow) -> None:
        hits = [(k, self.known[k]) for k in row.keys if k in self.known]
        found = list(dict.fromkeys(cable for k, cable in hits if not k.startswith("near:")))
        candidates = [c for c in dict.fromkeys(cable for k, cable in hits if k.startswith("near:")) if c not in found]
        found += self._same_body(row, found, candidates)
        if found:
            cable_id = min(found)
            self._merge(cable_id, [c for c in found if c != cable_id])
            if row.canonical_id:
                self.tx.run("UPDATE cables SET canonical_id = ? WHERE cable_id = ? AND canonical_id IS NULL",
                            (row.canonical_id, cable_id))
        else:
            cable_id = self.tx.run("INSERT INTO cables (canonical_id) VALUES (?) RETURNING cable_id",
                                   (row.canonical_id,))[0][0]
            self.new_cables += 1
        for key in row.keys:
            self.known.setdefault(key, cable_id)
        self.linked.append((row, cable_id))

    def _merge(self, keep: int, others: list[int]) -> None:
        """Merge ``others`` into ``keep``: their records and keys (stored and of this batch) follow, and
        ``keep`` takes the first canonical id among them when it has none."""
        if not others:
            return
        marks = _marks(others)
        self.tx.run(f"UPDATE records SET cable_id = ? WHERE cable_id IN ({marks})", (keep, *others))
        self.tx.run(f"UPDATE cable_keys SET cable_id = ? WHERE cable_id IN ({marks})", (keep, *others))
        self.tx.run(f"UPDATE cables SET canonical_id = COALESCE(canonical_id, (SELECT canonical_id FROM cables "
                    f"WHERE cable_id IN ({marks}) AND canonical_id IS NOT NULL ORDER BY cable_id LIMIT 1)) "
                    f"WHERE cable_id = ?", (*others, keep))
        self.tx.run(f"DELETE FROM cables WHERE cable_id IN ({marks})", others)
        gone = set(others)
        for key, owner in self.known.items():
            if owner in gone:
                self.known[key] = keep
        self.linked = [(row, keep if cable_id in gone else cable_id) for row, cable_id in self.linked]

    def _same_body(self, row: RecordRow, found: list[int], candidates: list[int]) -> list[int]:
        """The candidate cables holding a record with the same body (:func:`near_match`), so long as no
        two different canonical ids end up in one cable. A cable's records are its first three,
        counting rows of this batch linked to it but not yet written."""
        if not candidates:
            return []
        cables = found + candidates
        canonical = dict(self.tx.run(f"SELECT cable_id, canonical_id FROM cables WHERE cable_id IN ({_marks(cables)})",
                                     cables))
        ids = {i for i in [row.canonical_id, *(canonical.get(f) for f in found)] if i}
        joined: list[int] = []
        for cable_id in candidates:
            cable_canonical = canonical.get(cable_id)
            if cable_canonical and ids - {cable_canonical}:
                continue
            stored = self.tx.run("SELECT json, text FROM records WHERE cable_id = ? ORDER BY record_id LIMIT 3",
                                 (cable_id,))
            stored += [(r.json, r.text) for r, c in self.linked if c == cable_id]
            if any(near_match(row.shingles, row.canonical_id, j, t, cable_canonical) for j, t in stored[:3]):
                joined.append(cable_id)
                ids |= {cable_canonical} if cable_canonical else set()
        return joined


# -- checks --------------------------------------------------------------------------------------------
#: What the write path promises, as queries that count the exceptions (each should count none).
CONSISTENCY = (
    ("duplicate sources (same sha256)", "SELECT COUNT(*) FROM (SELECT sha256 FROM sources GROUP BY sha256 HAVING COUNT(*) > 1) d"),
    ("duplicate records (same source and place in it)",
     "SELECT COUNT(*) FROM (SELECT 1 FROM records GROUP BY source_id, locator HAVING COUNT(*) > 1) d"),
    ("records without a cable", "SELECT COUNT(*) FROM records WHERE cable_id NOT IN (SELECT cable_id FROM cables)"),
    ("cables without a record", "SELECT COUNT(*) FROM cables WHERE cable_id NOT IN (SELECT cable_id FROM records)"),
    ("cable keys of missing cables", "SELECT COUNT(*) FROM cable_keys WHERE cable_id NOT IN (SELECT cable_id FROM cables)"),
    ("terms of missing records", "SELECT COUNT(*) FROM record_terms WHERE record_id NOT IN (SELECT record_id FROM records)"),
    ("references of missing records", "SELECT COUNT(*) FROM refs WHERE record_id NOT IN (SELECT record_id FROM records)"),
    ("sources whose document count differs from their records",
     "SELECT COUNT(*) FROM sources s WHERE s.documents != (SELECT COUNT(*) FROM records r WHERE r.source_id = s.source_id)"),
)
_COUNTED = ("sources", "records", "cables", "cable_keys", "record_terms", "refs")


def audit(query: Callable[[str], list[tuple]]) -> tuple[list[str], list[str], dict[str, int]]:
    """What every store checks of what the write path left: ``(problems, notes, counts)``. ``query`` runs
    a statement without parameters and returns its rows. Sources left pending or failed are notes,
    not problems: a re-run finishes them."""
    problems = [f"{what}: {n}" for what, sql in CONSISTENCY if (n := query(sql)[0][0])]
    counts = {name: query(f"SELECT COUNT(*) FROM {name}")[0][0] for name in _COUNTED}
    by_status = dict(query("SELECT status, COUNT(*) FROM sources GROUP BY status"))
    notes = []
    if by_status.get("pending"):
        notes.append(f"{by_status['pending']} source(s) pending: an ingest was interrupted; run it again to finish them")
    if by_status.get("failed"):
        notes.append(f"{by_status['failed']} source(s) failed (`cablegram check` lists them)")
    counts.update({f"sources {k}": v for k, v in by_status.items()})
    return problems, notes, counts
