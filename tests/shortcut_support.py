"""Plain definitions that the shortcut tests compare fast paths with, where more than one test
file needs the same one."""

from __future__ import annotations

import re

from cablegram.normalise.state import CleanText, NormState, _Builder
from cablegram.parse import fields
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


def plain_name_and_precedence(s: str) -> tuple[str, str | None]:
    """``fields._name_and_precedence`` as it was before its fast paths: every pattern applied by
    substitution, in order."""
    prec = None
    if m := fields._TRAILING_PRECEDENCE.search(s):
        prec = fields.precedence_word(m[1])
        s = s[: m.start()]
    elif "," in s and (m := fields._GLUED_WORD.search(s)) and (word := fields._misread_precedence(m[1])):
        # (a rule, not a fast path: a SMART item's precedence run onto the kind of post, misread or not)
        prec = word
        s = s[: m.start()]
    s = s.strip(" ,;.").upper()
    s = fields._ZEN.sub("", s)
    s = fields._AMEMBASSY_MISREAD.sub("AMEMBASSY", s)
    s = fields._POST_COMMA.sub(r"\1 ", s)
    if m := fields._POST_FIRST.fullmatch(s):
        s = f"{m[2]} {m[1]}"
    return s, prec


# The plain definition of a release stamp's candidate lines: one scan of the alternation of every
# branch (``release._stamp_lines`` finds them in several).
STAMP_LINE = re.compile(r"RELEASED?\s+IN\b|Released?\s+[Ii]n\b|DENIED\s+IN\b|APPROVED\s+FOR\b|Approved\s+[Ff]or\b"
                        r"|^[^\S\n]*(?:RELEASED?|Released?)[^\S\n]+IN[^\S\n]*\|?[^\S\n]*$"
                        r"|^[^\S\n]*(?:DECLASSIFIED|SANITIZED)\b|^[^\S\n]*RELEASE[^\S\n]+AS[^\S\n]+SANITIZED\b", re.M)
