"""REF items and attention lines: the general rules of the format each reader follows, with a
near case for each that must not change."""

from __future__ import annotations

import pytest

from cablegram import parse
from cablegram.parse import fields as F


def _refs(text: str, year: int = 1974) -> list[tuple[str, int]]:
    return [(r.station, r.serial) for r in F.references(text, year)]


# -- REF items ---------------------------------------------------------------------------------------
def test_possessive_station_names_the_station():
    assert _refs("STATE'S 40211") == [("STATE", 40211)]
    assert _refs("A. ANKARA'S 1180 B. ANKARA 1202") == [("ANKARA", 1180), ("ANKARA", 1202)]


@pytest.mark.parametrize("text, expected", [
    ("DEPCIRTEL 505", [("STATE", 505)]),  # a Department circular telegram
    ("DEPTELS 558 AND 534", [("STATE", 558), ("STATE", 534)]),
    ("DEPTEL 45", [("STATE", 45)]),
    ("CIRTEL 505", [("CIRTEL", 505)]),  # a circular, its sender not named: as written
])
def test_the_departments_telegram_words_name_state(text, expected):
    assert _refs(text) == expected


def test_station_with_an_apostrophe_inside_is_kept_whole():
    assert _refs("COTE D'IVOIRE 3307") == [("COTE D'IVOIRE", 3307)]


@pytest.mark.parametrize("text", [
    "CONSULATE LAGOS WEEKLY NOTE FOR MARCH 3",
    "A. EMBASSY BONN PRESS SUMMARY FOR OCTOBER 12",
])
def test_prose_with_a_day_of_the_month_is_no_reference(text):
    assert _refs(text) == []


@pytest.mark.parametrize("text, expected", [
    ("PORT OF SPAIN 0456", [("PORT OF SPAIN", 456)]),       # a known station with 'OF' in its name
    ("TELEGRAM FROM ROME 1234", [("ROME", 1234)]),           # the station is what follows the prose
    ("DEPT OF STATE 88120", [("STATE", 88120)]),
    ("USDEL SALT TWO 112", [("USDEL SALT TWO", 112)]),       # an unknown station of capitalised words
])
def test_station_words_after_the_last_word_of_a_sentence(text, expected):
    assert _refs(text) == expected


def test_more_serials_of_the_same_station_after_a_comma_or_and():
    assert _refs("LIMA 210, 214 AND 0230") == [("LIMA", 210), ("LIMA", 214), ("LIMA", 230)]
    assert _refs("A. LIMA 210, 214 B. QUITO 77") == [("LIMA", 210), ("LIMA", 214), ("QUITO", 77)]


def test_a_number_after_a_comma_that_is_a_day_or_a_code_is_no_serial():
    assert _refs("LIMA 210, 14 MAY") == [("LIMA", 210)]
    assert _refs("LIMA 210, 12/05") == [("LIMA", 210)]


def test_item_letters_in_lower_case_mark_items_too():
    refs = F.references("E. 07 LIMA 210 f. 07 lima 230 g. State 12", 2008)
    assert [(r.letter, r.station, r.serial, r.year) for r in refs] == [
        ("E", "LIMA", 210, 2007), ("F", "LIMA", 230, 2007), ("G", "STATE", 12, 2008)]


def test_a_lower_case_letter_without_its_stop_is_no_item_mark():
    refs = F.references("A. ROME 12 PARA b B. PARIS 4", 2008)
    assert [(r.letter, r.station, r.serial) for r in refs] == [("A", "ROME", 12), ("B", "PARIS", 4)]


def test_year_is_stated_only_where_the_item_gives_one():
    first, second = F.references("07 LIMA 210, 214", 2008)
    assert (first.year, first.year_stated, second.year, second.year_stated) == (2007, True, 2007, True)
    (plain,) = F.references("LIMA 210", 2008)
    assert (plain.year, plain.year_stated) == (2008, False)


# -- the opening line of a FRUS-printed telegram -------------------------------------------------------
def _frus(opening: str) -> str:
    return ("12. Telegram From the Embassy in Peru to the Department of State\n\n"
            "Source: National Archives, RG 59, Central Files 1970-73, POL PERU-US. Secret; Exdis.\n\n"
            "Lima, March 3, 1971, 1620Z.\n\n" + opening + "\n\n"
            "1. The Foreign Minister received me this morning.\n\n2. He said little.\n\nSmith\n")


