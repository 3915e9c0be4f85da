"""Turn a query AST into SQL for the SQLite archive: an FTS5 expression and a WHERE clause.

Building is separate from running (:class:`cablegram.archive.read.Reader` runs it), so that
``--explain`` can print exactly what will run. User values only ever travel as bound parameters;
words and phrases reach FTS5 inside double quotes (a ``"`` doubled), so no text can be read as FTS5
syntax or SQL. Full-text parts at the top level of the query drive a ranked join on the FTS5 table
(relevance and snippets come from it); full-text parts nested under ``OR``/``NOT`` with filters
become ``record_id IN (SELECT rowid … MATCH ?)`` sub-queries, which is correct for any nesting.
"""

from __future__ import annotations

from dataclasses import dataclass

from .operators import OPERATORS
from .query import And, Filter, Node, Not, Or, Text, english

__all__ = ["Compiled", "compile_query", "fts_quote"]


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


def _sql(node: Node) -> tuple[str, tuple]:
    if isinstance(node, Filter):
        return OPERATORS[node.op].sql(node.value, node.prefix)
    expr = fts_expression(node)
    if expr is not None:
        return "r.record_id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)", (expr,)
    if isinstance(node, Not):
        inner, params = _sql(node.child)
        return f"NOT COALESCE(({inner}), 0)", params
    joiner = " AND " if isinstance(node, And) else " OR "
    parts, params = [], []
    for child in node.children:  # type: ignore[union-attr]
        sql, p = _sql(child)
        parts.append(f"({sql})")
        params.extend(p)
    return joiner.join(parts), tuple(params)


def compile_query(node: Node) -> Compiled:
    """Split the top-level AND into a driving FTS5 expression and a WHERE clause over the rest."""
    children = node.children if isinstance(node, And) else (node,)
    text, rest = [], []
    for child in children:
        expr = None if isinstance(child, Not) else fts_expression(child)
        (text if expr is not None else rest).append(expr if expr is not None else child)
    match = " AND ".join(text) if text else None
    parts, params = [], []
    for child in rest:
        sql, p = _sql(child)
        parts.append(f"({sql})")
        params.extend(p)
    return Compiled(match, " AND ".join(parts) or "1 = 1", tuple(params), english(node))
