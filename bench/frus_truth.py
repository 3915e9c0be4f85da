"""The parser against the fields FRUS itself records, on FRUS documents the gold set does not label.

    .venv/bin/python bench/frus_truth.py [--eval-dir ../shared/eval] [--gold gold] [--all] [--misses]

Every FRUS document of the dev set carries ``truth``: what the volume's editors recorded of the
telegram (date, classification, precedence, captions, telegram number). The gold set labels 50 of
the 135, and the rules were written against those; the other 85 are a holdout no one labelled, so
their truth is a blind check of the FRUS rules. ``--all`` takes the gold's 50 too.

Compared: the date; the classification, and the captions (as a set, upper case); the precedence
where the source note states one (a full-cable transcription often states one the note leaves
out: that is not counted against the parser); the telegram number where the volume gives it as
digits alone (``Secto 3022``, ``161371/Tosec 69`` are series numbers the record's id does not
carry), against the serial of the record's id.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from cablegram import parse
from cablegram.evaluate import documents


def _upper(value: str | None) -> str | None:
    return value.upper().strip() if value else None


def compare(truth: dict, record) -> dict[str, tuple[object, object]]:
    """(wanted, got) for each field the truth states, keyed by field."""
    out: dict[str, tuple[object, object]] = {}
    if truth.get("date"):
        out["date"] = (truth["date"], record.date)
    if truth.get("classification"):
        out["classification"] = (_upper(truth["classification"]), record.classification)
    if truth.get("precedence"):
        out["precedence"] = (_upper(truth["precedence"]), record.precedence)
    out["captions"] = (sorted({c.upper() for c in truth.get("captions") or []}), sorted(set(record.captions)))
    number = (truth.get("telegram_number") or "").strip()
    if number.isdigit():
        serial = int(record.id[-6:]) if record.id and record.id[-6:].isdigit() else None
        out["telegram_number"] = (int(number), serial)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--gold", type=Path, default=Path("gold"))
    ap.add_argument("--all", action="store_true", help="also the documents the gold set labels")
    ap.add_argument("--misses", action="store_true", help="list each field a document got wrong")
    args = ap.parse_args()
    labelled = {json.loads(line)["id"] for line in (args.gold / "frus.jsonl").read_text(encoding="utf-8").splitlines()}
    texts = documents(args.eval_dir, "frus")
    total, right, docs = Counter(), Counter(), 0
    for line in (args.eval_dir / "frus.dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        key = f"{row['volume_id']}/{row['doc_id']}"
        if key in labelled and not args.all:
            continue
        docs += 1
        for field, (wanted, got) in compare(row["truth"], parse(texts[key], path=key)).items():
            total[field] += 1
            right[field] += wanted == got
            if wanted != got and args.misses:
                print(f"{key} {field}: FRUS {wanted!r}, parsed {got!r}")
    print(f"{docs} FRUS documents{'' if args.all else ' outside the gold set'}\n")
    print("| field | right |\n| --- | --- |")
    for field in total:
        print(f"| {field} | {100 * right[field] / total[field]:.1f}% ({right[field]}/{total[field]}) |")
    print(f"| **all** | **{100 * sum(right.values()) / sum(total.values()):.1f}%** "
          f"({sum(right.values())}/{sum(total.values())}) |")


if __name__ == "__main__":
    main()