@pytest.mark.parametrize("opening, attention", [
    ("1402. Eyes Only for the Secretary from Amb. Smith and Gen. Jones. Subj: Fishing Limits.",
     ["Eyes Only for the Secretary from Amb. Smith and Gen. Jones"]),
    ("1402. Dept pls pass Treasury. Military addressees handle as Specat Exclusive. Subj: Fishing Limits.",
     ["Dept pls pass Treasury", "Military addressees handle as Specat Exclusive"]),
    ("1402. From Ambassador. Subj: Fishing Limits.", ["From Ambassador"]),
    # An editor's note and the text's own first sentence are not attention lines.
    ("1402. Uncleared, FYI only. Subject to revision. Subj: Fishing Limits.", []),
    ("1402. 1. This morning I called on the Minister. Present were two aides.", []),
])
def test_frus_opening_sentences_before_the_first_label(opening, attention):
    assert list(parse(_frus(opening)).attention) == attention


@pytest.mark.parametrize("opening, refs", [
    ("1402. Subj: Fishing Limits. Ref A. State 40211, B. Lima 1388.", [("STATE", 40211), ("LIMA", 1388)]),
    ("1402. Subj: Fishing Limits. Ref Lima 1388.", [("LIMA", 1388)]),
    ("1402. Subj: Fishing Limits. Ref: Lima 1388, 1391. USUN 204.", [("LIMA", 1388), ("LIMA", 1391), ("USUN", 204)]),
    # A REF value ends at a sentence that is no REF item.
    ("1402. Subj: Fishing Limits. Ref: Lima 1388. For Ambassador.", [("LIMA", 1388)]),
])
def test_frus_opening_reference_label_and_items(opening, refs):
    assert [(x.station, x.serial) for x in parse(_frus(opening)).references] == refs


def test_frus_opening_subj_without_its_colon():
    r = parse(_frus("1402. Subj Fishing Limits Discussed With Minister. Ref Lima 1388."))
    assert r.subject == "Fishing Limits Discussed With Minister"


def test_frus_opening_subject_word_without_a_colon_is_prose():
    r = parse(_frus("1402. Subject to revision. Subj: Fishing Limits."))
    assert r.subject == "Fishing Limits"


# -- attention lines of a born-digital cable -----------------------------------------------------------
ACP = "R 141200Z FEB 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nBT\nC O N F I D E N T I A L PARIS 000123\n\nSIPDIS\n\n"
REST = "\n\nE.O. 12958: DECL: 02/14/2019\nTAGS: PREL\nSUBJECT: X\n\n1. (C) Text.\n"


@pytest.mark.parametrize("lines, attention", [
    ("EUR/WE\nS/CRS\nNEA/ARP, NEA/RA", ["EUR/WE", "S/CRS", "NEA/ARP, NEA/RA"]),
    ("INR/B (SMITH)", ["INR/B (SMITH)"]),
    ("DEPT FOR EUR/WE, EUR/CE,\nAND INR\nUSDOC FOR ITA", ["DEPT FOR EUR/WE, EUR/CE, AND INR", "USDOC FOR ITA"]),
    ("LONDON also for embassy office", ["LONDON also for embassy office"]),
    ("EARLY A.M. DELIVERY", ["EARLY A.M. DELIVERY"]),
    # A banner, a line of longer words and a sentence are not attention lines.
    ("CORRECTED COPY", []),
    ("(CORRECTED COPY)", []),
    ("C O R R E C T E D  C O P Y", []),
    ("NOTE DELIVERED TODAY", []),
])
def test_attention_lines_by_their_place_before_the_eo_line(lines, attention):
    assert list(parse(ACP + lines + REST).attention) == attention


def test_mixed_case_passing_line_after_the_subject_is_text():
    text = ACP + "E.O. 12958: DECL: 02/14/2019\nTAGS: PREL\nSUBJECT: X\n\nLondon also for embassy office\n\n1. (C) Text.\n"
    assert list(parse(text).attention) == []


# -- REF lists and attention lines met on documents labelled after the rules were written ------------
def test_a_long_lettered_list_goes_on_past_h_in_order():
    text = " ".join(f"{chr(65 + k)}. {'06 ' if k > 2 else ''}TBILISI {1000 + k}" for k in range(15))  # A. … O.
    refs = F.references(text, 2007)
    assert [r.letter for r in refs] == [chr(65 + k) for k in range(15)]
    assert [r.year for r in refs] == [2007] * 3 + [2006] * 12


def test_a_letter_past_h_out_of_order_is_no_item_mark():
    refs = F.references("A. STATE 123 B. ROME 45 SAID I. AM HERE", 2007)
    assert [(r.letter, r.station, r.serial) for r in refs] == [("A", "STATE", 123), ("B", "ROME", 45)]


