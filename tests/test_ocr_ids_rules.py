"""Serials, dates and ids of OCR'd agency cables, as met on the fourth blind set's misses: a CITE line
OCR broke after its label, a 1970s CITE line naming its station in words. The texts are made up in
the style of the cables; each rule has a near case it must not take."""

from __future__ import annotations

import pytest

from cablegram import parse

# (The JFK record number at its head marks a CIA record, as on every such release.)
CIA = "104-10000-10000\n\nSECRET\n\n"


# -- a CITE line broken after its label ----------------------------------------------------------------
_BROKEN = CIA + "3 MAR 64\n\n{label}\n\n{value}\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("label", ["DIR INFO WAVE CITE", "PRIORITY DIR CITE", "DIR CITI"])
def test_a_cite_label_ending_the_address_line_takes_the_station_and_serial_below(label):
    r = parse(_BROKEN.format(label=label, value="MADR 4321"))
    assert r.id == "1964MADR004321"
    assert r.to and r.to[0].name == "DIR"


def test_a_cite_code_below_the_label_read_with_noughts_for_its_os():
    # '0SL0': the O of OSLO read as noughts; read so only because OSLO is a known code.
    r = parse(_BROKEN.format(label="DIR CITE", value="0SL0 4190"))
    assert r.id == "1964OSLO004190"
    assert any(d.code == "possible-ocr-error" and "0SL0" in d.message for d in r.defects)


def test_a_word_with_noughts_that_is_no_code_is_not_read_below_a_cite_label():
    assert parse(_BROKEN.format(label="DIR CITE", value="10X0 4190")).id is None


def test_a_sentence_ending_in_cite_is_no_cite_line():
    # The words before the label must be an address line: 'AS WE CITE' / 'MADR 4321' is text.
    assert parse(_BROKEN.format(label="THE FIGURES AS WE CITE", value="MADR 4321")).id is None


# -- a CITE line naming its station in words (1970s) ---------------------------------------------------
_STAFF = CIA + "SECRET 310633Z JAN 73 STAFF\n\n{cite}\n\nTO: DIRECTOR.\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("cite, station, misread", [
    ("CITE SANTO DOMINGO 2310", "SANTO DOMINGO", False),
    ("CITE (DAR ES SALAAM) 2310", "DAR ES SALAAM", False),  # the reviewer's brackets kept
    ("CITE (DAR ES SALAAAM) 2310", "DAR ES SALAAM", True),  # a letter doubled by OCR
    ("CITE CHONG KONG 2310", "HONG KONG", True),  # the opening bracket read as C
])
def test_a_cite_line_naming_its_station_in_words(cite, station, misread):
    r = parse(_STAFF.format(cite=cite))
    assert r.from_ == station
    assert r.id == f"1973{station.replace(' ', '')}002310"
    assert any(d.code == "possible-ocr-error" and station in d.message for d in r.defects) == misread


def test_words_after_cite_that_name_no_station_leave_the_code_reading():
    # 'WAVE BARR' is no station's name: the code WAVE is read as before.
    r = parse(_STAFF.format(cite="CITE WAVE BARR 2310"))
    assert r.from_ == "JMWAVE"


# -- headquarters' DIR serial has five digits ---------------------------------------------------------
_OUT = CIA + "DATE: 26 NOV 63\n\nFROM: DIRECTOR\n\nTO PRITY MEXI CITE {code} {serial}\n\n1. TEXT OF THE CABLE.\n"


def test_a_dir_serial_typed_with_noughts_before_it_is_read():
    assert parse(_OUT.format(code="DIR", serial="08002")).id == "1963DIR008002"


@pytest.mark.parametrize("serial", ["513", "5642"])
def test_a_dir_serial_of_fewer_than_five_digits_is_cut_short_and_gives_no_id(serial):
    r = parse(_OUT.format(code="DIR", serial=serial))
    assert r.id is None
    assert any(d.code == "possible-ocr-error" and serial in d.message for d in r.defects)


