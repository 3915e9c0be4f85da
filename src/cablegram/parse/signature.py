"""The signer of a telegram: the last short line of capitalised surname(s) at the end of the text,
or the name glued to its last sentence, and what may stand below it (the typist's reference, the
communications centre's handling note, an archive's record row) kept out of the text.
"""

from __future__ import annotations

import re
from operator import attrgetter

from .draft import CLine, Draft

# (A generational suffix after the surname, 'TIMKEN JR', is no part of it.)
SIGNATURE = re.compile(r"^\s*(?P<sig>[A-Z][A-Za-z'\-]+(?:\s+(?!(?:JR|Jr|SR|Sr)\.?\s*$)[A-Z][A-Za-z'\-]+)?)"
                       r"(?:,?\s+(?:JR|Jr|SR|Sr)\.?)?\s*$")
_NOT_SIGNATURES = {"END", "BT", "NNNN", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "NOFORN", "SIPDIS", "SENSITIVE",
                   "GROUP", "NOTE", "UNQUOTE", "QUOTE", "ENDS", "TEXT", "END TEXT", "END QUOTE", "CLASSIFIED",
                   "DECLASSIFIED", "EXDIS", "NODIS", "LIMDIS", "SUMMARY", "COMMENT", "END COMMENT", "END SUMMARY"}
# A worksheet's address line ('PRIORITY BOGOTA') may stand last on the page: not a signer.
_PRECEDENCES = frozenset({"FLASH", "NIACT", "IMMEDIATE", "PRIORITY", "ROUTINE"})
_TEXT = attrgetter("text")  # a line's text, for joins run in C

# Below the signer of a 1960s telegram: the typist's or decoder's reference ('AAL/10', 'DLW').
# ('LM:', 'LIR/ 2': OCR puts a colon after the initials, a blank after the slash.)
_TYPIST_REFERENCE = re.compile(r"^\s*(?:[A-Z]{2,4}/\s?\d{1,3}\b.*|[A-Z]{2,3}:?)\s*$")
_GLUED_SIGNATURE = re.compile(r"(?:[.\"'”’)]\s*|\*{3,}\s+)(?P<sig>[A-Z][A-Z'\-]{2,}(?:\s+[A-Z][A-Z'\-]{2,})?)\s*$")
_GLUED_TITLE_SIGNATURE = re.compile(r"[a-z]{2}[.]\s+(?P<sig>[A-Z][a-z]+(?:[A-Z][a-z]+)?)\s*$")
# The patterns take_signature asks, compiled once (the module-level ``re`` functions look each
# up in re's cache at every call).
_TITLE_CASE_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?")
_LOWER_WORD = re.compile(r"\b[a-z]")
_LOWER_LETTER = re.compile(r"[a-z]")


# The communications centre's note below the signer ('NOTE BY OC/T: POUCHED ...'): the office
# that handled the telegram (an office symbol) reports what it did with it.
_HANDLING_NOTE = re.compile(r"^\s*NOTE\s+BY\s+[A-Z][A-Z/]{1,5}\s*:")


# An archive's record row run onto the signer's line ('... End comment. STEVENS 0 03/13/2008 9871
# PGOV,PREL,LY <subject> <summary>'): after the signer's capitals, a count, the date as MM/DD/YYYY,
# a serial and the TAGS joined by commas. Prose never runs these together.
_RECORD_ROW = re.compile(r"(?<=[A-Z])\s+\d{1,3}\s+\d{1,2}/\d{1,2}/(?:19|20)\d\d\s+\d+\s+[A-Z]{2,}(?:,[A-Z]{2,})+\b")


def _record_row(text: str) -> re.Match | None:
    """_RECORD_ROW's match in a last line, looked for only where the line holds a year after a
    slash (most last lines hold none)."""
    return _RECORD_ROW.search(text) if "/20" in text or "/19" in text else None


def _below_the_signer(text: str) -> bool:
    """Whether a last line is one that stands below the signer and is no part of the text: the
    communications centre's handling note, or a title in capitals cut short with an ellipsis
    ('DANIEL ORTEGA AN...'), the start of the cable's subject that an archive's page repeats
    after it (a sentence trailing off has lower-case words). Either is passed over only where
    a signer stands above it."""
    if text[-8:].rstrip().endswith(("...", "\u2026")):  # (the line's end only: no copy of a long line)
        return not _LOWER_LETTER.search(text)
    return bool(_HANDLING_NOTE.match(text))  # (anchored: most lines turned away at their first letters)


# A post's notice of its classified web site ('Visit Ankara's Classified Web Site at http://…'),
# which some posts print below the signer; its address may wrap onto a second line.
_WEBSITE_NOTICE = re.compile(r"\bvisit\b.{0,60}\bclassified\s+web\s?site", re.I)


def _website_notice(body: list[CLine], k: int) -> int | None:
    """The index of the line opening a web-site notice among the last two lines up to ``k``
    (the last line that is not blank), or None."""
    for j in range(k, max(k - 2, 0), -1):
        if "isit" in body[j].text and _WEBSITE_NOTICE.search(body[j].text):
            return j
    return None


