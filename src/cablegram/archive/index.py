"""The tantivy search index: derived from the record store, never the only copy of anything.

The store is the source of truth. Every insert and delete of a record is logged in ``record_log``
(``seq``, ``record_id``, ``add``/``drop``); the index remembers the last ``seq`` it applied (its
*watermark*) and catches up by replaying the log after it (:meth:`SearchIndex.update`).

- **Atomic watermark.** The watermark is a document inside the index (field ``meta``), replaced in the
  same tantivy commit as the records it covers, so a kill at any moment leaves an index whose
  watermark says exactly what it holds.
- **Replaying is harmless.** A change is applied by deleting the record's document and, if the record
  is still in the store, adding it again from the store's current row; applying a change twice, or an
  ``add`` whose record has since been dropped, converges to the store's state.
- **Rebuild** (``cablegram reindex``) writes a new generation folder beside the current one, then
  switches the ``CURRENT`` file (written aside, then renamed: atomic) and removes the old generation;
  a kill during a rebuild leaves the old index in use.

Layout: ``<folder>/CURRENT`` names the generation in use, ``<folder>/gen-000001/`` holds tantivy's
files. For a SQLite archive the folder is ``<archive>/index``; for another store it is given.

The index carries what the access rules need (``class_rank`` today) so that hits, counts, facets and
snippets are filtered inside the index (:mod:`cablegram.archive.index_read`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from ..search.tantivy_compile import (
    COLUMN_FIELDS,
    DAY_FIELD,
    RECORD_ID,
    TEXT_FIELDS,
    YEAR_FIELD,
    day_number,
    term_field,
)
from .store import Store

__all__ = ["INDEX_FOLDER", "IndexBusy", "IndexStale", "IndexStatus", "SearchIndex", "default_index_folder",
           "index_status", "ready_index"]

INDEX_FOLDER = "index"
CURRENT = "CURRENT"
ANALYZER = "cable"
CLASS_RANK_FIELD = "class_rank"
DATE_KEY_FIELD = "date_key"  # (day, record_id) packed in one number: date order, then record id, as SQL sorts
MONTH_FIELD = "month"
META_FIELD, WATERMARK_FIELD, META_VALUE = "meta", "watermark", "watermark"
# record_terms fields; the first six are facets and the last two are browsed by the web pages (so all
# eight are fast fields: counted by aggregations); ``from.word`` and ``to.word`` only filter.
TERM_FIELDS = ("tag", "from", "to", "caption", "exemption", "defect", "from.word", "to.word", "drafter", "clearer")
FACET_TERMS = TERM_FIELDS[:6]
COUNTED_TERMS = (*FACET_TERMS, "drafter", "clearer")
_NO_DAY = 99_999_999  # records without a date sort last, as ``ORDER BY date IS NULL, date`` puts them
_FETCH = 500  # record ids per statement when reading rows from the store
_ROW_COLUMNS = ("record_id, subject, text, class_rank, date, year, classification, precedence, kind, era, released, eo")


class IndexBusy(Exception):
    """Another process is writing the index (tantivy allows one writer)."""


class IndexStale(Exception):
    """The index has applied changes the store never logged: it belongs to another (or an earlier)
    archive and must be rebuilt (``cablegram reindex``)."""


@dataclass(frozen=True)
class IndexStatus:
    """How an index stands against its store.

    Attributes:
        folder: where the index lives.
        exists: False when no index was ever built there (the other fields are then 0).
        watermark: the last change-log ``seq`` the index has applied.
        head: the store's last ``seq``.
        documents: records in the index.
        damage: why the index cannot be read, or None.
    """

    folder: Path
    exists: bool
    watermark: int = 0
    head: int = 0
    documents: int = 0
    damage: str | None = None

    @property
    def in_step(self) -> bool:
        return self.exists and self.damage is None and self.watermark == self.head

    def describe(self) -> str:
        if self.damage is not None:
            return f"search index at {self.folder} cannot be read ({self.damage}); run `cablegram reindex`"
        if not self.exists:
            return f"no search index at {self.folder} (searches use the store's full-text index)"
        if self.in_step:
            return f"search index in step: {self.documents:,} records, change {self.watermark:,}"
        if self.watermark > self.head:
            return (f"search index at {self.folder} is ahead of the store (change {self.watermark:,} > "
                    f"{self.head:,}): it belongs to another archive; run `cablegram reindex`")
        return (f"search index {self.head - self.watermark:,} change(s) behind the store; the next search or "
                f"ingest catches it up")


def default_index_folder(store: Store) -> Path | None:
    """``<archive>/index`` for a SQLite archive; None for a store without a folder (give ``--index``)."""
    folder = store.folder()
    return Path(folder) / INDEX_FOLDER if folder is not None else None


def _analyzer() -> tantivy.TextAnalyzer:
    """Words as FTS5's ``unicode61 remove_diacritics 2`` sees them: letters and digits, lower case,
    accents folded."""
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(100))
            .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build())


def _schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_unsigned_field(RECORD_ID, stored=True, indexed=True, fast=True)
    for field in TEXT_FIELDS:
        b.add_text_field(field, tokenizer_name=ANALYZER, index_option="position")
    b.add_unsigned_field(CLASS_RANK_FIELD, indexed=True, fast=True)
    b.add_unsigned_field(DATE_KEY_FIELD, indexed=True, fast=True)
    b.add_unsigned_field(DAY_FIELD, indexed=True, fast=True)
    b.add_integer_field(YEAR_FIELD, indexed=True, fast=True)
    for field in (*COLUMN_FIELDS, MONTH_FIELD):
        b.add_text_field(field, fast=True, tokenizer_name="raw")
    for term in TERM_FIELDS:
        b.add_text_field(term_field(term), fast=term in COUNTED_TERMS, tokenizer_name="raw")
    b.add_text_field(META_FIELD, tokenizer_name="raw")
    b.add_unsigned_field(WATERMARK_FIELD, stored=True)
    return b.build()


def field_names() -> tuple[str, ...]:
    """The schema's fields in the order :func:`_schema` adds them, which is how tantivy numbers them
    (``field=14`` in a query's description is ``field_names()[14]``)."""
    return (RECORD_ID, *TEXT_FIELDS, CLASS_RANK_FIELD, DATE_KEY_FIELD, DAY_FIELD, YEAR_FIELD, *COLUMN_FIELDS,
            MONTH_FIELD, *(term_field(t) for t in TERM_FIELDS), META_FIELD, WATERMARK_FIELD)


def _document(row: dict[str, Any], terms: list[tuple[str, str]]) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_unsigned(RECORD_ID, row["record_id"])
    for field in TEXT_FIELDS:
        doc.add_text(field, row[field] or "")
    doc.add_unsigned(CLASS_RANK_FIELD, row["class_rank"])
    day = day_number(row["date"])
    doc.add_unsigned(DATE_KEY_FIELD, ((day if day is not None else _NO_DAY) << 32) | row["record_id"])
    if day is not None:
        doc.add_unsigned(DAY_FIELD, day)
    if row["year"] is not None:
        doc.add_integer(YEAR_FIELD, row["year"])
    for field in COLUMN_FIELDS:
        if row[field] is not None:
            doc.add_text(field, str(row[field]))
    if row["date"]:
        doc.add_text(MONTH_FIELD, row["date"][:7])
    for term, value in terms:
        if term in TERM_FIELDS:
            doc.add_text(term_field(term), value)
    return doc


def _meta(watermark: int) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text(META_FIELD, META_VALUE)
    doc.add_unsigned(WATERMARK_FIELD, watermark)
    return doc


# -- reading the store --------------------------------------------------------------------------------
def store_head(store: Store) -> int:
    """The store's last change-log ``seq`` (0 when nothing was ever stored)."""
    return next(store.rows("SELECT COALESCE(MAX(seq), 0) AS seq FROM record_log"))["seq"]


def _documents_for(store: Store, record_ids: Sequence[int]) -> Iterator[tantivy.Document]:
    """The index documents of those records still in the store (portable SQL through ``Store.rows``)."""
    for i in range(0, len(record_ids), _FETCH):
        chunk = list(record_ids[i:i + _FETCH])
        marks = ", ".join("?" * len(chunk))
        terms: dict[int, list[tuple[str, str]]] = {}
        for t in store.rows(f"SELECT record_id, field, value FROM record_terms WHERE record_id IN ({marks})", tuple(chunk)):
            terms.setdefault(t["record_id"], []).append((t["field"], t["value"]))
        for row in store.rows(f"SELECT {_ROW_COLUMNS} FROM records WHERE record_id IN ({marks})", tuple(chunk)):
            yield _document(row, terms.get(row["record_id"], []))


def _all_record_ids(store: Store, page: int = 10_000) -> Iterator[list[int]]:
    last = -1
    while ids := [r["record_id"] for r in store.rows(
            "SELECT record_id FROM records WHERE record_id > ? ORDER BY record_id LIMIT ?", (last, page))]:
        yield ids
        last = ids[-1]


# -- generations --------------------------------------------------------------------------------------
def _current(folder: Path) -> Path | None:
    try:
        name = (folder / CURRENT).read_text().strip()
    except FileNotFoundError:
        return None
    return folder / name if name else None


def _switch(folder: Path, generation: Path) -> None:
    """Point ``CURRENT`` at ``generation`` atomically (write aside, fsync, rename)."""
    tmp = folder / f"{CURRENT}.{os.getpid()}.tmp"
    with open(tmp, "w") as fh:
        fh.write(generation.name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / CURRENT)
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _next_generation(folder: Path) -> Path:
    numbers = [int(p.name[4:]) for p in folder.glob("gen-*") if p.name[4:].isdigit()]
    return folder / f"gen-{max(numbers, default=0) + 1:06d}"


class SearchIndex:
    """One generation of the index, open for searching and catching up. Open with :meth:`open`; make
    or remake with :meth:`rebuild`."""

    def __init__(self, folder: Path, generation: Path, index: tantivy.Index):
        self.folder = folder
        self.generation = generation
        self.index = index
        self.schema = index.schema
        self._analyzer = _analyzer()
        self.index.register_tokenizer(ANALYZER, self._analyzer)

    @classmethod
    def open(cls, folder: str | Path) -> SearchIndex | None:
        """The index in ``folder``, or None when none was built there."""
        folder = Path(folder)
        generation = _current(folder)
        if generation is None or not tantivy.Index.exists(str(generation)):
            return None
        return cls(folder, generation, tantivy.Index.open(str(generation)))

    @classmethod
    def rebuild(cls, folder: str | Path, store: Store, *, commit_every: int = 100_000,
                progress: Callable[[int], None] | None = None) -> SearchIndex:
        """Build the index of every record in ``store`` into a new generation, then switch to it."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        generation = _next_generation(folder)
        generation.mkdir()
        built = cls(folder, generation, tantivy.Index(_schema(), path=str(generation)))
        head = store_head(store)  # changes after this are replayed by the next update (harmlessly)
        writer = built._writer()
        done = 0
        for ids in _all_record_ids(store):
            for doc in _documents_for(store, ids):
                writer.add_document(doc)
            done += len(ids)
            if progress:
                progress(done)
            if done % commit_every < len(ids):
                writer.commit()
        writer.add_document(_meta(head))
        writer.commit()
        writer.wait_merging_threads()
        _switch(folder, generation)
        for old in folder.glob("gen-*"):
            if old != generation:
                shutil.rmtree(old, ignore_errors=True)
        built.index.reload()
        return built

    # -- keeping in step -------------------------------------------------------------------------------
    def _writer(self) -> tantivy.IndexWriter:
        try:
            return self.index.writer(heap_size=128_000_000)
        except ValueError as exc:
            if "lock" in str(exc).lower():
                raise IndexBusy(f"{self.folder}: another process is updating the search index") from exc
            raise

    def watermark(self) -> int:
        """The last change-log ``seq`` this index has applied."""
        searcher = self.index.searcher()
        found = searcher.search(tantivy.Query.term_query(self.schema, META_FIELD, META_VALUE), 1).hits
        return searcher.doc(found[0][1]).get_first(WATERMARK_FIELD) if found else 0

    def documents(self) -> int:
        return max(self.index.searcher().num_docs - 1, 0)  # less the watermark document

    def status(self, store: Store) -> IndexStatus:
        return IndexStatus(self.folder, True, self.watermark(), store_head(store), self.documents())

    def update(self, store: Store, *, batch: int = 20_000, progress: Callable[[int], None] | None = None) -> int:
        """Apply the store's changes after the watermark, ``batch`` changes per commit; return how many
        were applied. Raises :class:`IndexStale` when the index is ahead of the store, and
        :class:`IndexBusy` when another process is writing it."""
        watermark = self.watermark()
        if watermark > store_head(store):
            raise IndexStale(f"{self.folder}: the index has applied change {watermark}, the store has none past "
                             f"{store_head(store)}; run `cablegram reindex`")
        applied = 0
        writer = None
        while changes := store.changes_since(watermark, batch):
            writer = writer or self._writer()
            self._apply(writer, store, changes)
            watermark = changes[-1][0]
            applied += len(changes)
            if progress:
                progress(applied)
        if writer is not None:
            writer.wait_merging_threads()
            self.index.reload()
        return applied

    def replay(self, store: Store, changes: Sequence[tuple[int, int, str]]) -> None:
        """Apply ``changes`` (already applied or not: the result is the same) in one commit."""
        self._apply(self._writer(), store, changes)
        self.index.reload()

    def _apply(self, writer: tantivy.IndexWriter, store: Store, changes: Sequence[tuple[int, int, str]]) -> None:
        """Delete every record the changes touch and add back those still in the store; the watermark
        moves in the same commit."""
        touched = sorted({record_id for _, record_id, _ in changes})
        # by query: delete_documents_by_term would read a Python int as a signed term and miss the
        # unsigned record_id field
        writer.delete_documents_by_query(tantivy.Query.term_set_query(self.schema, RECORD_ID, touched))
        for doc in _documents_for(store, touched):
            writer.add_document(doc)
        writer.delete_documents_by_query(tantivy.Query.term_query(self.schema, META_FIELD, META_VALUE))
        writer.add_document(_meta(max(seq for seq, _, _ in changes)))
        writer.commit()

    # -- searching (used by cablegram.archive.index_read) ----------------------------------------------
    def analyze(self, text: str) -> list[str]:
        return self._analyzer.analyze(text)

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()


def index_status(folder: Path | None, store: Store) -> IndexStatus | None:
    """The status of the index in ``folder`` (None when there is no folder to look in)."""
    if folder is None:
        return None
    try:
        index = SearchIndex.open(folder)
    except (OSError, ValueError) as exc:
        return IndexStatus(folder, True, damage=str(exc))
    return index.status(store) if index is not None else IndexStatus(folder, False)


def ready_index(store: Store, folder: Path | None, *, create: bool = False) -> tuple[SearchIndex | None, str | None]:
    """The index in ``folder`` caught up with ``store`` (built first when missing and ``create``), and a
    note for the user when it cannot be used: another process is writing it and it is behind, or it
    belongs to another archive. Without a usable index (None) reads go through the store."""
    if folder is None:
        return None, None
    try:
        index = SearchIndex.open(folder)
    except (OSError, ValueError) as exc:  # tantivy reports a damaged index as ValueError
        return None, f"the search index at {folder} cannot be read ({exc}); run `cablegram reindex`"
    if index is None:
        return (SearchIndex.rebuild(folder, store), None) if create else (None, None)
    try:
        index.update(store)
    except IndexBusy as exc:
        status = index.status(store)
        return (index, None) if status.in_step else (None, f"{exc}; searching the store meanwhile")
    except IndexStale as exc:
        return None, str(exc)
    except (OSError, ValueError) as exc:  # e.g. a rebuild removed this generation while it was being updated
        return None, f"the search index at {folder} could not be updated ({exc}); searching the store meanwhile"
    return index, None