def test_a_stations_serial_of_fewer_than_five_digits_is_its_own():
    # Stations numbered their cables from 1 each year: 'CITE MEXI 513' is whole.
    assert parse(_OUT.format(code="MEXI", serial="513")).id == "1963MEXI000513"


# -- a date box with a misread month above a date in the text ------------------------------------------
_BOX = CIA + "{first}\n\nFROM: DIRECTOR\n\nTO PRITY MEXI CITE DIR 85715\n\n{second}\n\n1. TEXT OF THE CABLE.\n"


def test_a_date_box_with_a_misread_month_above_a_date_in_the_text_dates_the_cable():
    # The box's 'HOV' (N read as H) is no month as written; the text's '30 APRIL 1961' is.
    r = parse(_BOX.format(first="DATE: , 26 HOV 63 FILE IN CS FILE NO.", second="SUBJ MARRIED 30 APRIL 1961 IN MINSK."))
    assert r.date == "1963-11-26"
    assert any(d.code == "possible-ocr-error" and "HOV" in d.message for d in r.defects)


def test_a_date_with_a_misread_month_below_a_date_read_as_written_is_not_taken():
    r = parse(_BOX.format(first="DATE: 26 NOV 63 FILE IN CS FILE NO.", second="RETURNED 7 HOV 62 TO MINSK."))
    assert r.date == "1963-11-26"


# -- the page head's IN line gives the serial the CITE line lost ------------------------------------------
_INCOMING = CIA + "30 NOV 63\n\nDIR CITE {cite}\n\n1. TEXT OF THE CABLE.\n\n{head}\n\n2. MORE TEXT.\n"


@pytest.mark.parametrize("head", ["PAGE THREE IN 70545 TNIS 3984", "IN 70545A TNIS 3984", "IN 0395527\n\nTNIS 3984"])
def test_the_page_heads_in_line_gives_the_serial_the_cite_line_lost(head):
    r = parse(_INCOMING.format(cite="TNIS a7ee", head=head))
    assert r.id == "1963TNIS003984"


def test_an_in_line_naming_another_station_than_the_cite_line_is_not_taken():
    assert parse(_INCOMING.format(cite="LGRE a7ee", head="PAGE 2 IN 70545 TNIS 3984")).id is None


def test_an_in_line_is_not_asked_where_the_cite_line_gives_its_serial():
    assert parse(_INCOMING.format(cite="TNIS 3990", head="PAGE 2 IN 70545 TNIS 3984")).id == "1963TNIS003990"


def test_an_in_line_without_a_code_after_it_gives_nothing():
    assert parse(_INCOMING.format(cite="TNIS a7ee", head="IN 70545 COPIES 20")).id is None


# -- a staff cable's DTG is its message line's time group ---------------------------------------------------
_STAFF_CABLE = ("104-10000-10000\n\nSECRET\n\nSTAFF\n\nPAGE 001\n\nTOT:\n\n{tot} SEP 96\n\nDIRECTOR 941533\n\nSECRET\n\n"
                "STAFF\n\nTO: PRIORITY\n\n131953Z DIRECTOR 941533\n\nSLUGS: WNINTEL\n\n1. TEXT OF THE CABLE.\n")


def test_a_staff_cables_dtg_is_its_message_lines_time_group_not_the_tot():
    r = parse(_STAFF_CABLE.format(tot="131946Z"))
    assert r.dtg == "131953Z"
    assert r.date == "1996-09-13"  # (the TOT's date still dates it)
    assert r.id == "1996DIRECTOR941533"


def test_a_tot_with_the_message_lines_time_group_keeps_its_month_and_year():
    assert parse(_STAFF_CABLE.format(tot="131953Z")).dtg == "131953Z SEP 96"


# -- the FILED line at an incoming cable's end (pass 11) ------------------------------------------------
_FILED_CABLE = (CIA + "CLASSIFIED MESSAGE\n\nDATE: 16 AUG 60\n\nDIR INFO WAVE CITE HAVA 5731\n\n"
                "1. TEXT OF THE CABLE.\n\n{filed}\n\n(END OF MESSAGE)\n")


