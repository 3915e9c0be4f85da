"""The mutable draft a parse fills in, before it is frozen into a :class:`~cablegram.model.Telegram`.

Grammars write values into the draft with the clean-text range they came from; the draft turns
clean ranges into original spans (through the normaliser's offset map) as it records them, so no
later step can confuse the two coordinate systems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..defects import defect
from ..model import Defect, Span
from ..normalise import CleanText


class CLine(NamedTuple):
    """A line of the clean text: ``start``/``end`` are clean offsets (end excludes the newline)."""

    index: int
    start: int
    end: int
    text: str


class _Row(tuple):
    """A row of :func:`clean_lines`' table: a :class:`CLine` but for its class (the same four
    fields, read by CLine's own descriptors; equal to, and hashed as, the CLine of the same values).

    Made by calling the class with one tuple, which goes straight to tuple's constructor: a
    class with a ``__new__`` of its own, as every named tuple has, can be made at C speed only
    through ``tuple.__new__(cls, ...)``, whose checks and copy of its arguments cost ~300
    instructions a line more (a fifth of the table's cost on an OCR'd release).
    """

    __slots__ = ()
    index, start, end, text = CLine.index, CLine.start, CLine.end, CLine.text


def clean_lines(clean: CleanText) -> list[CLine]:
    """The clean text's lines, each a :class:`CLine` (a ``_Row``, which reads as one)."""
    lines = []
    start = 0
    row = _Row
    for index, text in enumerate(clean.lines):  # (``clean.text.split("\n")``, made with the text)
        end = start + len(text)
        lines.append(row((index, start, end, text)))
        start = end + 1
    return lines


@dataclass
class Draft:
    """Field values found so far, their original spans, defects and explicit inferences."""

    clean: CleanText
    values: dict[str, Any] = field(default_factory=dict)
    spans: dict[str, Span] = field(default_factory=dict)
    defects: list[Defect] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # ``get`` is the values dict's own ``get``, bound once: a parse asks the draft ~100 times
        # (every settle step and most readers), and a method that only forwards to ``dict.get``
        # costs a Python frame each time. The instance attribute shadows the method below, which
        # stays as its documentation; ``values`` is never rebound, so the two cannot diverge.
        self.get = self.values.get

    def set(self, name: str, value: Any, start: int | None = None, end: int | None = None, *, replace: bool = False) -> bool:
        """Record ``name`` unless already set (first statement wins, unless ``replace``)."""
        if value is None or value == "" or value == ():
            return False
        if name in self.values and not replace:
            return False
        self.values[name] = value
        if start is not None and end is not None and end > start:
            self.spans[name] = self.clean.span(start, end)
        return True

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def add(self, name: str, item: Any) -> None:
        """Append to a list-valued field."""
        self.values.setdefault(name, []).append(item)

    def span_of(self, start: int, end: int) -> Span:
        return self.clean.span(start, end)

    def defect(self, code: str, message: str, start: int | None = None, end: int | None = None) -> None:
        span = self.clean.span(start, end) if start is not None and end is not None else None
        self.defects.append(defect(code, message, span))
