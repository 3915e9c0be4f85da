"""The normalisation rules, one small function each, applied in the order of ``RULES``.

Each rule takes the :class:`NormState`, removes what it recognises (recording every removal under
its own name), and lifts release facts into ``state.release``. Rules match the *form* of a piece of
furniture as the spec describes it (``shared/spec/telegram-format.md`` §7–8), tolerating the OCR
noise catalogued there; none is tuned to one document.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..vocab.markings import LEVEL_WORDS
from .state import NormState

MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _us_date(text: str) -> str | None:
    """``08/31/2015``, ``8-31-15``, ``08 31 2015`` -> ISO, or None."""
    m = re.fullmatch(r"\s*(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})\s*", text)
    if not m:
        return None
    mo, d, y = int(m[1]), int(m[2]), int(m[3])
    if y < 100:
        y += 1900 if y > 40 else 2000
    return _iso(y, mo, d)


# -- markdown page markers from OCR tools ------------------------------------------------------
_MD_TITLE = re.compile(r"^#\s+(\S.*)$")
_MD_PAGE = re.compile(r"^##\s+Page\s+\d+\s*$", re.I)
_MD_PAGE_ANY = re.compile(r"^##\s+Page\s+\d+\s*$", re.I | re.M)
_MD_RULE = re.compile(r"^\s*-{3,}\s*$")
# The lines the three patterns above can match: those opening with '#', or with blanks and '---'.
_MD_CANDIDATE = re.compile(r"\n(?:#|[^\S\n]*---)")  # see matching_line_starts


def markdown_page_markers(state: NormState) -> None:
    """``# DOCID``, ``## Page 2`` and ``---`` page separators written by OCR-to-markdown tools."""
    if not _has_markdown_pages(state.original):
        return
    for i, ln in state.matching_line_starts(_MD_CANDIDATE):
        if _MD_PAGE.match(ln.text):
            state.remove_line(i, "markdown-page-marker")
        elif _MD_RULE.match(ln.text):
            state.remove_line(i, "markdown-page-marker")
        elif i < 3 and (m := _MD_TITLE.match(ln.text)):
            _lift_record_number(state, m[1])
            state.remove_line(i, "markdown-page-marker")


def _has_markdown_pages(text: str) -> bool:
    """``"## " in text and _MD_PAGE_ANY.search(text)``, asked at each '#' (found at C speed, and
    few): every occurrence of either begins with one (``^`` matches no character)."""
    if text.count("#") > 64:  # (text made of them: the plain tests, which take no Python step a '#')
        return "## " in text and _MD_PAGE_ANY.search(text) is not None
    spaced = paged = False
    at = text.find("#")
    while at >= 0:
        spaced = spaced or text.startswith("## ", at)
        paged = paged or _MD_PAGE_ANY.match(text, at) is not None  # (``^`` under re.M: after a line break)
        if spaced and paged:
            return True
        at = text.find("#", at + 1)
    return False


_RECORD_NUMBER = re.compile(r"\b(1\d{2}-\d{5}-\d{5})\b")


def _lift_record_number(state: NormState, text: str) -> None:
    m = _RECORD_NUMBER.search(text)
    if m and not state.release.doc_number:
        state.release.doc_number = m[1]


# -- FOIA case/doc banners (State reading room) --------------------------------------------------
_FOIA_BANNER = re.compile(
    r"(?P<cls>UNC\s?L?ASSIFIED|CONFIDENTIAL|SECRET)?[\W_]*U\.?\s?S\.?\s+Dep\w*\s+(?:of\s+)?S\w*\s+"
    r"Case\s+No\W*\s*(?P<case>[A-Z0-9][\w\-]*)\s+D\w{1,2}\s+No\W*\s*(?P<doc>\w+)"
    r"(?:\s+Date\W*\s*(?P<date>[\d/\-. ]{6,10}\d))?",
    re.I,
)

_CASE_WORD = re.compile(rb"CASE")  # every line whose lower() holds 'case' (and maybe a few more)
# Every match of _FOIA_BANNER holds 'Case', blanks, 'No' (``Case\s+No`` under re.I). In the
# upper-cased bytes, where they agree with re.I (``ascii_case_exact``: no 'ſ', the one character
# besides ASCII letters that re.I takes for one of c, a, s, e, n, o), that is 'CASE', then bytes of
# blanks (ASCII ones, \x1c-\x1f, and every byte of the UTF-8 of a blank beyond ASCII), then 'NO'.
# 'case' alone is common in prose; 'case no' is not.
_CASE_NO = re.compile(rb"CASE[\t\x0b\x0c\r \x1c-\x1f\x80-\xff]+NO")