@pytest.mark.parametrize("filed, dtg", [
    ("FILED 152150Z (ROUTINE).", "152150Z"),
    ("FILED: 151400Z", "151400Z"),
    ("FILED 1521502", "152150Z"),  # the Z read as 2, as on the classification line
])
def test_the_filed_line_gives_the_dtg_no_other_line_gave(filed, dtg):
    assert parse(_FILED_CABLE.format(filed=filed)).dtg == dtg


def test_a_time_filed_of_hours_and_minutes_is_no_dtg():
    # A State telegram's 'TIME FILED 1310Z': hour and minute, not the cable's DTG.
    assert parse(_FILED_CABLE.format(filed="TIME FILED 1310Z")).dtg is None
    assert parse(_FILED_CABLE.format(filed="FILED 15-2150 LOCAL")).dtg is None


def test_the_classification_lines_dtg_stands_before_the_filed_line():
    text = _FILED_CABLE.replace("CLASSIFIED MESSAGE", "SECRET 161200Z").format(filed="FILED 152150Z")
    assert parse(text).dtg == "161200Z"


# -- a staff cable's message line with its Z misread (pass 11) -------------------------------------------
_MESSAGE_LINE = ("104-10000-10000\n\nSECRET\n\nSTAFF\n\n111220Z MAY 98\n\nSECRET\n\nSTAFF\n\nTO: PRIORITY\n\n"
                 "{line}\n\nSLUGS: WNINTEL\n\n1. TEXT OF THE CABLE.\n")


@pytest.mark.parametrize("line", ["1112202 DIRECTOR 784515", "1112207 DIRECTOR 784515"])
def test_a_message_line_whose_z_ocr_read_as_2_or_7_gives_the_serial(line):
    r = parse(_MESSAGE_LINE.format(line=line))
    assert r.id == "1998DIRECTOR784515"
    assert r.dtg.startswith("111220Z")
    assert any(d.code == "possible-ocr-error" and "time group" in d.message for d in r.defects)


def test_a_number_of_seven_digits_that_is_no_time_group_is_no_message_line():
    # '4512202': day 45 is no day; the line is not the message line.
    assert parse(_MESSAGE_LINE.format(line="4512202 DIRECTOR 784515")).id is None


# -- the message form's era settles a year OCR read in the 1980s (pass 11) -----------------------------------
_ON_THE_FORM = (CIA + "{head}\n\n3 FEB 85\n\nMADRID\n\nDIR INFO WAVE CITE MADR 2932\n\n1. TEXT OF THE CABLE.\n\n"
                "{foot}\n")


@pytest.mark.parametrize("head, foot", [
    ("CLASSIFIED MESSAGE", "SECRET"),
    ("MESSAGE FORM", "SECRET"),
    ("SECRET", "REPRODUCTION BY OTHER THAN THE ISSUING OFFICE IS PROHIBITED."),
])
def test_a_year_of_the_1980s_on_the_1960s_message_form_is_read_in_the_1960s(head, foot):
    r = parse(_ON_THE_FORM.format(head=head, foot=foot))
    assert r.date == "1965-02-03"
    assert r.id == "1965MADR002932"
    assert any(d.code == "possible-ocr-error" and "1985-02-03" in d.message for d in r.defects)


def test_a_year_of_the_1980s_off_the_message_form_stands():
    # No mark of the 1960s form: nothing settles the year otherwise.
    assert parse(_ON_THE_FORM.format(head="SECRET", foot="SECRET")).date == "1985-02-03"


def test_a_year_of_the_1970s_on_the_message_form_stands():
    # The form was used into the 1970s: only the 1980s are outside its era.
    assert parse(_ON_THE_FORM.replace("FEB 85", "FEB 71").format(head="CLASSIFIED MESSAGE", foot="SECRET")).date == "1971-02-03"


