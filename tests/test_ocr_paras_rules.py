"""OCR rules of the ninth pass for paragraph numbers and REF lines: a paragraph mark OCR left with
no digit or with its stop read as a capital O, and REF labels OCR garbled. Each rule has a case
written from the format and a near case it must not take."""

from __future__ import annotations

import pytest

from cablegram import parse

HEAD = "R 141200Z FEB 63\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nSUBJECT: A TEST\n\n"


def numbers(body: str) -> list[int]:
    return [p.number for p in parse(HEAD + body).paragraphs if p.number is not None]


# A CIA cable's head: garbled paragraph marks are read in the agencies' cables only.
CIA_HEAD = "CLASSIFIED MESSAGE\n\nSECRET\n\nTO : DIRECTOR\n\nFROM : PARIS\n\nPRIORITY DIR INFO WAVE CITE PARI 2629\n\n"


def cia_numbers(body: str) -> list[int]:
    return [p.number for p in parse(CIA_HEAD + body).paragraphs if p.number is not None]


def mark_defects(body: str) -> list[str]:
    return [d.message for d in parse(CIA_HEAD + body).defects
            if d.code == "possible-ocr-error" and "holds no digit" in d.message]


# -- a paragraph number's stop read as a capital O -------------------------------------------------

def test_a_stop_read_as_capital_o_after_the_digit_is_the_stop():
    body = ("1. THE MINISTER RECEIVED ME THIS MORNING.\n\n2. HE SPOKE OF THE HARVEST.\n\n"
            "3O CO ADVISED HE WILL CALL THE STATION OFFICER.\n\n4. COMMENT FOLLOWS.\n")
    assert numbers(body) == [1, 2, 3, 4]


def test_the_first_paragraphs_stop_read_as_capital_o():
    body = "1O LOCAL RADIO STATIONS CARRYING REPORT OF THE ARREST.\n\n2. NO FURTHER DETAILS.\n"
    assert numbers(body) == [1, 2]


def test_a_nought_after_the_first_digit_is_still_an_amount():
    # (the near case: '10 DAYS' opens a sentence with an amount, not paragraph 1)
    body = "10 DAYS AGO THE MINISTER LEFT FOR THE COAST.\n\nHE WILL RETURN SOON.\n"
    assert numbers(body) == []


@pytest.mark.parametrize("mark", ["2s", "2;", "2@"])
def test_a_stop_read_as_a_small_s_a_semicolon_or_an_at_sign(mark):
    body = f"1. THE MINISTER RECEIVED ME THIS MORNING.\n\n{mark} HE SPOKE OF THE HARVEST.\n"
    assert numbers(body) == [1, 2]


def test_a_misread_stop_is_read_only_for_the_number_due():
    # (near case: '7s' after paragraph 1 is no number the sequence asks for)
    body = "1. THE MINISTER RECEIVED ME THIS MORNING.\n\n7s ON 2 APRIL HE LEFT FOR THE COAST.\n"
    assert numbers(body) == [1]


# -- a paragraph mark OCR left with no digit -------------------------------------------------------

def test_a_mark_of_a_1_read_as_letters_opens_paragraph_1():
    body = "dO NO OBJECTION TO AMBASSADOR APPROACHING THE PRESIDENT.\n\n2. PLEASE ADVISE RESULTS.\n"
    assert cia_numbers(body) == [1, 2]
    assert mark_defects(body) == ["paragraph 1: its mark 'dO' holds no digit; the number is the one due in sequence"]


def test_a_garbled_mark_after_a_sentence_is_the_next_number_due():
    body = ("1. GROUP RECEIVED NO FUNDS TO DATE.\n\n2. STATION HAS NOT FUNDED THE GROUP.\n\n"
            "LO GROUP RECEIVED ANSWER OF THE LEADER TO REF LETTER.\n\n"
            "Se STATION WILL REPORT FURTHER DEVELOPMENTS.\n")
    assert cia_numbers(body) == [1, 2, 3, 4]
    assert len(mark_defects(body)) == 2


