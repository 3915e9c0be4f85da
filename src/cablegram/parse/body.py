"""The body grammar: numbered paragraphs with portion marks, summary, classified-by, signature.

``PARA = N. [(MARK)] text`` or a whole-text marking ``N. SECRET -- ENTIRE TEXT.``; everything up to
the next paragraph number belongs to the paragraph (talking points and other begin/end blocks
included). Text before the first number forms un-numbered paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from ..defects import defect
from ..model import Paragraph
from ..normalise.state import ascii_case_view
from ..vocab.markings import LEVEL_PORTION, PORTION_LEVELS, RANK
from . import fields as F
from .body_clauses import _joined_kept, _message_end_in, _portion_mark, _read_classified_by, _summary_viewed, _view_of
from .draft import CLine, Draft
from .signature import take_signature
from .smart import SMART_FOOTER as _SMART_FOOTER, read_smart_footer
from .spacing import ONE_BLANK_LINE, double_spaced, join_wrapped_blocks

PARA = re.compile(
    r"^[\s•·*'‘]{0,3}(?P<num>\d{1,2})\s*(?:\.{1,2}|[)•·,])?\s*(?:\((?P<mark>(?:TS|S|C|U|SBU|LOU)(?:\s*[/\-]\s*(?:NF|N|NOFORN|REL[A-Z ,]*|[A-Z]{2,}))?)"
    r"(?:\s*-\s*ENTIRE\s+TEXT)?\)\.?|(?P<whole>TOP\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|LIMITED\s+OFFICIAL\s+USE|[TSCU])"
    r"\s*-{1,2}\s*ENTIRE\s+TEXT\.?)?\s*"
)
# A paragraph number at the start of a line; OCR may put a bullet or speck before it, double
# the full stop ('• 3. BELIEVE', '2.. COS THOUGHT'), or read the stop itself as a bullet ('1• ACCORDING').
# A digit right after the stop makes a decimal or a form's number ('1.0' for a page's 10, '1.198 No'),
# never a paragraph's mark: a typed number and its stop are followed by a blank or the text's letter.
_NUMBERED = re.compile(r"^[\s•·*'‘]{0,3}(?P<num>\d{1,2})(?:\s*(?:\.{1,2}|[•·])(?!\d)\s*|\s+(?=\())(?=\S)")
# A numbered sentence: the number, then a capital, a portion mark or a date ('2. 26 NOV A …').
_NUMBERED_TEXT = re.compile(r"^[\s•·*'‘]{0,3}\d{1,2}\s*(?:\.{1,2}|[•·])\s+(?:\(|[A-Z\"'“]|\d{1,2}\s+[A-Z]{3}\b)")


_UNNUMBERED_MARK = re.compile(r"^\s*\((?P<mark>(?:TS|S|C|U|SBU|LOU)(?:\s*[/\-]\s*(?:NF|N|NOFORN|REL[A-Z ,]*))?)\)\s*")


def _unnumbered_mark(text: str) -> re.Match | None:
    """``_UNNUMBERED_MARK.match(text)`` for a stripped ``text``: its blanks (``\\s``, what strip
    takes) match nothing there, so a mark's bracket must be the first character; most paragraphs
    open otherwise and need no regex call."""
    return _UNNUMBERED_MARK.match(text) if text[:1] == "(" else None




_TEXT = attrgetter("text")  # a line's text, for joins run in C
_BLANK_LINE = re.compile(r"\n\s*\n")


def read_body(d: Draft, lines: list[CLine], start: int, text: str | None = None) -> None:
    """Read the body lines from ``start`` into paragraphs, summary, signature and classified-by.

    ``text``, where given, is the text ``lines`` are the ``clean_lines`` of, unchanged: the
    caller's promise, which lets their join be a slice of it."""
    # The lines from ``start`` joined once, each after a line break: scanned whole for the end
    # of the message, then (cut to the body) for the lines that may open a paragraph number,
    # and sliced for each paragraph's text (no join a paragraph).
    rest = _joined_from(lines, start, text)
    second = rest.find("\n", 1)  # where line start + 1's break stands
    end, end_at = _message_end_in(rest, second, lines, start + 1) if second >= 0 else (len(lines), len(rest))
    if end < len(lines) and _SMART_FOOTER.match(lines[end].text):
        read_smart_footer(d, lines[end:])
    whole = lines[start:end]
    body = take_signature(d, whole)
    joined = _joined_kept(rest[:end_at], whole, body)
    # The body's case view, once: the summary's and each classified-by search's (sliced).
    view = ascii_case_view(joined)
    # The paragraphs gathered here and added to the draft's lists at the end: nothing reads
    # them before (read_body is the only reader to add to them), and two method calls a
    # paragraph are spared.
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    expected = 1
    before_first = before_stop = 0  # the lines of the last numbered paragraph
    clean_span = d.clean.span  # what d.span_of forwards to, bound once (a frame a paragraph spared)
    # (Garbled paragraph marks are read only in the agencies' cables, typed in capitals and OCR'd
    # from the JFK releases: elsewhere the letters open words, and looking for them costs.)
    blocks = _paragraph_blocks(body, joined, garbled=bool(d.get("kind")))
    double = double_spaced(joined)
    if double:
        blocks = join_wrapped_blocks(blocks, body, joined)
    for number, first, stop, at, raw in blocks:
        text = raw.strip()
        if not text:
            continue
        head, tail = body[first], body[stop - 1]
        portion = None
        if number is None and (um := _unnumbered_mark(text)):
            portion = _portion_mark(um["mark"])
        if number is not None:
            m = PARA.match(head.text)
            if m is None and _GARBLED_MARK.match(head.text):
                d.defect("possible-ocr-error", f"paragraph {number}: its mark {head.text.split()[0]!r} holds no "
                         f"digit; the number is the one due in sequence", head.start, head.end)
            elif m is None and "FIELD" in head.text and _FIELD_DISSEM.match(head.text):
                d.defect("possible-ocr-error", f"paragraph {number}: its mark {head.text.split()[0]!r} is not "
                         f"legible; the dissemination paragraph's number is the one due in sequence",
                         head.start, head.end)
            if m and m["mark"]:
                portion = _portion_mark(m["mark"])
            elif m and m["whole"]:
                word = " ".join(m["whole"].upper().split())
                portion = word if word in PORTION_LEVELS else LEVEL_PORTION.get(word)
            if number > expected > 1 and paragraphs and paragraphs[-1].number == expected - 1 \
                    and _split_run_on(paragraphs, parts, body[before_first:before_stop], expected, clean_span):
                expected += 1
            if number != expected and expected > 1:
                d.defect("paragraph-sequence", f"paragraph {number} follows paragraph {expected - 1}",
                         head.start, head.end)
            expected = number + 1
            before_first, before_stop = first, stop
        span = clean_span(head.start, tail.end)
        reflowed = _reflow(ONE_BLANK_LINE.sub("\n", text) if double else text)
        parts.append(reflowed)
        if number is not None and (m := PARA.match(reflowed)):
            reflowed = reflowed[m.end():]  # number and portion mark are fields of their own
        elif portion and (um := _UNNUMBERED_MARK.match(reflowed)):
            reflowed = reflowed[um.end():]
        paragraphs.append(Paragraph(number=number, portion=portion, text=reflowed, span=span))
        if "classified_by_text" not in d.values and ("lassif" in text or "LASSIF" in text):
            at += len(raw) - len(raw.lstrip())  # where ``text`` stands in ``joined``
            _read_classified_by(d, text, head.start, _view_of(text, view, at))
    if parts:  # as d.add would leave them
        d.values.setdefault("body_parts", []).extend(parts)
        d.values.setdefault("paragraphs", []).extend(paragraphs)
    d.set("summary", _summary_viewed(joined[1:], view[1:] if view is not None else None))
    d.set("body_text", "\n\n".join(d.get("body_parts", [])))


