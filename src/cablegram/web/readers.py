"""A :class:`~cablegram.archive.Reader` per server thread, on the archive's search index when it has one.

A store's connection serves one statement stream at a time (SQLite's progress handler, which stops
slow facets, belongs to the connection), so each thread of the server's pool opens its own and keeps
it; streaming exports open one of their own for as long as the stream lasts. The tantivy index is
opened once and shared (its searchers are safe across threads). It is kept in step with the store —
after an upload, or an ingest by another process or worker — by a check at most every few seconds.

The start and browse pages summarise the whole archive (how much it holds, the months, the most
frequent TAGS, posts and people). Over a million cables each summary costs a tenth of a second to
seconds, and it changes only when the archive does, so the readers share one answer per state of the
archive (the index's watermark, or the store's change-log head without an index) and viewer.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ..archive import UNRESTRICTED, Reader, Store, Viewer, open_store
from ..archive.read import Trend

T = TypeVar("T")

log = logging.getLogger("cablegram.web")
CHECK_EVERY = 2.0  # seconds between two checks that the index is in step with the store


class Readers:
    """Opens the archive at ``db`` lazily, once per thread; :meth:`close` closes them all."""

    def __init__(self, db: str, *, use_index: bool = True):
        self.db = db
        self._local = threading.local()
        self._lock = threading.Lock()
        self._stores: list[Store] = []
        self._index_lock = threading.Lock()
        self.index = self._open_index() if use_index else None
        self._checked = time.monotonic()
        self.summaries = StateMemo()

    def get(self) -> Reader:
        reader = getattr(self._local, "reader", None)
        if reader is None:
            reader = self._local.reader = SummaryReader(self.open(), index=self.index, memo=self.summaries)
        if self.index is not None and time.monotonic() - self._checked > CHECK_EVERY:
            self.catch_up(reader.store)
        return reader

    def open(self) -> Store:
        """A store of its own (closed by :meth:`close` unless the caller releases it first)."""
        store = open_store(self.db, create=False)
        with self._lock:
            self._stores.append(store)
        return store

    def release(self, store: Store) -> None:
        with self._lock:
            if store in self._stores:
                self._stores.remove(store)
        store.close()

    def close(self) -> None:
        with self._lock:
            stores, self._stores = self._stores, []
        for store in stores:
            store.close()

    # -- the search index ----------------------------------------------------------------------------
    def _open_index(self):
        from ..archive.index import (  # tantivy loads only when needed
            default_index_folder,
            ready_index,
        )

        store = self.open()
        index, note = ready_index(store, default_index_folder(store))
        if note:
            log.warning("%s", note)
        log.info("searching %s", "with the search index" if index else "with the store's full-text index")
        return index

    def catch_up(self, store: Store, *, wait: bool = False) -> None:
        """Apply the store's changes the index has not seen (one thread at a time; unless ``wait``, the
        others go on searching the index as it is)."""
        from ..archive.index import IndexBusy, IndexStale

        if self.index is None or not self._index_lock.acquire(blocking=wait):
            return
        try:
            self._checked = time.monotonic()
            self.index.update(store)
        except IndexBusy:  # another process is writing it: it will be in step when that one commits
            self.index.index.reload()
        except (IndexStale, OSError, ValueError) as exc:
            log.warning("search index not updated: %s; `cablegram reindex` rebuilds it", exc)
            self._checked = float("inf")  # said once; the index stays as it is until a restart
        finally:
            self._index_lock.release()


class StateMemo:
    """Answers kept for one state of the archive: a new state forgets them all.

    Threads asking the same question at once compute it once (the others wait for that answer)
    rather than each running the same aggregation over a million records.
    """

    def __init__(self, capacity: int = 256):
        self.capacity = capacity
        self._lock = threading.Lock()
        self._state: Hashable = None
        self._answers: dict[Hashable, Any] = {}
        self._computing: dict[Hashable, threading.Lock] = {}

    def get(self, state: Hashable, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if state != self._state:
                self._state, self._answers, self._computing = state, {}, {}
            if key in self._answers:
                return self._answers[key]
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                if state == self._state and key in self._answers:
                    return self._answers[key]  # computed by the thread we waited for
            answer = compute()
            with self._lock:
                if state == self._state and len(self._answers) < self.capacity:
                    self._answers[key] = answer
            return answer


class SummaryReader(Reader):
    """A :class:`Reader` whose whole-archive summaries (:meth:`overview`, :meth:`browse`) come from a
    memo shared by every thread's reader, keyed by the archive's state and the viewer."""

    def __init__(self, store: Store, viewer: Viewer = UNRESTRICTED, index=None, *, memo: StateMemo):
        super().__init__(store, viewer, index)
        self._memo = memo

    def state(self) -> tuple[str, int]:
        """What the summaries were computed from: the index's watermark when searches use the index
        (it may lag the store by a few seconds), else the head of the store's change log."""
        from ..archive.index import store_head

        if self.index is not None:
            return ("index", self.index.watermark())
        return ("store", store_head(self.store))

    def overview(self) -> dict[str, Any]:
        return dict(self._memo.get(self.state(), ("overview", self.viewer), super().overview))

    def browse(self, facet: str, *, limit: int = 50) -> tuple[Trend, ...]:
        key = ("browse", self.viewer, facet.strip().lower(), limit)
        return self._memo.get(self.state(), key, lambda: super(SummaryReader, self).browse(facet, limit=limit))