def test_a_garbled_mark_inside_a_sentence_is_a_wrapped_word():
    # the line before ends with no stop: 'DO THE FAVOR' runs on the sentence
    body = "1. HE REFUSED TO\n\ndO THE FAVOR AND LEFT THE COUNTRY AT ONCE.\n"
    assert cia_numbers(body) == [1]


def test_a_short_line_with_a_garbled_mark_is_no_paragraph():
    body = "OUR REF:\n\nLO WASH\n\nTHE FOLLOWING TELEX WAS RECEIVED.\n"
    assert cia_numbers(body) == []


def test_a_garbled_mark_before_lower_case_letters_is_no_paragraph():
    body = "1. THE TALKS WENT WELL.\n\nLO RE ETHiLO FII CHiLY, DAO LIC FIUII.\n"
    assert cia_numbers(body) == [1]


def test_upper_case_words_are_no_garbled_marks():
    body = "1. THE TALKS WENT WELL.\n\nSO THE MINISTER SAID HE WOULD WAIT.\n\nDO NOT PASS TO THE PRESS.\n"
    assert cia_numbers(body) == [1]


def test_a_garbled_mark_in_a_telegram_that_is_no_agencys_is_not_read():
    # (near case: a State telegram typed in words of both cases; the letters open words there)
    body = "dO NO OBJECTION TO AMBASSADOR APPROACHING THE PRESIDENT.\n\n2. PLEASE ADVISE RESULTS.\n"
    assert numbers(body) == [2]


def test_an_s_mark_does_not_open_the_first_paragraph():
    body = "Se TO FURTHER ADD COMPLEXITY THE GROUP SPLIT.\n\nHE WILL RETURN SOON.\n"
    assert cia_numbers(body) == []


# -- REF lines of CIA cables -----------------------------------------------------------------------

CIA = ("CLASSIFIED MESSAGE\n\nSECRET\n\nTO : DIRECTOR\n\nFROM : PARIS\n\nPRIORITY DIR INFO WAVE CITE PARI 2629\n\n"
       "{refs}\n\n1. TEXT OF THE CABLE.\n")


def cia_refs(refs: str) -> list[tuple[str, int]]:
    return [(x.station, x.serial) for x in parse(CIA.format(refs=refs)).references]


@pytest.mark.parametrize("label", ["REF&", "REFS!", "REF:"])
def test_a_ref_labels_colon_read_as_a_symbol(label):
    assert cia_refs(f"{label} DIRECTOR 93162") == [("DIRECTOR", 93162)]


def test_a_word_that_opens_with_ref_is_no_label():
    # (near case: no colon read as a symbol, the word runs on)
    assert cia_refs("REFERRED DIRECTOR 93162") == []


@pytest.mark.parametrize("item", ["8. PARI 1361", "3. PARI 1361", "2 PARI 1361", "3. PARI - 1361"])
def test_a_ref_items_letter_read_as_a_digit(item):
    assert cia_refs(f"REF:\n\nA. LOND 3917\n\n{item}") == [("LOND", 3917), ("PARI", 1361)]


def test_a_line_numbered_1_after_the_ref_list_is_the_first_paragraph():
    text = CIA.format(refs="REF: A. LOND 3917").replace("1. TEXT OF THE CABLE.", "1. PARI 1361 ASKED FOR TRACES.")
    r = parse(text)
    assert [(x.station, x.serial) for x in r.references] == [("LOND", 3917)]
    assert [p.number for p in r.paragraphs if p.number is not None] == [1]


def test_a_digit_before_words_that_name_no_cite_code_ends_the_list():
    assert cia_refs("REF: A. LOND 3917\n\n8. SEEN 1361 TIMES") == [("LOND", 3917)]


# -- the subject line of a CIA staff cable ---------------------------------------------------------

STAFF = ("CLASSIFIED MESSAGE\n\nSECRET\n\nTO : DIRECTOR\n\nFROM : PARIS\n\nPRIORITY DIR CITE PARI 2629\n\n"
         "SLUGS: WNINTEL\n\n{subject}\n\n1. TEXT OF THE CABLE.\n")


def staff_subject(subject: str) -> str | None:
    return parse(STAFF.format(subject=subject)).subject


