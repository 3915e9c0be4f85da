"""Cables as their archives print them: a published extract's dateline, a month's abbreviation
between a routed post and its sequence number, and a signer run on after END COMMENT. The texts
are made up in the style of the telegrams; each rule has a near case."""

from __future__ import annotations

import pytest

from cablegram import parse
from cablegram.parse import fields as F

EXTRACT = """This record is a partial extract of the original cable. The full text of the original cable is not available.

{dateline}
S E C R E T SECTION 01 OF 02 EXAMPLEPORT 001100
SIPDIS
EO 12958 DECL: 08/26/2014
TAGS PARM, PREL
SUBJECT: A MEETING
Classified By: CDA A.I. PAT EXAMPLE FOR REASON 1.5 (B).
1. (S) The minister said little.
"""


def test_extract_dateline_gives_the_date_and_a_note():
    rec = parse(EXTRACT.format(dateline="Friday, 27 August 2004, 08:08"))
    assert rec.date == "2004-08-27"
    assert rec.dtg is None  # the dateline is no DTG
    assert any("extract's dateline" in note for note in rec.notes)
    start, end = rec.spans["date"]
    assert EXTRACT.format(dateline="Friday, 27 August 2004, 08:08")[start:end] == "27 August 2004"


@pytest.mark.parametrize("dateline", [
    "27 August 2004",  # no weekday and time: not the extract's dateline form
    "Friday, 27 August 2004",
])
def test_a_date_that_is_not_the_extract_dateline_is_not_read_as_one(dateline):
    assert parse(EXTRACT.format(dateline=dateline)).date is None


@pytest.mark.parametrize("line, name, sequence", [
    ("RUEHLP/AMEMBASSY LA PAZ JUN 9467", "AMEMBASSY LA PAZ", 9467),
    ("RUEHLP/AMEMBASSY LA PAZ PRIORITY 0313", "AMEMBASSY LA PAZ", 313),
    ("RUEHXX/AMEMBASSY NOWHERE JUN 9467", "AMEMBASSY NOWHERE JUN", 9467),  # not a known post: as written
    ("RUEHC/SECSTATE WASHDC MAY 0001", "SECSTATE WASHDC", 1),
])
def test_a_month_between_a_post_and_its_number_is_dropped(line, name, sequence):
    a = F.addressee(line)
    assert (a.name, a.sequence) == (name, sequence)


SIGNED = """SUBJECT: A MEETING

1. (C) The minister said little.

2. (C) COMMENT: We will follow this closely. {last}
"""


@pytest.mark.parametrize("last, signer", [
    ("END COMMENT EXAMPLEMAN", "EXAMPLEMAN"),
    ("End comment DOE", "DOE"),
    ("END COMMENT. EXAMPLEMAN", "EXAMPLEMAN"),
    ("END COMMENT", None),  # nothing after the mark
    ("END COMMENT SUMMARY", None),  # a marking word, no name
])
def test_signer_run_on_after_end_comment(last, signer):
    rec = parse(SIGNED.format(last=last))
    assert rec.signature == signer
    if signer:
        assert signer not in rec.paragraphs[-1].text
