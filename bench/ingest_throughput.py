"""Ingest throughput: cables/s, CPU per 1,000 cables in the writer and the workers, archive size per cable.

    .venv/bin/python bench/ingest_throughput.py --count 30000 --seed 11 --jobs 2
    .venv/bin/python bench/ingest_throughput.py --corpus /tmp/ingestbench/c.jsonl --jobs 2 --index
    .venv/bin/python bench/ingest_throughput.py --count 20000 --store postgresql://user@host/empty_db

Writes a synthetic corpus (``cablegram synth``; kept beside the archive for the next run, or --corpus
to reuse one), ingests it into a fresh archive (a new folder each run; a PostgreSQL --store must be an
empty database) and prints:

* cables/s: documents stored / wall seconds of :func:`~cablegram.archive.ingest` (the index update
  is timed separately, with --index);
* writer CPU s per 1,000 cables: this process (reading the input, sending batches, writing the store),
  and of that, the time inside ``Store.add_records``;
* worker CPU s per 1,000 cables: parsing and building rows, as the workers measure it (their pickling
  and the pipe are not counted);
* how much of the wall time the writer waited for the workers (idle);
* the rate those CPU figures allow on --jobs cores, which wall time on a shared machine understates;
* archive bytes per cable (the SQLite folder, or the PostgreSQL database).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cablegram.archive import ingest, open_store


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
        report = ingest(store, [str(corpus)], jobs=args.jobs)
        writer_cpu = _cpu() - cpu
        n = report.documents
        if not n:
            sys.exit(f"{location}: nothing stored (was the archive not empty?)")
        per_k = 1000 / n
        allowed = args.jobs / ((writer_cpu + report.parse_cpu) / n)
        print(f"corpus       {corpus} ({n:,} cables), --jobs {args.jobs}, store {location}")
        print(f"throughput   {n / report.seconds:,.0f} cables/s ({report.seconds:.1f} s wall)")
        print(f"writer CPU   {writer_cpu * per_k:.2f} s per 1,000 cables (add_records {report.store_cpu * per_k:.2f} s)")
        print(f"worker CPU   {report.parse_cpu * per_k:.2f} s per 1,000 cables (parse and rows)")
        print(f"writer idle  {report.idle / report.seconds:.0%} of the wall time (waiting for the workers)")
        print(f"CPU allows   {allowed:,.0f} cables/s on {args.jobs} free cores")
        print(f"archive      {_archive_bytes(store, location) / n:,.0f} bytes per cable")
        if args.index:
            folder = (Path(location) if not location.startswith("postgres") else work / "pg-index") / "index"
            docs, wall, cpu = _index_update(store, folder)
            print(f"index        {docs:,} records in {wall:.1f} s ({docs / wall:,.0f}/s, {cpu * 1000 / docs:.2f} s CPU "
                  f"per 1,000 cables in this process)")


if __name__ == "__main__":
    main()