# A paragraph number run on after the sentence before it ('... views. 15. By these means'): the
# print (or a transcription of it) set two paragraphs as one.
# After the sentence's stop and blanks: the number, its full stop, blanks, a capital or quote.
_RUN_ON_NUMBER = re.compile(r"\d{1,2}\.\s+(?=[A-Z\"“(])")
_SENTENCE_STOPS = '.:"”'


def _run_on(text: str, due: int) -> tuple[int, int] | None:
    """Where the number ``due`` first runs on after a sentence in ``text``: where the blanks
    before it begin and where it begins. Found by a literal scan for the number and its stop,
    each place then checked (a regex led by a look-behind would be tried at every character of
    a long paragraph)."""
    needle = f"{due}."
    at = text.find(needle, 1)
    while at >= 0:
        blanks = at
        while blanks > 0 and text[blanks - 1].isspace():
            blanks -= 1
        if blanks < at and blanks > 0 and text[blanks - 1] in _SENTENCE_STOPS and _RUN_ON_NUMBER.match(text, at):
            return blanks, at
        at = text.find(needle, at + 1)
    return None


def _split_run_on(paragraphs: list[Paragraph], parts: list[str], lines: list[CLine], due: int, clean_span) -> bool:
    """Where the paragraph number ``due`` is missing from the line starts, split the last paragraph
    (``paragraphs[-1]``, its text ``parts[-1]``, its lines ``lines``) where that number runs on
    after one of its sentences. Asked only at a gap in the numbers, so a number inside a sentence
    ('see para 14. 15. ...') in a cable whose numbers run in order is never looked for."""
    part = parts[-1]
    in_text = _run_on(part, due)
    if not in_text:
        return False
    in_line = next(((ln, m) for ln in lines if (m := _run_on(ln.text, due))), None)
    if not in_line:
        return False  # (a number run on across a line break opens its line: read already)
    ln, (_, number_at) = in_line
    cut = ln.start + number_at
    blanks, number_at = in_text
    prev = paragraphs[-1]
    after = part[number_at:]
    mark = PARA.match(after)
    portion = _portion_mark(mark["mark"]) if mark["mark"] else None
    paragraphs[-1] = Paragraph(number=prev.number, portion=prev.portion, span=clean_span(lines[0].start, cut),
                               text=prev.text[: len(prev.text) - (len(part) - blanks)])
    paragraphs.append(Paragraph(number=due, portion=portion, text=after[mark.end():],
                                span=clean_span(cut, lines[-1].end)))
    parts[-1:] = [part[:blanks], after]
    return True


def _joined_from(lines: list[CLine], start: int, text: str | None) -> str:
    """``"\\n" + "\\n".join(ln.text for ln in lines[start:])``; where ``text`` is the text the
    lines were split from (``clean_lines``: consecutive, each ending at a line break or the
    text's end), that is the text from the break before line ``start`` on, a slice instead of
    a join of every line."""
    if text is None or not 0 <= start < len(lines):
        return "\n" + "\n".join(map(_TEXT, lines[start:]))
    at = lines[start].start
    return text[at - 1:] if at else "\n" + text


