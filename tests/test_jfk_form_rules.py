"""The JFK Assassination Records identification form that heads each released record: its boxes
read as the record's fallbacks, its title in any case, and what it does not say of the document."""

from __future__ import annotations

import pytest

from cablegram import parse


def test_identification_form_box_marked_withheld_states_nothing():
    form = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : CIA\nRECORD NUMBER : 104-10999-10002\n"
            "DOCUMENT INFORMATION\nORIGINATOR : CIA\nFROM : WITHHELD\nTO : WITHHELD\nCOMMENTS :\n\n")
    r = parse(form + "CLASSIFIED MESSAGE\n\nSECRET\n\nPRIORITY DIR INFO BERN CITE GNVA 6313\n\n1. TEXT.\n")
    assert r.from_ == "GENEVA" and [a.canonical or a.name for a in r.to] == ["DIRECTOR"]


NARA_FORM = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : NARA\nRECORD NUMBER : 176-10036-10049\n"
             "ORIGINATOR : DOS\nFROM : Conakry\nTO: Secretary of State\nDATE : 9/21/1963\nCLASSIFICATION : UNCLASSIFIED\n"
             "COMMENTS : Box 44\n\n")


def test_identification_form_without_document_information_heading_describes_the_document():
    r = parse(NARA_FORM + "Text of the record.\n")
    assert r.date == "1963-09-21" and r.from_ == "AMEMBASSY CONAKRY"
    assert r.classification is None  # the form's UNCLASSIFIED is not a marking the record bears
    column_form = NARA_FORM.replace("ORIGINATOR : DOS\nFROM : Conakry\n", "ORIGINATOR :\nFROM :\nConakry\n")
    assert parse(column_form + "Text of the record.\n").date is None  # labels and values in columns: no heading, no reading


def test_fbi_teletype_own_from_and_to_lines_beat_the_forms_abbreviations():
    form = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : FBI\nRECORD NUMBER : 124-10204-10209\n"
            "ORIGINATOR : FBI\nFROM : LEG, PA\nTO : DIRECTOR, FBI\nDATE : 12/05/66\nCOMMENTS :\n\n")
    r = parse(form + "FBI\n\nTELETYPE\n\nDEFERRED 12-5-66\n\nTO DIRECTOR (92-2781)\n\nFROM LEGAT PARIS NO. 537\n\nTEXT.\n")
    assert r.from_ == "LEGAT PARIS" and [a.name for a in r.to] == ["DIRECTOR"]


FBI_FORM = ("JFK ASSASSINATION SYSTEM\n\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\nAGENCY : FBI\n\n"
            "RECORD NUMBER : 124-10000-10000\n\nDOCUMENT INFORMATION\n\nORIGINATOR : FBI\n\nFROM : LEG, RO\n\n"
            "TO : DIRECTOR, FBI\n\nDATE : {form_date}\n\nCOMMENTS :\n\n---\n\n")
FBI_CABLEGRAM = ("DECODED COPY\n\nXX CABLEGRAM\n\nDEFERRED {sent}\n\nTO DIRECTOR (92-1234)\n\nFROM LEGAT ROME\n\n"
                 "{number}\n\n9°\n\n{caption}\n\nREBU TELEPHONE CALL NOVEMBER 2 LAST.\n\nHE ARRIVED ROME TODAY.\n")


def _fbi(form_date="11/04/66", sent="11-4-66", number="NO. 412", caption="JOHN DOE, AKA, JACK DOE. AR."):
    return parse(FBI_FORM.format(form_date=form_date) + FBI_CABLEGRAM.format(sent=sent, number=number, caption=caption))


def test_fbi_cablegram_case_caption_is_its_subject_and_its_number_its_id():
    r = _fbi()
    assert r.kind == "fbi-teletype" and r.from_ == "LEGAT ROME" and r.date == "1966-11-04"
    assert r.subject == "JOHN DOE, AKA, JACK DOE. AR."
    assert r.id == "1966LEGATROME000412" and r.mrn == "LEGAT ROME 412"


def test_fbi_cablegram_without_a_legible_number_has_no_id_and_prose_is_no_caption():
    r = _fbi(number="NO. 4(2", caption="Informant advised that he arrived in Rome.")
    assert r.id is None and r.subject is None


@pytest.mark.parametrize("form_date, sent, date, defect", [
    ("11/04/66", "11-4-56", "1966-11-04", True),    # the year digit misread: the form's year
    ("11/05/66", "11-4-66", "1966-11-04", False),   # a different day: the cablegram's own date
])
def test_ocr_date_takes_the_identification_forms_year_when_day_and_month_agree(form_date, sent, date, defect):
    r = _fbi(form_date=form_date, sent=sent)
    assert r.date == date
    assert any(d.code == "possible-ocr-error" and "identification form" in d.message for d in r.defects) == defect


