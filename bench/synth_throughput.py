"""Synthetic-corpus throughput: cables/s and peak memory of `cablegram synth`, plus text diversity.

    .venv/bin/python bench/synth_throughput.py [--count 100000] [--seed 1] [--repeat 3]
                                               [--out /tmp/synth.jsonl] [--no-diversity]

Runs the same path as `cablegram synth --out FILE.jsonl` (generate, render, serialise, write) in
this one process, --repeat times, and prints each run's cables/s by the wall clock and by the
process's CPU time, then the best and the spread. On a machine shared with other work the wall
clock varies with the load; CPU time much less so, which is why both are given. Peak resident
memory is ru_maxrss. Unless --no-diversity, the first run also counts distinct subjects and
paragraphs (by 64-bit hashes, so memory grows with --count: leave it off for the million-cable
memory run).
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


class Diversity:
    """Distinct subjects and paragraph texts among the samples passed through :meth:`tap`."""

    def __init__(self) -> None:
        self.subjects: set[bytes] = set()
        self.paragraphs: set[bytes] = set()
        self.n_subjects = self.n_paragraphs = 0

    def tap(self, samples):
        for s in samples:
            self.subjects.add(_h(s.truth.subject or ""))
            self.n_subjects += 1
            for p in s.truth.paragraphs:
                self.paragraphs.add(_h(p.text))
                self.n_paragraphs += 1
            yield s

    def table(self) -> str:
        return ("| distinct subjects | ratio | distinct paragraphs | ratio |\n| --- | --- | --- | --- |\n"
                f"| {len(self.subjects):,} of {self.n_subjects:,} | {len(self.subjects) / self.n_subjects:.3f} "
                f"| {len(self.paragraphs):,} of {self.n_paragraphs:,} "
                f"| {len(self.paragraphs) / self.n_paragraphs:.3f} |")


def run(count: int, seed: int, out: Path, diversity: Diversity | None) -> tuple[int, float, float]:
    """One corpus written to ``out``: (cables, wall seconds, CPU seconds)."""
    samples = generate(count, seed, ERAS)
    if diversity is not None:
        samples = diversity.tap(samples)
    wall, cpu = time.perf_counter(), time.process_time()
    n = write(samples, out)
    return n, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=Path("/tmp/cablegram-synth-bench.jsonl"))
    ap.add_argument("--no-diversity", action="store_true")
    args = ap.parse_args()

    diversity = None if args.no_diversity else Diversity()
    print(f"# {platform.python_implementation()} {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} CPUs; one process; load average before: {os.getloadavg()[0]:.1f}")
    print(f"# command: bench/synth_throughput.py --count {args.count} --seed {args.seed} --repeat {args.repeat}"
          + (" --no-diversity" if args.no_diversity else ""))
    print("| run | cables | wall s | cables/s (wall) | CPU s | cables/s (CPU) | MB written | MB/s (wall) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    walls, cpus = [], []
    for k in range(max(1, args.repeat)):
        n, wall, cpu = run(args.count, args.seed, args.out, diversity if k == 0 else None)
        size = args.out.stat().st_size
        walls.append(n / wall)
        cpus.append(n / cpu)
        print(f"| {k + 1} | {n:,} | {wall:.1f} | {n / wall:,.0f} | {cpu:.1f} | {n / cpu:,.0f} | {size / 1e6:.1f} "
              f"| {size / 1e6 / wall:.1f} |")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(f"best {max(walls):,.0f} cables/s by the wall clock (runs {min(walls):,.0f}–{max(walls):,.0f}), "
          f"best {max(cpus):,.0f} per CPU-second (runs {min(cpus):,.0f}–{max(cpus):,.0f}); "
          f"peak RSS {rss_mb:.0f} MB; load average after: {os.getloadavg()[0]:.1f}")
    if diversity is not None and diversity.n_subjects:
        print()
        print(diversity.table())


if __name__ == "__main__":
    main()
