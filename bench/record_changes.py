"""What a parser change does to every dev document, labelled or not.

The gold set labels 208 of the 448 dev documents; a rule can improve those and spoil the others.
Dump the records of the code before and after a change, then compare them field by field:

    mkdir -p /tmp/before && git archive <commit> src | tar -x -C /tmp/before
    PYTHONPATH=/tmp/before/src .venv/bin/python bench/record_changes.py dump /tmp/before.json
    .venv/bin/python bench/record_changes.py dump /tmp/after.json
    .venv/bin/python bench/record_changes.py compare /tmp/before.json /tmp/after.json

``compare`` prints how many documents changed in each field, labelled and unlabelled apart, then
each change in an unlabelled document (before, then after), for a person to judge. Spans, the
text, defects and notes are left out: they follow the fields.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

_LEFT_OUT = ("spans", "source", "defects", "notes", "text")


def dump(eval_dir: Path, out: Path) -> None:
    from cablegram import parse
    from cablegram.evaluate import SOURCES, documents

    records = {}
    for source in SOURCES:
        for key, text in documents(eval_dir, source).items():
            record = parse(text).to_json()
            records[key] = {k: v for k, v in record.items() if k not in _LEFT_OUT}
    out.write_text(json.dumps(records), encoding="utf-8")
    print(f"{len(records)} records written to {out}")


def _brief(field: str, value):
    """A field's value as a person compares it: names, numbers and stations rather than whole objects."""
    if field == "paragraphs":
        return [p.get("number") for p in value]
    if field in ("to", "info"):
        return [a.get("canonical") or a.get("name") for a in value]
    if field == "cleared_by":
        return [o.get("name") for o in value]
    if field == "references":
        return [f"{r['station']} {r['serial']}" for r in value]
    if isinstance(value, dict) and "name" in value:
        return value["name"]
    return value


def compare(before: Path, after: Path, gold_dir: Path) -> None:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    labelled = {json.loads(line)["id"] for path in gold_dir.glob("*.jsonl")
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    counts: Counter = Counter()
    unlabelled = []
    for key in sorted(old.keys() & new.keys()):
        for field in sorted(old[key].keys() | new[key].keys()):
            a, b = old[key].get(field), new[key].get(field)
            if a != b:
                counts[field, key in labelled] += 1
                if key not in labelled:
                    unlabelled.append((field, key, _brief(field, a), _brief(field, b)))
    print("| field | labelled documents changed | unlabelled documents changed |")
    print("| --- | --- | --- |")
    for field in sorted({f for f, _ in counts}):
        print(f"| {field} | {counts[field, True]} | {counts[field, False]} |")
    for field, key, a, b in unlabelled:
        print(f"\n{field}  {key}\n  before: {a}\n  after:  {b}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="parse every dev document and write the records")
    d.add_argument("out", type=Path)
    d.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    c = sub.add_parser("compare", help="compare two dumps field by field")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--gold", type=Path, default=Path("gold"))
    args = ap.parse_args()
    if args.command == "dump":
        dump(args.eval_dir, args.out)
    else:
        compare(args.before, args.after, args.gold)


if __name__ == "__main__":
    main()