def take_signature(d: Draft, body: list[CLine]) -> list[CLine]:
    """The signer is the last short line of capitalised surname(s), possibly glued to the last
    sentence; the body's lines are returned without it (and without what stands below it)."""
    kept = _signed(d, body)
    return body if kept is None else kept


def _signed(d: Draft, body: list[CLine]) -> list[CLine] | None:
    """take_signature's lines, or None where no signer is found."""
    k = len(body) - 1
    while k >= 0 and not body[k].text.strip():
        k -= 1
    # Below the signer, 1960s telegrams carry the typist's or decoder's reference ('AAL/10',
    # 'LIR/2 SECRET', 'DLW'): not the signature, and not part of the text.
    trailer = k
    while trailer > 0 and (_TYPIST_REFERENCE.match(body[trailer].text) or not body[trailer].text.strip()):
        trailer -= 1
    if trailer < k and trailer >= 0 and SIGNATURE.match(body[trailer].text):
        k = trailer
    if k < 0:
        return None
    last = body[k]
    m = SIGNATURE.match(last.text)
    if m and m["sig"].upper() not in _NOT_SIGNATURES and not m["sig"].isdigit() and len(m["sig"]) >= 3 \
            and m["sig"].split()[0].upper() not in _PRECEDENCES:
        sig, end = m["sig"], m.end("sig")
        if (words := sig.split()) and len(words) == 2 and words[0] == words[1]:
            # The name set twice ('PARDEW PARDEW', a copy's doubling of the signer's line): once.
            sig, end = words[0], m.start("sig") + len(words[0])
        if sig.isupper() or _TITLE_CASE_NAME.fullmatch(sig):
            d.set("signature", sig, last.start + m.start("sig"), last.start + end)
            return body[:k]
    # '... End Comment. SPOGLI' / '… WITH IT." KISSINGER'
    # '… resort. Brownfield' (title case, after a sentence), '… restructuring. .FARRAR', '***** KURTZER'.
    g = _glued_signature(last.text) or _glued_title_signature(last.text) or _after_end_comment(last.text)
    if g and g["sig"].istitle():
        before = " ".join(map(_TEXT, body[:k])) + " " + last.text[: g.start("sig")]
        if _uses_word(before, g["sig"]) and not _named_with_a_signers_title(before, g["sig"]) \
                and not _named_with_a_signers_title(d.get("classified_by_text") or "", g["sig"]):
            g = None  # a word the text already uses, not a signer's name (unless the header's
            # classifier bears it after a signer's title: 'Classified By: Ambassador Clark T. Randt')
    if g and g["sig"].upper() not in _NOT_SIGNATURES and not _LOWER_WORD.search(last.text[g.end("sig"):]):
        words = last.text[: g.start("sig")]
        if _LOWER_LETTER.search(words) or len(g["sig"]) <= 20:
            d.set("signature", g["sig"], last.start + g.start("sig"), last.start + g.end("sig"))
            trimmed = CLine(last.index, last.start, last.start + g.start("sig"), last.text[: g.start("sig")].rstrip())
            return body[:k] + [trimmed]
    # What may stand below the signer is looked for only where no signer was found at the end
    # (most cables end with theirs, and a long last line costs a scan): a line the signer stands
    # above, passed over only if he does; an archive's record row, where the text ends.
    if _below_the_signer(last.text) and (kept := _signed(d, body[:k])) is not None:
        return kept
    if (notice := _website_notice(body, k)) is not None and (kept := _signed(d, body[:notice])) is not None:
        return kept
    if row := _record_row(last.text):
        cut = CLine(last.index, last.start, last.start + row.start(), last.text[: row.start()])
        kept = _signed(d, body[:k] + [cut])
        return body[:k] + [cut] if kept is None else kept
    return _signer_above_typist_reference(d, body, k)


# The start of a 1960s telegram's typist reference below its signer, as OCR may leave it with
# debris after it ('DLW aNARS, Date 9119/80', 'DMJ/19').
# (Not followed by another word in capitals: 'END OF DOCUMENT' is no reference.)
_TYPIST_REFERENCE_START = re.compile(r"^\s*[A-Z]{2,4}(?:\s?/\s?\d{1,3})?:?(?=\s*$|\s+[^A-Z\s])")
# How far above the end the pair is looked for: notes, stamps and debris below it are a few lines
# of text (six, each counted with the blank line OCR may put after it).
_TRAILER_LINES = 6


