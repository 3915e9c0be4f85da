"""Normalisation's third round of shortcuts agrees with the plain definitions they stand for.

As in ``test_shortcuts.py``: each stronger gate or narrower candidate scan is checked against the
obvious way of asking the same question, on text built to reach the edges (characters that ``re.I``
or ``str.upper`` folds into ASCII letters, blanks of every kind, words split over lines), and the
clean text built run by run against the same text built line by line.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cablegram.normalise import normalise
from cablegram.normalise.rules import jfk, page, release, repair
from cablegram.normalise.state import NormState
from shortcut_support import build_line_by_line

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["Case", "CASE", "cAsE", "caſe", "No", "NO.", "no", "Dep", "U.S. Department of State Case No. F-2014-1 Doc No. C05765907",
         "U.S. Dept of State Case\u2003No. F-1 Doc No. 5", "OF", " OF ", "002", "00000220", "TRIPOLI 00000220 002 OF 003",
         "001\tOF 003", "SECRET", "Secret", "S E C R E T", "S-E-C-R-E-T", "T O P S E C R E T", "U N C L A S S I F I E D", "C-O-N-F-I-D-E-N-T-I-A-L", "UNCLAS", "unclassified",
         "TOP\nSECRET", "LIMITED OFFICIAL USE", "SBU", "LOU", "CONFIDENTIAL", "~~SECRET~~", "__", "|", "*", "-", "C", "U",
         "¶", "¶1.", "&amp;", "KENNEDY", "Kennedy", "JFK", "14176", "DocId", "Docld", "14-00000", "RELEASE", "Release",
         "RELEASED IN FULL", "DENIED", "Approved", "DECLASSIFIED", "SANITIZED", "2107", "Date: 11-03-2021",
         "SIGNIFI-", "CANT", "ſ", "K", "ı", "İ", "ß", "x" * 61]
ODD = "ßıİſKﬁ\x85\xa0\u2003\u2028’\x1c"
SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", "\n  ", " \n", "\u2003", "\xa0", "\x1c", "-\n", ""]

tokens = st.one_of(st.sampled_from(WORDS), st.text(alphabet="abcSTCUXYZ019 -.:;_|~*\t" + ODD, max_size=5))
texts = st.lists(st.tuples(tokens, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(t + s for t, s in parts))


BLANKS = [" ", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\x85", "\xa0", "\u2003", "\u2028", "\u3000"]
blank_runs = st.lists(st.sampled_from(BLANKS), min_size=1, max_size=3).map("".join)
# A FOIA banner with any blanks between its words, and the words in any case.
banners = st.tuples(st.sampled_from(["U.S. Department of State", "u.s. dept of state", "US DEP OF STATE"]),
                    st.sampled_from(["Case", "CASE", "case", "caſe"]), blank_runs,
                    st.sampled_from(["No.", "NO", "no:"]), blank_runs).map(
    lambda p: f"{p[0]} {p[1]}{p[2]}{p[3]}{p[4]}F-2014-1 Doc No. C05765907")
# A line that may hold only a marking: rules and blanks, a word, maybe letter-spaced, and more.
markings = st.tuples(st.text(alphabet=" \t_|-~*\xa0", max_size=3),
                     st.sampled_from(["SECRET", "secret", "Top Secret", "UNCLASSIFIED", "Unclas", "LOU", "sbu",
                                      "CONFIDENTIAL", "LIMITED OFFICIAL USE", "SENSITIVE BUT UNCLASSIFIED", "Some"]),
                     st.sampled_from(["", " ", "-", " - ", "\xa0", "\t"]), st.text(alphabet=" _|-~*.x", max_size=3)).map(
    lambda p: p[0] + (p[2].join(p[1]) if p[2] else p[1]) + p[3])
# JFK legends and their pieces, as OCR leaves them.
LEGENDS = [
    "RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992", "SEN. RFK", "RFK, AND THE REV.",
    " AND THE REV.", "DR. MLK, JR.", "NW 65990 DocId: 32 Page 2", "NW\n65990", "(104-10219-10072) [2017 RELEASE",
    "Relased under the John F Kennedy", "JFKX Relased under the John F. Kennedy", "Đoc ID: 12", "Dóc id : 3",
    "992 (44 USC 2107 Note)", "Released on 11-03-2021", "Released pursuant to Executive Order 14176",
    "DECLASS. OF RECORDS CONC", "Assassination Records Collection Act", "14-00000", "Doc Ref ID: 3-x", "-１２３４５",
    "ASSASSıNATION", "ſEN.", "ML\u212a", "Docld", "DocID", "jfk", "kennedy", "14176",
    # markdown pages, pilcrows, CREST banners, the tail of a broken legend
    "## Page 2", "##\tPAGE 3", "##  page 4  ", "# 104-10219-10072", "#x", "---", " \u2003----", "- - -", "¶", "  ¶1.",
    "x¶", "\u2003¶¶", "Approved For Release 2006/04/19 : CIA-RDP86-00674R000300030001-3", "CIA-RDP86",
    "Sanitized Copy Approved for\u2003Release", "apPROVED fOR\x1cRELEASE", "E6O0O Date: 11-03-2021",
    "Case#NW 65990 Date: 11-03-2021", "Diate : 11.03.2021", "Dlate:\n11-03-2021", "(44 USC 2107 Note)"]
legends = st.sampled_from(LEGENDS)
texts = st.lists(st.one_of(texts, banners, markings, legends), max_size=6).map("\n".join)


def _lines(state: NormState, hit) -> set[int]:
    return {i for i, ln in state.live() if hit(ln.text)}


@SETTINGS
@given(texts)
@example("US Dept of State Case\x1cNo. F-1 Doc No. 5\nU.S. Department of State CASE\u2003 no F-2 Doc No. C05765907")
def test_foia_candidates_hold_every_line_the_banner_pattern_matches(text):
    state = NormState(text)
    found = {i for i, _ in release._foia_candidates(state)}
    assert _lines(state, lambda t: "case" in t.lower() and "dep" in t.lower() and release._FOIA_BANNER.search(t)) <= found


@SETTINGS
@given(texts)
@example("TRIPOLI 00000220 002 OF 003\nX 12345678\t001\tOF\u2003004")
def test_continuation_candidates_hold_every_line_with_a_serial_and_page(text):
    state = NormState(text)
    found = {i for i, _ in state.matching(page._OF_PAGES, one_line=True)}
    assert _lines(state, lambda t: page._SERIAL_PAGE.search(t)) <= found


def _is_banner_line(text: str) -> bool:
    """What ``page_banners`` first asks of a candidate line: a level word alone, or letter-spaced."""
    if page._BANNER.match(text):
        return True
    s = page._SPACED.match(text)
    return bool(s) and s[1].replace(" ", "").replace("-", "") in ("SECRET", "CONFIDENTIAL", "TOPSECRET", "UNCLASSIFIED")


@SETTINGS
@given(texts)
@example("x\nU N C L A S S I F I E D\n  C-O-N-F-I-D-E-N-T-I-A-L\n_ Top Secret _\n~~lou~~\nT O P S E C R E T")
def test_banner_lines_are_the_candidates_that_can_be_a_banner(text):
    state = NormState(text)
    candidates = state.matching_line_starts(page._BANNER_CANDIDATE)
    found = state.matching_line_starts(page._BANNER_LINE)
    assert set(found) <= set(candidates)
    assert {i for i, ln in candidates if _is_banner_line(ln.text)} <= {i for i, _ in found}


@SETTINGS
@given(texts)
def test_words_looked_for_one_at_a_time_find_the_lines_of_their_alternation(text):
    state = NormState(text)
    assert jfk._jfk_loose_candidates(state) == state.matching_ascii_upper(jfk._JFK_CANDIDATE_UPPER)


@SETTINGS
@given(texts)
@example("JFKX Relased under the John F. Kennedy\nSEN. RFK\nNW 65990 DocId: 32 Page 2\nĐoc ID: 12")
def test_legend_lines_are_the_candidates_the_legend_alternation_matches(text):
    state = NormState(text)
    assert jfk._jfk_legend_lines(state) == [(i, ln) for i, ln in jfk._jfk_candidates(state)
                                              if jfk._JFK_ANY.search(ln.text)]


@SETTINGS
@given(texts)
def test_jfk_markers_are_present_where_one_is_in_the_text(text):
    assert jfk._jfk_markers_present(NormState(text)) == any(marker in text for marker in jfk._JFK_MARKERS)


@SETTINGS
@given(texts)
@example("#" * 65 + "\n## Page 2\n")
@example("#" * 65 + "\n##\tPage 2\n")
def test_markdown_pages_are_found_where_the_plain_tests_find_them(text):
    assert page._has_markdown_pages(text) == ("#" in text and "## " in text and bool(page._MD_PAGE_ANY.search(text)))


@SETTINGS
@given(texts)
def test_markdown_candidates_hold_every_line_a_marker_pattern_matches(text):
    state = NormState(text)
    found = {i for i, _ in state.matching_line_starts(page._MD_CANDIDATE)}
    patterns = (page._MD_PAGE, page._MD_RULE, page._MD_TITLE)
    assert _lines(state, lambda t: any(p.match(t) for p in patterns)) <= found


@SETTINGS
@given(texts)
@example("¶¶\n ¶ ¶\n\n¶x¶\n\u2003¶")
@example("x¶\n¶")
@example("¶ ¶\n" * 200)
def test_leading_pilcrows_are_those_of_the_pattern(text):
    assert repair._leading_pilcrows(text) == [m.end() - 2 for m in repair._LEADING_PILCROW.finditer("\n" + text)]


@SETTINGS
@given(texts)
def test_gates_pass_wherever_a_line_can_match(text):
    state = NormState(text)
    if any(release._CREST.search(ln.text) for _, ln in state.live()):
        assert release._FOR_REL.search(state.ascii_upper)
    if any(jfk._CASE_TAIL.match(ln.text) for _, ln in state.live()):
        assert jfk._CASE_TAIL_DATE.search(text)


@SETTINGS
@given(texts)
@example("AND THE REV\nDR. MLK, JR.\n SEN. \nRFK, AND THE REV. DR MLK JR SEN.\n(104-10219-10072)\n14-00000")
@example("\n".join(line for line in LEGENDS if NormState(line).ascii_case_exact) + "\nDoc ID: 5")
def test_gated_legend_test_says_what_the_legend_alternation_says(text):
    state = NormState(text)
    if not state.ascii_case_exact:
        return  # such text is tested pattern by pattern, ungated
    for line in text.split("\n"):
        assert jfk._is_legend_gated(line) == bool(jfk._JFK_ANY.search(line))


@SETTINGS
@given(texts)
def test_live_lines_are_those_neither_removed_nor_blank_after_the_chain(text):
    _, state = normalise(text)
    lines, removed = state.lines, state.removed_lines
    live = [not removed[i] and bool(ln.text.strip()) for i, ln in enumerate(lines)]
    assert [state.is_live(i) for i in range(len(lines))] == live
    for i in range(len(lines) + 1):
        assert state.next_live(i) == next((j for j in range(i, len(lines)) if live[j]), len(lines))
        assert state.previous_live(i) == next((k for k in range(i - 1, -1, -1) if live[k]), -1)


# -- the clean text, built run by run ------------------------------------------------------------
edits = st.lists(st.tuples(st.sampled_from(["remove", "cut"]), st.integers(0, 400), st.integers(0, 30),
                           st.sampled_from(["", "x", "&"])), max_size=25)


@SETTINGS
@given(texts, edits)
def test_clean_text_and_map_are_those_built_line_by_line_whatever_the_cuts(text, edits):
    state = NormState(text)
    for kind, at, width, repl in edits:
        if kind == "remove":
            if state.lines:
                state.remove_line(at % len(state.lines), "test")
        elif text:
            start = at % len(text)
            state.cut(start, min(len(text), start + width), "test", repl)  # within a line, or over several
    clean, plain = state.build(), build_line_by_line(state)
    assert clean.text == plain.text
    assert (clean._clean, clean._orig, clean._synthetic) == (plain._clean, plain._orig, plain._synthetic)


# Short lines as page furniture leaves them: bare numbers, rules, glyphs, markings, blanks.
short_lines = st.lists(st.one_of(markings, st.sampled_from(["2", "- 3 -", "Page 4 of 7", "p", "P12", "-", "|", "•",
                                                            "YY", "U ", "U", "S-", "C\t", "lou", "~~", "   ", ""]),
                                 st.text(alphabet=" \t-Pp0129SCTULstcul|_~*•.x\xa0", max_size=8)),
                       max_size=12).map("\n".join)


@SETTINGS
@given(st.one_of(texts, short_lines), st.lists(st.integers(0, 40), max_size=6))
@example("U \nU\n2\n-\nSECRET\n\nYY", [1])
def test_one_scan_of_the_short_line_family_finds_what_each_pattern_finds(text, removed):
    """``matching_line_starts_of`` (one scan for page-banner, page-number and stray-glyphs) against
    ``matching_line_starts`` for each pattern, also after lines are removed between the calls."""
    state = NormState(text)
    for k, pattern in enumerate(page._SHORT_LINES.patterns):
        assert state.matching_line_starts_of(page._SHORT_LINES, k) == state.matching_line_starts(pattern)
        for at in removed[k::3]:
            if at < len(state.lines):
                state.remove_line(at, "test")


@SETTINGS
@given(st.one_of(texts, st.lists(st.sampled_from(
    ["Systematic Review 05 JUL 2006", "SYSTEMATIC", "ſystematic", "systematic", "sYsTeMaTiC", "Sys tematic",
     "Declassified/Released US Department of State EO", "x"]), max_size=6).map("\n".join)))
def test_systematic_candidates_hold_every_live_line_the_word_is_on(text):
    state = NormState(text)
    candidates = release._systematic_candidates(state)
    assert [c[0] for c in candidates] == sorted({i for i, _ in candidates})
    assert {i for i, ln in state.live() if release._SYSTEMATIC_WORD.search(ln.text)} <= {i for i, _ in candidates}
    assert all(state.lines[i] == ln for i, ln in candidates)


@SETTINGS
@given(texts, st.lists(st.integers(0, 40), max_size=8), st.integers(0, 5))
def test_first_live_lines_are_the_head_of_the_live_list(text, removed, count):
    state = NormState(text)
    assert state.first_live(count) == state.live()[:count]
    for at in removed:
        if at < len(state.lines):
            state.remove_line(at, "test")
        assert state.first_live(count) == state.live()[:count]


# Lines near the edges of the short-line loop's tests: lengths about 6, 14 and 60, trailing blanks,
# digits that are decimal or not (², ٣), word and non-word characters, folded letters after S/T/C/U/L.
short_line_pieces = st.one_of(
    st.sampled_from(["S", "T", "C", "U", "L", "s", "t", "c", "u", "l", "SECRET", "Sıgnal", "Lİ", "Sſ", "UNCLAS", "TOP\tSECRET",
                     "x" * 5, "x" * 12, "x" * 58, "-" * 7, "2", "²", "\u0663", "P", "p", "•", "_", "|", "~~", "*", "é"]),
    st.text(alphabet=" \t\xa0\u2003\x1c-Pp09²\u0663SCTULstcul|_~*•.,x_ıİſK\r", max_size=16))
short_line_texts = st.lists(st.lists(st.one_of(short_line_pieces, blank_runs), max_size=5).map("".join),
                            max_size=12).map("\n".join)


@SETTINGS
@given(st.one_of(texts, short_lines, short_line_texts), st.lists(st.integers(0, 40), max_size=6))
@example("S" + "x" * 59 + "\nS" + "x" * 60 + "\n- 3 -" + " " * 20 + "\n|  \t\nLı\nU-\nU\t\n٣\n²", [])
def test_short_line_loop_finds_what_the_family_union_finds(text, removed):
    """``page._short_line_branches`` (a loop over the live lines) against the family union's scan
    (``_branch_hits``) on the lines live when it runs, some removed before."""
    state = NormState(text)
    for at in removed:
        if at < len(state.lines):
            state.remove_line(at, "test")
    family = page._SHORT_LINES
    union = [(i, k) for i, k in state._branch_hits(family.union) if not state._skip[i]]
    live = bytes(1 - f for f in state._skip)
    assert page._short_line_branches(state._texts, live, state._starts, state.framed) == union


def test_banner_run_characters_are_the_banner_patterns_run():
    """``page._BANNER_RUN`` (the loop's ``lstrip`` set) holds exactly the characters of _BANNER_LINE's
    leading run: LINE_BLANKS and the rules, over every code point."""
    import re
    run = re.compile("[" + page.LINE_BLANKS + r"_|\-~*]")
    assert set(page._BANNER_RUN) == {ch for ch in map(chr, range(0x110000)) if run.fullmatch(ch)}
