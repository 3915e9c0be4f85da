"""The officers, classification, E.O. line and attention lines of OCR'd releases: rules of the
format found on the studied sets' misses, each with a case written from the format and a near
case the rule must not take."""

from __future__ import annotations

from cablegram import parse

# The routing boxes of a JFK release's cable form, as OCR sets them: each label on its line.
_CIA_BOXES = ("104-10326-10099\n\nSECRET\n\nPAGE :\n\nCONF: LA\n\nINFO: LA/DEFLT,\n\nTOT:\n\n"
              "FROM: DIRECTOR\n\nSLUGS: WNINTEL\n\nTEXT:\n\n1. THE TEXT OF THE CABLE.\n")


def test_a_forms_labels_name_no_clearers():
    assert parse(_CIA_BOXES).cleared_by == ()


_WORKSHEET = ("UNCLASSIFIED\n\nEAP/K:JGOLDSTEIN:JLG\n04/11/96 75727\nEAP:CSMITH\nS/S-O:\n\n"
              "O 111200Z APR 96\nFM SECSTATE WASHDC\nTO AMEMBASSY SEOUL\n\nSUBJECT: TEST\n\n1. TEXT.\n")


def test_the_worksheets_office_lines_below_its_drafter_are_its_clearers():
    r = parse(_WORKSHEET)
    assert r.drafted_by.name == "JGOLDSTEIN"
    assert [(o.office, o.name) for o in r.cleared_by] == [("EAP", "CSMITH"), ("S/S-O", "")]  # (an office's box)


def test_the_telegrams_office_lines_below_drafted_by_are_its_clearers():
    text = ("PAGE 01 STATE 024976\n\nDRAFTED BY EUR/PP:WZIMMERMANN\n\nAPPROVED BY THE SECRETARY\n\n"
            "C:HSONNENFELDT\n\nEUR:JGLOWENSTEIN\n\nR 012139Z FEB 76\nFM SECSTATE WASHDC\nTO ALL EUROPEAN "
            "DIPLOMATIC POSTS\n\nSUBJECT: TEST\n\n1. TEXT.\n")
    assert [o.name for o in parse(text).cleared_by] == ["HSONNENFELDT", "JGLOWENSTEIN"]
