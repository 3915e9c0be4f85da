"""Parse throughput on the real documents of ../shared/eval, one process, per source.

    .venv/bin/python bench/parse_throughput.py [--eval-dir ../shared/eval] [--repeat 5] [--memos cold|other-half|warm]

Prints documents/s and MB/s per source (best of the repeats, to keep other load on the machine
out of the figure), the same in CPU time of the process (``time.process_time``: on a shared
machine, time spent waiting for a core is not the parser's), and the slowest document.

Before each repeat the parser's memo caches (``functools`` caches of pure look-ups: addressees,
station readings, TAGS items; not the tables themselves, loaded once a process) are emptied, so a repeat does not find every line of the documents already read
by the one before: each pass is what one pass over these documents costs, as in an ingest that
meets each document once.

``--memos`` checks what that choice hides. ``cold`` (the default) is as above. ``other-half`` warms
the memos on one half of the documents (untimed) before timing the other half, then the reverse, as
in an ingest that has already read other cables of the same posts. ``warm`` keeps the memos of the
repeat before (every line already seen: an upper bound, not a figure for new documents).
"""

from __future__ import annotations

import argparse
import inspect
import json
import platform
import sys
import time
from pathlib import Path

from cablegram import parse
from cablegram.evaluate import frus_document


def clear_memos() -> int:
    """Empty the memo caches of cablegram's modules (``functools`` caches of functions that take
    arguments: answers kept per address, station or word); return how many were emptied.

    A cached function of no arguments is a table loaded once a process (the TAGS, the stations),
    not a memo of what was read, so it is kept, as it is in any process that parses.
    """
    count = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("cablegram") or module is None:
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and _takes_arguments(value):
                value.cache_clear()
                count += 1
    return count


def _takes_arguments(cached) -> bool:
    try:
        return bool(inspect.signature(cached.__wrapped__).parameters)
    except (AttributeError, TypeError, ValueError):
        return True


def timed_pass(rows: list, texts: list[str]) -> tuple[float, float, tuple[float, str]]:
    """Parse every text once: (wall seconds, CPU seconds, (slowest seconds, its id))."""
    slowest = (0.0, "")
    c0 = time.process_time()
    t0 = time.perf_counter()
    for row, text in zip(rows, texts):
        s0 = time.perf_counter()
        parse(text)
        dt = time.perf_counter() - s0
        if dt > slowest[0]:
            slowest = (dt, row.get("id") or f"{row.get('volume_id')}/{row.get('doc_id')}")
    return time.perf_counter() - t0, time.process_time() - c0, slowest


def one_repeat(rows: list, texts: list[str], memos: str) -> tuple[float, float, tuple[float, str]]:
    """One timed pass over every document, the memo caches prepared as ``memos`` says."""
    if memos == "warm":
        return timed_pass(rows, texts)
    if memos == "cold":
        clear_memos()
        return timed_pass(rows, texts)
    half = len(texts) // 2
    wall = cpu = 0.0
    slowest = (0.0, "")
    for warm, timed in ((slice(None, half), slice(half, None)), (slice(half, None), slice(None, half))):
        clear_memos()
        timed_pass(rows[warm], texts[warm])
        w, c, s = timed_pass(rows[timed], texts[timed])
        wall, cpu, slowest = wall + w, cpu + c, max(slowest, s)
    return wall, cpu, slowest


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--memos", choices=("cold", "other-half", "warm"), default="cold")
    args = ap.parse_args()
    print(f"# {platform.python_implementation()} {platform.python_version()} on {platform.machine()}, "
          f"{platform.processor() or 'unknown CPU'}; memo caches: {args.memos}")
    print("| source | documents | mean size | documents/s | MB/s | documents/CPU-s | slowest document |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for source in ("born_digital", "frus", "ocr_releases"):
        rows = [json.loads(line) for line in (args.eval_dir / f"{source}.dev.jsonl").open(encoding="utf-8")]
        texts = [frus_document(r) if source == "frus" else r["text"] for r in rows]
        size = sum(len(t) for t in texts)
        if args.memos == "warm":
            timed_pass(rows, texts)  # the pass that fills the memos
        best = best_cpu = float("inf")
        slowest = (0.0, "")
        for _ in range(args.repeat):
            wall, cpu, slow = one_repeat(rows, texts, args.memos)
            best, best_cpu, slowest = min(best, wall), min(best_cpu, cpu), max(slowest, slow)
        print(f"| {source} | {len(texts)} | {size / len(texts) / 1000:.1f} kB | {len(texts) / best:,.0f} | "
              f"{size / best / 1e6:.2f} | {len(texts) / best_cpu:,.0f} | {slowest[0] * 1000:.1f} ms ({slowest[1]}) |")


if __name__ == "__main__":
    main()
