"""Addressees, originator and precedence of OCR'd agency cables, as the forms lay them out and OCR
leaves them: the address line below a CITE line that holds none, the address before a CITE whose
station is lost. The texts are made up in the style of the cables; each rule has a near case."""

from __future__ import annotations

import pytest

from cablegram import parse


def _names(addressees) -> list[str]:
    return [a.canonical or a.name for a in addressees]


def _ocr_notes(r) -> list[str]:
    return [d.message for d in r.defects if d.code == "possible-ocr-error"]


# -- the address line below the CITE line ---------------------------------------------------------------
# A later incoming cable types classification, DTG and CITE on one line, its address on the next.
_BELOW = "CLASSIFIED MESSAGE\n\nSECRET\n\nSECRET 0912302 MAR 69 CITE PARIS 4521\n\n{between}{address}\n\nREF DIR 12345\n\n1. TEXT.\n"


@pytest.mark.parametrize("between, address, precedence, to, info", [
    ("", "ROME INFO DIRECTOR", None, ["ROME"], ["DIRECTOR"]),
    ("", "PRIORITY BUENOS AIRES INFO DIR, MADR", "PRIORITY", ["BUENOS AIRES"], ["DIRECTOR", "MADRID"]),
    ("(SMITH ACTING)\n\n", "DIRECTOR", None, ["DIRECTOR"], []),       # the acting officer's line between
])
def test_the_address_line_below_a_cite_line_that_holds_none(between, address, precedence, to, info):
    r = parse(_BELOW.format(between=between, address=address))
    assert (r.precedence, _names(r.to), _names(r.info)) == (precedence, to, info)


def test_an_address_line_below_the_cite_line_as_ocr_garbled_it_is_read_and_reported():
    r = parse(_BELOW.format(between="", address="PAIORITY MEXICO CICY INTO DIRECTOP."))
    assert (r.precedence, _names(r.to), _names(r.info)) == ("PRIORITY", ["MEXICO CITY"], ["DIRECTOR"])
    assert any("'MEXICO CICY' read as MEXICO CITY" in m for m in _ocr_notes(r))
    assert any("'DIRECTOP' read as DIRECTOR" in m for m in _ocr_notes(r))


@pytest.mark.parametrize("address", [
    "ROME STATION REPORTS ARRIVAL OF SUBJECT",   # a line of text that opens with a station's name
    "TYPIC AMWORLD",                              # a slug line
])
def test_a_line_below_the_cite_line_that_is_not_all_addressees_is_no_address(address):
    r = parse(_BELOW.format(between="", address=address))
    assert (r.kind, list(r.to)) == ("cia-cable", [])


def test_no_address_is_looked_for_below_a_cite_line_that_holds_one():
    text = "CLASSIFIED MESSAGE\n\nSECRET\n\nPRIORITY DIR CITE PARI 4521\n\nROME INFO MADR\n\n1. TEXT.\n"
    assert _names(parse(text).to) == ["DIRECTOR"]


def test_no_address_is_looked_for_past_the_ref_line():
    text = "CLASSIFIED MESSAGE\n\nSECRET\n\nSECRET 0912302 MAR 69 CITE PARIS 4521\n\nREF DIR 12345\n\nROME\n\n1. TEXT.\n"
    assert list(parse(text).to) == []


# -- the address before a CITE whose station is lost ----------------------------------------------------
@pytest.mark.parametrize("cite_line, precedence, to", [
    ("PRIORITY DIR CITE 4319", "PRIORITY", ["DIRECTOR"]),   # the station lost, the serial left
    ("DIR CITE!", None, ["DIRECTOR"]),                      # the station blanked out by a reviewer
    ("DIR INFO ROME CITE E : +", None, ["DIRECTOR"]),       # a speck where the station stood
])
def test_the_address_before_a_cite_whose_station_is_lost(cite_line, precedence, to):
    r = parse(f"CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\n{cite_line}\n\n1. TEXT OF THE CABLE.\n")
    assert (r.precedence, _names(r.to)) == (precedence, to)


@pytest.mark.parametrize("line", [
    "IF DESTRUCTION, CITE REASONS AND COORDINATE",   # the form's printed note
    "WE CITE 1234 AS BEFORE",                        # words before CITE that name no addressee
])
def test_words_before_a_cite_that_name_no_addressee_are_no_address(line):
    r = parse(f"CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\n{line}\n\n1. TEXT OF THE CABLE.\n")
    assert (r.kind, list(r.to)) == ("cia-cable", [])


# -- the precedence box marked with a cross ---------------------------------------------------------------
# The form prints every precedence in a box of its own; the one chosen is crossed.
_BOXES = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\n{first}\n\n{second}\n\nDIR CITE WAVE 1234\n\n1. TEXT.\n"


