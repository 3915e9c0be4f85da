"""Turn a query AST into a tantivy query, built from the library's query objects.

The twin of :mod:`cablegram.search.compile` (SQL for FTS5) for the derived tantivy index
(:mod:`cablegram.archive.index`). No user text is ever pasted into a tantivy query string: words are
run through the index's own analyzer and become term, phrase and phrase-prefix queries; filter values
become term, range and term-set queries. The field names below are the index schema's.

Graph filters (``ref:``, ``cites:``, ``id:``) depend on other records (the ids a cable is known by
change when cables merge), so the index does not copy them: the caller resolves them against the
record store into record ids (``resolve``) and they become a term-set query on ``record_id``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import tantivy

from .compile import fts_expression
from .operators import OPERATORS
from .query import And, Filter, Node, Not, Or, Text

__all__ = ["COLUMN_FIELDS", "DAY_FIELD", "RECORD_ID", "SUBJECT_BOOST", "TEXT_FIELDS", "YEAR_FIELD", "compile_tantivy",
           "day_number", "ranks_by_text", "term_field"]

RECORD_ID = "record_id"
TEXT_FIELDS = ("subject", "text")
SUBJECT_BOOST = 5.0  # as the FTS5 ranking weighs the subject (bm25 weights 5.0, 1.0)
YEAR_FIELD = "year"
DAY_FIELD = "day"  # the date as the number YYYYMMDD (missing parts 00), for ranges
COLUMN_FIELDS = ("classification", "precedence", "kind", "era", "released", "eo")

Resolve = Callable[[Filter], Sequence[int]]
Analyze = Callable[[str], list[str]]
_Q = tantivy.Query


def term_field(term: str) -> str:
    """The index field holding a ``record_terms`` field: ``from.word`` -> ``from_word``."""
    return term.replace(".", "_")


def day_number(date: str | None) -> int | None:
    """``1996-04-11`` -> 19960411; ``1996-04`` -> 19960400 (sorts where the string sorts); None when
    the date is missing or not ISO."""
    if not date:
        return None
    parts = date.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        return None
    y, m, d = (int(p) for p in parts + ["0"] * (3 - len(parts)))
    return y * 10000 + m * 100 + d


def ranks_by_text(node: Node) -> bool:
    """Whether the query is ranked by relevance: as in the SQL path, when a top-level part of it is
    full text only (otherwise results come in date order)."""
    children = node.children if isinstance(node, And) else (node,)
    return any(not isinstance(c, Not) and fts_expression(c) is not None for c in children)


def _all_but(query: tantivy.Query) -> tantivy.Query:
    return _Q.boolean_query([(tantivy.Occur.Must, _Q.all_query()), (tantivy.Occur.MustNot, query)])


def _any(queries: list[tantivy.Query]) -> tantivy.Query:
    return queries[0] if len(queries) == 1 else _Q.boolean_query([(tantivy.Occur.Should, q) for q in queries])


class _Compiler:
    def __init__(self, schema: tantivy.Schema, analyze: Analyze, resolve: Resolve):
        self.schema = schema
        self.analyze = analyze
        self.resolve = resolve

    def node(self, node: Node) -> tantivy.Query:
        if isinstance(node, Text):
            return self.text(node)
        if isinstance(node, Filter):
            return self.filter(node)
        if isinstance(node, Not):
            return _all_but(self.node(node.child))
        if isinstance(node, Or):
            return _Q.boolean_query([(tantivy.Occur.Should, self.node(c)) for c in node.children])
        positive = [self.node(c) for c in node.children if not isinstance(c, Not)]
        negative = [self.node(c.child) for c in node.children if isinstance(c, Not)]
        clauses = [(tantivy.Occur.Must, q) for q in positive or [_Q.all_query()]]
        return _Q.boolean_query(clauses + [(tantivy.Occur.MustNot, q) for q in negative])

    # -- full text -------------------------------------------------------------------------------------
    def text(self, node: Text) -> tantivy.Query:
        tokens = self.analyze(node.value)
        if not tokens:  # nothing the tokenizer keeps ("_"): FTS5 finds nothing either
            return _Q.empty_query()
        fields = (node.column,) if node.column else TEXT_FIELDS
        parts = []
        for field in fields:
            q = self._text_in(field, tokens, node.mode == "prefix")
            parts.append(_Q.boost_query(q, SUBJECT_BOOST) if field == "subject" and len(fields) > 1 else q)
        return _any(parts)

    def _text_in(self, field: str, tokens: list[str], prefix: bool) -> tantivy.Query:
        if prefix:  # a single word is a plain prefix; more ("six-par*") a phrase ending in one
            return _Q.phrase_prefix_query(self.schema, field, tokens)
        if len(tokens) == 1:
            return _Q.term_query(self.schema, field, tokens[0])
        return _Q.phrase_query(self.schema, field, tokens)

    # -- filters ---------------------------------------------------------------------------------------
    def filter(self, node: Filter) -> tantivy.Query:
        op = OPERATORS[node.op]
        if op.kind == "term":
            return _any([self._value(term_field(f), node.value, node.prefix) for f in op.target.split(",")])
        if op.kind == "column":
            if op.name == "released" and node.value == "none":  # released:none is "no release layer"
                return _all_but(_Q.exists_query("released"))
            return self._value(op.target, node.value, node.prefix)
        if op.kind == "range":
            return self._range(op.target, node.value)  # type: ignore[arg-type]
        if op.kind == "graph":
            ids = sorted(set(self.resolve(node)))
            return _Q.term_set_query(self.schema, RECORD_ID, ids) if ids else _Q.empty_query()
        raise ValueError(f"{op.name}: is not a filter the index can render ({op.kind})")  # pragma: no cover

    def _value(self, field: str, value: object, prefix: bool) -> tantivy.Query:
        if prefix:
            return _Q.phrase_prefix_query(self.schema, field, [str(value)])
        return _Q.term_query(self.schema, field, str(value))

    def _range(self, target: str, value: tuple) -> tantivy.Query:
        lo, hi = value
        if target == "year":
            return _Q.range_query(self.schema, YEAR_FIELD, tantivy.FieldType.Integer, lo, hi, True, True)
        # date: start inclusive, end exclusive, both full ISO days from the operator
        return _Q.range_query(self.schema, DAY_FIELD, tantivy.FieldType.Unsigned, day_number(lo) if lo else None,
                              day_number(hi) if hi else None, True, hi is None)  # an open end must be "inclusive"


def compile_tantivy(node: Node, schema: tantivy.Schema, analyze: Analyze, resolve: Resolve) -> tantivy.Query:
    """The query AST as a tantivy query over the index schema. ``analyze`` splits a word as the index's
    text fields do; ``resolve`` turns a graph filter into the ids of the records it selects."""
    return _Compiler(schema, analyze, resolve).node(node)
