"""Body rules of the eighth accuracy round: paragraph numbers after an editor's omission,
misprinted repeats, numbered lists inside marked paragraphs, and where the signer stands."""

from __future__ import annotations

import pytest

from cablegram import parse

HEAD = "R 141200Z FEB 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nSUBJECT: A TEST\n\n"


def numbers(body: str) -> list[int | None]:
    return [p.number for p in parse(HEAD + body).paragraphs if p.number is not None]


# -- paragraph numbers after an omission ---------------------------------------------------------

def test_numbers_resume_far_ahead_after_an_omission_note():
    body = ("1. The Minister received me this morning.\n\n2. He spoke of the harvest.\n\n"
            "[Omitted here are paragraphs 3-9 on the grain talks.]\n\n"
            "10. He closed with a word on the visit.\n\n11. We shall report further.\n")
    assert numbers(body) == [1, 2, 10, 11]


def test_an_excerpt_may_open_at_any_number_after_the_note():
    body = ("Participants: the Ambassador, the Minister.\n\n[Omitted here is discussion of trade.]\n\n"
            "14. The Minister turned to the border.\n\n15. He asked for our help.\n")
    assert numbers(body) == [14, 15]


def test_a_heading_may_stand_between_the_note_and_the_number():
    body = ("1. Opening remarks.\n\n[Omitted here is information unrelated to the region]\n\n"
            "PART IV - THE REGION\n\n30. THE MINISTER SAID HE WAS WORRIED.\n")
    assert numbers(body) == [1, 30]


def test_a_bracketed_stamp_is_no_omission():
    body = ("1. The Minister received me.\n\n2. He spoke of the harvest.\n\n[Restricted]\n\n"
            "12. He closed with a word on the visit.\n")
    assert numbers(body) == [1, 2]


def test_without_a_note_a_number_far_ahead_is_no_paragraph():
    body = ("1. The Minister received me.\n\n2. He spoke of the harvest. The crop\nwill be\n\n"
            "12. He closed with a word on the visit.\n")
    assert numbers(body) == [1, 2]


def test_an_editors_word_inside_a_sentence_is_no_omission():
    body = ("1. The Minister [sic, Deputy Minister] received me.\n\n"
            "12. He closed with a word on the visit.\n")
    assert numbers(body) == [1]


# -- a misprinted repeat -------------------------------------------------------------------------

def test_a_number_repeated_before_the_one_after_next_is_a_misprint():
    body = ("1. I called on the Minister.\n\n1. He raised the loan.\n\n3. I said we would reply.\n\n"
            "4. Comment follows.\n")
    assert numbers(body) == [1, 2, 3, 4]


def test_a_number_the_cable_repeats_before_the_next_one_stays():
    body = ("1. PARTICIPANTS.\n\n1. THE PRESIDENT OPENED THE TALKS.\n\n2. THE MINISTER REPLIED.\n")
    assert numbers(body) == [1, 1, 2]


# -- a numbered list inside a marked paragraph ---------------------------------------------------

def test_a_list_numbered_from_one_inside_a_marked_paragraph_is_no_run_of_paragraphs():
    body = ("1. (C) The talks went well.\n\n2. (SBU) The two sides agreed these outcomes:\n\n"
            "1. We agreed to meet again.\n\n2. We agreed to share data.\n\n3. We agreed on visas.\n\n"
            "4. We agreed on a fund.\n\n"
            "3. (C) Comment: a modest result.\n")
    assert numbers(body) == [1, 2, 3]


def test_in_an_unmarked_cable_a_restart_is_read_as_before():
    body = ("1. The talks went well.\n\n2. The two sides agreed these outcomes:\n\n"
            "1. We agreed to meet again.\n\n2. We agreed to share data.\n\n3. We agreed on visas.\n\n"
            "4. Comment: a modest result.\n")
    assert numbers(body) == [1, 2, 2, 3, 4]


def test_a_marked_number_ends_the_list():
    body = ("1. (C) Outcomes:\n\n1. We agreed to meet.\n\n2. (C) Comment: a modest result.\n")
    assert numbers(body) == [1, 2]


# -- what stands below the signer ----------------------------------------------------------------

