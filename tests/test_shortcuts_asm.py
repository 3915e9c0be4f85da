"""The shortcuts of record assembly and the field grammars agree with the plain definitions they
stand for (as ``tests/test_shortcuts.py`` does for normalisation and the body grammar), on text
built to reach the edges: capitals glued to words and numbers, blanks of every kind, digits
beyond ASCII, words that differ from a clearer's name by one letter or one neighbour.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram import model
from cablegram.parse import fields
from cablegram.parse.assemble import _stands_in_body

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- REF items -----------------------------------------------------------------------------------
# The item pattern as first written: plain greedy runs, a start tried at every character.
_PLAIN_REF_ITEM = re.compile(
    r"(?:(?<![\w])(?P<yy>\d{2})\s?)?(?P<station>[A-Z][A-Z.'\-]*(?:\s+[A-Z][A-Z.'\-]*){0,3}?)\s+(?:NO\.?\s*)?0*(?P<serial>\d{1,6})\b"
)

REF_WORDS = ["STATE", "NEW DELHI", "THE HAGUE", "NO.", "NO", "A.", "B)", "(C)", "REF", "AND", "NOTAL", "10SHENYANG",
             "06", "007", "000", "1234567", "12/05", "314/0123", "- ", "E-MAIL", "O'HARE", "X.", "DATED", "23",
             "OCTOBER", "٣٤", "x", "é", "_", "Ab", "ST.-PAUL"]
ref_tokens = st.one_of(st.sampled_from(REF_WORDS), st.text(alphabet="AZ09.'-_ (xé٣", max_size=5))
ref_texts = st.lists(st.tuples(ref_tokens, st.sampled_from([" ", "  ", "", "\n", "\t", "\xa0", ", ", "; "])),
                     max_size=30).map(lambda parts: "".join(t + s for t, s in parts))


def _items(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@SETTINGS
@given(ref_texts)
def test_ref_item_finds_the_items_of_the_plain_pattern(text):
    assert _items(fields._REF_ITEM, text) == _items(_PLAIN_REF_ITEM, text)
    assert _items(fields._REF_ITEM, text.upper()) == _items(_PLAIN_REF_ITEM, text.upper())


# -- clearers read as ordinary words ---------------------------------------------------------------
NAMES = ["smith", "jones", "abc", "abcd", "Smith", "smiths", "ßmith", "smıth", "k\u212aelly", "o'neil", "van der",
         "jgoldstein", ""]
body_tokens = st.one_of(st.sampled_from(NAMES + ["smith's", "_smith", "smith_", "xsmith", "smith2", "2smith",
                                                 "smithé", "ésmith", "SMITH"]),
                        st.text(alphabet="smithé_2 '\n", max_size=6))
bodies = st.lists(st.tuples(body_tokens, st.sampled_from([" ", "", "\n", ".", "-", "\xa0"])), max_size=30).map(
    lambda parts: "".join(t + s for t, s in parts))


@SETTINGS
@given(st.one_of(st.sampled_from(NAMES), st.text(alphabet="smithé_K", max_size=7)), bodies)
def test_a_name_stands_in_the_body_as_one_of_its_words(name, body):
    words = set(re.findall(r"\b[a-z]{4,}\b", body))
    assert _stands_in_body(name.lower(), body) == (name.lower() in words)


@SETTINGS
@given(st.data())
def test_a_name_is_found_past_occurrences_inside_longer_words(data):
    # The name glued to letters, digits, '_' or 'é' before it stands in the body first, so that
    # the search has to go on past occurrences inside longer words ('abab' in 'ababab abab').
    name = data.draw(st.text(alphabet="ab", min_size=3, max_size=6))
    pieces = st.one_of(st.just(name), st.text(alphabet="ab_é1", max_size=3).map(lambda g: g + name),
                       st.text(alphabet="ab_é1", max_size=3).map(lambda g: name + g), st.sampled_from(["a", "b", "é"]))
    body = data.draw(st.lists(st.tuples(pieces, st.sampled_from(["", " ", "\n", "-"])), max_size=8).map(
        lambda parts: "".join(p + sep for p, sep in parts)))
    words = set(re.findall(r"\b[a-z]{4,}\b", body))
    assert _stands_in_body(name, body) == (name in words)


# -- records built through their slots ---------------------------------------------------------------
RECORDS = [cls for cls in vars(model).values()
           if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__]


def _plain(cls: type) -> type:
    """The same record as a frozen, slotted dataclass with the ``__init__`` dataclasses writes."""
    specs = [(f.name, f.type, dataclasses.field(default=f.default, default_factory=f.default_factory))
             for f in dataclasses.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=True, slots=True)


def _build(cls: type, args: tuple, kwargs: dict):
    try:
        record = cls(*args, **kwargs)
    except TypeError:
        return "TypeError"
    return [getattr(record, f.name) for f in dataclasses.fields(cls)]


@SETTINGS
@given(st.sampled_from(RECORDS), st.data())
def test_records_take_the_arguments_their_dataclass_takes(cls, data):
    names = [f.name for f in dataclasses.fields(cls)]
    positional = data.draw(st.integers(0, len(names) + 1))
    args = tuple(range(positional))
    keywords = data.draw(st.lists(st.sampled_from(names + ["unknown"]), unique=True))
    kwargs = {name: f"value of {name}" for name in keywords}
    assert _build(cls, args, kwargs) == _build(_plain(cls), args, kwargs)
    if _build(cls, args, kwargs) != "TypeError":
        record = cls(*args, **kwargs)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, names[0], "changed")


def test_a_default_factory_gives_each_record_its_own_value():
    assert model.Telegram().spans == {} and model.Telegram().spans is not model.Telegram().spans


# -- CITE codes read as the one they are close to ------------------------------------------------
# Words near the codes: a code with letters changed (lookalikes among them), added or taken away,
# doubled letters, and words of the code letters and OCR specks of every length.
def _cite_codes() -> tuple[str, ...]:
    from cablegram.parse.addresses import _cite_codes as codes
    return codes()


@st.composite
def cite_words(draw) -> str:
    if draw(st.booleans()):
        return draw(st.text(alphabet="ABDEILMNORSTVWX1!.0 ", max_size=9))
    word = list(draw(st.sampled_from(_cite_codes())))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(word)))
        edit = draw(st.sampled_from(["change", "add", "drop"]))
        letter = draw(st.sampled_from("GQODCEFPRBILUVWMNHA!1"))
        if edit == "add" or not word:
            word.insert(at, letter)
        elif edit == "drop":
            del word[min(at, len(word) - 1)]
        else:
            word[min(at, len(word) - 1)] = letter
    return "".join(word)


@SETTINGS
@given(cite_words())
def test_a_cite_word_is_read_as_closest_reads_it_among_all_codes(word):
    from cablegram.parse.agencies.cia_opening import closest
    from cablegram.parse.addresses import _closest_code
    assert _closest_code(word) == closest.__wrapped__(word, _cite_codes())
