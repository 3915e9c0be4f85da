"""The PostgreSQL record store: ``--db postgresql://user@host/dbname`` (the database must exist).

The same semantics as :class:`~.sqlite.SQLiteStore`: every write call is one transaction; a source
is identified by its sha256, so re-ingesting adds nothing; a pending source is discarded and redone;
records link to cables by their keys. Writers take one transaction-scoped advisory lock, so writes
are serialised as SQLite's ``BEGIN IMMEDIATE`` serialises them: two ingests into one database never
race to create the same cable, and the ``record_log`` sequence is in commit order.

Reads stream through server-side cursors. Each call in progress has a connection of its own from a
small pool (one connection when calls do not overlap), so a caller may hold one stream open while
it runs another statement, from any thread. ``docs/archive.md`` describes the schema.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row

from ..search import Compiled, Node, QueryError
from ..search.compile_postgres import compile_postgres
from .dialect import Dialect
from .pg_schema import MIGRATIONS, TEXT_CONFIG
from .rows import RecordRow, near_match
from .store import CheckReport, Finish, SourceInfo, Store, StoreTimeout

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

_COLUMNS = ("doc_sha256", "text_hash", "canonical_id", "aliases", "date", "year", "kind", "era", "classification",
            "class_rank", "precedence", "origin", "addressees", "captions", "tags", "subject", "released",
            "release_status", "exemptions", "eo", "drafter", "clearers", "defects", "json", "text")
_COPY_RECORDS = f"COPY records (record_id, source_id, locator, label, cable_id, {', '.join(_COLUMNS)}) FROM STDIN"


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


class PostgresStore(Store):
    """A :class:`Store` in a PostgreSQL database. Open with :meth:`open`."""

    dialect = DIALECT

    def __init__(self, url: str):
        self.url = url
        self._idle: list[psycopg.Connection] = []
        self._all: list[psycopg.Connection] = []
        self._lock = threading.Lock()
        self._record_ids: str | None = None

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

    @contextmanager
    def _write(self) -> Iterator[psycopg.Cursor]:
        """One write transaction, holding the writer lock."""
        with self._borrow() as conn, conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            yield cur

    # -- schema ----------------------------------------------------------------------------------------
    def schema_version(self) -> int:
        with self._borrow() as conn:
            exists = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()[0]
            if not exists:
                return 0
            return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    def migrate(self) -> list[int]:
        """Apply every migration above the archive's version, each in its own transaction."""
        applied = []
        with self._write() as cur:
            cur.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)")
        for m in MIGRATIONS:
            with self._write() as cur:  # under the lock, so a second process waits, then skips
                if cur.execute("SELECT 1 FROM schema_migrations WHERE version = %s", (m.version,)).fetchone():
                    continue
                for step in m.steps:
                    cur.execute(step)
                cur.execute("INSERT INTO schema_migrations VALUES (%s, %s, now())", (m.version, m.name))
            applied.append(m.version)
        return applied

    # -- writing ---------------------------------------------------------------------------------------
    def source_status(self, sha256: str) -> str | None:
        with self._borrow() as conn:
            row = conn.execute("SELECT status FROM sources WHERE sha256 = %s", (sha256,)).fetchone()
        return row[0] if row else None

    def begin_source(self, info: SourceInfo) -> int:
        with self._write() as cur:
            row = cur.execute("SELECT source_id FROM sources WHERE sha256 = %s", (info.sha256,)).fetchone()
            if row is None:
                return cur.execute("INSERT INTO sources (sha256, path, size, method, status, started_at) "
                                   "VALUES (%s, %s, %s, %s, 'pending', now()) RETURNING source_id",
                                   (info.sha256, info.path, info.size, info.method)).fetchone()[0]
            source_id = row[0]
            self._discard(cur, source_id)
            cur.execute("UPDATE sources SET path = %s, size = %s, method = %s, status = 'pending', reason = NULL, "
                        "documents = 0, pages = NULL, started_at = now(), finished_at = NULL WHERE source_id = %s",
                        (info.path, info.size, info.method, source_id))
            return source_id

    @staticmethod
    def _discard(cur: psycopg.Cursor, source_id: int) -> None:
        """Remove what an unfinished run stored for a source, and cables left without a record."""
        mine = "SELECT record_id FROM records WHERE source_id = %s"
        cur.execute(f"DELETE FROM record_terms WHERE record_id IN ({mine})", (source_id,))
        cur.execute(f"DELETE FROM refs WHERE record_id IN ({mine})", (source_id,))
        cur.execute("DELETE FROM records WHERE source_id = %s", (source_id,))
        empty = "SELECT cable_id FROM cables c WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.cable_id = c.cable_id)"
        cur.execute(f"DELETE FROM cable_keys WHERE cable_id IN ({empty})")
        cur.execute(f"DELETE FROM cables WHERE cable_id IN ({empty})")

    def add_records(self, source_id: int, rows: Sequence[RecordRow], finish: Finish | None = None) -> int:
        """Link each row to its cable in turn (a row may join or merge the cables of rows before it),
        then write the batch's records, terms and references with one COPY each."""
        if not rows:
            if finish is not None:
                self.finish_source(source_id, finish)
            return 0
        with self._write() as cur:
            linked: list[tuple[RecordRow, int]] = []  # rows of this batch with their cable, not yet written
            new_cables = 0
            # Every key of the batch looked up at once; kept exact as rows register keys and merge cables
            # (nobody else writes while we hold the writer lock), so linking a row costs one round trip.
            every_key = list({storable(k) for row in rows for k in row.keys})
            known = dict(cur.execute("SELECT key, cable_id FROM cable_keys WHERE key = ANY(%s)", (every_key,)).fetchall())
            for row in rows:
                cable_id, created, merged = self._cable_for(cur, row, linked, known)
                new_cables += created
                linked = [(r, cable_id if c in merged else c) for r, c in linked]  # they follow a merge too
                linked.append((row, cable_id))
            record_ids = self._new_record_ids(cur, len(rows))
            with cur.copy(_COPY_RECORDS) as copy:
                for record_id, (row, cable_id) in zip(record_ids, linked, strict=True):
                    copy.write_row(tuple(map(storable, (record_id, source_id, row.locator, row.label, cable_id,
                                                        *(row.columns[k] for k in _COLUMNS)))))
            with cur.copy("COPY record_terms (field, value, record_id) FROM STDIN") as copy:
                for record_id, row in zip(record_ids, rows, strict=True):
                    for f, v in row.terms:
                        copy.write_row((storable(f), storable(v), record_id))
            with cur.copy("COPY refs (record_id, position, letter, raw, ref_id) FROM STDIN") as copy:
                for record_id, row in zip(record_ids, rows, strict=True):
                    for i, ref in enumerate(row.refs):
                        copy.write_row((record_id, i, *map(storable, ref)))
            cur.execute("UPDATE sources SET documents = documents + %s WHERE source_id = %s", (len(rows), source_id))
            if finish is not None:
                self._finish(cur, source_id, finish)
        return new_cables

    def _new_record_ids(self, cur: psycopg.Cursor, n: int) -> list[int]:
        if self._record_ids is None:
            self._record_ids = cur.execute("SELECT pg_get_serial_sequence('records', 'record_id')").fetchone()[0]
        return sorted(r[0] for r in cur.execute("SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
                                                (self._record_ids, n)))

    @classmethod
    def _cable_for(cls, cur: psycopg.Cursor, row: RecordRow, linked: list[tuple[RecordRow, int]],
                   known: dict[str, int]) -> tuple[int, bool, set[int]]:
        """The cable this record belongs to: the one holding any of its keys (merging cables the record
        shows to be one), else a new one; whether it is new; the cables merged into it. Registers the
        record's keys, in the table and in ``known`` (key -> cable). A ``near:`` key names only a
        candidate, joined when :meth:`_near_cables` proves it the same cable (as
        :class:`~.sqlite.SQLiteStore` does)."""
        keys = [storable(k) for k in row.keys]
        hits = [(k, known[k]) for k in keys if k in known]
        found = list(dict.fromkeys(c for k, c in hits if not k.startswith("near:")))
        candidates = [c for c in dict.fromkeys(c for k, c in hits if k.startswith("near:")) if c not in found]
        found += cls._near_cables(cur, row, found, candidates, linked)
        canonical = storable(row.columns["canonical_id"])
        others: list[int] = []
        if not found:  # the common case: a new cable and its keys, in one statement
            cable_id = cur.execute(
                "WITH c AS (INSERT INTO cables (canonical_id) VALUES (%s) RETURNING cable_id), "
                "k AS (INSERT INTO cable_keys (key, cable_id) SELECT unnest(%s::text[]), cable_id FROM c "
                "ON CONFLICT (key) DO NOTHING) SELECT cable_id FROM c", (canonical, keys)).fetchone()[0]
        else:
            cable_id = min(found)
            others = [x for x in found if x != cable_id]
            if others:
                cur.execute("UPDATE records SET cable_id = %s WHERE cable_id = ANY(%s)", (cable_id, others))
                cur.execute("UPDATE cable_keys SET cable_id = %s WHERE cable_id = ANY(%s)", (cable_id, others))
                cur.execute("UPDATE cables SET canonical_id = COALESCE(canonical_id, (SELECT canonical_id FROM cables "
                            "WHERE cable_id = ANY(%s) AND canonical_id IS NOT NULL ORDER BY cable_id LIMIT 1)) "
                            "WHERE cable_id = %s", (others, cable_id))
                cur.execute("DELETE FROM cables WHERE cable_id = ANY(%s)", (others,))
                for key, owner in known.items():
                    if owner in others:
                        known[key] = cable_id
            if canonical:
                cur.execute("UPDATE cables SET canonical_id = %s WHERE cable_id = %s AND canonical_id IS NULL",
                            (canonical, cable_id))
            cur.execute("INSERT INTO cable_keys (key, cable_id) SELECT unnest(%s::text[]), %s "
                        "ON CONFLICT (key) DO NOTHING", (keys, cable_id))
        for key in keys:
            known.setdefault(key, cable_id)
        return cable_id, not found, set(others)

    @staticmethod
    def _near_cables(cur: psycopg.Cursor, row: RecordRow, found: list[int], candidates: list[int],
                     linked: list[tuple[RecordRow, int]]) -> list[int]:
        """The candidate cables that hold a record with the same body (:func:`near_match`), so long as
        no two different canonical ids end up in one cable. A cable's records are its first three,
        counting rows of this batch that are linked but not yet written."""
        if not candidates:
            return []
        canonical = dict(cur.execute("SELECT cable_id, canonical_id FROM cables WHERE cable_id = ANY(%s)",
                                     (found + candidates,)).fetchall())
        ids = {i for i in [row.columns["canonical_id"], *(canonical.get(f) for f in found)] if i}
        joined: list[int] = []
        for cable_id in candidates:
            cable_canonical = canonical.get(cable_id)
            if cable_canonical and ids - {cable_canonical}:
                continue
            stored = cur.execute("SELECT json, text FROM records WHERE cable_id = %s ORDER BY record_id LIMIT 3",
                                 (cable_id,)).fetchall()
            stored += [(r.columns["json"], r.columns["text"]) for r, c in linked if c == cable_id]
            if any(near_match(row.shingles, row.columns["canonical_id"], j, t, cable_canonical) for j, t in stored[:3]):
                joined.append(cable_id)
                ids |= {cable_canonical} if cable_canonical else set()
        return joined

    def finish_source(self, source_id: int, finish: Finish) -> None:
        with self._write() as cur:
            self._finish(cur, source_id, finish)

    @staticmethod
    def _finish(cur: psycopg.Cursor, source_id: int, finish: Finish) -> None:
        cur.execute("UPDATE sources SET status = %s, reason = %s, pages = COALESCE(%s, pages), "
                    "method = COALESCE(%s, method), finished_at = now() WHERE source_id = %s",
                    (finish.status, storable(finish.reason), finish.pages, finish.method, source_id))

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


