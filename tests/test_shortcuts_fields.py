"""The field grammars' literal gates and cut labels agree with the plain definitions they stand
for (as ``tests/test_shortcuts.py`` does for normalisation), on text built to reach the edges:
digits beyond ASCII, characters that fold to a letter under re.I, labels twice over, blanks of
every kind.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.parse import fields
from cablegram.parse import tags as tags_module
from cablegram.vocab import tables

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _texts(words: list[str], alphabet: str):
    tokens = st.one_of(st.sampled_from(words), st.text(alphabet=alphabet, max_size=5))
    return st.lists(st.tuples(tokens, st.sampled_from([" ", "", "\n", "\t", "\xa0", ", ", "; ", "."])),
                    max_size=20).map(lambda parts: "".join(t + s for t, s in parts))


# -- a date needs a digit ---------------------------------------------------------------------------
date_texts = _texts(["07/11/2016", "2016-07-11", "July 11, 2016", "11 JULY 96", "7-11-16", "N/A", "OADR", "٣/٤/٢٠١٦",
                     "SEPT", "DECL", "X1"], "019/-٣ JulyOADR,")


@SETTINGS
@given(date_texts)
def test_text_without_a_digit_holds_no_written_date(text):
    if fields._A_DIGIT.search(text) is None:
        assert all(form.search(text) is None for form in fields._DATE_FORMS)


# -- an exemption needs an X -----------------------------------------------------------------------
exemption_texts = _texts(["X1", "x8", "1.6 X2", "25X1", "50x2-WMD", "1.4 (B), (D)", "X", "\u212a", "ſ", "25X"],
                         "X x12568-(),")


@SETTINGS
@given(exemption_texts)
def test_reasons_without_an_x_hold_no_exemption(text):
    if "X" not in text and "x" not in text:
        assert fields._X_EXEMPT.search(text) is None


def test_only_x_and_capital_x_fold_to_x():
    import re

    folding = [c for c in map(chr, range(0x110000)) if re.fullmatch("x", c, re.I)]
    assert folding == ["X", "x"]


# -- a REF letter mark needs '.' or ')' ---------------------------------------------------------------
ref_texts = _texts(["A.", "B)", "(C)", "(D.", "H. STATE 123", "STATE 70129", "AND", "I.", "a."], "ABH.() ;:")


@SETTINGS
@given(ref_texts)
def test_ref_text_without_a_dot_or_parenthesis_holds_no_letter_mark(text):
    if "." not in text and ")" not in text:
        assert fields._LETTER.search(text) is None


# -- labels cut as a match are what the substitution removed -----------------------------------------
label_texts = _texts(["DECL", "decl:", "DECLASSIFY ON", "Declassify  on:", "DECL DECL", "Classified by",
                      "classifed by:", "CLASSIFICATION BY", "by"], "DECL: on")


@SETTINGS
@given(label_texts)
def test_a_label_cut_as_its_match_is_the_label_substituted_away(text):
    for label in (fields._DECL_LABEL, fields._DOUBLED_LABEL):
        m = label.match(text)
        assert (text[m.end():] if m else text) == label.sub("", text)


# -- TAGS: known codes on blanks ------------------------------------------------------------------
def _plain_tags(text: str) -> tuple[list[str], bool]:
    """``fields.tags`` as written before its known-code shortcut."""
    s = " ".join(text.split()).strip(" ,;.")
    if not s:
        return [], False
    out: list[str] = []
    segmented = False
    if "(" in s:
        s = tags_module._PERSON_TAG.sub(lambda m: "," + m[1].replace(",", "\u0001") + ",", s)
    lexicon = tables.tags()
    items = [i.strip() for i in tags_module._COMMA_OR_SEMICOLON.split(s)] if ("," in s or ";" in s) \
        else tags_module._phrases_kept(s.split(), lexicon)
    for item in items:
        item = item.replace("\u0001", ",").strip(" .")
        if not item:
            continue
        words = item.split()
        if len(words) > 1 and all(w.upper() in lexicon for w in words):
            out.extend(w.upper() for w in words)
            continue
        code = item.upper()
        if len(words) == 1 and code not in lexicon and (fixed := tags_module._ocr_tag(code)):
            out.append(fixed)
            segmented = True
            continue
        if len(words) == 1 and code not in lexicon and len(code) > 4 and code.isalpha():
            parts = tags_module.segment_tags(code)
            if parts:
                out.extend(parts)
                segmented = True
                continue
        out.append(code if len(words) == 1 else item.upper())
    return out, segmented


tag_texts = _texts(["PREL", "prel", "PGOV", "IN", "OVIP", "(VANCE, CYRUS)", "MASSMNUC", "01IP", "PREL.", ".PGOV",
                    "\u0001", "KPAO", "XYZZY", "ß", "ﬁ"], "PRELGOV01.(),;\u0001")


@SETTINGS
@given(tag_texts)
def test_tags_shortcut_reads_as_the_plain_definition(text):
    assert tags_module.tags(text) == _plain_tags(text)