def test_the_releases_angle_brackets_are_no_part_of_the_subject():
    assert staff_subject("*SUBJECT: <ASSASSINATION>RECORD REVIEW BOARD MEETINGS") == \
        "ASSASSINATION RECORD REVIEW BOARD MEETINGS"
    assert staff_subject("SUBJECT: NEW STORY ON THE<OSWALD>AND CIA") == "NEW STORY ON THE OSWALD AND CIA"


def test_a_subject_wraps_past_the_blank_line_of_a_double_spaced_page():
    assert staff_subject("SUBJECT: BOARD AND DEPT OF STATE\n\nREQUEST FOR ASSISTANCE\n\nREF: NONE") == \
        "BOARD AND DEPT OF STATE REQUEST FOR ASSISTANCE"


def test_a_form_label_after_the_blank_line_ends_the_subject():
    # (near case: 'DO1:' is the report form's DOI label, its I read as a 1)
    assert staff_subject("SUBJ: RUMORS OF AN ARREST\n\nDO1: 30 NOV 63") == "RUMORS OF AN ARREST"


def test_on_a_single_spaced_page_a_blank_line_ends_the_subject():
    text = STAFF.format(subject="SUBJECT: BOARD AND DEPT OF STATE\n\nREQUEST FOR ASSISTANCE").replace(
        "SLUGS: WNINTEL\n\n", "SLUGS: WNINTEL\n")
    assert parse(text).subject == "BOARD AND DEPT OF STATE"


# -- CITE codes of the early 1960s' cables -----------------------------------------------------------

@pytest.mark.parametrize("code", ["LAPA", "MASH"])
def test_a_garbled_ref_label_before_a_cite_code_of_the_table(code):
    assert cia_refs(f"RER: {code} 3647") == [(code, 3647)]


def test_a_garbled_ref_label_before_a_word_no_cite_code():
    # (near case: a slug line's crypt and a number are no REF item)
    assert cia_refs("RER: LAPX 3647") == []


# -- the tenth pass -----------------------------------------------------------------------------------

# A staff cable's head whose CITE line OCR lost: the header scanner reads its REF line.
STAFF_HEAD = "SECRET\n\nSTAFF\n\nTO: DIRECTOR.\n\nWNINTEL\n\nREF:\n\nLOND 92099\n\n"


def staff_paragraphs(body: str) -> list[tuple[int | None, str]]:
    return [(p.number, p.text[:12]) for p in parse(STAFF_HEAD + body).paragraphs]


def test_a_number_alone_on_its_line_ends_the_header():
    # OCR read the number and the text beside it as two blocks: the text is paragraph 1's, not
    # the REF line's wrap.
    body = ('1.\n\n"THE EVENING ECHO" OF 7 MARCH COMMENTS ON THE PROGRAM.\n\n'
            "2. FOLLOWING QUOTES GIVE THE ARTICLE'S FLAVOR.\n")
    assert staff_paragraphs(body)[:2] == [(1, '"THE EVENING'), (2, "FOLLOWING QU")]


def test_a_number_alone_before_no_sentence_does_not_end_the_header():
    # (near case: a number alone above a line that opens no sentence is no paragraph's)
    body = "12.\n\n----\n\n1. FOLLOWING QUOTES GIVE THE ARTICLE'S FLAVOR.\n"
    assert [n for n, _ in staff_paragraphs(body) if n is not None] == [1]


def test_a_speck_between_an_items_code_and_serial_is_dropped():
    assert cia_refs("REF: A. WAVE 1234 (IN 12345)\n\nMEXI: 5678 (IN 12399)") == [("WAVE", 1234), ("MEXI", 5678)]
    assert cia_refs("REF\n\nROME> 4321*") == [("ROME", 4321)]


def test_a_label_and_number_after_a_ref_item_are_no_item():
    # (near case: a word that is no CITE code keeps its colon, and its line is not an item)
    assert cia_refs("REF: A. WAVE 1234 (IN 12345)\n\nTIME: 1300 LOCAL") == [("WAVE", 1234)]


def cia_subject(opening: str) -> str | None:
    return parse(CIA_HEAD + opening + "\n\n2. THE STATION HAS NO FURTHER TRACES.\n").subject


