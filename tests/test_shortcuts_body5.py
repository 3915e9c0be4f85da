"""The body grammar's and the driver's fifth-round shortcuts agree with the plain definitions
they stand for."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.parse import body, decode, signature

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Letters, the apostrophe, blanks and characters whose lower case is another length or an
# ASCII letter (İ, K), so that words meet at every kind of edge.
words = st.text(alphabet="abAB'İK", min_size=1, max_size=4)
texts = st.lists(st.one_of(words, st.text(alphabet=" \n.,'abAB-İKé", max_size=4)), max_size=12).map("".join)


def _uses_word_plainly(text: str, word: str) -> bool:
    """The search as first written: the look-behind before the word."""
    word = word.lower()
    if not re.fullmatch(r"[a-z']+", word):
        return False
    return re.search(rf"(?<![a-z']){re.escape(word)}(?![a-z'])", text.lower()) is not None


@SETTINGS
@given(texts, words)
def test_uses_word_with_the_look_behind_after_the_word(text, word):
    assert signature._uses_word(text, word) == _uses_word_plainly(text, word)


@SETTINGS
@given(texts, st.data())
def test_uses_word_for_words_the_text_holds(text, data):
    # Words cut from the text itself, so that most are found (at its edges too).
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    word = text[start: start + data.draw(st.integers(1, 4))]
    assert signature._uses_word(text, word) == _uses_word_plainly(text, word)


# NULs, line ends, a lone surrogate, characters stored one, two and four bytes a character.
raw_texts = st.text(alphabet="a \x00\r\n\ud800é€𝄞\x01", max_size=30)


@SETTINGS
@given(raw_texts)
def test_decode_asks_the_utf8_for_nul(text):
    utf8 = text.encode("utf-8", "surrogatepass")
    assert decode(text, utf8=utf8) == decode(text)
    assert decode(utf8, utf8=utf8) == decode(utf8)  # bytes: their own NUL test, the argument unused


# The first characters of every kind (digits, a digit of another script, lookalike letters of both
# cases, lower-case letters, capitals, blanks, specks, symbols, '$', brackets) and what may follow.
_FIRSTS = "05٣SZIlBGTbgqaezMALdsO \t\xa0\u2003\x85•·*'‘’\"“”.,|;:~_=+<>-¿?§&$(\n"
# Lines that open a number as OCR leaves it, as the lines of tests/test_shortcuts_body.py.
_NUMBER_LINES = ["1. THE", "• 3. BELIEVE", "S. PATILLO", "b. 5 x", "g 7", "ZÓ FIORINI", "ae 5. ON", "a + 3. BELIEVE",
                 "ab c. 4. TEXT", "x; ey- 2, THE", "abcd 2", "the 12", "¿. SUGGEST", "  4, REQUEST", "$5 MILLION",
                 "LO GROUP", "dO NO", " lO: MANOLO", "Se TO", "3O CO", "• La THE"]
hint_lines = st.one_of(st.text(alphabet=_FIRSTS + "Ó°xyz", max_size=9), st.sampled_from(_NUMBER_LINES),
                       st.tuples(st.sampled_from(_NUMBER_LINES), st.text(alphabet=_FIRSTS, max_size=3)).map("".join))


@SETTINGS
@given(st.lists(hint_lines, max_size=12))
def test_paragraph_hint_split_by_first_character(lines):
    """The scan for lines that may open a paragraph number finds the lines the plain spelling finds."""
    joined = "\n" + "\n".join(lines)
    plain = re.compile(rf"\n(?:{body._MAY_BE_NUMBERED}|{body._OCR_NUMBER_READABLE}|{body._GARBLED_MARK_OPENING})")
    assert [m.start() for m in body._PARAGRAPH_HINT.finditer(joined)] == [m.start() for m in plain.finditer(joined)]
    # and without the garbled marks (the text of a telegram that is no agency's)
    plain = re.compile(rf"\n(?:{body._MAY_BE_NUMBERED}|{body._OCR_NUMBER_READABLE})")
    assert [m.start() for m in body._PARAGRAPH_HINT_PLAIN.finditer(joined)] == [m.start() for m in plain.finditer(joined)]
