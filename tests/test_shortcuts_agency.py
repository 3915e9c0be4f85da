"""The agency readers' shortcuts agree with the plain definitions they stand for.

Each fast path of ``parse.agencies`` (a look-behind after a pattern's first word instead of a word
boundary before it, a case-blind pattern tried only where the text's upper-case view holds the
word its matches open with, a window of lines scanned as one text) is checked here against the
obvious, slow way of asking the same question, on text built to reach the edges: words in any
case, glued to letters or digits, split over lines, and the characters ``re.I`` folds into ASCII.
"""

from __future__ import annotations

import difflib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shortcut_support import clines

from cablegram.normalise import normalise
from cablegram.parse.agencies import cia_opening, date_boxes, email, jfk_form, markings, reader, recognise, window
from cablegram.parse.agencies.window import Window
from cablegram.parse.draft import clean_lines
from cablegram.vocab.markings import AGENCY_CONTROLS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

AGENCY_WORDS = ["CITE", "cite", "XCITE", "CITE MEXI 7028", "CITE DIR", "FBI", "fbi", "FBIX", "FEDERAL BUREAU",
                "Federal\nBureau", "TELETYPE", "SAC", "sac", "SACRAMENTO", "NITEL", "AIRTEL", "AGENCY: NSA",
                "ORIGINATOR : NSA", "Msg Nr", "MSG NO", "FR Paris:", "FR", "fr", "CLASSIFIED MESSAGE", "DIRECTOR",
                "ROUTING", "VZCZC", "MRN:", "FM AMEMBASSY", "SECRET SECTION", "NSA", "1234", "ſAC", "\u212aCITE"]
SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", ":", "", "_", "é", "9"]
tokens = st.one_of(st.sampled_from(AGENCY_WORDS), st.text(alphabet="abcXYZ019 -.:;éſ\u212a", max_size=4))
texts = st.lists(st.tuples(tokens, st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(t + s for t, s in parts))

_PLAIN_CIA_CITE = re.compile(r"\bCITE\s+(?P<station>[A-Z]{3,12})\s+(?P<serial>\d{2,6})\b")


@SETTINGS
@given(texts)
def test_cia_cite_finds_what_its_plain_spelling_finds(text):
    assert [(m.span(), m.groupdict()) for m in recognise.CIA_CITE.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in _PLAIN_CIA_CITE.finditer(text)]


@SETTINGS
@given(texts, st.integers(1, 3))
def test_markers_counted_at_their_words_are_the_matches_finditer_finds(text, enough):
    for pattern, words in ((recognise.FBI_MARKERS, recognise._FBI_WORDS), (recognise.NSA_MARKERS, recognise._NSA_WORDS),
                           (recognise.CIA_MARKERS, recognise._CIA_WORDS)):
        assert recognise._count(pattern, words, text, enough) == min(len(pattern.findall(text)), enough)


def _plain_kind_by_markers(text: str) -> str | None:
    """``_kind_by_markers`` as first written: the markers, then the State header."""
    head = text[:6000]
    if "CITE" not in text and "FBI" not in head and "NSA" not in head and "TELETYPE" not in head.upper():
        return None
    if recognise._STATE_HEADER.search("\n" + head):
        return None
    if "NSA" in head and recognise.NSA_MARKERS.search(head):
        return "nsa-intercept"
    if len(recognise.FBI_MARKERS.findall(head)) >= 2:
        return "fbi-teletype"
    if _PLAIN_CIA_CITE.search(text) or (len(recognise.CIA_MARKERS.findall(head)) >= 2 and "CITE" in text):
        return "cia-cable"
    return None


@SETTINGS
@given(texts)
def test_kind_by_markers_is_the_plain_reading(text):
    assert recognise._kind_by_markers(text, text[:6000]) == _plain_kind_by_markers(text)


line_lists = st.lists(st.text(alphabet="ABDEINOSRT -/\u00e9", max_size=12), max_size=12)


@SETTINGS
@given(line_lists, st.lists(st.sampled_from(["SECRET", "-", "DISSEM", "ONLY", "E", "NO", "RYBAT"]), min_size=1, max_size=4))
def test_lines_holding_are_the_lines_that_hold_a_word(texts, words):
    assert window.lines_holding(texts, tuple(words)) == [k for k, t in enumerate(texts) if any(w in t for w in words)]


def test_each_control_holds_one_of_the_hint_words():
    # read_agency_controls scans only lines holding a hint word; every control holds one.
    for control in AGENCY_CONTROLS:
        assert any(w in control for w in markings._CONTROL_HINTS)


@SETTINGS
@given(line_lists, st.lists(st.sampled_from(["SECRET", "TOR", "T0R", "CITE", "ATE", "ß"]), min_size=1, max_size=3))
def test_a_window_finds_the_lines_whose_upper_case_holds_a_word(texts, words):
    win = Window(clines(texts))
    assert win.uppers == [t.upper() for t in texts]
    words = [w for w in words if w.isascii()] or ["SECRET"]
    assert win.holding(tuple(words)) == {k for k, t in enumerate(texts) if any(w in t.upper() for w in words)}
    for hint in (reader._DIGIT, reader._STAMP_TIME):
        assert win.matching(hint) == {k for k, t in enumerate(texts) if hint.search(t.upper())}


STAMP_PIECES = ["SECRET 231228Z", "TOP SECRET", "CONFIDENTIAL 0808532 APR 76", "UNCLASSIFIED", "TOR: 0822422 JUN 76",
                "T0R 1811282", "_TOR 0101", "MIY 27. 22162 62", "AUG 17 1942Z 62", "NOV 8: 2343762", "JANUARY 9 12O0 63", "12 DSC 63", "NOV 8: O0OO OO", "1O OO"]


def pieced_lines(pieces: list[str], alphabet: str):
    """Lines of up to five pieces, each a known piece or a short run of likely characters."""
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(alphabet=alphabet, max_size=6)), max_size=5).map(" ".join)


