"""Accuracy against the hand-labelled gold set: per field, per source.

Gold labels (``gold/*.jsonl``) hold ids and expected values only; the documents are read from
``shared/eval``. Each labelled field of each document is compared with the parse of that document
under the normalisations below (case, spacing, list order where order is not part of the value),
so the figure is the share of labelled fields a reader would accept as right.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Telegram
from .parse import parse

SOURCES = ("born_digital", "frus", "ocr_releases")
RELEASE_FIELDS = ("release.status", "release.exemptions", "release.case_number", "release.doc_number", "release.release_date")
# The release-layer target: status, exemptions, case and document numbers.
RELEASE_TARGET = RELEASE_FIELDS[:4]
FRUS_FIELDS = ("date", "classification", "precedence", "captions", "from", "to", "id")


def frus_document(row: dict[str, Any]) -> str:
    """A FRUS document as a reader meets it: heading, source note, dateline, then the text."""
    parts = [row.get("frus_head") or "", row.get("source_note") or "", row.get("dateline") or "", row.get("text") or ""]
    return "\n\n".join(p for p in parts if p)


def documents(eval_dir: Path, source: str) -> dict[str, str]:
    """Document id -> text for one source file of ``shared/eval``."""
    path = eval_dir / f"{source}.dev.jsonl"
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if source == "frus":
                out[f"{row['volume_id']}/{row['doc_id']}"] = frus_document(row)
            else:
                out[row["id"]] = row["text"]
    return out


def gold_labels(gold_dir: Path, source: str) -> Iterator[dict[str, Any]]:
    for path in sorted(gold_dir.glob(f"{source}*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


# -- comparison ---------------------------------------------------------------------------------------
def _norm(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        v = " ".join(value.upper().split()).strip(" .,;:")
        v = v.replace("’", "'").replace("“", '"').replace("”", '"')
        return v or None
    return value


def _names(addressees) -> list[list[str]]:
    return [[n for n in (_norm(a.name), _norm(a.canonical)) if n] for a in addressees]


def _match_list(found: list[list[str]], gold: list[str]) -> bool:
    if len(found) != len(gold):
        return False
    return all(_norm(g) in f for f, g in zip(found, gold))


def field_values(record: Telegram, gold: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    """(field name, right?) for every field the gold label gives."""
    r = record
    for key in ("kind", "classification", "precedence", "date", "dtg", "id", "signature"):
        if key in gold:
            yield key, _norm(getattr(r, key)) == _norm(gold[key])
    if "subject" in gold:
        yield "subject", _norm(r.subject) == _norm(gold["subject"])
    if "from" in gold:
        yield "from", _norm(r.from_) == _norm(gold["from"])
    for key in ("to", "info"):
        if key in gold:
            yield key, _match_list(_names(getattr(r, key)), gold[key] or [])
    if "captions" in gold:
        yield "captions", [_norm(c) for c in r.captions] == [_norm(c) for c in gold["captions"] or []]
    if "attention" in gold:
        yield "attention", [_norm(c) for c in r.attention] == [_norm(c) for c in gold["attention"] or []]
    if "tags" in gold:
        yield "tags", [_norm(c) for c in r.tags] == [_norm(c) for c in gold["tags"] or []]
    if "section" in gold:
        g = gold["section"]
        yield "section", (None if r.section is None else (r.section.n, r.section.of)) == (None if g is None else (g["n"], g["of"]))
    if "eo" in gold:
        g = gold["eo"]
        if g is None:
            yield "eo", r.eo is None
        else:
            ok = r.eo is not None and _norm(r.eo.order) == _norm(g.get("order")) \
                and r.eo.declassify_on == g.get("declassify_on") \
                and _norm(r.eo.event) == _norm(g.get("event"))
            yield "eo", ok
    if "classified_by" in gold:
        name = r.classified_by.name if r.classified_by else None
        yield "classified_by", _norm(name) == _norm(gold["classified_by"])
    if "references" in gold:
        got = sorted((_norm(x.station), x.serial) for x in r.references)
        want = sorted((_norm(x["station"]), x["serial"]) for x in gold["references"] or [])
        years_ok = all(
            any(_norm(x.station) == _norm(g["station"]) and x.serial == g["serial"] and x.year == g["year"] for x in r.references)
            for g in gold["references"] or [] if g.get("year"))
        yield "references", got == want and years_ok
    if "paragraphs" in gold:
        yield "paragraphs", [p.number for p in r.paragraphs if p.number is not None] == list(gold["paragraphs"] or [])
    for key in ("drafted_by", "approved_by"):
        if key in gold:
            off = getattr(r, key)
            yield key, _norm(off.name if off else None) == _norm(gold[key])
    if "cleared_by" in gold:
        yield "cleared_by", [_norm(o.name) for o in r.cleared_by if o.name] == [_norm(n) for n in gold["cleared_by"] or []]
    if "release" in gold:
        g = gold["release"] or {}
        rel = r.release
        for sub in ("status", "case_number", "doc_number", "release_date"):
            got = getattr(rel, sub) if rel else None
            yield f"release.{sub}", _norm(got) == _norm(g.get(sub))
        got_ex = sorted(rel.exemptions) if rel else []
        yield "release.exemptions", got_ex == sorted(g.get("exemptions") or [])


@dataclass
class Score:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def evaluate(eval_dir: Path, gold_dir: Path, sources=SOURCES) -> dict[str, dict[str, Score]]:
    """source -> field -> Score, plus '*' for all fields of the source."""
    results: dict[str, dict[str, Score]] = {}
    for source in sources:
        docs = documents(eval_dir, source)
        scores: dict[str, Score] = defaultdict(Score)
        for label in gold_labels(gold_dir, source):
            text = docs.get(label["id"])
            if text is None:
                continue
            record = parse(text, path=label["id"])
            for name, ok in field_values(record, label["fields"]):
                for key in (name, "*"):
                    s = scores[key]
                    s.total += 1
                    s.right += ok
                if not ok:
                    scores[name].misses.append(label["id"])
        results[source] = dict(scores)
    return results


def table(results: dict[str, dict[str, Score]]) -> str:
    """Markdown table: one row per field, one column per source."""
    fields_seen: list[str] = []
    for scores in results.values():
        for name in scores:
            if name != "*" and name not in fields_seen:
                fields_seen.append(name)
    order = ["kind", "classification", "precedence", "date", "dtg", "from", "to", "info", "captions", "attention",
             "id", "section", "eo", "classified_by", "tags", "subject", "references", "paragraphs", "signature",
             "drafted_by", "approved_by", "cleared_by", *RELEASE_FIELDS]
    fields_seen.sort(key=lambda f: order.index(f) if f in order else len(order))
    sources = list(results)
    head = "| field | " + " | ".join(sources) + " |"
    lines = [head, "|" + " --- |" * (len(sources) + 1)]
    for f in fields_seen:
        cells = []
        for s in sources:
            sc = results[s].get(f)
            cells.append(f"{sc.accuracy:.1%} ({sc.right}/{sc.total})" if sc and sc.total else "")
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    cells = []
    for s in sources:
        sc = results[s].get("*")
        cells.append(f"**{sc.accuracy:.1%}** ({sc.right}/{sc.total})" if sc else "")
    lines.append("| **all labelled fields** | " + " | ".join(cells) + " |")
    extra = []
    if "frus" in results:
        extra.append(("FRUS target fields (" + ", ".join(FRUS_FIELDS) + ")", _subset(results["frus"], FRUS_FIELDS)))
    if "ocr_releases" in results:
        extra.append(("OCR release layer (" + ", ".join(f.split('.')[1] for f in RELEASE_TARGET) + ")",
                      _subset(results["ocr_releases"], RELEASE_TARGET)))
    for label, sc in extra:
        lines.append(f"| {label} | " + " | ".join(
            (f"{sc.accuracy:.1%} ({sc.right}/{sc.total})" if (s in label.lower() or (s == 'frus' and 'FRUS' in label) or (s == 'ocr_releases' and 'OCR' in label)) else "")
            for s in sources) + " |")
    return "\n".join(lines)


def _subset(scores: dict[str, Score], names) -> Score:
    out = Score()
    for n in names:
        if n in scores:
            out.right += scores[n].right
            out.total += scores[n].total
    return out


def misses(results: dict[str, dict[str, Score]]) -> str:
    out = []
    for source, scores in results.items():
        for name, sc in scores.items():
            if name != "*" and sc.misses:
                out.append(f"{source} {name}: {', '.join(sc.misses)}")
    return "\n".join(out)