# Relational consistency: the same questions the SQLite store asks (PostgreSQL enforces the foreign keys).
_CONSISTENCY = (
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
    problems: list[str] = []
    notes: list[str] = []
    invalid = conn.execute("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                           "JOIN pg_class t ON t.oid = i.indrelid WHERE NOT i.indisvalid AND t.relnamespace = "
                           "current_schema()::regnamespace ORDER BY 1").fetchall()
    problems.extend(f"index {name} is invalid (REINDEX it)" for (name,) in invalid)
    counts = {name: conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]
              for name in ("sources", "records", "cables", "cable_keys", "record_terms", "refs")}
    for what, sql in _CONSISTENCY:
        n = conn.execute(sql).fetchone()[0]
        if n:
            problems.append(f"{what}: {n}")
    by_status = dict(conn.execute("SELECT status, COUNT(*) FROM sources GROUP BY status").fetchall())
    if by_status.get("pending"):
        notes.append(f"{by_status['pending']} source(s) pending: an ingest was interrupted; run it again to finish them")
    if by_status.get("failed"):
        notes.append(f"{by_status['failed']} source(s) failed (`cablegram check` lists them)")
    counts.update({f"sources {k}": v for k, v in by_status.items()})
    counts["schema version"] = version
    return CheckReport(tuple(problems), tuple(notes), counts)

