"""The JFK Assassination Records Collection's legends, footers and record numbers, on every page."""

from __future__ import annotations

import re

from ..state import NormState
from .common import RECORD_NUMBER, iso_date, lift_record_number


_JFK_LEGENDS = (
    re.compile(r"RELEASE\s+UNDER\s+THE\s+PRESIDENT\s+JOHN\s+F\.?\s+KENNEDY\s+ASSASSINATION\s+RECORDS\s+ACT", re.I),
    re.compile(r"Released\s+pursuant\s+to\s+Executive\s+Order\s+14176", re.I),
    re.compile(r"DECLASS\.\s+OF\s+RECORDS\s+CONC", re.I),
    re.compile(r"^\s*(?:SEN\.\s*)?R?FK,?\s*(?:AND\s+THE\s+REV\.?\s*(?:DR\.?\s*MLK,?\s*JR\.?)?)?\s*(?:SEN\.)?\s*$"),
    re.compile(r"^\s*(?:AND\s+THE\s+REV\.?|DR\.\s*MLK,?\s*JR\.?|SEN\.)\s*$"),
    re.compile(r"\bRele?ased\s+under\s+the\s+John\s+F\.?\s+Kennedy", re.I),
    re.compile(r"\bReleased\s+on\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}", re.I),
    re.compile(r"^\s*\(?[\w‘'|]{1,5}[-–][\w]{5}[-–]\d{5}\)?\|?\s*[\[(]\s*\d{4}\s+RELEASE\b", re.I),
    re.compile(r"Assassination\s+F?Records\s+Collection\s+Act", re.I),
    re.compile(r"^\s*\d{3,4}\s*\(44\s*USC\s*2107\s*Note\)", re.I),
    re.compile(r"\(44\s*USC\s*2107\s*Note\)", re.I),
    re.compile(r"^\s*NW\s*\d{4,6}\s+Doc\s*[Il1]d\s*[:.]?\s*\d+\s+Page\s+\d+\s*$", re.I),
    re.compile(r"^\s*14-00000\s*$"),
    re.compile(r"^\s*\(?1\d{2}-\d{5}-\d{5}\)?\s*(?:\[?\s*\(?\d{4}\s+RELEASE\b.*)?$", re.I),
    re.compile(r"^\s*Doc\s+Re[fF]?\s*I[Dd]\s*:?\s*\S+\s*$"),
    re.compile(r"^\s*[ĐD][oó]c\s+ID\s*:\s*\d+\s*$", re.I),
    # The NARA footer's two halves, each on its line ('NW#: 64822' / 'Docid: 32208170').
    re.compile(r"^\s*NW\s*#?\s*:?\s*\d{4,6}\s*$", re.I),
    re.compile(r"^\s*Doc\s*[Il1]d\s*:?\s*\d{6,9}\s*$", re.I),
)
# For each legend pattern, a word that every match of it holds, upper-cased (one of several for the
# pattern of three forms): a line whose upper case lacks the word cannot match the pattern, and
# a test for a word is ten times cheaper than a search. Upper case tells only where no character
# beyond ASCII upper-cases or case-folds under re.I to an ASCII letter (``ascii_case_exact``).
_JFK_LEGEND_WORDS = (  # in the order of _JFK_LEGENDS
    ("KENNEDY",), ("14176",), ("DECLASS.",), ("FK",), ("REV", "MLK", "SEN."), ("KENNEDY",), ("RELEASED",), ("RELEASE",),
    ("COLLECTION",), ("2107",), ("2107",), ("NW",), ("14-00000",), ("-",), ("DOC",), ("ID",), ("NW",), ("DOC",))
_GATED_LEGENDS = tuple((word, pattern) for pattern, words in zip(_JFK_LEGENDS, _JFK_LEGEND_WORDS, strict=True)
                       for word in words)
