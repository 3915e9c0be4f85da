"""Text repair: character-level fixes and lines joined back where a word or sentence was broken."""

from __future__ import annotations

import re

from ..state import NormState


# -- character-level fixes -------------------------------------------------------------------------
_ENTITY = re.compile(r"&#x([0-9A-Fa-f]{1,6});|&#(\d{1,7});|&(amp|lt|gt|quot|apos|nbsp);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": " "}


def html_entities(state: NormState) -> None:
    """HTML entities left in Cablegate dumps (``&#x000A;``, ``&amp;``)."""
    if "&" not in state.original:
        return
    for m in _ENTITY.finditer(state.original):  # an entity never spans a line break: one scan does
        if m[1] or m[2]:
            try:
                ch = chr(int(m[1], 16) if m[1] else int(m[2]))
            except (ValueError, OverflowError):
                continue
        else:
            ch = _NAMED[m[3]]
        state.cut(m.start(), m.end(), "html-entity", ch, record=False)


# A pilcrow with only blanks before it on its line (``\s`` and ``str.strip`` agree on what is blank).
_LEADING_PILCROW = re.compile(r"\n[^\S\n]*¶")
# Past this many pilcrows, the text is made of them (see _leading_pilcrows).
_PILCROWS_LOOKED_AT = 256


def pilcrows(state: NormState) -> None:
    """``¶1.`` paragraph marks of Cablegate HTML: the pilcrow goes, the number stays."""
    for at in _leading_pilcrows(state.original):
        state.cut(at, at + 1, "pilcrow", record=False)


def _leading_pilcrows(text: str) -> list[int]:
    """Offsets of the pilcrows ``_LEADING_PILCROW`` finds in the text behind a line break: those
    with only blanks (``isspace``, what ``[^\\S\\n]`` takes) between them and their line's start.
    Each pilcrow is found at C speed and its line looked at alone, three times faster than the
    regex engine trying the pattern at every line break. Only a line's first pilcrow can have
    only blanks before it (any later one has the first before it), so the others are passed over
    and no character of the text is looked at twice.
    """
    out = []
    first, previous = True, 0
    at = text.find("¶")
    for _ in range(_PILCROWS_LOOKED_AT):
        if at < 0:
            return out
        newline = text.rfind("\n", previous, at)  # (the text since the last pilcrow: each character once)
        if first or newline >= 0:  # the first pilcrow on its line
            start = newline + 1
            if start == at or text[start:at].isspace():
                out.append(at)
        first, previous = False, at
        at = text.find("¶", at + 1)
    if at < 0:
        return out
    # Text made of them: the pattern, which takes no Python step a pilcrow, finds the same ones.
    # (Counting the pilcrows first would cost a pass over the text that most texts, with none or
    # a few dozen, spare.)
    return [m.end() - 2 for m in _LEADING_PILCROW.finditer("\n" + text)]


_STRIKE = re.compile(r"~~(.+?)~~")
_TILDES = re.compile("~~")


def strike_marks(state: NormState) -> None:
    """``~~struck text~~`` from OCR tools: the text stays, its span goes into ``struck``."""
    if "~" not in state.original or "~~" not in state.original:
        return  # (as in page.worksheet_boxes)
    for i, ln in state.matching(_TILDES, one_line=True):
        for m in _STRIKE.finditer(ln.text):
            s = ln.start + m.start(1)
            state.struck.append((s, ln.start + m.end(1)))
            state.cut(ln.start + m.start(), ln.start + m.start() + 2, "strike-mark", record=False)
            state.cut(ln.start + m.end() - 2, ln.start + m.end(), "strike-mark", record=False)


