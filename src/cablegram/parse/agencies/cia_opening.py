"""The opening of a CIA cable's text: what stands between the CITE line and the first paragraph.

A CIA cable's address line (``DIR INFO WAVE CITE MEXI 2621``) ends the routing part of the form;
after it come, in this order and each optional, slug lines (cryptonyms and controls such as
``RYBAT GPFLOOR``, a subject line of a few words), the ``REF`` line or lettered REF items, and
then the text. The general header scanner stops in the printed routing box above the CITE line,
so this reader takes up from there.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from functools import cache, lru_cache
from operator import attrgetter

from ...vocab import tables
from ..draft import CLine, Draft

# 'REF:', 'REFS:', 'REF.', '| REF:' (OCR debris before it), 'REF2', 'REF&', 'REFS!' (the colon read
# as a 2, an ampersand or an exclamation mark: each a colon's two dots run together), 'RE:'
# and 'RE MADR 9893' (the F lost); the items follow on the line, or on the next when REF stands alone.
_REF = re.compile(r"^[^\w]{0,3}(?:REFS?(?:\s*[:.;,2&!]|(?=\s|$))|RE\s*:|RE(?=\s+[A-Z]{3,}\s+\d))\s*", re.I)
# A REF item continued on its own line: 'B. DIR 75796', 'C. WAVE 6877 (IN 12345)'.
_REF_ITEM_LINE = re.compile(r"^[^\w]{0,3}\(?[A-H][.)]\s+\S")
# A serial with a letter OCR read for a digit (see _LETTER_SERIAL): three to six digits and
# lookalikes, two digits among them at least.
_SERIAL_MISREAD = r"(?=[\dOIlSB§]{3,6}(?![\w§]))(?=[OIlSB§]*\d[OIlSB§]*\d)[\dOIlSB§]*[OIlSB§][\dOIlSB§]*(?![\w§])"
# An item whose letter OCR lost its stop or garbled, known by a CITE code and a serial after it:
# '“: B DIR 27924, …', '@ MADR 2982 …', also with a speck after the code (see _CODE_SPECK).
_CODED_ITEM_LINE = re.compile(r"^[^\w]{0,3}(?:\(?[A-H][.)]?\s+)?(?P<code>[A-Z]{3,4})[:;>]?\s+(?:\d{3,6}\b|" + _SERIAL_MISREAD + ")")
# A speck OCR set between an item's CITE code and its serial ('OTTA: 1611', 'STOC> 5179'): the
# code and serial are typed with a blank between them (a hyphen at most: 'WAVE-1040'), so a
# colon, semicolon or angle bracket glued to the code is a smudge of the ribbon, not a mark of
# the item. Dropped where the code is a known CITE code (see _without_code_specks).
_CODE_SPECK = re.compile(r"\b(?P<code>[A-Z]{3,4})[:;>](?=\s+\d{3,6}\b)")


# An item whose letter OCR read as the digit it resembles ('8. PARI 1361' for 'B. PARI 1361', '3.
# MEXI - 7025', '2 DIR 83081'), known by a CITE code and a serial after it. Never a 1: the line
# after a REF list that opens '1.' is the text's first paragraph (and no later paragraph number
# can stand right below the list).
_DIGIT_LETTER_ITEM_LINE = re.compile(r"^[^\w]{0,3}[2-9][.),]?\s+(?P<code>[A-Z]{3,4})\s*-?\s*\d{3,6}\b")


def _is_ref_item_line(text: str) -> bool:
    """A line that goes on a REF list: a lettered item, or a known CITE code and a serial, after
    the item's letter or the digit OCR read it as, or a station named in words and its serial."""
    if _REF_ITEM_LINE.match(text):
        return True
    m = _CODED_ITEM_LINE.match(text) or _DIGIT_LETTER_ITEM_LINE.match(text)
    if m is not None:
        return m["code"] in tables.cia_cites() or m["code"] == "DIR"
    return _named_item(text)


# An item of the later cables' REF lists, which name the station in words ('DIRECTOR 230113',
# 'HONG KONG 59696', 'MEXICO CITY 45116 0719451'): one to three words of capitals, a serial of
# three to six digits, and after it no more than the item's IN number or notes in brackets
# (see _named_item).
_NAMED_ITEM_LINE = re.compile(r"^[^\w]{0,3}(?P<name>[A-Z]{4,}(?: [A-Z]{2,}){0,2})\s+\d{3,6}(?:\s+[\d\-]+)?\s*(?:\(|$)")


