"""Field grammars, one behaviour per test: value and what the grammar refuses."""

from __future__ import annotations

import pytest

from cablegram.parse import fields as F
from cablegram.parse import tags as T


@pytest.mark.parametrize("text, written, when", [
    ("O 131503Z MAR 08", "131503Z MAR 08", "2008-03-13T15:03:00Z"),
    ("P R 041820Z JAN 10", "041820Z JAN 10", "2010-01-04T18:20:00Z"),
    ("PR 031735Z FEB, 69", "031735Z FEB 69", "1969-02-03T17:35:00Z"),
    ("O 2201l6Z SEP 73 ZFF4", "220116Z SEP 73", "1973-09-22T01:16:00Z"),
])
def test_dtg_accepts_era_forms_and_letter_for_digit(text, written, when):
    got = F.dtg(text)
    assert got is not None and got[:2] == (written, when)


@pytest.mark.parametrize("text", ["311503Z FEB 08", "132503Z MAR 08", "nothing here"])
def test_dtg_refuses_impossible_dates_and_times(text):
    assert F.dtg(text) is None


@pytest.mark.parametrize("line, order, on, event", [
    ("E.O. 12958: DECL: 4/11/2016", "12958", "2016-04-11", None),
    ("EO 12958 DECL: 11/29/10", "12958", "2010-11-29", None),
    ("E.O. 12356: DECL: OADR", "12356", None, "OADR"),
    ("E.O. 11652: GDS", "11652", None, "GDS"),
    ("E.O. 12958: DECL: 2019/09/03", "12958", "2019-09-03", None),
    ("E.O. 12958: DECL: AFTER KOREAN UNIFICATION", "12958", None, "AFTER KOREAN UNIFICATION"),
    ("E.O. 12958: N/A", "12958", None, "N/A"),
])
def test_eo_line_forms(line, order, on, event):
    eo = F.eo_line(line)
    assert (eo.order, eo.declassify_on, eo.event) == (order, on, event)


@pytest.mark.parametrize("line, name, title, reasons", [
    ("Classified By: A/PolCouns Jon Dorschner for Reasons 1.4 (B, D)", "Jon Dorschner", "A/PolCouns", ("1.4(b)", "1.4(d)")),
    ("Classified By: Jane Doe, CDA, Embassy Xxxx, Dept of State. REASON: 1.4 (b), (d)", "Jane Doe", "CDA, Embassy Xxxx, Dept of State", ("1.4(b)", "1.4(d)")),
    ("CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).", "TOM MCDONALD", "AMBASSADOR", ("1.5(b)", "1.5(d)")),
    ("Classified By: CDA for reasons 1.4(b)", None, "CDA", ("1.4(b)",)),
    ("Classified by S/NIS Deputy Coordinator John Herbst. Reason 1.5(d), 1.6X6.", "John Herbst", "S/NIS Deputy Coordinator", ("1.5(d)",)),
])
def test_classified_by_splits_name_title_and_reasons(line, name, title, reasons):
    c = F.classified_by(line)
    assert (c.name, c.title, c.reasons) == (name, title, reasons)


def test_classified_by_reads_declassification_exemption():
    assert F.classified_by("Classified by X Y. Reason 1.5(d), 1.6X6.").exemptions == ("X6",)


@pytest.mark.parametrize("text, codes", [
    ("PREL, US, KN, KS, RS", ["PREL", "US", "KN", "KS", "RS"]),
    ("PGOV PREL PTER PINR IN", ["PGOV", "PREL", "PTER", "PINR", "IN"]),
    ("OVIP (VANCE, CYRUS), PREL", ["OVIP", "VANCE, CYRUS", "PREL"]),
    ("PREL, HUMAN RIGHTS", ["PREL", "HUMAN RIGHTS"]),
])
def test_tags_forms(text, codes):
    assert T.tags(text)[0] == codes


def test_tags_run_together_are_segmented_against_the_lexicon():
    codes, segmented = T.tags("MASSMNUC, BR")
    assert codes == ["MASS", "MNUC", "BR"] and segmented


@pytest.mark.parametrize("text, codes", [
    ("PREL PGOV IT ITALIAN", ["PREL", "PGOV", "IT", "ITALIAN"]),  # IT AL IA N: a word
    ("PRELUS, BR", ["PREL", "US", "BR"]),  # a subject code with a country code: glued codes
])
def test_a_word_of_country_codes_alone_is_not_segmented(text, codes):
    assert T.tags(text)[0] == codes


@pytest.mark.parametrize("text, expected", [
    ("A. STATE 295719, B. BUCHAREST 7518 (NOTAL)", [("A", "STATE", 295719, 2008, False), ("B", "BUCHAREST", 7518, 2008, True)]),
    ("05 NEW DELHI 8782", [(None, "NEW DELHI", 8782, 2005, False)]),
    ("A) JERUSALEM 869 B) JERUSALEM 905", [("A", "JERUSALEM", 869, 2008, False), ("B", "JERUSALEM", 905, 2008, False)]),
    ("TEHRAN 1091: TEHRAN 263: MOSCOW 1603", [(None, "TEHRAN", 1091, 2008, False), (None, "TEHRAN", 263, 2008, False), (None, "MOSCOW", 1603, 2008, False)]),
    ("SECSTATE 82698", [(None, "STATE", 82698, 2008, False)]),
    ("5 FAM 900", []),
    ("DDO MEMORANDUM FOR DCI DATED 23 OCTOBER 1975", []),  # a written date: neither is a serial
    ("DIR 12345 (OUT 6789), 23 OCTOBER", [(None, "DIR", 12345, 2008, False)]),
])
def test_references(text, expected):
    refs = F.references(text, 2008)
    assert [(r.letter, r.station, r.serial, r.year, r.notal) for r in refs] == expected


def test_reference_year_stated_or_resolved():
    stated, resolved = F.references("A. 05 PARIS 12 B. PARIS 40", 2008)
    assert (stated.year, stated.year_stated) == (2005, True)
    assert (resolved.year, resolved.year_stated, resolved.id) == (2008, False, "2008PARIS000040")