def _paragraph_blocks(body: list[CLine], joined: str, garbled: bool = True) -> list[tuple[int | None, int, int, int, str]]:
    """Group lines into paragraphs ``(number, first, stop, at, text)``, lines ``body[first:stop]``
    and their text, which stands at ``joined[at]``: a numbered paragraph runs to the next number;
    before the first number, blank lines split. ``joined`` is the lines joined, each after a line
    break. ``garbled``: whether a paragraph mark OCR left with no digit is read (_garbled_mark).

    Only the lines that may open a paragraph number are looked at (one scan of ``joined`` finds
    them); any other line just joins the paragraph being grouped, as it would if looked at.
    """
    blocks: list[tuple[int | None, int, int, int, str]] = []
    # The numbered paragraph being grouped, body[first:], filled up to the line looked at; its
    # first line's break stands at joined[begin].
    current: list[CLine] = []
    number: int | None = None
    first = begin = last_number = 0
    before: int | None = None  # the number of the paragraph before the one being grouped
    listed = 0  # the last item of a numbered list inside the paragraph being grouped (0: none)
    lettered = _LetteredList()
    notes = _EditorialNotes(joined)
    k = at = 0  # line k's break stands at joined[at]
    for pos in _number_candidates(joined, garbled):
        k += joined.count("\n", at, pos)
        at = pos
        text = body[k].text
        if number is not None:
            current += body[first + len(current): k]
        runs_on = False  # (a number alone whose text below runs on as a sentence: see below)
        if m := _NUMBERED.match(text):
            n = int(m["num"])
        elif "." in text[:6] and (m := _NUMBER_ALONE.match(text)) and _text_follows(body, k):
            # OCR set the number apart from its text ('1.' / 'ACTION REQUIRED: …'). (Its stop stands
            # among the first six characters: three specks, two digits, the stop.)
            n = int(m["num"])
            runs_on = _sentence_follows(body, k)
        elif _may_hold_ocr_number(joined, pos, text):
            # Before the first number (last_number 0) neither _ocr_number nor _starts_paragraph
            # looks at the lines before, so ``current`` may stay empty until then.
            n = _ocr_number(text, last_number, current, lettered, garbled)
        else:
            continue
        # A list numbered from 1 inside a paragraph: its items are no paragraphs, however far
        # their count runs (see _opens_list).
        if listed and n == listed + 1 and not _MARKED.match(text):
            listed = n
            continue
        if n == 1 and number is not None and _opens_list(text, body[first].text):
            listed = 1
            continue
        # A number starts a paragraph when it is plausible in sequence: not a year, a list item
        # restarting inside a paragraph, or an amount at the start of a wrapped line.
        if n is not None and (_starts_paragraph(n, last_number, text, current)
                              or (runs_on and 0 < last_number < n <= last_number + 3)
                              or (n > last_number + 3  # (tested here too: most numbers spared the call)
                                  and (_resumes_after_omission(n, last_number, text, notes,
                                                               begin if number is not None else 0, pos)
                                       or (last_number == 0 and _opens_a_run(n, text, joined, pos))))):
            if number is None:
                blocks += _unnumbered_blocks(joined, pos, k)
            else:
                # N, N, N + 2: the second N is a misprint of N + 1 (the print or the typist
                # repeated the number above); N, N, N + 1 is a number the cable itself repeats.
                blocks.append((number + 1 if n == number + 2 and number == before else number,
                               first, k, begin + 1, joined[begin + 1: pos]))
            before, listed = number, 0
            current, number, last_number, first, begin = [body[k]], n, n, k, pos
    if number is None:
        blocks += _unnumbered_blocks(joined, len(joined), len(body))
    else:
        blocks.append((number, first, len(body), begin + 1, joined[begin + 1:]))
    return blocks


# A paragraph number alone on its line, its text on the next line that is not blank: OCR of a typed
# page reads the number and the text beside it as two blocks. OCR of the margin may set a speck
# before it or double its stop ('.2.', ': 2.', '.2..'): nothing but the number stands there.
_NUMBER_ALONE = re.compile(r"^[\s•·*'‘.,:;]{0,3}(?P<num>\d{1,2})\.{1,2}\s*$")
# (OCR may set a speck of the margin before the text's first letter, as before a number: '•CAYO'.)
_TEXT_OPENING = re.compile(r"^\s*[•·*]?\s*(?:\([A-Z]{1,3}\)\s+)?[A-Z\"“'‘(][A-Za-z]")


def _text_follows(body: list[CLine], k: int) -> bool:
    """Whether the next line after ``body[k]`` that is not blank (one blank line apart at most)
    opens a sentence: a capital or a quotation mark, then a letter."""
    for ln in body[k + 1: k + 3]:
        if ln.text.strip():
            return bool(_TEXT_OPENING.match(ln.text))
    return False


def _sentence_follows(body: list[CLine], k: int) -> bool:
    """Whether the next line after ``body[k]`` that is not blank (one blank line apart at most)
    runs on as a sentence: five words or more. A number alone on its line above such a line
    opens its paragraph after a gap (paragraphs OCR lost) even where the line above it ends no
    sentence: OCR lost the stop, or the release cut the sentence where it blanked a name ('… THE
    PALESTINIAN MERCHANTS IN' / '7.' / 'ONE OTHER ASPECT OF …'). A scrap of the form stands among
    words alone on their lines ('318:0' / '4.' / 'VIENNA')."""
    for ln in body[k + 1: k + 3]:
        if ln.text.strip():
            return len(ln.text.split()) >= 5
    return False


def _number_candidates(joined: str, garbled: bool = True) -> list[int]:
    """Where the breaks of the lines that may open a paragraph number stand in ``joined``, in
    order: the lines _NUMBERED may match (they open with _MAY_BE_NUMBERED) and those _ocr_number
    may read a number in (_OCR_NUMBER_READABLE, holding 'FIELD', or opening with a garbled mark:
    _GARBLED_MARK_OPENING, where ``garbled``). On any other line neither reads a number."""
    found = [m.start() for m in (_PARAGRAPH_HINT if garbled else _PARAGRAPH_HINT_PLAIN).finditer(joined)]
    if "FIELD" in joined:
        found = sorted(set(found).union(_lines_holding(joined, "FIELD")))
    return found


def _lines_holding(joined: str, word: str):
    """Where the breaks of the lines holding ``word`` (which holds no line break) stand."""
    at = joined.find(word)
    while at >= 0:
        yield joined.rfind("\n", 0, at)
        at = joined.find(word, at + 1)


