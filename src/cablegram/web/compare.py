"""Two releases of one cable side by side, for the page and the API: :func:`cablegram.archive.diff.
diff_releases` aligns the paragraphs and says which release withholds what; here each aligned pair is
also split into runs of words, marking the words one release shows and the other lacks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..archive.diff import diff_releases

_WORD = re.compile(r"\S+")

STATE_WORDS = {"same": "same text", "differs": "worded differently", "withheld-a": "withheld on the left",
               "withheld-b": "withheld on the right", "part-withheld-a": "partly withheld on the left",
               "part-withheld-b": "partly withheld on the right", "withheld-both": "withheld in both",
               "only-a": "only on the left", "only-b": "only on the right"}


@dataclass(frozen=True)
class Piece:
    """A run of words; ``only`` when the other release does not show them."""

    text: str
    only: bool


@dataclass(frozen=True)
class ParagraphPair:
    """One paragraph in both releases; a side is None when that release lacks the paragraph.
    ``state`` is diff_releases' verdict (``same``, ``withheld-a``, ``part-withheld-b``…)."""

    label: str
    state: str
    left: tuple[Piece, ...] | None
    right: tuple[Piece, ...] | None
    marks_left: tuple[str, ...] = ()
    marks_right: tuple[str, ...] = ()

    @property
    def differs(self) -> bool:
        return self.state != "same" or any(p.only for side in (self.left or (), self.right or ()) for p in side)

    @property
    def verdict(self) -> str:
        return STATE_WORDS.get(self.state, self.state)


@dataclass(frozen=True)
class FieldRow:
    label: str
    left: str
    right: str

    @property
    def differs(self) -> bool:
        return self.left != self.right


@dataclass(frozen=True)
class Comparison:
    fields: tuple[FieldRow, ...]
    paragraphs: tuple[ParagraphPair, ...]
    withheld: dict[str, int]


def _norm(word: str) -> str:
    return re.sub(r"[^\w]", "", word).upper()


def word_diff(left: str, right: str) -> tuple[tuple[Piece, ...], tuple[Piece, ...]]:
    """Both texts as runs of words, marking the words each shows that the other does not (case and
    punctuation ignored)."""
    lw, rw = _WORD.findall(left), _WORD.findall(right)
    matcher = SequenceMatcher(None, [_norm(w) for w in lw], [_norm(w) for w in rw], autojunk=False)
    lp, rp = [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if a2 > a1:
            lp.append(Piece(" ".join(lw[a1:a2]), op != "equal"))
        if b2 > b1:
            rp.append(Piece(" ".join(rw[b1:b2]), op != "equal"))
    return tuple(lp), tuple(rp)


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def _label(field: str) -> str:
    name = field.removeprefix("release.")
    return {"status": "release status", "e_o_categories": "E.O. categories", "id": "id"}.get(name, name.replace("_", " "))


def compare(left: dict[str, Any], right: dict[str, Any]) -> Comparison:
    """Two cablegram/1 records of one cable compared."""
    diff = diff_releases(left, right)
    pairs = []
    for i, p in enumerate(diff.paragraphs, 1):
        label = str(p.number) if p.number is not None else f"¶{i}"
        if p.a is not None and p.b is not None:
            lp, rp = word_diff(p.a, p.b)
        else:
            lp = None if p.a is None else (Piece(p.a, True),)
            rp = None if p.b is None else (Piece(p.b, True),)
        pairs.append(ParagraphPair(label, p.state, lp, rp, p.marks_a, p.marks_b))
    fields = tuple(FieldRow(_label(f.field), _value(f.a), _value(f.b)) for f in diff.fields)
    return Comparison(fields, tuple(pairs), diff.withheld)
