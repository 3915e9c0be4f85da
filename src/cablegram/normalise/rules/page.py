"""Page furniture: what the page, the teletype or the OCR tool put around the cable's text.

Markdown page markers, continuation and teletype page headers, classification banners, bare page
numbers, clearance-worksheet boxes, stray glyphs, and the left margin of text extracted with its
page layout.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from itertools import compress

from ...vocab.markings import LEVEL_WORDS
from ..state import LineStartFamily, NormState
from .common import lift_record_number, remove_match_or_line


# -- markdown page markers from OCR tools ------------------------------------------------------
_MD_TITLE = re.compile(r"^#\s+(\S.*)$")
_MD_PAGE = re.compile(r"^##\s+Page\s+\d+\s*$", re.I)
_MD_PAGE_ANY = re.compile(r"^##\s+Page\s+\d+\s*$", re.I | re.M)
_MD_RULE = re.compile(r"^\s*-{3,}\s*$")
# The lines the three patterns above can match: those opening with '#', or with blanks and '---'.
_MD_CANDIDATE = re.compile(r"\n(?:#|[^\S\n]*---)")  # see matching_line_starts
# Past this many '#', the text is made of them (see _has_markdown_pages).
_MARKS_LOOKED_AT = 64


def markdown_page_markers(state: NormState) -> None:
    """``# DOCID``, ``## Page 2`` and ``---`` page separators written by OCR-to-markdown tools."""
    if not _has_markdown_pages(state.original):
        return
    for i, ln in _md_candidates(state):
        if _MD_PAGE.match(ln.text):
            state.remove_line(i, "markdown-page-marker")
        elif _MD_RULE.match(ln.text):
            state.remove_line(i, "markdown-page-marker")
        elif i < 3 and (m := _MD_TITLE.match(ln.text)):
            lift_record_number(state, m[1])
            state.remove_line(i, "markdown-page-marker")


def _md_candidates(state: NormState) -> list:
    """``state.matching_line_starts(_MD_CANDIDATE)``: the live lines that open with '#', or with
    blanks (``str.isspace``, what ``[^\\S\\n]`` takes on a line) and '---', found from the '#' and
    '---' of the text (a few a paged release, found at C speed) instead of the pattern tried at
    every line break (~150 k instructions a paged release of ~240 lines, a third of them this way).

    A '#' opens its line where a line break (or nothing) stands before it. A '---' that follows
    another character than a line break or a blank opens none (nor does one overlapping it: a '-'
    stands before that), so the search goes on past it; where a blank stands before it, the line's
    text before it is asked whether it is all blank. Past _MARKS_LOOKED_AT of either, the text is
    made of them: the pattern, which takes no Python step a mark, answers instead.
    """
    text, found = state.original, []
    at = text.find("#")
    for _ in range(_MARKS_LOOKED_AT):
        if at < 0:
            break
        if at == 0 or text[at - 1] == "\n":
            found.append(at)
        at = text.find("#", at + 1)
    else:
        if at >= 0:
            return state.matching_line_starts(_MD_CANDIDATE)
    at = text.find("---")
    for _ in range(_MARKS_LOOKED_AT):
        if at < 0:
            break
        before = text[at - 1] if at else "\n"
        if before == "\n" or (before.isspace() and text[text.rfind("\n", 0, at) + 1:at].isspace()):
            found.append(at)
        at = text.find("---", at + 3)
    else:
        if at >= 0:
            return state.matching_line_starts(_MD_CANDIDATE)
    found.sort()
    return state.live_lines_at(found)


def _has_markdown_pages(text: str) -> bool:
    """``"## " in text and _MD_PAGE_ANY.search(text)``, asked at each '#' (found at C speed, and
    few): every occurrence of either begins with one (``^`` matches no character)."""
    spaced = paged = False
    at = text.find("#")
    for _ in range(_MARKS_LOOKED_AT):
        if at < 0:
            return False
        spaced = spaced or text.startswith("## ", at)
        paged = paged or _MD_PAGE_ANY.match(text, at) is not None  # (``^`` under re.M: after a line break)
        if spaced and paged:
            return True
        at = text.find("#", at + 1)
    # Text made of them: the plain tests, which take no Python step a '#', answer the same question.
    # (Counting the '#' first would cost a pass over the text that most texts, with none or few, spare.)
    return at >= 0 and "## " in text and _MD_PAGE_ANY.search(text) is not None


