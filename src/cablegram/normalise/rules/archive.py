"""An archive's export format around the cable: the Cablegate database's rows.

A cable taken from the Cablegate database dump is a row: the date and time, the cable's id, the
originating post, the classification and the references, each followed by a tab, then the cable's
text with every line break escaped by a backslash (``… WASHINGTON DC PRIORITY\\``). The next row is
the next cable. The row's fields are the archive's, not the cable's, and the cable's own header
states each of them; the text is read as the telegram it escapes.
"""

from __future__ import annotations

import re

from ..state import NormState

# A row's fields up to the cable's text: an optional row number, the date and time, the cable's id
# (two-digit year, post, serial), then the post, the classification and the references (which may
# be empty), each after a tab; the text follows the last tab on the line.
_ROW = re.compile(r"^(?:\d+\t)?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\t\d\d[A-Z]+\d+\t[^\n]*?\t(?=[^\t\n]*$)", re.M)
# A line break escaped by the dump (a backslash at the line's end, a blank before it or not).
_ESCAPED_BREAK = re.compile(r" ?\\$", re.M)


def archive_rows(state: NormState) -> None:
    """The first row's fields are removed and recorded, the dump's escapes and the tab that joins a
    header's last line to the text are undone, and the rows after the first (other cables) are
    removed as one piece, recorded, so nothing is lost and only the first cable is read."""
    text = state.original
    if "\t" not in text:
        return  # (a row holds tabs; nearly no cable does: one search of the text)
    rows = list(_ROW.finditer(text))
    if not rows:
        return
    first = rows[0]
    state.cut(first.start(), first.end(), "archive-row")
    end = rows[1].start() if len(rows) > 1 else len(text)
    for m in _ESCAPED_BREAK.finditer(text, first.end(), end):
        state.cut(m.start(), m.end(), "archive-row", record=False)
    for at in _tabs(text, first.end(), end):
        state.cut(at, at + 1, "archive-row", "\n", record=False)
    if len(rows) > 1:
        line = text.count("\n", 0, rows[1].start())
        state.remove_lines(line, len(state.lines), "archive-next-record")
        state.notes.append(f"the input holds {len(rows)} rows of an archive's export; the first cable is read, "
                           f"the rest is listed in 'removed'")


def _tabs(text: str, start: int, end: int):
    at = text.find("\t", start, end)
    while at >= 0:
        yield at
        at = text.find("\t", at + 1, end)