# The form as most releases print it: its title in a title's lower case, a rule read as a dash
# between a box and its value, the classification box filled in.
TITLE_CASE_FORM = ("JFK Assassination System\n\nIdentification Form\n\nDate: 5/7/2015\n\nAgency Information\n\n"
                   "AGENCY: FBI\nRECORD NUMBER: — 124-10000-10001\nDocument Information\nORIGINATOR: — FBI\n"
                   "FROM: SAC, CG\nTO: DIRECTOR, FBI\nDATE: — 08/08/1962\nCLASSIFICATION: — {level}\n"
                   "COMMENTS :\n\n")
TELETYPE = "TELETYPE\n\nTO DIRECTOR, FBI\n\nFROM SAC, CHICAGO\n\nINFORMATION RECEIVED TODAY FROM SOURCE.\n"


def test_identification_form_in_title_case_with_dashes_before_its_values():
    r = parse(TITLE_CASE_FORM.format(level="Unclassified") + TELETYPE)
    assert r.kind == "fbi-teletype"
    assert r.date == "1962-08-08"  # the teletype has no date of its own: the form's
    assert r.release is not None and r.release.doc_number == "124-10000-10001"


@pytest.mark.parametrize("level, classification", [("Secret", None), ("Unclassified", None)])
def test_identification_forms_classification_is_not_the_documents_marking(level, classification):
    r = parse(TITLE_CASE_FORM.format(level=level) + TELETYPE)
    assert r.classification == classification
    assert any("files the record as SECRET" in n for n in r.notes) == (level == "Secret")


def test_teletype_without_the_forms_title_is_read_by_its_markers():
    r = parse(TITLE_CASE_FORM.format(level="Secret").replace("Identification Form", "").replace("JFK Assassination System", "")
              + TELETYPE)
    assert r.kind == "fbi-teletype" and r.date is None


@pytest.mark.parametrize("box, to", [
    ("DIRECTOR, CIA", ["DIRECTOR"]),  # the form's name for the Agency's headquarters
    ("DIRECTOR CIA", ["DIRECTOR"]),
    ("MEXICO CITY", ["MEXICO CITY"]),
])
def test_a_cia_cables_form_names_headquarters_as_its_cables_do(box, to):
    form = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : CIA\nRECORD NUMBER : 104-10999-10003\n"
            f"DOCUMENT INFORMATION\nORIGINATOR : CIA\nFROM : MEXICO CITY\nTO : {box}\nCOMMENTS :\n\n")
    r = parse(form + "CLASSIFIED MESSAGE\n\nSECRET\n\nCITE MEXI 7224\n\n1. TEXT.\n")
    assert [a.name for a in r.to] == to


def test_an_fbi_teletypes_form_keeps_the_bureaus_director():
    form = ("JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\nAGENCY : FBI\nRECORD NUMBER : 124-10204-10210\n"
            "ORIGINATOR : FBI\nFROM : SAC, MIAMI\nTO : DIRECTOR, FBI\nDATE : 12/05/66\nCOMMENTS :\n\n")
    r = parse(form + "FBI\n\nTELETYPE\n\nURGENT 12-5-66\n\nTEXT.\n")
    assert [a.name for a in r.to] == ["DIRECTOR, FBI"]


NSA_FORM = ("JFK ASSASSINATION SYSTEM\n\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\nAGENCY : NSA\n\n"
            "RECORD NUMBER : 144-10000-10000\n\nDOCUMENT INFORMATION\n\nORIGINATOR : NSA\n\nFROM : NSA\n\nTO : HCF\n\n"
            "COMMENTS :\n\n{comment}[R] - ITEM IS RESTRICTED\n\n{derivation}{banner}\n\n")
NSA_REPORT = ("Doc ID: 6870000\n\nTOP SECRET DINAR\n\n3/0/ITD/T1000-63\n\nIS 05 Dec 2305Z P\n\nMsg Nr 1357\n\n"
              "FROM: WARSAW: EMBASSY\n\nTO: ROME: FOREIGN MINISTRY\n\nTEXT OF THE MESSAGE.\n\nTOP SECRET DINAR\n")


def test_identification_forms_own_page_banner_and_derivation_block_are_not_the_records_controls():
    # The form's page ends below its restriction note with the originating agency's derivation
    # block and its own banner (UMBRA); the report's pages carry the record's (DINAR).
    derivation = "DRV FM: NSA/CSS Manual 123-2\n\nDated: 24 February 1998\n\nDECL ON: X1,X3\n\n"
    for comment, block in (("CONTAINS SENSITIVE COMPARTMENTED INFORMATION\n\n[R]\n\n", derivation), ("", "")):
        r = parse(NSA_FORM.format(comment=comment, derivation=block, banner="TOP SECRET UMBRA") + NSA_REPORT)
        assert r.classification == "TOP SECRET" and r.captions == ("DINAR",)


def test_a_control_on_the_records_own_first_page_stays_the_records():
    # Near case: a line of the record after the form's foot that is not a banner ends the foot;
    # the controls below it are the record's.
    report = NSA_REPORT.replace("TOP SECRET DINAR\n\n3/0", "Italian\n\nTOP SECRET UMBRA\n\n3/0", 1)
    r = parse(NSA_FORM.format(comment="", derivation="", banner="Doc ID: 6870000") + report)
    assert "UMBRA" in r.captions