stamp_lines = pieced_lines(STAMP_PIECES, "SECRTO0Z27 :.-_1")


@SETTINGS
@given(stamp_lines)
def test_each_gated_line_pattern_matches_only_a_line_holding_its_gate(line):
    t = line.upper()
    if reader._CLASS_WORD.match(t) or reader.CIA_DTG.match(t):
        assert any(w in t for w in reader._LEVELS)
    if reader._TOR.match(t):
        assert any(w in t for w in reader._TOR_WORDS)
    if date_boxes._STAMP_ANY_MONTH.search(t) or reader.CIA_TIME.search(t):
        assert reader._STAMP_TIME.search(t)
    if date_boxes._DATE_ANY_MONTH.search(line):
        assert reader._DIGIT.search(t)
    if date_boxes._DATE_BOX_ONE.match(t):
        assert "ATE" in t
    if reader._LONE_CITE.match(t):
        assert "CITE" in t


PRECEDENCE_PIECES = ["OPERATIONAL IMMEDIATE", "OPERATIONAL\tIMMEDIATE", "OPIM", "IMMEDIATE", "PRIORITY", "PRITY", "ROUTINE",
                     "RTNE", "FLASH", "DEFERRED", "URGENT", "NIACT", "NO NIACT", "TO:", "TO", "DIR", "MEXI", "PRI", "ROUT"]
precedence_lines = pieced_lines(PRECEDENCE_PIECES, "AEINOPRTU :.(-\t")


@SETTINGS
@given(precedence_lines)
def test_a_typed_address_or_a_precedence_word_holds_a_precedence_gate_word(line):
    t = line.upper()
    if reader._TYPED_ADDRESS.match(t) or reader._AGENCY_PREC.search(t):
        assert any(w in t for w in reader._PRECEDENCE_WORDS)


MARKING_PIECES = ["E2 IMPDET", "E2, IMPOET", "£2 IMPDET", "E.Z, INPDET", "E 2 IHET", "CABINET", "TOP SECRET", "S-E-C-R-E-T", "SECRET AGENT",
                  "C-O-N-F-I-D-E-N-T-I-A-L", "S - E - C", "CONFIDENTIAL", "BEC-RE-T", "-"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(MARKING_PIECES), texts), max_size=6).map(" ".join))
def test_marking_and_impdet_matches_hold_their_gate_literals(text):
    if reader._IMPDET.search(text):
        assert reader._IMPDET_TAIL.search(text)
    if markings._MARKING_WORD.search(text):
        assert any(w in text for w in ("SECRET", "CONFIDENTIAL", "S-E-C", "C-O-N"))


# The written-date pattern as first written: two shapes, the look-behind before the day.
_PLAIN_LOOSE_DATE = re.compile(
    r"(?i)(?<![A-Za-z0-9])(?P<d>\d{1,2})[).]?\s+(?P<m>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?\s+(?P<y>19\d{2}|\d{2})(?:\b|(?=\d{4}))"
    r"|\b(?P<m2>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\s+(?P<d2>\d{1,2})\s+\d{3,5}Z?\s+(?P<y2>\d{2})\b")
