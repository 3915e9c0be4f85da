"""A reader's window of lines, searched as one text.

The agency readers ask each of the first 60 to 120 lines of a record a dozen questions, some of
them a pattern that only a few lines can match. Asking each line costs a Python step and a regex
call apiece (0.2-1 µs); a literal or a short pattern that every match must hold is found in all
the lines at once, by one search of their text joined, which jumps to the next line after a hit.
The lines it finds are the only ones a reader then asks its own question, so what the reader
finds is unchanged. A literal search costs about 0.7 ns a character of the window (1.3 µs for a
window of 60 lines), so a gate pays only for words that few lines hold, and only a few of them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, repeat
from operator import add, attrgetter

from ...normalise.state import ascii_case_view
from ..draft import CLine

_TEXT = attrgetter("text")


def lines_holding(texts: list[str], words: tuple[str, ...]) -> list[int]:
    """The indices, in order, of the ``texts`` (lines, without line breaks) that hold one of
    ``words`` (none holding a line break)."""
    return sorted(_Joined(texts).holding(words))


def lines_holding_any_case(texts: list[str], words: tuple[str, ...]) -> list[int]:
    """The indices, in order, of the ``texts`` where a case-blind (``re.I``) pattern for one of
    ``words`` (upper-case ASCII letters) matches: found in the lines' ascii_case_view, which holds
    such a word exactly there. Every index where the text holds a character that ``re.I`` folds
    into an ASCII letter (no view can be made)."""
    joined = _Joined(texts)
    view = ascii_case_view(joined.text)
    if view is None:
        return list(range(len(texts)))
    return sorted(joined.holding(tuple(w.encode("ascii") for w in words), view))


class _Joined:
    """Lines joined by line breaks, with where each begins."""

    def __init__(self, texts: list[str]) -> None:
        self.text = "\n".join(texts)
        # starts[k]: the offset of line k; the last entry lies past the end (no line begins there).
        self.starts = list(accumulate(map(add, map(len, texts), repeat(1)), initial=0))

    def holding(self, words: tuple[str, ...] | tuple[bytes, ...], text: str | bytes | None = None) -> set[int]:
        """Lines holding one of ``words``: in the joined text, or in ``text``, a view of it
        whose offsets are its own."""
        hits: set[int] = set()
        starts = self.starts
        text = self.text if text is None else text
        for word in words:
            at = text.find(word)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                hits.add(k)
                at = text.find(word, starts[k + 1])
        return hits

    def matching(self, hint: re.Pattern[str]) -> set[int]:
        hits: set[int] = set()
        text, starts = self.text, self.starts
        m = hint.search(text)
        while m is not None:
            k = bisect_right(starts, m.start()) - 1
            hits.add(k)
            m = hint.search(text, starts[k + 1])
        return hits


class Window:
    """A reader's window: its lines, each line's text upper-cased (``uppers``), and the lines
    where a word or a hint stands in the upper-cased text.

    Each line is upper-cased once, for all the questions asked of it, and by itself: ``str.upper``
    is ten times slower on a text with any character beyond ASCII, which would slow the whole
    window for one such line.
    """

    def __init__(self, lines: list[CLine]) -> None:
        self.lines = lines
        self.uppers: list[str] = list(map(str.upper, map(_TEXT, lines)))
        self._joined = _Joined(self.uppers)
        self._matching: dict[re.Pattern[str], set[int]] = {}

    def holding(self, words: tuple[str, ...]) -> set[int]:
        """Indices of the lines whose upper-cased text holds one of ``words``."""
        return self._joined.holding(words)

    def matching(self, hint: re.Pattern[str]) -> set[int]:
        """Indices of the lines whose upper-cased text ``hint`` finds a match in. The hint must
        not match a line break, nor look beyond its match (no anchors, boundaries or look-arounds):
        a match in the joined text is then a match within one line, and each line's is found.
        (Each hint's lines are worked out once for the window: several readers ask the same.)"""
        if hint not in self._matching:
            self._matching[hint] = self._joined.matching(hint)
        return self._matching[hint]
