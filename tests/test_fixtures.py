"""Readable fixtures an archivist can add to: ``tests/fixtures/NAME.txt`` beside ``NAME.expected.json``.

The expected file lists only the fields the fixture is about; a failure names the file and field.
All fixture texts are invented (names, numbers), written in the forms of the spec's eras.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cablegram import parse
from conftest import schema_errors

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json"))


def actual(record, key: str):
    """The record's value for an expected key, in the fixture's compact form."""
    r = record
    simple = {"from": r.from_, "kind": r.kind, "era": r.era, "classification": r.classification, "precedence": r.precedence,
              "date": r.date, "dtg": r.dtg, "id": r.id, "subject": r.subject, "signature": r.signature,
              "classified_by": r.classified_by.name if r.classified_by else None,
              "drafted_by": r.drafted_by.name if r.drafted_by else None,
              "approved_by": r.approved_by.name if r.approved_by else None}
    if key in simple:
        return simple[key]
    if key in ("to", "info"):
        return [a.canonical or a.name for a in getattr(r, key)]
    if key in ("captions", "attention", "tags"):
        return list(getattr(r, key))
    if key == "cleared_by":
        return [o.name for o in r.cleared_by]
    if key == "section":
        return [r.section.n, r.section.of] if r.section else None
    if key == "eo":
        return [r.eo.order, r.eo.declassify_on, r.eo.event] if r.eo else None
    if key == "references":
        return [[x.station, x.serial, x.year] for x in r.references]
    if key == "paragraphs":
        return [[p.number, p.portion] for p in r.paragraphs if p.number is not None]
    if key == "release":
        rel = r.release
        return None if rel is None else {"status": rel.status, "exemptions": list(rel.exemptions), "case_number": rel.case_number,
                                         "doc_number": rel.doc_number, "release_date": rel.release_date}
    raise KeyError(key)


@pytest.mark.parametrize("name", CASES)
def test_fixture(name):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    record = parse(text, path=name)
    assert schema_errors(record.to_json()) == []
    wrong = {}
    for key, want in expected.items():
        if key == "text_contains":
            wrong.update({f"text contains {w!r}": False for w in want if w not in record.text})
        elif key == "text_lacks":
            wrong.update({f"text lacks {w!r}": False for w in want if w in record.text})
        elif (got := actual(record, key)) != want:
            wrong[key] = got
    assert wrong == {}, f"{name}.txt: fields that differ from {name}.expected.json"