def foia_banners(state: NormState) -> None:
    """``UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05765907 Date: 08/31/2015``."""
    for i, ln in _foia_candidates(state):
        low = ln.text.lower()
        if "case" not in low or "dep" not in low:
            continue  # the banner holds 'Dep…' too (re.I folds no other letter into d, e or p)
        m = _FOIA_BANNER.search(ln.text)
        if not m:
            continue
        r = state.release
        r.case_number = r.case_number or m["case"].upper()
        doc = m["doc"].upper()
        if re.fullmatch(r"C?\d{8}", doc):
            r.doc_number = r.doc_number or (doc if doc.startswith("C") else "C" + doc)
        if m["date"] and not r.release_date:
            r.release_date = _us_date(m["date"])
        if m["cls"]:
            r.banners.append(("UNCLASSIFIED" if "UNC" in m["cls"].upper() else m["cls"].upper(),
                              (ln.start + m.start("cls"), ln.start + m.end("cls"))))
        _remove_match_or_line(state, i, m, "foia-banner")


def _foia_candidates(state: NormState) -> list:
    """Live lines that may hold a FOIA banner: every line where ``_FOIA_BANNER`` matches, and some more."""
    if state.ascii_case_exact:
        return state.matching_ascii_upper(_CASE_NO)
    text = state.original
    if not state.may_hold("case") or ("Case" not in text and "CASE" not in text and "case" not in text):
        return []  # a substring test of the whole text spares a pass over its lines
    return state.matching_ascii_upper(_CASE_WORD)


def _remove_match_or_line(state: NormState, i: int, m: re.Match, rule: str) -> None:
    ln = state.lines[i]
    rest = (ln.text[: m.start()] + ln.text[m.end():]).strip(" \t|_-—.()")
    if len(rest) <= 12:  # debris such as a leading doc id or underscores
        state.remove_line(i, rule)
    else:
        start, end = m.start(), m.end()
        if start > 0 and ln.text[start - 1] == " " and end < len(ln.text) and ln.text[end] == " ":
            end += 1  # keep one space between the words the stamp stood between
        state.cut(ln.start + start, ln.start + end, rule)


# -- release stamps ------------------------------------------------------------------------------
_STAMP = re.compile(
    r"\b(?P<status>RELEASED?\s+IN\s+(?:FULL|PART)|DENIED\s+IN\s+FULL|APPROVED\s+FOR\s+RELEASE(?:\s+\d{4})?)\b",
    re.I,
)
_STAMP_WORDS = ("RELEASE", "Release", "DENIED", "APPROVED", "Approved", "DECLASSIFIED", "SANITIZED")
# Candidate lines: a stamp's words, upper case or title case as stamps are printed (running text
# that merely mentions a release is not searched line by line).
# Two scans, each fast: words anywhere (every branch opens with a letter, which the regex engine
# looks for at C speed) and words that open a line (see ``matching_line_starts``).
_STAMP_WORDS_ANYWHERE = re.compile(r"RELEASED?\s+IN\b|Released?\s+[Ii]n\b|DENIED\s+IN\b|APPROVED\s+FOR\b|Approved\s+[Ff]or\b")
# Its branches, each scanned alone: a pattern that opens with a literal is found at C speed, the
# alternation (opening with R, D or A, common letters) is tried at nearly every character. They
# find the same lines: no match of one branch can begin inside a match of another, or of itself.
_STAMP_WORDS_BRANCHES = tuple(re.compile(branch) for branch in _STAMP_WORDS_ANYWHERE.pattern.split("|"))
_STAMP_WORDS_ALONE = re.compile(r"\n[ \t]*(?:(?:RELEASED?|Released?)[ \t]+IN[ \t]*\|?[ \t]*$|(?:DECLASSIFIED|SANITIZED)\b)", re.M)
# (Within one line: a match that began on a blank line above would be credited to that line.)
# NARA's stamps on declassified paper: 'DECLASSIFIED' (Authority / By … NARA, Date …), 'SANITIZED …'.
_NARA_STAMP = re.compile(r"^\s*(?P<status>DECLASSIFIED|SANITIZED)\b(?:\s+[A-Z0-9.\-]{1,20}){0,2}\s*$")
_STAMP_SPLIT = re.compile(r"^\s*(RELEASED?\s+IN)\s*\|?\s*$", re.I)
_EXEMPTION = re.compile(r"\b(B\s?[1-9](?:\s?\([A-F]\))?|1\.4\s?\(?[A-H]\)?|25X[1-9])\b", re.I)
_EXEMPTIONS_LINE = re.compile(r"^[\s|,;]*(?:(?:B\s?[1-9](?:\s?\([A-F]\))?|1\.4\s?\(?[A-H]\)?|25X[1-9])[\s|,;]*)+$", re.I)
_REVIEWER = re.compile(r"^\s*(R\d{3,5})\s*$")


