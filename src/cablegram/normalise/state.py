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
from itertools import accumulate, compress, repeat
from operator import add
from typing import NamedTuple
from dataclasses import dataclass, field

from ..model import Removal, Span
from .clean_text import CleanText, _Builder


_INVERT = bytes.maketrans(b"\x00\x01", b"\x01\x00")
# Characters outside ASCII whose upper case is or holds an ASCII letter (all of them, from
# Unicode's case tables), and those ``re.I`` takes for one (İ, K the Kelvin sign): where none
# occurs, ``str.upper`` and ``bytes.upper`` agree on ASCII words.
_UPPER_TO_ASCII = "\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06\u212a"

# The same characters grouped by the first byte of their UTF-8 (seven bytes): where a byte is
# absent from the text's UTF-8 (one ``memchr`` each), so is every character it leads.
_UPPER_TO_ASCII_BY_LEAD = tuple(
    (bytes([lead]), "".join(ch for ch in _UPPER_TO_ASCII if ch.encode()[0] == lead))
    for lead in sorted({ch.encode()[0] for ch in _UPPER_TO_ASCII}))


_new_line = tuple.__new__  # ``_new_line(Line, (start, end, text))``: a Line made at C speed (``Line._make`` runs a frame)


class Line(NamedTuple):
    """One line of the original: ``start``/``end`` exclude the newline.

    A named tuple rather than a dataclass: a megabyte of short lines makes a quarter of a million
    of them, and tuples are built at C speed.
    """

    start: int
    end: int
    text: str


class LineTable:
    """The lines of the original as :class:`Line` tuples, each made when it is asked for.

    Reads like the list of them it stands for (``len``, an index, a slice, iteration), but holds
    only the lines' texts and start offsets: rules look at the lines their scans hit and the
    neighbours of those (21 lines of 163 on a born-digital cable of the dev set, 97 of 240 on an
    OCR'd release), and making a tuple (and an end offset) for every line cost a third of
    :class:`NormState`'s set-up. A line asked for twice is two equal tuples, as nothing relies
    on a line's identity. :class:`NormState`'s own loops read the two lists directly.
    """

    __slots__ = ("_starts", "_texts")

    def __init__(self, starts: list[int], texts: list[str]) -> None:
        self._starts = starts
        self._texts = texts

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, index):
        if index.__class__ is slice:
            return [self[i] for i in range(*index.indices(len(self._texts)))]
        text = self._texts[index]  # IndexError (and negative indices) as a list's
        start = self._starts[index]
        return tuple.__new__(Line, (start, start + len(text), text))

    def __iter__(self):
        # Every line at C speed: tuple.__new__ straight from C (``Line._make`` would run a
        # Python frame a line), the end offsets summed the same way.
        starts, texts = self._starts, self._texts
        return map(tuple.__new__, repeat(Line), zip(starts, map(add, starts, map(len, texts)), texts))


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


def upper_holds(text: str, word: str) -> bool:
    """``word in text.upper()`` for a word of upper-case ASCII letters, without ``str.upper``
    (ten times slower on text with any character outside ASCII) where no character of the text
    upper-cases to an ASCII letter."""
    if any(ch in text for ch in _UPPER_TO_ASCII):
        return word in text.upper()
    return word.encode() in text.encode("utf-8", "surrogatepass").upper()


# The characters ``re.I`` matches to an ASCII letter besides the ASCII letters themselves.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def ascii_case_view(text: str) -> bytes | None:
    """The text as one byte a character, ASCII letters upper-cased and every character outside
    Latin-1 read as ``?``: offsets agree with the text's, and an ASCII word occurs in it exactly
    where a case-blind (``re.I``) pattern for the word matches in the text. None for text
    holding one of the few characters ``re.I`` folds into an ASCII letter (``ſ``, ``ı``, ``İ``, K).

    A literal search of it finds where a case-blind pattern can first match, which the regex
    engine's own scan (trying every character) finds ten times slower.
    """
    if any(ch in text for ch in _FOLDS_TO_ASCII):
        return None
    return text.encode("latin-1", "replace").upper()


