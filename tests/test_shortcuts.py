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
from cablegram.normalise.state import NormState, ascii_case_view, upper_holds
from cablegram.parse import body, body_clauses, captions, header
from cablegram.parse.agencies import reader
from cablegram.parse.draft import CLine, clean_lines
from shortcut_support import STAMP_LINE, build_line_by_line

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
    (rules._BANNER_CANDIDATE, re.compile(r"^(?:[^\S\n]|[_|\-~*])*[STCULstcul][^\n]{0,59}$", re.M)),
    (rules._PAGE_NUMBER_CANDIDATE, re.compile(r"^[^\S\n]*[-Pp\d][^\n]{0,13}$", re.M)),
    (rules._DEBRIS_CANDIDATE, re.compile(r"^[^\S\n]*(?:[A-Za-z]{1,2}|[^\w\s]{1,6})[^\S\n]*$", re.M)),
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




@SETTINGS
@given(texts)
def test_stamp_lines_are_those_of_the_one_combined_scan(text):
    state = NormState(text)
    assert rules._stamp_lines(state) == state.matching(STAMP_LINE)


@SETTINGS
@given(texts)
def test_jfk_candidate_lines_are_those_of_the_case_blind_scan(text):
    state = NormState(text)
    assert rules._jfk_candidates(state) == state.matching(rules._JFK_CANDIDATE)


@SETTINGS
@given(texts, st.integers(0, 12))
def test_live_index_is_the_index_of_that_live_line(text, n):
    state = NormState(text)
    rules.page_banners(state)  # some lines removed too
    live = state.live()
    assert state.live_index(n) == (live[n][0] if n < len(live) else None)


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


# The summary patterns as first written: the text read lazily up to the nearest end mark.
_SUMMARY_LAZY = re.compile(r"\b(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+COMMENT)?\s*[:.\-]+\s*(?P<text>.*?)\s*\bEND\s+(?:OF\s+)?SUMMARY\b",
                           re.I | re.S)
_SUMMARY_BLOCK_LAZY = re.compile(r"\bBEGIN\s+SUMMARY\b\s*(?P<text>.*?)\s*\bEND\s+SUMMARY\b", re.I | re.S)
SUMMARY_PIECES = ["SUMMARY: ", "Summary. ", "BEGIN SUMMARY", "End Summary", "END OF SUMMARY", "end\nsummary",
                  "SUMMARY AND COMMENT:", "SUMMARY -", "Summaryx", "xEND SUMMARY"]
summary_texts = st.lists(st.one_of(st.sampled_from(SUMMARY_PIECES), texts), max_size=8).map(" ".join)


def _summary_plainly(text: str) -> str | None:
    end_mark = body_clauses._END_SUMMARY.search(text)
    window = text[: end_mark.end()] if end_mark else ""
    m = (_SUMMARY_BLOCK_LAZY.search(window) or _SUMMARY_LAZY.search(window)) if end_mark else None
    return " ".join(m["text"].split()) if m else None


@SETTINGS
@given(st.one_of(texts, summary_texts))
def test_summary_is_what_the_plain_lazy_searches_find(text):
    assert body_clauses._summary(text) == _summary_plainly(text)


def test_summary_found_after_blanks_beyond_latin1_and_in_any_case():
    text = "1. Begin\u2003Summary: the talks went well.\n End\xa0of\nsummary.\n2. More."
    assert body_clauses._summary(text) == "the talks went well."
    assert body_clauses._summary("1. SUMMARY: no end mark here.") is None
    assert body_clauses._summary("SUMMARY:  \n END SUMMARY") == ""


_PARAGRAPH_PIECES = ["- item", "A. item", "(b) item", "1) item", "•\titem", "-\n", "\n\n", "\n \n", "  ", "x"]


def _reflow_plainly(text: str) -> str:
    blocks = ("\n".join([ln for ln in map(str.strip, b.split("\n")) if ln]) for b in body._BLANK_LINE.split(text))
    return "\n\n".join(b for b in (body._WRAPPED_BREAK.sub(" ", b) for b in blocks) if b)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_PARAGRAPH_PIECES), texts), max_size=10).map("\n".join))
def test_reflow_is_the_plain_substitution(text):
    assert body._reflow(text) == _reflow_plainly(text)


CAPTION_LINES = ["NODIS", "EXDIS, NODIS", "EYES ONLY", "EVES ONLY", "LIMDIS;", "STADIS FOR THE SECRETARY", "NOFORN",
                 "SIPDIS", ", ;", "CHEROKEE", "ROGER CHANNEL", "EXDIS X", "LIMIT DISTRIBUTION"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(CAPTION_LINES), texts), min_size=1, max_size=3).map(" ".join))
def test_caption_words_and_one_letter_off_are_the_plain_readings(line):
    upper = " ".join(line.split()).strip(" .").upper()
    words = [w.strip(" ,;") for w in captions._CAPTION_WORD_BREAK.split(upper) if w.strip(" ,;")]
    plain = words if words and all(w in captions.CAPTION_SET for w in words) else None
    assert captions._caption_words(upper) == plain
    near = [c for c in captions._LONG_CAPTIONS if len(c) == len(upper) and sum(a != b for a, b in zip(c, upper)) == 1]
    assert captions._one_letter_off(upper) == (near[0] if len(near) == 1 and not upper[-1:].isdigit() else None)