DATE_PIECES = ["19 FEB 62", "_19 FEB 62", "24) OCTOBER 1961", "17 DEc 631882675", "DEC 17 1826Z 63", "dec 17 1826 63",
               "X19 FEB 62", "119 FEB 62", "9 ſep 64", "JAN 1 123 45", "2 JAN", "ſEP 3 0101 62", "7 \u212aAN"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(DATE_PIECES), texts), max_size=6).map(" ".join))
def test_loose_date_is_the_match_of_the_one_plain_pattern(text):
    plain, fast = _PLAIN_LOOSE_DATE.search(text), reader._loose_date(text)
    assert (plain is None) == (fast is None)
    if plain:
        d, m, y = (plain["d"], plain["m"], plain["y"]) if plain["d"] else (plain["d2"], plain["m2"], plain["y2"])
        assert (plain.span(), d, m, y) == (fast.span(), fast["d"], fast["m"], fast["y"])


FORM_LINES = ["JFK ASSASSINATION SYSTEM", "IDENTIFICATION FORM", "jfk assassination\tsystem", "Identification  Form",
              "ASSASSINATION", "ıDENTIFICATION FORM", "JF\u212a ASSASSINATION SYSTEM", "AGENCY : CIA", "ﬁ"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(FORM_LINES), st.text(alphabet="JFKjfk ıIDENTIFICATIONFORM", max_size=12)),
                max_size=8))
def test_form_title_lines_are_among_the_lines_holding_its_words_in_any_case(texts):
    held = window.lines_holding_any_case(texts, ("IDENTIFICATION", "JFK"))
    assert held == sorted(set(held))
    assert [k for k, t in enumerate(texts) if jfk_form.JFK_FORM.search(t)] == \
        [k for k in held if jfk_form.JFK_FORM.search(texts[k])]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(FORM_LINES), st.text(alphabet="JFKjfk ıIDENTIFICATIONFORM", max_size=12)),
                max_size=20))
def test_title_line_is_the_first_line_the_title_pattern_finds(texts):
    lines = clines(texts)
    assert jfk_form._title_line(lines) == next((k for k, ln in enumerate(lines) if jfk_form.JFK_FORM.search(ln.text)), None)


class _Values:
    """The part of a Draft that agency_kind reads."""

    def __init__(self, **values: str) -> None:
        self.values = values

    def get(self, name: str, default=None):
        return self.values.get(name, default)


def _plain_agency_kind(d, text: str) -> str | None:
    """``agency_kind`` as first written."""
    originator = (d.get("form_originator") or "").upper() or recognise._RECORD_AGENCY.get((d.get("record_number") or "")[:3], "")
    head = text[:6000]
    if not originator and "CITE" not in text and "FBI" not in head and "NSA" not in head and "TELETYPE" not in head.upper():
        return None
    if not originator and recognise._STATE_HEADER.search("\n" + head):
        return None
    if originator.startswith("NSA") or "NSA" in head and recognise.NSA_MARKERS.search(head):
        return "nsa-intercept"
    if originator.startswith("FBI") or (originator == "" and len(recognise.FBI_MARKERS.findall(head)) >= 2):
        return "fbi-teletype"
    if originator.startswith("CIA") or _PLAIN_CIA_CITE.search(text) or (
            originator == "" and len(recognise.CIA_MARKERS.findall(head)) >= 2 and "CITE" in text):
        return "cia-cable"
    if originator and originator not in ("STATE", "DOS", "DEPARTMENT OF STATE"):
        return "other"
    return None


@SETTINGS
@given(texts, st.sampled_from(["", "CIA", "fbi", "NSA", "STATE", "Department of State", "ARMY"]),
       st.sampled_from(["", "104-10215-10125", "124-10001-10001", "144-1", "999"]))
def test_agency_kind_is_the_plain_reading(text, originator, record_number):
    d = _Values(form_originator=originator, record_number=record_number)
    assert recognise.agency_kind(d, text) == _plain_agency_kind(d, text)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(FORM_LINES + ["IDENTIFICATION", "Assassination", "", "  "]), texts),
                max_size=12).map("\n".join))