def signature(body: str) -> str | None:
    return parse(HEAD + body).signature


def test_the_communications_centres_note_stands_below_the_signer():
    assert signature("1. WE AGREE.\n\n2. PLEASE ADVISE.\nKISSINGER\n\nNOTE BY OC/T: POUCHED ROME.\n") == "KISSINGER"


def test_a_capitalised_title_cut_short_stands_below_the_signer():
    assert signature("1. (U) The vote is set for June.\nSMITH\n\nTHE MINISTER'S VI...\n") == "SMITH"


def test_a_sentence_trailing_off_is_text_not_a_trailer():
    # The capitalised line above it is a heading of the text, not a signer.
    assert signature("1. (U) The vote is set.\n\nNEXT STEPS\n\nWe shall see what the week brings...\n") is None


def test_a_note_without_a_signer_above_gives_none():
    assert signature("1. WE AGREE WITH THE PLAN.\n\nNOTE BY OC/T: POUCHED ROME.\n") is None


def test_a_glued_name_the_text_gives_with_a_signers_title_is_the_signer():
    body = ("1. (C) On May 8, Ambassador Lindqvist met the Minister.\n\n"
            "2. (C) The group will report by the end of June. Lindqvist\n")
    assert signature(body) == "Lindqvist"


def test_a_glued_word_the_text_uses_without_the_title_is_no_signer():
    body = ("1. (C) The Ambassador met the Minister in Geneva.\n\n"
            "2. (C) The group will meet again in Geneva. Geneva\n")
    assert signature(body) is None


def test_an_archives_record_row_run_onto_the_signers_line_is_cut_away():
    body = ("1. (C) The talks went well.\n\n"
            "2. (C) Comment: we expect more. End comment. HALVORSEN 0 04/02/2007 5512 PREL,PGOV,NO "
            "TALKS GO WELL The talks went well.\n")
    r = parse(HEAD + body)
    assert r.signature == "HALVORSEN"
    assert "5512" not in r.paragraphs[-1].text


def test_a_date_in_prose_at_the_end_is_no_record_row():
    body = "1. (C) The vote was held 12 04/02/2007 as planned, a slow count.\n"
    r = parse(HEAD + body)
    assert r.signature is None and r.paragraphs[-1].text.endswith("a slow count.")


# -- a paragraph number run on after a sentence --------------------------------------------------

def test_the_missing_number_run_on_after_a_sentence_opens_its_paragraph():
    r = parse(HEAD + "1. The Minister received me.\n\n2. He spoke of the harvest. 3. He then raised the loan.\n\n"
                     "4. We shall report further.\n")
    assert [p.number for p in r.paragraphs] == [1, 2, 3, 4]
    assert r.paragraphs[1].text == "He spoke of the harvest."
    assert r.paragraphs[2].text == "He then raised the loan."


def test_a_number_inside_a_sentence_where_the_numbers_run_in_order_stays_text():
    r = parse(HEAD + "1. The Minister received me.\n\n2. He cited para 1. 3. We noted it.\n\n3. We shall report.\n")
    assert [p.number for p in r.paragraphs] == [1, 2, 3]
    assert r.paragraphs[1].text == "He cited para 1. 3. We noted it."


def test_only_the_number_due_is_split_off():
    body = "1. The Minister received me.\n\n2. He cited 5. Then he left.\n\n4. We shall report.\n"
    assert numbers(body) == [1, 2, 4]


def test_a_run_on_paragraph_keeps_its_own_portion_mark():
    r = parse(HEAD + "1. (C) The Minister received me.\n\n2. (C) He spoke of the harvest. 3. (S) He raised the loan.\n\n"
                     "4. (C) We shall report further.\n")
    assert [(p.number, p.portion) for p in r.paragraphs] == [(1, "C"), (2, "C"), (3, "S"), (4, "C")]


def test_a_signers_title_is_found_before_the_name_whatever_the_text_holds():
    body = ("1. (C) On May 8 in İzmir, Ambassador Lindqvist met the Minister.\n\n"
            "2. (C) The group will report by the end of June. Lindqvist\n")
    assert signature(body) == "Lindqvist"


