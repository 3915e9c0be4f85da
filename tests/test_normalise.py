"""One fixture per normalisation rule: what it removes, what it keeps, what it lifts, and that the
offset map still points into the original."""

from __future__ import annotations

import pytest

from cablegram.normalise import RULE_NAMES, normalise


def run(text: str, skip=()):
    clean, state = normalise(text, skip=skip)
    return clean, state


def removed(state, rule):
    return [r.raw for r in state.removals if r.rule == rule]


def test_page_banners_are_removed_and_their_levels_kept():
    text = "SECRET\n\nSUBJECT: X\n\n1. Text.\n\nUNCLASSIFIED\n\n~~SECRET~~\n"
    clean, state = run(text)
    assert "SECRET" not in clean.text.replace("SUBJECT", "")
    assert [lv for lv, _ in state.release.banners] == ["SECRET", "UNCLASSIFIED", "SECRET"]
    assert state.release.struck_banners == ["SECRET"]


def test_letter_spaced_banner_is_a_banner():
    clean, state = run("C O N F I D E N T I A L\nbody\n")
    assert [lv for lv, _ in state.release.banners] == ["CONFIDENTIAL"]
    assert "C O N" not in clean.text


@pytest.mark.parametrize("blank", [" ", "\t", "\xa0", "\u2003", "\u3000", "\x0c"])
def test_a_banner_indented_with_any_blank_is_a_banner(blank):
    # Text converted from HTML or a word processor indents with no-break and em spaces.
    clean, state = run(f"{blank}SECRET\n\nSUBJECT: X\n\n1. Text.\n\n{blank * 3}SECRET{blank}\n")
    assert [lv for lv, _ in state.release.banners] == ["SECRET", "SECRET"]
    assert "SECRET" not in clean.text


@pytest.mark.parametrize("blank", ["\xa0", "\u2003"])
def test_a_page_number_indented_with_any_blank_is_removed(blank):
    clean, state = run(f"text one\n\n{blank * 4}2\n\ntext two\n")
    assert removed(state, "page-number") == ["2"]


def test_bare_page_numbers_only_between_blank_lines():
    clean, state = run("text one\n\n2\n\ntext two\n3 APPLES\n")
    assert removed(state, "page-number") == ["2"]
    assert "3 APPLES" in clean.text


def test_release_stamp_with_exemptions_on_following_lines():
    clean, state = run("RELEASE IN PART\nB5,B6\n\nbody text\n")
    assert state.release.status == "RELEASE IN PART"
    assert state.release.exemptions == ["B5", "B6"]
    assert "B5" not in clean.text and "body text" in clean.text


def test_release_stamp_split_over_lines_by_ocr():
    _, state = run("RELEASE IN\n\nFULL\n\nbody\n")
    assert state.release.status == "RELEASE IN FULL"


@pytest.mark.parametrize("blank", ["\xa0", "\u2003"])
def test_stamps_standing_alone_indented_with_any_blank(blank):
    _, state = run(f"{blank}RELEASE{blank}IN{blank}\n\nFULL\n\nbody\n")
    assert state.release.status == "RELEASE IN FULL"
    clean, state = run(f"made in that message.\n\n{blank * 2}DECLASSIFIED\n\nAuthority NND 12345\n")
    assert state.release.status == "DECLASSIFIED"
    assert "DECLASSIFIED" not in clean.text


def test_release_words_inside_running_text_are_not_a_stamp():
    clean, state = run("The ministry said the prisoners were released in full view of the press at noon today.\n")
    assert state.release.status is None
    assert "released in full view" in clean.text


def test_reviewer_code_beside_the_stamp():
    _, state = run("RELEASED IN FULL\n\nR1224\n\nbody\n")
    assert state.release.reviewer == "R1224"


def test_foia_banner_lifts_case_doc_and_date():
    text = "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05765907 Date: 08/31/2015\nbody\n"
    clean, state = run(text)
    r = state.release
    assert (r.case_number, r.doc_number, r.release_date) == ("F-2014-20439", "C05765907", "2015-08-31")
    assert "Case No" not in clean.text


