"""Properties that hold for every input: parse never raises, spans lie inside the input and hold
the value's raw form, and every record validates against the cablegram/1 schema."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram import parse
from conftest import schema_errors

# Text that looks like telegrams: header words, markings, numbers, stamps and noise mixed at random.
TOKENS = [
    "SECRET", "S E C R E T", "UNCLASSIFIED", "CONFIDENTIAL", "NODIS", "SIPDIS", "FM AMEMBASSY PARIS", "TO SECSTATE WASHDC",
    "INFO RUEHLO/AMEMBASSY LONDON PRIORITY 0456", "O 131503Z MAR 08", "P R 041820Z JAN 10", "E.O. 12958: DECL: 4/11/2016",
    "TAGS: PREL, US, KN", "SUBJECT: ", "REF: A. STATE 45678 B. 05 PARIS 12", "1. (C)", "2.", "(S)", "RELEASED IN FULL",
    "RELEASE IN PART B5,B6", "R1224", "PAGE 02 KABUL 01234 01 OF 02 141205Z", "TRIPOLI 00000220 002 OF 003", "~~",
    "APPR _____", "Classified By: Jane Doe, CDA; Reason: 1.4 (b), (d)", "VZCZCXRO1234", "DE RUEHXX #0220/01 0731503",
    "ZNY CCCCC ZZH", "MRN:", "Date/DTG:", "&#x000A;", "¶", "-", "\n", "\n\n", " ", "SEKPOL 8674", "EAP/K:JGOLDSTEIN:JLG",
    "IMMEDIATE MOSCOW", "# DOC", "## Page 2", "---", "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05765907 Date: 08/31/2015",
]
telegramish = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=60).map(" ".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(data) -> None:
    record = parse(data)
    out = record.to_json()
    assert schema_errors(out) == []
    assert not any(d.code == "parser-error" for d in record.defects), record.defects
    text = data if isinstance(data, str) else None
    if text is None:
        return
    n = len(text.replace("\r\n", "\n").replace("\r", "\n"))
    for name, (a, b) in record.spans.items():
        assert 0 <= a <= b <= n, (name, a, b, n)
    for p in record.paragraphs:
        assert 0 <= p.span[0] <= p.span[1] <= n
    for rem in record.removed:
        assert 0 <= rem.span[0] <= rem.span[1] <= n


@SETTINGS
@given(st.text(max_size=400))
def test_parse_never_raises_on_any_text(text):
    _check(text)


@SETTINGS
@given(st.binary(max_size=400))
def test_parse_never_raises_on_any_bytes(data):
    _check(data)


@SETTINGS
@given(telegramish)
def test_parse_never_raises_on_telegram_like_text(text):
    _check(text)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _letters(s: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", s.upper())


@SETTINGS
@given(telegramish)
def test_spans_hold_the_raw_form_of_their_values(text):
    record = parse(text)
    for name in ("subject", "dtg", "mrn"):
        value = getattr(record, name)
        if value and name in record.spans:
            raw = text[slice(*record.spans[name])]
            # The value is its raw text less any furniture normalisation cut out of the middle.
            assert _subsequence(_letters(value), _letters(raw)) or _letters(raw) in _letters(value), (name, value, raw)
    if record.classification and "classification" in record.spans:
        raw = text[slice(*record.spans["classification"])]
        letters = _letters(raw)
        warning = len(set(letters)) == 1 and letters[0] == record.classification[0]  # ZNY CCCCC
        assert letters[:4] in _letters(record.classification) or letters.startswith(("UNCLAS", "UUNCLAS")) or warning, raw


def test_spans_hold_raw_forms_on_a_real_cable():
    text = (
        "O 131503Z MAR 08\nFM AMEMBASSY TRIPOLI\nTO RUEHC/SECSTATE WASHDC PRIORITY 3217\n"
        "C O N F I D E N T I A L SECTION 01 OF 03 TRIPOLI 000220\n\nSIPDIS\n\nE.O. 12958: DECL: 03/13/2018\n"
        "TAGS: PGOV PREL\nSUBJECT: A SUBJECT THAT\n WRAPS\n\n1. (C) Text.\n\nSTEVENS\n"
    )
    r = parse(text)
    assert text[slice(*r.spans["dtg"])] == "131503Z MAR 08"
    assert text[slice(*r.spans["classification"])] == "C O N F I D E N T I A L"
    assert " ".join(text[slice(*r.spans["subject"])].split()) == r.subject == "A SUBJECT THAT WRAPS"
    assert text[slice(*r.spans["mrn"])] == "TRIPOLI 000220"
    assert text[slice(*r.spans["signature"])] == "STEVENS"
