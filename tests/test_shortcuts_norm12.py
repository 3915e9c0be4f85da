"""Normalisation's twelfth round of shortcuts agrees with the plain definitions they stand for.

As in ``test_shortcuts_norm.py``: each candidate search is checked against the scan it replaces,
on text built to reach the edges (marks at a line's start, after blanks of every kind or after
other characters, several on a line, texts made of them), with lines removed before the call.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cablegram.normalise.rules import page, repair
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


@SETTINGS
@given(st.lists(st.sampled_from(["S", "SECRET", "- 3 -", "2", "P", "|", "YY", "x" * 20, "", " ", "\u2003", "--"]),
                max_size=14).map("\n".join), st.lists(st.integers(0, 20), max_size=6))
def test_family_texts_are_those_of_the_family_lines(text, removed):
    """``texts_starting_of`` gives the index and text of each line ``matching_line_starts_of`` gives,
    also after lines are removed between the calls."""
    state = NormState(text)
    for k in (0, 1, 2, 1):
        assert state.texts_starting_of(page._SHORT_LINES, k) == [
            (i, ln.text) for i, ln in state.matching_line_starts_of(page._SHORT_LINES, k)]
        for at in removed[k::3]:
            if at < len(state.lines):
                state.remove_line(at, "test")


@SETTINGS
@given(texts, st.lists(st.integers(0, 20), max_size=6))
def test_rejoin_walks_the_skip_flags_as_next_and_previous_live_do(text, removed):
    """``rejoin_split_sentences`` against its plain form (``next_live`` and ``previous_live``)."""
    text = text.replace("x", "word").replace("é", "and")
    states = [NormState(text), NormState(text)]
    for state in states:
        for at in removed:
            if at < len(state.lines):
                state.remove_line(at, "test")
    repair.rejoin_split_sentences(states[0])
    _rejoin_plainly(states[1])
    assert states[0].removed_lines == states[1].removed_lines


def _rejoin_plainly(state: NormState) -> None:
    texts, removed = state.texts, state.removed_lines
    n = len(texts)
    i = 0
    while i < n:
        i = removed.find(1, i)
        if i < 0:
            break
        j, k = state.next_live(i), state.previous_live(i)
        if 0 <= k and j < n:
            before, after = texts[k].rstrip(), texts[j].lstrip()
            if before and after and before[-1].isalpha() and after[:1].islower():
                for b in range(k + 1, j):
                    if not texts[b].strip():
                        removed[b] = 1
        i = j


@SETTINGS
@given(st.lists(st.sampled_from(["2", "- 3 -", "Page 4 of 7", "p", "x" * 20, "", " ", "\u2003", "12", "YY"]),
                max_size=12).map("\n".join), st.lists(st.integers(0, 14), max_size=4))
@example("2\n\n3\nx\n\n4", [])
def test_page_numbers_read_the_neighbours_as_is_live_does(text, removed):
    """``page_numbers`` against its plain form (``is_live`` of each neighbour, the lines as Lines)."""
    states = [NormState(text), NormState(text)]
    for state in states:
        for at in removed:
            if at < len(state.lines):
                state.remove_line(at, "test")
    page.page_numbers(states[0])
    state = states[1]
    for i, ln in state.matching_line_starts_of(page._SHORT_LINES, 1):
        before = i == 0 or not state.is_live(i - 1)
        if not before or state.is_live(i + 1):
            continue
        if page._PAGE_NUMBER.match(ln.text.strip()):
            state.remove_line(i, "page-number")
    assert states[0].removed_lines == states[1].removed_lines and states[0].removals == states[1].removals
