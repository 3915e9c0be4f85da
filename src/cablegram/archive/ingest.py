"""Ingest: inputs -> documents -> parsed rows (in worker processes) -> the store, one transaction a batch.

The pipeline, in order:

1. ``find_files``   the inputs named, folders walked recursively
2. for each input: its sha256; skipped when the store already holds it complete (``ok``)
3. ``begin_source`` marks it pending *before* it is read (discarding what an interrupted run left)
4. ``documents``    streams its documents; each batch is parsed by :func:`parse_batch` in a worker
5. ``add_records``  stores each parsed batch in one transaction; the last one also marks the
                    source ``ok`` (or ``failed`` with the reason)

A kill at any moment leaves whole transactions only: sources already ``ok`` are complete, a pending
one is redone from scratch by the next run. One bad file, row or member never stops the batch: it is
reported in the :class:`IngestReport` and in the source's ``reason``.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    wait,
)
from dataclasses import dataclass, field
from typing import Protocol

from ..parse import parse
from .discover import Document, Input, Problem, documents, find_files, method_for
from .ocr import Ocr, cache_folder
from .pdf import pdf_text
from .rows import RecordRow, row_for
from .store import Finish, SourceInfo, Store

__all__ = ["IngestReport", "Progress", "ingest", "parse_batch"]

# Documents per worker task, and per transaction. FTS5 writes a segment per transaction and merges
# them as they pile up, so bigger transactions cost the writer less: over 10,000 synthetic cables its
# CPU per cable fell from 0.67 ms at 32 to 0.50 ms at 256 (0.48 ms at 512). In flight at most
# 3 x jobs batches: a few tens of MB.
BATCH = 256
MAX_REASONS = 20


class Progress(Protocol):
    """What ingest reports while it runs (the CLI draws a progress bar from it)."""

    def start(self, files: int) -> None: ...

    def file_done(self) -> None: ...

    def stored(self, records: int) -> None: ...


class _Silent:
    def start(self, files: int) -> None: ...

    def file_done(self) -> None: ...

    def stored(self, records: int) -> None: ...


@dataclass
class IngestReport:
    """What a run did. ``failed`` and ``warnings`` are ``(path, reason)``."""

    files: int = 0
    already: int = 0
    sources_ok: int = 0
    documents: int = 0
    new_cables: int = 0
    kinds: Counter = field(default_factory=Counter)
    defects: Counter = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    ocr_run: int = 0  # PDF pages read by running Tesseract
    ocr_cached: int = 0  # PDF pages whose OCR text came from the cache
    worker_cpu: float = 0.0  # CPU seconds the workers spent on their batches (reading PDFs, parsing, building rows)
    parse_cpu: float = 0.0  # of worker_cpu, inside parse(): the rest is the archive's own work
    store_cpu: float = 0.0  # CPU seconds this process spent writing to the store
    idle: float = 0.0  # seconds this process waited for a worker's batch (nothing to write)

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class _Outcome:
    rows: tuple[RecordRow, ...]
    problems: tuple[Problem, ...]
    pages: int | None = None
    fatal: str | None = None
    method: str | None = None  # how a whole-file PDF's text was obtained (pdf-text-layer, pdf-ocr, pdf-mixed)
    ocr_run: int = 0
    ocr_cached: int = 0
    cpu: float = 0.0  # CPU seconds the worker spent on the batch
    parse_cpu: float = 0.0  # of cpu, inside parse()


def parse_batch(docs: tuple[Document, ...], ocr: Ocr | None = None) -> _Outcome:
    """Parse documents into stored rows (runs in a worker process; never raises for a document).
    PDF pages without a text layer are OCR'd with ``ocr``."""
    started = time.process_time()
    rows, problems, pages, fatal, method, ran, cached, parsing = [], [], None, None, None, 0, 0, 0.0
    for doc in docs:
        data = doc.data
        if doc.form == "pdf":
            try:
                layer = pdf_text(data, ocr)  # type: ignore[arg-type]
            except ValueError as exc:
                problems.append(Problem(doc.locator, str(exc)))
                fatal = str(exc) if len(docs) == 1 and not doc.locator else fatal
                continue
            pages = (pages or 0) + layer.pages
            ran, cached = ran + layer.ocr_run, cached + layer.ocr_cached
            method = layer.method if not doc.locator else method
            note = layer.failure_note()
            if not layer.text and not doc.locator:
                fatal = note or "no text"
                continue
            if note:
                problems.append(Problem(doc.locator, note))
            if not layer.text:
                continue
            data = layer.text
        try:
            parse_from = time.process_time()
            record = parse(data, path=doc.path)
            parsing += time.process_time() - parse_from
            rows.append(row_for(record, doc.locator, doc.label))
        except Exception as exc:  # noqa: BLE001 - a bug on one document must not lose the batch
            problems.append(Problem(doc.locator, f"internal error {type(exc).__name__}: {exc}"))
    return _Outcome(tuple(rows), tuple(problems), pages, fatal, method, ran, cached, time.process_time() - started,
                    parsing)


class _Inline(Executor):
    """Runs each task at once in this process (``--jobs 1``): the same pipeline, no worker processes."""

    def submit(self, fn, /, *args, **kwargs) -> Future:  # type: ignore[override]
        fut: Future = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future, as a pool would
            fut.set_exception(exc)
        return fut