# Agency patterns as first written, their opening boundary before the first character.
_AGENCY_PLAIN = [
    (reader._IMPDET, re.compile(r"(?<![A-Z0-9])[E£€][\s.]?[2Z]\W{0,2}\s?I[MNH]P?[DO]?P?ET\b")),
    (reader.CIA_TIME, re.compile(r"\b(?P<mon>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*[:.,]?\s+"
                                 r"(?P<dd>[0-3O]?[\dO])[:.,]?\s+(?P<hhmm>[0-2O][\dO]\s?[0-5O][\dO])\s?[Z72]?\s*(?P<yy>[4-9O][\dO])\b")),
]
AGENCY_PIECES = ["E2 IMPDET", "E2, IMPOET", "XE2 IMPDET", "£2 IMPDET", "E.Z, INPDET", "9E2 IMPDET", "AUG 17 1942Z 62", "XAUG 17 1942Z 62",
                 "NOV 8: 2343762", "_DEC 3 0101 64", "JANUARY 9 12O0 63"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(AGENCY_PIECES), texts), max_size=8).map(" ".join))
def test_agency_patterns_find_what_their_plain_spellings_find(text):
    for fast, plain in _AGENCY_PLAIN:
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@SETTINGS
@given(texts)
def test_message_end_is_the_first_end_mark_or_footer_line(text):
    lines = clean_lines(normalise(text)[0])
    plain = next((k for k in range(1, len(lines)) if body_clauses._END_MARKS.match(lines[k].text)
                  or body._SMART_FOOTER.match(lines[k].text)), len(lines))
    assert body_clauses._message_end(lines, 1) == plain


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


# The hint as first written: a blank or speck as an alternation, the run before a digit backtracked.
_OCR_NUMBER_HINT_PLAIN = re.compile(r"\n(?:(?:[^\S\n]|[•·*'‘]){0,3}[SZIlBGTbgq][^\S\n]*[.•·Ó°][^\S\n]|[^\n]{0,18}\d"
                                    r"|(?:[^\S\n]|[\"“'‘]){0,3}[¿?§&][^\S\n]?[.,][^\S\n])")


def test_line_blanks_are_the_characters_backslash_s_takes_but_the_line_break():
    blank = re.compile(f"[{body._LINE_BLANK}]")
    assert all(bool(blank.match(ch)) == (ch.isspace() and ch != "\n") for ch in map(chr, range(0x110000)))


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(OCR_NUMBERS), texts), max_size=12).map("\n".join))
def test_ocr_number_hint_finds_the_lines_of_its_plain_spelling_that_can_open_a_number(text):
    framed = "\n" + text
    assert [m.start() for m in body._OCR_NUMBER_HINT.finditer(framed)] == \
        [m.start() for m in _OCR_NUMBER_HINT_PLAIN.finditer(framed) if framed[m.start() + 1: m.start() + 2] in
         body._OCR_NUMBER_START and framed[m.start() + 1: m.start() + 2]]


HEADER_LINES = ["O 131503Z MAR 08", "R 0812z feb 77", "16 Apr 69 2343Z", "AUG 69 0106Z", "TEHRAN 0668", "STATE 163147 ",
                "EUR/SOV:JSMITH:LW", "S/S-O: DWILSON", "SUBJECT: TALKS", "PRIORITY 4711\u2003", "MOSCOW 12\xa0"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(HEADER_LINES), texts), min_size=1, max_size=3).map(" ".join))
def test_gated_header_rules_match_where_their_patterns_match(line):
    line = line.replace("\n", " ")
    for name, pattern, _ in header.LINE_RULES:
        fast, plain = header._matcher(name, pattern)(line), pattern.match(line)
        assert (fast and fast.span()) == (plain and plain.span()), name


@SETTINGS
@given(texts)
def test_clean_text_and_offset_map_are_those_built_line_by_line(text):
    clean, state = normalise(text)
    plain = build_line_by_line(state)
    assert clean.text == plain.text
    assert clean.lines == clean.text.split("\n")  # (the builder's line list: the pieces' own lines)
    assert [clean.to_original(p) for p in range(len(clean.text) + 1)] == \
        [plain.to_original(p) for p in range(len(plain.text) + 1)]


def test_clean_lines_read_as_clines_of_the_clean_text():
    clean, _ = normalise("SUBJECT: X\n\n1. Text.\n")
    lines = clean_lines(clean)
    # (rows of a plain tuple class made at C speed: CLine's fields, equal to and hashed as the CLine)
    assert all(type(ln).__base__ is tuple and ln == CLine(*ln) and hash(ln) == hash(CLine(*ln)) for ln in lines)
    assert [(ln.index, ln.start, ln.end, ln.text) for ln in lines] == [tuple(ln) for ln in lines]
    assert [clean.text[ln.start:ln.end] for ln in lines] == [ln.text for ln in lines]