def _signer_above_typist_reference(d: Draft, body: list[CLine], k: int) -> list[CLine] | None:
    """A State telegram's signer in capitals with the typist's reference on the next line, among
    the last lines up to ``k``: the 1960s telegram's close, with a note, a stamp or OCR debris
    below it. The pair says where the text ends, which a single name alone above debris does not."""
    if d.get("kind"):
        return None  # another agency's record (a CIA cable has no signer at its end)
    below = None  # the next line that is not blank below the one looked at
    for j in range(k, max(k - 2 * _TRAILER_LINES, -1), -1):
        text = body[j].text
        if not text.strip():
            continue
        m = SIGNATURE.match(text)
        if below is not None and m and m["sig"].isupper() and len(m["sig"]) >= 3 and " " not in m["sig"] \
                and m["sig"] not in _NOT_SIGNATURES and _TYPIST_REFERENCE_START.match(below):
            d.set("signature", m["sig"], body[j].start + m.start("sig"), body[j].start + m.end("sig"))
            return body[:j]
        below = text
    return None



# Every character ``\s`` takes, and the others a glued signature's match is made of.
_BLANK_CHARS = "\n\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) \
    + "\u2028\u2029\u202f\u205f\u3000"
_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ'-"
_STOP_CHARS = ".\"'”’)*"  # (the closing quotation marks typed or typeset: '… “war heroes.” BUTENIS')
_LETTERS_AND_BLANKS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + _BLANK_CHARS


def _glued_signature(text: str) -> re.Match | None:
    """``_GLUED_SIGNATURE.search(text)``, begun near the line's end, where a long line would be
    tried at every character. A match runs to the end and is, from there: blanks, a name,
    blanks, a name, blanks, the stop or asterisks; each part lies within the run of its
    characters found stripping them off the end in that order, so no match begins before."""
    head = text
    for chars in (_BLANK_CHARS, _NAME_CHARS, _BLANK_CHARS, _NAME_CHARS, _BLANK_CHARS, _STOP_CHARS):
        head = head.rstrip(chars)
    return _GLUED_SIGNATURE.search(text, len(head))


def _glued_title_signature(text: str) -> re.Match | None:
    """``_GLUED_TITLE_SIGNATURE.search(text)``, begun where a match can only begin: after its
    full stop come letters and blanks to the end, so the stop is the line's last character
    that is neither, and the match begins two characters before it."""
    stop = len(text.rstrip(_LETTERS_AND_BLANKS)) - 1
    return _GLUED_TITLE_SIGNATURE.search(text, max(0, stop - 2))


# A signer run on after the closing mark of a comment with no stop between ('... END COMMENT
# EIKENBERRY'): the mark ends the text, so the capitals after it are the signer's.
_AFTER_END_COMMENT = re.compile(r"\b(?i:END\s+(?:OF\s+)?COMMENT)\s+(?P<sig>[A-Z][A-Z'\-]{2,}(?:\s+[A-Z][A-Z'\-]{2,})?)\s*$")


def _after_end_comment(text: str) -> re.Match | None:
    """``_AFTER_END_COMMENT``'s match at the end of a last line, looked for in its last 60
    characters (a mark and a signer fit in them) and only where they hold the word END."""
    at = max(0, len(text) - 60)
    return _AFTER_END_COMMENT.search(text, at) if "END" in text.upper()[at:] else None


_WORD = re.compile(r"[a-z']+")
# The titles of those who sign: the chief of mission or the chargé at a post, the Secretary in
# Washington (spec §1, signature), followed by up to two capitalised names or initials.
_TITLED = re.compile(r"(?i:ambassador|amb\.|charg[eé]|secretary)(?:\s+[A-Z][A-Za-z]*\.?){0,2}\s+\Z")


def _named_with_a_signers_title(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` after a signer's title ('Ambassador Brownfield', 'Classified
    By: Ambassador William R. Brownfield'): the text then speaks of the signer, and the word is
    his name, where a word the text uses otherwise ('in Paris') is no signer.

    The name is found first (a literal scan of the text lower-cased) and the title looked for
    just before it: a case-blind search for the titles would try every character of the text."""
    lowered, word = text.lower(), name.lower()
    if len(lowered) != len(text):  # a character lower-cased to two: offsets would not agree
        return re.search(_TITLED.pattern[:-2] + rf"(?i:{re.escape(name)})\b", text) is not None
    at = lowered.find(word)
    while at >= 0:
        if _TITLED.search(text, max(0, at - 60), at) and not lowered[at + len(word): at + len(word) + 1].isalpha():
            return True
        at = lowered.find(word, at + 1)
    return False


def _uses_word(text: str, word: str) -> bool:
    """Whether ``word`` lower-cased is one of the words (runs of ``[a-z']``) of ``text``
    lower-cased: a search for it standing alone, where listing every word of the text would
    cost an object a word.

    The search is ``(?<![a-z'])WORD(?![a-z'])`` with the look-behind moved after the word, as
    ``(?<![a-z']WORD)``: where the word stands, the two ask the same of the character before it.
    Opening with the word, the pattern has a literal prefix the engine scans for; opening with
    the look-behind, it was tried at every character of the body (~0.4 ms on a 14 kB one)."""
    word = word.lower()
    if not _WORD.fullmatch(word):
        return False  # no run of [a-z'] is anything else
    literal = re.escape(word)
    return re.search(rf"{literal}(?<![a-z']{literal})(?![a-z'])", text.lower()) is not None