def test_a_four_digit_year_before_the_station():
    refs = F.references("A. A. SECSTATE 103585 B. B. 2008 BRASILIA 775", 2009)
    assert [(r.station, r.serial, r.year, r.year_stated) for r in refs] == [
        ("STATE", 103585, 2009, False), ("BRASILIA", 775, 2008, True)]
    # near case: a four-digit number that stands as a serial stays one
    assert [(r.station, r.serial) for r in F.references("STATE 2008", 2009)] == [("STATE", 2008)]


ROUTED = ("VZCZCXRO1234\nOO RUEHDE\nDE RUEHKU #0808/01 1420942\nZNY SSSSS ZZH\nO 220942Z MAY 07\n"
          "FM AMEMBASSY KUWAIT\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 9183\n\n"
          "S E C R E T SECTION 01 OF 02 KUWAIT 000808\n\nSIPDIS\n\n{attention}\n\n"
          "E.O. 12958: DECL: 05/22/2017\nTAGS: KTFN EFIN\nSUBJECT: TERRORIST FINANCE\n\n1. (S) TEXT.\n")


def test_an_attention_line_that_breaks_after_a_dash_goes_on_below():
    r = parse(ROUTED.format(attention="STATE FOR NEA/ARP, S/CT -\nMONOSSON, HILL AND NOVIS;\nNSC FOR KIFER"))
    assert r.attention == ("STATE FOR NEA/ARP, S/CT - MONOSSON, HILL AND NOVIS;", "NSC FOR KIFER")
    # near case: a line of names below an attention line that ends its list is no part of it
    r2 = parse(ROUTED.format(attention="NSC FOR KIFER\nMONOSSON, HILL AND NOVIS"))
    assert r2.attention == ("NSC FOR KIFER",)


def test_office_symbols_separated_by_semicolons_are_an_attention_line_by_place():
    assert parse(ROUTED.format(attention="NEA/MAG; INR/B")).attention == ("NEA/MAG; INR/B",)
    # near case: a sentence with a semicolon is not a list of office symbols
    assert parse(ROUTED.format(attention="WE AGREE; THE MINISTER DOES NOT")).attention == ()


def test_an_attention_line_that_breaks_after_an_initial_goes_on_below():
    r = parse(ROUTED.format(attention="NSC FOR SENIOR DIRECTOR B.\nPITTMAN AND B. LEO; USAID FOR M. COPSON"))
    assert r.attention == ("NSC FOR SENIOR DIRECTOR B. PITTMAN AND B. LEO; USAID FOR M. COPSON",)
    # near case: a line ending with a word is complete
    r2 = parse(ROUTED.format(attention="NSC FOR SENIOR DIRECTOR PITTMAN\nUSAID FOR M. COPSON"))
    assert r2.attention == ("NSC FOR SENIOR DIRECTOR PITTMAN", "USAID FOR M. COPSON")


# -- a REF list whose lettered items stand apart ----------------------------------------------------
_HEADER = ("P 141433Z FEB 06\nFM AMEMBASSY KIEV\nTO SECSTATE WASHDC PRIORITY 1234\n\n"
           "C O N F I D E N T I A L KIEV 001261\n\nE.O. 12958: DECL: 03/30/2016\nTAGS: PREL UP\n"
           "SUBJECT: ELECTIONS\n\n")
_BODY = "\n\nClassified By: Ambassador, reason 1.4 (b,d)\n\n1. (C) Summary: the results are in.\n"


@pytest.mark.parametrize("refs, expected", [
    # Cablegate's pages set each item apart; a blank line does not end the list.
    ("REF: A. KIEV 1186\n\n\u00b6B. 05 KIEV 4590\n\u00b6C. KIEV 1081",
     [("KIEV", 1186), ("KIEV", 4590), ("KIEV", 1081)]),
    ("REF: A. KIEV 1186\n \n     B. KIEV 1819\n \n     C. KIEV 1700",
     [("KIEV", 1186), ("KIEV", 1819), ("KIEV", 1700)]),
    ("Ref: a. 05 state 201650\n\nb. 05 kiev 3726\nc. 05 state 211408",  # typed in lower case
     [("STATE", 201650), ("KIEV", 3726), ("STATE", 211408)]),
])
def test_lettered_ref_items_go_on_past_blank_lines(refs, expected):
    r = parse(_HEADER + refs + _BODY)
    assert [(x.station, x.serial) for x in r.references] == expected
    assert [p.number for p in r.paragraphs] == [1]


@pytest.mark.parametrize("after", [
    "C. KIEV 1081",  # not the next letter: B is due
    "1. (C) Summary: the results are in.",  # the text
])
def test_a_blank_line_ends_the_ref_list_unless_its_next_item_follows(after):
    r = parse(_HEADER + "REF: A. KIEV 1186\n\n" + after + _BODY)
    assert [(x.station, x.serial) for x in r.references] == [("KIEV", 1186)]
    r = parse(_HEADER + "REF: KIEV 1186\n\nB. KIEV 1819" + _BODY)  # an unlettered REF: no list to go on
    assert [(x.station, x.serial) for x in r.references] == [("KIEV", 1186)]