def test_foia_banner_tolerates_stripped_punctuation():
    _, state = run("UNCLASSIFIED US Department of State Case No F-2016-07743 Doc No C17980027 Date 07 31 2017\n")
    assert (state.release.case_number, state.release.doc_number, state.release.release_date) == (
        "F-2016-07743", "C17980027", "2017-07-31")


def test_systematic_review_stamp_removed_mid_paragraph():
    text = "THE TALKS Sheryl P. Walter Declassified/Released US Department of State EO Systematic Review 20 Mar 2014 WILL RESUME\n"
    clean, state = run(text)
    assert "Systematic" not in clean.text and "THE TALKS" in clean.text and "WILL RESUME" in clean.text
    assert state.release.release_date == "2014-03-20"
    assert state.release.reviewer == "Sheryl P. Walter"


def test_crest_banner():
    _, state = run("Approved For Release 2006/04/19 : CIA-RDP86-00674R000300030001-3\nbody\n")
    assert state.release.doc_number == "CIA-RDP86-00674R000300030001-3"
    assert state.release.release_date == "2006-04-19"


def test_continuation_header_inside_a_sentence():
    text = "no objection to a TRIPOLI 00000220 002 OF 003 visit by Emboffs\n"
    clean, state = run(text)
    assert "00000220" not in clean.text
    assert "no objection to a" in clean.text and "visit by Emboffs" in clean.text
    assert removed(state, "continuation-header") == ["TRIPOLI 00000220 002 OF 003"]


def test_teletype_page_header_keeps_page_one():
    text = "PAGE 01 HARARE 06677 01 OF 03 291400Z\nA\nPAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER\n"
    clean, state = run(text)
    assert "PAGE 01" in clean.text
    assert "PAGE 02" not in clean.text and "OPPOSITION LEADER" in clean.text


def test_worksheet_boxes():
    clean, state = run("APPR _____ DRAFT _____\nCLEAR 1 _____ 2 _____\nEAP/K:JGOLDSTEIN:JLG\n")
    assert len(removed(state, "worksheet-box")) == 2
    assert clean.text.strip() == "EAP/K:JGOLDSTEIN:JLG"


def test_markdown_page_markers_and_record_number():
    text = "# 104-10192-10266\n\n## Page 1\n\nbody\n\n---\n\n## Page 2\n\nmore\n"
    clean, state = run(text)
    assert "## Page" not in clean.text and "---" not in clean.text
    assert state.release.doc_number == "104-10192-10266"


def test_jfk_legends():
    text = "104-10192-10266\n2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\nbody\nNW 65924 Docld:32344268 Page 2\n"
    clean, state = run(text)
    assert clean.text.strip() == "body"


def test_strike_marks_keep_text_and_record_span():
    text = "- ~~When the ROKG invited~~ Korea, it said\n"
    clean, state = run(text)
    assert "~~" not in clean.text and "When the ROKG invited Korea" in clean.text
    assert [text[a:b] for a, b in state.struck] == ["When the ROKG invited"]


def test_dehyphenate_joins_known_words_and_keeps_compounds():
    text = "A SIGNIFI-\nCANT STEP. THIS IS SIGNIFICANT. A DECISION-\nMAKING BODY\n"
    clean, _ = run(text)
    assert "A SIGNIFICANT STEP" in clean.text
    assert "DECISION-MAKING BODY" in clean.text


def test_html_entities_and_pilcrows():
    clean, _ = run("¶1. (C) A &amp; B&#x000A;C\n")
    assert clean.text.startswith("1. (C) A & B\nC")


