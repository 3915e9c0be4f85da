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


# A 1990s staff cable, its classification block closing the text.
_STAFF = ("104-10326-10099\n\nSECRET\n\nSTAFF 131832Z DIRECTOR 728291\n\nTO: PRIORITY MEXICO CITY.\n\nWNINTEL RYBAT\n\n"
          "1. THE TEXT OF THE CABLE.\n\n2. FILE: NONE. {block}\n\nEND OF MESSAGE\n\nSECRET\n")


def _eo_event(block):
    eo = parse(_STAFF.format(block=block)).eo
    return eo and (eo.order, eo.event)


def test_the_staff_cables_decl_line_gives_the_declassification_event():
    assert _eo_event("CL BY: 0536008, CL REASON: 1.5 (C), DECL ON: X1, DRV FROM: HUM 4-82.") == (None, "X1")
    assert _eo_event("DECL OADR DRV HUM 4-82.") == (None, "OADR")


def test_a_garbled_decl_line_is_read_with_its_repair_noted():
    r = parse(_STAFF.format(block="CL REASON: 1.5 (C), DECI\n\nON: XI, DRV FROM: HUM 4-82."))
    assert (r.eo.event, [d.code for d in r.defects if "XI" in d.message]) == ("X1", ["possible-ocr-error"])


def test_no_event_without_the_blocks_derivation_or_outside_the_decl_label():
    assert _eo_event("CL REASON: 1.5 (C), DECL ON: X1.") is None  # no DRV: no staff classification block
    assert _eo_event("DECISION ON X1 FILE. DRV FROM: HUM 4-82.") is None


def test_impdet_with_its_d_read_as_o():
    assert _eo_event("NO FILE. E2,\n\nIMPOET.") == (None, "E2 IMPDET")


# The 1960s message form's head: the originator's column (ORIG, UNIT, EXT, DATE), as OCR sets it.
_FORM = "104-10227-10199\n\nCLASSIFIED MESSAGE\n\nSECRET\n\n{column}\n\nROUTING\n\nPRIORITY MEXI CITE DIR 12345\n\n1. TEXT.\n"


def _drafter(column):
    off = parse(_FORM.format(column=column)).drafted_by
    return off and off.name


def test_the_originator_below_the_columns_garbled_labels():
    # the colon of ORIG read as an I, the other boxes' labels garbled, a blank line after each
    assert _drafter("ORIGI\n\n@ UNIT :\n\n¿XT:\n\nDATE :\n\nP. MORTON:KK") == "P. MORTON"
    assert _drafter("ORIG:\n\nUNIT:\n\nEXT\n\nCATS\n\nHenry L. Jessup:br") == "Henry L. Jessup"


def test_no_originator_past_the_column_or_without_the_typists_initials():
    assert _drafter("ORIGI\n\nUNIT\n\nEXT\n\nDATE\n\nP. MORTON") is None  # whose name, past the labels?
    assert _drafter("ORIG:\n\nUNIT:\n\nEXT:\n\nDATE:\n\nTO:\n\nP. MORTON:KK") is None  # beyond the column
    assert _drafter("ORIGIN\n\nP. MORTON:KK") is None  # a word, not the label


# An FBI teletype, its text opening with no SUBJECT line or numbered paragraph.
_TELETYPE = ("124-10035-10999\n\nFEDERAL BUREAU OF INVESTIGATION\n\nU. S. DEPARTMENT OF JUSTICE\n\nCOMMUNICATIONS SECTION\n\n"
             "URGENT\n\n8-17-61\n\nTO DIRECTOR, FBI 92-2914\n\nFROM SAC, PITTSBURGH 92-236\n\n{line}"
             "JOHN DOE, AKA. MIAMI TO BUREAU, AUGUST FIFTEEN LAST, CONCERNING STATEMENT OF\n\n"
             "RICHARD ROE THAT HE WAS COMPELLED TO TAKE TEN BOOKS OF TICKETS\n\n"
             "FOR SALE IN HIS AREA. ON AUGUST SEVENTEEN, A SOURCE ADVISED\n\nHE HAD SEEN THE TICKETS.\n\nEND\n")


def test_a_line_of_the_text_that_opens_with_for_is_no_attention_line():
    assert parse(_TELETYPE.format(line="")).attention == ()


