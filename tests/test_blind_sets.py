"""The blind sets outside ../shared/eval (gold/blind2 to gold/blind7): their labels are complete and
match their manifests, and bench/blind_sets.py prepares a document as the dev set's texts were.
Their texts are not in the repository, so their accuracy is measured by hand (docs/accuracy.md)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from cablegram.evaluate import gold_labels
from conftest import EVAL_DIR, ROOT

BLIND_SETS = sorted(p for p in (ROOT / "gold").glob("blind*") if p.is_dir())
_spec = importlib.util.spec_from_file_location("blind_sets", ROOT / "bench" / "blind_sets.py")
blind_sets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(blind_sets)


def _manifest(folder):
    return [json.loads(line) for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("folder", BLIND_SETS, ids=lambda p: p.name)
def test_a_blind_sets_labels_are_complete_and_match_its_manifest(folder):
    keys = set(next(gold_labels(ROOT / "gold", "born_digital"))["fields"])
    manifest = _manifest(folder)
    assert len({m["id"] for m in manifest}) == len(manifest) >= 20
    for source in ("born_digital", "ocr_releases"):
        labels = list(gold_labels(folder, source))
        assert [label["id"] for label in labels] == [m["id"] for m in manifest if m["source"] == source]
        assert all(set(label["fields"]) == keys for label in labels)
    assert {m["preparation"] for m in manifest} <= set(blind_sets._PREPARE)


@pytest.mark.parametrize("folder", BLIND_SETS, ids=lambda p: p.name)
def test_a_blind_sets_documents_are_not_dev_documents(folder):
    if not EVAL_DIR.exists():
        pytest.skip("../shared/eval is absent")
    dev = set()
    for path in EVAL_DIR.glob("*.dev.jsonl"):
        dev |= {str(json.loads(line).get("id")).split(":")[-1].upper() for line in path.read_text(encoding="utf-8").splitlines()}
    assert not dev & {m["id"].split(":")[-1].upper() for m in _manifest(folder)}


def test_a_cable_page_gives_its_pre_blocks_unescaped_and_joined():
    page = ("<html><table><tr><td>72TEHRAN1164</td></tr></table>\n<code><pre>R 250930Z FEB 72 &#x000A;FM AMEMBASSY "
            "TEHRAN</pre></code>\n<code><pre>TAGS: <a href='/tag/MASS_0.html'>MASS</a>&#x000A;"
            "<a id='par1' href='#par1'>\u00b6</a>1. SHAH&#x27;S REQUEST</pre></code></html>")
    assert blind_sets.pre_blocks(page) == "R 250930Z FEB 72 \nFM AMEMBASSY TEHRAN\n\nTAGS: MASS\n\u00b61. SHAH'S REQUEST"


@pytest.mark.parametrize("stored, text", [
    ("---\ntitle: CABLE\nrecord_number: 104-1\n---\n## Page 1\n\nSECRET\n", "## Page 1\n\nSECRET\n"),
    ("# 104-1\n\n## Page 1\n---\nSECRET\n", "# 104-1\n\n## Page 1\n---\nSECRET\n"),  # no block at the start
    ("---\nunclosed\n", "---\nunclosed\n"),
])
def test_a_stored_text_loses_only_a_leading_metadata_block(stored, text):
    assert blind_sets.as_stored(stored) == text
