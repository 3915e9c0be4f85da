"""Instructions a parse costs, counted by valgrind: a measure of the parser's work that does not
drift with a shared machine's speed (docs/benchmarks.md, the fifth accuracy pass).

    .venv/bin/python bench/parse_instructions.py born_digital|frus|ocr_releases [--src DIR] [--eval-dir ../shared/eval]
    .venv/bin/python bench/parse_instructions.py --stamps [--src DIR]

Runs one process that parses every document of a source once, then one that does so three times,
each under ``valgrind --tool=cachegrind``, and prints the difference over two passes and the
number of documents: the instructions of one cold pass a document (the memo caches emptied before
each pass, as bench/parse_throughput.py does), start-up and imports cancelled out. ``--src`` points
at another copy of the sources (``git archive <commit> src | tar -x -C /tmp/before``) to compare
two versions. ``--stamps`` counts one parse of tests/test_linear.py's megabyte of release stamps
(a process that parses it once, less one that does not). The count moves by ±10-30 k instructions a
document with the code's layout alone; valgrind is a Debian package (``apt-get install valgrind``).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_LOOP = """
import json, sys
sys.path.insert(0, {bench!r})
from parse_throughput import clear_memos
from cablegram import parse
from cablegram.evaluate import frus_document
rows = [json.loads(line) for line in open({path!r}, encoding="utf-8")]
texts = [frus_document(r) if {frus!r} else r["text"] for r in rows]
for _ in range({passes}):
    clear_memos()
    for t in texts:
        parse(t)
"""

_STAMPS = """
import sys
sys.path.insert(0, {tests!r})
from test_linear import PIECES, _text
from cablegram import parse
text = _text(PIECES["stamps"], 1_000_000)
parse(text[:200])  # (the parser's first call, whose one-time costs the count leaves out)
for _ in range({passes}):
    parse(text)
"""


def instructions(code: str, src: Path) -> int:
    """The instructions valgrind counts for one Python process running ``code`` on ``src``."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(src))
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    m = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if not m:
        raise SystemExit(f"no instruction count in valgrind's report:\n{out.stderr[-2000:]}")
    return int(m[1].replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", nargs="?", choices=("born_digital", "frus", "ocr_releases"))
    ap.add_argument("--stamps", action="store_true")
    ap.add_argument("--src", type=Path, default=ROOT / "src")
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = ap.parse_args()
    src = args.src.resolve()
    if args.stamps:
        tests = str(ROOT / "tests")
        zero, one = (instructions(_STAMPS.format(tests=tests, passes=n), src) for n in (0, 1))
        print(f"1 MB of release stamps, {src}: {(one - zero) / 1e9:.2f} G instructions a parse")
        return
    if args.source is None:
        ap.error("a source, or --stamps")
    path = args.eval_dir / f"{args.source}.dev.jsonl"
    docs = sum(1 for line in path.open(encoding="utf-8") if line.strip())
    loop = lambda passes: _LOOP.format(bench=str(ROOT / "bench"), path=str(path), frus=args.source == "frus", passes=passes)  # noqa: E731
    one, three = instructions(loop(1), src), instructions(loop(3), src)
    print(f"{args.source}, {src}: {(three - one) / 2 / docs / 1e6:.2f} M instructions a document ({docs} documents)")


if __name__ == "__main__":
    main()