# -- a date box with its month written in full and one letter misread (pass 11) ------------------------------
@pytest.mark.parametrize("box, day", [
    ("16 Angust 1962", "1962-08-16"),  # u read as n
    ("3 NOYEMBER 1963", "1963-11-03"),  # v read as y (a misread letter after the third is the
    # loose reader's: it reads the abbreviation and the letters after it, '23 FEBRUASY 1961')
])
def test_a_date_box_with_its_month_in_full_one_letter_misread_dates_the_cable(box, day):
    r = parse(_BOX.format(first=box, second="2. MORE TEXT."))
    assert r.date == day
    assert any(d.code == "possible-ocr-error" and box in d.message for d in r.defects)


@pytest.mark.parametrize("box", ["16 ANGUSTA 1962", "16 AURUSZ 1962", "16 NARCHING 1962"])
def test_a_word_two_letters_off_a_month_or_of_another_length_is_no_month(box):
    assert parse(_BOX.format(first=box, second="2. MORE TEXT.")).date is None


# -- a lone CITE label, the address lines, then the station and serial (pass 11) ------------------------------
_COLUMNS = CIA + "CLASSIFIED MESSAGE\n\nJUL 6 0020Z 62\n\nCITE\n\n{between}\n\n{value}\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("between", ["DIR\n\nINFO\n\nHELS WAVE\n\nDESENSITIZED", "DIR\n\nINFO"])
def test_the_station_and_serial_below_a_lone_cite_label_and_its_address_lines(between):
    assert parse(_COLUMNS.format(between=between, value="COPE 2192")).id == "1962COPE002192"


def test_a_code_and_number_past_the_address_lines_must_be_a_known_cite_code():
    # 'ROOM 2192' past the address lines: ROOM is no station's code, so no CITE value.
    assert parse(_COLUMNS.format(between="DIR\n\nINFO", value="ROOM 2192")).id is None


def test_a_line_of_text_between_ends_the_search():
    # A sentence with a number in it is no address line: the code below it is not the CITE's.
    assert parse(_COLUMNS.format(between="DIR\n\nSEE PARA 2 OF REF", value="COPE 2192")).id is None


def test_a_month_in_full_misread_in_a_sentence_is_the_texts_not_the_date_box():
    # 'A. 9 CCTOBER 1959: ...' opens an item of the text; only a date alone on its line is the box.
    assert parse(_BOX.format(first="A. 9 CCTOBER 1959: SUBJECT ARRIVED", second="2. MORE TEXT.")).date is None


# -- a month abbreviation with two letters misread as their lookalikes (pass 11) -------------------------------
@pytest.mark.parametrize("box, day", [
    ("DATE: 27 N0Y 63", "1963-11-27"),  # O read as a nought, V as Y
    ("DATE: 13 HOU 63", "1963-11-13"),  # N read as H, V as U
])
def test_a_month_with_two_letters_misread_as_their_lookalikes_dates_the_cable(box, day):
    r = parse(_BOX.format(first=box, second="2. MORE TEXT."))
    assert r.date == day
    assert any(d.code == "possible-ocr-error" and box[6:] in d.message for d in r.defects)


@pytest.mark.parametrize("box", ["DATE: 13 HOT 63", "DATE: 13 BAR 63"])
def test_two_letters_off_a_month_where_one_is_no_lookalike_is_no_month(box):
    # HOT: H for N is a lookalike, T for V is not; BAR: B for M is none.
    assert parse(_BOX.format(first=box, second="2. MORE TEXT.")).date is None


# -- a date box whose year's 19 holds one misread digit (pass 11) ---------------------------------------------
@pytest.mark.parametrize("box, day", [
    ("DATE: 19 SEPTEMBER 1663 IN CS FILE NO.", "1963-09-19"),  # 9 read as 6
    ("28 SEPT 1064", "1964-09-28"),  # 9 read as 0, the box alone on its line
])
def test_a_date_box_whose_century_holds_one_misread_digit_dates_the_cable(box, day):
    r = parse(_BOX.format(first=box, second="2. MORE TEXT."))
    assert r.date == day
    assert any(d.code == "possible-ocr-error" and ("1663" in d.message or "1064" in d.message) for d in r.defects)


