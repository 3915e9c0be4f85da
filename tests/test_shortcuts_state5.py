"""Normalisation state's fifth round of shortcuts agrees with the plain definitions they stand for.

As in ``test_shortcuts_norm.py``: the skip flags that ``NormState`` makes with ``lstrip`` against
``not line.strip()``, and the clean text built with runs of removed lines passed over at once and
cuts applied by the builder's own loop against the same text built line by line.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from shortcut_support import build_line_by_line

from cablegram.normalise.state import NormState

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Every kind of blank ``str.strip`` knows, and a few characters it does not take for one.
BLANKS = [" ", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680", "\u2003",
          "\u2028", "\u2029", "\u202f", "\u3000"]
NOT_BLANK = ["x", "¶", "\u200b", "\ufeff", "-", "\x00"]
lines = st.lists(st.sampled_from(BLANKS + NOT_BLANK), max_size=6).map("".join)
texts = st.lists(lines, max_size=12).map("\n".join)


@SETTINGS
@given(texts)
@example("")
@example(" \n\t\n\u3000x\nx\u3000\n\n")
def test_skip_flags_mark_the_blank_lines_as_strip_says(text):
    state = NormState(text)
    assert state._skip == bytearray(not line.strip() for line in text.split("\n"))


def test_lstrip_leaves_nothing_exactly_where_strip_does_for_every_character():
    for code in range(0x110000):
        ch = chr(code)
        assert (not ch.lstrip()) == (not ch.strip())
        assert (not (ch + "x").lstrip()) == (not (ch + "x").strip())


# Texts of many short lines, runs of them removed, and cuts (empty, overlapping, inside removed
# lines, over line breaks, with and without a replacement).
words = st.sampled_from(["", " ", "ab", "¶1.", "SECRET", "x" * 12, "-", "\u2003", "é"])
many_lines = st.lists(words, min_size=1, max_size=30).map("\n".join)
removals = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 5)), max_size=6)
cuts = st.lists(st.tuples(st.integers(0, 300), st.integers(0, 12), st.sampled_from(["", "x", "&", "\n"])), max_size=20)


@SETTINGS
@given(many_lines, removals, cuts)
@example("a\nb\nc\nd", [(1, 2)], [(0, 1, ""), (2, 2, "x"), (4, 5, "")])
@example("a\nb\nc", [(2, 1)], [(4, 5, "&"), (0, 3, "")])
def test_clean_text_and_map_are_those_built_line_by_line_with_runs_removed(text, removed, edits):
    state = NormState(text)
    n = len(state.lines)
    for at, length in removed:
        for i in range(at % n, min(n, at % n + length)):
            state.remove_line(i, "test")
    for at, width, repl in edits:
        start = at % (len(text) + 1)
        state.cut(start, min(len(text), start + width), "test", repl)
    clean, plain = state.build(), build_line_by_line(state)
    assert clean.text == plain.text
    assert (clean._clean, clean._orig, clean._synthetic) == (plain._clean, plain._orig, plain._synthetic)
