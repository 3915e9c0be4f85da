"""Parse throughput on synthetic telegrams, per era, clean and noisy, with 1 and 2 processes.

    .venv/bin/python bench/parse_synthetic.py [--count 2000] [--seed 1] [--rate 0.25]

For each era, generates --count telegrams (``cablegram.synth``), once clean and once with every
kind of OCR noise at --rate, then parses them in one process and in two worker processes. Prints
cables/s, MB/s, cables per CPU-second of the one process (``time.process_time``: on a shared machine,
time spent waiting for a core is not the parser's), the slowest 0.1 % of single-document parse times,
and the peak resident memory of the measuring process.
"""

from __future__ import annotations

import argparse
import platform
import resource
import time
from concurrent.futures import ProcessPoolExecutor

from cablegram import parse
from cablegram.synth import ERAS, NOISE_KINDS, NoiseConfig, generate


def _parse_all(texts: list[str]) -> int:
    for t in texts:
        parse(t)
    return len(texts)


def one_process(texts: list[str]) -> tuple[float, float, list[float]]:
    """Wall-clock seconds, CPU seconds and each document's wall-clock time, parsing in this process."""
    times = []
    c0 = time.process_time()
    t0 = time.perf_counter()
    for t in texts:
        s0 = time.perf_counter()
        parse(t)
        times.append(time.perf_counter() - s0)
    return time.perf_counter() - t0, time.process_time() - c0, times


def two_processes(pool: ProcessPoolExecutor, texts: list[str]) -> float:
    half = len(texts) // 2
    t0 = time.perf_counter()
    list(pool.map(_parse_all, [texts[:half], texts[half:]]))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rate", type=float, default=0.25)
    args = ap.parse_args()
    print(f"# {platform.python_implementation()} {platform.python_version()}, {args.count} cables per era and "
          f"condition, seed {args.seed}, noise rate {args.rate} (every kind)")
    print("| era | text | mean size | 1 process cables/s | MB/s | cables/CPU-s | 2 processes cables/s | slowest 0.1 % |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_parse_all, [["warm up"], ["warm up"]]))
        for era in ERAS:
            for label, noise in (("clean", None), ("noisy", NoiseConfig({k: args.rate for k in NOISE_KINDS}))):
                texts = [s.text for s in generate(args.count, args.seed, (era,), noise)]
                size = sum(map(len, texts))
                one, cpu, times = one_process(texts)
                two = two_processes(pool, texts)
                times.sort()
                tail = times[int(len(times) * 0.999):] or times[-1:]
                print(f"| {era} | {label} | {size / len(texts) / 1000:.1f} kB | {len(texts) / one:,.0f} | "
                      f"{size / one / 1e6:.2f} | {len(texts) / cpu:,.0f} | {len(texts) / two:,.0f} | {min(tail) * 1000:.1f}–{max(tail) * 1000:.1f} ms |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak resident memory of the measuring process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