def _unnumbered_blocks(joined: str, end: int, stop: int) -> list[tuple[None, int, int, int, str]]:
    """The paragraphs before the first paragraph number (line ``stop``, its break at ``end``):
    the runs of lines between blank lines, the blank lines left out."""
    blocks: list[tuple[None, int, int, int, str]] = []
    first = begin = k = at = 0
    count = joined.count  # (bound once: an OCR'd page's opening holds dozens of blank lines)
    for m in _BLANK_LINE_AT.finditer(joined, 0, end):  # up to where line stop - 1 ends
        brk = m.start()
        k += count("\n", at, brk)
        at = brk
        if first < k:
            blocks.append((None, first, k, begin + 1, joined[begin + 1: at]))
        first, begin = k + 1, m.end()  # the next line's break follows the blank line
    if first < stop:
        blocks.append((None, first, stop, begin + 1, joined[begin + 1: end]))
    return blocks


# OCR reads a paragraph number's digit as the letter it resembles ('S. PATILLO' for '5.',
# 'Z. THE' for '2.'). Such a letter is a paragraph number only where it is the next number due.
_DIGIT_LOOKALIKES = {"S": 5, "Z": 2, "I": 1, "l": 1, "B": 8, "G": 6, "T": 7, "b": 6, "g": 9, "q": 9}
# A paragraph number as OCR may leave it: specks before it ('. 3. DENVY'), its stop read as a
# hyphen, comma or colon ('2- FEEL'). Taken only for the next number due.
_LOOSE_NUMBERED = re.compile(r"^[\s•·*'‘.,|;:]{0,4}(?P<num>\d{1,2})(?:\s?[.,•·:][.,:;]{0,2}|-)\s+(?=[°*•]?\s?[A-Z\"'“(]{2})")
# The stop itself misread: as a letter or degree sign run onto the digit ('1a GROWERY', '5° THE',
# '3S. PLS ADVISE', a small s: '6s IF SUBJ SAYS', '7s IN SUMMARY'); as a semicolon or an at sign
# ('2; RECENT', '5@ POLITICAL': the stop run into a smudge); as a nought ('20 ECONOMIC', '40. HE'
# for 2. and 4.); as a capital O ('3O CO ADVISED', '1O LOCAL': OCR reads the typed stop as the
# round letter as often as the nought, and a letter after a digit is no amount, so it is read at
# the first number too); or as asterisks ('5* POLITICAL', '5** INTEL'); and a short run of
# lower-case specks before the number ('ae 5. ON', 'a + 3. BELIEVE'). Taken only for the single
# digit that is the next number due; the nought only once a paragraph 1 was read, so an amount
# opening the body ('10 DAYS …') does not become paragraph 1.
_MISREAD_STOP = re.compile(r"^[\s•·*'‘’\"“”.,|;:~_=+<>\-]{0,4}(?:[a-z]{1,3}[\s+~•·*.,:;\-]{1,4}){0,2}"
                           r"(?P<num>\d)(?:(?P<zero>0)\.?|[aeoOsS°][.,]?|\*{1,2}|\s?[.,•·:;*@]|-)\s+(?=[A-Z\"'“(]{2})")
# A paragraph number whose stop OCR lost altogether ('6 OKINAWA TIMES …'): read only as the next
# number due, after a line that ends a sentence, before a word that is not a month ('7 APRIL').
_BARE_NUMBER = re.compile(r"^[\s•·*'‘.,|;:]{0,4}(?P<num>\d{1,2})\s+(?!(?:" + F.MONTH_ALTERNATION + r")[A-Z]*\b)"
                          r"(?=[A-Z\"'“(][A-Z\-']+\s+[A-Z\"'“(])")
_LETTER_ITEM = re.compile(r"^[\s¶]*\(?[A-Z]{1,2}[.)]\s")
# The lookalike's stop may itself be misread as an accented O or a degree sign ('ZÓ FIORINI'), never
# as a plain O ('SO FIORINI SAID' is a sentence).
_LOOKALIKE_NUMBER = re.compile(r"^[\s•·*'‘]{0,3}(?P<ch>[SZIlBGTbgq])\s*[.•·Ó°]\s+(?=[A-Z\"'“(])")
# The last numbered paragraph of a CIA intelligence report is its dissemination ('6. FIELD DISSEM:
# STATE, CINCLANT'): whatever OCR left of its number ('SO FIELD DISSEM', 'W":4a FIELD DISSEM': a
# word of up to six characters, specks and all, before it), it is the next one due.
_FIELD_DISSEM = re.compile(r"^[\s•·*'‘.,]{0,3}[^\s]{1,6}\s+FIELD\s+DISSEM\b")
# A paragraph mark OCR left as two letters, no digit in it: the typed 1 read as L, l or d and its
# stop as O, o, 0 or a ('LO ORLANDO …', 'dO NO LES OBJECTION …', 'lO: …', 'La …'), or a 5 (or any
# digit OCR made an S of) with its stop read as a lower-case vowel ('Se …', 'So …'). The letters
# name no digit one can trust (the JFK releases' labellers read 'LO' as 4 and 'Se' as 3 where the
# sequence asks it), so the mark is read as the next number due (_garbled_mark). No upper-case word
# is among them ('SO', 'DO', 'GO' open sentences; 'LO' opens none). The mark opens its line: every
# one the studied releases hold does, and a pattern the hint tries at every line costs (the
# _PARAGRAPH_HINT alternative below).
#
# So too the capital pair 'SO' (or 'S0') with a stop after it ('SO. INDEX EVELIO …', read 3 and 5
# in five documents of the studied sets): the word SO opens sentences, but never with a full stop,
# colon or semicolon after it (a comma may follow it: 'SO, AS A RESULT' is a sentence and no mark).
_GARBLED_MARK = re.compile(r"^(?:(?:[Lld][Oo0a]|[Ss][oae])[.,:;]{0,3}|S[O0][.:;][.,:;]{0,2})\s+(?=[A-Z\"'“(]{2})")
# A digit OCR could not read at all, left as a symbol before its stop ('¿. SUGGEST HQS …').
_SYMBOL_NUMBER = re.compile(r"^[\s\"“'‘]{0,3}[¿?§&]\s?[.,]\s+(?=[A-Z\"'“(]{2})")


