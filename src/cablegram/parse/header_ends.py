"""Where a telegram's header ends: the tests the header scanner asks of a line that may open the
text (a paragraph's number, a number alone on its line, running prose) or may continue what the
header holds (a REF list still open, its lettered items)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .body import _TEXT_OPENING  # (the text's first line: a capital or a quotation mark, then a letter)
from .draft import CLine
from .header_blocks import Scan

_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def _may_open_paragraph(first: str) -> bool:
    """Whether a line whose first non-blank character is ``first`` may open a paragraph
    (``PARA_START``): its forms all open with ``^\\s*`` and then '¶' or ``\\d``, and ``\\s``
    takes exactly what ``str.isspace`` takes (so ``first`` is what follows ``\\s*``), ``\\d`` what
    ``str.isdecimal`` takes. Most header lines open with a letter: the regex is not run for them.
    Checked against the pattern in tests/test_shortcuts_head2.py."""
    return first == "¶" or first.isdecimal()


# A paragraph number alone on its line ('1.'), its text on the next line that is not blank: OCR of
# a typed page reads the number and the text beside it as two blocks (the body reader takes the
# two as one paragraph: body._NUMBER_ALONE). It ends the header as a numbered line does; read
# past, its text would be taken as the header's (the REF or subject line's wrap).
_NUMBER_ALONE = re.compile(r"^\s*(?P<n>\d{1,2})\.\s*$")


def _number_alone(lines: Sequence[CLine], i: int, limit: int) -> re.Match | None:
    """The match of a paragraph number alone on line ``i`` whose text opens the next line that
    is not blank (one blank line apart at most, as OCR's double spacing sets them), else None."""
    if (m := _NUMBER_ALONE.match(lines[i].text)) is None:
        return None
    for ln in lines[i + 1: min(i + 3, limit)]:
        if ln.text.strip():
            return m if _TEXT_OPENING.match(ln.text) else None
    return None


def _list_open(s: Scan) -> bool:
    """A list a blank line may not end: an address list whose last item is not finished (a
    semicolon-separated SMART list, or the 1960s ACTION/INFORMATION statement before its full
    stop: OCR'd pages put blank lines between the lines of both), or a REF list of lettered items
    (cables set each item apart: 'REF: A. KIEV 1186' / '' / 'B. 05 KIEV 4590')."""
    if not s.block_parts:
        return False
    last = s.block_parts[-1][2].rstrip()
    if s.block == "ACTINFO":
        return not last.endswith(".")
    if s.block == "REF":
        return _last_ref_letter(s) is not None
    return s.block in ("TO", "INFO") and not last.endswith(";") and any(";" in p[2] for p in s.block_parts)


def _resumes(s: Scan, text: str) -> bool:
    """Whether ``text``, the line after blank lines, takes up the open list (see _list_open): an
    address list's indented continuation or the ACTION/INFORMATION statement's next line, or
    the REF list's next lettered item."""
    if s.block == "REF":
        m = _LETTERED_ITEM.match(text)
        last = _last_ref_letter(s)
        return bool(m and last and ord(m[1].upper()) == ord(last) + 1)
    return text[:1].isspace() or s.block == "ACTINFO"


# A lettered REF item: the label's first ('REF: A. KIEV 1186') or one opening its line ('B. 05
# KIEV 4590', 'c. 05 state 211408' in a cable typed in lower case).
_LETTERED_ITEM = re.compile(r"^\s*([A-Za-z])[.)]\s+\S")
_REF_LETTER = re.compile(r"(?:^|[\s:;])([A-Za-z])[.)]\s+(?=\S)")


def _last_ref_letter(s: Scan) -> str | None:
    """The letter of the open REF list's last lettered item, upper case, or None."""
    for _, _, text in reversed(s.block_parts):
        if found := _REF_LETTER.findall(text):
            return found[-1].upper()
    return None


def _is_prose(text: str) -> bool:
    """A line of running text: lower-case words, a long mixed-case line, or a line of capitals
    that reads as sentences (the teletype's upper case: function words among many words)."""
    if len(_LOWER_WORD.findall(text)) >= 5 or (len(text) > 70 and not text.isupper()):
        return True
    return len(text) > 40 and len(_CAPS_FUNCTION_WORD.findall(text)) >= 3 and len(text.split()) >= 7


# Words a sentence cannot do without and a header element rarely holds: three in a line of
# seven words or more mark the teletype's running text ('OF US ACTIONS BRING PRESSURE ON GVN').
_CAPS_FUNCTION_WORD = re.compile(r"\b(?:THE|OF|AND|TO|IN|ON|THAT|WITH|IS|ARE|WAS|WERE|HAS|HAVE|HAD|BE|BEEN|BY|AS|AT"
                                 r"|NOT|WILL|WOULD|IT|HE|THEY|WE)\b")


# The first letter a line can begin with for each rule (upper-cased; None: any). Trying only the
# rules a line's first character allows keeps the scanner from running forty patterns a line.