def test_form_gate_passes_every_document_whose_head_holds_the_title(text):
    clean, state = normalise(text)
    head = text[:jfk_form._TITLE_WITHIN // 4].upper()  # (four bytes a character at most)
    if state.ascii_case_exact and ("IDENTIFICATION" in head or "JFK" in head):
        assert jfk_form.may_hold_form_title(state)  # (otherwise the gate asks the title's pattern itself)
    if not jfk_form.may_hold_form_title(state):
        assert not any(jfk_form.JFK_FORM.search(ln.text) for ln in clean_lines(clean) if clean.to_original(ln.end) <= len(head))


# Words near the known names: letters of the names (several occurrences), lookalikes, spaces, and
# characters outside them, so that quick_ratio lands on every side of the cutoff.
_NAME_TABLES = [cia_opening._addressees(), tuple(reader._PRECEDENCE_READINGS), ("ABBA", "BAAB", "ABBA", "AB BA", "ÉCOLE")]
_near_words = st.one_of(st.sampled_from([n for t in _NAME_TABLES for n in t]).flatmap(
    lambda n: st.lists(st.sampled_from(list(n) + ["Q", "0", " ", "É", "A"]), min_size=0, max_size=len(n) + 3)
    .map("".join) | st.just(n[:-1]) | st.just(n + "S") | st.just(n[1:])), st.text(alphabet="ABCDEIRSTUVWX ", max_size=12))


@SETTINGS
@given(_near_words, st.sampled_from(_NAME_TABLES))
def test_quick_ratio_prefilter_keeps_the_names_difflib_keeps(word, known):
    plain = difflib.SequenceMatcher()
    plain.set_seq2(word)
    kept = []
    for name in known:
        plain.set_seq1(name)
        if plain.quick_ratio() >= cia_opening._CUTOFF:
            kept.append(name)
    if word:
        assert cia_opening._within_quick_ratio(word, known) == kept


@SETTINGS
@given(_near_words, st.sampled_from(_NAME_TABLES))
def test_closest_is_difflib_over_every_known_name(word, known):
    close = difflib.get_close_matches(word, known, n=3, cutoff=cia_opening._CUTOFF)
    if word in known:
        plain = word
    elif len(word) < 4:
        plain = None
    elif re.fullmatch(r"J[A-Z]{1,5}VE", word):  # JMWAVE's misreadings (cia_opening._JMWAVE_MISREAD)
        plain = "JMWAVE" if "JMWAVE" in known else "WAVE" if "WAVE" in known else None
    elif len(close) == 1:
        plain = close[0]
    else:
        shaped = [c for c in close if cia_opening.lookalike_of(word, c)]
        plain = shaped[0] if len(shaped) == 1 else None
    assert cia_opening.closest.__wrapped__(word, known) == plain


_EMAIL_LINES = ["From: A", "SENT;", "  to :", "Cc", "Subject", "rom:", "attachments ;", "FROM", "TO X: Y", "X: Y", ";", ":"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_EMAIL_LINES), texts), max_size=45).map("\n".join))
def test_is_email_asks_only_lines_with_a_colon_what_it_asked_every_line(text):
    lines = clean_lines(normalise(text)[0])
    plain = len([ln for ln in lines[:40] if email.EMAIL_HEADER.match(ln.text)]) >= 3
    assert email.is_email(lines) == plain


# Lines near the routing box's: its labels, their misreadings and specks, words holding 'to'.
_BOX_PIECES = ["TO", "To", "tO", "10", "T0", "FROM", "From", "from", "FROMAGE", "TOKYO", "MOM", "mon", "ROM", "FRUM", "ROME", ":", " : ", "•", "•• ",
               "DIRECTOR", "PARIS", "MEXICO CITY", "x", "1", "é", "\t", "  ", "_"]
_box_line_lists = st.lists(st.lists(st.sampled_from(_BOX_PIECES), max_size=5).map("".join), max_size=10)


@SETTINGS
@given(_box_line_lists)
def test_box_lines_are_the_lines_that_open_as_a_box(texts):
    window_lines = clines(texts)
    plain = [k for k, ln in enumerate(window_lines)
             if cia_opening._BOX.match(ln.text) or (len(ln.text) <= 10 and cia_opening._BOX_LABEL_ALONE.match(ln.text))]
    found = cia_opening._box_lines(window_lines)
    assert found == sorted(set(found))
    assert set(plain) <= set(found)
    assert all(re.match(r"^\W{0,3}(?:[Tt1][Oo0]|FROM|From|" + cia_opening._FROM_MISREAD + r")\b", window_lines[k].text) for k in found)

