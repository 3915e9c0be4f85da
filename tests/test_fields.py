"""Field grammars, one behaviour per test: value and what the grammar refuses."""

from __future__ import annotations

import pytest

from cablegram.parse import fields as F


@pytest.mark.parametrize("text, written, when", [
    ("O 131503Z MAR 08", "131503Z MAR 08", "2008-03-13T15:03:00Z"),
    ("P R 041820Z JAN 10", "041820Z JAN 10", "2010-01-04T18:20:00Z"),
    ("PR 031735Z FEB, 69", "031735Z FEB 69", "1969-02-03T17:35:00Z"),
    ("O 2201l6Z SEP 73 ZFF4", "220116Z SEP 73", "1973-09-22T01:16:00Z"),
])
def test_dtg_accepts_era_forms_and_letter_for_digit(text, written, when):
    got = F.dtg(text)
    assert got is not None and got[:2] == (written, when)


@pytest.mark.parametrize("text", ["311503Z FEB 08", "132503Z MAR 08", "nothing here"])
def test_dtg_refuses_impossible_dates_and_times(text):
    assert F.dtg(text) is None


@pytest.mark.parametrize("line, order, on, event", [
    ("E.O. 12958: DECL: 4/11/2016", "12958", "2016-04-11", None),
    ("EO 12958 DECL: 11/29/10", "12958", "2010-11-29", None),
    ("E.O. 12356: DECL: OADR", "12356", None, "OADR"),
    ("E.O. 11652: GDS", "11652", None, "GDS"),
    ("E.O. 12958: DECL: 2019/09/03", "12958", "2019-09-03", None),
    ("E.O. 12958: DECL: AFTER KOREAN UNIFICATION", "12958", None, "AFTER KOREAN UNIFICATION"),
    ("E.O. 12958: N/A", "12958", None, "N/A"),
])
def test_eo_line_forms(line, order, on, event):
    eo = F.eo_line(line)
    assert (eo.order, eo.declassify_on, eo.event) == (order, on, event)


@pytest.mark.parametrize("line, name, title, reasons", [
    ("Classified By: A/PolCouns Jon Dorschner for Reasons 1.4 (B, D)", "Jon Dorschner", "A/PolCouns", ("1.4(b)", "1.4(d)")),
    ("Classified By: Jane Doe, CDA, Embassy Xxxx, Dept of State. REASON: 1.4 (b), (d)", "Jane Doe", "CDA, Embassy Xxxx, Dept of State", ("1.4(b)", "1.4(d)")),
    ("CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).", "TOM MCDONALD", "AMBASSADOR", ("1.5(b)", "1.5(d)")),
    ("Classified By: CDA for reasons 1.4(b)", None, "CDA", ("1.4(b)",)),
    ("Classified by S/NIS Deputy Coordinator John Herbst. Reason 1.5(d), 1.6X6.", "John Herbst", "S/NIS Deputy Coordinator", ("1.5(d)",)),
])
def test_classified_by_splits_name_title_and_reasons(line, name, title, reasons):
    c = F.classified_by(line)
    assert (c.name, c.title, c.reasons) == (name, title, reasons)


def test_classified_by_reads_declassification_exemption():
    assert F.classified_by("Classified by X Y. Reason 1.5(d), 1.6X6.").exemptions == ("X6",)


@pytest.mark.parametrize("text, codes", [
    ("PREL, US, KN, KS, RS", ["PREL", "US", "KN", "KS", "RS"]),
    ("PGOV PREL PTER PINR IN", ["PGOV", "PREL", "PTER", "PINR", "IN"]),
    ("OVIP (VANCE, CYRUS), PREL", ["OVIP", "VANCE, CYRUS", "PREL"]),
    ("PREL, HUMAN RIGHTS", ["PREL", "HUMAN RIGHTS"]),
])
def test_tags_forms(text, codes):
    assert F.tags(text)[0] == codes


def test_tags_run_together_are_segmented_against_the_lexicon():
    codes, segmented = F.tags("MASSMNUC, BR")
    assert codes == ["MASS", "MNUC", "BR"] and segmented


@pytest.mark.parametrize("text, expected", [
    ("A. STATE 295719, B. BUCHAREST 7518 (NOTAL)", [("A", "STATE", 295719, 2008, False), ("B", "BUCHAREST", 7518, 2008, True)]),
    ("05 NEW DELHI 8782", [(None, "NEW DELHI", 8782, 2005, False)]),
    ("A) JERUSALEM 869 B) JERUSALEM 905", [("A", "JERUSALEM", 869, 2008, False), ("B", "JERUSALEM", 905, 2008, False)]),
    ("TEHRAN 1091: TEHRAN 263: MOSCOW 1603", [(None, "TEHRAN", 1091, 2008, False), (None, "TEHRAN", 263, 2008, False), (None, "MOSCOW", 1603, 2008, False)]),
    ("SECSTATE 82698", [(None, "STATE", 82698, 2008, False)]),
    ("5 FAM 900", []),
])
def test_references(text, expected):
    refs = F.references(text, 2008)
    assert [(r.letter, r.station, r.serial, r.year, r.notal) for r in refs] == expected


def test_reference_year_stated_or_resolved():
    stated, resolved = F.references("A. 05 PARIS 12 B. PARIS 40", 2008)
    assert (stated.year, stated.year_stated) == (2005, True)
    assert (resolved.year, resolved.year_stated, resolved.id) == (2008, False, "2008PARIS000040")


@pytest.mark.parametrize("text, name, routing, prec, seq", [
    ("RUEHC/SECSTATE WASHDC IMMEDIATE 6818", "SECSTATE WASHDC", "RUEHC", "IMMEDIATE", 6818),
    ("AMEMBASSY VIENNA NIACT IMMEDIATE", "AMEMBASSY VIENNA", None, "NIACT IMMEDIATE", None),
    ("RUCJACC/USCINCCENT MACDILL AFB FL//CCJ2/POLAD//", "USCINCCENT MACDILL AFB FL//CCJ2/POLAD//", "RUCJACC", None, None),
    ("WASHDC, SECSTATE ROUTINE", "SECSTATE WASHDC", None, "ROUTINE", None),
    ("ZEN/AMEMDASSY RAWALPINDI", "AMEMBASSY RAWALPINDI", None, None, None),
])
def test_addressee_parts(text, name, routing, prec, seq):
    a = F.addressee(text)
    assert (a.name, a.routing, a.precedence, a.sequence) == (name, routing, prec, seq)


def test_office_name_with_typist_and_empty_box():
    off = F.office_name("EAP/K:JGOLDSTEIN:JLG")
    assert (off.office, off.name, off.typist) == ("EAP/K", "JGOLDSTEIN", "JLG")
    assert F.office_name("S/S-O:").name == ""
    assert F.office_name("CIA:CUNNINGHAM (SUBS)").qualifier == "SUBS"


def test_canonical_id():
    assert F.canonical_id(1996, "STATE", 75727) == "1996STATE075727"
    assert F.canonical_id(2008, "NEW DELHI", 220) == "2008NEWDELHI000220"
    assert F.canonical_id(None, "STATE", 1) is None


def test_tags_with_digits_for_letters_are_read_as_known_codes():
    codes, corrected = F.tags("01IP, OPRC, PGOV, PK")
    assert codes == ["OIIP", "OPRC", "PGOV", "PK"] and corrected


def test_station_with_digits_for_letters_is_read_when_known():
    from cablegram.vocab.tables import known_station

    assert known_station("T0KYO") == "TOKYO"
    assert known_station("NOWHERE9") is None
