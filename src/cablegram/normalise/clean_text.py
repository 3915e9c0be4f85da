"""The clean text a normalisation builds, and its map from every clean offset back to the original
(:class:`CleanText`), with the builder that assembles both from the kept ranges (``_Builder``,
used by :meth:`~cablegram.normalise.state.NormState.build`)."""

from __future__ import annotations

import bisect
import re

from ..model import Span

# A character ``str.isspace`` says no to: ``\s`` in a str pattern is ``Py_UNICODE_ISSPACE``, the
# test ``str.isspace`` makes of each character (checked over every code point in the tests).
_NON_BLANK = re.compile(r"\S")


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.clean_starts: list[int] = []
        self.orig_starts: list[int] = []
        self.synthetic: list[bool] = []
        self.length = 0
        # The original offset just past the map's last piece when that piece is copied text
        # (``orig_starts[-1] + length - clean_starts[-1]``), None when there is none or it is
        # inserted text: a copy from there continues the piece.
        self._follows: int | None = None
        # (index in ``parts``, the piece's lines, whether a line break ends it) of each piece
        # :meth:`copy_lines` copied.
        self._whole: list[tuple[int, list[str], bool]] = []

    def copy(self, orig_start: int, text: str) -> None:
        """Copy original text; a copy that continues the previous one extends it (one piece for
        a run of untouched lines, so the offset map stays small)."""
        if not text:
            return
        if orig_start == self._follows:
            self.parts.append(text)  # contiguous: the map's last piece already covers it
            self.length += len(text)
            self._follows += len(text)
            return
        self._add(text, orig_start, False)
        self._follows = orig_start + len(text)

    def copy_lines(self, orig_start: int, text: str, lines: list[str], ended: bool) -> None:
        """:meth:`copy` of ``text``, which is ``lines`` joined by line breaks (with one after the
        last where ``ended``) and opens a line of the original: :meth:`finish` takes ``lines`` for
        the clean text's lines where ``text`` also opens one of the clean text."""
        if text:  # (an empty text adds no piece: the lines of the text around it are split as text)
            self._whole.append((len(self.parts), lines, ended))
        self.copy(orig_start, text)

    def insert(self, text: str, orig_pos: int) -> None:
        self._add(text, orig_pos, True)
        self._follows = None

    def _add(self, text: str, orig: int, synthetic: bool) -> None:
        self.parts.append(text)
        self.clean_starts.append(self.length)
        self.orig_starts.append(orig)
        self.synthetic.append(synthetic)
        self.length += len(text)

    def finish(self, original: str) -> "CleanText":
        return CleanText("".join(self.parts), self.clean_starts, self.orig_starts, self.synthetic, original,
                         self._line_texts())

    def _line_texts(self) -> list[str]:
        """``"".join(self.parts).split("\n")``, without splitting the pieces :meth:`copy_lines`
        copied where each opens a line of the clean text: their lines are the original's line texts
        (the same strings), where a split of the joined text would make a new string a line (~400
        instructions each on text beyond Latin-1: a third of the clean line table's split).

        The text between those pieces, and any such piece that does not open a clean line (one
        follows a cut that joined a line to the next), is split as text; ``tail`` is the text of
        the clean line not yet ended. Splitting a concatenation at its line breaks is splitting
        each part and joining each part's first line to the line the part before left open."""
        parts, lines, tail, at = self.parts, [], "", 0
        for k, whole, ended in self._whole:
            if at < k:
                done = (tail + "".join(parts[at:k])).split("\n")
                tail = done.pop()
                lines += done
            if tail:  # (rare: the piece continues a line)
                done = (tail + parts[k]).split("\n")
                tail = done.pop()
                lines += done
            else:
                lines += whole
                if not ended:
                    tail = lines.pop()
            at = k + 1
        lines += (tail + "".join(parts[at:])).split("\n")
        return lines


_bisect_right = bisect.bisect_right  # (one global lookup in CleanText.span, ~24 calls a parse, not two)


class CleanText:
    """Normalised text plus a map from clean offsets to original offsets."""

    def __init__(self, text, clean_starts, orig_starts, synthetic, original, lines=None) -> None:
        self.text: str = text
        # The text's lines, ``text.split("\n")`` (made by the builder with the text: mostly the
        # original's own line strings).
        self.lines: list[str] = text.split("\n") if lines is None else lines
        self._clean = clean_starts
        self._orig = orig_starts
        self._synthetic = synthetic
        self.original: str = original

    def to_original(self, pos: int) -> int:
        """Original offset of the clean character at ``pos`` (a synthetic character maps to where it stands)."""
        if not self._clean:
            return 0
        k = max(0, bisect.bisect_right(self._clean, pos) - 1)
        if self._synthetic[k]:
            return self._orig[k]
        return self._orig[k] + (pos - self._clean[k])

    def span(self, start: int, end: int) -> Span:
        """Original span of the clean range ``[start, end)``, trimmed of surrounding whitespace."""
        text = self.text
        if not 0 <= start < end <= len(text):
            return self._span_plain(start, end)
        # What :meth:`_span_plain` does for a range inside the text, without a Python step a
        # blank: leading blanks (rare) skipped by one search for a non-blank (``\S`` is
        # ``not str.isspace()``, character for character), trailing ones (a line break or two)
        # stepped over, and the two offsets mapped with one bisection each.
        if text[start].isspace():
            m = _NON_BLANK.search(text, start, end)
            if m is None:
                p = self.to_original(end)  # all blank: where the plain loop's ``start`` stops
                return (p, p)
            start = m.start()
        while text[end - 1].isspace():
            end -= 1  # stops at ``start + 1`` at the latest: ``text[start]`` is not blank
        last = end - 1
        # :meth:`to_original` of both ends. The text is not empty, so neither is the map, and its
        # first piece starts at 0: no clamping. The last character's piece is at or after the first's.
        clean, orig, synthetic = self._clean, self._orig, self._synthetic
        k = _bisect_right(clean, start) - 1
        # Both ends lie in one piece for ~19 spans in 20 (a field, a paragraph between two
        # removals): where no piece follows k's or the next starts after ``last``, the second
        # bisection (the first index from k whose start exceeds ``last``, less one) is k itself,
        # as ``clean[k] <= start <= last``; an index and a comparison instead of a call.
        if k + 1 < len(clean) and clean[k + 1] <= last:
            j = _bisect_right(clean, last, k + 1) - 1
        else:
            j = k
        return (orig[k] if synthetic[k] else orig[k] + (start - clean[k]),
                (orig[j] if synthetic[j] else orig[j] + (last - clean[j])) + 1)

    def _span_plain(self, start: int, end: int) -> Span:
        """:meth:`span` by its definition, one character at a time (the fast path's reference)."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end <= start:
            p = self.to_original(start) if self.text else 0
            return (p, p)
        return (self.to_original(start), self.to_original(end - 1) + 1)