def _named_item(text: str) -> bool:
    """Whether ``text`` is an item naming its station in words (_NAMED_ITEM_LINE): the 1970s
    staff cables write each REF item as the station's name and serial on a line of its own, OCR
    often parting them from their letters (REFS: / A. / B. / DIRECTOR 231428 / HONG KONG 59696),
    so the words must be a station's or headquarters' name as the cables write it (DIRECTOR also
    with one letter read as its lookalike, 'CIRECTOR', which the REF items' reader repairs). A
    line of the text opens with no station's name and a bare number."""
    m = _NAMED_ITEM_LINE.match(text)
    return m is not None and _station_in_words(m["name"])


def _station_in_words(name: str) -> bool:
    """Whether ``name`` is a station's or headquarters' name as a REF item writes it (not a CITE
    code: those are read by their own patterns), DIRECTOR also one lookalike letter off."""
    from .cia_address import addressee_names  # (cia_address imports this module)

    return len(name) > 4 and (name in addressee_names() or lookalike_of(name, "DIRECTOR", REF_LOOKALIKES))


# A REF label OCR garbled ('FE DIR 85133', 'PETS: A. MEXI 3565', 'REP: WAVE 4369'): two to four
# letters, then an item known by its CITE code and serial (see _garbled_ref_label).
_GARBLED_REF = re.compile(r"^[^\w]{0,3}(?P<label>[A-Za-z]{2,4})[:.;,]?\s+(?=(?:\(?[A-H][.)]?\s+)?(?P<code>[A-Z]{3,4})\s+\d{3,6}\b)")


def _garbled_ref_label(text: str) -> re.Match | None:
    """The match of a REF label OCR garbled, where the letters are close to REF or REFS (a
    difflib ratio of 0.4 or more: FE, REP, PETS; not TO or IN) and the item after them names a
    known CITE code: a slug line holds no code and serial, the address line no label before them."""
    m = _GARBLED_REF.match(text)
    if m is None or not (m["code"] in tables.cia_cites() or m["code"] == "DIR"):
        return None
    label = m["label"].upper()
    if label in tables.cia_cites() or label == "DIR":
        return None  # an addressee before a code, not a label
    close = max(difflib.SequenceMatcher(None, label, ref).ratio() for ref in ("REF", "REFS"))
    return m if close >= 0.4 else None


# A REF label OCR garbled, alone on its line with its colon ('REES:', "ESP'S:"): known as a label
# by the list's first item below it (see _garbled_label_alone).
_LABEL_ALONE = re.compile(r"^[^\w]{0,3}(?P<label>[A-Za-z][A-Za-z']{1,4}):\s*$")
# The first item of a REF list, its letter alone or before the item ('A.', 'A. ROME 9425').
_FIRST_ITEM = re.compile(r"^[^\w]{0,3}\(?A[.)]")


def _garbled_label_alone(lines: list[CLine], k: int) -> bool:
    """Whether ``lines[k]`` is a REF label OCR garbled, alone on its line (_LABEL_ALONE): its
    letters close to REF or REFS (a difflib ratio of 0.5 or more: REES, ESPS; not NOTE, DATE or
    INFO), and the next line that is not blank (one blank line apart at most) the list's first
    lettered item. A label of the form's boxes stands alone with its colon too, but no list
    lettered from A follows it."""
    m = _LABEL_ALONE.match(lines[k].text.strip())
    if m is None:
        return False
    # (The line below asked first: most labels alone are the form's, with no list below them.)
    below = next((ln.text.strip() for ln in lines[k + 1: k + 3] if ln.text.strip()), "")
    if _routed_item(below):
        return True  # a REF item's own mark: whatever OCR made of the label above it ('BET:')
    if not _FIRST_ITEM.match(below):
        return False
    label = m["label"].replace("'", "").upper()
    return max(difflib.SequenceMatcher(None, label, ref).ratio() for ref in ("REF", "REFS")) >= 0.5


# A REF item with the number headquarters' message centre gave the cable it names, incoming or
# outgoing ('WAVE 8166 (IN 78874)', 'DIR 29150 (OUT 64557)'): a known CITE code, its serial, and
# the IN or OUT number in brackets (see _routed_item).
_ROUTED_ITEM = re.compile(r"^[^\w]{0,3}(?P<code>[A-Z]{3,4})\s+\d{3,6}\s*\((?:IN|OUT)\b")


def _routed_item(text: str) -> bool:
    """Whether ``text`` is a REF item with its IN or OUT number (_ROUTED_ITEM). The IN or OUT
    number after a code and serial is written in REF items only (52 lines of the studied sets,
    each in a REF list; a CITE line never carries one), so a label alone on its line with its
    colon above such an item is the REF label however OCR garbled its letters ('BET:', 'wer:')."""
    m = _ROUTED_ITEM.match(text)
    return m is not None and (m["code"] in tables.cia_cites() or m["code"] == "DIR")