def test_subject_before_ref_without_a_colon_is_the_texts_first_words():
    # 'SUBJECT REF' is the subject of the cable referred to: a sentence of the text, no label.
    assert cia_subject("REF: DIR 12345\n\nSUBJECT REF ASSIGNED NEW CRYPTONYM.") is None
    assert cia_subject("REF: DIR 12345\n\nSUBJ OF REF HAS LEFT MADRID FOR PARIS.") is None


def test_a_subject_label_before_ref_words_keeps_its_colon():
    # (near case: with its colon the label stands, whatever its first word)
    assert cia_subject("SUBJ: REFUGEE ARRIVALS IN MIAMI") == "REFUGEE ARRIVALS IN MIAMI"
    assert cia_subject("SUBJECT: REF TRACES ON AMLASH-1") == "REF TRACES ON AMLASH-1"


def test_a_digit_right_after_the_stop_is_a_decimal_not_a_paragraph_mark():
    # A page's number '10' OCR'd '1.0', a form's '1.198': decimals, not paragraph 1.
    assert cia_numbers("THE STATION HAS NO TRACES.\n\n1.0 12 PAGES SECRET\n\nNO FURTHER WORD.\n") == []
    assert cia_numbers("THE STATION HAS NO TRACES.\n\n1.198 No 15988\n") == []


def test_a_number_and_its_stop_before_a_blank_or_a_letter_still_open_a_paragraph():
    # (near cases: '1. 5 MEN …' opens paragraph 1 with an amount; '2.THE' lost its blank)
    assert numbers("1. 5 MEN ARRIVED ON THE BOAT.\n\n2.THE MINISTER WAS TOLD.\n") == [1, 2]


def test_a_number_alone_after_a_gap_opens_its_paragraph_after_a_sentence():
    # OCR lost paragraphs 8 and 9; 10 stands alone on its line, its text on the next.
    body = "".join(f"{n}. THE STATION REPORTS ITEM {n}.\n\n" for n in range(1, 8))
    body += "THE CASE IS CLOSED.\n\n10.\n\nFILE: 201-12345.\n"
    assert cia_numbers(body) == [1, 2, 3, 4, 5, 6, 7, 10]


def test_a_number_alone_after_a_gap_below_a_list_word_is_no_paragraph():
    # (near case: a scrap of the form among an address list)
    body = "1. THE STATION REPORTS.\n\n2. ADDRESSEES:\n\nTUNIS\n\n318:0\n\n4.\n\nVIENNA\n\nATHENS\n"
    assert cia_numbers(body) == [1, 2]


@pytest.mark.parametrize("mark", [".2.", ": 2.", ".2.."])
def test_a_number_alone_with_a_speck_before_it_or_its_stop_doubled(mark):
    body = f"1. THE STATION REPORTS NO TRACES.\n\n{mark}\n\nPLEASE TAKE NO FURTHER ACTION.\n"
    assert cia_numbers(body) == [1, 2]


def test_a_speck_and_a_number_alone_before_no_sentence_is_no_paragraph():
    # (near case: a number among the form's scraps, no sentence below it)
    body = "1. THE STATION REPORTS NO TRACES.\n\n.2.\n\n-----\n\n124\n"
    assert cia_numbers(body) == [1]


def test_santiago_de_cuba_is_a_cite_code():
    # SACU, the base at Santiago de Cuba (1959-61): an item known by its code after a garbled label.
    assert cia_refs("RFE SACU 412 (IN 12345)") == [("SACU", 412)]
    assert cia_refs("REF: A. HAVA 1234\n\nB SACU 4412") == [("HAVA", 1234), ("SACU", 4412)]


def test_an_unknown_code_after_a_garbled_label_is_no_item():
    # (near case: four capitals that name no station, after letters that only resemble REF)
    assert cia_refs("RFE SAKU 412 (IN 12345)") == []


def cia_ref_defects(opening: str) -> list[str]:
    text = CIA_HEAD + opening + "\n\n1. THE STATION HAS NO FURTHER TRACES OF SUBJECT.\n"
    return [d.message for d in parse(text).defects if d.code == "possible-ocr-error" and "REF station" in d.message]