@pytest.mark.parametrize("first, second, precedence", [
    ("DEFERRED", "X ROUTINE", "ROUTINE"),
    ("DEFERRED", "X/ROUTINE", "ROUTINE"),      # a slash glued on after the cross
    ("& PRIORITY", "ROUTINE", "PRIORITY"),      # a hand-drawn cross read as &
])
def test_the_precedence_box_marked_with_a_cross(first, second, precedence):
    assert parse(_BOXES.format(first=first, second=second)).precedence == precedence


@pytest.mark.parametrize("first, second", [
    ("DEFERRED", "| ROUTINE"),           # an empty box's edge is no cross
    ("X DEFERRED", "X ROUTINE"),         # two boxes crossed: no choice read
])
def test_boxes_with_no_single_cross_give_no_precedence(first, second):
    assert parse(_BOXES.format(first=first, second=second)).precedence is None


@pytest.mark.parametrize("first, second", [
    ("DEFERREI", "ROUTINE"),             # the DEFERRED box above, garbled: ROUTINE is but a printed box
    ("ROUTINE", "OPERATIONL"),           # the OPERATIONAL IMMEDIATE box below, garbled
])
def test_a_lone_precedence_beside_another_printed_box_garbled_is_no_precedence(first, second):
    assert parse(_BOXES.format(first=first, second=second)).precedence is None


@pytest.mark.parametrize("first, second", [
    ("ROUTING", "ROUTINE"),              # the form's ROUTING label is no box
    ("PAGE 2", "ROUTINE"),               # a line of no box's word
])
def test_a_lone_precedence_beside_no_other_box_stands(first, second):
    assert parse(_BOXES.format(first=first, second=second)).precedence == "ROUTINE"


# -- headquarters' CITE DIR with a letter misread -----------------------------------------------------------
_HQ = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\nTO\n\nHAVA\n\nINFO\n\nCITE {station}\n\n20232\n\n1. TEXT.\n"


@pytest.mark.parametrize("station", ["CIR", "DIX", "FIR"])
def test_cite_dir_with_one_letter_misread_names_headquarters(station):
    r = parse(_HQ.format(station=station))
    assert r.from_ == "DIRECTOR"
    assert any(f"CITE code {station!r} read as DIR" in m for m in _ocr_notes(r))


@pytest.mark.parametrize("station", [
    "EXI",     # a four-letter code that lost its first letter (MEXI): not headquarters
    "CAR",     # two letters off DIR
])
def test_a_three_letter_cite_station_not_one_letter_off_dir_is_not_headquarters(station):
    assert parse(_HQ.format(station=station)).from_ != "DIRECTOR"


@pytest.mark.parametrize("line, serial", [("CHE DIR", None), ("* CHE DIR 41673", 41673), ("CHEDIR", None)])
def test_cite_dir_with_cit_read_as_ch_is_headquarters_cite_line(line, serial):
    # (The JFK collection's record number says the record is the Agency's, where no CITE does.)
    r = parse("104-10000-10000\n\n" + _HQ.replace("CITE {station}\n\n20232", line))
    assert (r.kind, r.from_) == ("cia-cable", "DIRECTOR")
    assert any("read as CITE DIR" in m for m in _ocr_notes(r))
    if serial:
        assert r.mrn == f"DIR {serial}"


@pytest.mark.parametrize("line", ["CHECK WITH DIR", "CHEDIRE REPORTS"])
def test_words_opening_with_che_are_no_cite_line(line):
    r = parse("104-10000-10000\n\n" + _HQ.replace("CITE {station}\n\n20232", line))
    assert not any("read as CITE DIR" in m for m in _ocr_notes(r))


# -- the staff cable's message line and typed TO line -------------------------------------------------------
_STAFF = "104-10000-10000\n\nSECRET\n\nSTAFF 242058Z DIRECTOR 228470\n\n{to}\n\nREF: QUITO 22196\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("to, action, info", [
    ("TO: LIMA INFO QUITO, CARACAS.", ["LIMA"], ["QUITO", "CARACAS"]),
    ("TO:\n\nLIMA INFO QUITO.", ["LIMA"], ["QUITO"]),                     # the label alone, its value below
    ("TO: WASHINGTON.", ["WASHINGTON"], []),                               # a name the tables lack, as typed
])
def test_the_staff_cables_typed_to_line(to, action, info):
    r = parse(_STAFF.format(to=to))
    assert (r.from_, [a.name for a in r.to], [a.name for a in r.info]) == ("DIRECTOR", action, info)


@pytest.mark.parametrize("to", [
    "TO: SEE MY NOTE 22/5 (URGENT)",      # an item of no name's shape
    "ACTION: C/LA 8",                      # another label
])
def test_a_line_that_is_no_typed_address_gives_no_addressee(to):
    assert [a.name for a in parse(_STAFF.format(to=to)).to] == []


def test_a_clipped_station_code_one_letter_off_dir_with_its_serial_on_the_line_is_the_stations():
    # 'AIR' is CAIR or NAIR with a letter lost at the page's edge as well as DIR misread: a serial
    # on the CITE line is a station's, so it is not read as headquarters'; alone, it is (test above).
    r = parse(_HQ.format(station="AIR 4567"))
    assert r.from_ != "DIRECTOR" and not any("read as DIR" in m for m in _ocr_notes(r))
    assert parse(_HQ.format(station="AIR")).from_ == "DIRECTOR"


