"""Turn a query AST into SQL for the SQLite archive: an FTS5 expression and a WHERE clause.

Building is separate from running (:class:`cablegram.archive.read.Reader` runs it), so that
``--explain`` can print exactly what will run. User values only ever travel as bound parameters;
words and phrases reach FTS5 inside double quotes (a ``"`` doubled), so no text can be read as FTS5
syntax or SQL. Full-text parts at the top level of the query drive a ranked join on the FTS5 table
(relevance and snippets come from it); full-text parts nested under ``OR``/``NOT`` with filters
become ``record_id IN (SELECT rowid … MATCH ?)`` sub-queries, which is correct for any nesting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .operators import OPERATORS
from .query import And, Filter, Node, Not, Or, Text, english

__all__ = ["FTS5", "Compiled", "TextSyntax", "compile_query", "compile_with", "fts_quote"]


@dataclass(frozen=True)
class Compiled:
    """A query ready to run.

    Attributes:
        match: the FTS5 expression that drives a ranked join, or None when the query has no
            top-level full-text part (it is then ranked by date).
        where: a SQL boolean over ``records r``; ``1 = 1`` when the query is only full text.
        params: the values bound to the ``?`` of ``where``, in order.
        english: the query in plain English.
    """

    match: str | None
    where: str
    params: tuple
    english: str


def fts_quote(text: str) -> str:
    """``nuclear`` -> ``"nuclear"``; a ``"`` inside is doubled, so nothing is FTS5 syntax."""
    return '"' + text.replace('"', '""') + '"'


def _fts_leaf(node: Text) -> str:
    expr = fts_quote(node.value) + (" *" if node.mode == "prefix" else "")
    return f"{node.column} : {expr}" if node.column else expr


def fts_expression(node: Node) -> str | None:
    """The node as one FTS5 expression, or None when it holds a filter or a lone NOT."""
    if isinstance(node, Text):
        return _fts_leaf(node)
    if isinstance(node, Or):
        parts = [fts_expression(c) for c in node.children]
        return None if None in parts else "(" + " OR ".join(parts) + ")"  # type: ignore[arg-type]
    if isinstance(node, And):
        pos = [fts_expression(c) for c in node.children if not isinstance(c, Not)]
        neg = [fts_expression(c.child) for c in node.children if isinstance(c, Not)]
        if not pos or None in pos or None in neg:
            return None
        expr = "(" + " AND ".join(pos) + ")"  # type: ignore[arg-type]
        for n in neg:
            expr = f"({expr} NOT {n})"
        return expr
    return None


@dataclass(frozen=True)
class TextSyntax:
    """How one store writes full text, the only part of a query that differs between stores.

    Attributes:
        expression: a node as one full-text expression, or None when it holds a filter or a lone NOT.
        nested: a condition over ``records r`` true when one bound expression matches: full text
            nested under ``OR``/``NOT`` together with filters.
        false: the store's false literal (``NOT`` over a NULL condition counts as false).
        conjunction: how the top-level full-text expressions are joined into the driving match.
    """

    expression: Callable[[Node], str | None]
    nested: str
    false: str
    conjunction: str


def _sql(node: Node, syntax: TextSyntax) -> tuple[str, tuple]:
    if isinstance(node, Filter):
        return OPERATORS[node.op].sql(node.value, node.prefix)
    expr = syntax.expression(node)
    if expr is not None:
        return syntax.nested, (expr,)
    if isinstance(node, Not):
        inner, params = _sql(node.child, syntax)
        return f"NOT COALESCE(({inner}), {syntax.false})", params
    joiner = " AND " if isinstance(node, And) else " OR "
    parts, params = [], []
    for child in node.children:  # type: ignore[union-attr]
        sql, p = _sql(child, syntax)
        parts.append(f"({sql})")
        params.extend(p)
    return joiner.join(parts), tuple(params)


def compile_with(node: Node, syntax: TextSyntax) -> Compiled:
    """Split the top-level AND into a driving full-text expression and a WHERE clause over the rest."""
    children = node.children if isinstance(node, And) else (node,)
    text, rest = [], []
    for child in children:
        expr = None if isinstance(child, Not) else syntax.expression(child)
        (text if expr is not None else rest).append(expr if expr is not None else child)
    parts, params = [], []
    for child in rest:
        sql, p = _sql(child, syntax)
        parts.append(f"({sql})")
        params.extend(p)
    match = syntax.conjunction.join(text) if text else None
    return Compiled(match, " AND ".join(parts) or "1 = 1", tuple(params), english(node))


FTS5 = TextSyntax(fts_expression, "r.record_id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)",
                  "0", " AND ")


def compile_query(node: Node) -> Compiled:
    """The query for the SQLite archive: an FTS5 match and a WHERE clause."""
    return compile_with(node, FTS5)