@pytest.mark.parametrize("written, station", [("DIRECIOR-012345", "DIRECTOR"), ("BAVA 4321", "HAVA"),
                                              ("MEXXI 4321", "MEXI"), ("CIRECTOR 12345", "DIRECTOR")])
def test_a_ref_station_misread_by_a_lookalike_or_a_doubled_letter(written, station):
    assert [s for s, _ in cia_refs(f"REF: {written}")] == [station]
    assert cia_ref_defects(f"REF: {written}")


def test_a_ref_station_near_a_known_one_by_another_letter_is_kept():
    # (near case: MUNI, Munich, is one letter from MANI but no misreading of it)
    assert cia_refs("REF: MUNI 0522 (IN 19400)") == [("MUNI", 522)]
    assert cia_ref_defects("REF: MUNI 0522 (IN 19400)") == []


def test_a_garbled_ref_label_alone_and_items_split_over_lines():
    # The form's columns read apart: the label alone ('RFES:'), each item's letter, code and
    # serial on lines of their own.
    opening = ("RFES:\n\nA.\n\nWAVE\n\n1234 (IN 55555) (NOT SENT BONN)\n\nB.\n\nMEXI 5678 (IN 55556)\n\n"
               "C. PARI 4321 (IN 55557)")
    assert cia_refs(opening) == [("WAVE", 1234), ("MEXI", 5678), ("PARI", 4321)]


def test_a_label_alone_far_from_ref_or_without_a_list_below_is_no_ref_label():
    # (near cases: a box's label over a lettered list; a REF-like label over running text)
    assert cia_refs("NOTE:\n\nA.\n\nWAVE\n\n1234 (IN 55555)") == []
    assert cia_refs("RFES:\n\nWAVE 1234 WAS SENT IN ERROR") == []


def test_a_garbled_ref_label_alone_above_the_cite_line():
    text = ("CLASSIFIED MESSAGE\n\nSECRET\n\nRFES:\n\nA.\n\nB.\n\nHAVA 4171 (IN 26952)\n\n"
            "PRIORITY DIR INFO WAVE CITE PARI 2629\n\n1. THE STATION HAS NO TRACES OF SUBJECT.\n")
    assert [(r.station, r.serial) for r in parse(text).references] == [("HAVA", 4171)]


def field_dissem_report(mark: str) -> str:
    return ("1. THE SOURCE REPORTS A RAID.\n\n2. THE PILOT WAS KILLED.\n\n"
            f"{mark} FIELD DISSEM: CINCLANT, CINCSO, MIAMI REPS OF STATE.\n")


def test_the_dissemination_paragraphs_mark_read_as_letters_is_the_number_due():
    # The report's last paragraph is its dissemination: 'W":3a' is what OCR left of '3.'.
    text = CIA_HEAD + field_dissem_report('W":3a')
    assert [p.number for p in parse(text).paragraphs if p.number] == [1, 2, 3]
    assert any("dissemination paragraph" in d.message for d in parse(text).defects)


def test_a_field_line_that_is_no_dissemination_is_no_paragraph():
    # (near case: FIELD opening a sentence's line, no DISSEM after it)
    body = "1. THE SOURCE REPORTS A RAID.\n\n2. THE PILOT WAS KILLED.\n\nWHEN FIELD HANDS SAW THE PLANE.\n"
    assert cia_numbers(body) == [1, 2]


@pytest.mark.parametrize("written, serial", [("MASH 170S", 1705), ("SJOS S186", 5186), ("DIR §5133", 85133),
                                             ("WAVE 4O12", 4012)])
def test_a_ref_serial_with_a_letter_for_a_digit(written, serial):
    assert cia_refs(f"REF: {written} (IN 12345)") == [(written.split()[0], serial)]
    assert any("REF serial" in m for m in [d.message for d in parse(
        CIA_HEAD + f"REF: {written}\n\n1. NO TRACES.\n").defects])


def test_a_word_of_letters_after_a_code_is_no_serial():
    # (near cases: a word with one digit, or none, is no misread serial)
    assert cia_refs("REF: WAVE SOS (IN 12345)") == []
    assert cia_refs("REF: WAVE IS5 PARA 3") == []


