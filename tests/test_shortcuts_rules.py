"""Normalisation's fourth round of shortcuts agrees with the plain definitions they stand for.

As in ``test_shortcuts.py`` and ``test_shortcuts_norm.py``: each cheaper way of asking a question
is checked against the obvious way of asking it, on text built to reach the edges (the counts at
which a loop hands over to a whole-text pattern, characters that ``re.I`` or ``str.upper`` folds
into ASCII letters).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from shortcut_support import STAMP_LINE

from cablegram.normalise.rules import jfk, page, release, repair
from cablegram.normalise.state import NormState

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of markdown pages and pilcrowed paragraphs, many of each, so that the loops' budgets
# (64 '#', 256 pilcrows) are reached and passed.
PIECES = ["#", "##", "## ", "## Page 2", "##\tPage 3", "# 104-10219-10072", "¶", " ¶", "¶1.", "x¶", "\u2003¶", "x", " "]
SEPARATORS = ["", " ", "\n", "\n\n", "\t", "\u2003"]
many_marks = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=400).map(
    lambda parts: "".join(p + s for p, s in parts))


def _budget_edges(mark: str, budget: int, tail: str) -> list[str]:
    """Texts with the budget's count of marks, one fewer and one more, and the decisive line last."""
    return [mark * n + "\n" + tail for n in (budget - 2, budget - 1, budget, budget + 1)]


@SETTINGS
@given(many_marks)
def test_markdown_pages_are_found_where_the_plain_tests_find_them(text):
    assert page._has_markdown_pages(text) == ("## " in text and bool(page._MD_PAGE_ANY.search(text)))


def test_markdown_pages_at_the_edges_of_the_loop_budget():
    for tail in ("## Page 2\n", "##\tPage 2\n## x", "nothing"):
        for text in _budget_edges("#", page._MARKS_LOOKED_AT, tail):
            assert page._has_markdown_pages(text) == ("## " in text and bool(page._MD_PAGE_ANY.search(text)))


@SETTINGS
@given(many_marks)
@example("¶ ¶\n" * 130)
def test_leading_pilcrows_are_those_of_the_pattern(text):
    assert repair._leading_pilcrows(text) == [m.end() - 2 for m in repair._LEADING_PILCROW.finditer("\n" + text)]


def test_leading_pilcrows_at_the_edges_of_the_loop_budget():
    for mark in ("¶", "¶\n", " ¶\n", "x¶\n"):
        for text in _budget_edges(mark, repair._PILCROWS_LOOKED_AT, " ¶1."):
            assert repair._leading_pilcrows(text) == [m.end() - 2 for m in repair._LEADING_PILCROW.finditer("\n" + text)]


# Around the JFK markers: their pieces, joined in every way, and the same in other cases.
K_PIECES = ["K", "JFK", "JF", "KENNEDY", "Kennedy", "ennedy", "ENNEDY", "KENNED", "JFKENNEDY", "KK", "J", "F", "DOCID",
            "DOCLD", "Doc", "ld", "Id", "ID", "14", "176", "-00000", "14176", "14-00000", "\u212a", "ſ", "x", " "]
k_texts = st.lists(st.sampled_from(K_PIECES), max_size=12).map("".join)


@SETTINGS
@given(k_texts)
@example("Kennedy")
@example("JFKennedy")
@example("DocldDocIdDocID")
def test_jfk_marker_forms_find_a_marker_where_one_is(text):
    for form, markers in zip(jfk._JFK_MARKER_FORMS, (("KENNEDY", "Kennedy", "JFK"), ("Docld", "DocId", "DocID"),
                                                     ("14176", "14-00000")), strict=True):
        assert bool(form.search(text)) == any(marker in text for marker in markers)
    assert set(jfk._JFK_MARKERS) == {"KENNEDY", "Kennedy", "JFK", "Docld", "DocId", "DocID", "14176", "14-00000"}






# The stamp words, their pieces and near misses, in every case the search tells apart.
STAMP_PIECES = ["RELEASE", "RELEASED", "Release", "release", "RE", "LEASE", "ELEASE", "REL", "DENIED", "DENI", "ED", "E",
                "D", "APPROVED", "APPROV", "Approved", "approved", "DECLASSIFIED", "DECLASSIFI", "SANITIZED", "SANITIZ",
                "Sanitized", "ſANITIZED", "\u212a", "x", " ", "\n"]
stamp_texts = st.lists(st.sampled_from(STAMP_PIECES), max_size=12).map("".join)


@SETTINGS
@given(stamp_texts)
@example("RELEASE")
@example("RERELEASE")
@example("DENIEDAPPROVEDDECLASSIFIEDSANITIZED")
def test_stamp_word_search_says_what_the_seven_in_tests_say(text):
    assert release._has_stamp_word(text) == any(word in text for word in release._STAMP_WORDS)
    assert bool(release._UPPER_STAMP_WORD.search(text)) == any(
        word in text for word in ("RELEASE", "DENIED", "APPROVED", "DECLASSIFIED", "SANITIZED"))