@pytest.mark.parametrize("box", ["SHIPPED 28 SEPT 1064 CRATES", "DATE: 28 SEPT 3064"])
def test_a_misread_century_in_a_sentence_or_two_digits_off_is_not_read(box):
    # In a sentence the number is the text's; '30' is two digits off 19.
    assert parse(_BOX.format(first=box, second="2. MORE TEXT.")).date is None


# -- the receipt stamp with its Z read as 2 or 7 ----------------------------------------------------
_ZSTAMP = CIA + "{stamp}\n\nIN 12345\n\nDIR CITE WAVE 3975\n\n1. TEXT.\n"


@pytest.mark.parametrize("stamp, dtg", [
    ("OCT 3 14217 63", "OCT 3 1421Z 63"),   # the Z read as 7, a blank before the year
    ("OCT 3 1421263", "OCT 3 1421Z 63"),    # the Z read as 2, the year run on
    ("OCT 3. 14212.63", "OCT 3 1421Z 63"),  # specks after the day and before the year
])
def test_a_receipt_stamp_whose_z_ocr_read_as_2_or_7_is_the_dtg(stamp, dtg):
    r = parse(_ZSTAMP.format(stamp=stamp))
    assert (r.date, r.dtg) == ("1963-10-03", dtg)
    assert any(d.code == "possible-ocr-error" and "the Z read as 2 or 7" in d.message for d in r.defects)


def test_a_stamp_with_a_blank_inside_its_hhmm_is_no_repaired_dtg():
    # 'OCT 3 14 217 63': which digits are the time and which the Z is not plain; the date only.
    r = parse(_ZSTAMP.format(stamp="OCT 3 14 217 63"))
    assert r.date == "1963-10-03" and r.dtg is None


def test_a_digit_that_is_no_lookalike_of_z_is_no_repaired_dtg():
    # Only 2 and 7 are OCR's readings of the Z; 'OCT 3 14213 63' is no stamp read.
    assert parse(_ZSTAMP.format(stamp="OCT 3 14213 63")).dtg is None


# -- the TOT/TOR label alone, its time on the lines below ---------------------------------------------
_SPLIT_HEAD = ("104-10000-10000\n\nSECRET\n\nSTAFF\n\n{head}\n\nDIRECTOR 941533\n\nSECRET\n\nSTAFF\n\nTO: PRIORITY\n\n"
               "141946Z DIRECTOR 941533\n\nSLUGS: WNINTEL\n\n1. TEXT OF THE CABLE.\n")


@pytest.mark.parametrize("head", ["TOT:\n\nPAGE 001\n\n1419462 SEP 96",      # the page number between, the Z read as 2
                                  "TOT :\n\nPAGE 001\n\n141946Z\n\nSEP 96",     # the time and the month on lines of their own
                                  "TOR:\n\n1419467 SEP 96"])
def test_a_tot_label_alone_takes_its_time_from_the_lines_below(head):
    r = parse(_SPLIT_HEAD.format(head=head))
    assert r.date == "1996-09-14"
    assert r.id == "1996DIRECTOR941533"


@pytest.mark.parametrize("head", ["TOT:\n\nPAGE 001\n\n141946Z",               # no month and year: nothing dated
                                  "TOTAL:\n\n1419462 SEP 96"])                 # no TOT label
def test_no_label_alone_or_no_month_below_dates_nothing(head):
    assert parse(_SPLIT_HEAD.format(head=head)).date is None


# -- headquarters' number box beside 'CITE DIR' set above it, or on a later page ----------------------
_HQ_FORM = (CIA + "FROM: DIRECTOR\n\nDATE: 21 FEB 63\n\nLAPA\n\n{above}CITE DIR\n\nREF: LAPA 3647\n\n"
            "1. TEXT OF THE CABLE{filler}.\n\n{later}")
