"""The SQLite record store: the archive is one folder holding ``archive.sqlite``.

WAL journal, ``synchronous=NORMAL`` (a killed process never loses a committed transaction; only a
power cut may lose the last few), foreign keys on, and every write in an explicit ``BEGIN
IMMEDIATE`` transaction. The file is an ordinary SQLite database: Datasette or the ``sqlite3``
shell can read it (``docs/archive.md`` describes the tables). What is written is decided by the write
path both stores share (:mod:`.write`); this module gives it a transaction.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..search import Compiled, Node, compile_query
from .dialect import Dialect
from .schema import MIGRATIONS
from .store import CheckReport, SourceInfo, Store, StoreTimeout
from .write import audit

__all__ = ["DB_FILE", "SQLiteStore"]

DB_FILE = "archive.sqlite"
_WRITER_CACHE_KIB = 64 * 1024
# A record's row (its JSON and text, 4-5 kB) overflows SQLite's default 4 kB page into a chain of
# overflow pages; on 16 kB pages most fit one. Measured writing 30,000 synthetic cables: 0.34 -> 0.31 ms
# of the writer's CPU per cable.
_PAGE_SIZE = 16384


DIALECT = Dialect(
    name="sqlite",
    text_from="records_fts JOIN records r ON r.record_id = records_fts.rowid",
    text_match="records_fts MATCH ?",
    score="bm25(records_fts, 5.0, 1.0)",  # subject weighs five times the text
    snippet="snippet(records_fts, -1, '[', ']', ' … ', 16)",
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class _Transaction:
    """A write transaction on the SQLite connection, for the shared write path (:class:`~.write.Transaction`)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    def load(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                              rows)

    def new_ids(self, table: str, column: str, n: int) -> list[int]:
        # What SQLite itself gives an INTEGER PRIMARY KEY: the largest id plus one (we hold the lock)
        top = self.conn.execute(f"SELECT COALESCE(MAX({column}), 0) FROM {table}").fetchone()[0]
        return list(range(top + 1, top + 1 + n))

    def now(self) -> str:
        return _now()


class SQLiteStore(Store):
    """A :class:`Store` in one SQLite file. Open with :meth:`open`."""

    dialect = DIALECT
    migrations = MIGRATIONS
    timestamp_type = "TEXT"  # ISO 8601, UTC

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self.conn = connection
        self.path = path

    @classmethod
    def open(cls, folder: str | Path, *, create: bool = True) -> SQLiteStore:
        """Open (and with ``create``, make and migrate) the archive in ``folder``."""
        folder = Path(folder)
        db = folder / DB_FILE
        new = not db.exists()
        if new:
            if not create:
                raise FileNotFoundError(f"{folder}: no archive here (no {DB_FILE}); run `cablegram ingest` first")
            folder.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        if new:  # fixed when the file is made; an existing archive keeps its own
            conn.execute(f"PRAGMA page_size = {_PAGE_SIZE}")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        store = cls(conn, db)
        store.migrate()
        return store

    # -- writing: what SQLite does its own way ------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[_Transaction]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield _Transaction(self.conn)
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

    def begin_source(self, info: SourceInfo) -> int:
        # A writer's working set (the key and term indexes, the full-text segments it merges) outgrows
        # SQLite's default 2 MB page cache within thousands of cables: measured over 30,000 cables,
        # 64 MB cuts the writer's CPU per cable by 9 %. Readers keep the default.
        self.conn.execute(f"PRAGMA cache_size = -{_WRITER_CACHE_KIB}")
        return super().begin_source(info)

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
        integrity = [r[0] for r in c.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.extend(f"integrity: {line}" for line in integrity)
        for row in c.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: a row of {row[0]} points at a missing row of {row[2]}")
        try:
            c.execute("INSERT INTO records_fts (records_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index is corrupt: {exc}")
        shared, notes, counts = audit(lambda sql: c.execute(sql).fetchall())
        problems.extend(shared)
        indexed = c.execute("SELECT COUNT(*) FROM records_fts_docsize").fetchone()[0]
        if indexed != counts["records"]:
            problems.append(f"full-text index out of step: {indexed} documents indexed, {counts['records']} records")
        stray = c.execute("SELECT COUNT(*) FROM records_fts_docsize WHERE id NOT IN (SELECT record_id FROM records)"
                          ).fetchone()[0]
        if stray:
            problems.append(f"full-text index holds {stray} document(s) that are not records")
        counts["schema version"] = self.schema_version()
        return CheckReport(tuple(problems), tuple(notes), counts)

    def folder(self) -> Path:
        return self.path.parent

    def close(self) -> None:
        self.conn.close()