def test_the_title_must_stand_before_the_whole_name():
    from cablegram.parse.signature import _named_with_a_signers_title as named
    assert named("Classified By: Ambassador Karl J. Lindqvist, reasons 1.4 (b)", "Lindqvist")
    assert not named("Ambassador Lindqvistson met the lindqvist family", "Lindqvist")
    assert not named("The Ambassador met them in Geneva.", "Geneva")


# -- paragraph 1's number lost on a released copy --------------------------------------------------
RELEASED = ("RELEASED IN FULL\n\nR 141200Z FEB 69\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nSUBJECT: A TEST\n\n"
            "{first}\n\n2. HE SPOKE OF THE HARVEST.\n\n3. WE SHALL REPORT FURTHER.\n")


def test_on_a_released_copy_the_text_before_paragraph_2_is_paragraph_1_inferred():
    rec = parse(RELEASED.format(first="'Le THE MINISTER RECEIVED ME THIS MORNING."))
    assert [p.number for p in rec.paragraphs] == [1, 2, 3]
    assert rec.paragraphs[0].text.endswith("RECEIVED ME THIS MORNING.")
    assert any("paragraph 1's number inferred" in note for note in rec.notes)


def test_scraps_between_the_text_and_paragraph_2_are_passed_over():
    rec = parse(RELEASED.format(first="THE MINISTER RECEIVED ME THIS MORNING.\n\ncoe Le q"))
    assert [p.number for p in rec.paragraphs] == [1, None, 2, 3]


def test_a_born_digital_cable_numbering_from_2_is_read_as_written():
    # No release layer: a cable may open with an unnumbered summary and number from 2.
    text = RELEASED.replace("RELEASED IN FULL\n\n", "").format(first="SUMMARY: THE MINISTER RECEIVED ME. END SUMMARY.")
    rec = parse(text)
    assert [p.number for p in rec.paragraphs] == [None, 2, 3]
    assert not any("inferred" in note for note in rec.notes)


def test_no_inference_where_paragraph_1_was_read_or_nothing_stands_before_2():
    rec = parse(RELEASED.format(first="1. THE MINISTER RECEIVED ME THIS MORNING."))
    assert [p.number for p in rec.paragraphs] == [1, 2, 3]
    assert not any("inferred" in note for note in rec.notes)
    rec = parse(RELEASED.format(first=""))
    assert [p.number for p in rec.paragraphs] == [2, 3]


# -- paragraph 1 with OCR's comma for its stop -----------------------------------------------------
# (A CITE line whose station OCR lost, and no blank line after the REF: the header scanner reads on.)
CIA_REF = "SECRET 2315562 MAY 78 STAFF\nCITE 22196\nTO: DIRECTOR INFO\nREF: STATE 129679\n{first}\n2. NATURE OF VISIT NOT EXPLAINED.\n"


def test_paragraph_1_with_a_comma_ends_the_ref_block_and_opens_the_text():
    rec = parse(CIA_REF.format(first="1, (BASE) HAS JUST RECEIVED COPY OF REF WHICH ADVISES OF\nVISIT TO GUAYAQUIL ON 29 MAY."))
    assert [p.number for p in rec.paragraphs] == [1, 2]
    assert rec.paragraphs[0].text.startswith("(BASE) HAS JUST RECEIVED")  # the number and its comma are not text
    assert [(r.station, r.serial) for r in rec.references] == [("STATE", 129679)]


def test_a_comma_after_another_number_opens_no_text():
    # '12, DECEMBER': the REF item's date wrapped, no paragraph.
    rec = parse(CIA_REF.format(first="12, 1, 2 AND 3 OF THE REF WERE READ."))
    assert 12 not in [p.number for p in rec.paragraphs]


# -- the 1960s telegram's close: signer, typist's reference, then notes or debris ---------------------
CLOSE = ("INCOMING TELEGRAM Department of State\n\nCONFIDENTIAL\n\nFROM: Oslo\nTO: Secretary of State\n"
         "NO: 2, June 5, 4 p.m.\n\n" + "Shipping news as reported above is confirmed by the ministry today.\n\n" * 8 + "{close}\n")