# (A paragraph's number may stand alone on its line, OCR having set its text on the next: '•1.'.)
_PARAGRAPH = re.compile(r"^[\s•·*'‘|]{0,3}\d{1,2}\s*[.•·,]\s*(?:\S|$)")
# The labels a staff cable's header lines open with after its CITE line ('TO: WASHINGTON.', 'FOR:
# EUR/BNL INFO …', 'SLUGS: WNINTEL', 'SUBJECT: …'), before its REF line.
_HEADER_LABEL = re.compile(r"^\W{0,3}(?:TO|FOR|INFO|FROM|SLUGS|SUBJ|SUBJECT)\s*:")
# Lines looked at after the CITE line before giving up (slugs and REF items are few).
_WINDOW = 12


def read_cia_opening(d: Draft, lines: list[CLine], start: int) -> int:
    """Read slug and REF lines from ``start`` (the line after CITE); return the text's first line."""
    k, seen = start, 0
    refs: list[CLine] = []
    while k < len(lines) and seen < _WINDOW:
        ln = lines[k]
        text = ln.text.strip()
        if not text:
            k += 1
            continue
        seen += 1
        if _PARAGRAPH.match(text):
            break
        if not refs and (_REF.match(text) or _garbled_ref_label(text) or _garbled_label_alone(lines, k)):
            # (One REF list a cable: a line opening with REF after it is the text's, the word
            # its subject: 'REF RECEIVED HONG KONG FOR PASSAGE …', 'REF WAS REVIEWED BY …'.)
            refs, k = _ref_lines(lines, k)
            continue
        if (len(text.split()) > 5 and not _HEADER_LABEL.match(text)) or refs:
            break  # running text: the cable's text begins without a number (a header label's line,
            # such as a staff cable's 'FOR: EUR/BNL INFO DE/EURA, EUR/AS/A', is none)
        k += 1  # a slug line
    _read_subject(d, lines, start)
    _set_ref_text(d, refs)
    return k


# A paragraph that may open a cable's text: 1, 2 or 3 (OCR loses the first numbers most), its
# stop, a blank and the capitals of a word.
_OPENING_PARAGRAPH = re.compile(r"^[\s•·*'‘]{0,3}[1-3]\s*[.,]\s+[A-Z\"'“(]{2}")
# A page marker of a page after the first ('## Page 2'; the text's first line may stand above
# '## Page 1', after the document's own heading).
_LATER_PAGE = re.compile(r"##\s+Page\s+(?!1\s*$)\d+\s*$", re.I)


def text_before_a_later_cite(d: Draft, lines: list[CLine], start: int, cite: int, removals) -> int | None:
    """Where the CITE line read (``lines[cite]``) stands on a later page than the cable's first
    line (``lines[start]``), the line opening the text's first paragraph on the first page, or
    None. The CIA's message form is printed again on each page of a long cable, its CITE line
    with it ('CITE DIR 20038' / 'PAGE TWO'); where OCR left the first page's CITE line illegible,
    the line read is a continuation page's, and the text below it takes up the cable in the
    middle: the first page's paragraphs stand above it (five documents of the studied sets, each
    of whose paragraphs were all lost so: blind6 104-10004-10122 and 104-10100-10250, blind4
    104-10308-10056, holdout 104-10216-10157, blind3 104-10226-10036). A first page with no
    paragraph 1 to 3 opening a line (104-10100-10250's shows only its 4) is left as it was.
    Pages are known by the page markers of the OCR-to-markdown tools (``removals``: '## Page 2')."""
    to_original = d.clean.to_original
    first, at_cite = to_original(lines[start].start), to_original(lines[cite].start)
    page = next((r.span[0] for r in removals if r.rule == "markdown-page-marker" and first < r.span[0] < at_cite
                 and _LATER_PAGE.match(r.raw)), None)
    if page is None:
        return None
    for k in range(start, cite):  # (asked only of the few cables whose CITE line is so read)
        ln = lines[k]
        if _OPENING_PARAGRAPH.match(ln.text):
            return k if to_original(ln.start) < page else None
    return None


def read_cia_refs_above(d: Draft, lines: list[CLine], start: int, stop: int) -> None:
    """The REF line of a cable whose opening after the CITE line holds none: OCR of the form's
    columns may set it above the CITE line, or no CITE line is legible at all. Looked for from
    ``start`` (the cable's first line) to the first numbered paragraph at or after ``stop``."""
    if "ref_text" in d.values:
        return
    if (k := _first_ref_label(d.clean.text, lines, start, stop)) is not None:
        _set_ref_text(d, _ref_lines(lines, k)[0])