# -- continuation and page headers --------------------------------------------------------------
_CONTINUATION = re.compile(r"\b(?P<station>[A-Z][A-Z .']{1,24}?)\s+(?P<serial>\d{8})\s+(?P<page>\d{3}(?:\.\d)?)\s+OF\s+(?P<of>\d{3})\b")
_SERIAL_PAGE = re.compile(r"\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b")
_PAGE_HEADER = re.compile(
    r"\bPAGE\s+(?P<page>\d{2,3})\s+(?P<station>[A-Z][A-Z .']{1,24}?)\s+(?P<serial>\d{3,6})\s+"
    r"(?:(?P<sec>\d{2})\s+OF\s+(?P<of>\d{2})\s+)?(?P<time>\d{6}Z)\b"
)

# Literal words that every header holds: one scan of the text finds the lines worth a look.
_OF = re.compile(" OF ")
# The tail of every _SERIAL_PAGE match ('002 OF 003'): one scan finds the lines it can be on, far
# fewer than those with ' OF ' in running text. (A match from a line that runs on into the next
# only adds a line to look at: the scan goes on from the next line, see ``NormState.matching``.)
# (Written to open with one literal character, the rest of its word in a look-behind: the regex
# engine scans for a one-character prefix faster than for a longer one, ~0.6-1.3 us a document.
# The match begins a character or two later, on the same line, which is all ``matching`` asks.)
_OF_PAGES = re.compile(r"F(?<=OF)\s+\d{3}\b")
_PAGE = re.compile("G(?<=PAG)E")  # 'PAGE'


def continuation_headers(state: NormState) -> None:
    """Cablegate continuation headers ``TRIPOLI 00000220 002 OF 003``, wherever they land."""
    for i, ln in state.matching(_OF_PAGES, one_line=True):
        if " OF " not in ln.text or not _SERIAL_PAGE.search(ln.text):
            continue  # the header's tail, which the costlier pattern looks for at every capital
        for m in _CONTINUATION.finditer(ln.text):
            remove_match_or_line(state, i, m, "continuation-header")
            break


def teletype_page_headers(state: NormState) -> None:
    """1970s record-copy page headers ``PAGE 02 HARARE 06677 01 OF 03 291400Z`` (not page 01)."""
    if "PAGE" not in state.original:  # (a substring test: half the instructions of _PAGE's scan)
        return
    for i, ln in state.matching(_PAGE, one_line=True):
        m = _PAGE_HEADER.search(ln.text)
        if not m or m["page"].lstrip("0") == "1":
            continue
        remove_match_or_line(state, i, m, "page-header")


# -- page banners, page numbers, boxes, debris --------------------------------------------------
# The blanks a line may open with in the candidate scans below (``[^\S\n]``, written out to share a
# class with the rules' characters): every character ``\s`` takes but the line break (tab, VT, FF,
# CR, the file separators, NEL, no-break space, the em and other Unicode spaces), as the line
# patterns they stand before (``^\s*``) take them. Text converted from HTML or a word processor
# indents a banner with a no-break space as often as with a space.
LINE_BLANKS = r"\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_LEVEL_ALT = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in LEVEL_WORDS), key=len, reverse=True))
_BANNER = re.compile(rf"^[\s_|\-~*]*(?:~~)?(?P<level>{_LEVEL_ALT})(?:~~)?[\s_|\-~*.]*$", re.I)
# (Runs written possessive, ``{0,59}+``: a line too long for one fails at once instead of being
# given back a character at a time; no shorter run could end the line either, so the lines found
# are the same.)
_BANNER_CANDIDATE = re.compile(rf"\n[{LINE_BLANKS}_|\-~*]*+[STCULstcul][^\n]{{0,59}}+$", re.M)  # see matching_line_starts
# Letter-spaced markings: 'S E C R E T', and 'S-E-C-R-E-T' as CIA cable forms type it.
_SPACED = re.compile(r"^\s*((?:[A-Z](?:\s|\s?-\s?)){3,}[A-Z])\s*$")
# The candidate lines (_BANNER_CANDIDATE, in the lookahead) that can be a banner: on such a line
# the marking opens at the first character past the leading blanks and rules, which is a letter;
# _BANNER needs a level word there, and a word _SPACED reads as a level (SECRET, CONFIDENTIAL,
# TOPSECRET, UNCLASSIFIED) needs only blanks before it, an upper-case S, C, T or U there, and a
# blank (not the line break: a letter follows on the line) or a hyphen after it. Running text that
# opens with an S, T, C, U or L is passed over by the scan instead of tried line by line.
_BANNER_LINE = re.compile(rf"\n(?=[{LINE_BLANKS}_|\-~*]*+[STCULstcul][^\n]{{0,59}}+$)[{LINE_BLANKS}_|\-~*]*+"
                          rf"(?:(?i:{_LEVEL_ALT})|[STCU](?:[^\S\n]|-))", re.M)