def _refs_with_years(text: str) -> list[tuple[str, int, int | None]]:
    return [(r.station, r.serial, r.year if r.year_stated else None) for r in F.references(text, 2004)]


@pytest.mark.parametrize("text, expected", [
    # 'AND PREVIOUS' names no cable; the number after it is the next item's year.
    ("STATE 297614 AND PREVIOUS 03 RANGOON 1427", [("STATE", 297614, None), ("RANGOON", 1427, 2003)]),
    ("CAIRO 5589 AND PREVIOUS", [("CAIRO", 5589, None)]),
    ("SEE 05 STATE 12", [("STATE", 12, 2005)]),
])
def test_words_that_name_no_station_leave_the_year_after_them_to_the_next_item(text, expected):
    assert _refs_with_years(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("PARA 12 STATE 1234", [("STATE", 1234, None)]),  # a paragraph's number is no year
    ("DIR 42255 (OUT 81795) STATE 12", [("DIR", 42255, None), ("STATE", 12, None)]),
])
def test_a_number_that_belongs_to_the_words_before_it_is_no_year(text, expected):
    assert _refs_with_years(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("WAVE-1040 (IN-51446)", [("WAVE", 1040)]),  # a hyphen typed for the blank; the IN number is none
    ("STATE-12345", [("STATE", 12345)]),
    ("USDAO DUBLIN EI U-0011-06", []),  # near case: a report's code, not a station and serial
    ("F-16 SALES", []),
])
def test_a_hyphen_between_station_and_serial(text, expected):
    assert _refs(text) == expected


_STAFF = ("SECRET\n\nC SECRET 191115Z MAY 78 DEFERRED TELEPOUCH\n\nCITE BRUSSELS 51185 (GOERLICH ACTING)\n\n"
          "TO: WASHINGTON.\n\nFOR: EUR/BNL INFO DE/EURANH, EUR/AS/A, SA/DO/O\n\nSUBJECT: VLAAMSE MILITANTENORDE\n\n"
          "{ref}\n\n1. FOLLOWING NOTE RECEIVED FROM NIGALE.\n")


def test_a_staff_cables_header_labels_before_its_ref_line_are_passed_over():
    r = parse(_STAFF.format(ref="REF: BRUSSELS 51113"))
    assert [(x.station, x.serial) for x in r.references] == [("BRUSSELS", 51113)]


def test_running_text_before_a_ref_line_ends_the_opening():
    text = _STAFF.replace("FOR: EUR/BNL INFO DE/EURANH, EUR/AS/A, SA/DO/O", "SUPDATA: SOURCE CONTACTED BY THE STATION ON 7 DEC")
    assert parse(text.format(ref="REF: BRUSSELS 51113")).text.startswith("SUPDATA: SOURCE CONTACTED")
    assert parse(_STAFF.format(ref="REF: BRUSSELS 51113")).text.startswith("1. FOLLOWING NOTE")


# -- a CIA cable's REF line where OCR set it: above the CITE line, or with no CITE line legible -------
_CIA_HEAD = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\n"


@pytest.mark.parametrize("text, expected", [
    # the form's columns read out of order: the REF line above the CITE line
    (_CIA_HEAD + "DESENSITIZED TYPIC AMLASH\n\nREP: PARI 7522 (IN 22381)\n\nPRIORITY PARI CITE DIR 12345\n\n1. APPRECIATE REF.\n",
     [("PARI", 7522)]),
    # no CITE line legible (the JFK record number marks a CIA record); the label alone, its item below
    ("104-10065-10105\n\n" + _CIA_HEAD + "TO:\n\nGUAYAQUIL INFO QUITO\n\nWNINTEL RYBAT\n\nREF:\n\nGUAYAQUIL 22196\n\n1. FOLLOWING RECEIVED.\n",
     [("GUAYAQUIL", 22196)]),
])
def test_a_cia_cables_ref_line_is_read_where_ocr_set_it(text, expected):
    assert [(x.station, x.serial) for x in parse(text).references] == expected


def test_a_ref_word_in_the_text_after_its_first_paragraph_is_no_ref_line():
    text = (_CIA_HEAD + "PRIORITY PARI CITE DIR 12345\n\n1. APPRECIATE TIMELINESS OF REPORT.\n\n"
            "2. STATION WILL ADVISE.\n\nREF MADR 4494 SHOULD BE CHECKED.\n")
    assert parse(text).references == ()
