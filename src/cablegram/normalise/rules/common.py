"""What several rule families share: reading a date, lifting a record number, removing a match."""

from __future__ import annotations

import re
from datetime import date

from ..state import NormState


def iso_date(y: int, m: int, d: int) -> str | None:
    """The ISO form of a date, or None where the numbers make no date."""
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


RECORD_NUMBER = re.compile(r"\b(1\d{2}-\d{5}-\d{5})\b")


def lift_record_number(state: NormState, text: str) -> None:
    m = RECORD_NUMBER.search(text)
    if m and not state.release.doc_number:
        state.release.doc_number = m[1]


def remove_match_or_line(state: NormState, i: int, m: re.Match, rule: str) -> None:
    ln = state.lines[i]
    rest = (ln.text[: m.start()] + ln.text[m.end():]).strip(" \t|_-—.()")
    if len(rest) <= 12:  # debris such as a leading doc id or underscores
        state.remove_line(i, rule)
    else:
        start, end = m.start(), m.end()
        if start > 0 and ln.text[start - 1] == " " and end < len(ln.text) and ln.text[end] == " ":
            end += 1  # keep one space between the words the stamp stood between
        state.cut(ln.start + start, ln.start + end, rule)

