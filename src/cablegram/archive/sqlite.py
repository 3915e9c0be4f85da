"""The SQLite record store: the archive is one folder holding ``archive.sqlite``.

WAL journal, ``synchronous=NORMAL`` (a killed process never loses a committed transaction; only a
power cut may lose the last few), foreign keys on, and every write in an explicit ``BEGIN
IMMEDIATE`` transaction. The file is an ordinary SQLite database: Datasette or the ``sqlite3``
shell can read it (``docs/archive.md`` describes the tables).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..search import Compiled, Node, compile_query
from .dialect import Dialect
from .rows import RecordRow, near_match
from .schema import MIGRATIONS
from .store import CheckReport, Finish, SourceInfo, Store, StoreTimeout

__all__ = ["DB_FILE", "SQLiteStore"]

DB_FILE = "archive.sqlite"
_COLUMNS = ("doc_sha256", "text_hash", "canonical_id", "aliases", "date", "year", "kind", "era", "classification",
            "class_rank", "precedence", "origin", "addressees", "captions", "tags", "subject", "released",
            "release_status", "exemptions", "eo", "drafter", "clearers", "defects", "json", "text")
_WRITER_CACHE_KIB = 64 * 1024
_KEYS_PER_QUERY = 500  # well under SQLite's limit on ? parameters in one statement
_INSERT_RECORD = (f"INSERT INTO records (source_id, locator, label, cable_id, {', '.join(_COLUMNS)}) "
                  f"VALUES (?, ?, ?, ?, {', '.join('?' * len(_COLUMNS))})")


DIALECT = Dialect(
    name="sqlite",
    text_from="records_fts JOIN records r ON r.record_id = records_fts.rowid",
    text_match="records_fts MATCH ?",
    score="bm25(records_fts, 5.0, 1.0)",  # subject weighs five times the text
    snippet="snippet(records_fts, -1, '[', ']', ' … ', 16)",
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore(Store):
    """A :class:`Store` in one SQLite file. Open with :meth:`open`."""

    dialect = DIALECT

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self.conn = connection
        self.path = path

    @classmethod
    def open(cls, folder: str | Path, *, create: bool = True) -> SQLiteStore:
        """Open (and with ``create``, make and migrate) the archive in ``folder``."""
        folder = Path(folder)
        db = folder / DB_FILE
        if not db.exists():
            if not create:
                raise FileNotFoundError(f"{folder}: no archive here (no {DB_FILE}); run `cablegram ingest` first")
            folder.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        store = cls(conn, db)
        store.migrate()
        return store

    # -- schema ----------------------------------------------------------------------------------------
    @contextmanager
    def _txn(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def schema_version(self) -> int:
        exists = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone()
        if not exists:
            return 0
        return self.conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    def migrate(self) -> list[int]:
        """Apply every migration above the archive's version, each in its own transaction."""
        applied = []
        with self._txn() as c:
            c.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                      "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        for m in MIGRATIONS:
            if m.version <= self.schema_version():
                continue
            with self._txn() as c:
                if m.version <= self.schema_version():  # another process migrated meanwhile
                    continue
                for step in m.steps:
                    c.execute(step)
                c.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (m.version, m.name, _now()))
            applied.append(m.version)
        return applied

    # -- writing ---------------------------------------------------------------------------------------
    def source_status(self, sha256: str) -> str | None:
        row = self.conn.execute("SELECT status FROM sources WHERE sha256 = ?", (sha256,)).fetchone()
        return row[0] if row else None

    def begin_source(self, info: SourceInfo) -> int:
        # A writer's working set (the key and term indexes, the full-text segments it merges) outgrows
        # SQLite's default 2 MB page cache within thousands of cables: measured over 30,000 cables,
        # 64 MB cuts the writer's CPU per cable by 9 %. Readers keep the default.
        self.conn.execute(f"PRAGMA cache_size = -{_WRITER_CACHE_KIB}")
        with self._txn() as c:
            row = c.execute("SELECT source_id FROM sources WHERE sha256 = ?", (info.sha256,)).fetchone()
            if row is None:
                cur = c.execute("INSERT INTO sources (sha256, path, size, method, status, started_at) "
                                "VALUES (?, ?, ?, ?, 'pending', ?)", (info.sha256, info.path, info.size, info.method, _now()))
                return cur.lastrowid
            source_id = row[0]
            self._discard(c, source_id)
            c.execute("UPDATE sources SET path = ?, size = ?, method = ?, status = 'pending', reason = NULL, "
                      "documents = 0, pages = NULL, started_at = ?, finished_at = NULL WHERE source_id = ?",
                      (info.path, info.size, info.method, _now(), source_id))
            return source_id

    @staticmethod
    def _discard(c: sqlite3.Connection, source_id: int) -> None:
        """Remove what an unfinished run stored for a source, and cables left without a record."""
        mine = "SELECT record_id FROM records WHERE source_id = ?"
        c.execute(f"DELETE FROM record_terms WHERE record_id IN ({mine})", (source_id,))
        c.execute(f"DELETE FROM refs WHERE record_id IN ({mine})", (source_id,))
        c.execute("DELETE FROM records WHERE source_id = ?", (source_id,))
        empty = "SELECT cable_id FROM cables WHERE cable_id NOT IN (SELECT cable_id FROM records)"
        c.execute(f"DELETE FROM cable_keys WHERE cable_id IN ({empty})")
        c.execute(f"DELETE FROM cables WHERE cable_id IN ({empty})")

    def add_records(self, source_id: int, rows: Sequence[RecordRow], finish: Finish | None = None) -> int:
        """Link each row to its cable in turn (a row may join or merge the cables of rows before it) and
        write it; then the batch's terms and references with one statement each."""
        new_cables = 0
        terms: list[tuple[str, str, int]] = []
        refs: list[tuple[int, int, str | None, str, str | None]] = []
        with self._txn() as c:
            known = self._known_keys(c, rows)
            for row in rows:
                cable_id, created = self._cable_for(c, row, known)
                new_cables += created
                record_id = c.execute(_INSERT_RECORD, (source_id, row.locator, row.label, cable_id,
                                                       *(row.columns[k] for k in _COLUMNS))).lastrowid
                terms.extend((f, v, record_id) for f, v in row.terms)
                refs.extend((record_id, i, *ref) for i, ref in enumerate(row.refs))
            c.executemany("INSERT INTO record_terms (field, value, record_id) VALUES (?, ?, ?)", terms)
            c.executemany("INSERT INTO refs (record_id, position, letter, raw, ref_id) VALUES (?, ?, ?, ?, ?)", refs)
            c.execute("UPDATE sources SET documents = documents + ? WHERE source_id = ?", (len(rows), source_id))
            if finish is not None:
                self._finish(c, source_id, finish)
        return new_cables

    @staticmethod
    def _known_keys(c: sqlite3.Connection, rows: Sequence[RecordRow]) -> dict[str, int]:
        """Key -> cable for every key of the batch the archive already holds: one query for the batch
        instead of one per key; :meth:`_cable_for` keeps it exact as rows register keys and merge
        cables (nobody else writes inside our ``BEGIN IMMEDIATE``)."""
        every_key = list({k for row in rows for k in row.keys})
        known: dict[str, int] = {}
        for start in range(0, len(every_key), _KEYS_PER_QUERY):
            part = every_key[start:start + _KEYS_PER_QUERY]
            known.update(c.execute(f"SELECT key, cable_id FROM cable_keys WHERE key IN ({', '.join('?' * len(part))})",
                                   part).fetchall())
        return known

    @staticmethod
    def _cable_for(c: sqlite3.Connection, row: RecordRow, known: dict[str, int]) -> tuple[int, bool]:
        """The cable this record belongs to: the one holding any of its keys (merging cables the record
        shows to be one), else a new one. Registers the record's keys, in the table and in ``known``.
        A ``near:`` key names only a candidate, joined when :meth:`_near_cables` proves it the same cable."""
        hits = [(k, known[k]) for k in row.keys if k in known]
        found = list(dict.fromkeys(cable for k, cable in hits if not k.startswith("near:")))
        candidates = [x for x in dict.fromkeys(cable for k, cable in hits if k.startswith("near:")) if x not in found]
        found += SQLiteStore._near_cables(c, row, found, candidates)
        created = not found
        if created:
            cable_id = c.execute("INSERT INTO cables (canonical_id) VALUES (?)", (row.columns["canonical_id"],)).lastrowid
        else:
            cable_id = min(found)
            others = [x for x in found if x != cable_id]
            if others:
                marks = ", ".join("?" * len(others))
                c.execute(f"UPDATE records SET cable_id = ? WHERE cable_id IN ({marks})", (cable_id, *others))
                c.execute(f"UPDATE cable_keys SET cable_id = ? WHERE cable_id IN ({marks})", (cable_id, *others))
                c.execute(f"UPDATE cables SET canonical_id = COALESCE(canonical_id, "
                          f"(SELECT canonical_id FROM cables WHERE cable_id IN ({marks}) AND canonical_id IS NOT NULL)) "
                          f"WHERE cable_id = ?", (*others, cable_id))
                c.execute(f"DELETE FROM cables WHERE cable_id IN ({marks})", others)
                for key, owner in known.items():
                    if owner in others:
                        known[key] = cable_id
            if row.columns["canonical_id"]:
                c.execute("UPDATE cables SET canonical_id = ? WHERE cable_id = ? AND canonical_id IS NULL",
                          (row.columns["canonical_id"], cable_id))
        c.executemany("INSERT OR IGNORE INTO cable_keys (key, cable_id) VALUES (?, ?)", [(k, cable_id) for k in row.keys])
        for key in row.keys:
            known.setdefault(key, cable_id)
        return cable_id, created

    @staticmethod
    def _near_cables(c: sqlite3.Connection, row: RecordRow, found: list[int], candidates: list[int]) -> list[int]:
        """The candidate cables that hold a record with the same body (:func:`near_match`), so long as
        no two different canonical ids end up in one cable."""
        def canonical(cable_id: int) -> str | None:
            return c.execute("SELECT canonical_id FROM cables WHERE cable_id = ?", (cable_id,)).fetchone()[0]

        ids = {i for i in [row.columns["canonical_id"], *map(canonical, found)] if i}
        joined: list[int] = []
        for cable_id in candidates:
            cable_canonical = canonical(cable_id)
            if cable_canonical and ids - {cable_canonical}:
                continue
            stored = c.execute("SELECT json, text FROM records WHERE cable_id = ? ORDER BY record_id LIMIT 3",
                               (cable_id,)).fetchall()
            if any(near_match(row.shingles, row.columns["canonical_id"], r[0], r[1], cable_canonical) for r in stored):
                joined.append(cable_id)
                ids |= {cable_canonical} if cable_canonical else set()
        return joined

    def finish_source(self, source_id: int, finish: Finish) -> None:
        with self._txn() as c:
            self._finish(c, source_id, finish)

    @staticmethod
    def _finish(c: sqlite3.Connection, source_id: int, finish: Finish) -> None:
        c.execute("UPDATE sources SET status = ?, reason = ?, pages = COALESCE(?, pages), method = COALESCE(?, method), "
                  "finished_at = ? WHERE source_id = ?",
                  (finish.status, finish.reason, finish.pages, finish.method, _now(), source_id))

    # -- reading ---------------------------------------------------------------------------------------
    def compile(self, node: Node) -> Compiled:
        return compile_query(node)

    def rows(self, sql: str, params: tuple = (), timeout: float | None = None) -> Iterator[dict[str, Any]]:
        if timeout is not None:
            deadline = time.monotonic() + timeout
            self.conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
        try:
            cur = self.conn.execute(sql, params)
            while batch := cur.fetchmany(500):
                for row in batch:
                    yield dict(row)
        except sqlite3.OperationalError as exc:
            if timeout is not None and "interrupted" in str(exc):
                raise StoreTimeout(f"stopped after {timeout:g} s") from exc
            raise
        finally:
            if timeout is not None:
                self.conn.set_progress_handler(None, 0)

    def changes_since(self, seq: int, limit: int) -> list[tuple[int, int, str]]:
        return [tuple(row) for row in self.conn.execute(
            "SELECT seq, record_id, op FROM record_log WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit))]

    def check(self) -> CheckReport:
        c = self.conn
        problems: list[str] = []
        notes: list[str] = []
        integrity = [r[0] for r in c.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.extend(f"integrity: {line}" for line in integrity)
        for row in c.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: a row of {row[0]} points at a missing row of {row[2]}")
        try:
            c.execute("INSERT INTO records_fts (records_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index is corrupt: {exc}")
        counts = {name: c.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]
                  for name in ("sources", "records", "cables", "cable_keys", "record_terms", "refs")}
        indexed = c.execute("SELECT COUNT(*) FROM records_fts_docsize").fetchone()[0]
        if indexed != counts["records"]:
            problems.append(f"full-text index out of step: {indexed} documents indexed, {counts['records']} records")
        stray = c.execute("SELECT COUNT(*) FROM records_fts_docsize WHERE id NOT IN (SELECT record_id FROM records)"
                          ).fetchone()[0]
        if stray:
            problems.append(f"full-text index holds {stray} document(s) that are not records")
        for what, sql in (
            ("duplicate sources (same sha256)", "SELECT COUNT(*) FROM (SELECT sha256 FROM sources GROUP BY sha256 HAVING COUNT(*) > 1)"),
            ("duplicate records (same source and place in it)",
             "SELECT COUNT(*) FROM (SELECT 1 FROM records GROUP BY source_id, locator HAVING COUNT(*) > 1)"),
            ("records without a cable", "SELECT COUNT(*) FROM records WHERE cable_id NOT IN (SELECT cable_id FROM cables)"),
            ("cables without a record", "SELECT COUNT(*) FROM cables WHERE cable_id NOT IN (SELECT cable_id FROM records)"),
            ("cable keys of missing cables", "SELECT COUNT(*) FROM cable_keys WHERE cable_id NOT IN (SELECT cable_id FROM cables)"),
            ("terms of missing records", "SELECT COUNT(*) FROM record_terms WHERE record_id NOT IN (SELECT record_id FROM records)"),
            ("references of missing records", "SELECT COUNT(*) FROM refs WHERE record_id NOT IN (SELECT record_id FROM records)"),
            ("sources whose document count differs from their records",
             "SELECT COUNT(*) FROM sources s WHERE s.documents != (SELECT COUNT(*) FROM records r WHERE r.source_id = s.source_id)"),
        ):
            n = c.execute(sql).fetchone()[0]
            if n:
                problems.append(f"{what}: {n}")
        by_status = dict(c.execute("SELECT status, COUNT(*) FROM sources GROUP BY status").fetchall())
        if by_status.get("pending"):
            notes.append(f"{by_status['pending']} source(s) pending: an ingest was interrupted; run it again to finish them")
        if by_status.get("failed"):
            notes.append(f"{by_status['failed']} source(s) failed (`cablegram check` lists them)")
        counts.update({f"sources {k}": v for k, v in by_status.items()})
        counts["schema version"] = self.schema_version()
        return CheckReport(tuple(problems), tuple(notes), counts)

    def folder(self) -> Path:
        return self.path.parent

    def close(self) -> None:
        self.conn.close()
