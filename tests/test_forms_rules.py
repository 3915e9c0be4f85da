"""Header forms and their variants met on documents labelled after the rules were written: a form's
labels with their values below them, labels run together on one line, OCR misreadings of the SMART
form, the Cablegate note on a declassified original, CIA CITE codes cut short, and what may stand
below a signer. The texts are made up in the style of the telegrams; each rule has a near case."""

from __future__ import annotations

import pytest

from cablegram import parse
from cablegram.parse import fields as F
from cablegram.parse.header_blocks import split_addresses
from cablegram.parse.smart import mended_name

# -- a SMART form whose text was taken from a PDF's table: each label alone, its value below --------
TABLE = """From: Example, Pat <ExampleP@state.example>
Sent: Friday, July 23, 2010 2:48 AM
To: Someone, Chris
Subject: FW: Charge meets the family

MRN:

           10 EXAMPLEPORT 956



Date/DTG:

           Jul 22, 2010 / 221710Z JUL 10



From:

          AMEMBASSY VALLETTA



Action:

          WASHDC, SECSTATE ROUTINE



E.O.:

          13526



TAGS:

          PREL, PHUM, MT



Captions:

          SENSITIVE, SIPDIS



Subject:

        Charge meets the family of a slain activist to express
sympathy



1. (SBU) The Charge met the family on July 16.
"""


def test_smart_labels_standing_alone_take_the_value_below():
    r = parse(TABLE)
    assert r.mrn == "10 EXAMPLEPORT 956" and r.dtg == "221710Z JUL 10" and r.date == "2010-07-22"
    assert r.from_ == "AMEMBASSY VALLETTA" and [a.name for a in r.to] == ["SECSTATE WASHDC"]
    assert r.precedence == "ROUTINE" and r.eo.order == "13526" and r.tags == ("PREL", "PHUM", "MT")
    assert r.captions == ("SENSITIVE", "SIPDIS")
    assert r.subject == "Charge meets the family of a slain activist to express sympathy"
    assert [p.number for p in r.paragraphs] == [1]
    start, end = r.spans["from"]
    assert TABLE[start:end] == "AMEMBASSY VALLETTA"


def test_a_label_alone_takes_no_paragraph_or_label_below_as_its_value():
    text = TABLE.replace("Captions:\n\n          SENSITIVE, SIPDIS\n", "Captions:\n")
    r = parse(text)
    assert r.captions == () and r.subject.startswith("Charge meets")
    # the subject's label with the text right below it, no subject: the paragraph stays the text
    r2 = parse(TABLE.replace("Subject:\n\n        Charge meets the family of a slain activist to express\nsympathy\n",
                             "Subject:\n"))
    assert r2.subject is None and [p.number for p in r2.paragraphs] == [1]


def test_from_alone_outside_a_smart_form_is_not_read_as_one():
    # A CIA routing box prints FROM alone too; its value is read by the agency reader, not as a SMART label.
    text = "CLASSIFIED MESSAGE\n\nSECRET\n\nFROM:\n\nMEXICO CITY\n\nPRIORITY DIR CITE MEXI 1234\n\n1. TEXT.\n"
    r = parse(text)
    assert r.era != "smart-2010s" and r.from_ == "MEXICO CITY"


# -- SMART values as OCR reads them --------------------------------------------------------------------
@pytest.mark.parametrize("line, dtg", [
    ("Date/DTG:      Jul 22, 20101221710Z JUL 10", "221710Z JUL 10"),    # ' / ' read as a digit
    ("Date/DTG:      Apr 07, 2011 1071322Z APR 11", "071322Z APR 11"),
    ("Date!DTG:      May 30, 2012 / 301144Z MAY 12", "301144Z MAY 12"),  # the slash read as '!'
    ("Date/DIG:      Aug 03, 2010 / 031406Z AUG 10", "031406Z AUG 10"),  # DTG read as DIG
    ("Date/DTG:      Apr 07, 2011 1081322Z APR 11", None),               # near case: the day disagrees
])
def test_smart_date_lines_as_ocr_reads_them(line, dtg):
    text = f"MRN:           11 EXAMPLEPORT 12\n{line}\nFrom:          AMEMBASSY VALLETTA\n\n1. (U) TEXT.\n"
    assert parse(text).dtg == dtg


