"""Load on a running `cablegram serve`: requests/s and latency of the search and cable pages.

    cablegram serve --db cablegram-archive --port 8000 &            # the server: one process
    .venv/bin/python bench/web_load.py --url http://127.0.0.1:8000 [--seconds 20] [--concurrency 8]

This script is the second process: ``--concurrency`` threads, each with its own keep-alive connection,
request pages back to back for ``--seconds`` per kind of page. Search pages cycle through a fixed list
of queries (words, phrases, fielded filters; each page renders 8 facets and the month timeline); cable
pages cycle through the first 200 cables the API lists for a broad query; the start page and the three
browse pages count over the whole archive. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import threading
import time
from urllib.parse import urlencode

import httpx

QUERIES = ("nuclear", '"safeguards inspection"', "tag:PREL", "from:MOSCOW", "class:SECRET", "election*",
           "tag:ECON date:2005..2010", "budget NOT tag:PREL", "caption:NODIS", "released:part", "year:1975",
           "minister OR ambassador", "subject:visit", "prec:IMMEDIATE tag:PGOV", "drought", "kind:telegram")


def cable_paths(client: httpx.Client, pages: int = 2) -> list[str]:
    """Cable pages of the first ``pages`` × 100 matches of a broad query (following the API's cursor)."""
    paths: list[str] = []
    params = {"q": "kind:telegram", "limit": 100, "sort": "date"}
    for _ in range(pages):
        body = client.get("/api/search", params=params).json()
        paths += [f"/cable/{r['key']}" for r in body["rows"]]
        if not body["next"]:
            break
        params["cursor"] = body["next"]
    return paths


def run(base: str, paths: list[str], seconds: float, concurrency: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(offset: int) -> None:
        nonlocal errors
        mine, bad = [], 0
        with httpx.Client(base_url=base, timeout=30) as client:
            i = offset
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = client.get(paths[i % len(paths)])
                mine.append(time.perf_counter() - started)
                bad += response.status_code != 200
                i += 1
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=worker, args=(n * 7,)) for n in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8000")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args()
    with httpx.Client(base_url=args.url, timeout=30) as client:
        overview = client.get("/api/overview").json()
        cables = cable_paths(client)
    kinds = {"search page": [f"/search?{urlencode({'q': q})}" for q in QUERIES], "cable page": cables,
             "start page": ["/"], "browse pages": ["/browse/tags", "/browse/posts", "/browse/people"],
             "search API": [f"/api/search?{urlencode({'q': q, 'facets': 'tag,class,year'})}" for q in QUERIES]}
    print(f"# {overview['records']:,} records; {os.cpu_count()} CPUs, {platform.machine()}, "
          f"Python {platform.python_version()}; {args.concurrency} client threads, {args.seconds:g} s per kind")
    print("| page | requests | errors | requests/s | p50 ms | p95 ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind, paths in kinds.items():
        latencies, errors = run(args.url, paths, args.seconds, args.concurrency)
        latencies.sort()
        p50 = statistics.median(latencies) * 1000
        p95 = latencies[int(0.95 * (len(latencies) - 1))] * 1000
        print(f"| {kind} | {len(latencies):,} | {errors} | {len(latencies) / args.seconds:,.1f} | {p50:.0f} | {p95:.0f} |")


if __name__ == "__main__":
    main()