# -- eleventh pass: REF items known by their own marks ----------------------------------------------

def test_a_label_alone_over_an_item_with_its_in_number_is_the_ref_label():
    # The IN (or OUT) number after a code and serial is written in REF items only: the label
    # alone above such an item is REF however OCR garbled its letters.
    assert cia_refs("BXT:\n\nWAVE 8166 (IN 78874)") == [("WAVE", 8166)]
    assert cia_refs("wer:\n\nDIR 29150 (OUT 64557) (NOT SENT LOND)") == [("DIR", 29150)]


def test_a_label_alone_over_an_item_without_an_in_number_or_a_known_code_is_no_ref_label():
    # (near cases: a form's label over a code and number with no IN number, or over an unknown code)
    assert cia_refs("TOT:\n\nWAVE 8166 AND MEXI 1234") == []
    assert cia_refs("BXT:\n\nZZZQ 8166 (IN 78874)") == []


def test_items_that_name_their_station_in_words_go_on_the_ref_list():
    # The 1970s staff cables write each item as the station's name and serial, on its own line,
    # OCR parting the letters from them.
    opening = "REFS:\n\nA.\n\nB.\n\nDIRECTOR 231428\n\nHONG KONG 59696 0768840\n\nMEXICO CITY 45093"
    assert cia_refs(opening) == [("DIRECTOR", 231428), ("HONG KONG", 59696), ("MEXICO CITY", 45093)]


def test_words_that_name_no_station_before_a_number_end_the_ref_list():
    # (near cases: the text's first line after the list, and a station's name before words)
    assert cia_refs("REF: DIR 12345\n\nSTATION OFFICER 4567 REPORTS") == [("DIR", 12345)]
    assert cia_refs("REF: DIR 12345\n\nMEXICO CITY 45093 REPORTS NO TRACES") == [("DIR", 12345)]


def test_a_ref_list_ends_at_a_word_that_is_no_cite_code():
    # (near case of the split item: 'REF:' / 'NONE.' / 'TEXT:' / '1.', the later cables' form;
    # a word of four capitals alone that is no code is no station parted from its serial)
    body = parse(CIA_HEAD + "REF:\n\nNONE.\n\nTEXT:\n\n1.\n\nACTION REQUIRED: PLEASE ADVISE.\n\n"
                 "2. THE STATION HAS NO TRACES.\n")
    assert [p.number for p in body.paragraphs if p.number] == [1, 2]
    assert cia_refs("REF:\n\nA.\n\nWAVE\n\n1234 (IN 55555)") == [("WAVE", 1234)]


# -- paragraph 1 ends a CIA cable's header with no header line read ----------------------------------

# A routing form whose CITE line OCR garbled past reading ('CHIZ GUME 93A' for CITE ROME 93..).
GARBLED_CITE_HEAD = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\nDIR INFO WAVE CHIZ GUME 93A\n\n"


def test_paragraph_1_ends_a_cia_cables_header_with_no_header_line_read():
    text = (GARBLED_CITE_HEAD + "1. SUBJECT ARRIVED ITALY 10 MARCH TO\n\nMEET OFFICIALS WHO CAME\n\n"
            "FROM ROME 15 MARCH TO SUBMIT REPORT.\n\n2. HE PLANS TRAVEL CUBA IN APRIL.\n")
    record = parse(text, path="jfk2025:104-10000-10000")
    assert [p.number for p in record.paragraphs] == [1, 2]
    assert record.from_ is None  # the text's 'FROM ROME …' is no FROM line


def test_a_numbered_routing_row_does_not_end_the_header():
    # (near case: a routing box's row number, with no stop and no sentence after it)
    text = GARBLED_CITE_HEAD.replace("ROUTING\n\n", "ROUTING\n\n1 DIR\n\n") + "1. SUBJECT ARRIVED ITALY.\n"
    assert [p.number for p in parse(text, path="jfk2025:104-10000-10000").paragraphs] == [1]


# -- a paragraph stop with specks after it ------------------------------------------------------------