def test_smart_list_items_end_at_the_comma_ocr_reads_for_a_semicolon_after_a_precedence():
    text = "WHITE HOUSE WASHINGTON DC IMMEDIATE; Adams, Thomas C IMMEDIATE, Baker, Holli C IMMEDIATE; X ROUTINE"
    assert [p.strip() for p in split_addresses(text)] == [
        "WHITE HOUSE WASHINGTON DC IMMEDIATE", "Adams, Thomas C IMMEDIATE", "Baker, Holli C IMMEDIATE", "X ROUTINE"]
    # near case: the comma inside a name is no end of an item
    assert len(split_addresses("Adams, Thomas C IMMEDIATE; Baker, Holli C ROUTINE")) == 2


@pytest.mark.parametrize("item, name, precedence", [
    ("MONROVIA, AMEMBASSYROUTINE", "AMEMBASSY MONROVIA", "ROUTINE"),
    ("GLOBAL FINANCIAL SERVICES, USOFFICEROUTINE", "USOFFICE GLOBAL FINANCIAL SERVICES", "ROUTINE"),
    ("WASHDC, SECSTATE ROUTINE", "SECSTATE WASHDC", "ROUTINE"),
    ("AMEMBASSY ROME PRIORITY", "AMEMBASSY ROME", "PRIORITY"),   # near case: no comma, as before
    ("MONROVIA, AMEMBASSYRounNE", "AMEMBASSY MONROVIA", "ROUTINE"),     # misread as well: 'TI' read as 'n'
    ("PARIS, AMEMBASSYPRIORTY", "AMEMBASSY PARIS", "PRIORITY"),
    ("WASHDC, SECSTATEIMMEDIAT", "SECSTATE WASHDC", "IMMEDIATE"),
    ("MONROVIA, AMEMBASSYXQZWK", "MONROVIA, AMEMBASSYXQZWK", None),     # near case: no precedence near it
])
def test_a_precedence_run_onto_the_kind_of_post(item, name, precedence):
    a = F.addressee(item)
    assert (a.name, a.precedence) == (name, precedence)


def test_an_addressees_misread_precedence_is_reported():
    smart = ("UNCLASSIFIED\n\nMRN: 12 STATE 10280\nDate/DTG: Feb 03, 2012 / 031849Z FEB 12\nFrom: SECSTATE WASHDC\n"
             "Action: {action}\nE.O.: 13526\nTAGS: APER\nSubject: TEST\n\n1. Text.\n")
    r = parse(smart.format(action="MONROVIA, AMEMBASSYRounNE"))
    assert r.precedence == "ROUTINE" and [a.name for a in r.to] == ["AMEMBASSY MONROVIA"]
    assert any(d.code == "possible-ocr-error" and "RounNE" in d.message for d in r.defects)
    clean = parse(smart.format(action="MONROVIA, AMEMBASSY ROUTINE"))  # near case: written plainly
    assert clean.precedence == "ROUTINE" and not any(d.code == "possible-ocr-error" for d in clean.defects)


