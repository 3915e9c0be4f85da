"""The 1960s incoming telegram in capitals with no SUBJECT line, its FROM line with OCR debris after
the post, and FRUS headings and source notes printed with a footnote marker or commas. The texts
are made up in the style of the telegrams; each rule has a near case."""

from __future__ import annotations

import pytest

from cablegram import parse
from cablegram.parse.header import _is_prose
from cablegram.parse.header_blocks import _station_before_specks

# -- a 1960s incoming telegram: header, then the text in capitals with no SUBJECT line ------------
INCOMING = """INCOMING TELEGRAM Department of State

TOP SECRET
Control: 15256
Rec'd: OCTOBER 19, 1963
FROM: SAIGON a ei 6256 AM
TO: Secretary of State
NO: 748, OCTOBER 19, 1 PM

ACTION DEPARTMENT 748, INFORMATION CINCPAC 439.

DEPTEL 558 REQUESTED AN EVALUATION ON A CONTINUING BASIS
OF THE EFFECT OF US ACTIONS ON THE WAR. THE FOLLOWING
ASSESSMENTS REFLECT THE COMBINED JUDGMENT OF THE TASK FORCE.
PEOPLE IN THE COUNTRYSIDE ARE LARGELY UNAWARE OF RECENT
DEVELOPMENTS, AND IF AWARE DO NOT FEEL THAT THEY AFFECT THEIR
LIVES DIRECTLY. AMONG THE EDUCATED CLASSES IN URBAN AREAS
A GENERAL AURA OF UNREST PERSISTS BENEATH THE SURFACE.
THE REACTION OF THE BUSINESS COMMUNITY IS THE MOST MARKED.

2. ECONOMIC. KEY PRICES OF IMPORTS ROSE DURING THE WEEK.

A. THE PROPOSAL

TO RELOCATE CORPS BOUNDARIES IN ORDER TO PLACE GREATER EMPHASIS
IN DELTA HAS BEEN ADOPTED BY THE PRESIDENT.

3. MILITARY. NO CHANGE.

LODGE
"""


def test_text_in_capitals_ends_the_header_of_a_telegram_without_subject():
    rec = parse(INCOMING)
    assert [a.canonical or a.name for a in rec.to] == ["SECSTATE WASHDC"]
    assert [a.name for a in rec.info] == ["CINCPAC"]
    assert [p.number for p in rec.paragraphs if p.number is not None] == [2, 3]
    assert rec.paragraphs[0].text.startswith("DEPTEL 558 REQUESTED")


@pytest.mark.parametrize("line", [
    "OF THE EFFECT OF US ACTIONS ON THE WAR. THE FOLLOWING",
    "DEVELOPMENTS, AND IF AWARE DO NOT FEEL THAT THEY AFFECT THEIR",
])
def test_a_line_of_capitals_with_function_words_is_running_text(line):
    assert _is_prose(line)


@pytest.mark.parametrize("line", [
    "EYES ONLY FOR THE SECRETARY",  # a caption: too few words
    "AMEMBASSY LONDON AMEMBASSY PARIS AMEMBASSY ROME AMEMBASSY BONN",  # an address list: no function words
    "E.O. 11652: GDS TAGS: PFOR, UR, US, OVIP (NIXON, RICHARD M.)",
    "REPRODUCTION FROM THIS COPY IS PROHIBITED UNLESS UNCLASSIFIED",  # one function word
])
def test_header_lines_in_capitals_are_not_running_text(line):
    assert not _is_prose(line)


# -- FROM: the post, then OCR's lower-case debris -------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("SAIGON a ei 6256 AM", "SAIGON"),
    ("NEW DELHI ae 1015 PM", "NEW DELHI"),
    ("SAIGON", "SAIGON"),  # nothing after it
    ("Dublin", "Dublin"),  # typed in mixed case: left as written
    ("SAIGONX a ei", "SAIGONX a ei"),  # no known post before the debris: left as written
    ("AMEMBASSY SAIGON", "AMEMBASSY SAIGON"),
])
def test_from_keeps_the_post_before_lower_case_debris(value, expected):
    assert _station_before_specks(value) == expected


def test_from_line_with_debris_gives_the_post_and_the_telegram_id():
    rec = parse(INCOMING)
    assert rec.from_ == "AMEMBASSY SAIGON"
    assert rec.id == "1963SAIGON000748"


# -- FRUS: a footnote marker after the time, markings separated by commas --------------------------
FRUS = """87. Telegram 116458 From the Department of State to the Embassy in Nigeria{head_date}
Source: National Archives, RG 59, Central Files 1967-69, POL 27-9. {markings} Drafted by Sherry (AF/W); approved by Richardson.
{dateline}

1. Letter from President follows septel.
"""


