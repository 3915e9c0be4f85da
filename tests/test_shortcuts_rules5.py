"""Normalisation's fifth round of shortcuts agrees with the plain definitions they stand for.

As in ``test_shortcuts_rules.py``: each narrower scan or cheaper search is checked against the
obvious way of asking the same question, on text built to reach the edges (blanks of every kind
after a hyphen, letters beyond ASCII before it, matches that straddle a line break).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cablegram.normalise.rules import page, release, repair
from cablegram.normalise.state import NormState

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Hyphens at line ends after words, dashes, digits and letters beyond ASCII, with every kind of blank.
HYPHEN_PIECES = ["-", "--", " -", "ab-", "a-", "Ab", "x", "ab", "1990-", "é-", "éa-", "aé-", "ſ-", " ", "\t", "\r",
                 "\u2003", "\x1c", "\x85", "\u2028", "\n", "\n\n", " \n"]
hyphen_texts = st.lists(st.sampled_from(HYPHEN_PIECES), max_size=16).map("".join)


@SETTINGS
@given(hyphen_texts)
@example("SIGNIFI-\nCANT")
@example("a-\nab-\u2003\nab--\nab- x\n ab-\t\r")
@example("ab-")
def test_word_hyphen_lines_are_the_hyphen_lines_the_word_pattern_matches(text):
    state = NormState(text)
    plain = [(i, ln) for i, ln in state.matching(repair._HYPHEN_EOL, one_line=True)
             if repair._HYPHEN_END.search(ln.text)]
    assert state.matching(repair._WORD_HYPHEN_EOL, one_line=True) == plain


# Words asked for by searches that open with one character, the rest of the word in a look-behind.
WORD_PIECES = ["PAGE", "PAG", "AGE", "P", "G", "E", "OF", "O", "F", " 002", "002", "0021", "\u0662\u0660\u0661", "RDP", "RD",
               "DP", "anitized", "anitiz", "ed", "Sanitized", "2107", "210", "07", "7", "Doc", "Docld", "DocId", "DocID",
               "14176", "14-00000", "14", "4", "x", " ", "\t", "\n", "\u2003"]
word_texts = st.lists(st.sampled_from(WORD_PIECES), max_size=14).map("".join)


@SETTINGS
@given(word_texts)
@example("PAGE\nOF 002\nRDP anitized 2107")
def test_searches_from_one_character_find_the_words(text):
    assert bool(release._RDP.search(text)) == ("RDP" in text)
    assert bool(release._ANITIZED.search(text)) == ("anitized" in text)
    assert bool(page._PAGE.search(text)) == ("PAGE" in text)


@SETTINGS
@given(word_texts)
@example("OF 002\nxOF\t123 OF 1234\nOF\n002")
def test_lines_found_from_one_character_are_those_the_whole_word_finds(text):
    state = NormState(text)
    for scan, plain in ((page._OF_PAGES, r"OF\s+\d{3}\b"), (page._PAGE, "PAGE")):
        assert state.matching(scan, one_line=True) == state.matching(re.compile(plain))