# -- labels run together on one line -------------------------------------------------------------------
def test_tags_and_subject_printed_on_the_eo_line():
    text = ("SECRET ABU DHABI 000009\n\nE.O. 12958: DECL: 2035/01/07 TAGS: ECON PTER AE\n\n"
            "CLASSIFIED BY: Richard Olsen, Ambassador; REASON: 1.4(B), (D)\n\n1. (S) TEXT.\n")
    r = parse(text)
    assert r.tags == ("ECON", "PTER", "AE") and r.eo.declassify_on == "2035-01-07"
    assert r.eo.raw == "E.O. 12958: DECL: 2035/01/07"
    start, end = r.spans["tags"]
    assert text[start:end] == "ECON PTER AE"
    lower = "SECRET ANKARA 000348\n\nE.o. 12958: decl: 01/07/2014 Tags: prel, tu Subject: the p.m. goes to washington\n\n1. (C) Text.\n"
    r2 = parse(lower)
    assert r2.tags == ("PREL", "TU") and r2.subject == "the p.m. goes to washington"
    # near case: a TAGS label in a subject line is the subject's own words (only E.O. and REF lines are split)
    r3 = parse(text.replace("E.O. 12958: DECL: 2035/01/07 TAGS: ECON PTER AE", "SUBJECT: PRICE TAGS: A STUDY"))
    assert r3.subject == "PRICE TAGS: A STUDY" and r3.tags == ()


def test_a_classified_by_line_printed_on_the_ref_line():
    text = ("CONFIDENTIAL SANTIAGO 000983\n\nSUBJECT: TALKS\n\n"
            "REF: ASUNCION 396 Classified By: AMBASSADOR CRAIG HOLM; Reasons 1.4(b), (d)\n\n1. (C) TEXT.\n")
    r = parse(text)
    assert [(x.station, x.serial) for x in r.references] == [("ASUNCION", 396)]
    assert r.classified_by.name == "CRAIG HOLM"


# -- the Cablegate note on a telegram declassified before it was published ----------------------------
def test_original_classification_from_the_declassified_note():
    text = ("P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\n\n"
            "UNCLASSIFIED BUENOS AIRES 2481\n\nOriginal Telegram was Confidential but has since been\nde-classified\n\n"
            "SUBJECT: FISHING LIMITS\n\n1. TEXT.\n")
    r = parse(text)
    assert (r.classification, r.current_classification) == ("CONFIDENTIAL", "UNCLASSIFIED")
    start, end = r.spans["classification"]
    assert text[start:end] == "Confidential"
    # near case: without the note the line's marking is the classification
    assert parse(text.replace("Original Telegram was Confidential but has since been\nde-classified\n\n", "")) \
        .classification == "UNCLASSIFIED"


# -- CIA CITE codes ------------------------------------------------------------------------------------
CIA = "CLASSIFIED MESSAGE\n\nSECRET\n\nTO : DIRECTOR\n\n{box}PRIORITY DIR CITE {cite} 2598\n\n1. TEXT.\n"


@pytest.mark.parametrize("cite, station", [("ADR", "MADRID"), ("EXI", "MEXICO CITY"), ("DIR", "DIRECTOR")])
def test_a_cite_code_that_lost_a_letter(cite, station):
    r = parse(CIA.format(box="", cite=cite))
    assert r.from_ == station
    # near case: a three-letter word two codes could be cut from is left as written
    assert parse(CIA.format(box="", cite="BER")).from_ == "BER"


def test_the_routing_box_station_before_a_guess_at_an_unknown_cite_code():
    r = parse(CIA.format(box="FROM : PORTO ALEGRE\n\n", cite="LGRX"))
    assert r.from_ == "PORTO ALEGRE"


@pytest.mark.parametrize("line, dtg", [
    ("SEC RE T 2315562 MAY 78 STAFF", "231556Z MAY 78"),  # marking letter-spaced by OCR, Z read as 2
    ("fe ONF IDENN TIAL 0307462 V3", "030746Z"),          # marking garbled, specks before it
    ("SECRET 2315562 MAY 78 STAFF", "231556Z MAY 78"),    # as before
    ("ROUTINE 2315562 MAY 78", None),                     # no marking before the number
    ("SEC RE T 9213552", "021355Z"),                      # the day's nought read as 9 (reported)
    ("SEC RE T 9013552", None),                           # no valid day however read: not repaired
])
def test_the_dtg_on_a_classification_line_whose_marking_ocr_garbled(line, dtg):
    r = parse(CIA.format(box=line + "\n\n", cite="MEXI"))
    assert r.dtg == dtg