@dataclass
class _Open:
    """A source being read: how many batches are still out, and what went wrong so far."""

    source_id: int
    path: str
    outstanding: int = 0
    submitted_all: bool = False
    problems: list[Problem] = field(default_factory=list)
    pages: int | None = None
    fatal: str | None = None
    documents: int = 0
    method: str | None = None

    def finish(self, last_rows: int = 0) -> Finish:
        """How the source ends, counting the ``last_rows`` stored with this very call."""
        reasons = [f"{p.locator}: {p.message}" if p.locator else p.message for p in self.problems]
        reason = "; ".join(reasons[:MAX_REASONS]) + (f"; and {len(reasons) - MAX_REASONS} more" if len(reasons) > MAX_REASONS else "")
        if self.fatal or (self.documents + last_rows == 0 and self.problems):
            return Finish("failed", self.fatal or reason, self.pages, self.method)
        return Finish("ok", reason or None, self.pages, self.method)


def _batches(items: Iterable[Document | Problem], size: int) -> Iterator[tuple[list[Document], list[Problem]]]:
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in items:
        (problems if isinstance(item, Problem) else docs).append(item)  # type: ignore[arg-type]
        if len(docs) >= size or (docs and docs[-1].form == "pdf"):
            yield docs, problems
            docs, problems = [], []
    if docs or problems:
        yield docs, problems


class _Run:
    def __init__(self, store: Store, executor: Executor, jobs: int, progress: Progress, ocr: Ocr | None = None):
        self.store, self.executor, self.progress, self.ocr = store, executor, progress, ocr
        self.report = IngestReport()
        self.inflight: dict[Future, _Open] = {}
        self.max_inflight = max(2, jobs * 3)

    def source(self, item: Input, text_field: str, seen: set[str]) -> None:
        try:
            sha, size = item.sha256_and_size()
        except OSError as exc:
            self.report.failed.append((item.path, f"cannot be read ({exc.strerror or exc})"))
            self.progress.file_done()
            return
        if sha in seen or self.store.source_status(sha) == "ok":
            self.report.already += 1
            self.progress.file_done()
            return
        seen.add(sha)
        state = _Open(self.store.begin_source(SourceInfo(sha, item.path, size, method_for(item.form, text_field))), item.path)
        try:
            for docs, problems in _batches(documents(item, text_field), BATCH):
                state.problems.extend(problems)
                if docs:
                    self._wait(self.max_inflight - 1)
                    state.outstanding += 1
                    self.inflight[self.executor.submit(parse_batch, tuple(docs), self.ocr)] = state
        except (OSError, ValueError) as exc:
            state.fatal = str(exc) if isinstance(exc, ValueError) else f"cannot be read ({exc.strerror or exc})"
        state.submitted_all = True
        if state.outstanding == 0:
            self._close(state, ())

    def _wait(self, limit: int) -> None:
        while len(self.inflight) > limit:
            idle_from = time.monotonic()
            done, _ = wait(self.inflight, return_when=FIRST_COMPLETED)
            self.report.idle += time.monotonic() - idle_from
            for fut in done:
                state = self.inflight.pop(fut)
                state.outstanding -= 1
                try:
                    outcome = fut.result()
                except Exception as exc:  # noqa: BLE001 - a worker that died takes only its batch
                    outcome = _Outcome((), (Problem("", f"worker failed: {type(exc).__name__}: {exc}"),))
                state.problems.extend(outcome.problems)
                state.fatal = state.fatal or outcome.fatal
                if outcome.pages is not None:
                    state.pages = (state.pages or 0) + outcome.pages
                state.method = outcome.method or state.method
                self.report.ocr_run += outcome.ocr_run
                self.report.ocr_cached += outcome.ocr_cached
                self.report.worker_cpu += outcome.cpu
                self.report.parse_cpu += outcome.parse_cpu
                if state.submitted_all and state.outstanding == 0:
                    self._close(state, outcome.rows)
                elif outcome.rows:
                    self._store(state, outcome.rows, None)

    def _store(self, state: _Open, rows: tuple[RecordRow, ...], finish: Finish | None) -> None:
        started = time.process_time()
        self.report.new_cables += self.store.add_records(state.source_id, rows, finish)
        self.report.store_cpu += time.process_time() - started
        state.documents += len(rows)
        self.report.documents += len(rows)
        for row in rows:
            self.report.kinds[row.kind] += 1
            self.report.defects.update(row.defects)
        self.progress.stored(len(rows))

    def _close(self, state: _Open, rows: tuple[RecordRow, ...]) -> None:
        finish = state.finish(len(rows))
        self._store(state, rows, finish)
        if finish.status == "ok":
            self.report.sources_ok += 1
            if finish.reason:
                self.report.warnings.append((state.path, finish.reason))
        else:
            self.report.failed.append((state.path, finish.reason or "failed"))
        self.progress.file_done()

    def drain(self) -> None:
        self._wait(0)


def ingest(store: Store, names: Iterable[str], *, jobs: int = 1, text_field: str = "text",
           progress: Progress | None = None, stdin: bytes | None = None, ocr: Ocr | None = None) -> IngestReport:
    """Ingest files, folders, zips and ``-`` (standard input, or ``stdin``) into ``store``. PDF pages
    without a text layer are OCR'd with ``ocr`` (default: Tesseract from ``PATH``, cached in the
    archive folder's ``ocr-cache`` when the store has a folder)."""
    started = time.monotonic()
    progress = progress or _Silent()
    inputs, missing = find_files(names, stdin)
    progress.start(len(inputs))
    # forkserver: workers never inherit the parent's open SQLite connection (as fork would)
    executor: Executor = (ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("forkserver"))
                          if jobs > 1 else _Inline())
    run = _Run(store, executor, jobs, progress, ocr or Ocr.find(cache_folder(store.folder())))
    run.report.files = len(inputs)
    run.report.failed.extend((name, "no such file or folder") for name in missing)
    seen: set[str] = set()
    try:
        for item in inputs:
            run.source(item, text_field, seen)
        run.drain()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    run.report.seconds = time.monotonic() - started
    return run.report
