"""A CIA cable's originator and releasing officer, as its message form and the staff cable's
closing line give them; each with a near case."""

from __future__ import annotations

import pytest

from cablegram import parse

_FORM = "104-10227-10103\n\nCLASSIFIED MESSAGE\n\nSECRET\n\n{box}\n\nROUTING\n\nPRIORITY MEXI CITE DIR 12345\n\n1. TEXT.\n"


@pytest.mark.parametrize("box, drafter", [
    ("ORIG: MARTHA THARPE: mas\n\nUNIT: WH/4/PA-PROP", "MARTHA THARPE"),  # the typist's initials after a colon
    ("ORIG : \n\nJ. Stewart\n\nUNIT :\n\nTH/1", "J. Stewart"),  # the label alone, the name below it
    ("ORIG\n\nUNIT\n\nErich W. Isenstead:br", "Erich W. Isenstead"),  # past another label, with initials
    ("ORIG:\n\nC/LA/STB (STURBITTS), COORD: C/LA/VCE/E (TURBERVILLE)", "STURBITTS"),  # office and name below
])
def test_the_message_forms_originator_is_the_drafter(box, drafter):
    assert parse(_FORM.format(box=box)).drafted_by.name == drafter


@pytest.mark.parametrize("box", [
    "ORIG\n\nUNIT\n\nErich W. Isenstead",  # past another label without initials: whose name is it?
    "ORIG:\n\nSECRET MESSAGE",  # the form's own words
    "ORIG: jp ROUTING",
])
def test_no_drafter_where_the_box_holds_no_name(box):
    assert parse(_FORM.format(box=box)).drafted_by is None


def test_the_staff_cables_closing_line_names_originator_and_releasing_officer():
    close = ("\n\nORIG AC/LA/MOSB (LEHMAN X1222) COORD: C/PCS (PAGE); AUTH: AC/LA/MOSB (LEHMAN); "
             "REL: C/LA (WARREN). CL BY: 12180.\n\nEND OF MESSAGE\n")
    r = parse(_FORM.format(box="SECRET") + close)
    assert (r.drafted_by.name, r.drafted_by.office) == ("LEHMAN", "AC/LA/MOSB")
    assert (r.approved_by.name, r.approved_by.office) == ("WARREN", "C/LA")
    # COORD names the offices that coordinated, as a clearance does (three labellers in four read
    # them as clearers: docs/accuracy.md, "The eleventh and twelfth passes").
    assert [(o.name, o.office) for o in r.cleared_by] == [("PAGE", "C/PCS")]


def test_an_office_without_a_name_names_no_officer():
    r = parse(_FORM.format(box="SECRET") + "\n\nORIG: EA/J; AUTH: DC/EA/J; REL: DC/EA\n\nEND OF MESSAGE\n")
    assert (r.drafted_by, r.approved_by) == (None, None)