def page_banners(state: NormState) -> None:
    """Lines that hold only a classification marking: page banners, top and bottom of each page.

    Their levels are kept (``release.banners``) because on many releases the banner is the only
    statement of the original classification, and an UNCLASSIFIED banner beside a classified one
    marks a declassified copy.
    """
    for i, ln in state.matching_line_starts_of(_SHORT_LINES, 0):  # (_BANNER_LINE)
        text = ln.text
        level = _banner_level(text)
        if level is None:
            continue
        if level in ("SENSITIVE BUT UNCLASSIFIED", "LIMITED OFFICIAL USE") and text.strip().upper() in ("SBU", "LOU"):
            # A bare SBU line is a banner only beside an UNCLASSIFIED banner (the SMART page
            # marking 'UNCLASSIFIED / SBU'); elsewhere it marks an email, not the cable.
            near = [ln2.text.strip().upper() for ln2 in state.lines[max(0, i - 3): i + 4]]
            if "UNCLASSIFIED" not in near:
                continue
        if "~~" in text:
            state.release.struck_banners.append(level)
        state.release.banners.append((level, (ln.start, ln.end)))
        state.remove_line(i, "page-banner")


# A banner is printed on every page: each distinct line is read once (pure over the line's text).
@lru_cache(maxsize=256)
def _banner_level(text: str) -> str | None:
    """The level a line that holds only a classification marking states, or None."""
    if m := _BANNER.match(text):
        return LEVEL_WORDS[" ".join(m["level"].upper().split())]
    if s := _SPACED.match(text):
        word = s[1].replace(" ", "").replace("-", "")
        if word in ("SECRET", "CONFIDENTIAL", "TOPSECRET", "UNCLASSIFIED"):
            return "TOP SECRET" if word == "TOPSECRET" else word
    return None


_PAGE_NUMBER_CANDIDATE = re.compile(r"\n[^\S\n]*+[-Pp\d][^\n]{0,13}+$", re.M)  # (possessive: see _BANNER_CANDIDATE)
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:PAGE\s+)?\d{1,3}(?:\s*-)?(?:\s+of\s+\d{1,3})?\s*$", re.I)


def page_numbers(state: NormState) -> None:
    """Bare page numbers (``2``, ``- 3 -``, ``Page 4 of 7``) standing alone between blank lines."""
    skip = state.skip
    last = len(skip) - 1
    for i, text in state.texts_starting_of(_SHORT_LINES, 1):  # (_PAGE_NUMBER_CANDIDATE)
        # The neighbours first: two look-ups of the skip flags (``is_live`` of each, without a
        # call of it), where the pattern costs a strip and a match; the tests have no effects, so
        # their order changes nothing but the cost. A line with no neighbour on a side has none live.
        if (i > 0 and not skip[i - 1]) or (i < last and not skip[i + 1]):
            continue
        if _PAGE_NUMBER.match(text.strip()):
            state.remove_line(i, "page-number")


_BOX = re.compile(r"^\s*(?:[A-Z]{0,6}\s*\d{0,2}\s*_{3,}\s*)+$")
_UNDERSCORES = re.compile("___")