# -- a staff cable's FOR line --------------------------------------------------------------------------
_STAFF_FOR = ("CLASSIFIED MESSAGE\n\nSECRET 1811282 JUN 96 STAFF\n\nCITE 71720\n\nTO: DIRECTOR.\n\n{for_line}\n\n"
          "SLUGS: WNINTEL RYBAT\n\nSUBJECT: A STAFF CABLE\n\n1. TEXT OF THE CABLE.\n")


@pytest.mark.parametrize("for_line, attention", [
    ("FOR: LIMIT EA/J INFO DC/EA, DCEA/CI, D/PAS", ("LIMIT EA/J INFO DC/EA, DCEA/CI, D/PAS",)),
    ("i FOR: LIMIT EA/KNXO INFO EA/KCI,\n\nAF/SG, CIC/AF, AF/OPS", ("LIMIT EA/KNXO INFO EA/KCI, AF/SG, CIC/AF, AF/OPS",)),  # wrapped
    ("FROM: LIMIT EA/J INFO DC/EA", ("LIMIT EA/J INFO DC/EA",)),        # the label OCR read as FROM
    ("FOR: EUR/BNL INFO DE/EURA, SA/D0/0", ("EUR/BNL INFO DE/EURA, SA/DO/O",)),  # noughts for the letter O
    ("FROM: DIRECTOR", ()),                                            # near cases: no offices,
    ("FOR: THE RECORD, SEE PARA 2", ()),                               # nor a sentence
])
def test_a_staff_cables_for_line_is_its_attention_line(for_line, attention):
    assert parse(_STAFF_FOR.format(for_line=for_line)).attention == attention


# -- headquarters' DIR misread among the CITE line's addressees -------------------------------------------
_CITE_LINE = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\n{line}\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("line, to, info", [
    ("PRIORITY DIP CITE MADR 3179", ["DIRECTOR"], []),
    ("ROME INFO DIS CITE MADR 3179", ["ROME"], ["DIRECTOR"]),          # an info addressee
    ("DIE INTO WAVE CITE MEXI 5251", ["DIRECTOR"], ["JMWAVE"]),         # INFO misread too
    ("O1R INFO CARA CITE LOND 8769", ["DIRECTOR"], ["CARACAS"]),         # D read as O, I as a one
    ("O.R INFO WAVE CITE PARI 1597", ["DIRECTOR"], ["JMWAVE"]),          # I read as a speck
])
def test_dir_with_one_letter_misread_before_cite_is_headquarters(line, to, info):
    r = parse(_CITE_LINE.format(line=line))
    assert (_names(r.to), _names(r.info)) == (to, info)
    assert any("read as DIR (DIRECTOR)" in m for m in _ocr_notes(r))


@pytest.mark.parametrize("line", [
    "PRIORITY AIR CITE MADR 3179",     # a code that lost a letter (CAIR, NAIR) is not read as DIR
    "PRIORITY DOT CITE MADR 3179",     # two letters off DIR
    "PRIORITY OUR CITE MADR 3179",     # a word, not DIR's lookalikes
])
def test_a_three_letter_word_not_dir_misread_before_cite_is_not_headquarters(line):
    r = parse(_CITE_LINE.format(line=line))
    assert "DIRECTOR" not in _names(r.to)


def test_a_misread_dir_before_cite_makes_the_line_the_cite_line_when_the_station_is_clipped():
    # 'MAD' alone would not say the line is a CITE line; the address before it does.
    r = parse(_CITE_LINE.format(line="PRIORITY DIF. CITE MAD?"))
    assert (r.from_, _names(r.to)) == ("MADRID", ["DIRECTOR"])


def test_did_in_a_sentence_before_cite_is_no_address():
    r = parse(_CITE_LINE.format(line="HE DID CITE MAD"))
    assert (r.from_, _names(r.to)) != ("MADRID", ["DIRECTOR"])


# -- the outgoing form's address box above CITE DIR -------------------------------------------------------
_BOX = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\n{box}\n\nCITE DIR\n\n12345\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("box, to, info", [
    ("TO\n\nBRLN\n\nINFO\n\nFRAN", ["BERLIN"], ["FRANKFURT"]),             # row by row
    ("ROME\n\nINFO\n\nPARI MADR", ["ROME"], ["PARIS", "MADRID"]),
    ("ROME\n\nINFO, ROUTINE\n\nPARI\n\n16-20", ["ROME"], ["PARIS"]),      # the row's precedence; a speck line
    ("ROME\n\nINFO", ["ROME"], []),                                        # none informed
    ("INFO\n\nLOND\n\nPARI BONN", ["LONDON"], ["PARIS", "BONN"]),         # TO label lost, values read after
    ("ROME\n\nINFO\n\nHAVA SAOP POUCH", ["ROME"], ["HAVANA", "SAOP"]),    # by pouch; a code the table lacks
])
def test_the_outgoing_forms_address_box_above_cite(box, to, info):
    r = parse(_BOX.format(box=box))
    assert (_names(r.to), _names(r.info)) == (to, info)