# -- below the signer ----------------------------------------------------------------------------------
BODY = "UNCLASSIFIED ANKARA 001583\n\nSUBJECT: TALKS\n\n1. (U) TEXT OF THE CABLE.\n\n{end}\n"


@pytest.mark.parametrize("end, signature", [
    ('JEFFORDS\n\n           "Visit Ankara\'s Classified Web Site at http://www.intelink.s\ngov.gov/wiki/Portal:Turkey"',
     "JEFFORDS"),
    ("TIMMONS JR", "TIMMONS"),        # a generational suffix is no part of the surname
    ("TIMMONS, JR.", "TIMMONS"),
    ("TIMMONS", "TIMMONS"),           # near cases: as before
    ("JOHN TIMMONS", "JOHN TIMMONS"),
])
def test_the_signer_above_a_web_site_notice_and_without_a_suffix(end, signature):
    assert parse(BODY.format(end=end)).signature == signature


def test_headquarters_number_in_its_box_below_cite_dir():
    text = ("CLASSIFIED MESSAGE\n\nSECRET\n\nTO : MEXICO CITY\n\nFROM : DIRECTOR\n\nDATE : 10 DEC 63\n\n"
            "PRIORITY MEXI\n\nCITE DIR\n\n88252\n\n1. TEXT OF THE CABLE.\n")
    r = parse(text)
    assert r.id == "1963DIR088252"
    # near case: four digits alone (a page or file number) are no headquarters number
    assert parse(text.replace("88252", "1761")).id is None


def test_cia_ref_items_on_their_own_lines_known_by_a_cite_code():
    text = ("CLASSIFIED MESSAGE\n\nSECRET\n\nTO : DIRECTOR\n\nFROM : PARIS\n\nPRIORITY DIR INFO WAVE CITE PARI 2629\n\n"
            "REF A HELS 1609\n\n\u201c: B DIR 27924, Cov 62697) ae\n\n1. TEXT OF THE CABLE.\n")
    r = parse(text)
    assert [(x.station, x.serial) for x in r.references] == [("HELS", 1609), ("DIR", 27924)]
    # near case: a line of words and a number that names no CITE code ends the list
    r2 = parse(text.replace("\u201c: B DIR 27924, Cov 62697) ae", "SEEN 27924 TIMES"))
    assert [(x.station, x.serial) for x in r2.references] == [("HELS", 1609)]


@pytest.mark.parametrize("ref_line, expected", [
    ("FE DIR 85133 *", [("DIR", 85133)]),            # REF with its R lost
    ("PETS: A. MEXI 3565 Cirl 4.75-39)", [("MEXI", 3565)]),  # REFS misread
    ("REP: WAVE 4369 (IN 20073)", [("WAVE", 4369)]),
    ("RE A PARI 9888 (IN 40116)", [("PARI", 9888)]),  # RE with its F lost, before a lettered item
    ("WAVE DIR 85133", []),                           # an addressee before a code: no label
    ("RYBAT TYPIC 4369", []),                         # a slug line: no CITE code before the number
])
def test_a_cia_ref_label_ocr_garbled_before_a_coded_item(ref_line, expected):
    text = ("CLASSIFIED MESSAGE\n\nSECRET\n\nTO : DIRECTOR\n\nFROM : PARIS\n\nPRIORITY DIR CITE PARI 2629\n\n"
            f"{ref_line}\n\n1. TEXT OF THE CABLE.\n")
    assert [(x.station, x.serial) for x in parse(text).references] == expected