def test_a_stop_with_specks_after_it_opens_the_number_due_after_a_gap():
    # '4.:' and '5...': the stop, then a colon or further stops OCR read in the ribbon's smudge.
    body = ("1. THE MINISTER RECEIVED ME.\n\n2. HE SPOKE OF THE HARVEST.\n\n"
            "4.: BASIS ABOVE WE RECOMMEND TERMINATION.\n\n5... COMMENT FOLLOWS.\n")
    assert numbers(body) == [1, 2, 4, 5]


def test_a_stop_with_specks_too_far_ahead_is_no_paragraph():
    # (near case: a number with specks past the jump a lost number allows)
    body = "1. THE MINISTER RECEIVED ME.\n\n2. HE SPOKE OF THE HARVEST,\n\n9.: BASIS ABOVE WE RECOMMEND IT.\n"
    assert numbers(body) == [1, 2]


def test_a_station_named_in_words_alone_takes_the_serial_below_it():
    # The staff cable's item split over lines ('DIRECTOR' / '224314'), as a code alone is; and
    # headquarters' name with one letter read as its lookalike ('CIRECTOR'), repaired and reported.
    opening = "REFS:\n\nA.\n\nMEXICO CITY 45116\n\nDIRECTOR\n\n224314\n\nCIRECTOR 222197"
    assert cia_refs(opening) == [("MEXICO CITY", 45116), ("DIRECTOR", 224314), ("DIRECTOR", 222197)]


def test_a_station_named_alone_before_a_line_of_text_ends_the_ref_list():
    # (near case: a name alone on its line with no serial below it, and words that name no station)
    assert cia_refs("REF: DIR 12345\n\nMEXICO CITY\n\nREPORTS NO TRACES") == [("DIR", 12345)]
    assert cia_refs("REF: DIR 12345\n\nCORRECTOR 222197") == [("DIR", 12345)]


def test_a_number_alone_opens_its_text_after_a_speck_of_the_margin():
    # OCR set a speck before the text's first letter as it does before a number ('3.' / '•CAYO').
    body = "1. THE MINISTER RECEIVED ME.\n\n2. HE SPOKE OF THE HARVEST.\n\n3.\n\n•CAYO LARGO IS THE SITE.\n"
    assert numbers(body) == [1, 2, 3]


def test_a_number_alone_before_a_speck_and_no_word_is_no_paragraph():
    # (near case: a speck before a number or a word in lower case is no text's opening)
    body = "1. THE MINISTER RECEIVED ME.\n\n2. HE SPOKE OF THE HARVEST.\n\n3.\n\n• 12 MAY\n"
    assert numbers(body) == [1, 2]


def test_a_number_alone_after_a_gap_opens_its_paragraph_before_a_running_sentence():
    # The line above ends no sentence (the release cut it where it blanked a name), but the line
    # below the number runs on as a sentence: paragraph 4 was lost, 5 stands alone.
    body = ("1. THE STATION REPORTS.\n\n2. HE SPOKE.\n\n3. SHE ARGUED WITH SOME OF THE MERCHANTS IN\n\n"
            "5.\n\nONE OTHER ASPECT OF THE FAMILY WHICH SOURCE FOUND DISAGREEABLE.\n")
    assert cia_numbers(body) == [1, 2, 3, 5]


def test_a_number_alone_after_a_gap_before_a_short_line_after_no_sentence_is_no_paragraph():
    # (near case: the line below holds a few words, a scrap of the form or a list)
    body = "1. THE STATION REPORTS.\n\n2. ADDRESSEES ARE\n\n4.\n\nVIENNA AND ATHENS\n"
    assert cia_numbers(body) == [1, 2]


# -- the twelfth pass: an S read for the paragraph number due ---------------------------------------

def test_an_s_with_its_stop_is_the_number_due_whichever_it_is():
    # OCR reads a typed 3 as S as it reads a 5: the sequence, not the letter, names it.
    body = ("1. THE MINISTER RECEIVED ME THIS MORNING.\n\n2. HE SPOKE OF THE HARVEST AND THE\n\n"
            "S. ITALY: THE PARTIES ARE UNLIKELY TO UNSEAT THE PREMIER.\n")
    assert cia_numbers(body) == [1, 2, 3]