# What every line a REF label can be read in opens with (see _REF and _GARBLED_REF): after
# blanks and up to three specks, RE in any case, or two to four letters and a CITE code and a
# digit after them. Written to run over the text itself, whose lines do not hold a line break.
# (It opens with the line break before the line: the engine then jumps from break to break at C
# speed, where a pattern opening with ``^`` is tried at every character.)
# Its runs are taken whole (possessively): a label or code longer than the pattern's can have no
# blank after a shorter part of it, so giving letters back never lets the rest match.
# The last alternative finds a garbled label alone on its line with its colon (_LABEL_ALONE).
_REF_LABEL_HINT = re.compile(r"\n[^\S\n]*+[^\w\n]{0,3}(?:[Rr][Ee]|[A-Za-z]{2,4}+[:.;,]?[^\S\n]+(?:\(?[A-H][.)]?[^\S\n]+)?[A-Z]{3,4}+[^\S\n]+\d"
                             r"|[A-Za-z][A-Za-z']{1,4}+:[^\S\n]*+(?=\n|$))")
_START = attrgetter("start")
_TEXT = attrgetter("text")


def _first_ref_label(text: str, lines: list[CLine], start: int, stop: int) -> int | None:
    """The first of ``lines[start:]`` that holds a REF label (or its garbled reading), up to the
    first numbered paragraph at or after ``stop`` (and ``_WINDOW`` lines past ``stop`` at most).

    The lines worth asking are found by one scan of the clean text ``text`` the lines are cut
    from (``_REF_LABEL_HINT``): asking each line costs more, and most lines are asked in vain."""
    end = min(len(lines), stop + _WINDOW)
    for k in range(max(start, stop), end):
        if _PARAGRAPH.match(lines[k].text.strip()):
            end = k
            break
    if end <= start:
        return None
    # (Searched from the break before line ``start``; the first line of the text has none, and is
    # asked itself.)
    at = lines[start].start
    if at == 0:
        line = lines[start].text.strip()
        if _REF.match(line) or _garbled_ref_label(line) or _garbled_label_alone(lines, start):
            return start
    for hit in _REF_LABEL_HINT.finditer(text, max(0, at - 1), lines[end - 1].end):
        k = bisect_right(lines, hit.start() + 1, lo=start, hi=end, key=_START) - 1
        line = lines[k].text.strip()
        if _REF.match(line) or _garbled_ref_label(line) or _garbled_label_alone(lines, k):
            return k
    return None


def _ref_lines(lines: list[CLine], k: int) -> tuple[list[CLine], int]:
    """The lines of the REF label at ``lines[k]`` and of its items below it, and the index of the
    line after them: lettered items and coded ones ('DIR 75796') go on the list, and the items of
    a label alone on its line are the next line whatever it holds."""
    refs = [lines[k]]
    first = lines[k].text.strip()
    # A label alone on its line: what follows it is its first item, whatever it holds.
    takes_next = not _REF.sub("", first) or bool(_LABEL_ALONE.match(first))
    k += 1
    while k < len(lines):
        text = lines[k].text.strip()
        if not text:
            k += 1
            continue
        if takes_next or _is_ref_item_line(text) or _LETTER_ALONE.match(text) or _named_alone(lines, k):
            refs.append(lines[k])
            k += 1
            # An item OCR split over lines (the form's columns read apart): its letter alone
            # ('A.' / 'ROME' / '9425 (IN 80558)'), or its code or station's name alone, is
            # followed by the rest.
            takes_next = _split_item(text) or _named_alone(lines, k - 1)
            continue
        break
    return refs, k


# A REF item's letter alone on its line, its item on the next (see _SPLIT_ITEM).
_LETTER_ALONE = re.compile(r"^[^\w]{0,3}\(?[A-H][.)][^\w]{0,2}$")
# The part of a REF item OCR set on a line of its own, the rest on the next line: the item's letter
# alone ('A.'), or its letter and code, or its code alone ('ROME'), with no serial after them.
_SPLIT_ITEM = re.compile(r"^[^\w]{0,3}(?:\(?[A-H][.)]|(?:\(?[A-H][.)]\s+)?(?P<code>[A-Z]{3,4}))[^\w]{0,2}$")


# A station's name alone on its line (see _named_alone), and a serial opening a line.
_NAME_ALONE = re.compile(r"^[^\w]{0,3}(?P<name>[A-Z]{4,}(?: [A-Z]{2,}){0,2})[^\w]{0,2}$")
_SERIAL_OPENING = re.compile(r"^[^\w]{0,3}\d{3,6}\b")


