"""Turn a query AST into SQL for the PostgreSQL archive: a ``tsquery`` text and a WHERE clause.

The twin of :mod:`cablegram.search.compile`, with the same split: full-text parts at the top level
of the query drive the ranked match (``r.tsv @@ to_tsquery('simple', ?)``); full-text parts nested
under ``OR``/``NOT`` with filters become a bound ``r.tsv @@ to_tsquery(…, ?)`` condition; filters are
the operator table's portable SQL.

The ``tsquery`` text is built from the AST, never from what the user typed: every word, phrase and
prefix becomes one quoted lexeme (``'`` doubled, ``\\`` doubled), so nothing the user types is
``tsquery`` syntax, and it reaches the server as a bound parameter, so nothing is SQL. Inside
``to_tsquery`` the server's own parser splits a quoted value into words and joins them with
``<->`` (followed by), which makes a phrase a phrase and splits ``U.S.-Soviet`` as the indexed text
was split. ``subject:`` restricts a lexeme to weight ``A`` (the subject; the text is weight ``D``).
"""

from __future__ import annotations

from .compile import Compiled, TextSyntax, compile_with
from .query import And, Node, Not, Or, Text

__all__ = ["compile_postgres", "tsquery_text"]

MATCH = "r.tsv @@ to_tsquery('simple', ?)"
_SUBJECT_WEIGHT = "A"


def ts_quote(text: str) -> str:
    """``it's`` -> ``'it''s'``: one quoted lexeme, so no character is ``tsquery`` syntax."""
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def _leaf(node: Text) -> str:
    marks = ("*" if node.mode == "prefix" else "") + (_SUBJECT_WEIGHT if node.column == "subject" else "")
    return ts_quote(node.value) + (f":{marks}" if marks else "")


def tsquery_text(node: Node) -> str | None:
    """The node as one ``tsquery`` text, or None when it holds a filter or a lone NOT (the same cases
    as :func:`cablegram.search.compile.fts_expression`)."""
    if isinstance(node, Text):
        return _leaf(node)
    if isinstance(node, Or):
        parts = [tsquery_text(c) for c in node.children]
        return None if None in parts else "(" + " | ".join(parts) + ")"  # type: ignore[arg-type]
    if isinstance(node, And):
        pos = [tsquery_text(c) for c in node.children if not isinstance(c, Not)]
        neg = [tsquery_text(c.child) for c in node.children if isinstance(c, Not)]
        if not pos or None in pos or None in neg:
            return None
        return "(" + " & ".join([*pos, *(f"!{n}" for n in neg)]) + ")"  # type: ignore[list-item]
    return None


POSTGRES = TextSyntax(tsquery_text, MATCH, "false", " & ")


def compile_postgres(node: Node) -> Compiled:
    """The query for the PostgreSQL archive: a driving ``tsquery`` text and a WHERE clause."""
    return compile_with(node, POSTGRES)
