"""The one read path of the archive: every search, count, facet, snippet, export and ``show`` is built
here, and every statement built here carries the viewer's scope.

Access rules (a reader sees a cable only within their clearance and distribution captions) will be
added in :meth:`Viewer.scope` and nowhere else. Today it already limits by clearance, so that the
tests can show that hits, counts, facets, exports, ``show`` and the reference graph all obey it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..search import Compiled, QueryError, parse_query
from .rows import CLASS_RANK, record_json
from .store import Store, StoreTimeout

if TYPE_CHECKING:
    from .index import SearchIndex

__all__ = ["FACETS", "UNRESTRICTED", "CableView", "Facet", "Hit", "Plan", "Reader", "SearchResult", "Viewer"]


@dataclass(frozen=True)
class Viewer:
    """Who is reading.

    Attributes:
        clearance: the highest original classification this reader may see (``SECRET``); None means
            unrestricted. Records of unknown classification are visible only to unrestricted readers.
    """

    clearance: str | None = None

    def __post_init__(self) -> None:
        if self.clearance is not None and self.clearance not in CLASS_RANK:
            raise ValueError(f"unknown clearance {self.clearance!r}; one of {', '.join(CLASS_RANK)}")

    def scope(self) -> tuple[str, tuple]:
        """A SQL condition over ``records r`` that is true for the records this viewer may see, and its
        parameters. Portable SQL with ``?`` placeholders, so the same scope serves every store."""
        if self.clearance is None:
            return "1 = 1", ()
        return "r.class_rank <= ?", (CLASS_RANK[self.clearance],)

    def index_scope(self) -> IndexScope:
        """The same scope in the form the search index applies inside its queries (kept beside
        :meth:`scope` so that an access rule is added to both in one place)."""
        return IndexScope(CLASS_RANK[self.clearance] if self.clearance is not None else None)


@dataclass(frozen=True)
class IndexScope:
    """What a viewer may see, as the search index filters it (``cablegram.archive.index_read``).

    Attributes:
        max_class_rank: the highest ``class_rank`` visible; None when unrestricted.
    """

    max_class_rank: int | None


UNRESTRICTED = Viewer()

# facet name -> (kind, term field or column)
FACETS: dict[str, tuple[str, str]] = {
    "tag": ("term", "tag"), "from": ("term", "from"), "to": ("term", "to"), "caption": ("term", "caption"),
    "class": ("column", "classification"), "year": ("column", "year"), "kind": ("column", "kind"),
    "released": ("column", "released"), "exemption": ("term", "exemption"), "era": ("column", "era"),
    "defect": ("term", "defect"), "month": ("expr", "substr(r.date, 1, 7)"),
}
FACET_ALIASES = {"origin": "from", "addressee": "to", "classification": "class", "tags": "tag", "captions": "caption",
                 "release": "released"}
SORTS = ("relevance", "date")
_HIT_COLUMNS = ("r.record_id, r.cable_id, r.canonical_id, r.date, r.kind, r.classification, r.precedence, r.origin, "
                "r.addressees, r.captions, r.tags, r.subject, r.released, r.exemptions, r.locator, r.label, "
                "(SELECT path FROM sources s WHERE s.source_id = r.source_id) AS source, "
                "(SELECT canonical_id FROM cables c WHERE c.cable_id = r.cable_id) AS cable_canonical_id")


@dataclass(frozen=True)
class Plan:
    """A query built and not yet run: the SQL of the hits and of the count, with their parameters."""

    english: str
    compiled: Compiled
    sql: str
    params: tuple
    count_sql: str
    count_params: tuple


@dataclass(frozen=True)
class Hit:
    """One matching record (one release). ``key`` is what ``cablegram show`` takes."""

    key: str
    record_id: int
    cable_id: int
    fields: dict[str, Any]
    snippet: str
    score: float | None


@dataclass(frozen=True)
class Facet:
    """Counts of one field's values over the matching records; ``timed_out`` when the count was stopped
    (the search still answers)."""

    name: str
    counts: tuple[tuple[Any, int], ...]
    timed_out: bool = False


@dataclass(frozen=True)
class SearchResult:
    plan: Plan
    hits: tuple[Hit, ...]
    total: int
    facets: tuple[Facet, ...] = ()


@dataclass(frozen=True)
class CableView:
    """A cable as ``cablegram show`` gives it.

    Attributes:
        cable_id: None when the archive does not hold the cable but holds records citing it.
        canonical_id: the cable's canonical id, or None.
        ids: every id and alias the archive knows the cable by.
        record: the cablegram/1 record of its first release, or None.
        releases: one dict per release (record) of the cable.
        cites: the REF items of its releases with ``state`` resolved, dangling or unresolved.
        cited_by: the records that cite it.
    """

    cable_id: int | None
    canonical_id: str | None
    ids: tuple[str, ...]
    record: dict[str, Any] | None
    releases: tuple[dict[str, Any], ...] = ()
    cites: tuple[dict[str, Any], ...] = ()
    cited_by: tuple[dict[str, Any], ...] = field(default_factory=tuple)


def facet_name(name: str) -> str:
    key = FACET_ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in FACETS:
        raise QueryError(f"unknown facet {name!r}; facets are {', '.join(FACETS)}")
    return key


class Reader:
    """Reads the archive in a store on behalf of one viewer."""

    def __init__(self, store: Store, viewer: Viewer = UNRESTRICTED, index: SearchIndex | None = None):
        self.store = store
        self.viewer = viewer
        self.index = index  # a tantivy index derived from the store and in step with it, or None

    # -- building --------------------------------------------------------------------------------------
    def _matching(self, compiled: Compiled) -> tuple[str, tuple]:
        """``FROM … WHERE …`` selecting the records that match and that the viewer may see."""
        scope, scope_params = self.viewer.scope()
        if compiled.match is not None:
            dialect = self.store.dialect  # the store's full-text join; its one ? is the match, bound first
            return (f"FROM {dialect.text_from} WHERE {dialect.text_match} AND ({compiled.where}) AND ({scope})",
                    (compiled.match, *compiled.params, *scope_params))
        return f"FROM records r WHERE ({compiled.where}) AND ({scope})", (*compiled.params, *scope_params)

    def plan(self, query: str, sort: str = "relevance", limit: int = 20, offset: int = 0) -> Plan:
        """Build the SQL of a search without running it (``--explain``)."""
        if sort not in SORTS:
            raise QueryError(f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
        compiled = self.store.compile(parse_query(query))
        body, params = self._matching(compiled)
        if compiled.match is not None:
            extra = f", {self.store.dialect.score} AS score, {self.store.dialect.snippet} AS snippet"
        else:
            extra = ", NULL AS score, substr(r.text, 1, 160) AS snippet"
        by_date = "r.date IS NULL, r.date, r.record_id"
        order = "score, r.record_id" if sort == "relevance" and compiled.match is not None else by_date
        sql = f"SELECT {_HIT_COLUMNS}{extra} {body} ORDER BY {order} LIMIT ? OFFSET ?"
        return Plan(compiled.english, compiled, sql, (*params, limit, offset), f"SELECT COUNT(*) AS n {body}", params)

    # -- running ---------------------------------------------------------------------------------------
    def search(self, query: str, *, sort: str = "relevance", limit: int = 20, offset: int = 0,
               facets: tuple[str, ...] = (), facet_limit: int = 10, facet_timeout: float = 2.0) -> SearchResult:
        names = tuple(dict.fromkeys(facet_name(f) for f in facets))
        if self.index is not None:
            from .index_read import search_with_index  # imported here: it builds on this module
            return search_with_index(self, query, sort=sort, limit=limit, offset=offset, facets=names,
                                     facet_limit=facet_limit)
        plan = self.plan(query, sort, limit, offset)
        hits = tuple(_hit(row) for row in self.store.rows(plan.sql, plan.params))
        total = next(self.store.rows(plan.count_sql, plan.count_params))["n"]
        counted = tuple(self._facet(plan.compiled, n, facet_limit, facet_timeout) for n in names)
        return SearchResult(plan, hits, total, counted)

    def _facet(self, compiled: Compiled, name: str, limit: int, timeout: float) -> Facet:
        kind, target = FACETS[name]
        body, params = self._matching(compiled)
        if kind == "term":
            sql = (f"SELECT t.value AS value, COUNT(*) AS n FROM record_terms t WHERE t.field = ? AND t.record_id IN "
                   f"(SELECT r.record_id {body}) GROUP BY t.value ORDER BY n DESC, t.value LIMIT ?")
            params = (target, *params, limit)
        else:
            column = target if kind == "expr" else f"r.{target}"
            sql = (f"SELECT {column} AS value, COUNT(*) AS n {body} GROUP BY {column} "
                   f"ORDER BY n DESC, value LIMIT ?")
            params = (*params, limit)
        try:
            return Facet(name, tuple((row["value"], row["n"]) for row in self.store.rows(sql, params, timeout)))
        except StoreTimeout:
            return Facet(name, (), timed_out=True)

    def export(self, query: str) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        """Stream ``(summary fields, full cablegram/1 record)`` for every match, in date order."""
        if self.index is not None:
            from .index_read import export_with_index
            yield from export_with_index(self, query)
            return
        compiled = self.store.compile(parse_query(query))
        body, params = self._matching(compiled)
        sql = f"SELECT {_HIT_COLUMNS}, r.json, r.text {body} ORDER BY r.date IS NULL, r.date, r.record_id"
        for row in self.store.rows(sql, params):
            record = record_json(row.pop("json"), row.pop("text"))
            yield _fields(row), record

    def show(self, key: str) -> CableView | None:
        """A cable by canonical id or alias, ``r<record>`` or ``c<cable>``; None when not found (or not
        visible to this viewer)."""
        scope, sp = self.viewer.scope()
        key = key.strip()
        cable_id = self._cable_of(key)
        if cable_id is None:
            wanted = canonical_form(key)
            cited_by = self._cited_by(None, wanted)
            return CableView(None, wanted, (wanted,), None, (), (), cited_by) if cited_by else None
        releases = tuple(self.store.rows(
            f"SELECT r.record_id, r.canonical_id, r.date, r.classification, r.released, r.release_status, "
            f"r.exemptions, r.locator, r.label, s.path AS source, r.json, r.text FROM records r "
            f"JOIN sources s ON s.source_id = r.source_id WHERE r.cable_id = ? AND ({scope}) ORDER BY r.record_id",
            (cable_id, *sp)))
        if not releases:
            return None
        ids = tuple(row["key"][3:] for row in self.store.rows(
            "SELECT key FROM cable_keys WHERE cable_id = ? AND key LIKE 'id:%' ORDER BY key", (cable_id,)))
        canonical = next(self.store.rows("SELECT canonical_id FROM cables WHERE cable_id = ?", (cable_id,)))["canonical_id"]
        record = record_json(releases[0]["json"], releases[0]["text"])
        listed = tuple(_release(row) for row in releases)
        cites = _distinct_refs(self.store.rows(
            f"SELECT g.record_id, g.letter, g.raw, g.ref_id, CASE WHEN g.ref_id IS NULL THEN 'unresolved' "
            f"WHEN EXISTS (SELECT 1 FROM records r WHERE r.cable_id = g.cited_cable_id AND ({scope})) THEN 'resolved' "
            f"ELSE 'dangling' END AS state FROM reference_graph g WHERE g.record_id IN "
            f"(SELECT r.record_id FROM records r WHERE r.cable_id = ? AND ({scope})) ORDER BY g.record_id, g.position",
            (*sp, cable_id, *sp)))
        return CableView(cable_id, canonical, ids, record, listed, cites, self._cited_by(cable_id, key.upper()))

    def _cable_of(self, key: str) -> int | None:
        if key[:1] in "rRcC" and key[1:].isdigit():
            table, column = ("records", "record_id") if key[0] in "rR" else ("cables", "cable_id")
            sql = f"SELECT cable_id FROM {table} WHERE {column} = ?"
            rows = list(self.store.rows(sql, (int(key[1:]),)))
        else:
            rows = list(self.store.rows("SELECT cable_id FROM cable_keys WHERE key = ?", ("id:" + "".join(key.upper().split()),)))
        return rows[0]["cable_id"] if rows else None

    def _cited_by(self, cable_id: int | None, key: str) -> tuple[dict[str, Any], ...]:
        scope, sp = self.viewer.scope()
        ids = ("SELECT substr(key, 4) FROM cable_keys WHERE cable_id = ? AND key LIKE 'id:%'" if cable_id is not None
               else "SELECT ?")
        return tuple(self.store.rows(
            f"SELECT DISTINCT r.record_id, r.canonical_id, r.date, r.subject, f.raw FROM refs f "
            f"JOIN records r ON r.record_id = f.record_id WHERE f.ref_id IN ({ids}) AND ({scope}) "
            f"ORDER BY r.date, r.record_id", (cable_id if cable_id is not None else key, *sp)))

    def sources(self, *, problems_only: bool = True) -> list[dict[str, Any]]:
        """The sources read (by default only those that failed, are pending or carry warnings)."""
        where = "WHERE status != 'ok' OR reason IS NOT NULL" if problems_only else ""
        return list(self.store.rows(f"SELECT path, status, reason, documents, pages, method FROM sources {where} ORDER BY path"))

    # -- browsing (the web pages) ----------------------------------------------------------------------
    def overview(self) -> dict[str, Any]:
        """How much this viewer may see: records, cables, and the first and last dates."""
        if self.index is not None:
            from .index_read import overview_with_index
            return overview_with_index(self)
        scope, sp = self.viewer.scope()
        return next(self.store.rows(
            f"SELECT COUNT(*) AS records, COUNT(DISTINCT r.cable_id) AS cables, MIN(r.date) AS first, "
            f"MAX(r.date) AS last FROM records r WHERE ({scope})", sp))

    def browse(self, facet: str, *, limit: int = 50) -> tuple[Trend, ...]:
        """The ``limit`` most frequent values of a facet (or of ``drafter``, ``clearer``) over every record
        this viewer may see, each with its counts per year (for "counts over time" without a query)."""
        name = facet.strip().lower()
        kind, target = ("term", name) if name in ("drafter", "clearer") else FACETS[facet_name(name)]
        if self.index is not None:
            from .index_read import browse_with_index
            trends = browse_with_index(self, kind, target, limit)
            if trends is not None:
                return trends
        scope, sp = self.viewer.scope()
        if kind == "term":
            source, value, params = ("record_terms t JOIN records r ON r.record_id = t.record_id", "t.value",
                                     (target, *sp))
            where = f"t.field = ? AND ({scope})"
        else:
            source, value, params = "records r", target if kind == "expr" else f"r.{target}", sp
            where = f"({scope}) AND {value} IS NOT NULL"
        top = list(self.store.rows(f"SELECT {value} AS value, COUNT(*) AS n FROM {source} WHERE {where} "
                                   f"GROUP BY {value} ORDER BY n DESC, value LIMIT ?", (*params, limit)))
        years: dict[Any, list[tuple[int, int]]] = {row["value"]: [] for row in top}
        if top:
            marks = ", ".join("?" for _ in top)
            for row in self.store.rows(
                    f"SELECT {value} AS value, r.year AS year, COUNT(*) AS n FROM {source} WHERE {where} "
                    f"AND {value} IN ({marks}) AND r.year IS NOT NULL GROUP BY {value}, r.year ORDER BY r.year",
                    (*params, *years)):
                years[row["value"]].append((row["year"], row["n"]))
        return tuple(Trend(row["value"], row["n"], tuple(years[row["value"]])) for row in top)

    def release(self, key: str) -> dict[str, Any] | None:
        """The cablegram/1 record (with its text) of one release, ``r<record>``; None when not found or
        not visible to this viewer."""
        if not (key[:1] in "rR" and key[1:].isdigit()):
            return None
        scope, sp = self.viewer.scope()
        rows = list(self.store.rows(f"SELECT r.json, r.text FROM records r WHERE r.record_id = ? AND ({scope})",
                                    (int(key[1:]), *sp)))
        return record_json(rows[0]["json"], rows[0]["text"]) if rows else None

    def from_sources(self, path_prefix: str, *, limit: int = 100) -> tuple[dict[str, Any], ...]:
        """Records read from sources whose path starts with ``path_prefix`` (what one upload added)."""
        scope, sp = self.viewer.scope()
        pattern = path_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return tuple(_fields(row) for row in self.store.rows(
            f"SELECT {_HIT_COLUMNS} FROM records r JOIN sources s2 ON s2.source_id = r.source_id "
            f"WHERE s2.path LIKE ? ESCAPE '\\' AND ({scope}) ORDER BY r.record_id LIMIT ?", (pattern, *sp, limit)))

    def source_of(self, key: str) -> dict[str, Any] | None:
        """Where one release (``r<record>``) was read: its source's ``path`` and ``method``, the record's
        ``locator`` inside it (row, line, zip member) and the ``sha256`` of the document; None when not
        found or not visible to this viewer."""
        if not (key[:1] in "rR" and key[1:].isdigit()):
            return None
        scope, sp = self.viewer.scope()
        rows = list(self.store.rows(
            f"SELECT s.path, s.method, r.locator, r.doc_sha256 AS sha256 FROM records r "
            f"JOIN sources s ON s.source_id = r.source_id WHERE r.record_id = ? AND ({scope})", (int(key[1:]), *sp)))
        return rows[0] if rows else None

    # -- releases (cablegram diff) ---------------------------------------------------------------------
    def releases(self, key: str) -> tuple[str | None, tuple[dict[str, Any], ...]]:
        """The cable's canonical id and its releases this viewer may see (a cable by canonical id, alias,
        ``r<record>`` or ``c<cable>``), oldest record first, each ``record`` (``r12``), ``source`` (path
        and place in it) and ``data`` (the full cablegram/1 record). ``(None, ())`` when not found."""
        scope, sp = self.viewer.scope()
        cable_id = self._cable_of(key.strip())
        if cable_id is None:
            return None, ()
        rows = tuple(self.store.rows(
            f"SELECT r.record_id, r.locator, s.path AS source, r.json, r.text FROM records r "
            f"JOIN sources s ON s.source_id = r.source_id WHERE r.cable_id = ? AND ({scope}) ORDER BY r.record_id",
            (cable_id, *sp)))
        if not rows:
            return None, ()
        canonical = next(self.store.rows("SELECT canonical_id FROM cables WHERE cable_id = ?", (cable_id,)))["canonical_id"]
        return canonical, tuple({"record": f"r{row['record_id']}",
                                 "source": row["source"] + (f" {row['locator']}" if row["locator"] else ""),
                                 "data": record_json(row["json"], row["text"])} for row in rows)


@dataclass(frozen=True)
class Trend:
    """One value of a facet with its total and its counts per year (oldest first)."""

    value: Any
    total: int
    by_year: tuple[tuple[int, int], ...]


def canonical_form(key: str) -> str:
    """``08MOSCOW100`` (Cablegate style) -> ``2008MOSCOW000100``; other keys upper-cased, spaces removed.
    Two-digit years from 66 are read as 19xx (the first electronic telegrams), the others as 20xx."""
    key = "".join(key.upper().split())
    m = re.fullmatch(r"(\d{2}|\d{4})([A-Z][A-Z.]*?)(\d{1,6})", key)
    if not m:
        return key
    year = m.group(1) if len(m.group(1)) == 4 else ("19" if int(m.group(1)) >= 66 else "20") + m.group(1)
    return f"{year}{m.group(2)}{int(m.group(3)):06d}"


def _distinct_refs(rows: Iterator[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    """REF items of all releases, each cited cable once (releases of one cable repeat its REF line)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(row["ref_id"] or row["raw"].upper(), row)
    return tuple(seen.values())


def _fields(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in ("addressees", "captions", "tags", "exemptions"):
        out[key] = json.loads(out[key]) if out.get(key) else []
    out["key"] = out.get("canonical_id") or out.pop("cable_canonical_id", None) or f"r{out['record_id']}"
    out.pop("cable_canonical_id", None)
    return out


def _hit(row: dict[str, Any]) -> Hit:
    score, snippet = row.pop("score"), row.pop("snippet") or ""
    fields = _fields(row)
    return Hit(fields["key"], fields["record_id"], fields["cable_id"], fields, " ".join(snippet.split()),
               -score if score is not None else None)


def _release(row: dict[str, Any]) -> dict[str, Any]:
    release = json.loads(row["json"]).get("release") or {}
    return {"record": f"r{row['record_id']}", "canonical_id": row["canonical_id"], "date": row["date"],
            "classification": row["classification"], "released": row["released"],
            "release_status": row["release_status"], "exemptions": json.loads(row["exemptions"]),
            "doc_number": release.get("doc_number"), "case_number": release.get("case_number"),
            "source": row["source"] + (f" {row['locator']}" if row["locator"] else ""), "label": row["label"]}