def _named_alone(lines: list[CLine], k: int) -> bool:
    """Whether ``lines[k]`` is a REF item's station named in words alone on its line, its serial
    opening the next line that is not blank ('DIRECTOR' / '224314'): the staff cables' item split
    over lines as the coded one is (see _SPLIT_ITEM)."""
    m = _NAME_ALONE.match(lines[k].text.strip())
    if m is None or not _station_in_words(m["name"]):
        return False
    below = next((ln.text.strip() for ln in lines[k + 1: k + 3] if ln.text.strip()), "")
    return _SERIAL_OPENING.match(below) is not None


def _split_item(text: str) -> bool:
    """Whether ``text`` is the first part of a REF item split over lines (_SPLIT_ITEM): its letter,
    or a CITE code of the table with no serial after it. A word of four capitals alone that is no
    code ends the list: the later cables write 'REF:' / 'NONE.' and open their text with the label
    'TEXT:' (seven documents of the studied sets), and neither is a station parted from its serial."""
    m = _SPLIT_ITEM.match(text)
    return m is not None and (m["code"] is None or m["code"] in tables.cia_cites() or m["code"] == "DIR")


def _set_ref_text(d: Draft, refs: list[CLine]) -> None:
    if refs and "ref_text" not in d.values:
        # REF items are short; reading at most the first 400 characters of a line keeps a
        # pathological line from costing more than a real one.
        first = refs[0].text.strip()[:400]
        m = _REF.match(first) or _garbled_ref_label(first) or _LABEL_ALONE.match(first)
        body = " ".join([first[m.end():] if m else first] + [r.text.strip()[:400] for r in refs[1:]])
        d.set("ref_text", _serials_read(d, _without_code_specks(body)), refs[0].start, refs[-1].end)


# An item's serial with a letter OCR read for a digit ('MASH 170S', 'SJOS S186', 'DIR §5133'): after
# a CITE code, three to six characters of digits and lookalikes (S, O, I, l, B, and § for 8), two
# digits among them at least. A CIA cable's serial is all digits, so the letters are misreadings.
_LETTER_SERIAL = re.compile(r"\b(?P<code>[A-Z]{3,4}|DIRECTOR)(?P<gap>[\s\-]+)(?P<serial>" + _SERIAL_MISREAD + ")")
_SERIAL_DIGITS = str.maketrans({"S": "5", "O": "0", "I": "1", "l": "1", "B": "8", "§": "8"})


def _serials_read(d: Draft, body: str) -> str:
    """``body`` with each serial OCR wrote a letter into after a known CITE code read as digits
    (_LETTER_SERIAL), each reported as possible-ocr-error. Most REF lines hold none: one search
    of the short line finds them."""
    if _LETTER_SERIAL.search(body) is None:
        return body
    cites = tables.cia_cites()

    def read(m: re.Match) -> str:
        if m["code"] not in cites and m["code"] not in ("DIR", "DIRECTOR"):
            return m[0]
        digits = m["serial"].translate(_SERIAL_DIGITS)
        d.defect("possible-ocr-error", f"REF serial {m['code']} {m['serial']!r} read as {digits}")
        return f"{m['code']}{m['gap']}{digits}"

    return _LETTER_SERIAL.sub(read, body)


def _without_code_specks(body: str) -> str:
    """``body`` with the specks OCR set between a known CITE code and its serial dropped
    (_CODE_SPECK). Most REF lines hold no colon, semicolon or angle bracket: no regex for them."""
    if ":" not in body and ";" not in body and ">" not in body:
        return body
    cites = tables.cia_cites()
    return _CODE_SPECK.sub(lambda m: m["code"] if m["code"] in cites or m["code"] == "DIR" else m[0], body)


# The report's subject line after the address line: 'SUBJ: …', '* SUBJECT: …', 'SUSJ: …' (B read as S).
# It may open with an angle bracket of the release's marks (see _RELEASE_MARKS). Without its colon,
# SUBJ or SUBJECT before REF is no label but the text's first words: 'SUBJECT REF ASSIGNED …'
# (the subject of the cable referred to), as CIA cables open a paragraph.
_SUBJECT = re.compile(r"^[^\w]{0,3}SU[BS]J(?:ECT)?\b(?:\s*[:.]\s*|\s*(?!(?:OF\s+)?REFS?\b))(?P<text>[A-Z(\"“<].*)$")
# The JFK releases of the 1990s staff cables set angle brackets about words ('*SUBJECT:
# <ASSASSINATION>RECORD REVIEW BOARD', 'LEE HARVEY OSWALD>AND CIA'): marks of the release, not
# of the cable (no cable typewriter or teletype had the signs), glued to the words beside them.
_RELEASE_MARKS = str.maketrans("<>", "  ")
# A label line of the report form that ends the subject ('DOI: 22 APR 63', 'SOURCE: …'; 'DO1:'
# with the I read as a 1).
_FORM_LABEL = re.compile(r"^\W*[A-Z][A-Z0-9 /]{1,20}\s*:")
_SUBJECT_WINDOW = 16


