"""Ingest throughput: cables/s, CPU per 1,000 cables in the writer and the workers, archive size per cable.

    .venv/bin/python bench/ingest_throughput.py --count 30000 --seed 11 --jobs 2
    .venv/bin/python bench/ingest_throughput.py --corpus /tmp/ingestbench/c.jsonl --jobs 2 --index
    .venv/bin/python bench/ingest_throughput.py --count 20000 --store postgresql://user@host/empty_db

Writes a synthetic corpus (``cablegram synth``; kept beside the archive for the next run, or --corpus
to reuse one), ingests it into a fresh archive (a new folder each run; a PostgreSQL --store must be an
empty database) and prints:

* cables/s: documents stored / wall seconds of :func:`~cablegram.archive.ingest` (the index update
  is timed separately, with --index);
* total CPU s per 1,000 cables: every process of the run (this one, the forkserver and the workers:
  parsing, building rows, pickling, the pipe, writing), from /proc, polled every 50 ms;
* writer CPU s per 1,000 cables: this process (reading the input, unpickling batches, writing the
  store), and of that, the time inside ``Store.add_records``;
* worker CPU s per 1,000 cables, as the workers measure it: inside ``parse()``, and the rest (reading,
  building rows: JSON, keys, MinHash);
* pickling s per 1,000 cables: a sample of the corpus's batches pickled and unpickled in this process
  (what a worker pays to send a batch, and the writer to receive it);
* how much of the wall time the writer waited for the workers (idle);
* the rate those CPU figures allow on --jobs cores, which wall time on a shared machine understates;
* archive bytes per cable (the SQLite folder, or the PostgreSQL database).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from cablegram.archive import ingest, open_store
from cablegram.archive.discover import Document
from cablegram.archive.ingest import BATCH, parse_batch

_TICK = os.sysconf("SC_CLK_TCK")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _corpus(args: argparse.Namespace, work: Path) -> Path:
    if args.corpus:
        return Path(args.corpus)
    path = work / f"synth-{args.count}-{args.seed}.jsonl"
    if not path.exists():
        cablegram = Path(sys.executable).parent / "cablegram"  # the venv's command
        subprocess.run([str(cablegram), "synth", "--count", str(args.count), "--seed",
                        str(args.seed), "--out", str(path)], check=True, stdout=subprocess.DEVNULL)
    return path


class _TreeCPU:
    """CPU seconds of this process and every process below it (the workers live under the forkserver),
    polled from /proc (``task/*/children``): a worker's last sample is taken within 50 ms of its end."""

    def __init__(self) -> None:
        self.seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> _TreeCPU:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def total(self) -> float:
        return sum(self.seen.values())

    def _poll(self) -> None:
        while not self._stop.wait(0.05):
            self._sample()

    def _sample(self) -> None:
        todo = [os.getpid()]
        while todo:
            pid = todo.pop()
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                for task in Path(f"/proc/{pid}/task").iterdir():
                    todo.extend(int(child) for child in (task / "children").read_text().split())
            except OSError:  # it ended meanwhile: its last sample stands
                continue
            self.seen[pid] = max(self.seen.get(pid, 0.0), (int(fields[11]) + int(fields[12])) / _TICK)


def _pickling(corpus: Path, batches: int = 10) -> tuple[float, float, int]:
    """CPU seconds to pickle and to unpickle the outcomes of ``batches`` batches of the corpus, and
    the number of cables in them."""
    docs = []
    with corpus.open(encoding="utf-8") as lines:
        for number, line in zip(range(batches * BATCH), lines):
            docs.append(Document(f"line {number + 1}", None, json.loads(line)["text"], str(corpus)))
    outcomes = [parse_batch(tuple(docs[i:i + BATCH])) for i in range(0, len(docs), BATCH)]
    started = time.process_time()
    sent = [pickle.dumps(o, pickle.HIGHEST_PROTOCOL) for o in outcomes]
    dumps = time.process_time() - started
    started = time.process_time()
    for data in sent:
        pickle.loads(data)
    return dumps, time.process_time() - started, len(docs)


def _archive_bytes(store, location: str) -> int:
    if location.startswith(("postgresql://", "postgres://")):
        return next(store.rows("SELECT pg_database_size(current_database()) AS n"))["n"]
    return sum(f.stat().st_size for f in Path(location).rglob("*") if f.is_file())


def _index_update(store, folder: Path) -> tuple[int, float, float]:
    from cablegram.archive.index import SearchIndex

    wall, cpu = time.monotonic(), _cpu()
    index = SearchIndex.open(folder) or SearchIndex.rebuild(folder, store)
    return index.documents(), time.monotonic() - wall, _cpu() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=30000, help="synthetic cables to write (ignored with --corpus)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--corpus", help="a .jsonl corpus to ingest instead of writing one")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--store", help="archive folder or postgresql:// URL (default: a new folder under --work)")
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "ingest-bench"),
                    help="where the corpus and the default archive go")
    ap.add_argument("--index", action="store_true", help="also build the tantivy search index and time it")
    args = ap.parse_args()

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    corpus = _corpus(args, work)
    location = args.store or tempfile.mkdtemp(prefix="archive-", dir=work)
    with open_store(location) as store:
        cpu = _cpu()
        with _TreeCPU() as tree:
            report = ingest(store, [str(corpus)], jobs=args.jobs)
        writer_cpu = _cpu() - cpu
        n = report.documents
        if not n:
            sys.exit(f"{location}: nothing stored (was the archive not empty?)")
        per_k = 1000 / n
        total = tree.total - cpu  # this process's CPU before the run (imports, opening) is not the run's
        dumps, loads, sample = _pickling(corpus)
        print(f"corpus       {corpus} ({n:,} cables), --jobs {args.jobs}, store {location}")
        print(f"throughput   {n / report.seconds:,.0f} cables/s ({report.seconds:.1f} s wall)")
        print(f"total CPU    {total * per_k:.2f} s per 1,000 cables (every process of the run)")
        print(f"writer CPU   {writer_cpu * per_k:.2f} s per 1,000 cables (add_records {report.store_cpu * per_k:.2f} s)")
        print(f"worker CPU   {report.worker_cpu * per_k:.2f} s per 1,000 cables (parse() {report.parse_cpu * per_k:.2f} s, "
              f"the rest {(report.worker_cpu - report.parse_cpu) * per_k:.2f} s)")
        print(f"pickling     {dumps * 1000 / sample:.3f} s to send, {loads * 1000 / sample:.3f} s to receive per 1,000 "
              f"cables (a sample of {sample:,})")
        print(f"writer idle  {report.idle / report.seconds:.0%} of the wall time (waiting for the workers)")
        print(f"CPU allows   {args.jobs / (total / n):,.0f} cables/s on {args.jobs} free cores")
        print(f"archive      {_archive_bytes(store, location) / n:,.0f} bytes per cable")
        if args.index:
            folder = (Path(location) if not location.startswith("postgres") else work / "pg-index") / "index"
            docs, wall, cpu = _index_update(store, folder)
            print(f"index        {docs:,} records in {wall:.1f} s ({docs / wall:,.0f}/s, {cpu * 1000 / docs:.2f} s CPU "
                  f"per 1,000 cables in this process)")


if __name__ == "__main__":
    main()