@pytest.mark.parametrize("marking, level", [
    ("SEGRET", "SECRET"),            # C read as G
    ("SECHET", "SECRET"),            # R read as H
    ("SECRBI", "SECRET"),            # two letters off
    ("CONFIDENTLAL", "CONFIDENTIAL"),
    ("SECRET", "SECRET"),            # as before
    ("SECTOR", None),                # three letters off
    ("REGRET", None),                # its first letter differs
    ("FOP-SEGREF-DINAR", "TOP SECRET"),  # the COMINT codeword's category wins over a misspelt level
])
def test_a_marking_ocr_misspelt_on_a_cia_cable(marking, level):
    text = f"CLASSIFIED MESSAGE\n\n{marking}\n\nPRIORITY DIR CITE PARI 2629\n\n1. TEXT OF THE CABLE.\n"
    r = parse(text)
    assert r.classification == level
    if level and marking not in (level, "FOP-SEGREF-DINAR"):
        assert any(d.code == "possible-ocr-error" and marking in d.message for d in r.defects)
        start, end = r.spans["classification"]
        assert text[start:end] == marking  # the span is the misspelt word as printed


@pytest.mark.parametrize("line, declassify_on, event", [
    ("E.O. 12958: DNG: CO 04/08/2026", None, "DNG: CO 04/08/2026"),   # a downgrading date is no declassification
    ("E.O. 12958: DECL: 04/08/2026", "2026-04-08", None),             # near case: as before
    ("E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009", "2009-09-02", None),  # the archive's note: no event
    ("E.O. 12958: DECL: 1 YEAR AFTER CLOSURE 04/08/2026", "2026-04-08", "1 YEAR AFTER CLOSURE"),  # an event stays
])
def test_a_downgrading_instruction_on_the_eo_line(line, declassify_on, event):
    eo = F.eo_line(line)
    assert (eo.declassify_on, eo.event) == (declassify_on, event)


def test_a_classified_by_line_on_the_ref_line_takes_its_wrapped_reasons():
    text = ("CONFIDENTIAL SANTIAGO 000983\n\nSUBJECT: TALKS\n\n"
            "REF: ASUNCION 396 Classified By: AMBASSADOR CRAIG HOLM for reasons 1.4\n(b) and (d)\n\n1. (C) TEXT.\n")
    r = parse(text)
    assert [(x.station, x.serial) for x in r.references] == [("ASUNCION", 396)]
    assert r.classified_by.name == "CRAIG HOLM" and r.classified_by.reasons == ("1.4(b)", "1.4(d)")


# -- the SMART footer's Info list, wrapped to the margin ------------------------------------------
FOOTER = TABLE + """
Signature:

        EXAMPLE

Info:

      LAGOS, AMCONSUL ROUTINE; GENEVA, USMISSION ROUTINE; CIA WASHINGTON DC ROUTINE; DIA
WASHINGTON DC ROUTINE; Boyer, Spencer P ROUTINE, McKay, Maria E ROUTINE; SOUTHERN AF
DEVELOPMENT COMMUNITY COLLECTIVE ROUTINE

Attachments:

        Metadata.dat
"""


def test_smart_footer_info_list_wrapped_to_the_margin():
    r = parse(FOOTER)
    assert [a.name for a in r.info] == ["AMCONSUL LAGOS", "USMISSION GENEVA", "CIA WASHINGTON DC", "DIA WASHINGTON DC",
                                        "BOYER, SPENCER P", "MCKAY, MARIA E", "SOUTHERN AF DEVELOPMENT COMMUNITY COLLECTIVE"]


def test_a_line_at_the_margin_after_the_info_list_is_not_an_item():
    text = FOOTER.replace("DEVELOPMENT COMMUNITY COLLECTIVE ROUTINE\n", "DEVELOPMENT COMMUNITY COLLECTIVE ROUTINE\n"
                          "This email is UNCLASSIFIED.\n")
    assert "THIS EMAIL IS UNCLASSIFIED." not in [a.name for a in parse(text).info]


