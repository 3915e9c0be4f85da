"""Dates, DTGs and CITE lines of OCR'd agency cables, as met on documents labelled after the rules
were written: dates that are no message's (a classification guide's, a two-digit year read into this
century), garbled date boxes, headquarters' CITE line misread, the staff cable's message and TOT
lines. The texts are made up in the style of the cables; each rule has a near case it must not take."""

from __future__ import annotations

import pytest

from cablegram import parse

# (The JFK record number at its head marks a CIA record, as on every such release.)
CIA = "104-10000-10000\n\nSECRET\n\n"


# -- dates that are no message's ---------------------------------------------------------------------
_NSA = ("AGENCY : NSA\n\nDRV FM: NSA/CSS Manual 123-2\n\nDated: 24 February 1998\n\nTOP SECRET DINAR\n\n"
        "3/0/CED/7218-63\n\nDist: HCF\n\nA DELEGATE'S REPORT\n\n{date}\n\nRoutine\n\nText of the message.\n")


def test_a_classification_guides_date_is_not_the_intercepts():
    # The derivative classification block ('DRV FM ... Dated: ...') dates the guide, not the message.
    assert parse(_NSA.format(date="Msg 49.")).date is None


@pytest.mark.parametrize("date", ["26 Nov 63", "26 Nov: 63"])  # OCR's speck after the month
def test_an_intercepts_date_alone_on_its_line(date):
    assert parse(_NSA.format(date=date)).date == "1963-11-26"


def test_a_date_after_the_word_dated_inside_a_line_is_still_read():
    # Only a line that opens with the label is the guide's: 'REPORT Dated: 26 November 1963' dates the report.
    assert parse(_NSA.format(date="Msg 49.").replace("Dated:", "REPORT Dated: 26 November 1963 /")).date == "1963-11-26"


def test_a_two_digit_year_read_into_this_century_dates_no_agency_cable():
    # '9-13 DEC. 13 DEC' (a day run into the text) and '9 DECEs 22' (OCR of 9 DEC 63) are no dates.
    r = parse(CIA + "UP WEEK 9-13 DEC. 13 DEC THEY MET\n\n9 DECEs 22\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert r.date is None


def test_a_two_digit_year_of_the_cables_century_still_dates_one():
    r = parse(CIA + "13 DEC 63\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert r.date == "1963-12-13"


# -- headquarters' CITE line misread -----------------------------------------------------------------
# Headquarters' outgoing form: the CITE line names DIR, its serial in the number box below.
_HQ = CIA + "FROM: DIRECTOR\n\nDATE: 21 FEB 63\n\nLAPA\n\n{cite}\n\n19557\n\nREF: LAPA 3647\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("cite, misread", [
    ("CITE DUR", "DUR"), ("CITE DIX.", "DIX"), ("CITE AIR", "AIR"),  # DIR with a letter misread
    # (AIR is also CAIR or NAIR with a letter lost at the page's edge; with no serial on the line, it is DIR's)
    ("CHE DIR", "CHE DIR"), ("OTE DIR", "OTE DIR"), ("Cil DIR.", "CIL DIR."),  # the CITE label misread
])
def test_headquarters_cite_line_misread_still_names_dir_and_its_number_box(cite, misread):
    r = parse(_HQ.format(cite=cite))
    assert r.id == "1963DIR019557"
    assert any(d.code == "possible-ocr-error" and misread in d.message for d in r.defects)


@pytest.mark.parametrize("cite", [
    "CITE AIR FORCE REPORT",  # a three-letter word after CITE with words after it: prose, not a code
    "INFO DIR", "PRITY DIR", "THE DIR",  # an addressee line or a word, not a garbled CITE label
])
def test_near_cases_of_a_misread_headquarters_cite_line_name_no_serial(cite):
    assert parse(_HQ.format(cite=cite)).id is None