def release_stamps(state: NormState) -> None:
    """``RELEASED IN FULL``, ``RELEASE IN PART B5,B6`` (split over lines), and a reviewer code beside them."""
    text = state.original
    if not any(word in text for word in _STAMP_WORDS):
        return
    for i, ln in _stamp_lines(state):
        if state.removed_lines[i]:
            continue  # taken by the look-ahead of an earlier stamp
        text = ln.text
        split = _STAMP_SPLIT.match(text)
        if split:
            # "RELEASE IN" / "FULL" on the next non-blank line (OCR splits the stamp).
            for j, nxt in state.following(i, 3):
                word = nxt.text.strip().upper()
                if word in ("FULL", "PART") or word.startswith("PART "):
                    _set_status(state, f"{split[1].upper().split()[0]} IN {word.split()[0]}", text + " " + nxt.text)
                    state.remove_line(i, "release-stamp")
                    _exemptions_from(state, word[4:])
                    state.remove_line(j, "release-stamp")
                    break
                if word:
                    break
            continue
        reading = _read_stamp(text)
        if reading is None:
            continue
        status, rest, nara = reading
        _set_status(state, status, text.strip())
        if rest:
            _exemptions_from(state, rest)
        state.remove_line(i, "release-stamp")
        if nara:
            continue  # NARA's declassification stamp carries no exemption codes
        # Exemption codes and a reviewer code often stand on the lines after the stamp.
        for j, nxt in state.following(i, 4):
            t = nxt.text.strip()
            if not t:
                continue
            kind = _stamp_companion(t)
            if kind == "exemptions":
                _exemptions_from(state, t)
                state.remove_line(j, "release-stamp")
                continue
            if kind == "reviewer" and state.release.reviewer in (None, t):
                # The same stamp on every page carries the same reviewer's code: all of it goes.
                state.release.reviewer = t
                state.remove_line(j, "reviewer-code")
                continue
            break


def _stamp_lines(state: NormState) -> list:
    """Live lines holding a stamp's words, in order. (A match of the first scan that runs over a
    line break ends on 'IN' or 'FOR', so it never hides a line the second would find.)"""
    lines = {}
    for branch in _STAMP_WORDS_BRANCHES:
        lines.update(state.matching(branch))
    lines.update(state.matching_line_starts(_STAMP_WORDS_ALONE))
    return sorted(lines.items())


# A stamp is printed on every page: each distinct line is read once.
@lru_cache(maxsize=512)
def _read_stamp(text: str) -> tuple[str, str, bool] | None:
    """(status, codes beside it, NARA's stamp?) for a stamp line, or None when the words are running text."""
    if nara := _NARA_STAMP.match(text):
        return nara["status"], "", True
    m = _STAMP.search(text)
    if not m:
        return None
    rest = (text[: m.start()] + text[m.end():]).strip()
    if rest and not _EXEMPTIONS_LINE.match(rest) and len(rest) > 24:
        return None  # the words occur in running text, not as a stamp
    return " ".join(m["status"].upper().split()), rest, False


@lru_cache(maxsize=512)
def _stamp_companion(text: str) -> str | None:
    """What a line after a stamp is: 'exemptions' (``B5,B6``), 'reviewer' (``R1224``) or None."""
    if _EXEMPTIONS_LINE.match(text):
        return "exemptions"
    return "reviewer" if _REVIEWER.match(text) else None


def _set_status(state: NormState, status: str, raw: str) -> None:
    status = " ".join(status.split())
    if status.startswith("APPROVED FOR RELEASE"):
        status = "APPROVED FOR RELEASE"
    if not state.release.status:
        state.release.status = status
    stamp = " ".join(raw.split())
    if stamp not in state.release.stamps:  # the same stamp on every page is one stamp
        state.release.stamps.append(stamp)


def _exemptions_from(state: NormState, text: str) -> None:
    exemptions, categories = _codes(text)
    for code in exemptions:
        state.release.add_exemption(code)
    for code in categories:
        state.release.add_category(code)


@lru_cache(maxsize=512)
def _codes(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """FOIA exemptions and E.O. categories in a stamp's text (stamps repeat page after page)."""
    exemptions, categories = [], []
    for m in _EXEMPTION.finditer(text):
        code = "".join(m[1].upper().split())
        if code.startswith("B"):
            exemptions.append(code)
        else:
            if code.startswith("1.4") and "(" not in code:
                code = f"1.4({code[-1]})"
            categories.append(code)
    return tuple(exemptions), tuple(categories)


# -- systematic review and other stamps that land anywhere ---------------------------------------
_NAME_WORD = r"(?:[A-Z][a-z][\w'\-]*\.?|[A-Z]\.)"
_SYSTEMATIC = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})?\s*(?i:Declassified\s*/\s*Released\s+US\s+Department\s+of\s+State\s+"
    r"EO\s+Systematic\s+Review)\s+(?P<date>\d{1,2}\s+(?i:[A-Z]{3})\s+\d{4})"
)


def systematic_review_stamps(state: NormState) -> None:
    """``<Reviewer> Declassified/Released US Department of State EO Systematic Review 20 Mar 2014``, anywhere."""
    if "ystematic" not in state.original:
        return
    for i, ln in state.live():
        if "ystematic" not in ln.text:
            continue
        if ln.text.lstrip().startswith("Systematic") and i > 0 and "Declassified/Released" in state.lines[i - 1].text \
                and not state.removed_lines[i - 1]:
            # The stamp broken over two lines: '… Department of State EO' / 'Systematic Review 05 JUL 2006'.
            joined = state.lines[i - 1].text.rstrip() + " " + ln.text.strip()
            if m := _SYSTEMATIC.search(joined):
                _lift_systematic(state, m)
                state.remove_line(i - 1, "systematic-review-stamp")
                state.remove_line(i, "systematic-review-stamp")
                continue
        for m in _SYSTEMATIC.finditer(ln.text):
            _lift_systematic(state, m)
            _remove_match_or_line(state, i, m, "systematic-review-stamp")