def test_an_attention_line_above_the_text_is_kept():
    r = parse(_TELETYPE.format(line="FOR ASSISTANT DIRECTOR BELMONT\n\n"))
    assert r.attention == ("FOR ASSISTANT DIRECTOR BELMONT",)
    # (a stop after an abbreviation ends no sentence)
    assert parse(_TELETYPE.format(line="ATTN: MR. BELMONT ONLY\n\n")).attention != ()


# The 2021 releases' legend, in the narrow column the identification form prints it in.
_LEGEND = ("104-10528-10999\n\nReleased under the John F. Kennedy\n\nAssassination Records Collection Act of\n\n"
           "1992 (44 USC 2107 Note).\n\n{tail}\n\nSECRET\n\nPRIORITY DIR CITE MEXI 7055\n\n1. TEXT.\n")


def _legend_release(tail):
    release = parse(_LEGEND.format(tail=tail)).release
    return release.case_number, release.release_date


def test_the_legends_date_wrapped_onto_the_next_line():
    assert _legend_release("Case#:NW 65990 Date:\n\n11-01-2021") == ("NW 65990", "2021-11-01")
    assert _legend_release("Case#:Nw 65990 Date\n\n11-01-2021") == ("NW 65990", "2021-11-01")  # colon lost


def test_the_legends_date_with_a_colon_for_its_first_hyphen():
    assert _legend_release("Case#NW 65924 Date: 10:25-2021")[1] == "2021-10-25"


def test_no_legend_date_from_a_line_of_other_words_or_a_time():
    assert _legend_release("Case#:NW 65990 Date:\n\nNOT A DATE 11-01-2021")[1] is None
    assert _legend_release("Case#NW 65924 Date: 10:25")[1] is None


def test_the_originator_known_by_the_typists_initials_where_its_label_is_garbled():
    # a garbled label before the name, a slash for the colon, beside the UNIT label
    assert _drafter("ORIS: MARY JONES/ kb\n\nUNIT: WH/SA/EOB") == "MARY JONES"
    # no label at all, the name's column beside the INDEX boxes; the typist's first initial a capital
    assert _drafter("P. SMITH: Ja\n\nSAS/BOB\n\nI INDEX") == "P. SMITH"
    r = parse(_FORM.format(column="ORES\n\nUNIT\n\nEXT\n\nP. SMITH:br"))
    assert r.drafted_by.name == "P. SMITH" and any(x.code == "possible-ocr-error" for x in r.defects)


def test_no_originator_by_initials_without_the_forms_boxes_or_from_a_label():
    assert _drafter("P. SMITH: ja\n\nSAS/BOB") is None  # no UNIT label or INDEX box about it
    assert _drafter("CONF: jb\n\nUNIT: WH/SA") is None  # a box's label, not a name
    assert _drafter("P. SMITH: JA\n\nUNIT: WH/SA") is None  # capitals after the colon: no typist's initials


# A 1970s staff cable, its closing line of officers.
_STAFF_CLOSE = ("104-10065-10999\n\nSECRET\n\nSTAFF 131832Z DIRECTOR 728291\n\nTO: PRIORITY MEXICO CITY.\n\n"
                "1. THE TEXT OF THE CABLE.\n\nNO FILE, E2 IMPDET.\n\n{line}\n\nEND OF MESSAGE\n\nSECRET\n")


def test_the_staff_cables_originator_where_its_orig_label_is_lost():
    r = parse(_STAFF_CLOSE.format(line="AC/LA/MGSB (JONES X1222); COORD: SA/DO/O (SMITH)"))
    assert (r.drafted_by.office, r.drafted_by.name) == ("AC/LA/MGSB", "JONES")


def test_no_staff_originator_from_a_line_without_the_coord_label():
    assert parse(_STAFF_CLOSE.format(line="AC/LA/MGSB (JONES X1222); SA/DO/O (SMITH)")).drafted_by is None


