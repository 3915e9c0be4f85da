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
_MIN_LAST = 12


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
    words = text.split()
    if not words:
        return []
    if max(map(len, words)) <= width:
        # Greedy fill by one regular-expression pass (the same lines as the word loop below).
        lines = [ln.split() for ln in _fill(width).findall(" ".join(words))]
    else:
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