def _lift_systematic(state: NormState, m: re.Match) -> None:
    r = state.release
    r.status = r.status or "DECLASSIFIED/RELEASED"
    stamp = " ".join(m[0].split())
    if stamp not in r.stamps:
        r.stamps.append(stamp)
    if m["name"] and not r.reviewer:
        r.reviewer = m["name"].strip()
    d = m["date"].split()
    r.release_date = r.release_date or _iso(int(d[2]), MONTHS.get(d[1][:3].upper(), 0), int(d[0]))
    r.review_authority = r.review_authority or "EO Systematic Review"


_CREST = re.compile(
    r"(?:(?:Sanitized\s+Copy\s+)?Appr\w*\s+For\s+Rel\w*|Declassified\s+in\s+Part\s*-\s*Sanitized\s+Copy\s+Approved\s+for\s+Release)"
    r"\s*(?P<date>\d{4}/\d{2}/\d{2})?\s*:?\s*(?P<id>CIA-RDP[\w\- ]+)?",
    re.I,
)


# Both branches of _CREST hold 'for', blanks, 'rel' in any case: in the upper-cased bytes 'FOR',
# bytes of blanks (as in _CASE_NO), 'REL'. (re.I takes no character but an ASCII letter for f, o,
# r, e or l, so this holds for any text.) 'for' is common, 'for rel' rare.
_FOR_REL = re.compile(rb"FOR[\t\x0b\x0c\r \x1c-\x1f\x80-\xff]+REL")


def crest_banners(state: NormState) -> None:
    """CIA CREST banners: ``Approved For Release 2006/04/19 : CIA-RDP86-00674R000300030001-3``."""
    if not _FOR_REL.search(state.ascii_upper):
        return  # no line can match _CREST
    if "RDP" not in state.original and "anitized" not in state.original:
        return
    for i, ln in state.live():
        if "RDP" not in ln.text and "anitized" not in ln.text:
            continue
        m = _CREST.search(ln.text)
        if not m:
            continue
        r = state.release
        r.status = r.status or "APPROVED FOR RELEASE"
        r.stamps.append(" ".join(m[0].split()))
        if m["id"] and not r.doc_number:
            r.doc_number = re.sub(r"\s", "", m["id"])
        if m["date"] and not r.release_date:
            y, mo, d = (int(x) for x in m["date"].split("/"))
            r.release_date = _iso(y, mo, d)
        _remove_match_or_line(state, i, m, "crest-banner")


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
)
# For each legend pattern, a word that every match of it holds, upper-cased (one of several for the
# pattern of three forms): a line whose upper case lacks the word cannot match the pattern, and
# a test for a word is ten times cheaper than a search. Upper case tells only where no character
# beyond ASCII upper-cases or case-folds under re.I to an ASCII letter (``ascii_case_exact``).
_JFK_LEGEND_WORDS = (  # in the order of _JFK_LEGENDS
    ("KENNEDY",), ("14176",), ("DECLASS.",), ("FK",), ("REV", "MLK", "SEN."), ("KENNEDY",), ("RELEASED",), ("RELEASE",),
    ("COLLECTION",), ("2107",), ("2107",), ("NW",), ("14-00000",), ("-",), ("DOC",), ("ID",))
_GATED_LEGENDS = tuple((word, pattern) for pattern, words in zip(_JFK_LEGENDS, _JFK_LEGEND_WORDS, strict=True)
                       for word in words)