@pytest.mark.parametrize("close, signer", [
    ("WHARTON\n\nDMJ/19\n\nPaanes nanra-anennnes on =", "WHARTON"),   # debris below the reference
    ("LOEB\n\nDLW aNARS, Date 9119/80", "LOEB"),                        # a stamp run onto the reference
    ("GULLION\n\nLM:\n\nCJ/1", "GULLION"),                               # two references, one with a colon
    ("DEAN\n\nLIR/ 2", "DEAN"),                                            # a blank after the slash
    ("WHARTON\n\nEND OF DOCUMENT\n\nPaanes nanra", None),               # capitals after the word: no reference
])
def test_the_signer_above_the_typists_reference(close, signer):
    rec = parse(CLOSE.format(close=close))
    assert rec.signature == signer
    if signer:
        assert all(signer not in p.text for p in rec.paragraphs)


# -- the first paragraphs' numbers lost, the rest of the count plain -------------------------------
def test_a_count_that_opens_past_3_is_read_where_it_runs_on_in_order():
    body = ("THE SUBJECT CALLED THE STATION LATE IN THE AFTERNOON.\n\n"
            "4. CHECK WITH COMMERCIAL SECTION REVEALS SUBJ KNOWN.\n\n5. MOST LIKELY EXPLANATION IS MONEY.\n\n"
            "6. IF SUBJ SAYS SHE UNWILLING, WILL ADVISE.\n\n7. INDEX.\n")
    assert numbers(body) == [4, 5, 6, 7]


def test_a_number_past_3_that_no_run_follows_opens_no_paragraph():
    body = ("THE SUBJECT CALLED THE STATION LATE IN THE AFTERNOON.\n\n"
            "40. PERCENT OF THE CROP WAS LOST.\n\n5. MOST LIKELY EXPLANATION IS MONEY.\n")
    assert numbers(body) == []
    body = "THE SUBJECT CALLED.\n\n4. CHECK REVEALS SUBJ KNOWN.\n\n6. IF SUBJ SAYS SHE UNWILLING.\n\n7. INDEX.\n"
    assert numbers(body) == []  # 4, 6, 7: no run of three in order


def test_a_paragraph_opening_with_a_curly_quote_ends_the_subject():
    text = ("SECRET\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\nSUBJECT: TRAVEL OF THE SUBJECT\n"
            "1. \u2018THE FOLLOWING INFORMATION HAS BEEN GATHERED.\n2. NOTHING MORE.\n")
    rec = parse(text)
    assert rec.subject == "TRAVEL OF THE SUBJECT"
    assert [p.number for p in rec.paragraphs] == [1, 2]


# -- double-spaced typed pages: the blank line after every line is spacing, not a paragraph break -----
TYPED = ("INCOMING TELEGRAM Department of State\n\nCONFIDENTIAL\n\nFROM: Dublin\n\nACTION: Secstate\n\n"
         "In view unique identification with late President Kennedy,\n\n"
         "Irish will be intensely interested Warren Commission Report.\n\n"
         "While not normally beneficiary USIA support, post urges\n\n"
         "in this instance that all material prepared for press and\n\n"
         "TV be expeditiously and abundantly provided, including at\n\n"
         "least 35 copies basic report.\n\n"
         "Embassy officer will call on the Foreign Office tomorrow to\n\n"
         "discuss distribution of the report in Ireland and abroad.\n\n"
         "CHALKER\n")


def test_double_spaced_lines_join_into_paragraphs_that_end_at_a_short_sentence_end():
    rec = parse(TYPED)
    texts = [p.text for p in rec.paragraphs]
    assert texts[-2:] == ["In view unique identification with late President Kennedy, Irish will be intensely interested "
                     "Warren Commission Report. While not normally beneficiary USIA support, post urges in this instance "
                     "that all material prepared for press and TV be expeditiously and abundantly provided, including at "
                     "least 35 copies basic report.",
                     "Embassy officer will call on the Foreign Office tomorrow to discuss distribution of the report in "
                     "Ireland and abroad."]
    assert rec.signature == "CHALKER"


def test_numbered_paragraphs_of_a_double_spaced_page_are_one_line_each():
    text = TYPED.replace("In view unique", "1. In view unique").replace("Embassy officer", "2. Embassy officer")
    rec = parse(text)
    assert [p.number for p in rec.paragraphs] == [1, 2]
    assert "\n" not in rec.paragraphs[0].text and rec.paragraphs[0].text.endswith("basic report.")


