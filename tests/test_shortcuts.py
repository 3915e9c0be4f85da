"""The parser's shortcuts agree with the plain definitions they stand for.

Each fast path of normalisation and the body grammar (a literal search before a case-blind scan, a
scan that jumps from line to line, the text read as upper-cased bytes, clean text copied a run of
lines at a time) is checked here against the obvious, slow way of asking the same question, on text
built to reach the edges: every character that ``re.I`` or ``str.upper`` folds into an ASCII letter,
blanks of every kind, words in any case and split over lines.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.normalise import normalise, rules
from cablegram.normalise.state import NormState, _Builder, ascii_case_view, upper_holds
from cablegram.parse import body, header
from cablegram.parse.draft import CLine, clean_lines

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["SUMMARY", "Summary", "summary", "BEGIN", "END", "End", "OF", "of", "AND COMMENT", "Case", "CASE", "cAsE",
         "No.", "Dep", "U.S. Department of State Case No. F-2014-1 Doc No. C05765907", "REPRODUCTION", "Reproduction",
         "RELEASED IN FULL", "Release", "RELEASE IN", "IN", "FOR", "DENIED", "Approved for", "DECLASSIFIED",
         "SANITIZED", "SECRET", "S E C R E T", "UNCLASSIFIED", "2", "- 3 -", "Page 4 of 7", "NW", "65990", "DOC",
         "DocId", "KENNEDY", "JFK", "14-00000", "104-10219-10072", "USC", "MLK", "SEN.", "Date: 11-03-2021",
         "TELETYPE", "SIGNIFI-", "CANT", "DECISION-", "MAKING", "YY", "|", "•", "~~", "___", "¶", "&amp;",
         # the same words with a letter only re.I or str.upper takes for an ASCII one
         "ſEN.", "ML\u212a", "UſC", "ASSASSINATıON", "ſUMMARY", "CAſE", "EPRODUCTİON", "ﬁ", "ß"]
# Characters that fold into ASCII letters (ß -> SS, ı -> I, ſ ~ s, K ~ k, ﬁ -> FI), blanks beyond
# ASCII, and a character beyond Latin-1 that folds into nothing.
ODD = "ßıİſKﬁ\x85\xa0\u2003\u2028’\x1c"
SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", "\n  ", " \n", "\u2003", "\xa0", "-\n", ""]

tokens = st.one_of(st.sampled_from(WORDS), st.text(alphabet="abcXYZ019 -.:;" + ODD, max_size=4))
texts = st.lists(st.tuples(tokens, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(t + s for t, s in parts))


@SETTINGS
@given(texts, st.sampled_from(["EPRODUCTION", "TELETYPE", "CASE", "SS", "FI", "SUMMARY"]))
def test_upper_holds_says_what_str_upper_says(text, word):
    assert upper_holds(text, word) == (word in text.upper())
    assert NormState(text).upper_holds(word) == (word in text.upper())


@SETTINGS
@given(texts, st.sampled_from(["SUMMARY", "BEGIN", "END", "CASE", "KENNEDY", "SS"]))
def test_ascii_case_view_holds_a_word_where_a_case_blind_pattern_matches(text, word):
    view = ascii_case_view(text)
    if view is None:
        return  # text with a character re.I folds into an ASCII letter is scanned the slow way
    assert len(view) == len(text)
    blind = re.compile(re.escape(word), re.I)
    assert {m.start() for m in re.finditer(re.escape(word.encode()), view)} == \
        {p for p in range(len(text)) if blind.match(text, p)}


# The candidate patterns as they were written with ``^`` under re.M (a scan trying every character).
_LINE_START_FORMS = [
    (rules._BANNER_CANDIDATE, re.compile(r"^[ \t_|\-~*]*[STCULstcul][^\n]{0,59}$", re.M)),
    (rules._PAGE_NUMBER_CANDIDATE, re.compile(r"^[ \t]*[-Pp\d][^\n]{0,13}$", re.M)),
    (rules._DEBRIS_CANDIDATE, re.compile(r"^[ \t]*(?:[A-Za-z]{1,2}|[^\w\s]{1,6})[ \t]*$", re.M)),
]


@SETTINGS
@given(texts)
def test_line_start_scans_find_the_lines_the_caret_forms_find(text):
    state = NormState(text)
    for framed, caret in _LINE_START_FORMS:
        assert state.matching_line_starts(framed) == state.matching(caret)


@SETTINGS
@given(texts)
def test_scans_that_jump_lines_find_what_a_scan_of_every_match_finds(text):
    state = NormState(text)
    for pattern in (rules._OF, rules._PAGE, rules._UNDERSCORES, rules._TILDES, rules._CASE_TAIL_CANDIDATE,
                    rules._HYPHEN_EOL):
        assert state.matching(pattern, one_line=True) == state.matching(pattern)


_STAMP_LINE = re.compile(r"RELEASED?\s+IN\b|Released?\s+[Ii]n\b|DENIED\s+IN\b|APPROVED\s+FOR\b|Approved\s+[Ff]or\b"
                         r"|^[ \t]*(?:RELEASED?|Released?)[ \t]+IN[ \t]*\|?[ \t]*$|^[ \t]*(?:DECLASSIFIED|SANITIZED)\b", re.M)


@SETTINGS
@given(texts)
def test_stamp_lines_are_those_of_the_one_combined_scan(text):
    state = NormState(text)
    assert rules._stamp_lines(state) == state.matching(_STAMP_LINE)


@SETTINGS
@given(texts)
def test_jfk_candidate_lines_are_those_of_the_case_blind_scan(text):
    state = NormState(text)
    assert rules._jfk_candidates(state) == state.matching(rules._JFK_CANDIDATE)


@SETTINGS
@given(texts)
def test_upper_byte_scan_finds_every_line_whose_lower_case_holds_the_word(text):
    state = NormState(text)
    found = {i for i, _ in state.matching_ascii_upper(re.compile(rb"CASE"))}
    assert {i for i, ln in state.live() if "case" in ln.text.lower()} <= found


@SETTINGS
@given(texts, st.sampled_from(["SIGNIFICANT", "DECISIONMAKING", "CASE", "SSS", "ABC"]))
def test_document_words_are_the_words_of_the_upper_cased_text(text, word):
    assert (word in rules._DocumentWords(NormState(text))) == (word in set(re.findall(r"[A-Za-z]{3,}", text.upper())))


def _summary_plainly(text: str):
    end_mark = body._END_SUMMARY.search(text)
    window = text[: end_mark.end()] if end_mark else ""
    return (body._SUMMARY_BLOCK.search(window) or body._SUMMARY.search(window)) if end_mark else None


@SETTINGS
@given(texts)
def test_summary_is_what_the_plain_searches_find(text):
    fast, plain = body._summary(text), _summary_plainly(text)
    assert (fast and (fast.span(), fast["text"])) == (plain and (plain.span(), plain["text"]))


def test_summary_found_after_blanks_beyond_latin1_and_in_any_case():
    text = "1. Begin\u2003Summary: the talks went well.\n End\xa0of\nsummary.\n2. More."
    m = body._summary(text)
    assert m is not None and m["text"] == "the talks went well."
    assert body._summary("1. SUMMARY: no end mark here.") is None


@SETTINGS
@given(texts)
def test_message_end_is_the_first_end_mark_or_footer_line(text):
    lines = clean_lines(normalise(text)[0])
    plain = next((k for k in range(1, len(lines)) if body._END_MARKS.match(lines[k].text)
                  or body._SMART_FOOTER.match(lines[k].text)), len(lines))
    assert body._message_end(lines, 1) == plain


OCR_NUMBERS = ["S. PATILLO", "Z. THE", "• 3. BELIEVE", "2.. COS", "1• ACCORDING", ". 3. DENVY", "2- FEEL", "1a GROWERY",
               "5° THE", "3S. PLS", "20 ECONOMIC", "5** INTEL", "ae 5. ON", "a + 3. BELIEVE", "6 OKINAWA TIMES",
               "ZÓ FIORINI", "SO FIELD DISSEM: STATE", "¿. SUGGEST HQS", "  4, REQUEST"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(OCR_NUMBERS), texts), max_size=12))
def test_lines_kept_for_ocr_numbers_hold_every_line_one_can_be_read_in(items):
    lines = clean_lines(normalise("\n".join(items))[0])
    kept = body._ocr_number_lines(lines)
    for k, ln in enumerate(lines):
        if any(body._ocr_number(ln.text, last, [], body._LetteredList()) is not None for last in range(12)):
            assert k in kept, ln.text


HEADER_LINES = ["O 131503Z MAR 08", "R 0812z feb 77", "16 Apr 69 2343Z", "AUG 69 0106Z", "TEHRAN 0668", "STATE 163147 ",
                "EUR/SOV:JSMITH:LW", "S/S-O: DWILSON", "SUBJECT: TALKS", "PRIORITY 4711\u2003", "MOSCOW 12\xa0"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(HEADER_LINES), texts), min_size=1, max_size=3).map(" ".join))
def test_gated_header_rules_match_where_their_patterns_match(line):
    line = line.replace("\n", " ")
    for name, pattern, _ in header.LINE_RULES:
        fast, plain = header._matcher(name, pattern)(line), pattern.match(line)
        assert (fast and fast.span()) == (plain and plain.span()), name


def _build_line_by_line(state: NormState):
    """The clean text assembled one line at a time (how ``build`` did it before it copied runs)."""
    cuts = sorted(state.cuts)
    k, skip_to, out = 0, 0, _Builder()
    for i, line in enumerate(state.lines):
        if state.removed_lines[i]:
            continue
        pos = max(line.start, skip_to)
        while k < len(cuts) and cuts[k][0] < line.start:
            k += 1
        while k < len(cuts) and cuts[k][0] <= line.end:
            start, end, repl = cuts[k]
            k += 1
            if start < pos:
                continue
            out.copy(pos, state.original[pos:start])
            if repl:
                out.insert(repl, start)
            pos = end
        if pos > line.end:
            skip_to = pos
            continue
        if line.end < len(state.original):
            out.copy(pos, state.original[pos:line.end + 1])
        else:
            out.copy(pos, state.original[pos:line.end])
            out.insert("\n", line.end)
    return out.finish(state.original)


@SETTINGS
@given(texts)
def test_clean_text_and_offset_map_are_those_built_line_by_line(text):
    clean, state = normalise(text)
    plain = _build_line_by_line(state)
    assert clean.text == plain.text
    assert [clean.to_original(p) for p in range(len(clean.text) + 1)] == \
        [plain.to_original(p) for p in range(len(plain.text) + 1)]


def test_clean_lines_are_named_tuples_of_the_clean_text():
    clean, _ = normalise("SUBJECT: X\n\n1. Text.\n")
    lines = clean_lines(clean)
    assert all(type(ln) is CLine for ln in lines)
    assert [clean.text[ln.start:ln.end] for ln in lines] == [ln.text for ln in lines]