# Whether any legend pattern applies to a line: the alternation of them all. (Asked of a line, it
# is slower than the patterns one by one, which is how ``_is_legend`` asks: a search of the
# alternation finds a match exactly where one of its branches, each a pattern with its own flags
# and anchors, finds one.)
_JFK_ANY = re.compile("|".join(
    f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" if p.flags & re.I else f"(?:{p.pattern})" for p in _JFK_LEGENDS))
# Words every legend pattern contains, found by one scan of the document.
_JFK_CANDIDATE = re.compile(r"(?i)RELEAS|DECLASS|FK\b|MLK|SEN\.|REV\.|ASSASSINATION|USC|\bNW\s*\d|DOC|14-00000|-\d{5}")
# The same words, looser, over the ASCII-upper-cased bytes: a case-sensitive scan whose branches
# all open with a literal runs ten times faster than the case-blind one (see ``_jfk_candidates``).
_JFK_CANDIDATE_UPPER = re.compile(rb"RELEAS|DECLASS|FK|MLK|SEN\.|REV\.|ASSASSINATION|USC|NW|DOC|14-00000|-[0-9\x80-\xff]{5}")
# Its branches, each looked for alone: a literal search, or a pattern that opens with one, is three
# times faster than the alternation, whose first characters are letters common in any text.
_JFK_CANDIDATE_WORDS = (b"RELEAS", b"DECLASS", b"FK", b"MLK", b"SEN.", b"REV.", b"ASSASSINATION", b"USC", b"NW", b"DOC",
                        b"14-00000")
_JFK_CANDIDATE_NUMBER = re.compile(rb"-[0-9\x80-\xff]{5}")
_NW_AT_END = re.compile(r"(?i)\bNW\s*$")
_JFK_CASE = re.compile(r"Case\s*#?\s*:?\s*(NW\s*\d{4,6})(?:\s+Date\s*:?\s*(\d{2}-\d{2}-\d{4}))?", re.I)
_JFK_DATE = re.compile(r"Date\s*:?\s*(\d{2}-\d{2}-\d{4})", re.I)


_JFK_MARKERS = ("KENNEDY", "Kennedy", "JFK", "14176", "Docld", "DocId", "DocID", "14-00000")
# The markers upper-cased, four searches of the upper-cased bytes instead of eight of the text (a
# marker in the text is there upper-cased): 'KENNEDY', 'JFK', 'DOCLD' or 'DOCID', '14176' or '14-00000'.
# (The regex engine's search for a short literal of common letters is up to twice as fast as ``in``.)
_JFK_MARKERS_UPPER = tuple(map(re.compile, (rb"KENNEDY", rb"JFK", rb"DOC[IL]D", rb"14(?:176|-00000)")))


def _jfk_markers_present(state: NormState) -> bool:
    """``any(marker in state.original for marker in _JFK_MARKERS)``, after a cheaper test that
    fails where it would."""
    upper = state.ascii_upper
    if not any(form.search(upper) for form in _JFK_MARKERS_UPPER):
        return False
    return any(marker in state.original for marker in _JFK_MARKERS)


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
    return state.matching_ascii_upper_any(_JFK_CANDIDATE_WORDS, _JFK_CANDIDATE_NUMBER)


def _is_jfk_candidate(state: NormState, ln) -> bool:
    """Whether a scan of the whole text with ``_JFK_CANDIDATE`` finds a match on line ``ln``. A
    match may begin on a line and end on the next ('NW' / '65990'): a line ending in 'NW' is
    settled by a scan from its start."""
    return bool(_JFK_CANDIDATE.search(ln.text) or (
        _NW_AT_END.search(ln.text) and (m := _JFK_CANDIDATE.search(state.original, ln.start)) and m.start() < ln.end))


def _jfk_legend_lines(state: NormState) -> list:
    """The candidate lines (``_jfk_candidates``) that hold a legend, in order.

    The two tests are independent, so the cheap one runs first: the loose scan's lines (as many
    as the candidates, near enough) are tried against the legends, and the few that hold one are
    then tested as candidates.
    """
    if not state.ascii_case_exact:
        return [(i, ln) for i, ln in state.matching(_JFK_CANDIDATE) if _is_legend(ln.text)]
    return [(i, ln) for i, ln in _jfk_loose_candidates(state)
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
    for i, ln in _jfk_legend_lines(state):
        text = ln.text
        if m := _RECORD_NUMBER.search(text):
            _lift_record_number(state, m[0])
        elif "RELEASE" in text.upper() and (number := _read_record_number(text)):
            _lift_record_number(state, number)
        if m := _FOOTER_NW.search(text):
            # The page footer states the NW case number more reliably than the broken legend.
            state.release.case_number = f"NW {m[1]}"
        elif m := _JFK_CASE.search(text):
            state.release.case_number = state.release.case_number or re.sub(r"\s+", " ", m[1].upper())
        if m := _RELEASED_ON.search(text):
            state.release.release_date = state.release.release_date or _iso(int(m[3]), int(m[1]), int(m[2]))
        state.remove_line(i, "jfk-legend")
    if not state.release.doc_number:
        # A record number alone on the first lines, as OCR garbled it.
        for i, ln in state.live()[:3]:
            if len(ln.text.strip()) <= 24 and (number := _read_record_number(ln.text)):
                _lift_record_number(state, number)
                state.remove_line(i, "jfk-legend")
                break


# 'Date' as OCR may read it: 'Diate', 'Dlate'.
# The case number before it may keep its label ('Case#NW 65990 Date: …') or be garbled into two
# words ('adeliNk 55924 Date: …').
_CASE_TAIL = re.compile(r"^\s*(?:Case\s*#?\s*:?\s*NW\s*|\S{1,8}\s+)?\S{3,8}\s+D[il]?ate\s*:\s*(\d{2})[-.](\d{2})[-.](\d{4})\s*$")


# Every line _CASE_TAIL matches holds this within the line (and few others do).
_CASE_TAIL_CANDIDATE = re.compile(r"D[il]?ate[^\S\n]*:")
# And this (a search that opens with a literal, where the one above opens with a common capital).
_CASE_TAIL_DATE = re.compile(r"ate\s*:\s*\d{2}[-.]\d{2}[-.]\d{4}")
# The words of the legend's first part, one of which the rule looks for above a tail (a search of
# the regex engine for a short literal is faster than ``in``).
_CASE_LITERAL, _USC_2107 = re.compile("Case"), re.compile("2107")


def jfk_case_lines(state: NormState) -> None:
    """The tail of a JFK legend broken over lines: ``E6O0O Date: 11-03-2021``, ``992 (44 USC …``."""
    # ('Case' in the text implies 'case' in any case: the test of the upper-cased bytes once made
    # before this one can add nothing.)
    if not _CASE_LITERAL.search(state.original) and not _USC_2107.search(state.original):
        return  # the legend's first part, looked for below, is nowhere
    if not _CASE_TAIL_DATE.search(state.original):
        return  # no line can be a tail
    for i, ln in state.matching(_CASE_TAIL_CANDIDATE, one_line=True):
        if "ate" in ln.text and (m := _CASE_TAIL.match(ln.text)):
            # The legend's first part has usually gone already: look at the original lines.
            prev = state.lines[max(0, i - 4):i + 1]
            if any("Case" in p.text or "2107" in p.text for p in prev):
                if not state.release.release_date:
                    state.release.release_date = _iso(int(m[3]), int(m[1]), int(m[2]))
                state.remove_line(i, "jfk-legend")


# -- reproduction notices -------------------------------------------------------------------------
# Printed on every page of the 1960s Department's incoming telegrams ('REPRODUCTION FROM THIS COPY
# IS PROHIBITED UNLESS "UNCLASSIFIED"') and of CIA message forms ('REPRODUCTION BY OTHER THAN THE
# ISSUING OFFICE IS PROHIBITED'); OCR often breaks it over two lines and adds debris before it.
_REPRODUCTION = re.compile(r"REPRODUCTION\s+(?:FROM\s+THIS\s+COPY|BY\s+OTHER\s*(?:-|\s)\s*THAN\s*(?:-|\s)\s*THE\s*(?:-|\s)\s*ISSUING"
                           r"\s+OFFICE)(?:\s+IS)?(?:\s+PROHIBITED)?(?:\s+UNLESS\s+\W?UNCLASSIFIED\W?)?", re.I)
_PROHIBITED_TAIL = re.compile(r"^\W{0,6}(?:[A-Z]{1,3}\s+)?PROHIBITED(?:\s+UNLESS\s+\W?UNCLASSIFIED\W?)?\W*$", re.I)

_REPRODUCTION_WORD = re.compile(rb"EPRODUCTION")


def reproduction_notices(state: NormState) -> None:
    """The reproduction notice at the foot of each page, and its second line when OCR split it."""
    if not state.upper_holds("EPRODUCTION"):
        return
    candidates = state.matching_ascii_upper(_REPRODUCTION_WORD) if state.ascii_case_exact else state.live()
    for i, ln in candidates:
        if "EPRODUCTION" not in ln.text.upper():
            continue
        m = _REPRODUCTION.search(ln.text)
        if not m:
            continue
        _remove_match_or_line(state, i, m, "reproduction-notice")
        for j, nxt in state.following(i, 1):
            if _PROHIBITED_TAIL.match(nxt.text):
                state.remove_line(j, "reproduction-notice")


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
_OF_PAGES = re.compile(r"OF\s+\d{3}\b")
_PAGE = re.compile("PAGE")


def continuation_headers(state: NormState) -> None:
    """Cablegate continuation headers ``TRIPOLI 00000220 002 OF 003``, wherever they land."""
    for i, ln in state.matching(_OF_PAGES, one_line=True):
        if " OF " not in ln.text or not _SERIAL_PAGE.search(ln.text):
            continue  # the header's tail, which the costlier pattern looks for at every capital
        for m in _CONTINUATION.finditer(ln.text):
            _remove_match_or_line(state, i, m, "continuation-header")
            break


def teletype_page_headers(state: NormState) -> None:
    """1970s record-copy page headers ``PAGE 02 HARARE 06677 01 OF 03 291400Z`` (not page 01)."""
    if not _PAGE.search(state.original):  # ('PAGE' in the text, asked faster)
        return
    for i, ln in state.matching(_PAGE, one_line=True):
        m = _PAGE_HEADER.search(ln.text)
        if not m or m["page"].lstrip("0") == "1":
            continue
        _remove_match_or_line(state, i, m, "page-header")


# -- page banners, page numbers, boxes, debris --------------------------------------------------
_LEVEL_ALT = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in LEVEL_WORDS), key=len, reverse=True))
_BANNER = re.compile(rf"^[\s_|\-~*]*(?:~~)?(?P<level>{_LEVEL_ALT})(?:~~)?[\s_|\-~*.]*$", re.I)
# (Runs written possessive, ``{0,59}+``: a line too long for one fails at once instead of being
# given back a character at a time; no shorter run could end the line either, so the lines found
# are the same.)
_BANNER_CANDIDATE = re.compile(r"\n[ \t_|\-~*]*+[STCULstcul][^\n]{0,59}+$", re.M)  # see matching_line_starts
# Letter-spaced markings: 'S E C R E T', and 'S-E-C-R-E-T' as CIA cable forms type it.
_SPACED = re.compile(r"^\s*((?:[A-Z](?:\s|\s?-\s?)){3,}[A-Z])\s*$")
# The candidate lines (_BANNER_CANDIDATE, in the lookahead) that can be a banner: on such a line
# the marking opens at the first character past the leading blanks and rules, which is a letter;
# _BANNER needs a level word there, and a word _SPACED reads as a level (SECRET, CONFIDENTIAL,
# TOPSECRET, UNCLASSIFIED) needs only blanks before it, an upper-case S, C, T or U there, and a
# blank (not the line break: a letter follows on the line) or a hyphen after it. Running text that
# opens with an S, T, C, U or L is passed over by the scan instead of tried line by line.
_BANNER_LINE = re.compile(rf"\n(?=[ \t_|\-~*]*+[STCULstcul][^\n]{{0,59}}+$)[ \t_|\-~*]*+"
                          rf"(?:(?i:{_LEVEL_ALT})|[STCU](?:[^\S\n]|-))", re.M)


