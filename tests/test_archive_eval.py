"""Ingesting the three files of ../shared/eval works (skipped, with the reason, when the corpus is absent)."""

from __future__ import annotations

import pytest
from conftest import EVAL_DIR

from cablegram.archive import Reader, ingest, open_store

FILES = ("born_digital", "frus", "ocr_releases")


def test_the_evaluation_corpus_ingests_completely(tmp_path):
    paths = [EVAL_DIR / f"{name}.dev.jsonl" for name in FILES]
    if not all(p.exists() for p in paths):
        pytest.skip(f"{EVAL_DIR} is absent (a clone without ../shared/eval): the archive's corpus test needs it")
    rows = sum(sum(1 for line in p.open(encoding="utf-8") if line.strip()) for p in paths)
    with open_store(tmp_path / "db") as store:
        report = ingest(store, [str(p) for p in paths], jobs=1)
        assert report.failed == [] and report.warnings == []
        assert report.documents == rows
        assert "parser-error" not in report.defects
        assert store.check().ok
        reader = Reader(store)
        result = reader.search("tag:PREL", facets=("class", "kind"))
        assert result.total > 50
        assert sum(n for _, n in result.facets[0].counts) <= result.total
        assert reader.search("kind:cia-cable").total > 0
        assert reader.search("released:part").total > 0
        again = ingest(store, [str(p) for p in paths])
        assert (again.documents, again.already) == (0, 3)
