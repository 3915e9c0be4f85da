"""The policy decides strictness in one place."""

from __future__ import annotations

import pytest

from cablegram import STRICT, DefectError, Policy, parse


def test_lenient_returns_the_record_with_defects(example_text):
    assert parse(example_text).defects


def test_strict_raises_with_the_record(example_text):
    with pytest.raises(DefectError) as info:
        parse(example_text, policy=STRICT)
    assert info.value.record.subject == "INFORMING RUSSIA OF NEW US-ROK PEACE PLAN"
    assert "ambiguous-number" in info.value.codes


def test_strict_on_chosen_codes_only(example_text):
    record = parse(example_text, policy=Policy(strict=True, codes=frozenset({"empty-input"})))
    assert record.defects  # other codes do not stop it
    with pytest.raises(DefectError):
        parse("", policy=Policy(strict=True, codes=frozenset({"empty-input"})))


@pytest.mark.parametrize("placeholder", [
    "TELEGRAM TEXT FOR THIS MRN IS UNAVAILABLE",
    "Telegram text for this MRN is unavailable",
    "EXPAND  ERROR\nENCOUNTERED",
    "expand error encountered",
])
def test_archive_placeholder_is_a_defect_in_any_case_and_spacing(placeholder):
    text = f"UNCLASSIFIED\nMRN: 09STATE12345\nSUBJECT: TALKS\n\n{placeholder}\n"
    assert "text-unavailable" in {d.code for d in parse(text).defects}


def test_ordinary_text_is_not_taken_for_the_placeholder():
    text = "UNCLASSIFIED\nSUBJECT: TALKS\n\n1. THE MINISTER WAS UNAVAILABLE; WE ENCOUNTERED HIS DEPUTY.\n"
    assert "text-unavailable" not in {d.code for d in parse(text).defects}