# -- a date box OCR garbled ----------------------------------------------------------------------------
_BOX = CIA + "{date}\n\nFROM: DIRECTOR\n\nCITE DIR 19557\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("date, iso", [
    ("2i FEs 63", "1963-02-21"),  # a letter for the day's digit, the month one letter off
    ("DATE: , 26 HOV 63", "1963-11-26"),  # the month's first letter read as its lookalike (H for N)
    ("l5 MAR 63", "1963-03-15"),  # the month as written, the day's 1 read as l
])
def test_a_garbled_date_box_dates_the_cable_as_a_repaired_reading(date, iso):
    r = parse(_BOX.format(date=date))
    assert r.date == iso
    assert any(d.code == "possible-ocr-error" and "read as" in d.message for d in r.defects)


@pytest.mark.parametrize("date", [
    "2 HAY 63",  # H is no lookalike of M: HAY is one letter off MAY but not by a shape OCR confuses
    "2 MAX 63",  # one letter off both MAR and MAY: no one month
    "Ii FEs 63",  # no digit in the day
])
def test_a_garbled_date_that_reads_as_no_one_date_is_left(date):
    assert parse(_BOX.format(date=date)).date is None


# -- the staff cable of the 1970s-90s: TOT line and message line -------------------------------------
_STAFF = (CIA + "STAFF\n\nPAGE 001\n\n{tot}\n\nDIRECTOR 228470\n\nSECRET\n\n{line}\n\nTO: GUAYAQUIL INFO QUITO.\n\n"
          "WNINTEL RYBAT\n\n1. TEXT OF THE CABLE.\n")


def test_a_staff_cables_time_of_transmission_dates_it_and_its_message_line_numbers_it():
    r = parse(_STAFF.format(tot="TOT: 242059Z MAY 78", line="STAFF 242058Z DIRECTOR 228470"))
    assert (r.date, r.id, r.from_) == ("1978-05-24", "1978DIRECTOR228470", "DIRECTOR")


@pytest.mark.parametrize("tot", ["TOTAL: 242059Z MAY 78", "TOT: 242059Z"])  # another word; no month and year
def test_near_cases_of_the_time_of_transmission_date_nothing(tot):
    assert parse(_STAFF.format(tot=tot, line="STAFF 242058Z DIRECTOR 228470")).date is None


def test_a_staff_message_line_holds_nothing_but_its_parts():
    r = parse(_STAFF.format(tot="TOT: 242059Z MAY 78", line="STAFF 242058Z DIRECTOR 228470 WILL ADVISE"))
    assert r.id is None


# -- the date box set below the CITE line ------------------------------------------------------------
_BELOW = CIA + "RID COPY\n\nCITE DIRECTOR 26897\n\n{date}\n\nPRIORITY MADRID INFO LISBON\n\nTEXT OF THE CABLE WITHOUT A NUMBER.\n"


@pytest.mark.parametrize("date", ["10 AUG 67", "7. 10 aug 67."])  # alone, or after the box's number
def test_a_date_alone_on_its_line_below_the_cite_line_is_the_forms_date_box(date):
    assert parse(_BELOW.format(date=date)).date == "1967-08-10"


def test_a_date_in_a_sentence_below_the_cite_line_is_the_texts():
    assert parse(_BELOW.format(date="SUBJECT ARRIVED 10 AUG 67 BY AIR")).date is None


def test_headquarters_number_box_below_cite_director_as_below_cite_dir():
    # From 1967 the outgoing form spells the code out; its number box stands below as before.
    text = CIA + "FROM: DIRECTOR\n\nDATE: 22 APRIL 1968\n\nCITE DIRECTOR\n\n93538\n\nREF: DIRECTOR 93162\n\n1. TEXT.\n"
    assert parse(text).id == "1968DIRECTOR093538"


def test_a_number_below_a_station_cite_line_is_not_its_serial():
    # A field station's CITE line carries its serial; a number below it is some other box's.
    text = CIA + "DATE: 22 APRIL 1968\n\nCITE MEXICO CITY\n\n93538\n\n1. TEXT.\n"
    assert parse(text).id is None