def page_banners(state: NormState) -> None:
    """Lines that hold only a classification marking: page banners, top and bottom of each page.

    Their levels are kept (``release.banners``) because on many releases the banner is the only
    statement of the original classification, and an UNCLASSIFIED banner beside a classified one
    marks a declassified copy.
    """
    for i, ln in state.matching_line_starts(_BANNER_LINE):
        text = ln.text
        m = _BANNER.match(text)
        level = None
        if m:
            level = LEVEL_WORDS[" ".join(m["level"].upper().split())]
        elif s := _SPACED.match(text):
            word = s[1].replace(" ", "").replace("-", "")
            if word in ("SECRET", "CONFIDENTIAL", "TOPSECRET", "UNCLASSIFIED"):
                level = "TOP SECRET" if word == "TOPSECRET" else word
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


_PAGE_NUMBER_CANDIDATE = re.compile(r"\n[ \t]*+[-Pp\d][^\n]{0,13}+$", re.M)  # (possessive: see _BANNER_CANDIDATE)
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:PAGE\s+)?\d{1,3}(?:\s*-)?(?:\s+of\s+\d{1,3})?\s*$", re.I)


def page_numbers(state: NormState) -> None:
    """Bare page numbers (``2``, ``- 3 -``, ``Page 4 of 7``) standing alone between blank lines."""
    for i, ln in state.matching_line_starts(_PAGE_NUMBER_CANDIDATE):
        t = ln.text.strip()
        if not _PAGE_NUMBER.match(t):
            continue
        before = i == 0 or not state.is_live(i - 1)  # (blank, removed, or none)
        after = not state.is_live(i + 1)
        if before and after:
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