_FILLER = "".join(f"\n\n{n}. MORE TEXT OF THE CABLE IN ITS PARAGRAPH." for n in range(2, 90))  # (past the reader's window of 80 lines)


def test_a_number_box_on_the_line_just_above_cite_dir_is_its_serial():
    assert parse(_HQ_FORM.format(above="19557\n\n", filler="", later="")).id == "1963DIR019557"


def test_a_number_above_cite_dir_with_a_line_between_is_not_taken():
    # Beside the CITE box means the line next to it; a number further up is another box's.
    assert parse(_HQ_FORM.format(above="19557\n\nINFO\n\n", filler="", later="")).id is None


@pytest.mark.parametrize("later", [
    "PAGE TWO\n\nCITE DIR 19557\n\n90. TEXT GOES ON.\n",                          # the serial on the line
    "PAGE TWO\n\nCITE DIR\n\nDEFERRED\n\nROUTINE\n\nOUT 94365\n\n19557\n\n90. TEXT GOES ON.\n",  # the box below
])
def test_a_later_pages_cite_dir_gives_the_serial_the_first_page_lost(later):
    assert parse(_HQ_FORM.format(above="", filler=_FILLER, later=later)).id == "1963DIR019557"


@pytest.mark.parametrize("later", [
    "90. AS WE CITE DIR 19557 IN OUR LAST.\n",                                     # CITE DIR in a sentence
    "PAGE TWO\n\nCITE DIR\n\n90. ONE\n\n91. TWO\n\n92. THREE\n\n93. FOUR\n\n94. FIVE\n\n95. SIX\n\n19557\n",  # too far below
])
def test_cite_dir_in_a_sentence_or_a_number_far_below_it_gives_no_serial(later):
    assert parse(_HQ_FORM.format(above="", filler=_FILLER, later=later)).id is None


# -- header-area dates that are never the message's: the review stamp, a date of birth -----------------
_LOOSE = CIA + "CLASSIFIED MESSAGE\n\n{line}\n\nDIR CITE MEXI 1234\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("line", ["CLASSIFICATION REVIEW\n\nCONDUCTED ON 24 MAY 1978",
                                  "A. JOHN DOE, BORN 29 MAR 43.", "DOB: 12 JAN 31 IN HAVANA"])
def test_a_review_stamps_date_or_a_date_of_birth_does_not_date_the_cable(line):
    assert parse(_LOOSE.format(line=line)).date is None


@pytest.mark.parametrize("line, date", [("9 OCT 63 SUBJECT BORN IN HAVANA", "1963-10-09"),  # BORN after the date
                                        ("REVIEWED 24 MAY 63", "1963-05-24")])             # no review stamp's words
def test_a_date_before_born_or_beside_other_words_still_dates_the_cable(line, date):
    assert parse(_LOOSE.format(line=line)).date == date


# -- a month and year ending the classification line are no station and serial ------------------------
def test_a_dtgs_month_and_year_on_the_classification_line_are_no_message_number():
    # 'SECRET 0220472 DEC 93': the DTG with its Z read as 2; DEC 93 is its month and year.
    text = (CIA + "PAGE 001\n\nTOR: 030148Z DEC 93\n\nSECRET 0220472 DEC 93\n\nSTAFF\n\n"
            "CITE TEGUCIGALPA 43599\n\nTO: DIRECTOR.\n\n1. TEXT OF THE CABLE.\n")
    r = parse(text)
    assert (r.id, r.dtg) == ("1993TEGUCIGALPA043599", "022047Z DEC 93")


def test_a_station_and_serial_ending_the_classification_line_are_still_its_number():
    text = ("R 210722Z JUL 06\nFM SECSTATE WASHDC\nTO AMEMBASSY ROME\n\nC O N F I D E N T I A L STATE 163147\n\n"
            "E.O. 12958: DECL: 07/11/2016\nTAGS: PREL, IT\nSUBJECT: TEXT\n\n1. (C) TEXT OF THE CABLE.\n")
    assert parse(text).id == "2006STATE163147"
