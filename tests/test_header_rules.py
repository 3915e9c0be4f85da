"""Header rules of the format that a second blind set of cables showed were missing: the subject's
portion mark in any case and at either end, and the classifier's titles; each with a near case."""

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