_DIGIT = re.compile(r"\d")
# What every reading of _ocr_number needs at the start of a line (besides 'FIELD' for
# _FIELD_DISSEM): a lookalike letter and its stop, a digit among the first 19 characters (see
# _DIGIT_WITHIN), or a symbol and its stop. Most lines of text have none of them. Written to run
# over the lines joined, each after a line break (blanks that are not line breaks: \s alone at
# a line's end matches nothing, and no match may take the next line's break).
# The characters an OCR'd paragraph number can begin with: a speck, a digit, a lookalike letter.
_OCR_NUMBER_START = frozenset(" \t•·*'‘’\"“”.,|;:~_=+<>-¿?§&$0123456789abcdefghijklmnopqrstuvwxyz" + "".join(_DIGIT_LOOKALIKES))
# Only lines that open with one of them are worth a look: _ocr_number turns every other line away.
_STARTS_AN_OCR_NUMBER = "(?=[" + "".join(sorted(_OCR_NUMBER_START)).replace("-", r"\-") + "])"
_LINE_BLANK = "\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # \s but \n
# (Written for speed: a blank or speck is one character class, not an alternation the engine
# enters a character at a time, and the run before the digit stops at the first digit and is
# never backtracked into; among lines that can open a number, it finds those of the plain
# spelling ``(?:[^\S\n]|[•·*'‘]){0,3}…|[^\n]{0,18}\d|…``: see tests/test_shortcuts.py.)
_OCR_NUMBER_HINT_AFTER_BREAK = (rf"{_STARTS_AN_OCR_NUMBER}"
                                rf"(?:[{_LINE_BLANK}•·*'‘]{{0,3}}[SZIlBGTbgq][^\S\n]*[.•·Ó°][^\S\n]"
                                rf"|[^\n\d]{{0,18}}+\d"
                                rf"|[{_LINE_BLANK}\"“'‘]{{0,3}}[¿?§&][^\S\n]?[.,][^\S\n])")
_OCR_NUMBER_HINT = re.compile(rf"\n{_OCR_NUMBER_HINT_AFTER_BREAK}")
# The lines _ocr_number may read a number in, more narrowly than the hint: after a first
# character it accepts, a lookalike or a symbol as the hint has them, or the opening of
# _MISREAD_STOP up to its digit (its specks and lower-case runs: those of _LOOSE_NUMBERED and
# _BARE_NUMBER are among them), where the hint takes any digit among the first 19 characters.
# Its runs are taken whole (possessively): each is followed by what the run cannot hold (the
# specks and the separators by a letter or the digit, the letters by a separator), so giving
# back part of a run never lets the rest match; most lines of mixed-case text open with a
# lower-case word and are turned away without trying shorter runs.
_OCR_NUMBER_READABLE = (rf"{_STARTS_AN_OCR_NUMBER}"
                        rf"(?:[{_LINE_BLANK}•·*'‘]{{0,3}}[SZIlBGTbgq][^\S\n]*[.•·Ó°][^\S\n]"
                        rf"|[{_LINE_BLANK}•·*'‘’\"“”.,|;:~_=+<>\-]{{0,4}}+(?:[a-z]{{1,3}}+[{_LINE_BLANK}+~•·*.,:;\-]{{1,4}}+){{0,2}}+\d"
                        rf"|[{_LINE_BLANK}\"“'‘]{{0,3}}[¿?§&][^\S\n]?[.,][^\S\n])")
# _NUMBERED's opening: up to three blanks or specks, then a digit. The run holds no digit, so
# taking it whole (possessively) finds the digit wherever the plain run would.
_MAY_BE_NUMBERED = rf"[{_LINE_BLANK}•·*'‘]{{0,3}}+\d"
# Either, in one scan. Neither takes a line break after the first, so every line either
# matches after its break is found.
#
# Written for speed as ``\n(?:{_MAY_BE_NUMBERED}|{_OCR_NUMBER_READABLE})`` split by the line's
# first character, so that most lines are turned away at it: the engine tries an alternative
# that opens with a character class only where the class holds the character at hand, where
# the plain spelling enters a run (of no specks, on most lines) and a look-ahead, then three
# alternatives. A line opens with
#   - a digit: _MAY_BE_NUMBERED with no speck, which needs nothing more;
#   - a lookalike letter: the lookalike alternative with no speck (a lower-case lookalike may
#     also open the lower-case runs: tried next);
#   - a lower-case letter: _OCR_NUMBER_READABLE's runs with no speck, the first run then
#     needed (a letter is no digit);
#   - a blank or speck of any of them: both as spelt (the look-ahead asks for one);
#   - anything else (a capital that is no lookalike, a bracket, '$', a line break): neither
#     can match, and none of the four is tried past that character.
# The four classes of first characters share none, so a line matches here exactly where it
# matches the plain spelling (see tests/test_shortcuts_body5.py); ~18.5 -> ~14.5 us a
# born-digital dev body. The last alternative finds the garbled marks (_GARBLED_MARK_OPENING).
_RUN_SEPARATOR = rf"[{_LINE_BLANK}+~•·*.,:;\-]"
_LEADING_SPECK = rf"[{_LINE_BLANK}•·*'‘’\"“”.,|;:~_=+<>\-¿?§&]"
# The lines _GARBLED_MARK may match, as far as the blank after the mark, one alternative for each
# first letter: the engine tries each only at a line opening with its letter (a look-ahead in
# front of the two, or a scan of their own over the body, cost ~1 % of a document's
# instructions). The blank turns away the words that open with the two letters ('Second', 'lower').
_GARBLED_MARK_OPENING = (rf"(?:[Lld][Oo0a][.,:;]{{0,3}}+[{_LINE_BLANK}]|[Ss][oae][.,:;]{{0,3}}+[{_LINE_BLANK}]"
                         rf"|S[O0][.:;][.,:;]{{0,2}}+[{_LINE_BLANK}])")