_HYPHEN_END = re.compile(r"([A-Za-z]{2,})-\s*$")
_WORD_START = re.compile(r"^\s*([A-Za-z]{2,})")
# Lines that end with a hyphen, trailing blanks aside (as ``rstrip().endswith("-")`` says). (The
# blanks taken possessively, ``*+``: after a hyphen in running text the run fails at once instead
# of being given back a blank at a time; a shorter run is followed by a blank, where ``$`` cannot
# match, so the hyphens found are the same. A sixth faster on a cable, with a hundred and more.)
_HYPHEN_EOL = re.compile(r"-[^\S\n]*+$", re.M)
# Of those, the lines where ``_HYPHEN_END`` can match: the hyphen that only blanks follow has two
# ASCII letters before it (the look-behind, tried only at a hyphen the scan stops at). The other
# lines ending with a hyphen (a dash, ``--``, or ``1990-`` in running text: four in five on a
# born-digital cable) are passed over by the scan instead of each costing a line tuple and a
# search of its text that fails. (On a line, ``\s`` and ``[^\S\n]`` take the same characters, and
# ``_HYPHEN_END``'s letters end at the hyphen that only blanks follow, which is this one.)
_WORD_HYPHEN_EOL = re.compile(r"-(?<=[A-Za-z]{2}-)[^\S\n]*+$", re.MULTILINE)


class _DocumentWords:
    """The words of three or more ASCII letters of the upper-cased document, asked one at a time.

    A set of every word costs a string and a hash a word (milliseconds on a long release); a
    document asks about a few joined words, each found by a literal search of the upper-cased
    bytes, where those agree with ``str.upper`` (see ``NormState.ascii_case_exact``).
    """

    def __init__(self, state: NormState) -> None:
        self.state = state
        self.known: dict[str, bool] = {}
        self.every: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if word not in self.known:
            self.known[word] = self._occurs(word)
        return self.known[word]

    def _occurs(self, word: str) -> bool:
        if not self.state.ascii_case_exact:
            if self.every is None:
                self.every = set(re.findall(r"[A-Za-z]{3,}", self.state.original.upper()))
            return word in self.every
        text, w = self.state.ascii_upper, word.encode()
        at = text.find(w)
        while at >= 0:
            end = at + len(w)
            # A whole word: no letter on either side (the bytes hold no lower-case letters).
            if (at == 0 or not 65 <= text[at - 1] <= 90) and (end == len(text) or not 65 <= text[end] <= 90):
                return True
            at = text.find(w, at + 1)
        return False


def dehyphenate(state: NormState) -> None:
    """A word broken at a line end (``SIGNIFI-`` / ``CANT``) is joined; the hyphen stays if the
    joined form never occurs elsewhere in the document (``DECISION-`` / ``MAKING``)."""
    words = _DocumentWords(state)
    for i, ln in state.matching(_WORD_HYPHEN_EOL, one_line=True):  # (the lines _HYPHEN_END can match)
        j = i + 1  # only a live line right below continues the word
        if not state.is_live(j):
            continue
        nxt = state.lines[j]
        a, b = _HYPHEN_END.search(ln.text), _WORD_START.match(nxt.text)
        if not a or not b:
            continue
        hyphen = ln.start + a.end(1)
        joined = (a[1] + b[1]).upper()
        keep_hyphen = joined not in words
        start = hyphen + (1 if keep_hyphen else 0)
        # Remove the (hyphen,) line break and the next line's indentation.
        state.cut(start, nxt.start + b.start(1), "dehyphenate", record=False)


def rejoin_split_sentences(state: NormState) -> None:
    """Where furniture was removed mid-sentence, drop the blank lines it leaves behind."""
    # (The texts read from their list, not through ``state.lines``: no Line tuple made for each.)
    texts, removed, skip = state.texts, state.removed_lines, state.skip
    i = 0
    while (i := removed.find(1, i)) >= 0:  # the next removed line, found at C speed
        # The live lines around the removed one (a line is live unless removed or blank), found as
        # ``next_live`` and ``previous_live`` find them, without a call of each (~13 runs of
        # removed lines an OCR'd release). Where none follows, no line is joined to one.
        j = skip.find(0, i)
        if j < 0:
            break
        k = skip.rfind(0, 0, i)
        if k >= 0:
            before, after = texts[k].rstrip(), texts[j].lstrip()
            if before and after and before[-1].isalpha() and after[:1].islower():
                for b in range(k + 1, j):
                    if not texts[b].strip():
                        removed[b] = 1
        i = j