# -- an l read as I in the names of a SMART list -------------------------------------------------------
@pytest.mark.parametrize("item, name", [
    ("BeII, Kimberlee A", "Bell, Kimberlee A"),
    ("Baker, HoIli C ROUTINE", "Baker, Holli C ROUTINE"),
    ("Bastien, JoeIle-Elizabeth ROUTINE", "Bastien, Joelle-Elizabeth ROUTINE"),
    ("McIntyre, John", "McIntyre, John"),                     # near case: a prefix takes a capital
    ("MacInnes, DanieI", "MacInnes, Daniel"),
    ("Test-SESOReadIn ROUTINE", "Test-SESOReadIn ROUTINE"),    # near case: a group's name, no person
    ("WHITE HOUSE WASHINGTON DC ROUTINE", "WHITE HOUSE WASHINGTON DC ROUTINE"),
    ("Isaacs, Ian", "Isaacs, Ian"),
])
def test_an_l_read_as_a_capital_i_in_a_persons_name(item, name):
    assert mended_name(item) == name


def test_mended_names_in_the_footer_are_reported():
    text = FOOTER.replace("Boyer, Spencer P ROUTINE", "BoyIe, Spencer P ROUTINE")
    r = parse(text)
    assert "BOYLE, SPENCER P" in [a.name for a in r.info]
    assert any(d.code == "possible-ocr-error" and "BoyIe" in d.message for d in r.defects)
    assert not any(d.code == "possible-ocr-error" and "name" in d.message for d in parse(FOOTER).defects)


# -- the SMART Pass Line wrapped over lines ------------------------------------------------------------
@pytest.mark.parametrize("lines, attention", [
    (["DEPT FOR AF/C", "S/WCI", "AND DRL", "LAGOS FOR FBI"], ["DEPT FOR AF/C S/WCI AND DRL", "LAGOS FOR FBI"]),
    (["STATE FOR E AND EB", "PASS TO NSC FROMAN"], ["STATE FOR E AND EB", "PASS TO NSC FROMAN"]),  # PASS opens one
    (["STATE FOR R - U/S MCHALE", "EUR - A/S GORDON"], ["STATE FOR R - U/S MCHALE EUR - A/S GORDON"]),
])
def test_a_pass_line_wrapped_over_lines_is_one_instruction_a_for(lines, attention):
    block = "\n".join(["Pass Line:                    " + lines[0]] + ["                              " + x for x in lines[1:]])
    text = TABLE.replace("Subject:\n", block + "\nSubject:\n", 1)
    assert list(parse(text).attention) == attention


# -- a CIA routing box extracted cell by cell: the label alone, its value below -----------------------
# (The box stands more than ten lines above the CITE line, beyond where a name standing alone is
# taken as the address of a CITE line that holds none.)
_FILLER = "\n\n".join(["ACTION: C/WH 4", "INFO: DDP, COP", "ADDP/A", "C/CI", "C/FI", "RECORDS CENTER", "VR", "FILE",
                        "NOTIFIED 1830", "SLOTTED 1835", "SECRET 241310Z"])
_ROUTED = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\n{box}\n\n" + _FILLER + "\n\nCITE WAVE 1234\n\n1. TEXT.\n"


@pytest.mark.parametrize("box, to", [
    ("TO\n\n: DIRECTOR", ["DIRECTOR"]),
    ("TO\n\n246\n\n: 14 OCT 61\n\n• DIRECTOR", ["DIRECTOR"]),  # the box's number and a date passed over
    ("TO\n\n& DIRECTOR", ["DIRECTOR"]),
])
def test_a_routing_box_label_alone_takes_the_name_below_it(box, to):
    assert [a.name for a in parse(_ROUTED.format(box=box)).to] == to


