"""The Reader's index path: search, count, facets, snippets and export answered by the tantivy index,
with the hit rows then read from the store by id.

The viewer's scope goes inside the index query (:meth:`Viewer.index_scope`), so hits, the total,
facet counts and snippets all see only what the viewer may see; the rows read back from the store
carry the SQL scope as well. Results agree with the SQL path (tests/test_archive_index.py checks it);
ranking differs in detail (tantivy's BM25 over subject and text, the subject weighted as in FTS5).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import tantivy

from ..search import And, Filter, Node, Or, Text, parse_query
from ..search.tantivy_compile import (
    DAY_FIELD,
    RECORD_ID,
    TEXT_FIELDS,
    YEAR_FIELD,
    compile_tantivy,
    ranks_by_text,
    term_field,
)
from .index import (
    CLASS_RANK_FIELD,
    DATE_KEY_FIELD,
    META_FIELD,
    META_VALUE,
    MONTH_FIELD,
    SearchIndex,
)
from .read import _HIT_COLUMNS, FACETS, Facet, Hit, IndexScope, Reader, SearchResult, Trend, _fields
from .rows import record_json

__all__ = ["browse_with_index", "describe_with_index", "export_with_index", "overview_with_index", "search_with_index"]

_SNIPPET_CHARS = 160
_EXPORT_PAGE = 1_000
_PREFIX_WORDS = 64  # words a prefix may mark in snippets
_FACET_DEPTH = 200  # buckets asked of each facet before sorting as SQL does (count, then value)
_YEARS = 1_000  # year buckets under each browsed value: more than any archive spans
_Q = tantivy.Query


def _scoped(index: SearchIndex, query: tantivy.Query, scope: IndexScope) -> tantivy.Query:
    """The query limited to what the viewer may see (and never the watermark document)."""
    clauses = [(tantivy.Occur.Must, query),
               (tantivy.Occur.MustNot, _Q.term_query(index.schema, META_FIELD, META_VALUE))]
    if scope.max_class_rank is not None:
        clauses.append((tantivy.Occur.Must, _Q.range_query(index.schema, CLASS_RANK_FIELD, tantivy.FieldType.Unsigned,
                                                           0, scope.max_class_rank)))
    return _Q.boolean_query(clauses)


def _resolver(reader: Reader):
    """Graph filters, resolved against the store: the ids of the records they select."""
    def resolve(node: Filter) -> list[int]:
        compiled = reader.store.compile(node)
        return [r["record_id"] for r in reader.store.rows(
            f"SELECT r.record_id FROM records r WHERE {compiled.where}", compiled.params)]
    return resolve


def _query(reader: Reader, node: Node) -> tantivy.Query:
    index: SearchIndex = reader.index
    return _scoped(index, compile_tantivy(node, index.schema, index.analyze, _resolver(reader)),
                   reader.viewer.index_scope())


def _rows(reader: Reader, record_ids: Sequence[int], extra: str) -> list[dict[str, Any]]:
    """The rows of those records, in the order given, with the SQL scope applied again."""
    if not record_ids:
        return []
    scope, sp = reader.viewer.scope()
    marks = ", ".join("?" * len(record_ids))
    found = {row["record_id"]: row for row in reader.store.rows(
        f"SELECT {_HIT_COLUMNS}, {extra} FROM records r WHERE r.record_id IN ({marks}) AND ({scope})",
        (*record_ids, *sp))}
    return [found[i] for i in record_ids if i in found]


# -- snippets -----------------------------------------------------------------------------------------
def _marked(snippet: tantivy.Snippet) -> str:
    """The fragment with its highlights in [ ] (tantivy gives byte offsets into the UTF-8 fragment)."""
    data = snippet.fragment().encode()
    out, at = [], 0
    for r in snippet.highlighted():
        out += [data[at:r.start].decode(errors="ignore"), "[", data[r.start:r.end].decode(errors="ignore"), "]"]
        at = r.end
    out.append(data[at:].decode(errors="ignore"))
    # marked words with only spaces or punctuation between them in one [ ], as FTS5 marks a phrase
    return re.sub(r"\]([^\w\[\]]{1,3})\[", r"\1", " ".join("".join(out).split()))


def _prefixes(node: Node) -> Iterator[Text]:
    """The prefix words of a query, outside NOT (what a snippet should mark)."""
    if isinstance(node, Text):
        if node.mode == "prefix":
            yield node
    elif isinstance(node, (And, Or)):
        for child in node.children:
            yield from _prefixes(child)


def _highlighting(searcher: tantivy.Searcher, index: SearchIndex, node: Node, query: tantivy.Query) -> tantivy.Query:
    """The query the snippets mark: the search itself, plus the words its prefixes stand for (tantivy
    matches a prefix as a range of terms, which a snippet cannot mark)."""
    extra = []
    for text in _prefixes(node):
        tokens = index.analyze(text.value)
        for field in ((text.column,) if text.column else TEXT_FIELDS):
            words = [t for t, _ in searcher.terms_with_prefix(field, tokens[-1], limit=_PREFIX_WORDS)] if tokens else []
            extra += [_Q.term_query(index.schema, field, w) for w in tokens[:-1] + words]
    return _Q.boolean_query([(tantivy.Occur.Should, q) for q in (query, *extra)]) if extra else query


class _Snippets:
    """Snippets of hit texts read from the store (the index does not store the text)."""

    def __init__(self, searcher: tantivy.Searcher, query: tantivy.Query, schema: tantivy.Schema):
        self.searcher, self.query, self.schema = searcher, query, schema
        self.generators: dict[str, tantivy.SnippetGenerator] = {}

    def _in(self, field: str, value: str) -> tuple[int, str]:
        """The best fragment of ``value`` and how many distinct words it marks."""
        if field not in self.generators:
            self.generators[field] = tantivy.SnippetGenerator.create(self.searcher, self.query, self.schema, field)
            self.generators[field].set_max_num_chars(_SNIPPET_CHARS)
        doc = tantivy.Document()
        doc.add_text(field, value)
        snippet = self.generators[field].snippet_from_doc(doc)
        data = snippet.fragment().encode()
        words = {data[r.start:r.end].lower() for r in snippet.highlighted()}
        return len(words), (_marked(snippet) if words else "")

    def of(self, subject: str, text: str) -> str:
        """The fragment of the text or of the subject that marks more of the query's words (the text on
        a tie), else the text's opening (as the SQL path shows for a query without words). A phrase
        found in the subject marks both its words there, where the text may hold only one of them."""
        in_text, in_subject = self._in("text", text), self._in("subject", subject)
        best = in_subject if in_subject[0] > in_text[0] else in_text
        return best[1] or " ".join(text[:_SNIPPET_CHARS].split())


# -- facets -------------------------------------------------------------------------------------------
def _facet_field(name: str) -> tuple[str, bool]:
    """The index field of a facet and whether it holds one value per record."""
    kind, target = FACETS[name]
    if kind == "term":
        return term_field(target), False
    return (MONTH_FIELD if kind == "expr" else target), True


def _facets(searcher: tantivy.Searcher, query: tantivy.Query, names: Sequence[str], limit: int,
            total: int) -> tuple[Facet, ...]:
    """Every facet in one aggregation pass; counts ordered as the SQL path orders them (count, then
    value, NULL first), with the records lacking a single-valued field counted under None."""
    if not names:
        return ()
    fields = {name: _facet_field(name) for name in names}
    depth = max(limit, _FACET_DEPTH)
    result = searcher.aggregate(query, {name: {"terms": {"field": field, "size": depth, "segment_size": depth * 4}}
                                        for name, (field, _) in fields.items()})
    out = []
    for name, (field, single) in fields.items():
        agg = result.get(name, {})
        counts = [(b["key"], b["doc_count"]) for b in agg.get("buckets", [])]
        if field == YEAR_FIELD:
            counts = [(int(k), n) for k, n in counts]
        if single:
            missing = total - sum(n for _, n in counts) - agg.get("sum_other_doc_count", 0)
            if missing > 0:
                counts.append((None, missing))
        counts.sort(key=lambda kv: (-kv[1], kv[0] is not None, kv[0] if kv[0] is not None else 0))
        out.append(Facet(name, tuple(counts[:limit])))
    return tuple(out)


# -- the Reader's entry points ------------------------------------------------------------------------
def search_with_index(reader: Reader, query: str, *, sort: str, limit: int, offset: int, facets: Sequence[str],
                      facet_limit: int) -> SearchResult:
    """:meth:`Reader.search` answered by the index."""
    plan = reader.plan(query, sort, limit, offset)  # validates, and says the query in English; not run
    node = parse_query(query)
    scoped = _query(reader, node)
    searcher = reader.index.searcher()
    by_relevance = sort == "relevance" and ranks_by_text(node)
    wanted = max(limit, 1)  # tantivy wants a limit above 0; --limit 0 asks only for the count and facets
    if by_relevance:
        found = searcher.search(scoped, wanted, count=True, offset=offset)
    else:
        found = searcher.search(scoped, wanted, count=True, order_by_field=DATE_KEY_FIELD, offset=offset,
                                order=tantivy.Order.Asc)
    addresses = [address for _, address in found.hits][:limit]
    ids = [int(i) for i in searcher.fast_field_values(RECORD_ID, addresses)] if addresses else []
    scores = {i: (float(s) if by_relevance else None) for i, (s, _) in zip(ids, found.hits)}
    marked = _highlighting(searcher, reader.index, node, scoped) if ranks_by_text(node) else None
    snippets = _Snippets(searcher, marked, reader.index.schema) if marked is not None else None
    hits = []
    for row in _rows(reader, ids, "r.text"):
        text = row.pop("text")
        snippet = snippets.of(row["subject"] or "", text) if snippets else " ".join(text[:_SNIPPET_CHARS].split())
        fields = _fields(row)
        hits.append(Hit(fields["key"], fields["record_id"], fields["cable_id"], fields, snippet, scores[row["record_id"]]))
    counted = _facets(searcher, scoped, facets, facet_limit, found.count)
    return SearchResult(plan, tuple(hits), found.count, counted)


def describe_with_index(reader: Reader, query: str) -> str:
    """The tantivy query a search runs (viewer scope included), its fields by name (``--explain``)."""
    from .index import field_names  # here, not above: a process that loaded index.py before it had
    # field_names (a long benchmark run while the code changes) can still import this module to search

    described = repr(_query(reader, parse_query(query)))
    names = field_names()
    return re.sub(r"\b(field=|Field\()(\d+)", lambda m: m.group(1) + names[int(m.group(2))], described)


def _ids_by_date(searcher: tantivy.Searcher, index: SearchIndex, query: tantivy.Query) -> Iterator[list[int]]:
    """Matching record ids in date order, a page at a time (keyset on the unique date key: bounded
    memory however many match)."""
    after = None
    while True:
        page_query = query if after is None else _Q.boolean_query([
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, _Q.range_query(index.schema, DATE_KEY_FIELD, tantivy.FieldType.Unsigned, after, None,
                                                False, True))])
        found = searcher.search(page_query, _EXPORT_PAGE, count=False, order_by_field=DATE_KEY_FIELD,
                                order=tantivy.Order.Asc)
        if not found.hits:
            return
        keys = [int(k) for k, _ in found.hits]
        yield [k & 0xFFFF_FFFF for k in keys]
        after = keys[-1]


def export_with_index(reader: Reader, query: str) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """:meth:`Reader.export` answered by the index: every match in date order, streamed."""
    scoped = _query(reader, parse_query(query))
    searcher = reader.index.searcher()
    for ids in _ids_by_date(searcher, reader.index, scoped):
        for row in _rows(reader, ids, "r.json, r.text"):
            record = record_json(row.pop("json"), row.pop("text"))
            yield _fields(row), record


# -- browsing (the web's start and browse pages) ------------------------------------------------------
def _date_of(day: float | None) -> str | None:
    """19960411 -> ``1996-04-11``; 19960400 -> ``1996-04`` (the ``day`` field back to the date string)."""
    if day is None:
        return None
    y, md = divmod(int(day), 10_000)
    m, d = divmod(md, 100)
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")


def overview_with_index(reader: Reader) -> dict[str, Any]:
    """:meth:`Reader.overview` with the records and their first and last dates counted by the index.
    The cables are counted in the store (the index does not carry the cable a record belongs to, and
    a distinct count over the store's ``records_cable`` index is cheap)."""
    searcher = reader.index.searcher()
    everything = _scoped(reader.index, _Q.all_query(), reader.viewer.index_scope())
    found = searcher.aggregate(everything, {"first": {"min": {"field": DAY_FIELD}},
                                            "last": {"max": {"field": DAY_FIELD}}})
    scope, sp = reader.viewer.scope()
    cables = next(reader.store.rows(f"SELECT COUNT(DISTINCT r.cable_id) AS n FROM records r WHERE ({scope})", sp))["n"]
    return {"records": searcher.search(everything, 1, count=True).count, "cables": cables,
            "first": _date_of(found.get("first", {}).get("value")),
            "last": _date_of(found.get("last", {}).get("value"))}


def _browse_field(kind: str, target: str) -> str:
    if kind == "term":
        return term_field(target)
    return MONTH_FIELD if kind == "expr" else target


def browse_with_index(reader: Reader, kind: str, target: str, limit: int) -> tuple[Trend, ...] | None:
    """:meth:`Reader.browse` answered by one aggregation (values, each with its years); None when the
    index cannot count that field (an index built before it was a fast field: ``cablegram reindex``)."""
    field = _browse_field(kind, target)
    depth = max(limit, _FACET_DEPTH)
    everything = _scoped(reader.index, _Q.all_query(), reader.viewer.index_scope())
    try:
        found = reader.index.searcher().aggregate(everything, {"top": {
            "terms": {"field": field, "size": depth, "segment_size": depth * 4},
            "aggs": {"years": {"terms": {"field": YEAR_FIELD, "size": _YEARS}}}}})
    except ValueError:
        return None
    as_value = int if field == YEAR_FIELD else (lambda key: key)
    trends = [Trend(as_value(b["key"]), b["doc_count"],
                    tuple(sorted((int(y["key"]), y["doc_count"]) for y in b.get("years", {}).get("buckets", []))))
              for b in found.get("top", {}).get("buckets", [])]
    trends.sort(key=lambda t: (-t.total, t.value))  # as SQL orders them: count, then value
    return tuple(trends[:limit])
