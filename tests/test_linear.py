"""Parse time is linear in input size: adversarial inputs of 1 MB (long runs of REF items, of
capitals, of stamps, of address lines) cost about five times what 200 kB of them cost, not
twenty-five.

The issue's bound, 1 MB inside a second, is a figure of speed: bench/adversarial.py measures it on
a quiet machine and docs/benchmarks.md records it (the slowest input, a megabyte of release
stamps, takes about half a second). Here the bound is kept with the headroom a shared machine
needs, twice over: this VM runs at half its speed for minutes at a time, and a unit test that
fails with the machine, not the code, guards nothing. What it must catch, a cost that grows with
the square of the input or by an order of magnitude, it still catches."""

from __future__ import annotations

import time

import pytest

from cablegram import parse

PIECES = {
    "ref-run": "REF: " + "A. STATE 12345 B. 05 PARIS 678 (NOTAL) ",
    "capitals": "ABCDEFGH IJKLMNOP QRSTUV WXYZ ",
    "stamps": "RELEASED IN FULL\nB6\nR1224\nSECRET\n\n2\n\n",
    "addresses": "RUEHXX/AMEMBASSY SOMEWHERE PRIORITY 0123\n",
    "letter-spaced": "S E C R E T ",
    "hyphens": "SIGNIFI-\nCANT ",
    "paragraph-numbers": "1. (C) 2. (S) 3. ",
}


def _text(piece: str, size: int) -> str:
    return "O 131503Z MAR 08\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n" + piece * (size // len(piece))


def _seconds(text: str) -> float:
    best = float("inf")
    # CPU time of this process, best of three: other processes on a shared machine (CI runs the
    # suite beside servers) are not the parser's time, and wall time would count them.
    for _ in range(3):
        t0 = time.process_time()
        parse(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("name", sorted(PIECES))
def test_adversarial_input_is_linear(name):
    small, large = _text(PIECES[name], 200_000), _text(PIECES[name], 1_000_000)
    t_small, t_large = _seconds(small), _seconds(large)
    # Five times the input: linear costs ~5x, quadratic ~25x.
    assert t_large < 12 * max(t_small, 0.01), (name, t_small, t_large)
    assert t_large < 2.0, f"{name}: 1 MB took {t_large:.2f}s (the benchmark's figure is under 1 s)"
