"""The release layer: what declassification added to the page, and the facts it states.

FOIA case banners, release stamps (with their exemption codes and reviewer), systematic-review
stamps, CIA CREST banners and reproduction notices. (The JFK collection's legends are in ``jfk``.)
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..state import NormState
from .common import iso_date, remove_match_or_line

MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}


def _us_date(text: str) -> str | None:
    """``08/31/2015``, ``8-31-15``, ``08 31 2015`` -> ISO, or None."""
    m = re.fullmatch(r"\s*(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})\s*", text)
    if not m:
        return None
    mo, d, y = int(m[1]), int(m[2]), int(m[3])
    if y < 100:
        y += 1900 if y > 40 else 2000
    return iso_date(y, mo, d)


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
        remove_match_or_line(state, i, m, "foia-banner")


def _foia_candidates(state: NormState) -> list:
    """Live lines that may hold a FOIA banner: every line where ``_FOIA_BANNER`` matches, and some more."""
    if state.ascii_case_exact:
        return state.matching_ascii_upper(_CASE_NO)
    text = state.original
    if not state.may_hold("case") or ("Case" not in text and "CASE" not in text and "case" not in text):
        return []  # a substring test of the whole text spares a pass over its lines
    return state.matching_ascii_upper(_CASE_WORD)


# -- release stamps ------------------------------------------------------------------------------
# (The CIA Historical Review Program's stamp on the releases of the 1990s reads 'RELEASE IN
# FULL', 'APPROVED FOR RELEASE' or 'RELEASE AS SANITIZED', each with its year.)
_STAMP = re.compile(
    r"\b(?P<status>RELEASED?\s+IN\s+(?:FULL|PART)|DENIED\s+IN\s+FULL|APPROVED\s+FOR\s+RELEASE(?:\s+\d{4})?"
    r"|RELEASE\s+AS\s+SANITIZED)\b",
    re.I,
)
_STAMP_WORDS = ("RELEASE", "Release", "DENIED", "APPROVED", "Approved", "DECLASSIFIED", "SANITIZED")
# The five upper-case words in one search, from the capital E each holds: 'ED' ending DENIED,
# APPROVED, DECLASSIFIED or SANITIZED (the word checked behind it), or the E of 'RE' that 'LEASE'
# follows. It matches exactly where one of the five occurs, case for case, and costs one pass over
# the text where five ``in`` tests cost five: a capital E is rare in running text, and where the
# text is in capitals the search stops at the first stamp word.
_UPPER_STAMP_WORD = re.compile(r"E(?:D(?:(?<=DENIED)|(?<=APPROVED)|(?<=DECLASSIFIED)|(?<=SANITIZED))|(?<=RE)LEASE)")
_TITLE_STAMP_WORDS = ("Release", "Approved")  # the other two
# Candidate lines: a stamp's words, upper case or title case as stamps are printed (running text
# that merely mentions a release is not searched line by line).
# Words anywhere: 'RELEASED? IN', 'Released? [Ii]n', 'DENIED IN', 'APPROVED FOR', 'Approved [Ff]or'
# (the alternation is the plain definition in tests/test_shortcuts_rules.py), and words that open a
# line (see ``matching_line_starts``). The branches are scanned in three searches: a pattern that
# opens with a literal is found at C speed, while the alternation (opening with R, D or A, common
# letters) would be tried at nearly every character. The
# three upper-case branches are scanned as one, from the capital E each holds (as in
# _UPPER_STAMP_WORD): the E of 'RE' that 'LEASE' follows, or the 'ED' ending DENIED or APPROVED;
# such a match begins at that E instead of the word's first letter, on the same line (no word holds
# a line break). The searches find the same lines as the alternation: no match of one branch can
# begin inside a match of another, or of itself (a match holds no E that could open another).
_STAMP_WORDS_SCANS = (
    re.compile(r"E(?:(?<=RE)LEASED?\s+IN\b|D(?:(?<=DENIED)\s+IN\b|(?<=APPROVED)\s+FOR\b))"),
    re.compile(r"Released?\s+[Ii]n\b"),
    re.compile(r"Approved\s+[Ff]or\b"),
)
_STAMP_WORDS_ALONE = re.compile(r"\n[^\S\n]*(?:(?:RELEASED?|Released?)[^\S\n]+IN[^\S\n]*\|?[^\S\n]*$|(?:DECLASSIFIED|SANITIZED)\b"
                                r"|RELEASE[^\S\n]+AS[^\S\n]+SANITIZED\b)", re.M)
# (Within one line: a match that began on a blank line above would be credited to that line.)
# The lines that pattern can match at, found without trying it at every line's start (a cost a
# line, ~12 us on an OCR'd release): a line it matches holds 'RELEASED IN' or 'RELEASE IN' (which
# the first of the scans above finds: 'RELEASED?\s+IN\b' begins on the line, and no match of that
# scan from a line above reaches into a line that opens with blanks and an R), 'Released IN' or
# 'Release IN' (the second does not find these: its 'in' is 'In' or 'in'), DECLASSIFIED or
# SANITIZED (also in 'RELEASE AS SANITIZED'). The last three are looked for here, the two words in
# one search from the ends they share with nothing else here ('IZED', 'IFIED' behind a common I,
# found at C speed); the pattern is then tried at the start of each line they are on. Neither search
# matches a line break.
_ALONE_WORD_SCANS = (re.compile(r"IZED(?<=SANITIZED)|IFIED(?<=DECLASSIFIED)"), re.compile(r"Released?[^\S\n]+IN"))
# NARA's stamps on declassified paper: 'DECLASSIFIED' (Authority / By … NARA, Date …), 'SANITIZED …'.
# The Kennedy Library's SANITIZED stamp carries its authority's number, which OCR may read with
# a colon for a hyphen or after the label ('SANITIZED NLK-01-030-4-3-2' as 'SANITIZED ARK: 01-030-4-3-2',
# 'SANITIZED MK: 01-031:711.0'; three documents of the holdout and dev gold).
_NARA_STAMP = re.compile(r"^\s*(?P<status>DECLASSIFIED|SANITIZED)\b(?:\s+[A-Z0-9.:\-]{1,20}){0,2}\s*$")
_STAMP_SPLIT = re.compile(r"^\s*(RELEASED?\s+IN)\s*\|?\s*$", re.I)
_EXEMPTION = re.compile(r"\b(B\s?[1-9](?:\s?\([A-F]\))?|1\.4\s?\(?[A-H]\)?|25X[1-9])\b", re.I)
_EXEMPTIONS_LINE = re.compile(r"^[\s|,;]*(?:(?:B\s?[1-9](?:\s?\([A-F]\))?|1\.4\s?\(?[A-H]\)?|25X[1-9])[\s|,;]*)+$", re.I)
_REVIEWER = re.compile(r"^\s*(R\d{3,5})\s*$")


def release_stamps(state: NormState) -> None:
    """``RELEASED IN FULL``, ``RELEASE IN PART B5,B6`` (split over lines), and a reviewer code beside them."""
    if not _has_stamp_word(state.original):
        return
    for i, ln in _stamp_lines(state):
        if state.removed_lines[i]:
            continue  # taken by the look-ahead of an earlier stamp
        text = ln.text
        split = _STAMP_SPLIT.match(text)
        if split:
            # "RELEASE IN" / "FULL" on the next non-blank line (OCR splits the stamp).
            for j, nxt in state.following(i, 3):
                word = nxt.strip().upper()
                if word in ("FULL", "PART") or word.startswith("PART "):
                    _set_status(state, f"{split[1].upper().split()[0]} IN {word.split()[0]}", text + " " + nxt)
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
        if _in_checklist(state, i, text):
            state.remove_line(i, "release-stamp")
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
            t = nxt.strip()
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


# A review form's printed list of decisions, one under another ('RELEASE IN FULL' / 'RELEASE IN
# PART' / 'TOTAL DENIAL'), on the FBI's and other agencies' review sheets: the options, of which
# the reviewer marks one, are no stamp (a mark OCR does not read legibly decides nothing).
_CHECKLIST_OPTION = re.compile(r"^\W{0,2}(?:RELEASED?\s+IN\s+(?:FULL|PART)|TOTAL\s+DENIAL|DENIED\s+IN\s+FULL)\s*$", re.I)


def _in_checklist(state: NormState, i: int, text: str) -> bool:
    """Whether the stamp line ``i`` is one of a checklist's options: the live line before or after
    it is another option."""
    mine = _CHECKLIST_OPTION.match(text)
    if mine is None:
        return False
    texts = state.texts
    before = i - 1
    while before >= 0 and not texts[before].strip():
        before -= 1  # (the line above, removed or not: the option above may have gone already)
    neighbours = [t for _, t in state.following(i, 1)] + ([texts[before]] if before >= 0 else [])
    wording = " ".join(text.upper().split()).strip(" .,:;'\"|¿?•*")
    for t in neighbours:
        if _CHECKLIST_OPTION.match(t) and " ".join(t.upper().split()).strip(" .,:;'\"|¿?•*") != wording:
            return True
    return False


def _has_stamp_word(text: str) -> bool:
    """``any(word in text for word in _STAMP_WORDS)``, in three searches instead of seven."""
    release, approved = _TITLE_STAMP_WORDS  # (tests in a row: no generator frame)
    return bool(_UPPER_STAMP_WORD.search(text)) or release in text or approved in text


def _stamp_lines(state: NormState) -> list:
    """Live lines holding a stamp's words, in order. (A match of the first scan that runs over a
    line break ends on 'IN' or 'FOR', so it never hides a line the second would find.) The lines
    ``_STAMP_WORDS_ALONE`` matches at the start of, from the scans and ``_ALONE_WORD_SCANS``."""
    # The title-case scans are asked only of a text holding their word: every match of the second
    # and third of ``_STAMP_WORDS_SCANS`` and of the second of ``_ALONE_WORD_SCANS`` opens with
    # 'Release' or 'Approved', which most releases lack (three OCR'd releases in four),
    # and a substring test of the text costs a fraction of a regex scan that finds nothing
    # (~40 k instructions an OCR'd release).
    text = state.original
    release, approved = _TITLE_STAMP_WORDS
    has_release, has_approved = release in text, approved in text
    # The same for the first of ``_ALONE_WORD_SCANS``: every match holds SANITIZED or DECLASSIFIED,
    # which thirteen releases in fourteen lack; two substring tests cost ~18 k instructions where
    # the scan that finds nothing costs ~45 k (it stops at every 'IZED' and 'IFIED').
    has_alone = "SANITIZED" in text or "DECLASSIFIED" in text
    lines = {}
    for scan, asked in zip(_STAMP_WORDS_SCANS, (True, has_release, has_approved), strict=True):
        if asked:
            lines.update(state.matching(scan))
    framed = state.framed  # (a line's leading line break stands at its start offset there)
    for scan, asked in zip(_ALONE_WORD_SCANS, (has_alone, has_release), strict=True):
        if asked:
            lines.update((i, ln) for i, ln in state.matching(scan, one_line=True)
                         if _STAMP_WORDS_ALONE.match(framed, ln.start))
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
    """``<Reviewer> Declassified/Released US Department of State EO Systematic Review 20 Mar 2014``, anywhere,
    in any case (OCR and some reading-room copies print it in capitals)."""
    if state.ascii_case_exact and b"SYSTEMATIC" not in state.ascii_upper:
        return  # exact: every match holds the word, and these bytes hold it wherever re.I would
    for i, ln in _systematic_candidates(state):
        if not _SYSTEMATIC_WORD.search(ln.text):
            continue
        if _OPENS_SYSTEMATIC.match(ln.text) and i > 0 and _DECLASSIFIED_RELEASED.search(state.lines[i - 1].text) \
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
            remove_match_or_line(state, i, m, "systematic-review-stamp")


_SYSTEMATIC_WORD = re.compile("systematic", re.I)
_SYSTEMATIC_BYTES = re.compile(rb"SYSTEMATIC")


def _systematic_candidates(state: NormState) -> list:
    """Live lines that may hold the stamp: where ``ascii_case_exact``, those whose upper-cased
    bytes hold 'SYSTEMATIC' (every line ``_SYSTEMATIC_WORD`` matches, found by one literal scan
    instead of a case-blind search of every live line); otherwise every live line.

    The same lines in the same order as the loop over ``live()`` reaches past its word test: the
    loop only ever removes the line it is at and the one before, so no later line changes state
    between the two lists being taken.
    """
    if state.ascii_case_exact:
        return state.matching_ascii_upper(_SYSTEMATIC_BYTES)
    return state.live()
_OPENS_SYSTEMATIC = re.compile(r"\s*systematic", re.I)
_DECLASSIFIED_RELEASED = re.compile(r"Declassified\s*/\s*Released", re.I)


def _lift_systematic(state: NormState, m: re.Match) -> None:
    r = state.release
    r.status = r.status or "DECLASSIFIED/RELEASED"
    stamp = " ".join(m[0].split())
    if stamp not in r.stamps:
        r.stamps.append(stamp)
    if m["name"] and not r.reviewer:
        r.reviewer = m["name"].strip()
    d = m["date"].split()
    r.release_date = r.release_date or iso_date(int(d[2]), MONTHS.get(d[1][:3].upper(), 0), int(d[0]))
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
# 'RDP' in the text and 'anitized' in the text, asked as searches that open with one literal
# character (as ``page._PAGE`` is written): faster than ``in`` on an OCR'd release, ~2.5 us.
_RDP, _ANITIZED = re.compile("P(?<=RDP)"), re.compile("z(?<=anitiz)ed")


def crest_banners(state: NormState) -> None:
    """CIA CREST banners: ``Approved For Release 2006/04/19 : CIA-RDP86-00674R000300030001-3``."""
    if not _FOR_REL.search(state.ascii_upper):
        return  # no line can match _CREST
    if not _RDP.search(state.original) and not _ANITIZED.search(state.original):
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
            r.release_date = iso_date(y, mo, d)
        remove_match_or_line(state, i, m, "crest-banner")


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
        remove_match_or_line(state, i, m, "reproduction-notice")
        for j, nxt in state.following(i, 1):
            if _PROHIBITED_TAIL.match(nxt):
                state.remove_line(j, "reproduction-notice")

