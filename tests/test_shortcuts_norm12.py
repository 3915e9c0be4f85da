"""Normalisation's twelfth round of shortcuts agrees with the plain definitions they stand for.

As in ``test_shortcuts_norm.py``: each candidate search is checked against the scan it replaces,
on text built to reach the edges (marks at a line's start, after blanks of every kind or after
other characters, several on a line, texts made of them), with lines removed before the call.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cablegram.normalise.rules import page
from cablegram.normalise.state import NormState

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BLANKS = [" ", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\x85", "\xa0", "\u2003", "\u2028", "\u3000"]
# Markdown page markers and their pieces, and what may stand around them on a line.
MARKS = ["#", "##", "## Page 2", "# 104-10219-10072", "-", "--", "---", "----", "- - -", "x", "é", "\u2003", "¶"]
lines = st.lists(st.sampled_from(MARKS + BLANKS), max_size=5).map("".join)
texts = st.lists(lines, max_size=14).map("\n".join)


@SETTINGS
@given(texts, st.lists(st.integers(0, 20), max_size=4))
@example("#\n \u2003---\nx---\n-\n---#\n \u2003x ---\n\u2003\u2003----", [])
@example("#" * 70 + "\n#\n" + "x#\n" * 70 + " ---", [1])
@example("---\n" * 70 + "#x\n\u2028---", [0, 2])
def test_markdown_candidates_are_the_lines_the_line_start_scan_finds(text, removed):
    state = NormState(text)
    for at in removed:
        if at < len(state.lines):
            state.remove_line(at, "test")
    assert page._md_candidates(state) == state.matching_line_starts(page._MD_CANDIDATE)


@SETTINGS
@given(texts, st.lists(st.integers(0, 200), max_size=8), st.lists(st.integers(0, 20), max_size=4))
def test_live_lines_at_offsets_are_the_live_lines_holding_them(text, offsets, removed):
    state = NormState(text)
    for at in removed:
        if at < len(state.lines):
            state.remove_line(at, "test")
    offsets = sorted(min(pos, len(text)) for pos in offsets)
    held = sorted({text.count("\n", 0, pos) for pos in offsets})
    assert state.live_lines_at(offsets) == [(i, state.lines[i]) for i in held if state.is_live(i)]