def test_stray_glyphs_after_the_header_zone():
    text = "\n".join(["L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "body", "YY", "|", "A."]) + "\n"
    clean, state = run(text)
    assert removed(state, "stray-glyphs") == ["YY", "|"]
    assert "A." in clean.text


def test_rejoin_sentence_split_by_a_stamp():
    text = "the two sides agreed to\n\nRELEASED IN FULL\n\nmeet again next week.\n"
    clean, _ = run(text)
    assert "agreed to\nmeet again" in clean.text


# A page of text extracted with its layout kept: every line behind the same margin, a banner and
# a stamp further left or right.
LAID_OUT = ("UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05787984 Date: 12/31/2015\n\n"
            "{m}UNCLAS STATE 010280\n\n{m}SUBJECT: ASSIGNMENT\n\n{m}1.ASSIGNMENT:\n{m}Department announces the\n"
            "{m}assignment as follows:\n\n{m}    A. Assign to the post.\n\n{m}2.COMBINED TOD: N/A\n\n"
            "{m}3. TRAVEL: none.\n\n{m}CLINTON\n")


def test_a_margin_every_line_shares_is_taken_off_and_spans_still_point_into_the_original():
    text = LAID_OUT.format(m=" " * 8)
    clean, state = run(text)
    assert "\n1.ASSIGNMENT:\n" in clean.text and "\n    A. Assign" in clean.text  # deeper indents kept, less the margin
    assert not any(r.rule == "page-margin" for r in state.removals)  # blanks only: nothing recorded
    assert any("left margin of 8" in n for n in state.notes)
    at = clean.text.index("1.ASSIGNMENT")
    start, end = clean.span(at, at + len("1.ASSIGNMENT"))
    assert text[start:end] == "1.ASSIGNMENT"


@pytest.mark.parametrize("margin", ["", " "])
def test_no_margin_is_taken_off_text_at_the_left_edge_or_one_blank_in(margin):
    text = LAID_OUT.format(m=margin)
    clean, state = run(text)
    assert clean.text.count(f"\n{margin}1.ASSIGNMENT") == 1 and not state.notes


@pytest.mark.parametrize("text", ["  ", "  \n   \n", "\n\n  \t\n"])
def test_a_text_of_blanks_alone_has_no_margin(text):
    clean, state = run(text)  # (the margin rule once failed on a text with no line to measure)
    assert not state.notes


def test_indented_paragraph_openings_alone_are_no_margin():
    # A typed page indents each paragraph's first line, not its others.
    text = "\n".join(["     1. FIRST LINE", "of the text", "and more", "     2. SECOND", "goes on", "and on"]) + "\n"
    clean, state = run(text)
    assert clean.text.startswith("     1. FIRST") and not state.notes


def test_paragraphs_of_a_laid_out_page_are_numbered():
    from cablegram import parse
    r = parse(LAID_OUT.format(m=" " * 8))
    assert [p.number for p in r.paragraphs if p.number] == [1, 2, 3]


def test_every_rule_can_be_switched_off():
    text = "SECRET\n\n2\n\nbody\n"
    clean, _ = run(text, skip=RULE_NAMES)
    assert clean.text == text + "\n" or clean.text.rstrip("\n") == text.rstrip("\n")


def test_unknown_rule_name_is_an_error():
    with pytest.raises(ValueError, match="unknown normalisation rule"):
        normalise("x", skip=["no-such-rule"])


def test_offset_map_points_into_the_original():
    text = "SECRET\n\nRELEASED IN FULL\n\nSUBJECT: PEACE PLAN\n"
    clean, _ = run(text)
    i = clean.text.index("PEACE")
    a, b = clean.span(i, i + len("PEACE PLAN"))
    assert text[a:b] == "PEACE PLAN"


def test_nara_declassification_stamp():
    clean, state = run("made in that message.\n\nDECLASSIFIED\n\nAuthority NND 12345\n")
    assert state.release.status == "DECLASSIFIED"
    assert "DECLASSIFIED" not in clean.text


@pytest.mark.parametrize("line, number", [
    ("(o4-10219-10072) [2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT", "104-10219-10072"),
    ("1104-10336-10004", "104-10336-10004"),
])
def test_garbled_jfk_record_numbers_are_repaired(line, number):
    _, state = run(line + "\nbody of the record\n")
    assert state.release.doc_number == number


def test_jfk_footer_gives_the_case_number_and_legend_the_date():
    text = ("Released under the John F. Kennedy\nAssassination Records Collection Act of\n"
            "1992 (44 USC 2107 Note). Case#:NW\n55924 Date: 10.21-2021\nbody\nNW 65924 Docld:32344268 Page 1\n")
    clean, state = run(text)
    assert state.release.case_number == "NW 65924"
    assert state.release.release_date == "2021-10-21"
    assert clean.text.strip() == "body"


@pytest.mark.parametrize("footer", ["NW#: 64822\nDocid: 32208170", "NW# : 64822\nDocld:32349411", "NW 65990"])
def test_jfk_footer_halves_on_lines_of_their_own_are_removed(footer):
    text = f"Released under the John F. Kennedy\nAssassination Records Collection Act\nCHALKER\n{footer}\n"
    clean, state = run(text)
    assert clean.text.strip() == "CHALKER"
    assert removed(state, "jfk-legend")[-1] == footer.split("\n")[-1]


def test_a_number_after_nw_in_text_or_without_the_jfk_legend_stays():
    clean, _ = run("Released under the John F. Kennedy\nTHE NW 1234 ROAD SIGN\n")
    assert "THE NW 1234 ROAD SIGN" in clean.text
    clean, _ = run("BODY\nNW 65990\n")  # no JFK legend anywhere: another collection's text
    assert "NW 65990" in clean.text


def test_systematic_review_stamp_broken_over_two_lines():
    text = "HELMS\n\nDeclassified/Released US Department of State EO\nSystematic Review 05 JUL 2006\n"
    clean, state = run(text)
    assert clean.text.strip() == "HELMS"
    assert state.release.release_date == "2006-07-05"


def test_systematic_review_stamp_in_capitals_whole_and_broken():
    clean, state = run("THE TALKS DECLASSIFIED/RELEASED US DEPARTMENT OF STATE EO SYSTEMATIC REVIEW 20 MAR 2014 WILL RESUME\n")
    assert "SYSTEMATIC" not in clean.text and "WILL RESUME" in clean.text
    assert state.release.release_date == "2014-03-20"
    clean, state = run("HELMS\n\nDECLASSIFIED/RELEASED US DEPARTMENT OF STATE EO\nSYSTEMATIC REVIEW 05 JUL 2006\n")
    assert clean.text.strip() == "HELMS"
    assert state.release.release_date == "2006-07-05"


def test_hyphen_spaced_marking_of_cia_forms_is_a_banner():
    clean, state = run("S-E-C-R-E-T\n\nDIR CITE MEXI 1234\n\nS - E - C - R - E - T\n")
    assert [lv for lv, _ in state.release.banners] == ["SECRET", "SECRET"]
    assert "S-E-C" not in clean.text and "CITE MEXI" in clean.text


def test_hyphenated_words_are_not_a_banner():
    _, state = run("S-E-A\n\nbody\n")
    assert state.release.banners == []


@pytest.mark.parametrize("text, kept", [
    ("We checking further\nDEAN\nREPRODUCTION FROM THIS COPY IS\nPROHIBITED UNLESS \"UNCLASSIFIED\"\nnext page\n", "next page"),
    ("Text.\ns ET -REPRODUCTION FROM THIS COPY IS\nER PROHIBITED UNLESS “UNCLASSIFIED”\nmore\n", "more"),
    ("2. WILL ADVISE.\nREPRODUCTION BY OTHER THAN THE ISSUING OFFICE IS PROHIBITED.\nCopy No.\n", "Copy No."),
])
def test_reproduction_notice_and_its_second_line_are_removed(text, kept):
    clean, state = run(text)
    assert "REPRODUCTION" not in clean.text and "PROHIBITED" not in clean.text
    assert kept in clean.text
    assert removed(state, "reproduction-notice")


def test_the_word_reproduction_in_running_text_stays():
    clean, state = run("The reproduction of the report is allowed here.\n")
    assert "reproduction" in clean.text and not removed(state, "reproduction-notice")


def test_stamp_split_over_lines_after_blank_lines_and_indentation():
    text = "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05797643 Date: 11/30/2015\n\n\n" \
           + " " * 60 + "RELEASE IN\n" + " " * 60 + "FULL\n\n\nFrom: H\n"
    clean, state = run(text)
    assert state.release.status == "RELEASE IN FULL"
    assert "FULL" not in clean.text


def test_jfk_legend_tail_with_date_misread():
    text = "Released under the John F. Kennedy\nAssassination Records Collection Act of\n" \
           "1992 (44 USC 2107 Note). Case#:NW\n\n65987 Diate: 10-29-2021\n\nCLASSIFIED MESSAGE\n"
    clean, state = run(text)
    assert state.release.release_date == "2021-10-29"
    assert "65987" not in clean.text


def test_reviewer_code_repeated_with_the_stamp_on_every_page_is_removed_each_time():
    page = "RELEASED IN FULL\nR1224\n\nText of page {n}.\n\n"
    clean, state = run("".join(page.format(n=n) for n in range(3)))
    assert state.release.reviewer == "R1224"
    assert "R1224" not in clean.text and "Text of page 2." in clean.text
    assert len(removed(state, "reviewer-code")) == 3


@pytest.mark.parametrize("tail", ["Case#NW 65990 Date: 11-01-2021", "adeliNk 55924 Date: 11-01-2021"])
def test_jfk_legend_tail_keeping_its_label_or_garbled_into_two_words(tail):
    text = "Records Collection Act of 1992 (44 USC 2107 Note).\n" + tail + "\n\nCLASSIFIED MESSAGE\n"
    clean, state = run(text)
    assert state.release.release_date == "2021-11-01"
    assert "Date" not in clean.text


def test_a_dated_line_far_from_any_jfk_legend_is_text():
    _, state = run("JFK\n\n1\n\n2\n\n3\n\n4\n\nMEETING NOTES Date: 11-01-2021\n")
    assert state.release.release_date is None


# -- archive-row: the Cablegate database dump ---------------------------------------------------------
DUMP = ("2007-09-11 09:44:00\t07EXAMPLE881\tEmbassy Example\tSECRET\t07STATE124823\tVZCZCXRO4549\\\n"
        "FM AMEMBASSY EXAMPLE\\\n"
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 4460\tS E C R E T EXAMPLE 000881 \\\n"
        " \\\n"
        "SUBJECT: TALKS \\\n"
        "1. (S) TEXT. \\\n"
        "CARTER \\\n"
        "121752\t2007-09-11 12:50:00\t07TBILISI2290\tEmbassy Tbilisi\tUNCLASSIFIED\t\tVZCZCXRO4053\\\n"
        "FM AMEMBASSY TBILISI\\\n"
        "TEFFT\n")


def test_archive_rows_are_read_as_the_first_cable():
    clean, state = run(DUMP)
    lines = [ln.strip() for ln in clean.text.split("\n")]
    assert lines[:4] == ["VZCZCXRO4549", "FM AMEMBASSY EXAMPLE", "TO RUEHC/SECSTATE WASHDC IMMEDIATE 4460",
                         "S E C R E T EXAMPLE 000881"]
    assert "\\" not in clean.text and "TBILISI" not in clean.text and "2007-09-11" not in clean.text
    assert removed(state, "archive-row") == ["2007-09-11 09:44:00\t07EXAMPLE881\tEmbassy Example\tSECRET\t07STATE124823"]
    assert removed(state, "archive-next-record")[0].startswith("121752\t2007-09-11 12:50:00\t07TBILISI2290")
    assert state.notes and "2 rows" in state.notes[0]


def test_a_text_with_tabs_but_no_row_is_left_alone():
    text = "SUBJECT: TALKS\n1. The minister\tsaid little.\n"
    clean, state = run(text)
    assert clean.text.rstrip("\n") == text.rstrip("\n") and not removed(state, "archive-row")


def test_archive_row_record_reads_the_first_cable():
    from cablegram import parse
    rec = parse(DUMP)
    assert rec.signature == "CARTER" and rec.classification == "SECRET"
    assert [a.name for a in rec.to] == ["SECSTATE WASHDC"]
    assert any("rows of an archive's export" in note for note in rec.notes)
    for start, end in rec.spans.values():
        assert 0 <= start <= end <= len(DUMP)
