"""The body grammar: paragraphs, portion marks, signatures as cables print them."""

from __future__ import annotations

import pytest

from cablegram import parse

HEAD = "R 141200Z FEB 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nSUBJECT: A TEST\n\n"


@pytest.mark.parametrize("ending, signature", [
    ("1. (C) Text ends here.\n\nSTAPLETON\n", "STAPLETON"),
    ("1. (C) Text ends here. End Comment. SPOGLI\n", "SPOGLI"),
    ("1. (C) The group met in May. Brownfield\n", "Brownfield"),
    ("1. (C) A radical restructuring. .FARRAR\n", "FARRAR"),
    ("1. (C) Text. ******************** KURTZER\n", "KURTZER"),
    ("1. (C) We will meet him in Paris. Paris\n", None),  # an ordinary word of the text is not a signer
])
def test_signature_forms(ending, signature):
    assert parse(HEAD + ending).signature == signature


def test_paragraph_number_and_portion_are_fields_not_text():
    r = parse(HEAD + "1. (SBU) First.\n\n2. (C/NF) Second.\n\n3. SECRET -- ENTIRE TEXT.\n")
    assert [(p.number, p.portion) for p in r.paragraphs] == [(1, "SBU"), (2, "C/NF"), (3, "S")]
    assert r.paragraphs[0].text == "First."


def test_a_year_at_line_start_is_not_a_paragraph():
    r = parse(HEAD + "1. (C) The plan dates from\n1993. It was revised.\n\n2. (C) Next.\n")
    assert [p.number for p in r.paragraphs if p.number] == [1, 2]


def test_summary_between_markers():
    r = parse(HEAD + "1. (C) Summary: The talks went well. End Summary.\n\n2. (C) Detail.\n")
    assert r.summary == "The talks went well."


def test_message_number_station_with_a_digit_for_a_letter():
    r = parse("R 141200Z FEB 09\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\nC O N F I D E N T I A L T0KYO 000123\n"
              "SUBJECT: A TEST\n\n1. (C) Text.\n")
    assert r.id == "2009TOKYO000123"
    assert "possible-ocr-error" in {d.code for d in r.defects}


def _numbers(r):
    return [p.number for p in r.paragraphs if p.number is not None]


def test_paragraph_stop_read_as_a_bullet_by_ocr():
    r = parse(HEAD + "1• ACCORDING TO SOURCE THE MEETING\nWAS HELD.\n\n2• NO FURTHER TRACES.\n")
    assert _numbers(r) == [1, 2]
    assert r.paragraphs[0].text.startswith("ACCORDING")


@pytest.mark.parametrize("line, number", [("S. PATILLO ALSO TOLD SOURCE.", 5), ("Z. NOTHING NEW.", None)])
def test_letter_read_for_the_next_paragraph_number(line, number):
    body = "1. ONE.\n\n2. TWO.\n\n3. THREE.\n\n4. FOUR.\n\n" + line + "\n"
    assert _numbers(parse(HEAD + body))[4:] == ([number] if number else [])


def test_lookalike_letter_inside_a_lettered_list_is_an_item():
    body = "1. ONE.\n\n2. NAMES FOLLOW:\nA. SMITH.\nB. JONES.\nC. BROWN.\n\n3. THREE.\n\n4. LIST:\nR. ROE.\nS. SMALL.\n"
    assert _numbers(parse(HEAD + body)) == [1, 2, 3, 4]


@pytest.mark.parametrize("line", [". 3. DENVY PURSUING SAME LINES.", "3- FEEL ADVISABLE PROCEED.", "3, SUBJ MORE RELAXED NOW."])
def test_paragraph_number_with_ocr_debris_when_next_in_sequence(line):
    body = "1. ONE.\n\n2. TWO.\n\n" + line + "\n"
    assert _numbers(parse(HEAD + body)) == [1, 2, 3]


def test_loose_number_out_of_sequence_is_text():
    body = "1. ONE.\n\n2. TWO HUNDRED MEN\n7- ARMED MEN WERE SEEN.\n"
    assert _numbers(parse(HEAD + body)) == [1, 2]


def test_paragraph_that_opens_with_a_date():
    body = "1. NO TRACES.\nWE CHECKED THE FILES\n2. 26 NOV A MAN CLAIMING TO BE A JOURNALIST CALLED.\n"
    assert _numbers(parse(HEAD + body)) == [1, 2]


@pytest.mark.parametrize("trailer", ["AAL/10", "LIR/2 SECRET", "DLW"])
def test_typist_reference_below_the_signer_is_neither_signature_nor_text(trailer):
    r = parse(HEAD + "We checking further.\n\nDEAN\n\n" + trailer + "\n")
    assert r.signature == "DEAN"
    assert trailer.split()[0] not in r.text


SMART_FOOTER = """MRN: 11 PORT AU PRINCE 1
Date/DTG: Dec 13, 2011 / 131810Z DEC 11
From: AMEMBASSY PORT AU PRINCE
Action: WASHDC, SECSTATE ROUTINE
TAGS: PGOV
Subject: Test

1. (SBU) Text.

Signature:                MERTEN
Drafted By:               PORT AU PRINCE:Day, Christina (Port-au-Prince)
Cleared By:               POL-Political Section:Jones, Kali C (Port-au-Prince)
                          EXO- Executive Office:Foote, Daniel L (Port-au-Prince)
Approved By:              EXO:Merten, Kenneth H (Port-au-Prince)
Info:                     WHITE HOUSE WASHINGTON DC ROUTINE; WHITE HOUSE NATIONAL SECURITY
                          COUNCIL WASHINGTON DC ROUTINE; Mills,
                          Cheryl D ROUTINE; HAITI COLLECTIVE ROUTINE
"""


