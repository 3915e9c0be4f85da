"""The line table's and the offset map's shortcuts agree with the plain definitions they stand for.

As in ``test_shortcuts.py``: each fast path is checked against the obvious, slow way of asking the
same question, on text built to reach the edges (blanks of every kind, at either end of a range,
line breaks, replacements and removals that make the map's pieces synthetic or short).
"""

from __future__ import annotations

import bisect
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.normalise import normalise
from cablegram.normalise.clean_text import _NON_BLANK
from cablegram.normalise.state import Line, NormState

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["SECRET", "Page 2 of 3", "- 2 -", "&amp;", "&#182;", "¶", "¶2.", "SIGNIFI-", "CANT", "UNCLASSIFIED",
         "U.S. Department of State Case No. F-2014-1 Doc No. C05765907", "RELEASED IN FULL", "|", "~~", "x"]
BLANKS = [" ", "  ", "\n", "\n\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2003", "\u2028", "\u3000", "-\n", ""]
tokens = st.one_of(st.sampled_from(WORDS), st.text(alphabet="ab 19.-\n\t\xa0\u2003", max_size=4))
texts = st.lists(st.tuples(tokens, st.sampled_from(BLANKS)), max_size=30).map(
    lambda parts: "".join(t + s for t, s in parts))


def test_non_blank_pattern_is_not_isspace_for_every_character():
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert (_NON_BLANK.match(ch) is not None) == (not ch.isspace()), hex(code)


@SETTINGS
@given(texts, st.lists(st.tuples(st.integers(-3, 400), st.integers(-3, 400)), max_size=20))
def test_span_is_its_plain_definition(text, ranges):
    clean, _ = normalise(text)
    n = len(clean.text)
    ranges += [(a, b) for a in range(min(n, 12)) for b in range(a, min(n, 12) + 1)]
    for start, end in ranges:
        assert _outcome(clean.span, start, end) == _outcome(clean._span_plain, start, end), (start, end)


def _outcome(f, *args):
    """What ``f`` returns, or the kind of error it raises (a range past the text's end)."""
    try:
        return f(*args)
    except IndexError:
        return IndexError


def _plain_lines(text: str) -> list[Line]:
    """The line table by its definition: each line's offsets and text, line breaks excluded."""
    out, start = [], 0
    for part in text.split("\n"):
        out.append(Line(start, start + len(part), part))
        start += len(part) + 1
    return out


@SETTINGS
@given(texts, st.lists(st.integers(-40, 40), max_size=8))
def test_line_table_reads_as_the_list_of_lines(text, picks):
    table, plain = NormState(text).lines, _plain_lines(text)
    assert len(table) == len(plain) and list(table) == plain
    assert [line for _, line in NormState(text).live()] == [ln for ln in plain if ln.text.strip()]
    for i in picks:
        assert _outcome(table.__getitem__, i) == _outcome(plain.__getitem__, i)
        for j in picks:
            assert table[i:j] == plain[i:j] and table[max(0, i - 4):j + 1] == plain[max(0, i - 4):j + 1]


def _careful_by_bisection(state: NormState, cuts) -> bytearray:
    """``_careful_lines`` by its definition: a cut marks the lines from the one it begins in to
    the one it ends in, whenever those differ."""
    careful = bytearray(state.removed_lines)
    for start, end, _ in cuts:
        first = bisect.bisect_right(state._starts, start) - 1
        last = bisect.bisect_right(state._starts, end) - 1
        if last != first:
            careful[first:last + 1] = b"\x01" * (last - first + 1)
    return careful


@SETTINGS
@given(texts, st.lists(st.tuples(st.integers(-5, 300), st.integers(-5, 300)), max_size=12),
       st.lists(st.integers(0, 40), max_size=4))
def test_careful_lines_are_those_a_cut_runs_past_the_end_of(text, spans, removed):
    state = NormState(text)
    for i in removed:
        if i < len(state.lines):
            state.remove_line(i, "test")
    cuts = sorted((start, end, "") for start, end in spans)
    assert state._careful_lines(cuts) == _careful_by_bisection(state, cuts)


# Short lines of page furniture between runs of empty lines (and blank ones), at either end too.
FAMILY_LINES = ["", "", "", " ", "\t", "2", "- 3 -", "Page 4 of 7", "SECRET", "S E C R E T", "U", "YY", "|", "•", "x y z",
                "The cable", "lou", "\u2003", "\n"]


@SETTINGS
@given(st.lists(st.sampled_from(FAMILY_LINES), max_size=16).map("\n".join))
def test_family_scan_stepping_over_empty_lines_finds_each_lines_first_branch(text):
    """``_branch_hits`` (the union stepping over runs of empty lines) against its definition: for
    every line, the first pattern of the family that matches at its leading line break."""
    from cablegram.normalise.rules import page  # (the one family in use)

    state = NormState(text)
    family = page._SHORT_LINES
    plain = []
    for i, start in enumerate(state._starts):
        for k, pattern in enumerate(family.patterns):
            if pattern.match(state.framed, start):
                plain.append((i, k))
                break
    assert state._branch_hits(family.union) == plain


# Each character that upper-cases or folds to an ASCII letter, its neighbours (same first byte of
# UTF-8, or not), Latin-1 letters, typographic marks and a lone surrogate.
CASE_CHARS = list("\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06\u212a"
                  "\u00de\u00e0\u00e9\u012f\u0132\u0148\u0150\u01ef\u01f1\u1e95\u1e9b\u2014\u2019\u212b\ufb07\ufeff\ud800"
                  "aZk \n")


@SETTINGS
@given(st.lists(st.sampled_from(CASE_CHARS), max_size=12).map("".join))
def test_upper_to_ascii_found_from_the_lead_bytes_as_by_one_search_each(text):
    from cablegram.normalise.state import _UPPER_TO_ASCII, _holds_upper_to_ascii

    utf8 = text.encode("utf-8", "surrogatepass").upper()
    assert _holds_upper_to_ascii(text, utf8) == any(ch in text for ch in _UPPER_TO_ASCII)
    assert NormState(text).ascii_case_exact == (not any(ch in text for ch in _UPPER_TO_ASCII))