@pytest.mark.parametrize("box", [
    "TO\n\nFROM\n\n: DIRECTOR",  # another label comes first
    "TO\n\nTHE STATION WILL ADVISE",  # a line of words, no known name
    "TO\n\nBOX 246\n\nDATE 14 OCT 61\n\nSLOTTED 2030\n\n• DIRECTOR",  # too far below
])
def test_no_name_is_taken_from_below_a_label_that_is_not_its_box(box):
    assert [a.name for a in parse(_ROUTED.format(box=box)).to] == []


def test_the_from_box_alone_with_its_value_below():
    r = parse(_ROUTED.format(box="TO\n\n& DIRECTOR\n\nFROM\n\nPARI").replace("CITE WAVE 1234", "DIR CITE 3142"))
    assert r.from_ == "PARIS"


# -- a CIA form's date box as OCR leaves it --------------------------------------------------------
@pytest.mark.parametrize("box, date", [
    ("DATE.\n\n13 JANUARY: 1959", "1959-01-13"),  # a colon after the month
    ("DATE: 6 FEB. 73", "1973-02-06"),
    ("DATE: 6 FEB 73", "1973-02-06"),
])
def test_a_cia_forms_date_box_with_a_stop_after_the_month(box, date):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\n" + box + "\n\nCITE DIR 08002\n\n1. TEXT.\n")
    assert r.date == date


def test_a_day_and_month_with_a_number_after_a_colon_are_no_date():
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\nSLOTTED 6 FEB: 1234\n\nCITE DIR 08002\n\n1. TEXT.\n")
    assert r.date is None


# -- a headquarters staff cable of the 1990s: its message line stands where the CITE line would -------
# (The JFK record number at its head marks a CIA record, as on every such release.)
_HQ_STAFF = ("104-10326-10044\n\nSECRET\n\nMHFNO: 96-5388761 SENSIND: PAGE: 1\n\nSECRET\n\nSTAFF\n\n"
             "TO: PRIORITY\n\n{line}\n\nSLUGS: WNINTEL\n\nSUBJECT: NEW STORY ON CIA IN JAPAN\n\nREF: NONE\n\n"
             "TEXT:\n\n1. ACTION REQUIRED: NONE.\n")


def test_a_staff_cables_message_line_names_its_originator():
    r = parse(_HQ_STAFF.format(line="131953Z DIRECTOR 941533"))
    assert (r.kind, r.from_) == ("cia-cable", "DIRECTOR")
    a, b = r.spans["from"]
    assert _HQ_STAFF.format(line="131953Z DIRECTOR 941533")[a:b] == "DIRECTOR"


@pytest.mark.parametrize("line", [
    "DIRECTOR 941533",  # no time group: the page's running head, not the message line
    "131953Z DIRECTOR WILL ADVISE",
])
def test_a_line_naming_the_director_without_the_message_lines_shape_names_no_originator(line):
    assert parse(_HQ_STAFF.format(line=line)).from_ is None


# -- a CITE serial with a capital OCR read for a digit --------------------------------------------------
@pytest.mark.parametrize("line, serial, misread", [
    ("PRIORITY DIR CITE WAVE B230", "WAVE 8230", True),  # B for 8
    ("PRIORITY DIR CITE MEXI 562I", "MEXI 5621", True),  # I for 1
    ("PRIORITY DIR CITE WAVE 8230", "WAVE 8230", False),
])
def test_a_cite_serial_with_one_capital_for_a_digit_is_read(line, serial, misread):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\n" + line + "\n\n1. TEXT.\n")
    assert r.mrn == serial
    assert any(d.code == "possible-ocr-error" and "CITE serial" in d.message for d in r.defects) == misread


@pytest.mark.parametrize("line", ["PRIORITY DIR CITE WAVE BOB", "PRIORITY DIR CITE WAVE 94OS", "PRIORITY DIR CITE WAVE B2"])
def test_a_cite_word_with_more_letters_or_too_short_is_no_serial(line):
    assert parse("CLASSIFIED MESSAGE\n\nSECRET\n\n" + line + "\n\n1. TEXT.\n").mrn is None