def test_a_garbled_code_in_the_address_box_is_read_and_reported():
    r = parse(_BOX.format(box="ROME\n\nINFO\n\nFARI"))
    assert _names(r.info) == ["PARIS"]
    assert any("'FARI' read as PARI" in m for m in _ocr_notes(r))


@pytest.mark.parametrize("box", [
    "ROME\n\nINFO\n\nPLEASE ADVISE SOONEST",     # words below the label: no box
    "ROME\n\nINFORMATION FOLLOWS\n\nPARI",       # no INFO label alone
])
def test_no_address_box_without_its_info_label_and_rows_of_names(box):
    assert _names(parse(_BOX.format(box=box)).info) == []


def test_the_address_box_above_a_lone_cite_label_whose_station_is_lost():
    # (The JFK collection's record number says the record is the Agency's, where no CITE line does.)
    text = "104-10000-10000\n\nCLASSIFIED MESSAGE\n\nSECRET\n\nDIR MEXI\n\nINFO\n\nHAVA\n\nCITE\n\nRE: A. MEXI 4997\n\n1. TEXT.\n"
    r = parse(text)
    assert (_names(r.to), _names(r.info)) == (["DIRECTOR", "MEXICO CITY"], ["HAVANA"])


# -- a CITE line broken after its label -------------------------------------------------------------------
# (The JFK collection's record number says the record is the Agency's, where OCR misread CITE.)
_BROKEN = "104-10000-10000\n\nCLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\n{lines}\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("lines, precedence, from_, to, info", [
    ("PRIORITY DIR INFO MADR CITE\n\nROME 4190", "PRIORITY", "ROME", ["DIRECTOR"], ["MADRID"]),
    ("DIR CITE\n\n0SL0 4190", None, "OSLO", ["DIRECTOR"], []),                 # the station's O read as 0
    ("DIR CITI\n\nPARI 9312", None, "PARIS", ["DIRECTOR"], []),                # the label misread
    ("SECRET 2910382 APR 68 CITE\n\n9432\n\nPRIORITY DIRECTOR INFO", "PRIORITY", None, ["DIRECTOR"], []),  # blanked
])
def test_a_cite_line_broken_after_its_label(lines, precedence, from_, to, info):
    r = parse(_BROKEN.format(lines=lines))
    assert (r.precedence, r.from_, _names(r.to), _names(r.info)) == (precedence, from_, to, info)


def test_a_misread_cite_label_and_station_are_reported():
    r = parse(_BROKEN.format(lines="DIR CITI\n\nPARI 9312"))
    assert any("CITE label" in m for m in _ocr_notes(r))
    assert r.mrn == "PARI 9312"


@pytest.mark.parametrize("lines", [
    "THE REQUEST. CIT\n\n4190 PERSONS",       # a sentence ending with a clipped word
    "FOR WHICH WE CITE\n\nPARI 9312",         # words before the label that are no address
    "DIR CITI\n\nAS 9312",                    # no station code below
])
def test_no_broken_cite_line_without_its_address_and_value(lines):
    r = parse(_BROKEN.format(lines=lines))
    assert r.from_ not in ("PARIS", "OSLO")


# -- the station named in full on the CITE line -----------------------------------------------------------
_FULL = "CLASSIFIED MESSAGE\n\nSECRET 2705532 MAY 78 STAFF\n\n{cite}\n\nTO: {to}\n\nWNINTEL\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("cite, from_, mrn", [
    ("CITE BUENOS AIRES 2310", "BUENOS AIRES", "BUENOS AIRES 2310"),
    ("CITE (DAR ES SALAAM) 1144", "DAR ES SALAAM", "DAR ES SALAAM 1144"),     # the release's brackets
    ("CITE CHONG KONG 59696", "HONG KONG", "HONG KONG 59696"),               # a bracket read as C
])
def test_a_station_named_in_full_on_the_cite_line(cite, from_, mrn):
    r = parse(_FULL.format(cite=cite, to="DIRECTOR."))
    assert (r.from_, r.mrn, _names(r.to)) == (from_, mrn, ["DIRECTOR"])


def test_a_garbled_station_name_on_the_cite_line_is_reported():
    r = parse(_FULL.format(cite="CITE CHONG KONG 59696", to="DIRECTOR."))
    assert any("'CHONG KONG' read as HONG KONG" in m for m in _ocr_notes(r))


@pytest.mark.parametrize("cite", [
    "CITE SOURCE REPORTS 2310",          # words that name no station
    "CITE GOOD FRIENDS 1144",
])
def test_words_after_cite_that_name_no_station_are_no_station(cite):
    assert parse(_FULL.format(cite=cite, to="DIRECTOR.")).mrn is None


