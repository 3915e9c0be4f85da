"""The PostgreSQL record store: ``--db postgresql://user@host/dbname`` (the database must exist).

The same semantics as :class:`~.sqlite.SQLiteStore`: every write call is one transaction; a source
is identified by its sha256, so re-ingesting adds nothing; a pending source is discarded and redone;
records link to cables by their keys. Writers take one transaction-scoped advisory lock, so writes
are serialised as SQLite's ``BEGIN IMMEDIATE`` serialises them: two ingests into one database never
race to create the same cable, and the ``record_log`` sequence is in commit order. What is written is
decided by the write path both stores share (:mod:`.write`); this module gives it a transaction.

Reads stream through server-side cursors. Each call in progress has a connection of its own from a
small pool (one connection when calls do not overlap), so a caller may hold one stream open while
it runs another statement, from any thread. ``docs/archive.md`` describes the schema.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row

from ..search import Compiled, Node, QueryError
from ..search.compile_postgres import compile_postgres
from .dialect import Dialect
from .pg_schema import MIGRATIONS, TEXT_CONFIG
from .store import CheckReport, Store, StoreTimeout
from .write import audit

__all__ = ["DIALECT", "PostgresStore"]

# Held by every write transaction (pg_advisory_xact_lock): one writer at a time, as in SQLite.
WRITER_LOCK = 0x0CAB1E
FETCH = 500
# Planner settings for our sessions only. A records row is large, so testing ``tsv @@ q`` on every row
# of a sequential scan costs far more than the default random_page_cost (4, for spinning disks) lets the
# planner believe: measured on 20k cables, a prefix query took 199 ms by sequential scan, 11 ms by the
# GIN index, which the planner picks at 1.1 (the usual value for SSDs). JIT compiling costs more than
# it saves on queries of this size.
SESSION_SETTINGS = ("SET random_page_cost = 1.1", "SET jit = off")

DIALECT = Dialect(
    name="postgresql",
    text_from=f"records r CROSS JOIN to_tsquery('{TEXT_CONFIG}', ?) AS q",
    text_match="r.tsv @@ q",
    score="-ts_rank(r.tsv, q)",  # default weights: A (the subject) 1.0, D (the text) 0.1
    snippet=(f"ts_headline('{TEXT_CONFIG}', r.subject || ' ' || r.text, q, "
             "'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=\" … \"')"),
)


def storable(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL (SQLite can): a NUL read from a document is stored as U+FFFD."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


@lru_cache(maxsize=512)
def pyformat(sql: str) -> str:
    """The reader's ``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` as ``%%``); a ``?``
    inside a quoted SQL string stays a question mark."""
    out, quoted = [], False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        out.append("%%" if ch == "%" else "%s" if ch == "?" and not quoted else ch)
    return "".join(out)


class _Transaction:
    """A write transaction on one PostgreSQL cursor, for the shared write path
    (:class:`~.write.Transaction`): ``?`` placeholders become ``%s``, NUL in text becomes U+FFFD,
    and many rows load with one ``COPY``."""

    def __init__(self, cur: psycopg.Cursor):
        self.cur = cur

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        if params:
            self.cur.execute(pyformat(sql), tuple(map(storable, params)))
        else:  # as written: a migration's DDL may hold a literal % or ?
            self.cur.execute(sql)
        return self.cur.fetchall() if self.cur.description else []

    def load(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        with self.cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(tuple(map(storable, row)))

    def new_ids(self, table: str, column: str, n: int) -> list[int]:
        return sorted(r[0] for r in self.cur.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)::regclass) FROM generate_series(1, %s)", (table, column, n)))

    def now(self) -> datetime:
        return datetime.now(UTC)


class PostgresStore(Store):
    """A :class:`Store` in a PostgreSQL database. Open with :meth:`open`."""

    dialect = DIALECT
    migrations = MIGRATIONS
    timestamp_type = "TIMESTAMPTZ"

    def __init__(self, url: str):
        self.url = url
        self._idle: list[psycopg.Connection] = []
        self._all: list[psycopg.Connection] = []
        self._lock = threading.Lock()

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> PostgresStore:
        """Open the archive in the database at ``url`` (with ``create``, migrate it first; without,
        a database holding no archive is an error that says so)."""
        store = cls(url)
        try:
            if create:
                store.migrate()
            elif store.schema_version() == 0:
                raise FileNotFoundError(f"{redacted(url)}: no archive in this database; run `cablegram ingest` first")
        except BaseException:
            store.close()
            raise
        return store

    # -- connections -----------------------------------------------------------------------------------
    def _connect(self) -> psycopg.Connection:
        try:
            conn = psycopg.connect(self.url, autocommit=True)
        except psycopg.OperationalError as exc:
            reason = " ".join(line.strip() for line in str(exc).splitlines()) or type(exc).__name__
            raise ConnectionError(f"cannot connect to {redacted(self.url)}: {reason}") from exc
        for setting in SESSION_SETTINGS:  # SET, not the URL's options=, which stay the user's
            conn.execute(setting)
        with self._lock:
            self._all.append(conn)
        return conn

    @contextmanager
    def _borrow(self) -> Iterator[psycopg.Connection]:
        """A connection for this call alone, returned to the pool after (or closed, if it broke)."""
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        conn = conn or self._connect()
        try:
            yield conn
        finally:
            healthy = not conn.closed and conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
            with self._lock:
                if healthy and conn in self._all:  # not if close() ran meanwhile
                    self._idle.append(conn)
                elif conn in self._all:
                    self._all.remove(conn)
            if not healthy:
                conn.close()

    # -- writing: what PostgreSQL does its own way --------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[_Transaction]:
        """One write transaction, holding the writer lock."""
        with self._borrow() as conn, conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield _Transaction(cur)

    def schema_version(self) -> int:
        with self._borrow() as conn:
            exists = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()[0]
            if not exists:
                return 0
            return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    # -- reading ---------------------------------------------------------------------------------------
    def compile(self, node: Node) -> Compiled:
        compiled = compile_postgres(node)
        if any("\x00" in v for v in (compiled.match, *compiled.params) if isinstance(v, str)):
            raise QueryError("the query holds a NUL character (\\x00), which no record can contain")
        return compiled

    def rows(self, sql: str, params: tuple = (), timeout: float | None = None) -> Iterator[dict[str, Any]]:
        """Stream through a server-side cursor, in a read transaction of its own; with ``timeout``, a
        ``statement_timeout`` for the transaction (each fetch is a statement)."""
        with self._borrow() as conn, conn.transaction():
            if timeout is not None:
                conn.execute("SELECT set_config('statement_timeout', %s, true)", (f"{max(1, round(timeout * 1000))}ms",))
            try:
                with conn.cursor(name="cablegram_rows", row_factory=dict_row) as cur:
                    cur.execute(pyformat(sql), tuple(params))
                    while batch := cur.fetchmany(FETCH):
                        yield from batch
            except psycopg.errors.QueryCanceled as exc:
                raise StoreTimeout(f"stopped after {timeout:g} s") from exc

    def changes_since(self, seq: int, limit: int) -> list[tuple[int, int, str]]:
        """The change log after ``seq``: ``(seq, record_id, 'add' | 'drop')`` in commit order, at most
        ``limit`` of them."""
        with self._borrow() as conn:
            return [tuple(r) for r in conn.execute(
                "SELECT seq, record_id, op FROM record_log WHERE seq > %s ORDER BY seq LIMIT %s", (seq, limit))]

    def check(self) -> CheckReport:
        with self._borrow() as conn:
            return _check(conn, self.schema_version())

    def close(self) -> None:
        with self._lock:
            conns, self._all, self._idle = self._all, [], []
        for conn in conns:
            conn.close()


# What PostgreSQL checks beyond the write path's promises (:data:`~.write.CONSISTENCY`); it enforces
# the foreign keys itself.
_OWN_CHECKS = (
    ("records whose text vector is missing", "SELECT COUNT(*) FROM records WHERE tsv IS NULL"),
    # The log's last word on each record must be 'add' exactly for the records that exist.
    ("change log out of step: records whose last log entry is not an add",
     "SELECT COUNT(*) FROM records r WHERE (SELECT op FROM record_log l WHERE l.record_id = r.record_id "
     "ORDER BY seq DESC LIMIT 1) IS DISTINCT FROM 'add'"),
    ("change log out of step: records logged as added that do not exist",
     "SELECT COUNT(*) FROM (SELECT DISTINCT ON (record_id) record_id, op FROM record_log ORDER BY record_id, seq DESC) l "
     "WHERE l.op = 'add' AND NOT EXISTS (SELECT 1 FROM records r WHERE r.record_id = l.record_id)"),
)


def _check(conn: psycopg.Connection, version: int) -> CheckReport:
    invalid = conn.execute("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                           "JOIN pg_class t ON t.oid = i.indrelid WHERE NOT i.indisvalid AND t.relnamespace = "
                           "current_schema()::regnamespace ORDER BY 1").fetchall()
    problems = [f"index {name} is invalid (REINDEX it)" for (name,) in invalid]
    shared, notes, counts = audit(lambda sql: conn.execute(sql).fetchall())
    problems.extend(shared)
    problems.extend(f"{what}: {n}" for what, sql in _OWN_CHECKS if (n := conn.execute(sql).fetchone()[0]))
    counts["schema version"] = version
    return CheckReport(tuple(problems), tuple(notes), counts)