def test_one_long_line_a_paragraph_keeps_its_paragraphs():
    # Blank lines between long lines (a published extract, FRUS): each line is a paragraph.
    para = "The minister said the talks would resume next week and that the government would not change its position. "
    text = "SUBJECT: TALKS\n\n" + "\n\n".join([para * 2] * 7) + "\n"
    assert len(parse(text).paragraphs) == 7


# -- a number as OCR leaves it, after a paragraph whose number OCR lost ------------------------------
def test_an_ocr_number_one_past_the_next_due_opens_its_paragraph_after_a_sentence():
    # Paragraph 3's number was lost at the page's edge; 4 has its stop read as a comma, 5 as S.
    body = ("1. THE MINISTER RECEIVED ME.\n\n2. HE SPOKE OF THE HARVEST.\n\n"
            "ALSO RAISED THE LOAN AGAIN.\n\n4, WE SHALL REPORT FURTHER.\n\nS. INDEX.\n")
    assert numbers(body) == [1, 2, 4, 5]
    body = "1. THE MINISTER RECEIVED ME.\n\n2. HE SPOKE OF THE HARVEST.\n\n{}, WE SHALL REPORT FURTHER.\n"
    assert numbers(body.format(5)) == [1, 2, 5]  # two numbers lost, as the plain gap rule allows
    assert numbers(body.format(6)) == [1, 2]  # three: too far


def test_an_ocr_number_past_the_next_due_is_not_read_inside_a_sentence():
    body = ("1. THE MINISTER RECEIVED ME.\n\n2. HE LISTED THE COSTS OF\n"
            "4, FUEL TANKS AND BOATS WHICH WE PAID.\n")
    assert numbers(body) == [1, 2]
    body = ("1. THE MINISTER RECEIVED ME.\n\n2. HE LISTED THE COSTS,\n"
            "4, FUEL TANKS AND BOATS WHICH WE PAID.\n")
    assert numbers(body) == [1, 2]  # a comma ends a wrapped line of a list, not a sentence


def test_before_paragraph_1_an_ocr_number_is_read_only_as_1():
    body = "THE SUBJECT CALLED THE STATION.\n\n2, HE ASKED FOR MONEY.\n"
    assert numbers(body) == []


@pytest.mark.parametrize("close, signer", [
    ("its \u201cwar heroes.\u201d BUTENIS", "BUTENIS"),  # a typeset closing quotation mark before the signer
    ("the \u2018heroes.\u2019 BUTENIS", "BUTENIS"),
    ('its "war heroes." BUTENIS', "BUTENIS"),
])
def test_the_signer_run_on_after_a_closing_quotation_mark(close, signer):
    r = parse(HEAD + "1. Such an approach would seem to play into the rhetoric of " + close + "\n")
    assert r.signature == signer


def test_capitals_after_a_closing_quotation_mark_inside_the_line_are_no_signer():
    r = parse(HEAD + "1. He spoke of \u201cwar heroes.\u201d BUTENIS and others agreed.\n")
    assert r.signature is None


# -- a paragraph number OCR set apart from its text ---------------------------------------------------
def test_a_number_alone_on_its_line_opens_the_text_below_it():
    body = ("1. THE STATION RECEIVED THE REQUEST.\n\n2.\n\nIN DISCUSSING REF WITH THE PUBLIC AFFAIRS STAFF\n"
            "THEY THOUGHT IT PREFERABLE.\n\n3. INDEX.\n")
    r = parse(HEAD + body)
    assert [p.number for p in r.paragraphs] == [1, 2, 3]
    assert r.paragraphs[1].text.startswith("IN DISCUSSING REF")


@pytest.mark.parametrize("below", [
    "246",  # a number: a form's box, not text
    "saLe",  # OCR debris in lower case
    "",  # nothing follows
])
def test_a_number_alone_with_no_sentence_below_opens_no_paragraph(below):
    body = "1. THE STATION RECEIVED THE REQUEST.\n\n2.\n\n" + below + "\n"
    assert numbers(body) == [1]
