"""The record store interface: what ingest writes through and what the reader reads through.

Writing is the same for every store (:mod:`.write`): a store provides a write transaction
(:meth:`Store.writing`) and the write methods here run the shared write path in it.

Two implementations: :class:`SQLiteStore` (the default) and :class:`PostgresStore` (its own
migrations and text search); a tantivy index is derived from whichever store is the source of truth. Nothing outside ``cablegram.archive`` talks to a database directly:
ingest calls the write methods, :class:`cablegram.archive.read.Reader` the read ones.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from ..search import Compiled, Node
from . import write
from .dialect import Dialect
from .rows import RecordRow
from .schema import Migration

__all__ = ["CheckReport", "Finish", "SourceInfo", "Store", "StoreTimeout"]


class StoreTimeout(Exception):
    """A read ran past its time budget and was stopped (facets degrade instead of failing)."""


@dataclass(frozen=True)
class SourceInfo:
    """A file about to be read.

    Attributes:
        sha256: hash of the file's bytes: the identity that makes ingest idempotent.
        path: the path given (``a.zip`` for a zip; ``<stdin>`` for standard input).
        size: bytes.
        method: how its text is obtained: ``text``, ``jsonl``, ``csv``, ``zip``, ``pdf-text-layer``.
    """

    sha256: str
    path: str
    size: int
    method: str


@dataclass(frozen=True)
class Finish:
    """How a source ended: ``ok`` (every readable document stored; ``reason`` lists what was not) or
    ``failed`` (nothing could be read; ``reason`` says why). ``pages`` for PDFs; ``method``, when not
    None, replaces the source's method (a PDF: ``pdf-text-layer``, ``pdf-ocr`` or ``pdf-mixed``)."""

    status: str
    reason: str | None = None
    pages: int | None = None
    method: str | None = None


@dataclass(frozen=True)
class CheckReport:
    """The result of :meth:`Store.check`: ``problems`` make the archive inconsistent; ``notes`` do not
    (an interrupted ingest leaves pending sources, which a re-run finishes)."""

    problems: tuple[str, ...]
    notes: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


class Store(ABC):
    """A record store. Every write method is one transaction: after a crash at any point the store
    holds either all of a call's effects or none of them."""

    #: The SQL in which this store differs from the others (full-text join, match, rank, snippet).
    #: Read statements use ``?`` placeholders whatever the store; :meth:`rows` translates if it must.
    dialect: Dialect

    #: The store's schema, oldest first (:mod:`.schema`, :mod:`.pg_schema`).
    migrations: tuple[Migration, ...]
    #: The SQL type of ``schema_migrations.applied_at``.
    timestamp_type: str

    # -- what each store provides for writing -------------------------------------------------------
    @abstractmethod
    def writing(self) -> AbstractContextManager[write.Transaction]:
        """One write transaction, writers serialised: committed when the block ends, rolled back when
        it raises. The write path (:mod:`.write`) runs in it."""

    @abstractmethod
    def schema_version(self) -> int:
        """The highest migration the archive has (0 for none), read without taking the writer's lock."""

    # -- writing (ingest): the same for every store -------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply every migration the archive has not recorded, in order, each in its own transaction."""
        with self.writing() as tx:
            tx.run("CREATE TABLE IF NOT EXISTS schema_migrations "
                   f"(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at {self.timestamp_type} NOT NULL)")
        recorded = {row["version"] for row in self.rows("SELECT version FROM schema_migrations")}
        applied = []
        for migration in self.migrations:
            if migration.version in recorded:  # the common case, decided without taking the lock
                continue
            with self.writing() as tx:
                if write.apply_migration(tx, migration):
                    applied.append(migration.version)
        return applied

    def source_status(self, sha256: str) -> str | None:
        """``ok``, ``pending``, ``failed``, or None when the source was never seen."""
        found = list(self.rows("SELECT status FROM sources WHERE sha256 = ?", (sha256,)))
        return found[0]["status"] if found else None

    def begin_source(self, info: SourceInfo) -> int:
        """Mark the source pending (before any of it is read), discarding what an interrupted earlier
        run stored for it; return its id."""
        with self.writing() as tx:
            return write.begin_source(tx, info)

    def add_records(self, source_id: int, rows: Sequence[RecordRow], finish: Finish | None = None) -> int:
        """Store records of a pending source, linking each to its cable; with ``finish``, close the
        source in the same transaction. Returns how many new cables were created."""
        with self.writing() as tx:
            return write.add_records(tx, source_id, rows, finish)

    def finish_source(self, source_id: int, finish: Finish) -> None:
        """Close a source with nothing more to store."""
        with self.writing() as tx:
            write.finish_source(tx, source_id, finish)

    # -- reading (only through cablegram.archive.read.Reader) ---------------------------------------
    @abstractmethod
    def compile(self, node: Node) -> Compiled:
        """The query AST in this store's SQL dialect."""

    @abstractmethod
    def rows(self, sql: str, params: tuple = (), timeout: float | None = None) -> Iterator[dict[str, Any]]:
        """Run a read-only statement and stream its rows; raise StoreTimeout past ``timeout`` seconds."""

    @abstractmethod
    def changes_since(self, seq: int, limit: int) -> list[tuple[int, int, str]]:
        """The change log after ``seq``, oldest first, at most ``limit`` entries: ``(seq, record_id, op)``
        with ``op`` ``add`` (the record was stored) or ``drop`` (it was deleted). A derived index that
        has applied every change up to ``seq`` catches up by applying these."""

    @abstractmethod
    def check(self) -> CheckReport:
        """Verify the archive: storage integrity, the text index in step, no duplicates, no orphans."""

    @abstractmethod
    def close(self) -> None: ...

    def folder(self) -> Path | None:
        """The folder the archive lives in, for files kept beside the records (the OCR cache); None for
        a store on a server."""
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