def _read_subject(d: Draft, lines: list[CLine], start: int) -> None:
    """The first SUBJ line within the opening lines of the text, with the line that wraps it."""
    seen = 0
    for k in range(start, len(lines)):
        text = lines[k].text.strip()
        if not text:
            continue
        seen += 1
        if seen > _SUBJECT_WINDOW or _PARAGRAPH.match(text):
            return
        m = _SUBJECT.match(text)
        if not m:
            continue
        first = lines[k]
        parts, end = [m["text"].strip()], first.end
        if (j := _wrap_line(lines, k)) is not None:
            nxt = lines[j].text.strip()
            if nxt and nxt[0].isalpha() and nxt.isupper() and not _FORM_LABEL.match(nxt) and not _PARAGRAPH.match(nxt):
                parts.append(nxt)
                end = lines[j].end
        subject = " ".join(parts)
        if "<" in subject or ">" in subject:
            subject = subject.translate(_RELEASE_MARKS)
        subject = " ".join(subject.split()).strip(" .:")
        d.set("subject", subject, first.start + first.text.find(m["text"]), end)
        return


def _wrap_line(lines: list[CLine], k: int) -> int | None:
    """The line that may wrap the subject line ``lines[k]``: the next line, or, where OCR set the
    page double-spaced about it (a blank line before it, and one after it), the line after the
    blank one (the blank line is the page's spacing, not the subject's end)."""
    if k + 1 >= len(lines):
        return None
    if lines[k + 1].text.strip() or k + 2 >= len(lines) or k < 1 or lines[k - 1].text.strip():
        return k + 1
    return k + 2


# The printed form's TO and FROM boxes: 'TO : DIRECTOR', 'TO 1 DIRECTOR', 'tO + orRECTOR', '10 :BRUSSELS' (TO read as 10),
# 'FROM 2 PARIS', 'FROM + YEXICO CITY', 'TO s ROMA', 'TO • HAVANA', 'FROM — DIRECTOR' (OCR).
# A speck may stand between the words of the value ('ANEXICO. CITY').
# OCR misreads the FROM label as it misreads any word, its F lost or read as another capital, its R
# as E or 8, its O as U, its M as N ('MOM, DIRECTOR', 'mon DIRECTO?', 'ROM: DIRECTOR', 'KOM:',
# 'cOM:', 'FRUM:', 'BROM: .', 'F8OM.', 'FEOM:', 'TROM'; fourteen documents of the studied sets,
# most of which the CITE line names the originator of anyway): such a label before a known name
# is the FROM box's (the value is read only where it is close to a known name, as any box's).
_FROM_MISREAD = r"(?:[FTBKMc]?[R8E]|[MKc])[OU]M|ROM|mon"
_BOX = re.compile(r"^\W{0,3}(?P<label>[Tt1][Oo0]|FROM|From|" + _FROM_MISREAD + r")\b[\s:;,.+|12(•·°*‘’'\"—–\-]{1,6}(?:[a-z]\s+)?"
                  r"(?P<value>[A-Za-z][A-Za-z]+(?:[.,]?\s+[A-Za-z]+){0,2})")
# A box's label alone on its line, its value on a line below: a form OCR'd or extracted cell by cell
# ('TO' / '246' / ': 14 OCT 61' / '• DIRECTOR'). The value's line holds a name alone, after a speck
# OCR left for the box's rule; lines holding a digit (a box's number, a date) are passed over.
_BOX_LABEL_ALONE = re.compile(r"^\W{0,3}(?P<label>TO|To|FROM|From)\W{0,3}$")
_BOX_VALUE_ALONE = re.compile(r"^[\s:;,.+|(•·°*‘’'\"—–&\-]{0,4}(?P<value>[A-Za-z][A-Za-z]+(?:[.,]?\s+[A-Za-z]+){0,2})[\s.,]*$")
# What both patterns above open with, each after a line break: the lines where it matches are
# the only ones either can match. (``[^\w\n]`` is ``\W`` kept within one line; the ``\b`` after a
# label falls where it does in the line alone, a line break being no word character.)
_BOX_OPENING = re.compile(r"\n[^\w\n]{0,3}(?:[Tt1][Oo0]|FROM|From|" + _FROM_MISREAD + r")\b")


