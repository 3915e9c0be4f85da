"""Fast paths of the fifth round in field grammars and assembly agree with the plain definitions
they stand for, on text built to reach their edges (digits beyond ASCII, blanks of every kind,
routing indicators that take the whole line, BY POUCH and UNN before a number)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shortcut_support import plain_name_and_precedence

from cablegram.model import Addressee
from cablegram.parse import fields

SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _texts(words: list[str], alphabet: str, separators: list[str]):
    tokens = st.one_of(st.sampled_from(words), st.text(alphabet=alphabet, max_size=6))
    return st.lists(st.tuples(tokens, st.sampled_from(separators)), max_size=10).map(
        lambda parts: "".join(t + s for t, s in parts))


# -- an addressee line read without its sequence number --------------------------------------------
def plain_addressee(text: str) -> Addressee | None:
    """``fields.addressee`` as it read every line whole, before the part before the number was memoised."""
    s = " ".join(text.split()).strip(" ,;.")
    if not s:
        return None
    routing = None
    if m := fields._RI.match(s):
        routing, s = m[1], s[m.end():]
    s = s.strip()
    s = fields._BY_POUCH.sub("", s)
    sequence = None
    if m := fields._SEQ.search(s):
        sequence, s = int(m[1]), s[: m.start()]
    name, prec = fields._name_and_precedence.__wrapped__(s)
    if not name or len(name) > 90:
        return None
    return Addressee(name=name, precedence=prec, routing=routing, sequence=sequence)


addressee_lines = _texts(
    ["RUEHC/", "RUEHC /", "RUEHC/ ", "RUEAIIA/CIA", "SECSTATE", "WASHDC", "AMEMBASSY", "AmEmbassy,", "KABUL,",
     "IMMEDIATE", "PRIORITY", "niact immediate", "BY", "POUCH", "by pouch", "UNN", "unn", "ZEN/", "6818", "0100",
     "123456", "٣٤", "12", "/", "X" * 95],
    "RUEHC/0129٣ BYPOUCHunn,.;",
    [" ", "", "\t", "\xa0", "\u2003", "\n", ", ", ". ", " / "],
)


@SETTINGS
@given(addressee_lines)
def test_an_addressee_line_reads_as_the_plain_definition(text):
    fields.addressee.cache_clear()
    fields._unnumbered.cache_clear()
    assert fields.addressee(text) == plain_addressee(text)
    # a second reading, from the memo of the part before the number, is the same
    fields.addressee.cache_clear()
    assert fields.addressee(text) == plain_addressee(text)


@SETTINGS
@given(addressee_lines, st.text(alphabet="0123456789٣", min_size=1, max_size=6))
def test_a_numbered_line_reads_as_the_plain_definition(head, number):
    text = f"{head} {number}"
    assert fields.addressee(text) == plain_addressee(text)


def test_a_routing_indicator_that_takes_the_whole_head_leaves_the_number_as_the_name():
    assert fields.addressee("RUEHC/ 123") == plain_addressee("RUEHC/ 123")
    assert fields.addressee("RUEHC/ 123").name == "123"


def test_by_pouch_before_a_number_removes_the_number():
    assert fields.addressee("AMEMBASSY PARIS BY POUCH 12").sequence is None
    assert fields.addressee("AMEMBASSY PARIS UNN 12") == plain_addressee("AMEMBASSY PARIS UNN 12")


# -- an anchored substitution cut as its match ------------------------------------------------------
@SETTINGS
@given(_texts(["AMEMBASSY", "AMCONSUL", "USMISSION", "AmEmbassy", "LAGOS", "WASHDC", "SECSTATE", "PRIORITY", "ZEN"],
              "AMEBSY,L ", [",", ", ", ",\t", " ", "", "\n"]))
def test_name_and_precedence_reads_as_the_plain_definition(s):
    assert fields._name_and_precedence.__wrapped__(s) == plain_name_and_precedence(s)


# -- BY POUCH and UNN need their letters -----------------------------------------------------------
@SETTINGS
@given(_texts(["BY POUCH", "by pouch", "By\tPouch", "POUCH", "pOuCh", "UNN", "unn", "uNn", "BY", "İ", "ſ", "\u212a"],
              "BYPOUCHNbypouchn İ", [" ", "", "\t", "\xa0"]))
def test_a_line_without_pouch_or_a_final_unn_cannot_go_by_pouch(text):
    # (single-spaced text, as the callers pass: no line break for ``$`` to stand before)
    if not fields._may_go_by_pouch(text):
        assert fields._BY_POUCH.search(text) is None


def test_only_ascii_letters_fold_to_the_letters_of_by_pouch_and_unn():
    import re

    everything = [chr(code) for code in range(0x110000)]
    for letter in "BYPOUCHN":
        fullmatch = re.compile(letter, re.IGNORECASE).fullmatch
        assert [c for c in everything if fullmatch(c)] == [letter, letter.lower()]
        lower = letter.lower()
        assert [c for c in everything if c.lower() == lower] == [letter, lower]