@pytest.mark.parametrize("to", ["PRIORITY-DIRECTOR.", "PRIORITY DIRECTOR."])
def test_the_precedence_opening_a_staff_cables_to_line_is_no_addressee(to):
    r = parse(_FULL.format(cite="CITE LONDON 4521", to=to))
    assert (r.precedence, _names(r.to)) == ("PRIORITY", ["DIRECTOR"])


# -- the precedence typed before the CITE line's addressees, garbled ---------------------------------------
@pytest.mark.parametrize("line, precedence", [
    ("FRUITY DIR CITE WAVE 8962", "PRIORITY"),
    ("PRAT BELL CITE WAVE 6520", "PRIORITY"),
    ("OPT! DIR INFO WAVE CITE PARI 2629", "OPERATIONAL IMMEDIATE"),
    ("ROUTNIE DIR CITE WAVE 1234", "ROUTINE"),
])
def test_a_garbled_precedence_before_the_addressees_of_a_cite_line(line, precedence):
    r = parse(_CITE_LINE.format(line=line))
    assert r.precedence == precedence
    assert any("precedence on the CITE line" in m for m in _ocr_notes(r))


@pytest.mark.parametrize("line", [
    "PART MADR CITE WAVE 1234",       # a garbled code (PARI) before another addressee
    "SECRET DIR CITE WAVE 1234",      # a word far from every precedence
    "DIR INFO MADR CITE WAVE 1234",   # INFO before the info addressees
])
def test_a_word_before_the_addressees_that_is_no_precedence(line):
    assert parse(_CITE_LINE.format(line=line)).precedence is None


# -- an address line with INFO where no other address was read -------------------------------------------
_FORM_1968 = ("104-10000-10000\n\nMESSAGE FORM\n\nSECRET\n\n{address}\n\nREDTOP AEDONOR\n\nREF: BERN 2340\n\n"
              "1. TEXT OF THE CABLE.\n\nEND OF MESSAGE\n\nCITE DIRECTOR\n\n86405\n")


def test_an_address_line_with_info_stands_where_no_other_address_was_read():
    r = parse(_FORM_1968.format(address="BERN INFO GENEVA"))
    assert (_names(r.to), _names(r.info)) == (["BERN"], ["GENEVA"])


@pytest.mark.parametrize("address", [
    "BERN",                               # no INFO keyword: no line says it is the address
    "BERN INFO GENEVA SOURCE SAYS",       # words that name no addressee
])
def test_no_address_line_elsewhere_without_both_its_parts(address):
    assert _names(parse(_FORM_1968.format(address=address)).info) == []


# -- the text opening with REF after the REF line ---------------------------------------------------------
def test_a_line_opening_with_ref_after_the_ref_line_is_the_text_not_a_second_ref_line():
    # The staff cable's REF line, then its text speaking of the reference ('REF RECEIVED …'): the
    # first is the REF line (the station named in full on the CITE line makes it the header's end).
    text = ("CLASSIFIED MESSAGE\n\nSECRET 2705532 MAY 78 STAFF\n\nCITE HONG KONG 59696\n\nTO: DIRECTOR.\n\n"
            "WNINTEL\n\nREF: DIRECTOR 230113\n\nREF RECEIVED HONG KONG FOR PASSAGE TO FBIS.\n\nEND OF MESSAGE\n")
    assert [(x.station, x.serial) for x in parse(text).references] == [("DIRECTOR", 230113)]


# -- the address set row by row below the CITE label ------------------------------------------------------
# OCR of the CITE line's columns one after another: the label, the address row by row, then the
# station's code and serial.
_COLUMN = "104-10000-10000\n\nCLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\nIN 12345\n\nCITE\n\n{rows}\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("rows, from_, to, info", [
    ("DIR\n\nINFO\n\nMADR LOND\n\nPARI 4521", "PARIS", ["DIRECTOR"], ["MADRID", "LONDON"]),
    ("DIR\n\nINFO MADR\n\nPARI 4521", "PARIS", ["DIRECTOR"], ["MADRID"]),                  # label and row on one line
    ("DIR\n\nINFO\n\nPARI 4521", "PARIS", ["DIRECTOR"], []),                                # none informed
    ("DIR\n\nINFO\n\nMADR\n\nDESENSITIZED\n\nPARI 4521", "PARIS", ["DIRECTOR"], ["MADRID"]),  # a slug line between
])
def test_the_address_below_a_lone_cite_label_before_the_station_and_serial(rows, from_, to, info):
    r = parse(_COLUMN.format(rows=rows))
    assert (r.from_, _names(r.to), _names(r.info)) == (from_, to, info)


@pytest.mark.parametrize("rows", [
    "DIRECTOR\n\n12345",                       # headquarters' CITE line: its station below the label
    "DIR\n\nINFO\n\nMADR\n\nPLEASE ADVISE ALL STATIONS\n\nSTATION REPORTS\n\nPARI 4521",  # no code and serial after
])
def test_names_below_a_lone_cite_label_without_a_station_and_serial_after_them_are_no_address(rows):
    r = parse(_COLUMN.format(rows=rows))
    assert list(r.info) == [] and r.from_ != "PARIS"


