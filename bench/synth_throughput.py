"""Synthetic-corpus throughput: cables/s and peak memory of `cablegram synth`, plus text diversity.

    .venv/bin/python bench/synth_throughput.py [--count 20000] [--seed 1] [--out /tmp/synth.jsonl]
                                               [--no-diversity]

Runs the same path as `cablegram synth --out FILE.jsonl` (generate, render, serialise, write) in
this one process, then prints cables/s, MB/s written and peak resident memory (ru_maxrss). Unless
--no-diversity, it also reports the distinct-subject and distinct-paragraph ratios (counted by
64-bit hashes, so memory grows with --count: leave it off for the million-cable memory run).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import resource
import time
from pathlib import Path

from cablegram.synth import ERAS, generate
from cablegram.synth.output import write


def _h(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=8).digest()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("/tmp/cablegram-synth-bench.jsonl"))
    ap.add_argument("--no-diversity", action="store_true")
    args = ap.parse_args()

    subjects: set[bytes] = set()
    paragraphs: set[bytes] = set()
    counts = {"subjects": 0, "paragraphs": 0}

    def tap(samples):
        for s in samples:
            if not args.no_diversity:
                subjects.add(_h(s.truth.subject or ""))
                counts["subjects"] += 1
                for p in s.truth.paragraphs:
                    paragraphs.add(_h(p.text))
                    counts["paragraphs"] += 1
            yield s

    t0 = time.perf_counter()
    n = write(tap(generate(args.count, args.seed, ERAS)), args.out)
    dt = time.perf_counter() - t0
    size = args.out.stat().st_size
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"# {platform.python_implementation()} {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} CPUs; one process")
    print(f"# command: bench/synth_throughput.py --count {args.count} --seed {args.seed}"
          + (" --no-diversity" if args.no_diversity else ""))
    print("| cables | seconds | cables/s | MB written | MB/s | peak RSS (MB) |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(f"| {n:,} | {dt:.1f} | {n / dt:,.0f} | {size / 1e6:.1f} | {size / 1e6 / dt:.1f} | {rss_mb:.0f} |")
    if not args.no_diversity and n:
        print()
        print("| distinct subjects | ratio | distinct paragraphs | ratio |")
        print("| --- | --- | --- | --- |")
        print(f"| {len(subjects):,} of {counts['subjects']:,} | {len(subjects) / counts['subjects']:.3f} "
              f"| {len(paragraphs):,} of {counts['paragraphs']:,} | {len(paragraphs) / counts['paragraphs']:.3f} |")


if __name__ == "__main__":
    main()
