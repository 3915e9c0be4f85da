"""The body grammar: paragraphs, portion marks, signatures as cables print them."""

from __future__ import annotations

import pytest

from cablegram import parse

HEAD = "R 141200Z FEB 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nSUBJECT: A TEST\n\n"


@pytest.mark.parametrize("ending, signature", [
    ("1. (C) Text ends here.\n\nSTAPLETON\n", "STAPLETON"),
    ("1. (C) Text ends here. End Comment. SPOGLI\n", "SPOGLI"),
    ("1. (C) The group met in May. Brownfield\n", "Brownfield"),
    ("1. (C) A radical restructuring. .FARRAR\n", "FARRAR"),
    ("1. (C) Text. ******************** KURTZER\n", "KURTZER"),
    ("1. (C) We will meet him in Paris. Paris\n", None),  # an ordinary word of the text is not a signer
])
def test_signature_forms(ending, signature):
    assert parse(HEAD + ending).signature == signature


def test_paragraph_number_and_portion_are_fields_not_text():
    r = parse(HEAD + "1. (SBU) First.\n\n2. (C/NF) Second.\n\n3. SECRET -- ENTIRE TEXT.\n")
    assert [(p.number, p.portion) for p in r.paragraphs] == [(1, "SBU"), (2, "C/NF"), (3, "S")]
    assert r.paragraphs[0].text == "First."


def test_a_year_at_line_start_is_not_a_paragraph():
    r = parse(HEAD + "1. (C) The plan dates from\n1993. It was revised.\n\n2. (C) Next.\n")
    assert [p.number for p in r.paragraphs if p.number] == [1, 2]


def test_summary_between_markers():
    r = parse(HEAD + "1. (C) Summary: The talks went well. End Summary.\n\n2. (C) Detail.\n")
    assert r.summary == "The talks went well."


def test_message_number_station_with_a_digit_for_a_letter():
    r = parse("R 141200Z FEB 09\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\nC O N F I D E N T I A L T0KYO 000123\n"
              "SUBJECT: A TEST\n\n1. (C) Text.\n")
    assert r.id == "2009TOKYO000123"
    assert "possible-ocr-error" in {d.code for d in r.defects}