def test_the_info_row_on_a_line_of_its_own_below_the_address_under_the_cite_line():
    text = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\nCITE DIR\n\nSJAN\n\nINFO WAVE\n\nRYBAT TYPIC\n\nREF SJAN 0684\n\n1. TEXT.\n"
    r = parse(text)
    assert (r.from_, _names(r.to), _names(r.info)) == ("DIRECTOR", ["SAN JUAN"], ["JMWAVE"])


def test_a_line_of_text_below_the_address_is_no_info_row():
    text = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\nCITE DIR\n\nSJAN\n\nINFORMATION FOLLOWS ON SUBJECT\n\nREF SJAN 0684\n\n1. TEXT.\n"
    assert list(parse(text).info) == []


# -- a precedence box's cross or word as OCR misread it ------------------------------------------------------
@pytest.mark.parametrize("first, second, precedence", [
    ("DEFERRED", "X| BOUTINE", "ROUTINE"),     # the crossed box's word garbled
    ("DEFERRED", "'X PRIORLTY", "PRIORITY"),
    ("DEFERRED", "I ROUTINE", "ROUTINE"),      # the cross read as a capital I, the other box bare
])
def test_a_marked_precedence_box_as_ocr_misread_it(first, second, precedence):
    r = parse(_BOXES.format(first=first, second=second))
    assert r.precedence == precedence
    assert any("precedence box" in m for m in _ocr_notes(r))


@pytest.mark.parametrize("first, second, precedence", [
    ("X ROUTINE", "I PRIORITY", "ROUTINE"),    # a cross read as a cross comes before a mark read as I
    ("I DEFERRED", "I ROUTINE", None),         # two boxes so marked: no choice read
    ("PAGE 2", "X MEXICO", None),              # a cross before no box's word
])
def test_a_mark_read_as_i_or_beside_no_box_word_is_not_taken(first, second, precedence):
    assert parse(_BOXES.format(first=first, second=second)).precedence == precedence


# -- station codes the CITE table lacked ---------------------------------------------------------------------
@pytest.mark.parametrize("code, station", [("MUNI", "MUNICH"), ("LUXE", "LUXEMBOURG"), ("HAMB", "HAMBURG"), ("TEGU", "TEGUCIGALPA"),
                                           ("MANI", "MANILA")])   # (MANILA, the code MUNI was read as, stays)
def test_the_cite_codes_of_munich_luxembourg_hamburg_and_tegucigalpa(code, station):
    r = parse(f"CLASSIFIED MESSAGE\n\nSECRET\n\nPRIORITY DIR INFO PARI CITE {code} 4521\n\n1. TEXT.\n")
    assert r.from_ == station


# -- EYES ONLY: a control where it opens its line, a person's restriction or text after words ----------------
_EYES = "CLASSIFIED MESSAGE\n\nSECRET\n\n{line}\n\nPRIORITY DIR INFO PARI CITE ROME 4521\n\nRYBAT TYPIC\n\n1. TEXT.\n"


@pytest.mark.parametrize("line, captions", [
    ("EYES ONLY", ["EYES ONLY", "RYBAT"]),
    ('"EYES ONLY"', ["EYES ONLY", "RYBAT"]),                                     # in the routing box's quotes
    ("INFO (NAIROBI) (EYES ONLY SMITH)", ["RYBAT"]),                             # one addressee's copy to a person
    ("PASS TO THE ATTORNEY GENERAL, EYES ONLY", ["RYBAT"]),                     # a passing instruction
])
def test_eyes_only_is_a_control_only_where_it_opens_its_line(line, captions):
    assert list(parse(_EYES.format(line=line)).captions) == captions


# -- the staff cable's message line with its time group's Z misread -------------------------------------------
_STAFF_Z = "SECRET\n\nSTAFF\n\nCITE\n\n{line}\n\nTO: PRIORITY MEXICO CITY.\n\nSLUGS: WNINTEL\n\nTEXT:\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("line", ["2316462 DIRECTOR 784515", "2316467 DIRECTOR 784515"])
def test_a_staff_message_line_whose_z_ocr_read_as_2_or_7(line):
    r = parse("104-10000-10000\n\n" + _STAFF_Z.format(line=line))
    assert (r.from_, r.dtg) == ("DIRECTOR", "231646Z")
    assert any("time group" in m for m in _ocr_notes(r))


def test_a_message_line_whose_time_group_ends_in_no_lookalike_of_z_is_not_read():
    r = parse("104-10000-10000\n\n" + _STAFF_Z.format(line="2316468 DIRECTOR 784515"))
    assert r.dtg != "231646Z"


