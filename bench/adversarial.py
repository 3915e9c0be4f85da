"""Parse time of adversarial inputs of 100 kB to 1 MB: long runs of REF items, capitals, stamps,
address lines, letter-spaced markings, broken words and paragraph numbers.

    .venv/bin/python bench/adversarial.py

The same inputs are built by tests/test_linear.py, which asserts linear growth (and the bound
with a shared machine's headroom); the issue's 1 s bound is this benchmark's figure.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_linear import PIECES, _text  # noqa: E402

from cablegram import parse  # noqa: E402


def best_of(text: str, n: int = 3) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    sizes = (100_000, 250_000, 500_000, 1_000_000)
    print("| input | " + " | ".join(f"{s // 1000} kB" for s in sizes) + " |")
    print("| --- |" + " --- |" * len(sizes))
    for name in sorted(PIECES):
        cells = [f"{best_of(_text(PIECES[name], s)):.3f} s" for s in sizes]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