def worksheet_boxes(state: NormState) -> None:
    """Clearance-worksheet boxes (``APPR _____ DRAFT _____``, ``CLEAR 1 ____ 2 ____``)."""
    if "_" not in state.original or "___" not in state.original:
        return  # (one character is looked for at C speed; a run of one repeated is slow to find)
    for i, ln in state.matching(_UNDERSCORES, one_line=True):
        if _BOX.match(ln.text):
            state.remove_line(i, "worksheet-box")


_DEBRIS_CANDIDATE = re.compile(r"\n[^\S\n]*+(?:[A-Za-z]{1,2}+|[^\w\s]{1,6}+)[^\S\n]*+$", re.M)  # (as _BANNER_CANDIDATE)
_LETTER_ITEM = re.compile(r"[A-Z]\.")
_DEBRIS = re.compile(r"^\s*(?:[A-Za-z]{1,2}|[^\w\s]{1,6}|[|_~•.,:;'\"`]+)\s*$")

# The characters a level word's second letter may be under ``re.I`` (TOP, SECRET, SBU, LIMITED,
# LOU, UNCLAS, ...), with every character ``re.I`` folds into an ASCII letter (ı, İ, ſ, K).
_LEVEL_SECOND = frozenset("".join(w[1] for w in LEVEL_WORDS) + "".join(w[1].lower() for w in LEVEL_WORDS)
                          + "\u0130\u0131\u017f\u212a")
_RULE_CHARS = "_|-~*"
# What a banner may open with (_BANNER_LINE's run): the characters of LINE_BLANKS and the rules.
_BANNER_RUN = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace() and ch != "\n") + _RULE_CHARS


def _short_line_branches(texts: list[str], live: bytes, starts: list[int], framed: str) -> list[tuple[int, int]]:
    r"""The first of the three short-line patterns that matches each live line, as the family's
    union finds it (``NormState._branch_hits``), by a loop over the live lines that reads each
    line's first character and length before any pattern: the union's scan tried three bodies at
    every line (~430 k instructions an OCR'd release, ~140 non-blank lines; the loop ~395 k: each
    step of it costs as much as the regex engine's try of a body, so most of the saving is the
    patterns left unasked).

    Why the tests below are the patterns' (``s`` the line less its leading blanks, which are
    exactly the characters ``[^\S\n]`` and LINE_BLANKS take, ``str.isspace`` less the line break;
    ``n`` its length, ``c`` its first character):
    - a banner (_BANNER_LINE) opens past blanks and rules (_BANNER_RUN) with S, T, C, U or L,
      followed by 59 characters at most: where ``s`` opens with that letter, ``n`` is 60 at most;
      then a level word follows (its second letter, case-blind, in _LEVEL_SECOND: the pattern is
      asked) or the letter is S, T, C or U and a blank or a hyphen follows (a match, the pattern
      unasked). Where ``s`` opens with a rule, the pattern is asked where the same holds of the line
      past its run of blanks and rules.
    - a page number (_PAGE_NUMBER_CANDIDATE): ``c`` is -, P, p or a decimal digit (``\d`` is
      ``str.isdecimal``) and ``n`` is 14 at most, which is the whole pattern.
    - debris (_DEBRIS_CANDIDATE) is six characters at most (``u``) between blanks: one or two
      ASCII letters (where ``u`` opens with one, nothing else: no run of marks follows a letter),
      or a run of marks, neither word characters (``\w``: ``str.isalnum`` or '_') nor blanks; a
      single one is told so here, a longer run asked of the pattern.
    """
    out: list[tuple[int, int]] = []
    banner, debris = _BANNER_LINE.match, _DEBRIS_CANDIDATE.match
    for i in compress(range(len(texts)), live):
        s = texts[i].lstrip()  # (not empty: the line is live, so not blank)
        c = s[0]
        if c in _BANNER_OPENERS:
            if c in _RULE_CHARS:
                r = s.lstrip(_BANNER_RUN)
                if r[:1] in _BANNER_LETTERS and len(r) <= 60 and banner(framed, starts[i]):
                    out.append((i, 0))
                    continue
            elif len(s) <= 60 and ((c in "STCU" and (s[1:2] == "-" or s[1:2].isspace()))
                                   or (s[1:2] in _LEVEL_SECOND and banner(framed, starts[i]))):
                out.append((i, 0))
                continue
        if len(s) <= 14:
            if c in "-Pp" or c.isdecimal():
                out.append((i, 1))
                continue
        elif not s[-1].isspace():
            continue  # (more than six characters between blanks)
        u = s.rstrip()
        if len(u) > 6:
            continue
        if c.isascii() and c.isalpha():
            if len(u) <= 2 and u.isascii() and u.isalpha():
                out.append((i, 2))
        elif len(u) == 1:
            if not (c.isalnum() or c == "_"):
                out.append((i, 2))
        elif debris(framed, starts[i]):
            out.append((i, 2))
    return out