def _holds_upper_to_ascii(text: str, utf8: bytes) -> bool:
    """``any(ch in text for ch in _UPPER_TO_ASCII)``, given the text's UTF-8 (any ASCII letters
    upper-cased: bytes past ASCII are as they were). A character occurs in the text exactly where
    its UTF-8 occurs in the bytes, so not at all where its first byte does not: one byte looked
    for (at ``memchr`` speed) for each group of characters, and only the groups whose byte is there
    asked of the text, one search a character (not a character class: ten times faster). On an
    OCR'd release, where nineteen searches of a two-byte-a-character text cost ~7 us, two or three
    groups are asked (the bytes of typographic dashes and quotes, or of accented letters, lead some)."""
    return any(lead in utf8 and any(ch in text for ch in chars) for lead, chars in _UPPER_TO_ASCII_BY_LEAD)


class NormState:
    """The original text, what rules removed or replaced, and what they learnt."""

    def __init__(self, original: str, *, utf8: bytes | None = None) -> None:
        """``utf8``, where the caller has it, must be ``original.encode("utf-8", "surrogatepass")``:
        :attr:`ascii_upper` is then made from it instead of encoding the text again."""
        self.original = original
        self._utf8 = utf8
        raws = original.split("\n")
        # Each line starts one past the end of the one before: sums at C speed (no Python frame a line).
        starts = list(accumulate(map(add, map(len, raws), repeat(1)), initial=0))
        starts.pop()
        self.lines = LineTable(starts, raws)
        self._starts = starts
        self._texts = raws
        # The lines' texts (``lines[i].text``), for rules that read only those: no tuple a line.
        self.texts: list[str] = raws
        self.removed_lines = bytearray(len(raws))
        # Lines rules need not visit: removed ones and blank ones (rules look at blank
        # neighbours through ``lines`` directly). A line is blank when ``strip`` leaves nothing,
        # which is when ``lstrip`` does (it strips the same characters, and the whole of a blank
        # line); ``lstrip`` makes no new string for the lines that open with no blank, most of a
        # cable's, where ``strip`` makes one for every line ending in a blank (~2 us a cable).
        self._skip = bytearray(map(bool, map(str.lstrip, raws))).translate(_INVERT)
        # The same flags, for rules that walk lines by them (``skip.find(0, i)`` is
        # :meth:`next_live` without a call of it): read them, never write them.
        self.skip = self._skip
        self._removed_count = 0
        self._live: list[tuple[int, Line]] | None = None
        self._pairs: list[tuple[int, Line]] | None = None
        self._live_removed = -1
        self._framed: str | None = None
        self._ascii_upper: bytes | None = None
        self._ascii_case_exact: bool | None = None
        self._family_hits: dict[LineStartFamily, list[tuple[int, int]]] = {}
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
        text, start = self._texts[index], self._starts[index]
        self.removed_lines[index] = 1
        self._skip[index] = 1
        self._removed_count += 1
        if stripped := text.strip():
            self.removals.append(Removal(rule, stripped, (start, start + len(text))))

    def remove_lines(self, first: int, stop: int, rule: str) -> None:
        """Remove lines ``first`` to ``stop - 1`` and record them as one removal (a run of text that
        is no part of the record, such as the next record of an archive's export)."""
        for index in range(first, stop):
            if not self.removed_lines[index]:
                self.removed_lines[index] = 1
                self._skip[index] = 1
                self._removed_count += 1
        start = self._starts[first]
        end = self._starts[stop - 1] + len(self._texts[stop - 1])
        if raw := self.original[start:end].strip():
            self.removals.append(Removal(rule, raw, (start, end)))

    def cut(self, start: int, end: int, rule: str, replacement: str = "", record: bool = True) -> None:
        """Remove (or replace) ``original[start:end]`` inside a line."""
        self.cuts.append((start, end, replacement))
        if record:
            self.removals.append(Removal(rule, self.original[start:end].strip(), (start, end)))

    def live(self) -> list[tuple[int, Line]]:
        """The non-blank lines no rule has removed, with their indices (rebuilt only after a removal)."""
        if self._live is None or self._live_removed != self._removed_count:
            kept = self._skip.translate(_INVERT)  # 1 where a line is kept and not blank
            if self._pairs is None:
                self._pairs = list(enumerate(self.lines))
            self._live = list(compress(self._pairs, kept))
            self._live_removed = self._removed_count
        return self._live

    def first_live(self, count: int) -> list[tuple[int, Line]]:
        """``live()[:count]``: the first ``count`` lines live now, found by searches of the skip
        flags (whose 0s are exactly the lines :meth:`live` keeps) instead of building the list
        of every live line (and a tuple for every line) to keep a few."""
        out: list[tuple[int, Line]] = []
        skip, lines = self._skip, self.lines
        i = -1
        while len(out) < count and (i := skip.find(0, i + 1)) >= 0:
            out.append((i, lines[i]))
        return out

    def live_index(self, n: int) -> int | None:
        """The index of the ``n``-th (from 0) line of :meth:`live`, or None when there are not
        that many: a search of the skip flags at C speed, without building the list."""
        i = -1
        for _ in range(n + 1):
            i = self._skip.find(0, i + 1)
            if i < 0:
                return None
        return i

    def matching(self, pattern: "re.Pattern[str]", *, one_line: bool = False) -> list[tuple[int, Line]]:
        """Live lines where ``pattern`` (compiled with ``re.M``) matches, found by one scan of the
        whole text: lines a rule cannot apply to cost nothing.

        ``one_line``: the caller knows no match of ``pattern`` holds a line break, so after a hit
        the scan goes on from the next line, not through every other hit on the same line.
        """
        if one_line:
            return self._lines_hit(pattern, self.original)
        return self._lines_of(pattern.finditer(self.original), "\n", 0)

    def matching_line_starts(self, pattern: "re.Pattern[str]") -> list[tuple[int, Line]]:
        """Live lines matched by ``pattern``, which begins with a literal ``\\n`` standing for ``^``.

        ``^`` under ``re.M`` makes the regex engine try every character of the text; a leading
        literal line break lets it jump from line to line at C speed (four times faster on a
        cable). The scan runs over the text behind one extra line break, so line 0 has one too;
        the pattern must not match a line break after its first character.
        """
        return self._lines_hit(pattern, self.framed)

    def matching_line_starts_of(self, family: "LineStartFamily", k: int) -> list[tuple[int, Line]]:
        """What :meth:`matching_line_starts` finds for ``family.patterns[k]``, from one scan of the
        text shared by the whole family (made the first time one of them is asked for); see
        :meth:`_family_lines`."""
        starts, texts = self._starts, self._texts
        # Each line found is made as ``lines[i]`` makes it, without a call of that (Python) method.
        return [(i, _new_line(Line, (starts[i], starts[i] + len(texts[i]), texts[i]))) for i in self._family_lines(family, k)]

    def texts_starting_of(self, family: "LineStartFamily", k: int) -> list[tuple[int, str]]:
        """(index, text) of each line :meth:`matching_line_starts_of` finds, for rules that read
        only the text: no Line made (~1.2 k instructions each; page-number and stray-glyphs look at
        ~15 lines an OCR'd release)."""
        texts = self._texts
        return [(i, texts[i]) for i in self._family_lines(family, k)]

    def _family_lines(self, family: "LineStartFamily", k: int) -> list[int]:
        """The indices of the live lines where ``family.patterns[k]`` matches at the line's start.

        The scan records, for every line (live or not: rules remove lines between the calls), the
        first branch of the family's alternation that matches at its start. A line is one of
        pattern ``k``'s when that branch is ``k``; when it is an earlier one, pattern ``k`` is tried
        at the line's start (a later branch is tried by an alternation only where the earlier ones
        fail); when it is a later one, or there is none, pattern ``k`` failed there. Which lines are
        live is read at the call, as :meth:`matching_line_starts` reads it.
        """
        hits = self._family_hits.get(family)
        if hits is None:
            if family.scan is not None:
                # Only the lines live now: lines are never brought back, so a line removed before
                # the first call is left out of every later call's answer too.
                hits = family.scan(self._texts, self._skip.translate(_INVERT), self._starts, self.framed)
            else:
                hits = self._branch_hits(family.union)
            self._family_hits[family] = hits
        pattern, framed, starts, skip = family.patterns[k], self.framed, self._starts, self._skip
        # ``framed`` holds line i's leading line break at ``starts[i]`` (one character ahead).
        return [i for i, branch in hits
                if not skip[i] and (branch == k or (branch < k and pattern.match(framed, starts[i])))]

    def _branch_hits(self, union: "re.Pattern[str]") -> list[tuple[int, int]]:
        """(line, branch) for every line of the original, live or not, where the family's
        alternation matches at its leading line break in :attr:`framed`; the branch numbered from 0
        by ``lastindex`` (group 1 is the run of empty lines the union steps over, see
        :class:`LineStartFamily`). A line has one match at most: the scan goes on from the next
        line's line break (each match opens with a run of them, and holds no other)."""
        out: list[tuple[int, int]] = []
        framed, starts = self.framed, self._starts
        last = len(starts) - 1
        pos = 0
        while (m := union.search(framed, pos)) is not None:
            # The line whose leading break ends the run (``framed`` holds line i's at ``starts[i]``).
            i = bisect.bisect_right(starts, m.end(1) - 1) - 1
            out.append((i, m.lastindex - 2))
            if i == last:
                break
            pos = starts[i + 1]
        return out

    @property
    def framed(self) -> str:
        """The original behind one line break: every line, the first too, follows a ``\\n``."""
        if self._framed is None:
            self._framed = "\n" + self.original
        return self._framed

    def matching_ascii_upper(self, pattern: "re.Pattern[bytes]") -> list[tuple[int, Line]]:
        """Live lines where the bytes ``pattern`` matches the text's UTF-8 with ASCII letters upper-cased.

        A case-blind test for an ASCII word (``"case" in line.lower()``) without ``str.upper``,
        which costs ten times more on text with any non-ASCII character; ``bytes.upper`` touches
        ASCII letters only. Every line whose ``lower()`` holds the word is found (the caller then
        applies its own exact test); for ``upper()`` and ``re.I`` only where :attr:`ascii_case_exact`.
        The pattern must not match a line break.
        """
        out: list[tuple[int, Line]] = []
        text, skip, lines = self.ascii_upper, self._skip, self.lines
        i, pos = 0, 0
        while (m := pattern.search(text, pos)) is not None:
            start = m.start()
            i += text.count(b"\n", pos, start)  # offsets of bytes, not characters: count lines
            if not skip[i]:
                out.append((i, lines[i]))
            pos = text.find(b"\n", start)
            if pos < 0:
                break
            pos += 1
            i += 1
        return out

    def matching_ascii_upper_any(self, words: tuple[bytes, ...], *patterns: "re.Pattern[bytes]") -> list[tuple[int, Line]]:
        """Live lines where one of ``words`` or ``patterns`` occurs in :attr:`ascii_upper`: what
        :meth:`matching_ascii_upper` finds for the alternation of them all, by one search each
        (a line is found when an occurrence begins on it, which is where the alternation's scan
        finds one). Neither the words nor the patterns may match a line break. (In wall time the regex
        engine's search for a word of three letters was once measured faster than ``bytes.find``'s;
        counted in instructions, the figure the parser's cost is now kept in, ``bytes.find`` takes
        fewer for words of three letters and more.)
        """
        text = self.ascii_upper
        found: list[int] = []
        for pattern in patterns:
            found += _first_on_each_line(text, lambda at: (m := pattern.search(text, at)) and m.start())
        for word in words:
            found += _first_on_each_line(text, lambda at: text.find(word, at))
        found.sort()
        out: list[tuple[int, Line]] = []
        skip, lines = self._skip, self.lines
        i, pos, last = 0, 0, -1
        for at in found:
            i += text.count(b"\n", pos, at)  # offsets of bytes, not characters: count lines
            pos = at
            if i != last and not skip[i]:
                out.append((i, lines[i]))
            last = i
        return out

    @property
    def ascii_upper(self) -> bytes:
        """The original as UTF-8 with ASCII letters upper-cased (line breaks stay where they were)."""
        if self._ascii_upper is None:
            # The parser's digest has already encoded the text (~5 us on a 10 kB text outside
            # ASCII, which is stored two bytes a character): those bytes are taken when handed over.
            utf8 = self._utf8 if self._utf8 is not None else self.original.encode("utf-8", "surrogatepass")
            self._ascii_upper = utf8.upper()
            self._utf8 = None  # (not kept past its one use)
        return self._ascii_upper

    @property
    def ascii_case_exact(self) -> bool:
        """True when no character outside ASCII upper-cases, or case-folds under ``re.I``, to an
        ASCII letter: then :attr:`ascii_upper` holds an ASCII word exactly where ``str.upper`` would."""
        if self._ascii_case_exact is None:
            self._ascii_case_exact = not _holds_upper_to_ascii(self.original, self.ascii_upper)
        return self._ascii_case_exact

    def upper_holds(self, word: str) -> bool:
        """``word in original.upper()`` for a word of upper-case ASCII letters, cheaply where
        :attr:`ascii_case_exact`."""
        if not self.ascii_case_exact:
            return word in self.original.upper()
        return word.encode() in self.ascii_upper

    def may_hold(self, word: str) -> bool:
        """False when ``word`` (ASCII) is surely not in the original, in any case: a quick test
        before the exact ones of a rule (one search of bytes for several of a string)."""
        return word.upper().encode() in self.ascii_upper

    def _lines_hit(self, pattern: "re.Pattern[str]", text: str) -> list[tuple[int, Line]]:
        """Live lines where ``pattern`` finds a match in ``text`` (the original, or ``framed``: a
        match at offset p of either begins on the line holding original offset p), one search
        a line that has one."""
        out: list[tuple[int, Line]] = []
        skip, lines, starts = self._skip, self.lines, self._starts
        last = len(starts) - 1
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            i = bisect.bisect_right(starts, m.start()) - 1
            if not skip[i]:
                out.append((i, lines[i]))
            if i == last:
                break
            pos = starts[i + 1]  # in ``framed``, the line break before line i + 1
        return out

    def _lines_of(self, matches, newline, i: int) -> list[tuple[int, Line]]:
        out: list[tuple[int, Line]] = []
        skip, lines = self._skip, self.lines
        text = None
        pos, last = 0, -1
        for m in matches:
            # Matches come in order: count the line breaks since the last one (at C speed).
            if text is None:
                text = m.string
            start = m.start()
            i += text.count(newline, pos, start)
            pos = start
            if i != last and not skip[i]:
                out.append((i, lines[i]))
            last = i
        return out

    def line_index(self, offset: int) -> int:
        """The index of the line holding ``offset`` of the original."""
        return bisect.bisect_right(self._starts, offset) - 1

    def live_lines_at(self, offsets: list[int]) -> list[tuple[int, Line]]:
        """The live lines that hold the original offsets ``offsets`` (in order), each once, as
        :meth:`matching` gives them: a line's line break is its own."""
        out: list[tuple[int, Line]] = []
        starts, texts, skip = self._starts, self._texts, self._skip
        last = -1
        for pos in offsets:
            i = bisect.bisect_right(starts, pos) - 1
            if i != last and not skip[i]:
                out.append((i, _new_line(Line, (starts[i], starts[i] + len(texts[i]), texts[i]))))
            last = i
        return out

    def is_live(self, index: int) -> bool:
        """Whether line ``index`` exists, is not blank and no rule has removed it."""
        return index < len(self._texts) and not self._skip[index]

    def next_live(self, index: int) -> int:
        """The index of the first live line (not blank, not removed) at or after ``index``, or
        ``len(lines)``: a search of the skip flags at C speed."""
        j = self._skip.find(0, index)
        return len(self._texts) if j < 0 else j

    def previous_live(self, index: int) -> int:
        """The index of the last live line before ``index``, or -1."""
        return self._skip.rfind(0, 0, index)

    def following(self, index: int, count: int) -> list[tuple[int, str]]:
        """Up to ``count`` live non-blank lines after line ``index``: (index, text) of each."""
        out: list[tuple[int, str]] = []
        skip, texts = self._skip, self._texts
        j = index
        # (Each next live line found by a search of the skip flags at C speed, and given by its
        # text, which is all the rules read of it: a step a line and a Line tuple each cost a
        # megabyte of stamps between blank lines a fifth of its time.)
        while len(out) < count and (j := skip.find(0, j + 1)) >= 0:
            out.append((j, texts[j]))
        return out

    # -- assembling the clean text ---------------------------------------------------------
    def build(self) -> "CleanText":
        """Assemble the clean text from kept lines and cuts, with its offset map.

        A cut may run past the end of its line (a hyphen and the line break after it); the text
        it covers on the next line is then skipped too, and no line break is emitted between.
        Runs of kept lines that no such cut touches are copied in one piece, cuts inside single
        lines (pilcrows, entities) applied on the way: most of a document.
        """
        cuts = sorted(self.cuts)
        starts, texts, original = self._starts, self._texts, self.original
        careful, removed_lines = self._careful_lines(cuts), self.removed_lines
        k, n_cuts = 0, len(cuts)
        skip_to = 0  # original offset up to which a cut has consumed the text
        out = _Builder()
        i, n = 0, len(texts)
        while i < n:
            if not careful[i]:
                j = careful.find(1, i)
                j = n if j < 0 else j
                # A run no cut falls in (nearly every run: an OCR'd release has ~13 runs and ~2
                # cuts) is copied here, with its line break, as ``_copy_run`` copies it: the cuts
                # that begin before it are passed over as ``_apply_cuts`` passes over them, and
                # none begins in it. (Three calls fewer a run.)
                first, end_of_run = starts[i], starts[j - 1] + len(texts[j - 1])
                while k < n_cuts and cuts[k][0] < first:
                    k += 1
                # (The run's line texts go with it: the clean text's line list takes them as they
                # are, instead of splitting the clean text into new strings again.)
                if k < n_cuts and cuts[k][0] <= end_of_run:
                    k = self._copy_run(out, i, j - 1, cuts, k)
                elif end_of_run < len(original):
                    out.copy_lines(first, original[first:end_of_run + 1], texts[i:j], True)
                else:  # (``_copy_tail``'s copy and line break)
                    out.copy_lines(first, original[first:end_of_run], texts[i:j], False)
                    out.insert("\n", end_of_run)
                i = j
                continue
            if removed_lines[i]:
                # Past the whole run of removed lines at once: the loop would pass over each alone,
                # changing nothing (OCR'd releases remove seventeen lines a document, in runs).
                i = removed_lines.find(0, i)
                i = n if i < 0 else i
                continue
            line_start = starts[i]
            line_end = line_start + len(texts[i])
            i += 1
            pos, k = self._apply_cuts(out, max(line_start, skip_to), line_start, line_end, cuts, k)
            if pos > line_end:
                skip_to = pos  # the cut joined this line to the next
                continue
            self._copy_tail(out, pos, line_end)
        return out.finish(original)

    def _careful_lines(self, cuts: list[tuple[int, int, str]]) -> bytearray:
        """1 for each line that cannot be copied as part of a run: removed, or touched by a cut
        that runs past the end of a line (from the line it begins in to the line it ends in).

        A cut that begins and ends on one line (up to its line break, not past it) is applied by
        :meth:`_copy_run` exactly as the line-by-line loop would: the run's lines are kept,
        no cut before them reaches into them, and copies that follow on are one piece of the map.
        """
        careful = bytearray(self.removed_lines)
        starts, original = self._starts, self.original
        for start, end, _ in cuts:
            # A cut ends on a later line than it begins exactly when it holds a line break (each
            # line starts one past one): one search, not two bisections, passes over the one-line
            # cuts that are nearly all of them. (Not for a negative start, which ``find`` would
            # count from the end.)
            if start >= 0 and original.find("\n", start, end) < 0:
                continue
            first = bisect.bisect_right(starts, start) - 1
            last = bisect.bisect_right(starts, end) - 1
            if last != first:
                careful[first:last + 1] = b"\x01" * (last - first + 1)
        return careful

    def _copy_run(self, out: "_Builder", first: int, last: int, cuts: list[tuple[int, int, str]], k: int) -> int:
        """Copy the kept lines ``first..last`` with their line breaks, applying the one-line cuts
        that fall in them (``cuts`` sorted, from ``k``); return the index of the first cut after them.

        What the line-by-line loop does, without stopping at each line: cuts that begin before the
        run (in removed lines, or overlapped) are passed over, an overlapping cut loses to the
        earlier one, and no cut here ends past its line, so the next line always begins afresh.
        """
        pos, end_of_run = self._starts[first], self._starts[last] + len(self._texts[last])
        pos, k = self._apply_cuts(out, pos, pos, end_of_run, cuts, k)
        self._copy_tail(out, pos, end_of_run)
        return k

    def _apply_cuts(self, out: "_Builder", pos: int, begin: int, end_at: int,
                    cuts: list[tuple[int, int, str]], k: int) -> tuple[int, int]:
        """Copy from ``pos`` through the cuts (sorted, from ``k``) that begin in ``begin..end_at``,
        each replaced by its replacement; return where the copy stands and the next cut's index.

        Cuts that begin before ``begin`` (inside removed lines, or overlapped by an earlier cut) are
        passed over, and of two overlapping cuts the earlier one wins.
        """
        while k < len(cuts) and cuts[k][0] < begin:
            k += 1
        original = self.original
        while k < len(cuts) and cuts[k][0] <= end_at:
            start, end, repl = cuts[k]
            k += 1
            if start < pos:
                continue
            out.copy(pos, original[pos:start])
            if repl:
                out.insert(repl, start)
            pos = end
        return pos, k

    def _copy_tail(self, out: "_Builder", pos: int, end: int) -> None:
        """Copy ``original[pos:end]`` and the line break after it (one is added after the last line)."""
        if end < len(self.original):
            out.copy(pos, self.original[pos:end + 1])
        else:
            out.copy(pos, self.original[pos:end])
            out.insert("\n", end)