# Pieces of stamp lines, for the candidate scan against its plain definition (shortcut_support.STAMP_LINE).
stamp_line_texts = st.lists(st.sampled_from(STAMP_PIECES + [" AS", " IN", " in", "IN", " FOR", " For", "FOR", " |", "\t", "\u2003", "\xa0",
                                                            "\n ", "INx", "\n\n", "é"]), max_size=16).map("".join)


@SETTINGS
@given(stamp_line_texts)
@example("RELEASED IN\nDENIED\u2003IN APPROVED\nFOR RERELEASE IN")
@example("RELEASE\nIN\nReleased in\nApproved For")
@example(" DECLASSIFIED\n\tSANITIZED x\nxSANITIZED\nDECLASSIFIEDx\n RELEASED IN |\nReleased\tIN\nRELEASE IN\nDECLASSIFIED")
@example("Release IN\n Released IN | \nxReleased IN\nReleased IN x\nReleased\nIN\n\tRelease\t\tIN")
def test_stamp_lines_are_those_of_the_one_combined_scan(text):
    state = NormState(text)
    assert release._stamp_lines(state) == state.matching(STAMP_LINE)


hyphen_texts = st.lists(st.sampled_from(["-", "--", " ", "\t", "\r", "\u2003", "\x1c", "\x85", "\u2028", "\n", "x", "ab"]),
                        max_size=16).map("".join)


@SETTINGS
@given(hyphen_texts)
def test_hyphen_at_line_end_is_found_as_without_the_possessive_run(text):
    plain = re.compile(r"-[^\S\n]*$", re.M)
    assert [m.start() for m in repair._HYPHEN_EOL.finditer(text)] == [m.start() for m in plain.finditer(text)]


JFK_CANDIDATE_PIECES = ["14-00000", "14-0000", "-00000", "14", "-", "0", "DOC", "NW", "USC", "RELEAS", "FK", "F", "K", "MLK",
                        "ML", "SEN.", "SEN", "REV.", "REV", ".", "DECLASS", "DECL", "ASS", "ASSASSINATION", "ASSASS",
                        "INATION", "CLASS", "x", " ", "\n", "é"]


@SETTINGS
@given(st.lists(st.sampled_from(JFK_CANDIDATE_PIECES), max_size=14).map("".join))
@example("14-00000\n14-0000\n")
@example("ASSASSINATION\nDECLASSASSINATION\nSEN.REV.\nMLK FK\n")
def test_jfk_loose_candidates_are_the_lines_of_the_one_alternation(text):
    state = NormState(text)
    assert jfk._jfk_loose_candidates(state) == state.matching_ascii_upper(jfk._JFK_CANDIDATE_UPPER)


# Pieces of every legend, whole and broken, beside the candidate words and the spellings that
# hold no candidate word ('Relased', 'Đoc', 'AND THE REV' without its full stop).
LEGEND_PIECES = ["RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT", "Released pursuant to Executive Order 14176",
                 "DECLASS. OF RECORDS CONC", "SEN. RFK, AND THE REV. DR. MLK, JR.", "FK", "AND THE REV", "AND THE REV.",
                 "DR. MLK JR", "SEN.", "Relased under the John F Kennedy", "Released under the John F. Kennedy",
                 "Released on 3/4/2021", "(o4-10219-10072) [2025 RELEASE]", "Assassination Records Collection Act",
                 "992 (44 USC 2107 Note)", "(44USC 2107 Note)", "NW 65990 Docld: 32 Page 2", "NW", "14-00000",
                 "104-10219-10072", "Doc Ref ID: A1", "Doc ID: 12", "Đoc ID: 12", "Dóc Id: 3", "١٠٤-١٠٢١٩-١٠٠٧٢",
                 "DOC", "USC", "-12345", "x", " ", "\n", "\n", "é"]


@SETTINGS
@given(st.lists(st.sampled_from(LEGEND_PIECES), max_size=10).map("".join))
@example("Relased under the John F Kennedy NW 12\nĐoc ID: 12\nAND THE REV\n")
def test_legend_suspects_hold_every_line_both_a_legend_and_a_candidate(text):
    state = NormState(text)
    if not state.ascii_case_exact:
        return
    suspects = {i for i, _ in jfk._jfk_legend_suspects(state)}
    assert {i for i, ln in jfk._jfk_candidates(state) if jfk._JFK_ANY.search(ln.text)} <= suspects
    assert jfk._jfk_legend_lines(state) == [(i, ln) for i, ln in jfk._jfk_candidates(state)
                                              if jfk._JFK_ANY.search(ln.text)]