def test_the_staff_cables_coordinating_officers_are_its_clearers():
    line = "ORIG: AC/LA/MGSB (JONES X1222); COORD: SA/DO/O (SMITH), OLC (BROWN) X1133; AUTH: AC/LA (JONES)"
    r = parse(_STAFF_CLOSE.format(line=line))
    assert [(o.office, o.name) for o in r.cleared_by] == [("SA/DO/O", "SMITH"), ("OLC", "BROWN")]
    # the label's colon read as a letter, an office with no name in its brackets
    r = parse(_STAFF_CLOSE.format(line="ORIG: AC/LA (JONES); COORDD SA/DO/O (SMITH), OGC ( ); REL: C/LA (WHITE)"))
    assert [o.name for o in r.cleared_by] == ["SMITH"]


def test_no_clearers_from_the_forms_printed_caption_or_a_list_with_no_auth_or_rel_after_it():
    assert parse(_STAFF_CLOSE.format(line="COORDINATING OFFICERS (SMITH)\n\nAUTH: C/LA (WHITE)")).cleared_by == ()
    assert parse(_STAFF_CLOSE.format(line="ORIG: AC/LA (JONES); COORD: SA/DO/O (SMITH)")).cleared_by == ()


# A 1960s FBI teletype as the 1990s releases carry it: the review marking at its head.
_FBI = ("124-10035-10998\n\nFEDERAL BUREAU OF INVESTIGATION\n\nSECRET\n\n{marking}\n\nURGENT 6-2-65\n\n"
        "TO DIRECTOR\n\nFROM NEW YORK\n\nJOHN DOE, IS - CUBA.\n\nTHE TEXT OF THE TELETYPE.\n\nEND\n\n{stamps}\n")


def test_a_classifier_given_by_an_employee_number_names_no_one():
    r = parse(_FBI.format(marking="Classified by 9803RDO KSR\n\nDeclassify on: OADR", stamps=""))
    assert r.classified_by is None or r.classified_by.name is None


def test_a_classifiers_name_is_still_read():
    r = parse(_FBI.format(marking="Classified by John Smith, Chief\n\nDeclassify on: OADR", stamps=""))
    assert r.classified_by.name == "John Smith"


def test_a_review_sheets_printed_options_are_no_stamp():
    stamps = "RELEASE IN FULL\n\nRELEASE IN PART\n\nTOTAL DENIAL"
    assert parse(_FBI.format(marking="", stamps=stamps)).release.status is None


def test_a_stamp_alone_or_repeated_is_read():
    assert parse(_FBI.format(marking="", stamps="RELEASE IN PART\n\nB1, B3")).release.status == "RELEASE IN PART"
    assert parse(_FBI.format(marking="", stamps="RELEASE IN FULL\n\nRELEASE IN FULL")).release.status == "RELEASE IN FULL"


def test_the_historical_review_programs_stamp_released_as_sanitized():
    stamps = "CIA HISTORICAL REVIEW PROGRAM\n\nRELEASE AS SANITIZED\n\n1999"
    assert parse(_FBI.format(marking="", stamps=stamps)).release.status == "RELEASE AS SANITIZED"
    # the words in a sentence are no stamp
    text = _FBI.format(marking="", stamps="CIA HAS NO OBJECTION TO THE RELEASE OF THIS DOCUMENT AS SANITIZED")
    assert parse(text).release.status is None


def test_the_kennedy_librarys_sanitized_stamp_with_its_authority_read_with_colons():
    text = _FBI.format(marking="", stamps='PROHIBITED UNLESS "UNCLASSIFIED"\n\nSANITIZED ARK: 01-030-4-3-2')
    assert parse(text).release.status == "SANITIZED"


def test_sanitized_opening_a_line_of_words_is_no_stamp():
    text = _FBI.format(marking="", stamps="SANITIZED COPIES WILL BE SENT: 01-030")
    assert parse(text).release.status is None


def _footers(*numbers):
    pages = "".join(f"PAGE TEXT.\n\nNW {n} Docld:32402098 Page {k}\n\n---\n\n" for k, n in enumerate(numbers, 1))
    return parse("104-10162-10999\n\nSECRET\n\nPRIORITY DIR CITE MEXI 7055\n\n1. TEXT.\n\n" + pages).release.case_number


def test_the_footers_case_number_most_pages_give_or_the_first_pages():
    assert _footers("65987", "63987") == "NW 65987"
    assert _footers("63987", "65987", "65987") == "NW 65987"


def test_one_footer_gives_the_case_number():
    assert _footers("65924") == "NW 65924"
