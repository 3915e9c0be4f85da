"""Archive benchmark: ingest, indexing and search latency, FTS5 (the store) against tantivy (the index).

    .venv/bin/python bench/archive_search.py --count 20000            # a SQLite archive in /tmp
    .venv/bin/python bench/archive_search.py --count 100000 --db postgresql://…/bench --index /tmp/ix

Builds (or, with the same --count and --seed, reuses) a synthetic corpus (`cablegram synth`), ingests it
with --jobs 2, times the ingest and a full index build, reports archive and index size per cable, then
runs a FIXED set of queries (words, phrases, prefixes, booleans, fielded filters; each with and without
facets), top 20 ranked results, through both paths and prints p50/p95 per category. Every query runs
--repeat times after one warm-up run; the figures are per-run latencies. The answers of the two paths
are compared (total count) so that a fast wrong answer cannot pass unnoticed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from cablegram.archive import Reader, ingest, open_store
from cablegram.archive.index import SearchIndex, default_index_folder, ready_index
from cablegram.synth import ERAS, generate
from cablegram.synth.output import write

FACETS = ("tag", "from", "class", "year")

# (category, query): fixed, so that runs at different sizes compare.
QUERIES: tuple[tuple[str, str], ...] = (
    ("word", "nuclear"), ("word", "minister"), ("word", "embassy"), ("word", "trade"), ("word", "visa"),
    ("word", "court"), ("word", "border"), ("word", "holiday"), ("word", "election"), ("word", "oil"),
    ("word", "ambassador"), ("word", "agreement"),
    ("phrase", '"export licenses"'), ("phrase", '"border dispute"'), ("phrase", '"foreign minister"'),
    ("phrase", '"human rights"'), ("phrase", '"trade agreement"'), ("phrase", '"the ambassador"'),
    ("phrase", '"attorney general"'), ("phrase", '"entire text"'),
    ("prefix", "negotiat*"), ("prefix", "secur*"), ("prefix", "elect*"), ("prefix", "minist*"), ("prefix", "holi*"),
    ("prefix", "econ*"),
    ("boolean", "nuclear AND inspection"), ("boolean", "trade OR tariff"), ("boolean", "embassy NOT visa"),
    ("boolean", "(oil OR energy) AND prices"), ("boolean", "minister -ambassador"), ("boolean", "court AND ruling"),
    ("boolean", "election OR parliament OR cabinet"), ("boolean", "border AND (dispute OR talks)"),
    ("filter", "tag:PREL"), ("filter", "tag:ECON nuclear"), ("filter", "from:MOSCOW"), ("filter", "to:WASHDC trade"),
    ("filter", "class:SECRET minister"), ("filter", "class:UNCLASSIFIED"), ("filter", "prec:IMMEDIATE visa"),
    ("filter", "date:1990-01..1990-06"), ("filter", "year:2005 embassy"), ("filter", "kind:telegram oil"),
    ("filter", "era:aad-1970s"), ("filter", "tag:P* election"), ("filter", "eo:12958 tag:PREL"),
    ("filter", "released:none court"), ("filter", "caption:NODIS"), ("filter", "drafter:EAP/K"),
    ("filter", "year:1995..2000 -tag:PREL border"), ("filter", "subject:nuclear"),
)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _prepare(args) -> tuple[str, Path]:
    work = Path(args.workdir or f"/tmp/cablegram-bench-{args.count}-{args.seed}")
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "synth.jsonl"
    if not corpus.exists():
        started = time.monotonic()
        write(generate(args.count, args.seed, ERAS), corpus)
        print(f"corpus: {args.count:,} cables, {corpus.stat().st_size / 1e6:.0f} MB, generated in "
              f"{time.monotonic() - started:.0f} s")
    return (args.db or str(work / "archive")), corpus


def _ingest(db: str, corpus: Path, jobs: int) -> None:
    with open_store(db) as store:
        records = next(store.rows("SELECT COUNT(*) AS n FROM records"))["n"]
        if records:
            print(f"ingest: reusing the archive ({records:,} records)")
            return
        report = ingest(store, [str(corpus)], jobs=jobs)
        print(f"ingest (--jobs {jobs}): {report.documents:,} cables in {report.seconds:.1f} s, "
              f"{report.rate:,.0f} cables/s")
        folder = store.folder()
        if folder is not None:
            print(f"archive: {_folder_bytes(Path(folder)) / 1e6:.0f} MB, "
                  f"{_folder_bytes(Path(folder)) / report.documents / 1e3:.1f} kB per cable")


def _index(store, folder: Path, rebuild: bool) -> SearchIndex:
    index = SearchIndex.open(folder)
    if index is None or rebuild:
        started = time.monotonic()
        index = SearchIndex.rebuild(folder, store)
        seconds = time.monotonic() - started
        n = index.documents()
        print(f"index: {n:,} cables in {seconds:.1f} s ({n / seconds:,.0f} cables/s), "
              f"{_folder_bytes(folder) / 1e6:.0f} MB, {_folder_bytes(folder) / max(n, 1) / 1e3:.2f} kB per cable")
    index, note = ready_index(store, folder)
    if index is None:
        sys.exit(f"the index cannot be used: {note}")
    return index


def _time(reader: Reader, query: str, facets: tuple[str, ...], repeat: int) -> tuple[list[float], int, bool]:
    result = reader.search(query, limit=20, facets=facets)  # warm-up
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        reader.search(query, limit=20, facets=facets)
        runs.append((time.perf_counter() - started) * 1000)
    return runs, result.total, any(f.timed_out for f in result.facets)


def _report(label: str, timings: dict[str, list[float]]) -> None:
    print(f"\n{label}\n| queries | runs | FTS5 p50 | FTS5 p95 | tantivy p50 | tantivy p95 |\n| --- | ---: | ---: | ---: | ---: | ---: |")
    for group in sorted({k.split("/")[0] for k in timings}, key=lambda g: (g != "all", g)):
        fts, tv = timings.get(f"{group}/fts5", []), timings.get(f"{group}/tantivy", [])
        print(f"| {group} | {len(tv)} | {_percentile(fts, .5):.1f} ms | {_percentile(fts, .95):.1f} ms | "
              f"{_percentile(tv, .5):.1f} ms | {_percentile(tv, .95):.1f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20_000, help="synthetic cables (default 20,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="a store URL (postgresql://…) instead of a SQLite archive in --workdir")
    parser.add_argument("--index", type=Path, help="the index folder (default <archive>/index; needed with --db)")
    parser.add_argument("--workdir", help="where the corpus and archive live (default /tmp/cablegram-bench-N-SEED)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query (after one warm-up)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the index even when one exists")
    args = parser.parse_args()
    assert len(QUERIES) >= 50
    db, corpus = _prepare(args)
    _ingest(db, corpus, args.jobs)
    with open_store(db, create=False) as store:
        folder = args.index or default_index_folder(store)
        if folder is None:
            sys.exit("give --index DIR for a store without a folder")
        index = _index(store, folder, args.rebuild)
        plain, faceted = Reader(store), Reader(store, index=index)
        timings: dict[str, dict[str, list[float]]] = {"": {}, "facets": {}}
        disagree, empty, timed_out = [], [], []
        medians: dict[str, list[tuple[float, str]]] = {"fts5": [], "tantivy": []}
        for category, query in QUERIES:
            for facets, key in (((), ""), (FACETS, "facets")):
                fts, fts_total, fts_timeout = _time(plain, query, facets, args.repeat)
                tv, tv_total, _ = _time(faceted, query, facets, args.repeat)
                if fts_timeout:
                    timed_out.append(query)
                label = f"{query}{' +facets' if facets else ''}"
                medians["fts5"].append((_percentile(fts, .5), label))
                medians["tantivy"].append((_percentile(tv, .5), label))
                for group in (category, "all"):
                    timings[key].setdefault(f"{group}/fts5", []).extend(fts)
                    timings[key].setdefault(f"{group}/tantivy", []).extend(tv)
                if fts_total != tv_total:
                    disagree.append(f"{query}: FTS5 {fts_total}, tantivy {tv_total}")
                if not tv_total and not facets:
                    empty.append(query)
    print(f"\n{len(QUERIES)} queries, top 20, {args.repeat} runs each; machine: {os.cpu_count()} CPUs")
    _report("search (no facets)", timings[""])
    _report(f"search with facets {', '.join(FACETS)}", timings["facets"])
    for path, values in medians.items():
        slowest = sorted(values, reverse=True)[:3]
        print(f"\nslowest on {path} (median): " + "; ".join(f"{q} {ms:.0f} ms" for ms, q in slowest), end="")
    print(f"\n\nqueries with no hits: {', '.join(empty) or 'none'}")
    print(f"FTS5 facet counts that timed out (2 s budget): {len(timed_out)}")
    print(f"totals that differ between the paths: {'; '.join(disagree) or 'none'}")


if __name__ == "__main__":
    main()
