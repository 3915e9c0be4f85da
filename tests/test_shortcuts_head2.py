"""The header scanner's round-2 shortcuts agree with the plain definitions they stand for.

Each fast path is checked against the pattern it keeps from running, on every character that
could stand first on a line and on lines built to reach the edges (blanks of every kind, the
characters ``\\d`` takes beyond ASCII, the pilcrow, paragraph numbers in every form).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.parse import captions, header

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BLANKS = ["", " ", "  ", "\t", "\xa0", "\u2003", "\x1c", "\x85", "\u2028"]
OPENINGS = ["1. ", "12. (C) ", "¶1. ", "¶ 2• ", "3· A", "4 (C) ", "4 (SBU) X", "\u0661. ", "\u0967 (C)", "²", "½", "Ⅻ",
            "SUBJECT: X", "RUEHC/SECSTATE", "E.O. 12958", "(C)", "¶", "¶¶1.", "1", "123. X", "07 (LOU)", "Name:"]


def test_may_open_paragraph_takes_exactly_what_paragraph_start_can_take_after_its_blanks():
    # Both forms of PARA_START open with ``^\s*`` and then '¶' or ``\d``; ``\s*`` takes every blank
    # first (``\s`` is ``str.isspace``), so the first non-blank character is what must be '¶' or ``\d``.
    after_blanks = re.compile(r"¶|\d")
    blank = re.compile(r"\s")
    for ch in map(chr, range(0x110000)):
        assert bool(blank.fullmatch(ch)) == ch.isspace()
        assert header._may_open_paragraph(ch) == bool(after_blanks.fullmatch(ch)), hex(ord(ch))


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(BLANKS), st.sampled_from(OPENINGS),
                          st.text(alphabet="0159¶•·.() ACSX/-\"'\u0661\xa0", max_size=6)), min_size=1, max_size=6).map("".join))
def test_paragraph_start_matches_only_lines_the_gate_lets_through(line):
    line = line.replace("\n", " ")
    stripped = line.lstrip()
    if header.PARA_START.match(line):
        assert stripped and header._may_open_paragraph(stripped[0])



@SETTINGS
@given(st.text(alphabet=",; \t\xa0\u2003\x1cNODISEXLMT.ßſ", max_size=12))
def test_first_caption_word_is_the_first_piece_of_the_caption_split(upper):
    assert captions._FIRST_CAPTION_WORD.match(upper)[0] == \
        captions._CAPTION_WORD_BREAK.split(upper, maxsplit=1)[0].strip(" ,;")


# -- round 3 -------------------------------------------------------------------------------------
CAPTION_PIECES = sorted(captions.CAPTION_SET) + ["HANDLE AS ", "HANDLE", "NODIS", "EXDIS", "LIMDIS", "STADIS", "EVES ONLY"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(CAPTION_PIECES), st.sampled_from([",", ";", " ", "\t", "\xa0", "\u2003", "."]),
                          st.text(alphabet="ACDEHILNOSTXY ,;/-\u2003", max_size=5)), max_size=6).map("".join))
def test_a_line_the_caption_gate_turns_away_passes_none_of_the_caption_tests(line):
    # The gate stands before the line-is-a-caption, caption-words, leading-long-caption and
    # HANDLE AS tests of caption_or_attention: a line it turns away must fail every one of them.
    for upper in (line, line.upper(), line.strip(" ."), " ".join(line.split()).strip(" .").upper()):
        if captions._MAY_OPEN_WITH_CAPTION.match(upper):
            continue
        assert upper not in captions.CAPTION_SET
        assert captions._caption_words(upper) is None
        assert not upper.startswith(captions._LONG_CAPTIONS)
        assert not captions._HANDLE_AS.match(upper)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(["FOR", "FO", "PASS", "PAS", "PLEASE", "PLEAS", "ONLY", "ONL", "ALSO", "ALS",
                                           "DELIVER", "DELIVE", "DELIVERY", "AMBASSADOR", "S/S-O", "STATE", " ", ",",
                                           ";", "\t", "\xa0"]),
                          st.text(alphabet="ADEFILOPRSVYN ,;/-", max_size=5)), max_size=8).map("".join))
def test_attention_matches_only_lines_holding_a_passing_word(line):
    # The scanner asks for one of the six words in C before running _ATTENTION.
    if not ("FOR" in line or "PASS" in line or "PLEASE" in line or "ONLY" in line or "ALSO" in line
            or "DELIVER" in line):
        assert not captions._ATTENTION.match(line)