def test_smart_footer_officers_with_spaced_offices_and_their_post():
    r = parse(SMART_FOOTER)
    assert r.drafted_by.name == "Day, Christina" and r.drafted_by.office == "PORT AU PRINCE"
    assert [o.name for o in r.cleared_by] == ["Jones, Kali C", "Foote, Daniel L"]
    assert r.approved_by.name == "Merten, Kenneth H"


def test_smart_footer_info_items_wrap_across_lines():
    r = parse(SMART_FOOTER)
    assert [a.name for a in r.info] == ["WHITE HOUSE WASHINGTON DC", "WHITE HOUSE NATIONAL SECURITY COUNCIL WASHINGTON DC",
                                        "MILLS, CHERYL D", "HAITI COLLECTIVE"]


@pytest.mark.parametrize("line", ["1a GROWERY HAD TWO SESSIONS.", "ae 1. ON THE DAY SOURCE LEFT."])
def test_first_paragraph_number_with_its_stop_misread_or_specks_before_it(line):
    assert _numbers(parse(HEAD + line + "\n\n2. TWO.\n")) == [1, 2]


@pytest.mark.parametrize("line", ["20 ECONOMIC. KEY PRICES ROSE.", "2* POLITICAL. NO CHANGE.", "“2. RADIO TRANSMITTER ARRIVED."])
def test_paragraph_stop_read_as_a_nought_asterisk_or_quote(line):
    assert _numbers(parse(HEAD + "1. ONE.\n\n" + line + "\n")) == [1, 2]


def test_a_nought_stop_is_not_read_for_the_first_paragraph():
    # '10 DAYS …' opening the body is an amount, not '1.' with its stop read as a nought.
    assert _numbers(parse(HEAD + "10 DAYS AFTER THE MEETING NOTHING HAPPENED.\n")) == []


def test_number_with_comma_stop_after_a_sentence_whose_stop_is_a_comma():
    body = "1. ONE.\n\n2. TWO.\n\n3, GALTS WHEREABOUTS UNKNOWN.\nCOVER ALL POSSIBILITIES,\n4, REQUEST ADDRESSEES ACT.\n"
    assert _numbers(parse(HEAD + body)) == [1, 2, 3, 4]


@pytest.mark.parametrize("line, numbers", [
    ("3 OKINAWA TIMES REPORTS THE UNIT MOVED.", [1, 2, 3]),   # the stop lost altogether
    ("3 APRIL ISSUES OF WEEKLY MAGS.", [1, 2]),               # a date opening a wrapped line
])
def test_paragraph_number_without_its_stop(line, numbers):
    body = "1. ONE.\n\n2. WE UNABLE LOCATE THE BOOK HERE.\n\n" + line + "\n"
    assert _numbers(parse(HEAD + body)) == numbers


@pytest.mark.parametrize("line", ["3S. PLS ADVISE EXTENT.", "3** INTEL DEBRIEFING HIGHLIGHTS FOLLOW:", "¿. SUGGEST HQS ARRANGE DEBRIEFING.",
                                  "ZÓ FIORINI SAID THERE WAS SOME DISCUSSION."])
def test_paragraph_number_misread_as_letters_or_symbols_when_next_due(line):
    n = 2 if line[0] in "¿Z" else 3
    body = "1. ONE.\n\n2. TWO.\n\n" if n == 3 else "1. ONE.\n\n"
    assert _numbers(parse(HEAD + body + line + "\n")) == list(range(1, n + 1))


def test_a_sentence_opening_with_so_is_not_paragraph_five():
    body = "1. ONE.\n\n2. TWO.\n\n3. THREE.\n\n4. FOUR ENDS HERE.\n\nSO FIORINI LEFT.\n"
    assert _numbers(parse(HEAD + body)) == [1, 2, 3, 4]


@pytest.mark.parametrize("line", ["SO FIELD DISSEM: CINCLANT, MIAMI.", "5. FIELD DISSEM: STATE.", "$, FIELD DISSEM: STATE."])
def test_field_dissem_closing_a_cia_report_is_the_next_paragraph(line):
    body = "1. ONE.\n\n2. TWO.\n\n3. THREE.\n\n4. FOUR.\n\n" + line + "\n"
    assert _numbers(parse(HEAD + body)) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("text, numbers", [
    ("FROM SAC, MIAMI\n\nJOHN DOE, AKA. AR. NOTHING FURTHER.\n\n1 - MIAMI (AM)\n\nNOTE: FILE COPY.\n", []),
    ("1. ONE.\n\n2 - BUREAU (ENCS. 2)\n", [1]),       # a copy count, not paragraph 2
    ("1. ONE.\n\n2- FEEL ADVISABLE PROCEED.\n", [1, 2]),  # the stop misread as a hyphen, glued on
])
def test_copy_count_line_with_a_spaced_hyphen_is_not_a_paragraph(text, numbers):
    # FBI pages list their copies as 'N - OFFICE'; OCR's misread stop stays on the number.
    assert _numbers(parse(HEAD + text)) == numbers