@pytest.mark.parametrize("head_date, dateline", [
    ("", "Washington, July 15, 1969, 0317Z1"),  # the footnote's number after the time
    (", July 15, 1969, 0317Z1", "July 15, 1969, 0317Z1"),
    ("", "Washington, July 15, 1969, 0317Z."),
])
def test_frus_dateline_time_with_a_footnote_marker(head_date, dateline):
    rec = parse(FRUS.format(head_date=head_date, dateline=dateline, markings="Secret; Immediate."))
    assert rec.date == "1969-07-15"


@pytest.mark.parametrize("markings, level, precedence, captions", [
    ("Confidential, Priority.", "CONFIDENTIAL", "PRIORITY", []),
    ("Secret, Immediate, Exdis.", "SECRET", "IMMEDIATE", ["EXDIS"]),
    ("Secret; Immediate; Exdis.", "SECRET", "IMMEDIATE", ["EXDIS"]),
])
def test_frus_source_note_markings_separated_by_commas(markings, level, precedence, captions):
    rec = parse(FRUS.format(head_date="", dateline="Washington, July 15, 1969, 0317Z.", markings=markings))
    assert (rec.classification, rec.precedence, list(rec.captions)) == (level, precedence, captions)


def test_frus_sentence_with_commas_that_is_not_markings_is_not_read_as_markings():
    # 'Secret' leads the sentence, but the rest are not markings: not split at its commas.
    rec = parse(FRUS.format(head_date="", dateline="Washington, July 15, 1969, 0317Z.",
                            markings="Confidential. Repeated to London, Paris, and Rome."))
    assert rec.classification == "CONFIDENTIAL"
    assert rec.precedence is None


# -- the ACTION/INFORMATION statement ends at its full stop -------------------------------------------
@pytest.mark.parametrize("statement, info", [
    ("ACTION DEPARTMENT 54, INFORMATION LONDON 77. —PARROTT", ["LONDON"]),          # a name in the margin
    ("ACTION DEPARTMENT 315, INFORMATION MOSCOW, PARIS UNNUMBERED!, WA. 3", ["MOSCOW", "PARIS"]),
    ("ACTION DEPARTMENT 748, INFORMATION CINCPAC 439. _ ff", ["CINCPAC"]),
    ("ACTION DEPARTMENT 631, INFORMATION LEOPOLDVILLE 535. USUN 387", ["LEOPOLDVILLE", "USUN"]),  # a stop for a comma
])
def test_the_action_information_statement_ends_at_its_full_stop(statement, info):
    rec = parse(INCOMING.replace("ACTION DEPARTMENT 748, INFORMATION CINCPAC 439.", statement))
    assert [a.name for a in rec.info] == info


# -- the number line's section in words ---------------------------------------------------------------
@pytest.mark.parametrize("no_line, section", [
    ("NO: 748, OCTOBER 19, 1 PM (SECTION ONE OF TWO)", (1, 2)),
    ("NO:\n\nSecretary of State\n\n748, OCTOBER 19, 1 PM (SECTION TWO OF TWO)", (2, 2)),  # value below its label
    ("NO: 748, OCTOBER 19, 1 PM (SECTION 1 OF 3)", (1, 3)),
    ("NO: 748, OCTOBER 19, 1 PM", None),
    ("NO: 748, OCTOBER 19, 1 PM (SECTION THREE OF TWO)", None),  # no such section
])
def test_the_number_lines_section_in_words(no_line, section):
    rec = parse(INCOMING.replace("NO: 748, OCTOBER 19, 1 PM", no_line))
    assert (rec.section and (rec.section.n, rec.section.of)) == section
    assert rec.id == "1963SAIGON000748"


# -- a post's name OCR misread by one letter, on a released copy ----------------------------------------
RELEASED = "RELEASED IN FULL\n\n"


@pytest.mark.parametrize("statement, to, info", [
    ("ACTION DEPARIMENT 748, INFORMATION LEOPOLDVTLLE 439.", ["SECSTATE WASHDC"], ["AMEMBASSY LEOPOLDVILLE"]),
    ("ACTION DEPARTMENT 748, INFORMATION CINCPAC 439.", ["SECSTATE WASHDC"], ["CINCPAC"]),  # as before
    ("ACTION DEPARTMENT 748, INFORMATION KXNSHAZA 439.", ["SECSTATE WASHDC"], ["KXNSHAZA"]),  # two letters off: as written
])
def test_a_post_one_letter_off_a_known_one_on_a_released_copy(statement, to, info):
    rec = parse(RELEASED + INCOMING.replace("ACTION DEPARTMENT 748, INFORMATION CINCPAC 439.", statement))
    assert [a.canonical or a.name for a in rec.to] == to
    assert [a.canonical or a.name for a in rec.info] == info


def test_a_post_one_letter_off_is_read_as_written_without_a_release_layer():
    rec = parse(INCOMING.replace("INFORMATION CINCPAC", "INFORMATION LEOPOLDVTLLE"))
    assert [(a.name, a.canonical) for a in rec.info] == [("LEOPOLDVTLLE", None)]