def _box_lines(window: list[CLine]) -> list[int]:
    """The indices, in order, of the lines of ``window`` that open as a TO or FROM box does.

    One search of the lines joined, each after a line break, finds them (a pattern that opens with
    the line break, so the engine jumps from break to break), where asking each of the ~30 lines of
    a CIA cable's header both box patterns was a Python step a line (~900 bytecodes a document on
    the OCR'd releases, about four lines in a hundred a box's)."""
    joined = "\n" + "\n".join(map(_TEXT, window))
    found, k, counted = [], -1, 0
    for m in _BOX_OPENING.finditer(joined):
        k += joined.count("\n", counted, m.start() + 1)
        counted = m.start() + 1
        found.append(k)
    return found


# How many lines that are not blank the value may stand below its label.
_VALUE_WITHIN = 3


def _value_below(window: list[CLine], k: int) -> tuple[CLine, re.Match] | None:
    """The line below the label alone at ``window[k]`` that holds its value, and the value's
    match; None where another box's label or a line of words comes first."""
    seen = 0
    for ln in window[k + 1:]:
        text = ln.text.strip()
        if not text:
            continue
        seen += 1
        if seen > _VALUE_WITHIN or _BOX_LABEL_ALONE.match(text) or ":" in text.lstrip(" :;•·&+|")[:-1]:
            return None  # another label ('FROM', 'ACTION: C/WH 4'), or too far
        if any(c.isdigit() for c in text):
            continue
        m = _BOX_VALUE_ALONE.match(ln.text)
        return (ln, m) if m else None
    return None


# A precedence typed in the box before the addressee ('TO: PRIORITY DIRECTOR INFO').
_PRECEDENCE_WORDS = frozenset({"PRIORITY", "PRITY", "IMMEDIATE", "ROUTINE", "FLASH", "NIACT", "OPIM"})
# Similarity (difflib ratio) above which an OCR'd word is read as a known addressee; the spec's
# OCR catalogue (§8 row 2) found 0.75 to work for names and addresses.
_CUTOFF = 0.75


@cache
def _addressees() -> tuple[str, ...]:
    """Names a CIA cable is addressed to: headquarters and the stations of the CITE table."""
    return tuple(sorted({"DIRECTOR", *tables.cia_cites().values()}))


# Capitals OCR takes for one another by their shape ('GUIT' for QUIT): where two known names are
# equally close, the one reached through such a pair is the reading.
LOOKALIKES = frozenset(frozenset(p) for p in ("GQ", "OQ", "DO", "CG", "CO", "EF", "PR", "BR", "BE", "IL", "UV", "VW", "MN", "HN"))
# Capitals OCR reads one for the other in the releases' REF items: T as I ('DIRECIOR'), H as B
# ('BAVA'), D as C ('CIRECTOR'), and those the routing boxes show (LOOKALIKES).
REF_LOOKALIKES = LOOKALIKES | {frozenset("IT"), frozenset("BH"), frozenset("CD")}


# JMWAVE, the Miami station, is misread in its middle, where OCR breaks its two wide letters M and W
# ('JIVAVE', 'JARAVE', 'JAWAVE', 'JHAVE', 'JMHAVE', 'JINAVE', 'JANAVE', 'JUWAVE', 'JIVE', 'JAVIAVE':
# eleven documents of the studied sets), too far from the name for difflib's measure. Its J and
# its closing VE stay, and no other name or code of the tables opens with J and ends with VE: such
# a word is JMWAVE (or its CITE code WAVE, in the table of codes).
_JMWAVE_MISREAD = re.compile(r"J[A-Z]{1,5}VE")
_JMWAVE_NAMES = ("JMWAVE", "WAVE")


# A station's misreading recurs on every page of a cable and across a release's cables; asking
# difflib costs a comparison with every known name, so each answer is kept (the function is pure).
@lru_cache(maxsize=4096)
def closest(word: str, known: tuple[str, ...]) -> str | None:
    """The one known name ``word`` is an OCR misreading of (``VAVE`` -> ``WAVE``), or None when
    none or several are close (unless exactly one of them differs from ``word`` only by one pair
    of lookalike capitals). Words under four letters are too short to read this way."""
    if word in known:
        return word
    if len(word) < 4:
        return None
    if word[0] == "J" and word.endswith("VE") and _JMWAVE_MISREAD.fullmatch(word):
        return next((name for name in _JMWAVE_NAMES if name in known), None)
    candidates = _within_quick_ratio(word, known)
    if not candidates:
        return None  # what get_close_matches's empty answer comes to below, without building its matcher
    close = difflib.get_close_matches(word, candidates, n=3, cutoff=_CUTOFF)
    if len(close) == 1:
        return close[0]
    shaped = [c for c in close if lookalike_of(word, c)]
    return shaped[0] if len(shaped) == 1 else None