@pytest.mark.parametrize("text, name, routing, prec, seq", [
    ("RUEHC/SECSTATE WASHDC IMMEDIATE 6818", "SECSTATE WASHDC", "RUEHC", "IMMEDIATE", 6818),
    ("AMEMBASSY VIENNA NIACT IMMEDIATE", "AMEMBASSY VIENNA", None, "NIACT IMMEDIATE", None),
    ("RUCJACC/USCINCCENT MACDILL AFB FL//CCJ2/POLAD//", "USCINCCENT MACDILL AFB FL//CCJ2/POLAD//", "RUCJACC", None, None),
    ("WASHDC, SECSTATE ROUTINE", "SECSTATE WASHDC", None, "ROUTINE", None),
    ("ZEN/AMEMDASSY RAWALPINDI", "AMEMBASSY RAWALPINDI", None, None, None),
])
def test_addressee_parts(text, name, routing, prec, seq):
    a = F.addressee(text)
    assert (a.name, a.routing, a.precedence, a.sequence) == (name, routing, prec, seq)


def test_office_name_with_typist_and_empty_box():
    off = F.office_name("EAP/K:JGOLDSTEIN:JLG")
    assert (off.office, off.name, off.typist) == ("EAP/K", "JGOLDSTEIN", "JLG")
    assert F.office_name("S/S-O:").name == ""
    assert F.office_name("CIA:CUNNINGHAM (SUBS)").qualifier == "SUBS"


def test_canonical_id():
    assert F.canonical_id(1996, "STATE", 75727) == "1996STATE075727"
    assert F.canonical_id(2008, "NEW DELHI", 220) == "2008NEWDELHI000220"
    assert F.canonical_id(None, "STATE", 1) is None


@pytest.mark.parametrize("text, codes", [
    ("PREL PGOV IT ITALIAN POLITICS", ["PREL", "PGOV", "IT", "ITALIAN POLITICS"]),
    ("MASS PTER YM COUNTER TERRORISM", ["MASS", "PTER", "YM", "COUNTER TERRORISM"]),  # not CO UNTER
    ("ECON PGOV POLITICAL PARTIES TU", ["ECON", "PGOV", "POLITICAL PARTIES", "TU"]),
])
def test_a_subject_written_in_words_on_a_line_without_commas_is_one_tag(text, codes):
    assert T.tags(text)[0] == codes


@pytest.mark.parametrize("text, codes", [
    ("PREL COUNTER", ["PREL", "CO", "UNTER"]),  # one word alone: run-together codes, as before
    ("PREL MASSMNUC PGOVPINR", ["PREL", "MASS", "MNUC", "PGOV", "PINR"]),  # every word reads as codes
    ("PREL XYZQ ABCD", ["PREL", "XYZQ", "ABCD"]),  # short unknown codes stay codes
])
def test_words_that_read_as_codes_are_not_joined(text, codes):
    assert T.tags(text)[0] == codes


def test_tags_with_digits_for_letters_are_read_as_known_codes():
    codes, corrected = T.tags("01IP, OPRC, PGOV, PK")
    assert codes == ["OIIP", "OPRC", "PGOV", "PK"] and corrected


def test_station_with_digits_for_letters_is_read_when_known():
    from cablegram.vocab.tables import known_station

    assert known_station("T0KYO") == "TOKYO"
    assert known_station("NOWHERE9") is None


# -- header and form readers, through parse() ----------------------------------------------------------
from cablegram import parse  # noqa: E402
from cablegram.parse.record_number import number_in_path, reconcile  # noqa: E402

ACP = "R 141200Z FEB 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n"


@pytest.mark.parametrize("line, attention", [
    ("STATE FOR EUR/WE AND INR/B", ["STATE FOR EUR/WE AND INR/B"]),
    ("AMEMBASSY ATHENS PASS TO AMCONSUL THESSALONIKI", ["AMEMBASSY ATHENS PASS TO AMCONSUL THESSALONIKI"]),
    ("COLLECTION, THE GROUP HAS PROVIDED USEFUL REPORTS FOR ABOUT THREE", []),
])
def test_attention_line_names_its_addressee_before_the_passing_word(line, attention):
    r = parse(ACP + "BT\nC O N F I D E N T I A L PARIS 000123\n\n" + line + "\n\nE.O. 12958: DECL: 02/14/2019\nTAGS: PREL\n"
              "SUBJECT: X\n\n1. (C) Text.\n")
    assert list(r.attention) == attention


@pytest.mark.parametrize("page, path, number", [
    (None, "jfk/104-10162-10010.pdf", "104-10162-10010"),          # nothing legible on the page
    ("104-10762-10224", "104-10162-10224", "104-10162-10224"),      # one digit misread
    ("104-10219-10418", "104-99999-99999", "104-10219-10418"),      # too different: the page stands
    ("C05784493", "notes.txt", "C05784493"),                        # the file is not named by a number
])
def test_document_number_reconciled_with_the_file_name(page, path, number):
    assert reconcile(page, number_in_path(path))[0] == number


def test_file_name_number_is_reported_when_it_replaces_the_page_reading():
    text = "104-10762-10224) (2017 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n\nSECRET\n"
    r = parse(text, path="104-10162-10224")
    assert r.release.doc_number == "104-10162-10224"
    assert any(d.code == "possible-ocr-error" and "104-10762-10224" in d.message for d in r.defects)
    assert parse(text).release.doc_number == "104-10762-10224"  # no file name: the page's reading


CIA = "CLASSIFIED MESSAGE\n\nSECRET\n\nTO : DIRECTOR\n\nFROM : MEXICO CITY\n\n"