_PARAGRAPH_HINT_BRANCHES = (rf"\n(?:\d"
                            rf"|[SZIlBGTbgq][^\S\n]*[.•·Ó°][^\S\n]"
                            rf"|[a-z][a-z]{{0,2}}+{_RUN_SEPARATOR}{{1,4}}+(?:[a-z]{{1,3}}+{_RUN_SEPARATOR}{{1,4}}+)?+\d"
                            rf"|(?={_LEADING_SPECK})(?:{_MAY_BE_NUMBERED}|{_OCR_NUMBER_READABLE})")
_PARAGRAPH_HINT = re.compile(_PARAGRAPH_HINT_BRANCHES + rf"|{_GARBLED_MARK_OPENING})")
# The hint without the garbled marks, for text they are not read in.
_PARAGRAPH_HINT_PLAIN = re.compile(_PARAGRAPH_HINT_BRANCHES + ")")
# A blank line: nothing but blanks up to the next line break or the end.
_BLANK_LINE_AT = re.compile(rf"\n[{_LINE_BLANK}]*+(?=\n|\Z)")


def _may_hold_ocr_number(joined: str, at: int, text: str) -> bool:
    """Whether _ocr_number may read a number in the line ``text`` whose break stands at
    ``joined[at]``: the hint matches there, it holds 'FIELD' (for _FIELD_DISSEM), or it opens
    with a garbled mark (_GARBLED_MARK)."""
    return bool(_OCR_NUMBER_HINT.match(joined, at)) or "FIELD" in text or bool(_GARBLED_MARK_LINE.match(joined, at))


_GARBLED_MARK_LINE = re.compile(rf"\n{_GARBLED_MARK_OPENING}")


def _ocr_number_lines(body: list[CLine]) -> set[int]:
    """The positions in ``body`` of the lines _paragraph_blocks looks at for a number: among
    them every line _ocr_number may read one in."""
    joined = "\n" + "\n".join(map(_TEXT, body))
    return {joined.count("\n", 0, at) for at in _number_candidates(joined)}


# The latest a digit can stand in _LOOSE_NUMBERED, _BARE_NUMBER (4 specks) and _MISREAD_STOP (4
# specks, then two runs of up to 3 letters and 4 specks each), plus one.
_DIGIT_WITHIN = 4 + 2 * (3 + 4) + 1


class _LetteredList:
    """Whether the paragraph being grouped holds a lettered list ('A. …'), scanned incrementally:
    each line is looked at once however often the question is asked."""

    def __init__(self) -> None:
        self.lines: list[CLine] | None = None
        self.scanned = 0
        self.found = False

    def __call__(self, current: list[CLine]) -> bool:
        if current is not self.lines:
            self.lines, self.scanned, self.found = current, 0, False
        while not self.found and self.scanned < len(current):
            self.found = bool(_LETTER_ITEM.match(current[self.scanned].text))
            self.scanned += 1
        return self.found


def _ocr_number(text: str, last: int, current: list[CLine], lettered: _LetteredList, garbled: bool = True) -> int | None:
    """The next paragraph number as OCR may leave it, or None: a lookalike letter ('S.' for 5.)
    unless the paragraph holds a lettered list (where 'S.' and 'T.' are items), or a number with
    debris before it or a misread stop. Only a number due is read this way (see _due)."""
    if text[:1] not in _OCR_NUMBER_START:
        # most lines: no regex needed ('L' opens only a garbled mark; a capital, the dissemination
        # paragraph's number OCR read as letters: 'W":4a FIELD DISSEM')
        if last and "FIELD" in text and _FIELD_DISSEM.match(text):
            return last + 1
        return _garbled_mark(text, last, current) if garbled and text[:1] == "L" else None
    if last and (m := _LOOKALIKE_NUMBER.match(text)):
        if garbled and m["ch"] == "S" and _typed_line(text[m.end():]):
            return None if lettered(current) else last + 1  # an S for the number due (see above _typed_line)
        if _due(n := _DIGIT_LOOKALIKES[m["ch"]], last, current):
            return None if lettered(current) else n
    # The three patterns below need a digit among the first 19 characters (their prefixes are
    # bounded): one search spares all three on most lines of text.
    if _DIGIT.search(text, 0, _DIGIT_WITHIN):
        if (loose := _LOOSE_NUMBERED.match(text)) and _due(n := int(loose["num"]), last, current):
            return n
        if (m := _MISREAD_STOP.match(text)) and _due(n := int(m["num"]), last, current) and (last or not m["zero"]):
            return n
        if last and (m := _BARE_NUMBER.match(text)) and _due(n := int(m["num"]), last, current) \
                and _after_sentence(current):
            return n
    if last and _SYMBOL_NUMBER.match(text) and _after_sentence(current):
        return last + 1
    if last and "FIELD" in text and _FIELD_DISSEM.match(text):
        return last + 1
    return _garbled_mark(text, last, current) if garbled and text[:1] in "ldSs" else None


# An S with its stop ('S. ITALY: …') is the mark of the number due whichever it is: OCR reads the
# typed 3 and 8 as S as it reads the 5 (the studied sets' labellers read 'S.' as 3 and as 5, as the
# sequence asked: blind6 104-10290-10156, holdout 104-10298-10184, 104-10215-10175, dev
# 104-10179-10209), as it leaves the marks with no digit (_garbled_mark). Taken where the line
# after it is a line of a cable typed in capitals (_typed_line), not in a lettered list, and only
# in the agencies' cables (``garbled``): in a State telegram 'S. KOREA WILL NOT AGREE' is a sentence.
def _typed_line(rest: str) -> bool:
    """Whether ``rest`` (a line's words after a paragraph mark) is a paragraph's first line as a
    cable typed in capitals has it: four words or more, no lower-case letter (see _garbled_mark)."""
    return len(rest.split()) >= 4 and rest.isupper()