# -- the address line OCR set above a CITE line that holds none -----------------------------------------------
_ABOVE = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\nSECRET 291655Z\n\n{line}\n\nCITE ROME 1258\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("line, precedence, to, info", [
    ("PRIORITY DIR INFO PARI MADR COPE", "PRIORITY", ["DIRECTOR"], ["PARIS", "MADRID", "COPENHAGEN"]),
    ("DIR INFO PARI", None, ["DIRECTOR"], ["PARIS"]),
])
def test_the_address_line_above_a_cite_line_that_holds_none(line, precedence, to, info):
    r = parse(_ABOVE.format(line=line))
    assert (r.precedence, r.from_, _names(r.to), _names(r.info)) == (precedence, "ROME", to, info)


@pytest.mark.parametrize("line", [
    "PRIORITY WILL BE GIVEN TO PARI",      # a sentence opening with a precedence word
    "INFORMATION ON PARI AND MADR",        # INFO only inside a word
])
def test_a_line_above_the_cite_line_that_is_no_address_line_is_not_read(line):
    assert list(parse(_ABOVE.format(line=line)).info) == []


# -- JMWAVE misread in its middle -----------------------------------------------------------------------------
@pytest.mark.parametrize("written", ["JIVAVE", "JARAVE", "JHAVE", "JUWAVE"])
def test_jmwave_misread_in_its_middle_is_jmwave(written):
    r = parse(f"CLASSIFIED MESSAGE\n\nSECRET\n\nSECRET 0912302 MAR 69 CITE PARIS 4521\n\n{written} INFO DIRECTOR\n\n1. TEXT.\n")
    assert (_names(r.to), _names(r.info)) == (["JMWAVE"], ["DIRECTOR"])


def test_a_cite_code_misread_so_is_wave():
    r = parse("CLASSIFIED MESSAGE\n\nSECRET\n\nPRIORITY DIR CITE JIVE 3415\n\n1. TEXT.\n")
    assert r.from_ == "JMWAVE"


@pytest.mark.parametrize("written", ["JAMES", "JUVENILE"])   # no closing VE
def test_words_that_are_no_misreading_of_jmwave_are_not_read_so(written):
    r = parse(f"CLASSIFIED MESSAGE\n\nSECRET\n\nSECRET 0912302 MAR 69 CITE PARIS 4521\n\n{written} INFO DIRECTOR\n\n1. TEXT.\n")
    assert "JMWAVE" not in _names(r.to)


# -- the FROM box's label as OCR misread it -------------------------------------------------------------------
_FROM_BOX = "CLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\nTO : MEXICO CITY\n\n{line}\n\nINFO: DDP, C/WH 5\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("line", ["MOM, DIRECTOR", "mon DIRECTO?", "ROM: DIRECTOR", "FRUM: DIRECTOR", "F8OM. DIRECTOR"])
def test_the_from_box_with_its_label_misread(line):
    r = parse("104-10000-10000\n\n" + _FROM_BOX.format(line=line))
    assert (r.from_, _names(r.to)) == ("DIRECTOR", ["MEXICO CITY"])


@pytest.mark.parametrize("line", ["TOM, PARKER", "ROM: THE FILES OF THE CASE", "MOM AND DAD"])
def test_a_word_like_the_from_label_before_no_known_name_gives_no_originator(line):
    assert parse("104-10000-10000\n\n" + _FROM_BOX.format(line=line)).from_ is None


# -- the address of headquarters' CITE line with its label misread --------------------------------------------
_CHE = "104-10000-10000\n\nCLASSIFIED MESSAGE\n\nSECRET\n\nROUTING\n\n{lines}\n\n1. TEXT OF THE CABLE.\n"


@pytest.mark.parametrize("lines, to", [
    ("LAPA\n\nINFO\n\nCHE DIR\n\n19557", ["LA PAZ"]),            # the address box above
    ("INFO:\n\nCHE DIR.\n\nWAVE\n\n06846", ["JMWAVE"]),           # the address row below
])
def test_the_address_of_a_cite_dir_line_whose_label_ocr_misread(lines, to):
    r = parse(_CHE.format(lines=lines))
    assert (r.from_, _names(r.to)) == ("DIRECTOR", to)


def test_the_from_box_value_above_a_misread_cite_dir_line_is_no_address():
    assert list(parse(_CHE.format(lines="FROM:\n\nCONF: C/WH 5\n\n•DIRECTOR\n\nCIL DIR\n\n•1.")).to) == []


# -- the precedence opening a staff cable's typed TO line ------------------------------------------------------
@pytest.mark.parametrize("to, precedence", [
    ("TO: PRIORITY WNSB, LUXEMBOURG.", "PRIORITY"),     # before a name the tables do not hold
    ("TO: IMMEDIATE-DIRECTOR.", "IMMEDIATE"),            # joined to the addressee by a hyphen
    ("TO: LUXEMBOURG.", None),                           # none typed
])
def test_the_precedence_that_opens_a_staff_cables_to_line(to, precedence):
    text = "104-10000-10000\n\nSECRET\n\nSTAFF 270057Z DIRECTOR 230113\n\n" + to + "\n\nWNINTEL RYBAT\n\n1. TEXT OF THE CABLE.\n"
    assert parse(text).precedence == precedence


