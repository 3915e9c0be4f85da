"""The state that normalisation rules work on, and the offset map back to the original text.

Rules never rewrite the original. They mark character ranges as removed (page furniture, release
stamps) or replaced (an HTML entity by its character), record each removal, and lift release facts
into :class:`ReleaseFacts`. :meth:`NormState.build` then assembles the clean text from the kept
ranges, with a map from every clean offset back to the original, so that every span the parser
reports points into the input a person can open.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress
from operator import add
from typing import NamedTuple
from dataclasses import dataclass, field

from ..model import Removal, Span


_INVERT = bytes.maketrans(b"\x00\x01", b"\x01\x00")


class Line(NamedTuple):
    """One line of the original: ``start``/``end`` exclude the newline.

    A named tuple rather than a dataclass: a megabyte of short lines makes a quarter of a million
    of them, and tuples are built at C speed.
    """

    start: int
    end: int
    text: str


@dataclass(slots=True)
class ReleaseFacts:
    """Facts of the release layer, collected by the rules that remove it."""

    status: str | None = None
    exemptions: list[str] = field(default_factory=list)
    e_o_categories: list[str] = field(default_factory=list)
    reviewer: str | None = None
    case_number: str | None = None
    doc_number: str | None = None
    release_date: str | None = None
    review_authority: str | None = None
    stamps: list[str] = field(default_factory=list)
    banners: list[tuple[str, Span]] = field(default_factory=list)  # (level, span) of page banners
    struck_banners: list[str] = field(default_factory=list)

    def add_exemption(self, code: str) -> None:
        if code not in self.exemptions:
            self.exemptions.append(code)

    def add_category(self, code: str) -> None:
        if code not in self.e_o_categories:
            self.e_o_categories.append(code)

    @property
    def present(self) -> bool:
        return bool(self.status or self.exemptions or self.case_number or self.doc_number or self.stamps)


class NormState:
    """The original text, what rules removed or replaced, and what they learnt."""

    def __init__(self, original: str) -> None:
        self.original = original
        raws = original.split("\n")
        lengths = list(map(len, raws))
        starts = [0, *accumulate(n + 1 for n in lengths)][:-1]
        ends = list(map(add, starts, lengths))
        self.lines: list[Line] = list(map(Line._make, zip(starts, ends, raws)))
        self._starts = starts
        self.removed_lines = bytearray(len(self.lines))
        # Lines rules need not visit: removed ones and blank ones (rules look at blank
        # neighbours through ``lines`` directly).
        self._skip = bytearray(map(bool, map(str.strip, raws))).translate(_INVERT)
        self._removed_count = 0
        self._live: list[tuple[int, Line]] | None = None
        self._pairs = list(enumerate(self.lines))
        self._live_removed = -1
        self.cuts: list[tuple[int, int, str]] = []  # (start, end, replacement) within lines
        self.removals: list[Removal] = []
        self.release = ReleaseFacts()
        self.struck: list[Span] = []
        self.notes: list[str] = []

    # -- what rules call -------------------------------------------------------------------
    def remove_line(self, index: int, rule: str) -> None:
        """Remove a whole line (with its newline) and record it."""
        if self.removed_lines[index]:
            return
        line = self.lines[index]
        self.removed_lines[index] = 1
        self._skip[index] = 1
        self._removed_count += 1
        if line.text.strip():
            self.removals.append(Removal(rule, line.text.strip(), (line.start, line.end)))

    def cut(self, start: int, end: int, rule: str, replacement: str = "", record: bool = True) -> None:
        """Remove (or replace) ``original[start:end]`` inside a line."""
        self.cuts.append((start, end, replacement))
        if record:
            self.removals.append(Removal(rule, self.original[start:end].strip(), (start, end)))

    def live(self) -> list[tuple[int, Line]]:
        """The non-blank lines no rule has removed, with their indices (rebuilt only after a removal)."""
        if self._live is None or self._live_removed != self._removed_count:
            kept = self._skip.translate(_INVERT)  # 1 where a line is kept and not blank
            self._live = list(compress(self._pairs, kept))
            self._live_removed = self._removed_count
        return self._live

    def matching(self, pattern: "re.Pattern[str]") -> list[tuple[int, Line]]:
        """Live lines where ``pattern`` (compiled with ``re.M``) matches, found by one scan of the
        whole text: lines a rule cannot apply to cost nothing."""
        out: list[tuple[int, Line]] = []
        text, skip, lines = self.original, self._skip, self.lines
        i, pos, last = 0, 0, -1
        for m in pattern.finditer(text):
            # Matches come in order: count the line breaks since the last one (at C speed).
            start = m.start()
            i += text.count("\n", pos, start)
            pos = start
            if i != last and not skip[i]:
                out.append((i, lines[i]))
            last = i
        return out

    def following(self, index: int, count: int) -> list[tuple[int, Line]]:
        """Up to ``count`` live non-blank lines after line ``index``."""
        out: list[tuple[int, Line]] = []
        j = index + 1
        while j < len(self.lines) and len(out) < count:
            if not self._skip[j]:
                out.append((j, self.lines[j]))
            j += 1
        return out

    # -- assembling the clean text ---------------------------------------------------------
    def build(self) -> "CleanText":
        """Assemble the clean text from kept lines and cuts, with its offset map.

        A cut may run past the end of its line (a hyphen and the line break after it); the text
        it covers on the next line is then skipped too, and no line break is emitted between.
        """
        cuts = sorted(self.cuts)
        k = 0
        skip_to = 0  # original offset up to which a cut has consumed the text
        out = _Builder()
        for i, line in enumerate(self.lines):
            if self.removed_lines[i]:
                continue
            pos = max(line.start, skip_to)
            while k < len(cuts) and cuts[k][0] < line.start:
                k += 1  # cuts inside removed lines, or overlapped by an earlier cut
            while k < len(cuts) and cuts[k][0] <= line.end:
                start, end, repl = cuts[k]
                k += 1
                if start < pos:
                    continue  # overlapping cut: the earlier one wins
                out.copy(pos, self.original[pos:start])
                if repl:
                    out.insert(repl, start)
                pos = end
            if pos > line.end:
                skip_to = pos  # the cut joined this line to the next
                continue
            if line.end < len(self.original):
                out.copy(pos, self.original[pos:line.end + 1])  # the line with its own line break
            else:
                out.copy(pos, self.original[pos:line.end])
                out.insert("\n", line.end)
        return out.finish(self.original)


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.clean_starts: list[int] = []
        self.orig_starts: list[int] = []
        self.synthetic: list[bool] = []
        self.length = 0

    def copy(self, orig_start: int, text: str) -> None:
        """Copy original text; a copy that continues the previous one extends it (one piece for
        a run of untouched lines, so the offset map stays small)."""
        if not text:
            return
        if self.parts and not self.synthetic[-1] and self.orig_starts[-1] + (self.length - self.clean_starts[-1]) == orig_start:
            self.parts.append(text)  # contiguous: the map's last piece already covers it
            self.length += len(text)
            return
        self._add(text, orig_start, False)

    def insert(self, text: str, orig_pos: int) -> None:
        self._add(text, orig_pos, True)

    def _add(self, text: str, orig: int, synthetic: bool) -> None:
        self.parts.append(text)
        self.clean_starts.append(self.length)
        self.orig_starts.append(orig)
        self.synthetic.append(synthetic)
        self.length += len(text)

    def finish(self, original: str) -> "CleanText":
        return CleanText("".join(self.parts), self.clean_starts, self.orig_starts, self.synthetic, original)


class CleanText:
    """Normalised text plus a map from clean offsets to original offsets."""

    def __init__(self, text, clean_starts, orig_starts, synthetic, original) -> None:
        self.text: str = text
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
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end <= start:
            p = self.to_original(start) if self.text else 0
            return (p, p)
        return (self.to_original(start), self.to_original(end - 1) + 1)
