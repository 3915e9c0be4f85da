"""Normalisation's fifth round of shortcuts agrees with the plain definitions they stand for.

As in ``test_shortcuts_rules.py``: each narrower scan or cheaper search is checked against the
obvious way of asking the same question, on text built to reach the edges (blanks of every kind
after a hyphen, letters beyond ASCII before it, matches that straddle a line break).
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cablegram.normalise.rules import repair
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