# -- the outgoing form's TO box, its label lost, around the FROM row naming headquarters ------------------
# The outgoing message form prints TO above FROM; OCR of the form loses the TO label and leaves the
# addressees alone on the rows next to the FROM row ('FROM: DIRECTOR', as OCR garbles it).
_OUTGOING = ("104-10000-10000\n\nCLASSIFIED MESSAGE\n\nSECRET\n\nDATE: 14 MAR 63\n\n{above}\n\n{from_row}\n\n{below}"
             "CONF: C/WH 5\n\nINFO: DDP, C/CI\n\n1. HQS REQUESTS STATION VIEWS ON PROPOSED MEETING.\n\nEND OF MESSAGE\n")


@pytest.mark.parametrize("above, from_row, below, to", [
    ("LISBON", "FROM: DIRECTOR", "", ["LISBON"]),
    ("VIENNA, ZURICH", "FRON DIRECTOP", "", ["VIENNA", "ZURICH"]),            # label and name garbled
    ("JUVAVE\n\nci", "DIRECTOR", "", ["JMWAVE"]),                            # a speck between, no label
    ("OSLO", "FROM: DIRECTOR", "ls\n\nHELSINKI\n\n", ["OSLO", "HELSINKI"]),  # a row read after FROM
])
def test_the_to_rows_around_a_from_row_naming_headquarters_are_the_to_box(above, from_row, below, to):
    r = parse(_OUTGOING.format(above=above, from_row=from_row, below=below))
    assert (r.from_, _names(r.to)) == ("DIRECTOR", to)


def test_a_garbled_name_of_the_to_rows_is_reported():
    r = parse(_OUTGOING.format(above="JUVAVE", from_row="FROM: DIRECTOR", below=""))
    assert any("'JUVAVE' read as JMWAVE" in m for m in _ocr_notes(r))


@pytest.mark.parametrize("above, from_row", [
    ("LISBON", "TO: DIRECTOR"),          # the incoming form's TO box: DIRECTOR is the addressee
    ("HQS REGRETS LISBON", "DIRECTOR"),  # a line of text above, not a row of names
    ("14 MAR 63 LISBON", "DIRECTOR"),    # a date line
])
def test_rows_above_a_director_line_that_is_no_from_row_are_not_the_to_box(above, from_row):
    r = parse(_OUTGOING.format(above=above, from_row=from_row, below=""))
    assert "LISBON" not in _names(r.to) and r.from_ is None


def test_no_to_rows_are_read_above_director_in_a_cable_whose_cite_line_names_a_station():
    text = _OUTGOING.format(above="LISBON", from_row="DIRECTOR", below="").replace("END OF MESSAGE", "CITE MADR 4521")
    r = parse(text)
    assert (r.from_, _names(r.to)) == ("MADRID", ["DIRECTOR"])


# -- the address box's INFO label keeping the first info codes on its line ----------------------------------
@pytest.mark.parametrize("box, to, info", [
    ("ROME\n\nINFO PARI", ["ROME"], ["PARIS"]),
    ("ROME\n\nINFO PARI\n\nMADR.\n\nBONN LOND", ["ROME"], ["PARIS", "MADRID", "BONN", "LONDON"]),  # rows below it too
    ("ROME\n\nINFO: FARI MADR", ["ROME"], ["PARIS", "MADRID"]),                                    # a code garbled
])
def test_an_info_label_with_the_first_info_row_on_its_line(box, to, info):
    r = parse(_BOX.format(box=box))
    assert (_names(r.to), _names(r.info)) == (to, info)


@pytest.mark.parametrize("box", [
    "ROME\n\nINFO HQS PLEASE ADVISE",      # words after the label, not codes
    "ROME\n\nINFO PARI\n\nPLEASE ADVISE SOONEST",  # a line of words below: no box
])
def test_an_info_label_with_words_after_it_is_no_address_box(box):
    assert _names(parse(_BOX.format(box=box)).info) == []


def test_the_identification_forms_values_read_as_a_column_are_no_to_rows():
    # OCR of the JFK identification form may read its labels and its values as two columns: the
    # values one to a line ('CIA' / 'LISBON' / 'DIRECTOR' for ORIGINATOR, FROM and TO), no FROM row.
    form = ("Date: 06/21/96\n\nPage: 1\n\nJFK ASSASSINATION SYSTEM\n\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\n"
            "AGENCY :\n\nRECORD NUMBER\n\nDOCUMENT INFORMATION\n\nORIGINATOR\n\nFROM\n\nTO\n\nTITLE\n\nDATE\n\nCOMMENTS\n\n"
            "CIA\n\nLISBON\n\nDIRECTOR\n\nPAPER, TEXTUAL DOCUMENT\n\n")
    r = parse(form + _OUTGOING.format(above="", from_row="", below=""))
    assert (r.from_, _names(r.to)) == (None, [])
