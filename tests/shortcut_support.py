"""Plain definitions that the shortcut tests compare fast paths with, where more than one test
file needs the same one."""

from __future__ import annotations

from cablegram.normalise.state import CleanText, NormState, _Builder
from cablegram.parse.draft import CLine


def build_line_by_line(state: NormState) -> CleanText:
    """The clean text assembled one line at a time (how ``build`` did it before it copied runs)."""
    cuts = sorted(state.cuts)
    k, skip_to, out = 0, 0, _Builder()
    for i, line in enumerate(state.lines):
        if state.removed_lines[i]:
            continue
        pos = max(line.start, skip_to)
        while k < len(cuts) and cuts[k][0] < line.start:
            k += 1
        while k < len(cuts) and cuts[k][0] <= line.end:
            start, end, repl = cuts[k]
            k += 1
            if start < pos:
                continue
            out.copy(pos, state.original[pos:start])
            if repl:
                out.insert(repl, start)
            pos = end
        if pos > line.end:
            skip_to = pos
            continue
        if line.end < len(state.original):
            out.copy(pos, state.original[pos:line.end + 1])
        else:
            out.copy(pos, state.original[pos:line.end])
            out.insert("\n", line.end)
    return out.finish(state.original)


def clines(texts: list[str]) -> list[CLine]:
    """Clean lines as the readers get them, for line texts joined by line breaks."""
    out, at = [], 0
    for k, text in enumerate(texts):
        out.append(CLine(k, at, at + len(text), text))
        at += len(text) + 1
    return out