@pytest.mark.parametrize("line, dtg", [("SECRET 2312282", "231228Z"), ("SECRET 161649Z", "161649Z"), ("SECRET 3299992", None)])
def test_cia_dtg_on_the_classification_line_with_z_misread(line, dtg):
    r = parse(CIA + line + "\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert r.dtg == dtg and r.date is None  # no month, no year: no date


@pytest.mark.parametrize("line, dtg, reported", [
    ("SECRET 9213552", "021355Z", True),    # the day's nought read as 9, the Z as 2
    ("| SECRET 9717532", "071753Z", True),
    ("SECRET 2917532", "291753Z", False),   # near case: a 9 where one may stand
    ("SECRET 9017532", None, False),        # no day 00
])
def test_cia_dtg_whose_days_nought_ocr_read_as_nine(line, dtg, reported):
    r = parse(CIA + line + "\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert r.dtg == dtg
    assert any(d.code == "possible-ocr-error" and "9 for a nought" in d.message for d in r.defects) == reported


@pytest.mark.parametrize("stamp, date, dtg", [
    ("AUG 17 1942Z 62", "1962-08-17", "AUG 17 1942Z 62"),
    ("AUG: 17 19427 62", "1962-08-17", "AUG 17 1942Z 62"),   # the Z read as 7: repaired (LABELING.md)
    ("NOV 8: 2343762", "1962-11-08", "NOV 8 2343Z 62"),
])
def test_cia_receipt_time_gives_the_date(stamp, date, dtg):
    r = parse(CIA + stamp + "\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert (r.date, r.dtg) == (date, dtg)


@pytest.mark.parametrize("line, precedence", [
    ("FRITY DIR WAVE CITE MEXI 2621", "PRIORITY"),
    ("OPIN DIR CITE QUIT 3231", "OPERATIONAL IMMEDIATE"),
    ("| IhMEDIATE DIR CITE MEXT 9336", "IMMEDIATE"),  # a speck before the word
    ("DIR CITE MEXI 2621", None),
    ("| DIR CITE MEXI 2621", None),
])
def test_cia_precedence_misread_on_the_cite_line(line, precedence):
    assert parse(CIA + line + "\n\n1. TEXT.\n").precedence == precedence


def test_cia_typed_address_line_precedence_beats_the_printed_boxes():
    text = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTINE\n\nPRITY MEXI\n\nCITE DIR\n\n1. TEXT.\n"
    r = parse(text)
    assert r.precedence == "PRIORITY" and r.from_ == "DIRECTOR"


def test_cia_cite_codes_kept_as_written_with_their_station():
    r = parse(CIA + "PRIORITY VAVE INFO DIR CITE PARI 4521\n\n1. TEXT.\n")
    assert [(a.name, a.canonical) for a in r.to] == [("WAVE", "JMWAVE")]
    assert any(d.code == "possible-ocr-error" and "VAVE" in d.message for d in r.defects)


@pytest.mark.parametrize("box, to", [("TO : DIRECTOR", "DIRECTOR"), ("tO + orRECTOR", "DIRECTOR"), ("TO s ROMA -", "ROME"),
                                     ("TO : NOBODY KNOWN", None)])
def test_cia_routing_box_addressee_read_against_known_names(box, to):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\n" + box + "\n\nCITE WAVE 1234\n\n1. TEXT.\n")
    assert [a.name for a in r.to] == ([to] if to else [])


def test_cia_from_box_when_no_cite_line_is_legible():
    # A JFK record number names the CIA as the holder; the CITE line is garbled ('ITE').
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\nFROM: (MONTEVIDEO\n\nTO : DIRECTOR\n\nDIR ITE MONT 8397\n\n1. TEXT.\n",
              path="104-10433-10005")
    assert r.from_ == "MONTEVIDEO"


@pytest.mark.parametrize("box, cite, date", [
    ("", "PRIORITY DIR CITE 4319", None),           # the station lost: still the CITE line, the text below it
    ("", "PRIORITY DIR CITE STOC 4319", None),      # as with the station read
    ("DATE: 2 DEC 63\n\n", "PRIORITY DIR CITE 4319", "1963-12-02"),  # near case: the date box above it
])
def test_a_date_in_the_text_below_a_cite_line_whose_station_ocr_lost_is_not_the_cables(box, cite, date):
    text = ("CLASSIFIED MESSAGE\n\nSECRET ROUTING\n\n" + box + "SECRET 9213552\n\n" + cite + "\n\nRESWOOD LCIMPROVE\n\n"
            "(15 JUNE 26 NEW JERSEY, US PASSPORT ISSUED NY 18 APR 63.\n\n4. SUBJ SAYS HE FORMER EMPLOYEE.\n")
    r = parse(text)
    assert r.kind == "cia-cable" and r.date == date


@pytest.mark.parametrize("note", [
    "C/S COMMENT: DISSEMINATION APPLICABLE TO RYBAT GPFLOOR CABLES.",
    "E/S CARENT: •DISSEMINATION APPLICABLE TO RYBAT FLARE CABLES.",         # the label garbled by OCR
    "S. COMMENT:... *DISSEMINATION. APPLICABLE: TO RYBAT GPFLOOR CABLES.",
])
def test_cia_secretariat_comment_is_not_the_cables_caption(note):
    r = parse(CIA + "DIR CITE PARI 4315\n\n1. TEXT.\n\n" + note + "\n")
    assert "RYBAT" not in r.captions


def test_a_control_on_the_slug_line_is_the_cables_caption():
    r = parse(CIA + "DIR CITE PARI 4315\n\nRYBAT GPFLOOR\n\n1. TEXT.\n")  # near case of the note
    assert "RYBAT" in r.captions


def test_a_dissemination_note_naming_other_cables_controls_is_not_the_cables_caption():
    r = parse(CIA + "DIR CITE PARI 4315\n\n1. TEXT.\n\n& DISSEM PER RYBAT TYPIC AMWORLD CABLES.\n")
    assert "RYBAT" not in r.captions


@pytest.mark.parametrize("slug, captions", [
    ("RYAT TYPIC AMSLEN- D COMMO", ("RYBAT",)),        # a letter lost
    ("RHEAT GPFLOOR", ("RYBAT",)),                     # two letters misread
    ("| PYBAT TYPIC aMHuG", ("RYBAT",)),               # debris before it, a cryptonym partly lower-cased
    ("WAINTEL PYBAT", ("WNINTEL", "RYBAT")),           # both misread, in the line's order
    ("UNINTEL CKTOP TIBLOCK.Y", ("WNINTEL",)),
    ("SLUGS: WN-INTEL", ("WNINTEL",)),                 # (a staff cable's label before it)
    ("DESENSIT GYROSE", ("DESENSITIZED",)),            # cut at the page's edge
    ("RABAT TYPIC", ()),                               # near cases: a station is no control,
    ("GREAT CARE TAKEN", ()),                          # nor a word three edits from one,
    ("RYAT SAID THAT HE WOULD GO TO THE EMBASSY NEXT WEEK.", ()),  # nor a sentence's first word
])
def test_a_control_ocr_misread_on_the_slug_line(slug, captions):
    # The slug line stands under the CITE line, or where OCR of the form's columns set it: here
    # after the REF line.
    r = parse(CIA + "DIR CITE PARI 4315\n\nREF: DIR 85133\n\n" + slug + "\n\n1. TEXT.\n")
    assert r.captions == captions
    assert any(x.code == "possible-ocr-error" and "slug line" in x.message for x in r.defects) == (captions != () and "SLUGS" not in slug)


@pytest.mark.parametrize("line, precedence, date", [
    ("URGENT 3-16-65", "URGENT", "1965-03-16"),
    ("URGENT 8/16/61 12-54 PM EST MH", "URGENT", "1961-08-16"),
    ("DEFERRED", "DEFERRED", None),
])
def test_fbi_precedence_line_with_the_date_sent(line, precedence, date):
    r = parse("FBI\n\nFEDERAL BUREAU OF INVESTIGATION\n\nTELETYPE\n\n" + line + "\n\nTO DIRECTOR\n\nFROM SAC, MIAMI /92-236/\n\nTEXT.\n")
    assert (r.precedence, r.date, r.from_) == (precedence, date, "SAC, MIAMI")


@pytest.mark.parametrize("to, expected", [
    ("TO SACS BALTIMORE\n\nCOLUMBIA\n\nPHOENIX", ["SAC BALTIMORE", "SAC COLUMBIA", "SAC PHOENIX"]),
    ("TO SACS LOS ANGELES\n\nNEW YORK", ["SAC LOS ANGELES", "SAC NEW YORK"]),
    ("TO SAC, MIAMI", ["SAC, MIAMI"]),                 # one office: as before
    ("TO DIRECTOR\n\nCOLUMBIA", ["DIRECTOR"]),       # not SACS: the line below is no office of it
])
def test_fbi_teletype_to_several_field_offices(to, expected):
    r = parse("FBI\n\nFEDERAL BUREAU OF INVESTIGATION\n\nTELETYPE\n\nURGENT 2-26-76\n\n" + to +
              "\n\nFROM DIRECTOR FBI (62-116395)\n\nTEXT OF THE TELETYPE.\n")
    assert [a.name for a in r.to] == expected


@pytest.mark.parametrize("caption, subject", [
    ("JOHN ROSELLI, AKA, AR.", "JOHN ROSELLI, AKA, AR."),
    ("UNKNOWN SUBJECTS, IS - C", "UNKNOWN SUBJECTS, IS - C"),
    ("LA FORTY TWO SIXTY EIGHT DASH C OBSERVED ROSSELLI AT", None),  # the text, no caption
])
def test_fbi_teletype_case_caption_without_a_reference_below(caption, subject):
    r = parse("FBI\n\nFEDERAL BUREAU OF INVESTIGATION\n\nTELETYPE\n\nURGENTY 11/9/62\n\nTO DIRECTOR, FBI 92-3267\n\n"
              f"FROM SAC, LOS ANGELES 92-113C\n\n{caption}\n\nSOURCE OBSERVED THE SUBJECT AT THE CLUB EVENING NOVEMBER EIGHT.\n")
    assert r.subject == subject


@pytest.mark.parametrize("sender, expected", [("DIRECTOR FBL", "DIRECTOR FBI"), ("DIRECTOR FB1", "DIRECTOR FBI"),
                                              ("DIRECTOR FBI", "DIRECTOR FBI"), ("SAC, FBLA", "SAC, FBLA")])
def test_fbi_teletype_sender_with_the_bureaus_i_misread(sender, expected):
    r = parse("FBI\n\nFEDERAL BUREAU OF INVESTIGATION\n\nTELETYPE\n\nURGENT 2-26-76\n\nTO SAC, MIAMI\n\n"
              f"FROM {sender} (62-116395)\n\nTEXT OF THE TELETYPE.\n")
    assert r.from_ == expected
    assert any("read as" in d.message for d in r.defects) == (sender != expected)


INCOMING = "INCOMING TELEGRAM\n\nCONFIDENTIAL\n\nFROM: Elisabethville\n\nTO: Secretary of State\n\nNO: 115, July 17, noon\n\n"


def test_action_information_statement_wrapped_without_commas():
    r = parse(INCOMING + "ACTION DEPARTMENT 115 INFORMATION LEOPOLDVILLE NIACT 9 BRUSSELS\n\n"
                         "NIACT 58 LONDON NIACT 12\n\nUSUN NIACT 61\n\nCONTEL 113.\n\nSituation as of noon.\n")
    assert [a.canonical or a.name for a in r.to] == ["SECSTATE WASHDC"]
    assert [a.canonical or a.name for a in r.info] == ["AMEMBASSY LEOPOLDVILLE", "AMEMBASSY BRUSSELS", "AMEMBASSY LONDON",
                                                       "USMISSION USUN NEW YORK"]


@pytest.mark.parametrize("opening, ref", [
    ("DEPTEL 45.", ("STATE", 45)),
    ("CONTEL 113.", ("ELISABETHVILLE", 113)),
    ("Leopoldville telegram 411", ("LEOPOLDVILLE", 411)),
    ("DEPTEL 558 REQUESTED EVALUATION ON CONTINUING BASIS", ("STATE", 558)),
])
def test_opening_reference_of_a_1960s_telegram(opening, ref):
    r = parse(INCOMING + "ACTION DEPARTMENT 115.\n\n" + opening + "\n\nThe text begins here with a sentence.\n")
    assert [(x.station, x.serial) for x in r.references] == [ref]


def test_reference_later_in_the_text_is_not_the_opening_reference():
    text = INCOMING + "ACTION DEPARTMENT 115.\n\n" + "\n".join(f"Sentence {k} of the text goes on." for k in range(8)) + "\nDEPTEL 45.\n"
    assert parse(text).references == ()


def test_smart_action_list_wraps_across_lines_and_a_page_break():
    text = ("MRN: 11 ISLAMABAD 1294\nDate/DTG: May 07, 2011 / 071018Z MAY 11\nFrom: AMEMBASSY ISLAMABAD\n"
            "Action:                       WASHDC, SECSTATE IMMEDIATE; SECDEF WASHINGTON DC IMMEDIATE; LONDON,\n"
            "                              AMEMBASSY ROUTINE; NATIONAL SECURITY COUNCIL\n\n\n"
            "      UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05784145 Date: 01/07/2016\n\n\n"
            "                              WASHINGTON DC IMMEDIATE; DIA\n"
            "                              WASHINGTON DC IMMEDIATE\n"
            "TAGS: PREL\nSubject: Test\n\n1. (SBU) Text.\n")
    r = parse(text)
    assert [a.canonical or a.name for a in r.to] == ["SECSTATE WASHDC", "SECDEF WASHINGTON DC", "AMEMBASSY LONDON",
                                                     "NATIONAL SECURITY COUNCIL WASHINGTON DC", "DIA WASHINGTON DC"]


def test_cia_cite_line_info_keyword_misread_and_unknown_codes_kept():
    r = parse(CIA + "PRIORITY DIR INTO PRICRITY LANT PACY BARR CITE WAVE 8326\n\n1. TEXT.\n")
    assert [a.name for a in r.to] == ["DIR"]
    assert [(a.name, a.canonical) for a in r.info] == [("LANT", "CINCLANT"), ("PACY", "PANAMA CITY"), ("BARR", None)]


def test_nsa_intercept_title_date_and_precedence():
    text = ("AGENCY : NSA\n\nTOP SECRET DINAR\n\n3/0/CED/7218-63\nDist: HCF\nST 300\n"
            "CAMBODIAN PROTEST OVER REFERENCE TO\nA FOREIGN LEADER\n"
            "FR Phnom Penh: MINAFERES 12 Dec 63 1825\nTO New York: MISSIONCAM -- Priority\nMsg Nr: 325\n\nText of the message.\n")
    r = parse(text)
    assert r.kind == "nsa-intercept"
    assert r.subject == "CAMBODIAN PROTEST OVER REFERENCE TO A FOREIGN LEADER"
    assert (r.date, r.precedence, r.from_) == ("1963-12-12", "PRIORITY", "PHNOM PENH: MINAFERES")
    assert [a.name for a in r.to] == ["NEW YORK: MISSIONCAM"]


@pytest.mark.parametrize("box, to", [("TO: PRIORITY DIRECTOR INFO", "DIRECTOR"), ("TO : MEXICO CITY INFO", "MEXICO CITY")])
def test_cia_routing_box_with_precedence_or_more_words(box, to):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\n" + box + "\n\nCITE WAVE 1234\n\n1. TEXT.\n")
    assert [a.name for a in r.to] == [to]


def test_fbi_addressee_without_its_file_number():
    r = parse("FBI\n\nFEDERAL BUREAU OF INVESTIGATION\n\nTELETYPE\n\nDEFERRED 12-5-66\n\nTO DIRECTOR (92-2781)\n\nFROM LEGAT PARIS NO. 537\n\nTEXT.\n")
    assert [a.name for a in r.to] == ["DIRECTOR"] and r.from_ == "LEGAT PARIS"


def test_cia_date_written_in_the_text_is_not_the_cables_date():
    header = "CLASSIFIED MESSAGE\n\nSECRET\n\nDATE : 27 NOV 63\n\nDIR CITE LOND 629\n\n"
    assert parse(header + "1. SUBJ ARRIVED SOUTHAMPTON 9 OCT 59.\n").date == "1963-11-27"
    assert parse(header.replace("DATE : 27 NOV 63\n\n", "") + "1. SUBJ ARRIVED SOUTHAMPTON 9 OCT 59.\n").date is None


def test_nsa_intercept_addressee_with_commas_in_its_address_is_one():
    text = "AGENCY : NSA\n\nSECRET SABRE\n\nA TITLE OF THE REPORT\nFR Havana: MORA 27 Nov 63\nTO London: PRENSA LATINA, 60, FLEET STREET\n\nText.\n"
    assert [a.name for a in parse(text).to] == ["LONDON: PRENSA LATINA, 60, FLEET STREET"]


def test_cia_cite_label_alone_with_its_station_and_address_on_lines_of_their_own():
    # OCR of the form's columns: 'DIR' / 'INFO' / 'CITE' / 'MEXI 5060.' each on a line.
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\nJAN 29 1056Z 60\n\nDIR\n\nINFO\n\nCITE\n\nMEXI 5060.\n\n1. TEXT.\n")
    assert (r.from_, r.id) == ("MEXICO CITY", "1960MEXI005060")
    assert [a.canonical or a.name for a in r.to] == ["DIRECTOR"]


def test_cia_cite_line_without_addressees_takes_the_address_line_above():
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\n• DIR\n\nRYBAT\n\nCITE HAVA 3616\n\n1. TEXT.\n")
    assert [a.canonical or a.name for a in r.to] == ["DIRECTOR"]
    assert parse(CIA.replace("TO : DIRECTOR\n\n", "") + "RYBAT\n\nCITE HAVA 3616\n\n1. TEXT.\n").to == ()


def test_cia_cite_word_with_its_c_lost():
    # The JFK record number names the CIA as the holder: nothing else on the page says CITE.
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\nIMMEDIATE DIR ITE MEXI 7028\n\n1. TEXT.\n", path="104-10004-10227")
    assert (r.precedence, r.from_) == ("IMMEDIATE", "MEXICO CITY")


def test_cia_typed_address_line_with_a_misread_station_code():
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\nROUTINE\n\nPRITY NEXI\n\nCITE DIR\n\n1. TEXT.\n")
    assert r.precedence == "PRIORITY"


def test_cia_dtg_with_month_and_year_dates_the_cable():
    r = parse(CIA + "SECRET 1811282 JUN 96 STAFF\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert (r.dtg, r.date) == ("181128Z JUN 96", "1996-06-18")


@pytest.mark.parametrize("line, date", [("TOR: 0822422 JUN 76", "1976-06-08"), ("_.T0R: 0822422 JUN 76", "1976-06-08"),
                                        ("TOR: 0822422", None)])
def test_cia_time_of_receipt_dates_the_cable(line, date):
    r = parse(CIA + line + "\n\nSECRET BZ JUN 76 STAFF\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert r.date == date and r.dtg is None


INCOMING_MARGINS = ("INCOMING TELEGRAM Department of State\n\nAction Control: 15936\nRec'd: September 21, 1963\n\n"
            "Info FROM: Conakry\n\nSS TO: Secretary of State\n\nSP NO: | 315, September 20, 11 a.m.\n\n"
            "Text of the telegram.\n")


def test_incoming_form_margin_codes_run_into_the_field_lines():
    r = parse(INCOMING_MARGINS)
    assert (r.from_, [a.canonical for a in r.to], r.date, r.id) == (
        "AMEMBASSY CONAKRY", ["SECSTATE WASHDC"], "1963-09-20", "1963CONAKRY000315")


def test_incoming_telegram_serial_and_date_from_the_running_heads_of_later_pages():
    text = ("INCOMING TELEGRAM Department of State\n\nFROM: Saigon\nTO: Secretary of State\n"
            "Rec'd: October 19, 1963\n\n748, OCTOBER 19, 1 PM (SECTION ONE OF TWO)\n\n1. GENERAL. TEXT.\n\n"
            "=2= 78, OCTOBER 19, 1 PM (SECTION ONE OF TWO),. FROM SAIGON\n\n2. MORE TEXT.\n\n"
            "-3= 748, OCTOBER 19, 1 PM (SECTION ONE OF TWO), FROM SAIGON\n\n3. MORE.\n\n"
            "_4- 748, OCTOBER 19, 1 PM (SECTION TWO OF TWO) FROM SAIGON\n\n4. END.\n")
    r = parse(text)
    assert (r.date, r.id) == ("1963-10-19", "1963SAIGON000748")  # the serial most pages agree on


def test_ref_label_with_its_colon_read_as_a_semicolon():
    r = parse("R 141200Z FEB 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nSUBJECT: A TEST\nREF; STATE 12345\n\n1. TEXT.\n")
    assert [(x.station, x.serial) for x in r.references] == [("STATE", 12345)]


@pytest.mark.parametrize("line", ["SECRET E2 IMPDET CL BY 061475", "3- FILES 203-284633. €2. IMPDET.", "— £ 2 IMPDET"])
def test_cia_e2_impdet_is_the_declassification_instruction(line):
    r = parse(CIA + "DIR CITE MEXI 1234\n\n1. TEXT.\n\n" + line + "\n")
    assert (r.eo.order, r.eo.event) == (None, "E2 IMPDET")
    assert parse(CIA + "DIR CITE MEXI 1234\n\n1. TEXT.\n").eo is None


def test_cia_receipt_stamp_with_its_time_lost_to_specks_still_dates_the_cable():
    r = parse(CIA + "JUN 26 $5502 63\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert (r.date, r.dtg) == ("1963-06-26", None)


def test_cia_cite_line_with_an_illegible_station_is_known_by_its_addressee():
    r = parse(CIA.replace("TO : DIRECTOR\n\n", "") + "OPIN DIR CITE GUIT A3EI\n\n1. TEXT.\n")
    assert r.precedence == "OPERATIONAL IMMEDIATE" and [a.canonical or a.name for a in r.to] == ["DIRECTOR"]


def test_cia_cable_has_no_attention_lines():
    r = parse(CIA + "DIR CITE MEXI 1234\n\nEYES ONLY FOR THE ATTORNEY GENERAL\n\n1. TEXT.\n")
    assert r.attention == ()


@pytest.mark.parametrize("line, attention", [
    ("STATE FOR S, C, AND S/ES-0", "STATE FOR S, C, AND S/ES-O"),
    ("STATE FOR SA/D0/0 AND EUR", "STATE FOR SA/DO/O AND EUR"),         # noughts inside the symbol too
    ("STATE FOR EUR/WE 10/20", "STATE FOR EUR/WE 10/20"),                # near case: a number is no symbol
])
def test_attention_office_symbol_with_a_nought_for_its_o(line, attention):
    r = parse("R 141200Z FEB 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nBT\n" + line + "\n"
              "SUBJECT: A TEST\n\n1. TEXT.\n")
    assert r.attention == (attention,)


@pytest.mark.parametrize("line, captions", [("EVES ONLY", ["EYES ONLY"]), ("EVES ONLX", [])])
def test_caption_with_one_letter_misread(line, captions):
    r = parse("R 141200Z FEB 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nBT\n" + line + "\nSUBJECT: A TEST\n\n1. TEXT.\n")
    assert list(r.captions) == captions


WORKSHEET = ("UNCLASSIFIED\n\nWHA/AND:TSTEERS-GONZALEZ\n08/26/2009 202-647-4173\nTHE SECRETARY\n\nWHA:CKELLY\n"
             "WHA/FO:MDRUCKER\n\nIMMEDIATE ASUNCION, +\n\nPRIORITY WHADP, +\n\nE.O. 12958: N/A\nTAGS: PREL\n"
             "SUBJECT: DEMARCHE\n\n1. (SBU) Text.\n\nPRIORITY BOGOTA\n")


def test_worksheet_drafter_without_typist_initials_is_known_by_the_date_line_under_it():
    r = parse(WORKSHEET)
    assert (r.drafted_by.name, r.date, r.from_, r.precedence) == ("TSTEERS-GONZALEZ", "2009-08-26", "SECSTATE WASHDC", "IMMEDIATE")
    assert [a.canonical or a.name for a in r.to][:1] == ["AMEMBASSY ASUNCION"]
    assert r.signature is None  # the address line last on the page is not a signer
    assert [o.name for o in r.cleared_by][:2] == ["CKELLY", "MDRUCKER"]
    no_date = parse(WORKSHEET.replace("08/26/2009 202-647-4173\n", ""))
    assert no_date.drafted_by is None and "TSTEERS-GONZALEZ" in [o.name for o in no_date.cleared_by]


@pytest.mark.parametrize("line, precedence", [("(NO NIACT)", None), ("NIACT", "NIACT")])
def test_cia_no_niact_says_the_cable_is_not_a_night_action(line, precedence):
    assert parse(CIA + line + "\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n").precedence == precedence


# The report form that disseminates the cable follows it a page or more on (beyond the lines
# where the cable's own precedence is looked for).
REPORT = ("\n\n1. TEXT.\n" + "THE TEXT OF THE CABLE GOES ON.\n" * 90 + "\nEND OF MESSAGE\n\nCONFIDENTIAL\n\n"
          "INTELLIGENCE INFORMATION CABLE\n\nCOUNTRY CUBA\n\nSUBJECT A REPORT\n\n{line}\n\n1. REPORT TEXT.\n")


@pytest.mark.parametrize("line, precedence", [
    ("PRECEDENCE ROUTINE", "ROUTINE"),
    ("PRECEDENCE ROUT INE", "ROUTINE"),       # the word split by OCR
    ("COUNCIL preceornce. PRIORITY", "PRIORITY"),  # the label garbled, the box after a wrapped line
    ("PRECEDENCE", None),                     # an empty box states nothing
    ("THIS SETS A PRECEDENT FOR ROUTINE CASES OF THE KIND", None),  # not the label
])
def test_cia_report_form_precedence_box_when_the_address_line_shows_none(line, precedence):
    r = parse(CIA + "DIR CITE MEXI 1234" + REPORT.format(line=line))
    assert r.precedence == precedence


def test_cia_address_line_precedence_beats_the_report_form_box():
    r = parse(CIA + "PRIORITY DIR CITE MEXI 1234" + REPORT.format(line="PRECEDENCE ROUTINE"))
    assert r.precedence == "PRIORITY"


NSA = ("AGENCY : NSA\n\nCuban 3/0/CUD/T1000-63\n\nFR Havana: FOREIGN MINISTRY 25 Nov 63\n\nTO New York: MISSION\n\n"
       "Msg Nr: 100\n\nTEXT OF THE MESSAGE.\n\n{banner}\n")


@pytest.mark.parametrize("banner, level", [
    ("FOP-SEGREF-DINAR", "TOP SECRET"),   # the level garbled, the codeword legible
    ("SECRET SAVIN", "SECRET"),          # a marking word read as such comes first
    ("DISTRIBUTION LIMITED", None),
])
def test_nsa_top_secret_codeword_states_the_level_when_the_marking_is_illegible(banner, level):
    r = parse(NSA.format(banner=banner))
    assert r.kind == "nsa-intercept" and r.classification == level


@pytest.mark.parametrize("line, level", [
    ("S-E-C-R-I-T", "SECRET"),            # a letter misread
    ("S-B-C-R-&-T", "SECRET"),            # and a letter read as a symbol
    ("? : BEC-RE-T ROUTING", "SECRET"),   # hyphens lost
    ("C-O-N-F-I-D-E-N-T-I-A-L", "CONFIDENTIAL"),
    ("S-E-C-R-I-F-Y", None),              # not as long as a level word
    ("S-A-B-R-A-T", None),                # too many letters off
    ("A-B-C-D-E", None),
    ("ANTI-US-UK TALKS", None),
])
def test_cia_hyphen_spaced_marking_with_letters_misread(line, level):
    r = parse("CLASSIFIED MESSAGE\n\n" + line + "\n\nTO : DIRECTOR\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert r.classification == level


@pytest.mark.parametrize("stamp, dtg", [
    ("AUG 9 OO48Z 61", "AUG 9 0048Z 61"),    # letter O for nought: still the stamp as printed
    ("AUG 9 0048Z 61", "AUG 9 0048Z 61"),
    ("AUG: 9 0O487 61", "AUG 9 0048Z 61"),   # the Z read as 7 too: repaired, with a defect
])
def test_cia_receipt_stamp_with_letter_o_for_nought_is_the_dtg(stamp, dtg):
    r = parse(CIA + stamp + "\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert (r.date, r.dtg) == ("1961-08-09", dtg)
    assert any(d.code == "possible-ocr-error" and "OO48" in d.message for d in r.defects) == ("OO48" in stamp)


@pytest.mark.parametrize("box, to", [("TO: ANEXICO. CITY", ["MEXICO CITY"]), ("TO : MEXICO, CITY", ["MEXICO CITY"]),
                                     ("TO : DIRECTOR, JMWAVE", ["DIRECTOR", "JMWAVE"]),
                                     ("TO • HAVANA", ["HAVANA"]), ("TO ° HAVANA", ["HAVANA"]),  # a speck for the colon
                                     ("TO • THE FILES", [])])  # near case: no known name
def test_cia_routing_box_value_with_a_speck_between_its_words(box, to):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\n" + box + "\n\nCITE DIR 1234\n\n1. TEXT.\n")
    assert [a.name for a in r.to] == to


@pytest.mark.parametrize("line, captions", [
    ("Captions: SENSITIVE, SI PDIS", ["SENSITIVE", "SIPDIS"]),   # a word split by OCR
    ("Captions: SENSITIVE SIPDIS", ["SENSITIVE", "SIPDIS"]),     # items separated by spaces alone
    ("Captions: None", []),
])
def test_smart_captions_list_with_a_caption_split_by_ocr(line, captions):
    text = ("UNCLASSIFIED\n\nMRN: 10 STATE 12345\nDate/DTG: Feb 02, 2010 / 021530Z FEB 10\nFrom: SECSTATE WASHDC\n"
            "Action: AMEMBASSY PARIS ROUTINE\nE.O.: 13526\nTAGS: PREL\n" + line + "\nSubject: A TEST\n\n1. Text.\n")
    assert list(parse(text).captions) == captions


@pytest.mark.parametrize("line, captions", [
    ("REPORT CLASS CONFIDENTIAL CONTROLLEO DISSEM", ["CONTROLLED DISSEM"]),
    ("NO FOREIGM DISSEM", ["NO FOREIGN DISSEM"]),
    ("NO FURTHER DISSEM", []),   # more than one letter off: not a control
])
def test_cia_dissemination_control_with_one_letter_misread(line, captions):
    r = parse(CIA + "DIR CITE WAVE 1597\n\n" + line + "\n\n1. TEXT.\n")
    assert list(r.captions) == captions


def test_cia_garbled_cite_code_is_read_as_the_known_code_for_the_id_when_the_form_names_the_sender():
    form = ("JFK ASSASSINATION SYSTEM\n\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\nAGENCY : CIA\n\n"
            "RECORD NUMBER : 104-10000-10000\n\nDOCUMENT INFORMATION\n\nORIGINATOR : CIA\n\nFROM : MEXICO CITY\n\n"
            "TO : DIRECTOR\n\nDATE : 11/23/63\n\nCOMMENTS :\n\n---\n\n")
    r = parse(form + "CLASSIFIED MESSAGE\n\nSECRET\n\nNOV 23 1200Z 63\n\nIMMEDIATE DIR CITE MEXR 7028\n\n1. TEXT.\n")
    assert r.from_ == "MEXICO CITY"  # the form's FROM box
    assert r.id == "1963MEXI007028"
    assert any(d.code == "possible-ocr-error" and "'MEXR'" in d.message for d in r.defects)


@pytest.mark.parametrize("line, info", [
    ("DIR INFO GELS/CITE LOND 629", ["HELS"]),   # one letter off a known code: read as it
    ("DIR INFO QXZV/CITE LOND 629", ["QXZV"]),   # an unknown code kept as written
])
def test_cia_cite_line_code_with_a_slash_glued_on_before_cite(line, info):
    r = parse(CIA + line + "\n\n1. TEXT.\n")
    assert [a.name for a in r.info] == info and r.from_ == "LONDON"


@pytest.mark.parametrize("code, station", [
    ("GUIT", "QUITO"),   # as close to QUIT as to GUAT; G for Q is the lookalike reading
    ("MAVE", "JMWAVE"),  # one close code
])
def test_cia_cite_code_tie_broken_by_lookalike_capitals(code, station):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\nJUN 26 1550Z 63\n\nDIR CITE " + code + " 1234\n\n1. TEXT.\n")
    assert r.from_ == station


def test_close_name_ambiguous_without_a_lookalike_pair_is_not_read():
    from cablegram.parse.agencies.cia_opening import closest
    assert closest("GUIT", ("QUIT", "GUAT")) == "QUIT"
    assert closest("GUIX", ("GUIT", "GUIZ")) is None


@pytest.mark.parametrize("line, precedence", [
    ("10 TMMEDIATE BRUS PARI", "IMMEDIATE"),   # TO read as 10, a letter of the word misread
    ("TO PRITV MEXI", "PRIORITY"),
    ("10 TMMEDIATE NOBODY", None),             # no known addressee after it
])
def test_cia_typed_address_line_with_its_precedence_word_misread(line, precedence):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\nFROM: DIRECTOR\n\n" + line + "\n\nCITE DIR 12345\n\nREF: BRUS 9310\n\n"
              "1. TEXT.\n\n2. ROUTE MEXI TRAFFIC AS BEFORE.\n")  # a line of the text is no address line
    assert r.precedence == precedence


@pytest.mark.parametrize("line, date", [
    ("MiY 27. 22162 62", "1962-05-27"),   # the receipt stamp, its month misread
    ("12 Dsc 63 7 9555", "1963-12-12"),   # a written date, its month misread
    ("12 JUM 63", None),                  # one letter off JUN and JUL alike: not read
    ("5 CAR 61", None),                   # the first letter differs: not a month
])
def test_cia_date_with_its_month_misread_by_one_letter(line, date):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\n" + line + "\n\nPRIORITY DIR CITE WAVE 4271\n\n1. TEXT.\n")
    assert r.date == date
    assert any(d.code == "possible-ocr-error" for d in r.defects) == (date is not None)  # the repair is reported
    if date:
        assert r.dtg is None and r.id == f"{date[:4]}WAVE004271"  # a repaired stamp is not the DTG as written


@pytest.mark.parametrize("line, date", [
    ("CATE: ] MARCH 1964 FILE IN CS FILE NO", "1964-03-01"),   # the day 1 read as ']', DATE as CATE
    ("DATE : l MARCH 1964", "1964-03-01"),
    ("DATE : ] MARCHING 1964", None),                          # not a month
])
def test_cia_date_box_with_the_day_one_read_as_a_lookalike(line, date):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\n" + line + "\n\nTO : PARIS\n\nFROM: DIRECTOR\n\nCITE DIR\n\n1. TEXT.\n")
    assert r.date == date
    assert any(d.code == "possible-ocr-error" for d in r.defects) == (date is not None)


@pytest.mark.parametrize("box, to", [
    ("10 :BRUSSELS PARIS", ["BRUSSELS", "PARIS"]),   # TO read as 10; two known names
    ("TO : MEXICO CITY", ["MEXICO CITY"]),           # one name of two words
    ("TO : PARIS FRIENDS", ["PARIS"]),               # a word that is no name: the close reading as before
])
def test_cia_routing_box_with_several_addressees(box, to):
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\n" + box + "\n\nFROM: DIRECTOR\n\nCITE DIR\n\n1. TEXT.\n")
    assert [a.name for a in r.to] == to


@pytest.mark.parametrize("form, status", [
    ("Determinations:\n\nA. Release in full text\nB. Release in sanitized form\nC. Deny in toto\n", None),
    ("RELEASE IN FULL\n", "RELEASE IN FULL"),   # a stamp, not a printed choice
])
def test_review_form_printed_options_are_not_a_release_status(form, status):
    r = parse(form + "\nCLASSIFIED MESSAGE\n\nSECRET\n\nDIR CITE MEXI 1234\n\n1. TEXT.\n")
    assert r.release is not None and r.release.status == status


def test_cia_cable_has_no_signer_at_its_end():
    r = parse(CIA + "DIR CITE MEXI 1234\n\n1. TEXT OF THE CABLE.\n\nSECRET\n\nNitrict\n")
    assert r.signature is None and any("not read as a signer" in n for n in r.notes)


def _frus_with_note(note: str) -> str:
    return ("112. Telegram From the Embassy in Kenya to the Department of State\n\n"
            f"Source: National Archives, RG 59, Central Files 1970-73, POL 15 KENYA. Confidential. {note}\n\n"
            "Nairobi, March 9, 1972, 1140Z.\n\n1187. Subj: Cabinet changes.\n\n1. The President named three ministers.\n")


@pytest.mark.parametrize("note, info", [
    ("Repeated to Kampala and repeated to USUN.", ["AMEMBASSY KAMPALA", "USMISSION USUN NEW YORK"]),
    ("Repeated Immediate to Kampala, and also repeated to Lusaka.", ["AMEMBASSY KAMPALA", "AMEMBASSY LUSAKA"]),
    # A sentence about another telegram's routing is not this one's.
    ("Telegram 4410 was sent to Bonn, and repeated to Lusaka on July 25.", []),
])
def test_frus_source_note_repetitions(note, info):
    record = parse(_frus_with_note(note))
    assert [a.canonical or a.name for a in record.info] == info


@pytest.mark.parametrize("opening, subject", [
    ("1187. Sub: Cabinet changes.", "Cabinet changes"),
    ("1187. Subj: Cabinet changes.", "Cabinet changes"),
    ("1187. For the Ambassador. Subject to revision on review.", None),
])
def test_frus_opening_subject_labels(opening, subject):
    text = _frus_with_note("Repeated to Kampala.").replace("1187. Subj: Cabinet changes.", opening)
    assert parse(text).subject == subject


def test_an_office_of_the_department_set_as_an_address_is_an_attention_line():
    text = ("R 041302Z MAY 72\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 8272\nTO NEA FOR AMBASSADOR JONES\n"
            "INFO CINCPAC FOR POLAD\nAMEMBASSY KABUL 0911\nBT\nS E C R E T TEHRAN 2604\n"
            "SUBJ: VISIT PLANS\n\n1. THE SHAH RECEIVED ME.\n")
    record = parse(text)
    assert [a.name for a in record.to] == ["SECSTATE WASHDC"]
    assert "NEA FOR AMBASSADOR JONES" in record.attention
    # A command with its office after FOR stays an addressee.
    assert [a.name for a in record.info] == ["CINCPAC FOR POLAD", "AMEMBASSY KABUL"]
