"""Our starting document (the 1996 NODIS telegram) reads as shared/spec/record.md says it must."""

from __future__ import annotations

import pytest

from cablegram import parse
from conftest import schema_errors


@pytest.fixture(scope="module")
def record(example_text):
    return parse(example_text, path="example")


def test_seed_header_values(record):
    assert record.kind == "telegram"
    assert record.era == "dept-worksheet-1990s"
    assert record.classification == "SECRET"
    assert record.current_classification == "UNCLASSIFIED"
    assert record.precedence == "IMMEDIATE"
    assert record.date == "1996-04-11"
    assert record.from_ == "SECSTATE WASHDC"
    assert [(a.name, a.canonical, a.precedence) for a in record.to] == [
        ("MOSCOW", "AMEMBASSY MOSCOW", "IMMEDIATE"),
        ("SEOUL", "AMEMBASSY SEOUL", "IMMEDIATE"),
    ]
    assert record.info == ()
    assert record.captions == ("NODIS",)
    assert record.attention == ("FOR AMBASSADOR PICKERING",)
    assert record.tags == ("PREL", "US", "KN", "KS", "RS")
    assert record.subject == "INFORMING RUSSIA OF NEW US-ROK PEACE PLAN"
    assert record.signature is None


def test_seed_declassification_and_classifier(record):
    assert (record.eo.order, record.eo.declassify_on, record.eo.event) == ("12958", "2016-04-11", None)
    cb = record.classified_by
    assert (cb.name, cb.title, cb.reasons, cb.exemptions) == ("John Herbst", "S/NIS Deputy Coordinator", ("1.5(d)",), ("X6",))


def test_seed_drafting_block(record):
    d = record.drafted_by
    assert (d.office, d.name, d.typist, d.date) == ("EAP/K", "JGOLDSTEIN", "JLG", "1996-04-11")
    assert [f"{o.office}:{o.name}" for o in record.cleared_by] == [
        "S/NIS:JHERBST", "EAP:WORLD", "EAP:TCHUBBARD", "P:DRUSSEL", "S/S-O:", "NSC:", "EAP/K:DBROWN", "S/S:",
    ]
    # The approver is not marked on the worksheet: no silent guess, a defect says so.
    assert record.approved_by is None
    assert "approver-unmarked" in {x.code for x in record.defects}


def test_seed_unsettled_points_are_defects(record):
    codes = {x.code: x for x in record.defects}
    assert "75727" in codes["ambiguous-number"].message
    assert "SEKPOL 8674" in codes["unknown-file-code"].message
    assert "EAP:WORLD" in codes["possible-ocr-error"].message
    assert record.id is None  # no serial is established, so no canonical id


def test_seed_paragraphs_free_of_furniture(record, example_text):
    numbered = [p for p in record.paragraphs if p.number is not None]
    assert [p.number for p in numbered] == [1, 2, 3]
    assert numbered[0].portion == "S"
    assert "Begin Talking Points" in numbered[2].text and "End Talking Points" in numbered[2].text
    for p in record.paragraphs:
        lines = p.text.split("\n")
        assert not any(line.strip() in ("SECRET", "UNCLASSIFIED", "2", "3", "YY", "RELEASED IN FULL") for line in lines)


def test_seed_struck_text_and_release(record, example_text):
    assert [example_text[a:b] for a, b in record.struck] == ["When the ROKG invited President Clinton to stop in"]
    rel = record.release
    assert (rel.status, rel.reviewer, rel.exemptions) == ("RELEASED IN FULL", "R1224", ())
    assert {r.rule for r in record.removed} >= {"page-banner", "page-number", "worksheet-box", "release-stamp", "stray-glyphs"}


def test_seed_spans_point_at_the_original(record, example_text):
    assert example_text[slice(*record.spans["subject"])] == record.subject
    assert example_text[slice(*record.spans["classification"])] == "SECRET"
    assert example_text[slice(*record.spans["tags"])].replace(",", "").split() == list(record.tags)
    assert example_text[slice(*record.spans["eo"])] == "E.O. 12958: DECL: 4/11/2016"


def test_seed_record_validates(record):
    assert schema_errors(record.to_json()) == []