class LineStartFamily:
    """Line-start patterns (see :meth:`NormState.matching_line_starts`) that several rules scan
    for, looked for in one scan of the text: their alternation, each branch closed by an empty
    group so that ``lastindex`` names the first that matched.

    Each pattern is a literal ``\\n`` and a body without groups of its own; they share their flags.
    The alternation matches at a line break exactly where one of them does (it tries each body
    there in turn), and one scan costs less than one for each: the regex engine stops at each
    line break once, not once per pattern.

    No body may match at the start of an empty line (each needs a character before the line
    ends): the union then steps over runs of line breaks, which are four lines in ten of an OCR'd
    release, instead of trying every body at each. It opens at a line break that does not follow
    one (``\\n(?<!\\n\\n)``: the first of a run, or of the text) and takes the rest of the run
    possessively (group 1), so the bodies are tried once, at the last line break of the run: the
    leading break of the first line after the empty ones, which is the one line of the run a body
    can match at. At the run's other line breaks the scan fails at once on the look-behind.
    (~20 % off the scan on OCR'd releases.)
    """

    __slots__ = ("patterns", "union", "scan")

    def __init__(self, *patterns: "re.Pattern[str]", scan=None) -> None:
        flags = {p.flags for p in patterns}
        if len(flags) != 1 or any(not p.pattern.startswith("\\n") or p.groups for p in patterns):
            raise ValueError("line-start patterns must open with \\n, hold no group and share their flags")
        self.patterns = patterns
        # ``scan(texts, live, starts, framed)``, where given: what :meth:`NormState._branch_hits`
        # finds for the union on the lines ``live`` flags (the non-blank lines no rule has removed),
        # found another way (a loop over those lines); checked against it in the tests.
        self.scan = scan
        self.union = re.compile("\\n(?<!\\n\\n)(\\n*+)(?:" + "|".join("(?:" + p.pattern[2:] + ")()" for p in patterns) + ")", flags.pop())


def _first_on_each_line(text: bytes, find) -> list[int]:
    """Offsets of the first occurrence on each line that has one, ``find(at)`` giving the offset of
    the next occurrence from ``at`` (-1 or None for none): after one the search goes on from the
    next line, so a line holding thousands costs one search."""
    out: list[int] = []
    at = find(0)
    while at is not None and at >= 0:
        out.append(at)
        at = text.find(b"\n", at)
        if at < 0:
            break
        at = find(at + 1)
    return out