_BANNER_LETTERS = frozenset("STCULstcul")
_BANNER_OPENERS = frozenset("STCULstcul" + _RULE_CHARS)


# The short lines page-banner, page-number and stray-glyphs look at, found by one loop over the
# lines for the three (each ~10-15 us a cable when scanned alone, mostly a cost a line).
_SHORT_LINES = LineStartFamily(_BANNER_LINE, _PAGE_NUMBER_CANDIDATE, _DEBRIS_CANDIDATE, scan=_short_line_branches)


def stray_glyphs(state: NormState) -> None:
    """Short non-word lines (``YY``, ``|``, ``•``) left by stamps and rules, after the header zone."""
    header_end = state.live_index(8)  # the header zone: the first eight lines of text
    if header_end is None:
        return
    for i, text in state.texts_starting_of(_SHORT_LINES, 2):  # (_DEBRIS_CANDIDATE)
        if i >= header_end and _DEBRIS.match(text) and not _LETTER_ITEM.fullmatch(text.strip()):
            state.remove_line(i, "stray-glyphs")


# -- the page's left margin ---------------------------------------------------------------------
# Text extracted from a PDF with its layout kept (``pdftotext -layout``, the text layer of a FOIA
# release) opens every line of the page with the same run of blanks. The body grammar reads a
# paragraph number only near the start of a line (within three characters: further in, a number is a
# table's or an indented quotation's), so on such a page no paragraph was numbered.
_MIN_MARGIN = 2
_SAMPLED = 16  # lines looked at before the whole text is (see _may_have_margin)


def page_margins(state: NormState) -> None:
    """A left margin most lines share: the run of blanks as wide as the commonest indentation,
    when that is two blanks or more and at least half the non-blank lines are indented so far, is
    taken off every line another rule kept (a line indented less loses what it has). Nothing is
    removed but blanks, so no removal is recorded; the record's notes say the margin was taken off.

    Runs after every other rule: a line that another rule cut within its margin is left as it is.
    """
    texts = state.texts
    if not _may_have_margin(texts):
        return
    widths = Counter(map(len, _LEADING_BLANKS.findall(state.original)))  # (one scan in C, not a step a line)
    if not widths:
        return  # (blank lines alone)
    margin, _ = widths.most_common(1)[0]
    if margin < _MIN_MARGIN or 2 * sum(c for w, c in widths.items() if w >= margin) < sum(widths.values()):
        return
    cut_starts = sorted(start for start, _, _ in state.cuts)
    for i, ln in state.live():
        start, n = ln.start, min(len(ln.text) - len(ln.text.lstrip(" ")), margin)
        k = bisect.bisect_left(cut_starts, start)
        if n == 0 or (k < len(cut_starts) and cut_starts[k] <= start + n):
            continue
        state.cut(start, start + n, "page-margin", record=False)
    state.notes.append(f"a left margin of {margin} blanks taken off the lines (text extracted with its page layout)")


# The blanks that open each line holding something else (a line that opens with a tab or another
# blank is counted as not indented).
_LEADING_BLANKS = re.compile(r"^( *)\S", re.M)


def _may_have_margin(texts: list[str]) -> bool:
    """Whether a third or more of some _SAMPLED lines spread evenly over the text, the empty ones
    left out, open with two blanks: a text with a margin has it on half its lines or more, and
    every text is told whether it may have one by a few lines (a count of the indented lines of
    a 10 kB cable took ~15 µs, a look at 48 lines ~5)."""
    sample = texts[:: max(1, len(texts) // _SAMPLED)]
    lines = len(sample) - sample.count("")  # (empty lines left out; one of blanks alone is rare, and counts)
    return 3 * [t[:2] for t in sample].count("  ") >= lines > 0