_DEBRIS_CANDIDATE = re.compile(r"\n[ \t]*+(?:[A-Za-z]{1,2}+|[^\w\s]{1,6}+)[ \t]*+$", re.M)  # (as _BANNER_CANDIDATE)
_LETTER_ITEM = re.compile(r"[A-Z]\.")
_DEBRIS = re.compile(r"^\s*(?:[A-Za-z]{1,2}|[^\w\s]{1,6}|[|_~•.,:;'\"`]+)\s*$")


def stray_glyphs(state: NormState) -> None:
    """Short non-word lines (``YY``, ``|``, ``•``) left by stamps and rules, after the header zone."""
    header_end = state.live_index(8)  # the header zone: the first eight lines of text
    if header_end is None:
        return
    for i, ln in state.matching_line_starts(_DEBRIS_CANDIDATE):
        t = ln.text.strip()
        if i >= header_end and _DEBRIS.match(ln.text) and not _LETTER_ITEM.fullmatch(t):
            state.remove_line(i, "stray-glyphs")


# -- character-level fixes -------------------------------------------------------------------------
_ENTITY = re.compile(r"&#x([0-9A-Fa-f]{1,6});|&#(\d{1,7});|&(amp|lt|gt|quot|apos|nbsp);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": " "}


def html_entities(state: NormState) -> None:
    """HTML entities left in Cablegate dumps (``&#x000A;``, ``&amp;``)."""
    if "&" not in state.original:
        return
    for m in _ENTITY.finditer(state.original):  # an entity never spans a line break: one scan does
        if m[1] or m[2]:
            try:
                ch = chr(int(m[1], 16) if m[1] else int(m[2]))
            except (ValueError, OverflowError):
                continue
        else:
            ch = _NAMED[m[3]]
        state.cut(m.start(), m.end(), "html-entity", ch, record=False)

# A pilcrow with only blanks before it on its line (``\s`` and ``str.strip`` agree on what is blank).
_LEADING_PILCROW = re.compile(r"\n[^\S\n]*¶")


def pilcrows(state: NormState) -> None:
    """``¶1.`` paragraph marks of Cablegate HTML: the pilcrow goes, the number stays."""
    for at in _leading_pilcrows(state.original):
        state.cut(at, at + 1, "pilcrow", record=False)