def _garbled_mark(text: str, last: int, current: list[CLine]) -> int | None:
    """The next number due, where ``text`` opens with a paragraph mark OCR left without a digit
    (_GARBLED_MARK), and what follows the mark is a line of a cable typed in capitals: of five
    words or more, as a paragraph's first line runs to the typed margin (a short line such as
    'LO WASH' is a label or a scrap of the form), with no lower-case letter (a line such as 'LO
    RE ETHiLO FII CHiLY' is OCR of a smudge), as is the previous paragraph's first line (in a
    memo typed in both cases such a line is a scrap of a form). The line must open after a
    sentence's end; the first paragraph is read so only from a mark of a 1 (L, l, d), as the
    sequence gives no number to check an S against there."""
    if (not last and text[:1] in "Ss") or not (m := _GARBLED_MARK.match(text)):
        return None
    if not _typed_line(text[m.end():]):
        return None
    if last and not (current and current[0].text.isupper() and _after_sentence(current)):
        return None
    if last and _short_of_the_margin(text, current):
        return None
    return last + 1


def _short_of_the_margin(text: str, current: list[CLine]) -> bool:
    """Whether the line ``text`` ends well short of the typed margin the line above it reaches
    (under two thirds of its length) and with a colon: a cable's paragraph runs its first line
    to the margin, and a short line ending so is a wrapped line OCR garbled ('LO MAMI AM ATARITIN
    CALTI TO DE AVATAR:' under a line of 70 characters), not a paragraph's opening."""
    prev = next((ln.text.strip() for ln in reversed(current[-3:]) if ln.text.strip()), "")
    line = text.strip()
    return line.endswith(":") and 3 * len(line) < 2 * len(prev)


def _due(n: int, last: int, current: list[CLine]) -> bool:
    """Whether ``n`` is a paragraph number due after paragraph ``last``, for a number as OCR
    leaves it: the next one; or, where OCR lost the next one or two numbers altogether (their
    paragraphs then run on in the one before), a number as far ahead as a plain number may jump
    (see _starts_paragraph). The jump is taken only after a paragraph 1 and at a line that opens
    after a sentence's end, where a paragraph can begin."""
    return n == last + 1 or (last > 0 and last + 1 < n <= last + 3 and _after_full_stop(current))


def _after_full_stop(current: list[CLine]) -> bool:
    """Whether the line before this one is blank or ends a sentence (a full stop, a colon, a
    closing quotation mark or bracket; not a comma, which also ends a wrapped line of a list)."""
    if not current or not current[-1].text.strip():
        return True
    return current[-1].text.rstrip().endswith((".", ":", '"', "”", ")"))


def _after_sentence(current: list[CLine]) -> bool:
    """Whether the last line of text before this one ends a sentence; OCR reads the full stop as a
    comma as often as it reads the paragraph number's ('COVER ALL POSSIBILITIES,' / '4, REQUEST')."""
    prev = next((ln.text.rstrip() for ln in reversed(current[-3:]) if ln.text.strip()), "")
    return not prev or prev.endswith((".", ",", ":", ";", '"', "”", ")"))


_FIRST_MARKED = re.compile(r"^\s*\d{1,2}\s*\.\s*\(")
_MARKED = re.compile(r"^\s*\d{1,2}\s*\.\s*\((?:TS|S|C|U|SBU)")


def _starts_paragraph(n: int, last: int, text: str, current: list[CLine]) -> bool:
    if n == 0:
        return False
    if last == 0:
        return n <= 3 or bool(_FIRST_MARKED.match(text))
    if n == last + 1 or n == last:
        return not current or not current[-1].text.strip() or bool(_NUMBERED_TEXT.match(text)) \
            or (n == last + 1 and _after_sentence(current)
                and bool(_LOOSE_NUMBERED.match(text) or _BARE_NUMBER.match(text) or _MISREAD_STOP.match(text)
                         or _GARBLED_MARK.match(text)))
    if last < n <= last + 3:
        # A gap (paragraphs lost to OCR or omitted by an editor): a marked number, or a numbered
        # sentence starting after the previous one ended; so too a number alone on its line (its
        # text on the next, _NUMBER_ALONE), where the text above ends a sentence: after a list's
        # last word ('318:0' / '4.' / 'VIENNA') such a number is a scrap of the form.
        prev = current[-1].text.rstrip() if current else ""
        return bool(_MARKED.match(text)) or (bool(_NUMBERED_TEXT.match(text)) and (not prev or prev.endswith((".", ":", '"')))) \
            or (_after_full_stop(current)
                and bool(_LOOSE_NUMBERED.match(text) or _BARE_NUMBER.match(text) or _MISREAD_STOP.match(text))) \
            or (_NUMBER_ALONE.match(text) is not None and _after_sentence(current))
    return False


def _opens_list(text: str, head: str) -> bool:
    """Whether the line ``text``, numbered 1 inside the paragraph whose first line is ``head``,
    opens a numbered list there: in a cable whose paragraphs carry portion marks ('8. (SBU) Policy
    outcomes follow:'), a list's items carry none ('1. We agreed ...'), so the count that climbs
    past the paragraph's own number is the list's. Where paragraphs go unmarked, the two cannot
    be told apart and the numbers are read as before."""
    return bool(_MARKED.match(head)) and not _MARKED.match(text)


# A numbered sentence at a line's start, in the lines joined (each after its line break).
_NUMBERED_TEXT_LINE = re.compile(r"\n" + _NUMBERED_TEXT.pattern[1:])
_NUMBER_AT = re.compile(r"[\s•·*'‘]{0,3}(\d{1,2})")


def _opens_a_run(n: int, text: str, joined: str, pos: int) -> bool:
    """Whether number ``n``, too far ahead to open the text, opens a run of numbered sentences
    that goes on in order (n + 1 and n + 2 are the next two): the first paragraphs' numbers
    were lost to OCR, and the rest of the count is plain. Asked only before the first number is
    read (an OCR'd copy's body whose first legible number is 4 or more)."""
    if not _NUMBERED_TEXT.match(text):
        return False
    following = []
    for m in _NUMBERED_TEXT_LINE.finditer(joined, pos + 1):
        following.append(int(_NUMBER_AT.match(joined, m.start() + 1)[1]))
        if len(following) == 2:
            break
    return following == [n + 1, n + 2]


