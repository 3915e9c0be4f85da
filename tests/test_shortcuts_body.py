"""The body grammar's shortcuts agree with the plain definitions they stand for.

Paragraphs are grouped by looking only at the lines one scan of the joined body finds, where the
plain way looks at every line; these tests compare the two on bodies built to reach the edges:
paragraph numbers as OCR leaves them, blank lines of every kind of blank, lettered lists,
'FIELD DISSEM' lines, numbers that do not start a paragraph.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shortcut_support import clines

from cablegram.parse import body, body_clauses, signature
from cablegram.parse.draft import CLine

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD = "\x85\xa0\u2003\u2028’\x1c•·¿§"
LINES = ["1. THE TALKS", "2. (C) BEGIN", "3. SECRET -- ENTIRE TEXT.", "4. (S/NF) MORE.", "12. LATE", "1999 WAS",
         "S. PATILLO", "Z. THE", "• 3. BELIEVE", "2.. COS", "1• ACCORDING", ". 3. DENVY", "2- FEEL", "1a GROWERY",
         "5° THE", "3S. PLS", "20 ECONOMIC", "5** INTEL", "ae 5. ON", "a + 3. BELIEVE", "ab c. 4. TEXT", "x; ey- 2, THE", "6 OKINAWA TIMES",
         "ZÓ FIORINI", "SO FIELD DISSEM: STATE", "6. FIELD DISSEM", "¿. SUGGEST HQS", "  4, REQUEST", "7 APRIL",
         "A. ITEM", "B. ITEM", "(b) item", "- dash", "ENDS.", "POSSIBILITIES,", "text", "", " ", "\t", "\xa0",
         "\u2003 ", "\x1c", "[Omitted here is the rest.]", "[Restricted]", "1. WE AGREED.", "15. THE TALKS",
         "LO THE GROUP HAS NO FUNDS", "dO NO OBJECTION TO THE PLAN", "Se TO ADD TO THE PICTURE", "3O CO ADVISED", "LO WASH"]
line_texts = st.one_of(st.sampled_from(LINES), st.text(alphabet="aSZ019 .,:-(" + ODD, max_size=8),
                       st.tuples(st.sampled_from(LINES), st.sampled_from(LINES)).map(" ".join))
bodies = st.lists(line_texts, max_size=30)


def _paragraph_blocks_plainly(lines: list[CLine]) -> list[tuple[int | None, list[CLine]]]:
    """The grouping as first written: every line looked at, in turn."""
    blocks: list[tuple[int | None, list[CLine]]] = []
    current: list[CLine] = []
    number: int | None = None
    before: int | None = None
    last_number = listed = 0
    lettered = body._LetteredList()
    for k, ln in enumerate(lines):
        m = body._NUMBERED.match(ln.text)
        if m:
            n = int(m["num"])
        else:
            n = body._ocr_number(ln.text, last_number, current, lettered)
        if n is not None and ((listed and n == listed + 1 and not body._MARKED.match(ln.text))
                              or (n == 1 and number is not None and body._opens_list(ln.text, current[0].text))):
            listed = n  # an item of a list inside the paragraph
            current.append(ln)
            continue
        if n is not None and (body._starts_paragraph(n, last_number, ln.text, current)
                              or (n > last_number + 3 and body._NUMBERED_TEXT.match(ln.text)
                                  and any(body._is_editorial_note(x.text) for x in (current if number is not None
                                                                                    else lines[:k])))):
            if current:
                blocks.append((number + 1 if number is not None and n == number + 2 and number == before else number,
                               current))
            before = number
            current, number, last_number, listed = [ln], n, n, 0
            continue
        if number is None and not ln.text.strip():
            if current:
                blocks.append((None, current))
            current = []
            continue
        current.append(ln)
    if current:
        blocks.append((number, current))
    return blocks


@SETTINGS
@given(bodies)
def test_paragraphs_are_those_of_the_line_by_line_grouping(texts):
    lines = clines(texts)
    joined = "\n" + "\n".join(texts)
    fast = body._paragraph_blocks(lines, joined)
    assert [(number, lines[first:stop]) for number, first, stop, *_ in fast] == _paragraph_blocks_plainly(lines)
    assert [text for *_, text in fast] == ["\n".join(texts[first:stop]) for _, first, stop, *_ in fast]
    assert [joined[at: at + len(text)] for *_, at, text in fast] == [text for *_, text in fast]


@SETTINGS
@given(bodies)
def test_every_line_a_paragraph_number_can_open_is_a_candidate(texts):
    lines = clines(texts)
    kept = body._ocr_number_lines(lines)
    for k, ln in enumerate(lines):
        if body._NUMBERED.match(ln.text) or any(
                body._ocr_number(ln.text, last, [], body._LetteredList()) is not None for last in range(12)):
            assert k in kept, ln.text


_PARAGRAPH_PIECES = ["- item", "A. item", "(b) item", "1) item", "•\titem", "-\n", "\n\n", "\n \n", "\n\xa0\n",
                     "\n\u2003", "  ", "x", "A. ", "- \n", "\n\n\n", ""]


def _reflow_plainly(text: str) -> str:
    blocks = ("\n".join([ln for ln in map(str.strip, b.split("\n")) if ln]) for b in body._BLANK_LINE.split(text))
    return "\n\n".join(b for b in (body._WRAPPED_BREAK.sub(" ", b) for b in blocks) if b)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_PARAGRAPH_PIECES), line_texts), max_size=12).map("\n".join))
def test_reflow_is_the_plain_substitution(text):
    assert body._reflow(text) == _reflow_plainly(text)


CLASSIFIED_PIECES = ["Classified By", "CLASSIFIED BY:", "classifed\u2003by", "Classifd\nBy", "UNCLASSIFIED", "XClassified By",
                     "Classified Byx", "claſſified by", "classıfied by", "CLASSİFIED BY", "Classified\xa0By", "Class",
                     "ified", "DECLASSIFIED BY", "Reason 1.4 (b)", "\u212a", "’"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(CLASSIFIED_PIECES), line_texts), max_size=10).map(" ".join))
def test_classified_by_is_what_the_case_blind_search_finds(text):
    fast, plain = body_clauses._classified_by(text, body.ascii_case_view(text)), body_clauses._CLASSIFIED_BY.search(text)
    assert (fast and fast.span()) == (plain and plain.span())


def test_blank_chars_are_the_characters_backslash_s_takes():
    assert set(signature._BLANK_CHARS) == {ch for ch in map(chr, range(0x110000)) if ch.isspace()}


SIGNATURE_PIECES = ["End Comment. SPOGLI", "WITH IT.\" KISSINGER", "resort. Brownfield", "restructuring. .FARRAR",
                    "***** KURTZER", "** SMITH", "O'BRIEN SMITH", "END.RICE", "A. B", "xx.\u2003Smith ", "THE END. RICE JONES  ",
                    "Mc-KAY", "ok. McDonald", "ok. McDonaldSmith", "'", ")", "\xa0", ".", "Ab.", "ab.", "cd. Ef"]
signature_lines = st.lists(st.one_of(st.sampled_from(SIGNATURE_PIECES), line_texts), max_size=6).map(" ".join)


@SETTINGS
@given(signature_lines)
def test_glued_signatures_are_what_the_plain_searches_find(text):
    for fast, plain in ((signature._glued_signature, signature._GLUED_SIGNATURE), (signature._glued_title_signature,
                                                                           signature._GLUED_TITLE_SIGNATURE)):
        f, p = fast(text), plain.search(text)
        assert (f and (f.span(), f["sig"])) == (p and (p.span(), p["sig"]))


@SETTINGS
@given(signature_lines, st.sampled_from(["Smith", "Brownfield", "O'Brien", "Mc-Kay", "Rice Jones", "it", "The"]))
def test_a_word_is_used_where_it_is_among_the_words_found(text, word):
    assert signature._uses_word(text, word) == (word.lower() in set(re.findall(r"[a-z']+", text.lower())))


END_LINES = ["NNNN", " bt", "END OF MESSAGE", "End Cable Text", "Signature: SMITH", "Drafted By: EAP/K:Smith, John",
             "Info: ROME", "Action Post: X", "ENDS", "Bt", "\u2003END"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(END_LINES), line_texts), max_size=14), st.integers(0, 15))
def test_message_end_read_in_the_lines_joined_from_a_start_is_the_plain_one(texts, start):
    lines = clines(texts)
    rest = "\n" + "\n".join(texts[start:])
    second = rest.find("\n", 1)
    end, end_at = body_clauses._message_end_in(rest, second, lines, start + 1) if second >= 0 else (len(lines), len(rest))
    assert end == body_clauses._message_end(lines, start + 1)
    assert rest[:end_at] == "\n" + "\n".join(texts[start:end])


@SETTINGS
@given(bodies, st.integers(0, 30), st.integers(0, 5), st.booleans())
def test_kept_lines_cut_from_the_lines_joined_are_the_kept_lines_joined(texts, k, cut, trim):
    whole = clines(texts)
    kept = whole[:k]
    if trim and kept:
        last = kept[-1]
        kept = kept[:-1] + [CLine(last.index, last.start, last.end - cut, last.text[: max(0, len(last.text) - cut)])]
    joined = "\n" + "\n".join(texts)
    assert body_clauses._joined_kept(joined, whole, kept) == "\n" + "\n".join(ln.text for ln in kept)


@SETTINGS
@given(st.text(alphabet="csnfCSNF/- \t\n\xa0\u2003\x1c\x85ſı", max_size=10))
def test_portion_mark_drops_what_backslash_s_takes(mark):
    assert body_clauses._portion_mark(mark) == re.sub(r"\s", "", mark.upper()).replace("-", "/")


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(["(C)", "(S/NF)", "( U )", "(c - nf)", "(SBU)", "(", ")", "C", " ", "\xa0",
                                           "\u2003", "\x1c", "\n"]), line_texts), max_size=6).map("".join))
def test_an_unnumbered_mark_is_the_plain_match_on_stripped_text(text):
    text = text.strip()
    fast, plain = body._unnumbered_mark(text), body._UNNUMBERED_MARK.match(text)
    assert (fast and (fast.span(), fast["mark"])) == (plain and (plain.span(), plain["mark"]))


_RUN_ON_PLAINLY = re.compile(r"(?<=[.:\"”])\s+(?P<num>\d{1,2})\.\s+(?=[A-Z\"“(])")
RUN_ON_PIECES = ["views.", "15.", "5.", "05.", "115.", " ", "\u2003", "\n", "By", "by", ":", "”", "(C)", "x", "3.", "15"]


@SETTINGS
@given(st.lists(st.sampled_from(RUN_ON_PIECES), max_size=14).map("".join), st.sampled_from([3, 5, 15]))
def test_a_run_on_number_is_where_the_plain_search_finds_it(text, due):
    plain = next((m for m in _RUN_ON_PLAINLY.finditer(text) if m["num"] == str(due)), None)
    assert body._run_on(text, due) == (plain and (plain.start(), plain.start("num")))