# -- the classification line run on into the CITE line -----------------------------------------------
def test_a_classification_line_run_on_into_the_cite_line_is_numbered_by_the_cite():
    text = CIA + "SECRET 0714502 JUN 68 CITE STOCKHOLM 9024\n\nPRIORITY COPENHAGEN INFO DIRECTOR\n\n1. TEXT.\n"
    r = parse(text)
    assert (r.id, r.mrn) == ("1968STOCKHOLM009024", "STOCKHOLM 9024")


def test_a_classification_line_ending_in_a_station_and_number_still_numbers_the_telegram():
    # The State telegram's 'CONFIDENTIAL ROME 01234' tail is its message number, as before.
    r = parse("CONFIDENTIAL ROME 01234\n\nE.O. 12958: N/A\nTAGS: PREL, IT\nSUBJECT: VISIT\n\n1. TEXT.\n")
    assert r.mrn == "ROME 01234"


# -- the FBI teletype's date sent, on the line below its precedence -----------------------------------
_FBI = "FBI\n\nFEDERAL BUREAU OF INVESTIGATION\n\nTELETYPE\n\nURGENT\n\n{below}\n\nTO DIRECTOR (92-2781)\n\nFROM SAC, PITTSBURGH\n\nTEXT.\n"


def test_a_teletypes_date_sent_below_its_precedence_word_dates_it():
    assert parse(_FBI.format(below="8-21-61")).date == "1961-08-21"


def test_a_number_below_the_precedence_word_that_is_no_date_dates_nothing():
    assert parse(_FBI.format(below="92-2914")).date is None


# -- the 1960s incoming telegram's labels after a speck OCR read in the margin -----------------------
_INCOMING = ("INCOMING TELEGRAM Department of State\n\nAction Control: 25816\n\n{recd}: July 31, 1963\n\n8:48 a.m.\n\n"
             "FROM: Oslo\n\nACTION: Secretary of State\n\n{no}: 54, July 31, 2 p.m.\n\nText of the telegram.\n")


@pytest.mark.parametrize("recd, no", [("Rec'd", "NO"), ("a Rec'd", "- NO")])
def test_an_incoming_telegrams_number_line_and_receipt_date_after_margin_specks(recd, no):
    assert parse(_INCOMING.format(recd=recd, no=no)).date == "1963-07-31"


def test_a_no_in_a_sentence_is_no_number_line():
    assert parse(_INCOMING.format(recd="Received", no="IN SHORT, NO")).date is None


# -- the receipt stamp with a speck before its year ---------------------------------------------------
_STAMP = CIA + "DATE: 24 MAY 62\n\n{stamp}\n\nIN 10637\n\nDIR CITE WAVE 3975\n\n1. TEXT.\n"


def test_a_receipt_stamp_with_a_speck_before_its_year_dates_the_cable():
    r = parse(_STAMP.format(stamp="MAY 25 00452.62"))
    assert (r.date, r.dtg) == ("1962-05-25", "MAY 25 0045Z 62")  # the Z read as 2 repaired (test_ocr_ids_rules)


def test_a_stamp_whose_year_is_no_number_dates_nothing_and_the_form_date_stands():
    assert parse(_STAMP.format(stamp="MAY 25 00452.AB")).date == "1962-05-24"


@pytest.mark.parametrize("speck", [".:", ":", ","])
def test_an_incoming_telegrams_number_line_with_a_speck_after_its_month_numbers_it(speck):
    text = (f"INCOMING TELEGRAM Department of State\n\nRec'd: August{speck} 11, 1962\n\nFROM: Brussels\n\n"
            f"TO: Secretary of State\n\nNO:\n\n250, August{speck} 11, 1 p.m.\n\nText of the telegram.\n")
    r = parse(text)
    assert (r.date, r.id) == ("1962-08-11", "1962BRUSSELS000250")


def test_a_number_line_whose_month_is_no_word_numbers_nothing():
    text = ("INCOMING TELEGRAM Department of State\n\nRec'd: August 11, 1962\n\nFROM: Brussels\n\n"
            "TO: Secretary of State\n\nNO:\n\n250, 8:: 11, 1 p.m.\n\nText of the telegram.\n")
    assert parse(text).id is None
