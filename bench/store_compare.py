"""The two record stores side by side: ingest throughput and SQL search latency, SQLite against PostgreSQL.

    .venv/bin/cablegram synth --count 20000 --seed 1 --out /tmp/pgbench/c.jsonl
    .venv/bin/python bench/store_compare.py /tmp/pgbench/c.jsonl --sqlite /tmp/pgbench/sqlite \\
        --postgres postgresql://user@host/bench            # an empty database, or one this script filled

Ingests the file into each store with --jobs 2 (skipped when the store already holds it: re-ingesting
adds nothing), then runs the fixed query set of ``bench/archive_search.py`` through ``Reader`` with no
search index — the store's own SQL: FTS5 for SQLite, tsvector + GIN for PostgreSQL — top 20 ranked,
without and with four facets, and prints p50/p95 per category and store. Every query runs --repeat
times after one warm-up run. The totals of the two stores are compared, so that a fast wrong answer
cannot pass unnoticed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from archive_search import FACETS, QUERIES  # noqa: E402

from cablegram.archive import Reader, ingest, open_store  # noqa: E402


def _ingest(location: str, corpus: str, jobs: int) -> str:
    with open_store(location) as store:
        report = ingest(store, [corpus], jobs=jobs)
    if not report.documents:
        return "already ingested"
    return f"{report.documents:,} cables in {report.seconds:.1f} s = {report.rate:,.0f} cables/s"


def _latencies(location: str, facets: tuple[str, ...], repeat: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    times: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    with open_store(location, create=False) as store:
        reader = Reader(store)
        for category, query in QUERIES:
            totals[query] = reader.search(query, facets=facets).total  # warm-up
            for _ in range(repeat):
                t0 = time.perf_counter()
                reader.search(query, facets=facets)
                times.setdefault(category, []).append((time.perf_counter() - t0) * 1000)
    return times, totals


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--sqlite", required=True)
    ap.add_argument("--postgres", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    stores = {"sqlite": args.sqlite, "postgresql": args.postgres}
    for name, location in stores.items():
        print(f"ingest {name}: {_ingest(location, args.corpus, args.jobs)}")
    print("\n| store | facets | category | p50 ms | p95 ms |\n| --- | --- | --- | --- | --- |")
    answers = {}
    for with_facets in (False, True):
        for name, location in stores.items():
            times, answers[name] = _latencies(location, FACETS if with_facets else (), args.repeat)
            every = [t for ts in times.values() for t in ts]
            for category, ts in [*times.items(), ("all", every)]:
                print(f"| {name} | {'4' if with_facets else '-'} | {category} | {_p(ts, 50):.1f} | {_p(ts, 95):.1f} |")
    differ = [q for q in answers["sqlite"] if answers["sqlite"][q] != answers["postgresql"][q]]
    print(f"\n{len(QUERIES) - len(differ)} of {len(QUERIES)} queries give the same total on both stores")
    for q in differ:
        print(f"  differs: {q!r}: sqlite {answers['sqlite'][q]}, postgresql {answers['postgresql'][q]}")


if __name__ == "__main__":
    main()