def _resumes_after_omission(n: int, last: int, text: str, notes: _EditorialNotes, start: int, end: int) -> bool:
    """Whether number ``n`` resumes the paragraphs after an editor's omission: FRUS prints a
    telegram in part, a note standing alone in brackets where paragraphs are left out ('[Omitted
    here are paragraphs 3-10 ...]', '[Omitted here is discussion of ...]'), so the next number
    printed may lie any way ahead, and an excerpt may open at any number. The lines since the
    last number (or the body's lines before the first) are those whose breaks stand in
    ``[start, end)`` of the text ``notes`` reads. Asked only of a number too far ahead for
    _starts_paragraph: a numbered sentence after such a note (a list item, a year or an amount
    opening a line is not one)."""
    return n > last + 3 and bool(_NUMBERED_TEXT.match(text)) and notes.any_between(start, end)


class _EditorialNotes:
    """Where the editor's notes (_is_editorial_note) stand in the lines joined, each after a line
    break: found once, by a literal scan for brackets, when first asked (an OCR'd page may ask
    at a dozen numbers far ahead, each time of the hundreds of lines before its first number)."""

    def __init__(self, joined: str) -> None:
        self.joined = joined
        self.breaks: list[int] | None = None  # the breaks of the lines holding a note, in order

    def any_between(self, start: int, end: int) -> bool:
        """Whether a line whose break stands in ``[start, end)`` holds a note."""
        if self.breaks is None:
            self.breaks = list(self._find())
        at = bisect_left(self.breaks, start)
        return at < len(self.breaks) and self.breaks[at] < end

    def _find(self):
        joined = self.joined
        at = joined.find("[")
        while at >= 0:
            brk = joined.rfind("\n", 0, at)
            stop = joined.find("\n", at)
            if stop < 0:
                stop = len(joined)
            if _is_editorial_note(joined[brk + 1: stop]):
                yield brk
            at = joined.find("[", stop)


def _is_editorial_note(line: str) -> bool:
    """An editor's note of omission stands alone on its line, a bracketed sentence ('[Omitted
    here is ...]', '[less than 1 line not declassified]'). Inside a sentence ('Ambassador [sic,
    Counselor]') brackets mark an editor's word, and a bracketed word alone ('[Restricted]') is
    a stamp: neither leaves anything out."""
    text = line.strip()
    return text[:1] == "[" and text.rstrip(".")[-1:] == "]" and text.count(" ") >= 2


# A list item opens its line with a dash or bullet, or 'A.', '1)', '(b)', and a blank.
_LIST_ITEM = r"(?:[-•*]|\(?[A-Za-z0-9]{1,2}[.)])"
# A line break not followed by a list item (the item's blank cannot be the line break after it,
# as it could not be the end of the line alone).
_WRAPPED_BREAK = re.compile(r"\n(?!" + _LIST_ITEM + r"[^\S\n])")


def _reflow(text: str) -> str:
    """Join wrapped lines of a paragraph; keep list items (``-``, ``A.``) and blank-line breaks.

    Written as: split at blank lines (_BLANK_LINE), strip each line and drop the empty ones, turn
    each _WRAPPED_BREAK into a blank, join the pieces with a blank line. Stripping every line
    first leaves the same pieces: a run of blanks holding two line breaks or more (a blank line)
    becomes two line breaks or more with nothing between, one holding a single break becomes one
    break; so the pieces are what lies between runs of breaks (see tests/test_shortcuts_body.py).

    Done in a few passes in C, not a step a line or a piece: lines are stripped one by one only
    where a line break has a blank beside it (where none has, stripping each line only strips the
    text's two ends; an OCR'd page's lines almost never have one); then each lone break not
    followed by a list item becomes a blank (_LONE_WRAPPED_BREAK: what _WRAPPED_BREAK does to
    each piece, as a piece's breaks are exactly the lone ones, and a list item holds no break)
    and each run of three breaks or more two (the pieces joined with a blank line).
    """
    if "\n" not in text:
        return text.strip()  # one line: nothing to join
    if _BLANK_BY_BREAK.search(text):
        lines = "\n".join(map(str.strip, text.split("\n"))).strip()
    else:
        lines = text.strip()
    if not _BREAK_KEPT.search(lines):
        return lines.replace("\n", " ")  # most paragraphs: one piece, no list
    lines = _LONE_WRAPPED_BREAK.sub(" ", lines)
    return _BREAK_RUN.sub("\n\n", lines) if "\n\n\n" in lines else lines


# A blank beside a line break (after it, or before it: a look-behind after the break, so the
# pattern opens with the break and the engine jumps from break to break).
_BLANK_BY_BREAK = re.compile(r"\n(?:[^\S\n]|(?<=[^\S\n]\n))")
# A line break alone (neither before nor after another) that no list item follows.
_LONE_WRAPPED_BREAK = re.compile(r"\n(?<!\n\n)(?!\n|" + _LIST_ITEM + r"[^\S\n])")
_BREAK_RUN = re.compile(r"\n\n\n+")
# A blank line or a list item's break, in one search: where some break is not a blank.
_BREAK_KEPT = re.compile(r"\n(?:\n|" + _LIST_ITEM + r"[^\S\n])")


def portion_rank_check(d: Draft, overall: str | None) -> None:
    """A portion mark above the overall marking is a defect (spec §4.1: overall = max(portions))."""
    if not overall or overall not in RANK:
        return
    for p in d.get("paragraphs", []):
        if not p.portion:
            continue
        base = p.portion.split("/")[0]
        level = PORTION_LEVELS.get(base)
        if level in ("SENSITIVE BUT UNCLASSIFIED", "LIMITED OFFICIAL USE"):
            continue  # controls, not levels: an UNCLASSIFIED cable may carry (SBU) portions
        if level and RANK[level] > RANK[overall]:
            d.defects.append(defect("portion-above-overall",
                                    f"paragraph {p.number} is marked ({p.portion}) above the overall {overall}", p.span))
            break