def test_an_s_before_a_short_line_or_in_a_lettered_list_is_no_mark():
    # (near cases: an initial before a name on a short line; an item S of a lettered list)
    assert cia_numbers("1. THE MINISTER RECEIVED ME.\n\n2. HE MET\n\nS. SMITH\n") == [1, 2]
    body = ("1. THE MINISTER RECEIVED ME.\n\n2. THE LIST FOLLOWS:\n\nA. THE FIRST NAME ON THE LIST.\n\n"
            "S. THE SECOND NAME ON THE LIST.\n")
    assert cia_numbers(body) == [1, 2]


def test_a_capital_so_with_a_full_stop_is_a_garbled_mark():
    body = ("1. THE MINISTER RECEIVED ME THIS MORNING.\n\n2. HE SPOKE OF THE HARVEST.\n\n"
            "SO. INDEX THE NAME AND THE FILES BELOW.\n")
    assert cia_numbers(body) == [1, 2, 3]
    assert len(mark_defects(body)) == 1


def test_a_capital_so_with_a_comma_opens_a_sentence():
    # (near case: 'SO,' opens a sentence; 'SO THE' too, see test_upper_case_words_are_no_garbled_marks)
    body = ("1. THE MINISTER RECEIVED ME THIS MORNING.\n\n2. HE SPOKE OF THE HARVEST.\n\n"
            "SO, AS A RESULT THE TALKS WILL GO ON.\n")
    assert cia_numbers(body) == [1, 2]


# -- the twelfth pass: a CITE line read on a continuation page --------------------------------------

PAGE_ONE = ("# 104-10000-10000\n\n## Page 1\n\nCLASSIFIED MESSAGE\n\nSECRET\n\nFROM: DIRECTOR\n\nCITX 9\n\n"
            "{first}\n\n---\n\n## Page 2\n\nCLASSIFIED MESSAGE\n\nSECRET\n\nFROM: DIRECTOR\n\nCITE DIR 20038\n\n"
            "PAGE TWO\n\n3. THE AGENT IS KNOWN TO THE STATION.\n")


def test_the_text_begins_on_the_first_page_when_the_cite_line_read_is_a_continuation_pages():
    first = "1. THE STATION WILL MEET THE AGENT ON MONDAY.\n\n2. PLEASE ADVISE RESULTS."
    record = parse(PAGE_ONE.format(first=first))
    assert [p.number for p in record.paragraphs if p.number is not None] == [1, 2, 3]


def test_a_first_page_with_no_opening_paragraph_leaves_the_text_below_the_cite_line():
    # (near case: the first page holds no paragraph 1 to 3, only a later number or a form's item)
    record = parse(PAGE_ONE.format(first="4. THE STATION WILL MEET THE AGENT.\n\n1.11/SA/SO"))
    assert [p.number for p in record.paragraphs if p.number is not None] == [3]


def test_a_short_line_ending_with_a_colon_under_a_long_one_is_no_garbled_mark():
    # A wrapped line OCR garbled: it stops well short of the margin the line above reaches.
    body = ("1. THE STATION REPORTS THAT KUBARK ACQUITTED ITSELF WELL IN MOST RESPECTS, THOUGH I PLAN.\n\n"
            "LO MAMI AM ATARITIN CALTI TO DE:\n\nFULL REVIEW OF THE OPERATION AFTER A REASONABLE PERIOD.\n")
    assert cia_numbers(body) == [1]
    # (near case: a line as long as the line above it opens the next paragraph)
    body = ("1. THE STATION REPORTS THAT KUBARK ACQUITTED ITSELF WELL IN MOST RESPECTS.\n\n"
            "LO THE STATION WILL REPORT FURTHER DEVELOPMENTS IN THE CASE AS THEY COME:\n")
    assert cia_numbers(body) == [1, 2]


def test_an_s_in_a_telegram_that_is_no_agencys_is_read_only_as_a_5():
    # (near case: in a State telegram 'S. KOREA …' after paragraph 2 is a sentence, not paragraph 3)
    body = "1. THE MINISTER RECEIVED ME.\n\n2. HE SPOKE OF THE HARVEST.\n\nS. KOREA WILL NOT AGREE TO THE TERMS.\n"
    assert numbers(body) == [1, 2]
