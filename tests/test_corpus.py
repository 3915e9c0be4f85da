"""Every real document of the evaluation set parses without error into a valid record, and the
dev gold set's accuracy stays at or above the floors the issue sets (skipped without ../shared)."""

from __future__ import annotations

import pytest

from cablegram import parse
from cablegram.evaluate import FRUS_FIELDS, RELEASE_TARGET, _subset, evaluate, frus_document
from conftest import EVAL_DIR, ROOT, eval_rows, schema_errors


@pytest.mark.parametrize("source", ["born_digital", "frus", "ocr_releases"])
def test_every_document_parses_to_a_valid_record(source):
    for row in eval_rows(source):
        text = frus_document(row) if source == "frus" else row["text"]
        record = parse(text)
        ident = row.get("id") or f"{row['volume_id']}/{row['doc_id']}"
        assert not any(d.code == "parser-error" for d in record.defects), (ident, record.defects)
        assert schema_errors(record.to_json()) == [], ident
        for name, (a, b) in record.spans.items():
            assert 0 <= a <= b <= len(text), (ident, name)


@pytest.fixture(scope="module")
def results():
    if not EVAL_DIR.exists():
        pytest.skip("../shared/eval is absent")
    return evaluate(EVAL_DIR, ROOT / "gold")


# Floors: the targets where they are met, else the level reached (docs/accuracy.md) so
# that a change that loses accuracy fails here.
def test_born_digital_accuracy(results):
    assert results["born_digital"]["*"].accuracy >= 0.995  # 99.9 % reached; the issue asks 97 %


def test_frus_target_fields_accuracy(results):
    assert _subset(results["frus"], FRUS_FIELDS).accuracy >= 0.98  # 98.9 % reached; the issue asks 95 %


def test_frus_all_fields_accuracy(results):
    assert results["frus"]["*"].accuracy >= 0.985  # 99.2 % reached


def test_ocr_release_layer_accuracy(results):
    assert _subset(results["ocr_releases"], RELEASE_TARGET).accuracy >= 0.98  # 98.4 % reached; the issue asks 95 %


def test_ocr_overall_accuracy(results):
    assert results["ocr_releases"]["*"].accuracy >= 0.928  # 93.1 % (1960/2106) reached; the issue asks 90 %


@pytest.fixture(scope="module")
def holdout():
    if not EVAL_DIR.exists():
        pytest.skip("../shared/eval is absent")
    return evaluate(EVAL_DIR, ROOT / "gold" / "holdout", sources=("born_digital", "ocr_releases"))


# The blind holdout (gold/holdout/README.md): what the rules reach on documents they were not
# written against. Floors at the level reached, so that a rule that trades them for the dev gold fails.
def test_holdout_born_digital_accuracy(holdout):
    assert holdout["born_digital"]["*"].accuracy >= 0.992  # 99.5 % reached (97.8 % blind, before its rules)


def test_holdout_ocr_accuracy(holdout):
    assert holdout["ocr_releases"]["*"].accuracy >= 0.913  # 91.6 % reached (84.6 % blind, before its rules)
    assert _subset(holdout["ocr_releases"], RELEASE_TARGET).accuracy >= 0.99  # 100 % reached


def test_holdout_labels_are_complete_and_apart_from_the_gold_set():
    from cablegram.evaluate import gold_labels

    for source in ("born_digital", "ocr_releases"):
        gold = {label["id"] for label in gold_labels(ROOT / "gold", source)}
        held = [label for label in gold_labels(ROOT / "gold" / "holdout", source)]
        assert len(held) >= 75 and not gold & {label["id"] for label in held}
        keys = set(next(gold_labels(ROOT / "gold", source))["fields"])
        assert all(set(label["fields"]) == keys for label in held)


def test_gold_labels_are_complete_and_name_real_documents():
    from cablegram.evaluate import documents, gold_labels

    keys = None
    for source in ("born_digital", "frus", "ocr_releases"):
        docs = documents(EVAL_DIR, source) if EVAL_DIR.exists() else None
        seen = set()
        for label in gold_labels(ROOT / "gold", source):
            keys = keys or set(label["fields"])
            assert set(label["fields"]) == keys, label["id"]
            assert label["id"] not in seen, label["id"]
            seen.add(label["id"])
            if docs is not None:
                assert label["id"] in docs, label["id"]
        assert len(seen) >= 50, source
