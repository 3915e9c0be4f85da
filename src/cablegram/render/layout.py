"""Layout helpers for telegram text: line wrapping, markings, and pages with their furniture.

Wrapping never starts a line with something a reader of the page would take for structure: a
paragraph number (``3.``), a list item (``A.``, ``-``) or a lone marking. The last line of a
paragraph is kept long enough not to look like a page number or stray glyphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..vocab.markings import LEVEL_WORDS

# A first token that looks like a paragraph number, list item or bullet.
_RISKY_START = re.compile(r"^(?:[-•*]|\(?[A-Za-z0-9]{1,2}[.)]|\d{1,2}\.{0,2}$)")
# The same test applied to a whole line of single-spaced words (its first token ends at a space).
_RISKY_LINE = re.compile(r"(?:[-•*]|\(?[A-Za-z0-9]{1,2}[.)]|\d{1,2}\.{0,2}(?: |$))")
_MIN_LAST = 12
# Whitespace other than the plain space: every character str.split() splits on, but " ".
_OTHER_SPACE = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


@cache
def _fill(width: int) -> re.Pattern[str]:
    """Up to ``width`` characters ending at a word boundary (words joined by single spaces)."""
    return re.compile(rf"(\S.{{0,{width - 1}}})(?: |$)")


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap at ``width`` characters; words are never broken.

    A line whose first word would read as a paragraph number or list item takes that word up to
    the line before (which may then run a few characters past ``width``), and a short last line
    borrows words from the line before it.
    """
    if len(text) <= width and "\n" not in text:
        return [text.strip()] if text.strip() else []
    flat = _single_spaced(text)
    if not flat:
        return []
    lines = _fill(width).findall(flat)
    if sum(map(len, lines)) + len(lines) - 1 != len(flat):
        # A word longer than the line: the fill skipped characters, so fill word by word.
        return _adjust(_greedy(flat.split(" "), width))
    if len(lines) > 1 and any(map(_RISKY_LINE.match, lines[1:])):
        return _adjust([ln.split(" ") for ln in lines])
    return _balance_last(lines)


def _single_spaced(text: str) -> str:
    """``text``'s words joined by single spaces: ``text`` itself when it already is (the usual case)."""
    if "  " in text or text[:1] == " " or text[-1:] == " " or _OTHER_SPACE.search(text):
        return " ".join(text.split())
    return text


def _balance_last(lines: list[str]) -> list[str]:
    """The last-line rules of :func:`_adjust`, on lines that need no other change (the usual case)."""
    if len(lines) > 1:
        last, prev = lines[-1], lines[-2]
        while len(last) < _MIN_LAST and " " in prev:
            rest, word = prev.rsplit(" ", 1)
            if _RISKY_START.match(word):
                break
            prev, last = rest, f"{word} {last}"
        if _is_marking(last) and " " in prev:
            rest, word = prev.rsplit(" ", 1)
            prev, last = rest, f"{word} {last}"
        lines[-2:] = [prev, last]
    return lines


def _greedy(words: list[str], width: int) -> list[list[str]]:
    """Greedy fill word by word (the path for a word longer than the line)."""
    lines = []
    cur = [words[0]]
    n = len(words[0])
    for w in words[1:]:
        n += 1 + len(w)
        if n > width:
            lines.append(cur)
            cur, n = [w], len(w)
        else:
            cur.append(w)
    lines.append(cur)
    return lines


def _adjust(lines: list[list[str]]) -> list[str]:
    """Move words so no line opens with a paragraph number or list item and the last is not short."""
    k = 1
    while k < len(lines):
        if _RISKY_START.match(lines[k][0]):
            lines[k - 1].append(lines[k].pop(0))
            if not lines[k]:
                del lines[k]
                continue
        k += 1
    if len(lines) > 1:
        last, prev = lines[-1], lines[-2]
        while len(" ".join(last)) < _MIN_LAST and len(prev) > 1 and not _RISKY_START.match(prev[-1]):
            last.insert(0, prev.pop())
        if _is_marking(" ".join(last)) and len(prev) > 1:
            last.insert(0, prev.pop())
    return [" ".join(ln) for ln in lines]


def _is_marking(line: str) -> bool:
    return " ".join(line.strip(" .").upper().split()) in LEVEL_WORDS


def letter_spaced(word: str) -> str:
    """``SECRET`` -> ``S E C R E T``; words stay apart by three spaces (``T O P   S E C R E T``)."""
    return "   ".join(" ".join(part) for part in word.split())


def paginate(lines: list[str], per_page: int, top: Callable[[int, int], list[str]],
             bottom: Callable[[int, int], list[str]], first_top: list[str] | None = None) -> list[str]:
    """Cut ``lines`` into pages of ``per_page`` lines, each framed by ``top(page, pages)`` and
    ``bottom(page, pages)``; page 1 opens with ``first_top`` instead of ``top`` when given."""
    pages = max(1, -(-len(lines) // per_page))
    out: list[str] = []
    for p in range(pages):
        chunk = lines[p * per_page: (p + 1) * per_page]
        out.extend(first_top if (p == 0 and first_top is not None) else top(p + 1, pages))
        out.extend(chunk)
        out.extend(bottom(p + 1, pages))
    return out