# Whether any legend pattern applies to a line: the alternation of them all. (Asked of a line, it
# is slower than the patterns one by one, which is how ``_is_legend`` asks: a search of the
# alternation finds a match exactly where one of its branches, each a pattern with its own flags
# and anchors, finds one.)
_JFK_ANY = re.compile("|".join(
    f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" if p.flags & re.I else f"(?:{p.pattern})" for p in _JFK_LEGENDS))
# Words every legend pattern contains, found by one scan of the document.
_JFK_CANDIDATE = re.compile(r"(?i)RELEAS|DECLASS|FK\b|MLK|SEN\.|REV\.|ASSASSINATION|USC|\bNW\s*#?\s*:?\s*\d|DOC|14-00000|-\d{5}")
# The same words, looser, over the ASCII-upper-cased bytes: a case-sensitive scan whose branches
# all open with a literal runs ten times faster than the case-blind one (see ``_jfk_candidates``).
_JFK_CANDIDATE_UPPER = re.compile(rb"RELEAS|DECLASS|FK|MLK|SEN\.|REV\.|ASSASSINATION|USC|NW|DOC|14-00000|-[0-9\x80-\xff]{5}")
# Its branches, looked for in eight searches: a literal search, or a pattern that opens with one,
# is three times faster than the alternation, whose first characters are letters common in any
# text. Four words are looked for alone; the number pattern; and three patterns that each find two
# words from a character they share (from where a word's first occurrence is found on its line,
# which no word breaks): FK and MLK from their K, SEN. and REV. from their full stop, DECLASS and
# ASSASSINATION from an 'ASS' (the one ending DECLASS, the first of ASSASSINATION). The branch
# '14-00000' needs no search of its own: every line holding it holds '-00000', which the number
# pattern finds, and only lines are asked for.
_JFK_CANDIDATE_WORDS = (b"RELEAS", b"USC", b"NW", b"DOC")
_JFK_CANDIDATE_NUMBER = re.compile(rb"-[0-9\x80-\xff]{5}")
_JFK_CANDIDATE_PAIRS = tuple(map(re.compile, (rb"K(?:(?<=FK)|(?<=MLK))", rb"\.(?:(?<=SEN\.)|(?<=REV\.))",
                                              rb"ASS(?:(?<=DECLASS)|ASSINATION)")))
# The legend lines are found among fewer lines than the candidates: those holding a word that every
# line both a legend and a candidate holds (under ``ascii_case_exact``), looked for by the searches
# below. Pattern by pattern of ``_JFK_LEGENDS``: RELEAS in the release-act,
# 14176, 'Released on' and record-number-RELEASE legends; DECLASS or ASSASSINATION (the 'ASS'
# words) in the DECLASS. and Collection Act ones; FK, MLK (the K pair), SEN., REV. in the two
# RFK/MLK ones (a line 'AND THE REV' without its full stop holds no candidate
# word, so is no candidate); KENNEDY (added to the K pair) in 'Rele?ased under the John F
# Kennedy', which may lack RELEAS; USC in the two 2107 ones; DOC in the NW/DocId footer (which
# needs no search for NW of its own), the 'Doc Ref ID' line, and the 'Doc ID' one when it is a
# candidate (spelt 'Đoc' or 'Dóc' it holds no candidate word); '-' and five digits in the two
# record-number lines (a digit beyond ASCII is two or more bytes of \x80-\xff).
# The words are looked for with ``bytes.find``, the rest as patterns. (The full-stop and 'ASS'
# pairs were patterns too, like the K pair below: a search that opens with '.' or 'ASS' stops at
# every full stop or 'ASS' of a release and tries two look-behinds there, ~40 k instructions a
# release for the full stops alone, where a search for 'SEN.' or 'REV.' skips ahead by its length
# wherever a byte of the text is in no word looked for. A line holds SEN. or REV. exactly where
# the pair's pattern begins a match on it, and DECLASS or ASSASSINATION exactly where the 'ASS'
# pair does: no word holds a line break. The same for USC and DOC, patterns once: a search of
# bytes costs fewer instructions than the regex engine's scan for the same three letters.)
_LEGEND_SUSPECT_WORDS = (b"RELEAS", b"USC", b"DOC", b"SEN.", b"REV.", b"DECLASS", b"ASSASSINATION")
# (NW and a number: the footer's half on a line of its own, 'NW#: 64822'; NW alone is in many words.)
_LEGEND_SUSPECT_PATTERNS = (_JFK_CANDIDATE_NUMBER, re.compile(rb"NW[ #:]*[0-9]"))
_LEGEND_SUSPECT_PAIRS = (re.compile(rb"K(?:(?<=FK)|(?<=MLK)|ENNEDY)"),)
_NW_AT_END = re.compile(r"(?i)\bNW\s*$")
_JFK_CASE = re.compile(r"Case\s*#?\s*:?\s*(NW\s*\d{4,6})(?:\s+Date\s*:?\s*(\d{2}-\d{2}-\d{4}))?", re.I)


_JFK_MARKERS = ("KENNEDY", "Kennedy", "JFK", "14176", "Docld", "DocId", "DocID", "14-00000")
# The markers in three searches of the text instead of eight, each matching exactly where one of
# its markers occurs, case for case: 'KENNEDY', 'Kennedy' and 'JFK' from the capital K they share
# (rare in running text: the search looks for it at C speed, then 'ENNEDY' or 'ennedy' after it
# or 'JF' before it), 'Doc' and its OCR-read endings, and '14' and the two numbers it opens.
# (The regex engine's search for a short literal is up to twice as fast as ``in``, and for one
# character faster than for several: the last two open with one, the look-behinds matching
# wherever they are tried, ~1.5 us a document.)
_JFK_MARKER_FORMS = tuple(map(re.compile, (r"K(?:ENNEDY|ennedy|(?<=JFK))", r"D(?<=D)oc(?:ld|Id|ID)",
                                           r"4(?<=14)(?:176|-00000)")))


def _jfk_markers_present(state: NormState) -> bool:
    """``any(marker in state.original for marker in _JFK_MARKERS)``."""
    text = state.original
    kennedy, doc_id, number = _JFK_MARKER_FORMS  # (three searches in a row: no generator frame)
    return bool(kennedy.search(text) or doc_id.search(text) or number.search(text))


_OCR_DIGITS = str.maketrans({"o": "0", "O": "0", "D": "0", "Q": "0", "i": "1", "I": "1", "l": "1", "|": "1", "t": "1",
                              "L": "1", "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "d": "4"})
_GARBLED_RECORD = re.compile(r"(?<![\w-])[\[(]?\w?(?P<a>[\dOoIilt|Dd]{2,4})\s?[-–]\s?(?P<b>[\dOoIiltSsDQ]{5})\s?[-–]\s?(?P<c>[\dOoIiltSsDQ]{5})")
_RELEASED_ON = re.compile(r"Released\s+on\s+(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", re.I)
_FOOTER_NW = re.compile(r"\bNW\s*(\d{5,6})\s+Doc\s*[Il1]d", re.I)


def _read_record_number(text: str) -> str | None:
    """A JFK record number as OCR leaves it (``(o4-10219-10072)``, ``Viod-t0436-10047``).

    Every collection's agency prefix begins with 1 (104 CIA, 124 FBI, 144 NSA, 176 NARA…): a
    prefix read as two characters lost that 1; one read as four gained a character.
    """
    m = _GARBLED_RECORD.search(text)
    if not m:
        return None
    a, b, c = (g.translate(_OCR_DIGITS) for g in (m["a"], m["b"], m["c"]))
    if not (a.isdigit() and b.isdigit() and c.isdigit()):
        return None
    a = ("1" + a) if len(a) == 2 else a[-3:]
    return f"{a}-{b}-{c}" if a.startswith("1") else None


def _jfk_candidates(state: NormState) -> list:
    """The live lines where a scan of the whole text with ``_JFK_CANDIDATE`` finds a match.

    The looser bytes scan finds every such line and some more; each is then tested alone.
    """
    if not state.ascii_case_exact:
        return state.matching(_JFK_CANDIDATE)
    return [(i, ln) for i, ln in _jfk_loose_candidates(state) if _is_jfk_candidate(state, ln)]


def _jfk_loose_candidates(state: NormState) -> list:
    """Live lines where ``_JFK_CANDIDATE_UPPER`` matches the upper-cased bytes (where those agree
    with ``re.I``): every line ``_JFK_CANDIDATE`` matches, and a few more."""
    found = dict(state.matching_ascii_upper_any(_JFK_CANDIDATE_WORDS, _JFK_CANDIDATE_NUMBER))
    for pair in _JFK_CANDIDATE_PAIRS:
        found.update(state.matching_ascii_upper(pair))
    return sorted(found.items())


def _jfk_legend_suspects(state: NormState) -> list:
    """Live lines where one of the legend-suspect words occurs in the upper-cased bytes: every
    line that both holds a legend and is a candidate, and a few more (see ``_LEGEND_SUSPECT_WORDS``)."""
    found = dict(state.matching_ascii_upper_any(_LEGEND_SUSPECT_WORDS, *_LEGEND_SUSPECT_PATTERNS))
    for pair in _LEGEND_SUSPECT_PAIRS:
        found.update(state.matching_ascii_upper(pair))
    return sorted(found.items())


def _is_jfk_candidate(state: NormState, ln) -> bool:
    """Whether a scan of the whole text with ``_JFK_CANDIDATE`` finds a match on line ``ln``. A
    match may begin on a line and end on the next ('NW' / '65990'): a line ending in 'NW' is
    settled by a scan from its start."""
    return bool(_JFK_CANDIDATE.search(ln.text) or (
        _NW_AT_END.search(ln.text) and (m := _JFK_CANDIDATE.search(state.original, ln.start)) and m.start() < ln.end))


def _jfk_legend_lines(state: NormState) -> list:
    """The candidate lines (``_jfk_candidates``) that hold a legend, in order.

    The two tests are independent, so the cheap one runs first: the lines of a loose scan for the
    words every legend-and-candidate line holds (``_jfk_legend_suspects``, as many as the
    candidates, near enough) are tried against the legends, and the few that hold one are then
    tested as candidates.
    """
    if not state.ascii_case_exact:
        return [(i, ln) for i, ln in state.matching(_JFK_CANDIDATE) if _is_legend(ln.text)]
    return [(i, ln) for i, ln in _jfk_legend_suspects(state)
            if _is_legend_gated(ln.text) and _is_jfk_candidate(state, ln)]


def _is_legend(text: str) -> bool:
    """``_JFK_ANY.search(text)``, asked a pattern at a time."""
    return any(p.search(text) for p in _JFK_LEGENDS)


def _is_legend_gated(text: str) -> bool:
    """``_is_legend(text)`` for a line of text where ``ascii_case_exact`` holds: each pattern tried
    only where the line holds its word."""
    upper = text.upper()
    for word, pattern in _GATED_LEGENDS:  # (a loop, not any() over a generator: half the cost)
        if word in upper and pattern.search(text):
            return True
    return False


def _garbled_record_near_top(text: str) -> bool:
    head = text[:400]
    # The regex tries every position; a record number holds a dash, which most heads lack.
    return ("-" in head or "–" in head) and _GARBLED_RECORD.search(head) is not None


def jfk_legends(state: NormState) -> None:
    """JFK collection legends on every page: release-act lines, NW/DocId footers, record numbers."""
    text = state.original
    if not _jfk_markers_present(state) and not _garbled_record_near_top(text):
        return  # one scan of the document spares a legend test on every line of other collections
    footers: list[str] = []
    for i, ln in _jfk_legend_lines(state):
        text = ln.text
        # Each search below is asked only of a line holding a word every match of its pattern
        # holds: a dash for the record numbers, NW, CASE or RELEASED (upper-cased: ``str.upper``
        # maps every character ``re.I`` takes for one of these letters to it, 'ſ' to S). Most
        # legend lines hold none of them, and each of these patterns, opening with a word
        # boundary, a look-behind or a case-blind letter, is tried at every character of the
        # line (~10 k instructions a legend line in all).
        upper = text.upper()
        dashed = "-" in text
        if dashed and (m := RECORD_NUMBER.search(text)):
            lift_record_number(state, m[0])
        elif "RELEASE" in upper and (dashed or "–" in text) and (number := _read_record_number(text)):
            lift_record_number(state, number)
        if "NW" in upper and (m := _FOOTER_NW.search(text)):
            footers.append(m[1])
        elif "CASE" in upper and (m := _JFK_CASE.search(text)):
            state.release.case_number = state.release.case_number or re.sub(r"\s+", " ", m[1].upper())
        if "RELEASED" in upper and (m := _RELEASED_ON.search(text)):
            state.release.release_date = state.release.release_date or iso_date(int(m[3]), int(m[1]), int(m[2]))
        state.remove_line(i, "jfk-legend")
    if footers:
        # The page footer states the NW case number more reliably than the broken legend. It is
        # the same on every page: where OCR misread one page's ('NW 65987' / 'NW 63987'), the
        # number most pages give is taken, and on a tie the first page's.
        state.release.case_number = f"NW {max(footers, key=footers.count)}"
    if not state.release.doc_number:
        # A record number alone on the first lines, as OCR garbled it.
        for i, ln in state.first_live(3):
            if len(ln.text.strip()) <= 24 and (number := _read_record_number(ln.text)):
                lift_record_number(state, number)
                state.remove_line(i, "jfk-legend")
                break


# 'Date' as OCR may read it: 'Diate', 'Dlate'.
# The case number before it may keep its label ('Case#NW 65990 Date: …') or be garbled into two
# words ('adeliNk 55924 Date: …').
# The date's first hyphen may be read as a colon ('Date: 10:21-2021', three 2021 legends in the
# studied sets): the legend prints MM-DD-YYYY, and a colon there, with a hyphen and a four-digit
# year after it, is no time of day.
_CASE_TAIL = re.compile(r"^\s*(?:Case\s*#?\s*:?\s*NW\s*|\S{1,8}\s+)?\S{3,8}\s+D[il]?ate\s*:\s*(\d{2})[-.:](\d{2})[-.](\d{4})\s*$")
# The legend's last words broken before the date, which stands alone on the next line
# ('Case#:NW 65990 Date:' / '11-01-2021'; the colon after Date may be lost): the narrow column the
# 2021 releases print the legend in wraps it there (three documents in the studied sets). The
# case number is read from the first line, the release date from the second. (Opening with the
# literal 'Case', the search skips to it at C speed; it runs only where the gates below pass.)
_CASE_WRAPPED = re.compile(r"Case[^\S\n]*#?[^\S\n]*:?[^\S\n]*(?i:NW)[^\S\n]*(\d{5})[^\S\n]+D[il]?ate[^\S\n]*:?[^\S\n]*\n"
                           r"\s*(\d{2})[-.:](\d{2})[-.](\d{4})[^\S\n]*$", re.M)


# Every line _CASE_TAIL matches holds this within the line (and few others do).
_CASE_TAIL_CANDIDATE = re.compile(r"D[il]?ate[^\S\n]*:")
# And this (a search that opens with a literal, where the one above opens with a common capital);
# so does every match of _CASE_WRAPPED (its colon optional, the date after blank lines).
_CASE_TAIL_DATE = re.compile(r"ate\s*:?\s*\d{2}[-.:]\d{2}[-.]\d{4}")


def jfk_case_lines(state: NormState) -> None:
    """The tail of a JFK legend broken over lines: ``E6O0O Date: 11-03-2021``, ``992 (44 USC …``."""
    text = state.original
    # Two gates, both of which must pass, the cheaper first. 'Case' or '2107' (the legend's first
    # part, looked for below) as substring tests: ~20 k instructions an OCR'd release, where the
    # regex scans for them took ~35 k, and the scan for a colon and a date
    # (``:\s*\d{2}[-.]\d{2}[-.]\d{4}``) that once came first ~55 k (a colon opens it, and releases
    # hold hundreds). That scan is left out: every match of _CASE_TAIL_DATE holds one of it, so it
    # passed wherever the last gate passes (before its colon was made optional for the wrapped
    # tail, _CASE_WRAPPED, whose matches all hold 'ate', the date, and blanks or a colon between
    # them). Seven releases in ten hold neither word; of the
    # others, half hold no tail's date.
    # ('Case' in the text implies 'case' in any case: the test of the upper-cased bytes once made
    # before this one can add nothing.)
    if "Case" not in text and "2107" not in text:
        return  # the legend's first part, looked for below, is nowhere
    if not _CASE_TAIL_DATE.search(text):
        return  # no line can be a tail
    if "Case" in text:
        _wrapped_case_lines(state)
    for i, ln in state.matching(_CASE_TAIL_CANDIDATE, one_line=True):
        if "ate" in ln.text and (m := _CASE_TAIL.match(ln.text)):
            # The legend's first part has usually gone already: look at the original lines.
            prev = state.lines[max(0, i - 4):i + 1]
            if any("Case" in p.text or "2107" in p.text for p in prev):
                if not state.release.release_date:
                    state.release.release_date = iso_date(int(m[3]), int(m[1]), int(m[2]))
                    _note_colon_for_hyphen(state, m, 1)
                state.remove_line(i, "jfk-legend")


def _wrapped_case_lines(state: NormState) -> None:
    """The legend's case line with its date wrapped onto the next line (``_CASE_WRAPPED``): the
    case number and the release date, both lines removed as the legend's."""
    for m in _CASE_WRAPPED.finditer(state.original):
        first = state.line_index(m.start())
        last = state.line_index(m.start(2))
        release = state.release
        release.case_number = release.case_number or f"NW {m[1]}"
        if not release.release_date:
            release.release_date = iso_date(int(m[4]), int(m[2]), int(m[3]))
            _note_colon_for_hyphen(state, m, 2)
        state.remove_line(first, "jfk-legend")
        state.remove_line(last, "jfk-legend")


def _note_colon_for_hyphen(state: NormState, m: re.Match, month: int) -> None:
    """Say so where the release date was read with a colon for its first hyphen (OCR's)."""
    if m.string[m.end(month)] == ":":
        state.notes.append(f"release date {m[month]}:{m[month + 1]}-{m[month + 2]} read as a date "
                           "(possible OCR error: a colon for its hyphen)")
