"""Header rules of the format that a second blind set of cables showed were missing: the subject's
portion mark in any case and at either end, the classifier's titles and suffixes, and the
signer; each with a near case."""

from __future__ import annotations

import pytest

from cablegram import parse
from cablegram.parse import fields as F

HEAD = "P 141433Z FEB 08\nFM SECSTATE WASHDC\nTO AMEMBASSY BERLIN PRIORITY\n\n"


def _subject(line: str) -> str | None:
    return parse(HEAD + "SECRET STATE 015220\n\nE.O. 12958: DECL: 02/14/2033\nTAGS: PARM\n" + line
                 + "\n\n1. (S) This is an action request.\n").subject


@pytest.mark.parametrize("line, subject", [
    ("SUBJECT: (S) FURTHER SCHEMING BY GERMAN FIRM", "FURTHER SCHEMING BY GERMAN FIRM"),
    ("Subject: (s) further scheming by german firm", "further scheming by german firm"),  # typed in lower case
    ("SUBJ: ROMANIAN REQUEST FOR EQUIPMENT (C)", "ROMANIAN REQUEST FOR EQUIPMENT"),  # the mark after it
    ("SUBJECT: (SBU) TALKS ON TRADE", "TALKS ON TRADE"),
])
def test_the_subjects_portion_mark_is_dropped_in_any_case_at_either_end(line, subject):
    assert _subject(line) == subject


@pytest.mark.parametrize("line, subject", [
    ("SUBJECT: TALKS ON (C) LEVEL", "TALKS ON (C) LEVEL"),  # inside the subject: words of it
    ("SUBJECT: PRICES (US) AND DUTIES", "PRICES (US) AND DUTIES"),
    ("SUBJECT: VISIT OF MR. X (PARIS)", "VISIT OF MR. X (PARIS)"),
])
def test_a_bracketed_word_that_is_no_mark_at_the_ends_stays(line, subject):
    assert _subject(line) == subject


# -- the classifier ---------------------------------------------------------------------------------
@pytest.mark.parametrize("line, name, title", [
    ("Classified By: COM Carmen Martinez for Reasons 1.5 (B,D)", "Carmen Martinez", "COM"),  # Chief of Mission
    ("Classified By: CHARGE STUART E.JONES, REASONS 1.5 B AND D", "STUART E.JONES", "CHARGE"),  # initial glued on
    ("Classified By: CHARGE STUART E. JONES, REASONS 1.5 B AND D", "STUART E. JONES", "CHARGE"),
])
def test_the_classifiers_name_after_a_title(line, name, title):
    c = F.classified_by(line)
    assert (c.name, c.title) == (name, title)


@pytest.mark.parametrize("line", [
    "Classified By: POL/ECON E.SMITH/J.DOE, Reasons 1.4 (b)",  # offices, not a name
    "Classified By: COM, Reasons 1.4 (b)",  # a title alone
])
def test_no_name_where_only_titles_or_offices_stand(line):
    assert F.classified_by(line).name is None


@pytest.mark.parametrize("line, name, title", [
    ("Classified By: Ambassador Clark T. Randt, Jr. Reasons 1.4 (b) and (d).", "Clark T. Randt, Jr", "Ambassador"),
    ("Classified By: DCM John Smith, III, reasons 1.4 (b)", "John Smith, III", "DCM"),
    ("Classified By: John Smith, Deputy Chief of Mission, reasons 1.4 (b)", "John Smith", "Deputy Chief of Mission"),
])
def test_a_names_suffix_after_its_comma_stays_with_the_name(line, name, title):
    c = F.classified_by(line)
    assert (c.name, c.title) == (name, title)


# -- the signer -------------------------------------------------------------------------------------
_MIXED = ("P 141433Z FEB 07\nFM AMEMBASSY BEIJING\nTO SECSTATE WASHDC PRIORITY 1234\n\nC O N F I D E N T I A L BEIJING 005705\n\n"
          "E.O. 12958: DECL: 09/03/2032\nTAGS: PREL CH\nSUBJECT: A DINNER\n\nClassified By: {classifier} Reasons 1.4 (b) and (d).\n\n"
          "1. (C) Ambassador and Mrs. Randt hosted the mayor.\n\n2. (C) He has not taken a single vacation. Randt\n")


@pytest.mark.parametrize("classifier, signer", [
    ("Ambassador Clark T. Randt, Jr.", "Randt"),  # the classifier with a signer's title bears the name
    ("DCM Dan Piccuta.", None),  # near case: the text uses the word, and no signer's title names it
])
def test_a_name_the_text_uses_is_the_signer_where_the_classifier_bears_it(classifier, signer):
    assert parse(_MIXED.format(classifier=classifier)).signature == signer


def test_a_signer_set_twice_is_read_once():
    r = parse(HEAD + "SECRET STATE 015220\n\nSUBJECT: X\n\n1. (S) The tide will turn.\n\nPARDEW PARDEW\n")
    assert r.signature == "PARDEW"
    r = parse(HEAD + "SECRET STATE 015220\n\nSUBJECT: X\n\n1. (S) The tide will turn.\n\nJOHN PARDEW\n")
    assert r.signature == "JOHN PARDEW"  # two words that differ: as written