def _within_quick_ratio(word: str, known: tuple[str, ...]) -> list[str]:
    """The names of ``known``, in order, whose difflib ``quick_ratio`` against ``word`` reaches the cutoff.

    ``get_close_matches`` keeps a name only when its real_quick_ratio, quick_ratio and ratio all
    reach the cutoff, judging each name apart from the others, so handing it only the names that
    pass the quick_ratio test (in the same order) gives the same list. difflib computes quick_ratio
    in a Python loop over the name's letters, for every name, in every call (~2/3 of a cold
    ``closest``). quick_ratio's ``matches`` is the size of the multiset intersection of the two
    strings' characters, that is the number of (character, occurrence number) pairs of ``word``'s
    bag that the name's bag holds too: with one bit for each pair found in some name, the bits set
    in both the word's mask and the name's (a pair found in no name is in no intersection). The
    ratio is then computed as difflib's ``_calculate_ratio`` does (``2.0 * matches / length``;
    ``word`` is never empty here), so the float compared with the cutoff is the very same."""
    bits, names = _pair_bits(known)
    mask = 0
    for pair in _bag(word):
        mask |= bits.get(pair, 0)
    total = len(word)
    return [name for name, name_mask, size in names if 2.0 * (mask & name_mask).bit_count() / (size + total) >= _CUTOFF]


@lru_cache(maxsize=16)
def _pair_bits(known: tuple[str, ...]) -> tuple[dict[tuple[str, int], int], tuple[tuple[str, int, int], ...]]:
    """For one name table ``closest`` is asked about: a bit for each (character, occurrence
    number) pair of its names, and each name with the mask of its pairs and its length."""
    bits: dict[tuple[str, int], int] = {}
    for name in known:
        for pair in _bag(name):
            bits.setdefault(pair, 1 << len(bits))
    return bits, tuple((name, sum(bits[pair] for pair in _bag(name)), len(name)) for name in known)


def _bag(text: str) -> list[tuple[str, int]]:
    """The characters of ``text`` as (character, occurrence number) pairs, each once: 'ABBA' ->
    [('A', 0), ('B', 0), ('B', 1), ('A', 1)]; the pairs two texts share are, for each character,
    as many as the fewer occurrences of it in either text."""
    seen: dict[str, int] = {}
    pairs = []
    for ch in text:
        k = seen[ch] = seen.get(ch, -1) + 1
        pairs.append((ch, k))
    return pairs


def lookalike_of(word: str, name: str, pairs: frozenset[frozenset[str]] = LOOKALIKES) -> bool:
    """Whether ``word`` is ``name`` with one letter replaced by its lookalike (one of ``pairs``)."""
    if len(word) != len(name):
        return False
    diffs = [frozenset((a, b)) for a, b in zip(word, name) if a != b]
    return len(diffs) == 1 and diffs[0] in pairs


# The TO box may also follow the CITE line on later forms ('CITE TOKYO 51336' / 'TO: DIRECTOR,').
_AFTER_CITE = 4


def read_cia_boxes(d: Draft, lines: list[CLine], start: int, stop: int) -> None:
    """The addressee and originator in the routing box's TO and FROM lines, read against the known
    names (the box is the worst-printed part of the form: only a close match to a known name is
    taken). Sets ``cia_to_box`` and ``cia_from_box``."""
    window = lines[start: stop + _AFTER_CITE]
    for k in _box_lines(window):
        ln = window[k]
        if m := _BOX.match(ln.text):
            label, value, at, end = m["label"], m["value"], ln.start + m.start("value"), ln.start + m.end("value")
        elif len(ln.text) <= 10 and (alone := _BOX_LABEL_ALONE.match(ln.text)) and (below := _value_below(window, k)):
            # (A label alone is at most ten characters long: three specks, FROM, three specks.)
            value_line, vm = below
            label, value = alone["label"], vm["value"]
            at, end = value_line.start + vm.start("value"), value_line.start + vm.end("value")
        else:
            continue
        key = "cia_to_box" if len(label) == 2 else "cia_from_box"  # (TO and its misreadings have two characters)
        if key in d.values:
            continue
        words = [w for w in value.upper().replace(".", " ").replace(",", " ").split() if w not in _PRECEDENCE_WORDS] or ["-"]
        if key == "cia_to_box" and len(words) > 1 and all(w in _addressees() for w in words):
            # Several addressees in the box, each a known name as printed ('TO: BRUSSELS PARIS').
            d.set(key, words[0], at, end)
            d.set("cia_to_box_all", words)
            continue
        for candidate in dict.fromkeys((" ".join(words), " ".join(words[:2]), words[0])):
            name = closest(candidate, _addressees())
            if name:
                d.set(key, name, at, end)
                break
