"""Sixth round's shared views agree with the plain definitions they stand for.

The driver hands the digest's UTF-8 to the normalisation state only where it is the decoded
text's own UTF-8 (``_utf8_of``), and the state's upper-cased view made from those bytes is the
one it makes by encoding the text itself.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cablegram.normalise.state import NormState
from cablegram.parse import _utf8_of, decode

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Line ends, NULs, lone surrogates and letters in and outside ASCII: what decode mends or keeps.
PIECES = ["a", "Z", "\n", "\r", "\r\n", "\x00", "ß", "é", "\u017f", "\u212a", "\ud800", "\U0001f600", " "]
texts = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)


def _digest_bytes(data: str | bytes) -> bytes:
    """The bytes ``parse`` hashes for the digest (as it spells them)."""
    return data.encode("utf-8", errors="surrogatepass") if isinstance(data, str) else data


@SETTINGS
@given(st.one_of(texts, texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
@example("ab\r\ncd")
@example("\ufeffx".encode("utf-8"))
def test_utf8_handed_over_only_where_it_is_the_texts_own(data):
    raw = _digest_bytes(data)
    text, _ = decode(data, utf8=raw)
    utf8 = _utf8_of(text, data, raw)
    if utf8 is not None:
        assert utf8 == text.encode("utf-8", "surrogatepass")


@SETTINGS
@given(texts)
@example("")
@example("stra\u00dfe \u017ftop")
def test_ascii_upper_from_handed_bytes_is_the_encoded_texts(text):
    plain = NormState(text)
    handed = NormState(text, utf8=text.encode("utf-8", "surrogatepass"))
    assert handed.ascii_upper == plain.ascii_upper == text.encode("utf-8", "surrogatepass").upper()
    assert handed.ascii_case_exact == plain.ascii_case_exact


# Letters of the words looked for, their other cases, line breaks and a character outside Latin-1.
WORD_PIECES = ["r", "o", "m", "R", "O", "M", "Rec", "NO", "N", "e", "c", "\n", "x", "\u0100"]
word_texts = st.lists(st.sampled_from(WORD_PIECES), max_size=30).map("".join)


@SETTINGS
@given(st.integers(19_990, 20_003), word_texts)
@example(19_997, "Rec NO")
@example(19_996, "NORec")
def test_incoming_form_gate_is_both_words_in_the_first_20000_characters(pad, tail):
    from cablegram.parse import _may_hold_incoming_form

    for text in (tail, "x" * pad + tail, tail + "x" * pad + tail):
        assert _may_hold_incoming_form(text) == ("Rec" in text[:20000] and "NO" in text[:20000])


# Pieces of running heads, and of lines that look like them: serials, commas, month-days across
# line breaks, 'from' in its cases, letters re.I folds into ASCII ones, blanks beyond ASCII.
HEAD_PIECES = ["-2- 631, October 15, 6 p.m. from Elisabethville", "=3= 78, OCT 19 FROM Paris", "-4- ", "7", ",",
               " ", "\n", "\u3000", "Oct", "oct", "\u017fep", "\u212aay", ".", "12", " from Rome", " FRoM Rome",
               "rom", "ROM", "x", "\u0130"]
head_texts = st.lists(st.sampled_from(HEAD_PIECES), max_size=16).map("".join)


@SETTINGS
@given(head_texts)
@example("-2- 631, October 15, 6 p.m. from Elisabethville\n=3= 631,\nOctober 15 from Elisabethville")
@example("-2- 631, \u212aay 15 from Rome")
def test_page_heads_are_the_matches_of_the_lines_holding_rom_or_ROM(text):
    from cablegram.parse.forms import _PAGE_HEAD, _page_heads

    plain, start = [], 0
    for line in text.split("\n"):  # every line holding 'rom' or 'ROM' tried, as read_page_heads once did
        if ("rom" in line or "ROM" in line) and (m := _PAGE_HEAD.match(line)):
            plain.append((start, m.span(), m.groupdict()))
        start += len(line) + 1
    assert [(start, m.span(), m.groupdict()) for start, m in _page_heads(text)] == plain
