"""Where a parse spends its time: µs per document in each stage of the parser and each
normalisation rule, over the real documents of ../shared/eval.

    .venv/bin/python bench/parse_stages.py born_digital|frus|ocr_releases [--eval-dir ../shared/eval] [--repeat 3]

Each stage the driver (``cablegram.parse``) calls, and each rule of the normalisation chain, is
wrapped in a timer for the run; nested stages count in their caller too, and the timers add about
a microsecond a call, so the rows are for finding where the time goes, not for the totals
(``bench/parse_throughput.py`` gives those).
"""

from __future__ import annotations

import argparse
import collections
import importlib
import json
import time
from pathlib import Path

from cablegram.evaluate import frus_document

driver = importlib.import_module("cablegram.parse")  # the package: ``cablegram.parse`` the name is the function
normalise = importlib.import_module("cablegram.normalise")
state = importlib.import_module("cablegram.normalise.state")

STAGES = ("normalise", "clean_lines", "scan_header", "read_body", "assemble", "read_jfk_form", "agency_kind",
          "read_page_heads", "read_incoming_form", "read_opening_reference", "is_frus", "read_frus",
          "read_agency", "read_cia_opening", "read_cia_boxes", "decode")


def timed(spent: collections.Counter, label: str, function):
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - t0
    return wrapper


def instrument(spent: collections.Counter) -> None:
    for name in STAGES:
        if hasattr(driver, name):
            setattr(driver, name, timed(spent, name, getattr(driver, name)))
    normalise.RULES = tuple((name, timed(spent, f"rule: {name}", rule)) for name, rule in normalise.RULES)
    state.NormState.build = timed(spent, "normalise: build", state.NormState.build)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", choices=("born_digital", "frus", "ocr_releases"))
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows = [json.loads(line) for line in (args.eval_dir / f"{args.source}.dev.jsonl").open(encoding="utf-8")]
    texts = [frus_document(r) if args.source == "frus" else r["text"] for r in rows]
    spent: collections.Counter = collections.Counter()
    instrument(spent)
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            driver.parse(text)
    total = time.perf_counter() - t0
    per_doc = 1e6 / args.repeat / len(texts)
    print(f"{args.source}: {len(texts)} documents, {total * per_doc:.0f} µs a document in all (with the timers)")
    for label, seconds in spent.most_common():
        print(f"{label:32s} {seconds * per_doc:8.1f} µs")


if __name__ == "__main__":
    main()