def _leading_pilcrows(text: str) -> list[int]:
    """Offsets of the pilcrows ``_LEADING_PILCROW`` finds in the text behind a line break: those
    with only blanks (``isspace``, what ``[^\\S\\n]`` takes) between them and their line's start.
    Each pilcrow is found at C speed and its line looked at alone, three times faster than the
    regex engine trying the pattern at every line break. Only a line's first pilcrow can have
    only blanks before it (any later one has the first before it), so the others are passed over
    and no character of the text is looked at twice.
    """
    if text.count("¶") > 256:  # (text made of them: the pattern, which takes no Python step a pilcrow)
        return [m.end() - 2 for m in _LEADING_PILCROW.finditer("\n" + text)]
    out = []
    first, previous = True, 0
    at = text.find("¶")
    while at >= 0:
        newline = text.rfind("\n", previous, at)  # (the text since the last pilcrow: each character once)
        if first or newline >= 0:  # the first pilcrow on its line
            start = newline + 1
            if start == at or text[start:at].isspace():
                out.append(at)
        first, previous = False, at
        at = text.find("¶", at + 1)
    return out


_STRIKE = re.compile(r"~~(.+?)~~")
_TILDES = re.compile("~~")


def strike_marks(state: NormState) -> None:
    """``~~struck text~~`` from OCR tools: the text stays, its span goes into ``struck``."""
    if "~" not in state.original or "~~" not in state.original:
        return  # (as in worksheet_boxes)
    for i, ln in state.matching(_TILDES, one_line=True):
        for m in _STRIKE.finditer(ln.text):
            s = ln.start + m.start(1)
            state.struck.append((s, ln.start + m.end(1)))
            state.cut(ln.start + m.start(), ln.start + m.start() + 2, "strike-mark", record=False)
            state.cut(ln.start + m.end() - 2, ln.start + m.end(), "strike-mark", record=False)


_HYPHEN_END = re.compile(r"([A-Za-z]{2,})-\s*$")
_WORD_START = re.compile(r"^\s*([A-Za-z]{2,})")
# Lines that end with a hyphen, trailing blanks aside (as ``rstrip().endswith("-")`` says).
_HYPHEN_EOL = re.compile(r"-[^\S\n]*$", re.M)


class _DocumentWords:
    """The words of three or more ASCII letters of the upper-cased document, asked one at a time.

    A set of every word costs a string and a hash a word (milliseconds on a long release); a
    document asks about a few joined words, each found by a literal search of the upper-cased
    bytes, where those agree with ``str.upper`` (see ``NormState.ascii_case_exact``).
    """

    def __init__(self, state: NormState) -> None:
        self.state = state
        self.known: dict[str, bool] = {}
        self.every: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if word not in self.known:
            self.known[word] = self._occurs(word)
        return self.known[word]

    def _occurs(self, word: str) -> bool:
        if not self.state.ascii_case_exact:
            if self.every is None:
                self.every = set(re.findall(r"[A-Za-z]{3,}", self.state.original.upper()))
            return word in self.every
        text, w = self.state.ascii_upper, word.encode()
        at = text.find(w)
        while at >= 0:
            end = at + len(w)
            # A whole word: no letter on either side (the bytes hold no lower-case letters).
            if (at == 0 or not 65 <= text[at - 1] <= 90) and (end == len(text) or not 65 <= text[end] <= 90):
                return True
            at = text.find(w, at + 1)
        return False


def dehyphenate(state: NormState) -> None:
    """A word broken at a line end (``SIGNIFI-`` / ``CANT``) is joined; the hyphen stays if the
    joined form never occurs elsewhere in the document (``DECISION-`` / ``MAKING``)."""
    words = _DocumentWords(state)
    for i, ln in state.matching(_HYPHEN_EOL, one_line=True):
        j = i + 1  # only a live line right below continues the word
        if not state.is_live(j):
            continue
        nxt = state.lines[j]
        a, b = _HYPHEN_END.search(ln.text), _WORD_START.match(nxt.text)
        if not a or not b:
            continue
        hyphen = ln.start + a.end(1)
        joined = (a[1] + b[1]).upper()
        keep_hyphen = joined not in words
        start = hyphen + (1 if keep_hyphen else 0)
        # Remove the (hyphen,) line break and the next line's indentation.
        state.cut(start, nxt.start + b.start(1), "dehyphenate", record=False)


def rejoin_split_sentences(state: NormState) -> None:
    """Where furniture was removed mid-sentence, drop the blank lines it leaves behind."""
    lines, removed = state.lines, state.removed_lines
    n = len(lines)
    i = 0
    while i < n:
        i = removed.find(1, i)  # the next removed line, found at C speed
        if i < 0:
            break
        # The live lines around the removed one: a line is live unless removed or blank.
        j, k = state.next_live(i), state.previous_live(i)
        if 0 <= k and j < n:
            before, after = lines[k].text.rstrip(), lines[j].text.lstrip()
            if before and after and before[-1].isalpha() and after[:1].islower():
                for b in range(k + 1, j):
                    if not lines[b].text.strip():
                        removed[b] = 1
        i = j
