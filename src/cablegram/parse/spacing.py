"""Double-spaced typed pages: OCR of a typed telegram or cable often puts a blank line after every
line, so the blank lines are the page's spacing, not paragraph breaks. These helpers tell such a
body and join its lines into the paragraphs a reader sees (the body grammar, ``body.py``, asks them)."""

from __future__ import annotations

import re

from .draft import CLine

# A blank line between two lines of text, alone: in double-spaced text it is the line's own break.
ONE_BLANK_LINE = re.compile(r"\n[^\S\n]*\n(?=[^\S\n]*\S)")
# The mean length of a typed line of text, at most (a page is 60 to 80 columns; OCR adds specks).
_TYPED_WIDTH = 90
_SPACING_SAMPLE = 2000  # characters of the body that tell its spacing (some 25 typed lines)
# The end of a sentence at a line's end (a full stop, a colon, a closing quote or bracket).
_SENTENCE_AT_END = re.compile(r"[.:!?\"”)]\s*$")


def double_spaced(joined: str) -> bool:
    """Whether the body's lines stand one to a paragraph of blank lines: most lines of text are
    followed by a single blank line and another line of text (an OCR'd typed page, whose blank
    lines are the page's spacing, not paragraph breaks). ``joined`` holds the lines, each after
    a line break."""
    # (Asked of a sample from the middle of the body: a typed page is double-spaced throughout,
    # the body's opening may be a header the scanner left and its end the signer and stamps, and
    # counting the whole of a long body cost ~40 us.)
    start = max(0, len(joined) // 2 - _SPACING_SAMPLE // 2)
    end = min(len(joined), start + _SPACING_SAMPLE)
    # (Counted in C: blank lines empty or of one blank, each after the line break of the line
    # before it. A page whose blank lines hold more blanks than one is not seen as double-spaced.)
    breaks = joined.count("\n", start, end)
    if breaks < 12:
        return False
    blank = joined.count("\n\n", start, end)
    if blank < 0.3 * breaks:
        blank += joined.count("\n \n", start, end)
    lines = breaks - blank  # of text
    if lines < 6 or blank < 0.7 * lines:
        return False
    # Typed lines wrap at a page's width; a text of one long line a paragraph (FRUS, a published
    # extract) has its blank lines between paragraphs.
    return (end - start - breaks) / lines <= _TYPED_WIDTH


def join_wrapped_blocks(blocks: list, body: list[CLine], joined: str) -> list:
    """In double-spaced text, the unnumbered blocks that one blank line parts are one paragraph's
    lines, up to the line that ends it (_ends_paragraph). Numbered paragraphs already run to the
    next number. A block is ``(number, first, stop, at, text)``, its text ``joined[at:]``."""
    lengths = sorted(len(t) for t in (ln.text.strip() for ln in body) if t)
    typical = lengths[(3 * len(lengths)) // 4] if lengths else 0
    out: list = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev[0] is None and block[0] is None and block[1] == prev[2] + 1 \
                and not _ends_paragraph(body[prev[2] - 1].text.strip(), body[block[1]].text.strip(), typical):
            out[-1] = (None, prev[1], block[2], prev[3], joined[prev[3]: block[3] + len(block[4])])
        else:
            out.append(block)
    return out


def _ends_paragraph(last: str, following: str, typical: int) -> bool:
    """Whether a double-spaced paragraph ends at its line ``last``, the line ``following`` one blank
    line below: at a sentence's end on a line shorter than the text's lines run (``typical``: the
    length three lines in four stay within), or where either line is short (a heading, a signer,
    OCR debris: it stands alone)."""
    if len(last) < typical // 2 or len(following) < typical // 2:
        return True
    return len(last) < 0.85 * typical and _SENTENCE_AT_END.search(last) is not None
