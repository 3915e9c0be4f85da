"""The HTML pages: search, a cable, its original text, releases side by side, browsing, ingest. Each
is server-rendered and works without JavaScript; templates autoescape everything they show."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..search import QueryError
from ..vocab.tables import tags as tag_table
from .api import SEARCH_FACETS, cable_view, pair_of_releases, reader, upload_job
from .compare import compare
from .errors import WebError
from .links import search_url, term
from .original import original_text
from .views import (
    Provenance,
    facet_boxes,
    original_parts,
    snippet_html,
    sparkline,
    timeline,
)

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
FACET_VALUES = 12  # values shown in each facet box
MONTHS = 2000  # months counted for the timeline: every month an archive spans
MAX_PAGE = 500
BROWSE = {"tags": (("tag", "TAGS"),), "posts": (("from", "Sent from"), ("to", "Sent to")),
          "people": (("drafter", "Drafted by"), ("clearer", "Cleared by"))}
EXAMPLES = ("nuclear", '"peace plan"', "tag:PREL from:MOSCOW", "class:SECRET date:1996", "released:part",
            "caption:NODIS", "defect:withheld-text")


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "code": code, "message": message}, status)


# -- search --------------------------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=2000),
                sort: Literal["relevance", "date"] = "relevance", page: int = Query(1, ge=1, le=MAX_PAGE)):
    q = q.strip()
    if not q:
        return landing(request)
    context: dict[str, Any] = {"q": q, "sort": sort, "page": page, "examples": EXAMPLES}
    try:
        # one search counts the facets and the months together (the months want every value, the
        # facets only their first few: cut below, from the same ordered counts)
        result = reader(request).search(q, sort=sort, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                                        facets=(*SEARCH_FACETS, "month"), facet_limit=MONTHS)
    except QueryError as exc:
        return render(request, "search.html", {**context, "error": f"bad query: {exc}"}, 422)
    months = next(f.counts for f in result.facets if f.name == "month")
    result = replace(result, facets=tuple(replace(f, counts=f.counts[:FACET_VALUES]) for f in result.facets
                                          if f.name != "month"))
    context.update(
        result=result, hits=[(hit, snippet_html(hit.snippet)) for hit in result.hits],
        facets=facet_boxes(result, q, sort), timeline=timeline(months, q, sort),
        pages=-(-result.total // PAGE_SIZE),
        prev_url=search_url(q, sort=sort, page=page - 1) if page > 1 else None,
        next_url=search_url(q, sort=sort, page=page + 1) if page * PAGE_SIZE < result.total and page < MAX_PAGE else None,
        sort_urls={s: search_url(q, sort=s) for s in ("relevance", "date")},
        export_urls={f: f"/api/export?{urlencode({'q': q, 'format': f})}" for f in ("jsonl", "csv")})
    return render(request, "search.html", context)


def landing(request: Request) -> HTMLResponse:
    r = reader(request)
    months = tuple((t.value, t.total) for t in r.browse("month", limit=MONTHS))
    top_tags = r.browse("tag", limit=12)
    meanings = tag_table()
    return render(request, "landing.html", {
        "q": "", "sort": "relevance", "examples": EXAMPLES, "overview": r.overview(),
        "timeline": timeline(months, "", "relevance"),
        "tags": [(t, "; ".join(e.meaning for e in meanings.get(t.value, ())), search_url(term("tag", t.value) or ""))
                 for t in top_tags]})


# -- a cable -------------------------------------------------------------------------------------------
@router.get("/cable/{key}", response_class=HTMLResponse)
def cable_page(request: Request, key: str = Path(..., max_length=200),
               release: str | None = Query(None, pattern=r"^[rR]\d{1,12}$")):
    view = cable_view(request, key)
    page_key = view.canonical_id or f"c{view.cable_id}"
    if view.cable_id is None:
        return render(request, "dangling.html", {"view": view, "key": page_key}, 200)
    names = [r["record"] for r in view.releases]
    shown = (release or names[0]).lower()
    if shown not in names:
        raise WebError(404, "not_found", f"{shown} is not a release of {page_key}")
    record = view.record if shown == names[0] else reader(request).release(shown)
    states = {c["ref_id"]: c["state"] for c in view.cites if c["ref_id"]}
    meanings = tag_table()
    return render(request, "cable.html", {
        "view": view, "key": page_key, "record": record, "shown": shown, "cited_by": _one_per_cable(view.cited_by),
        "this_release": next(r for r in view.releases if r["record"] == shown),
        "src": Provenance(record, page_key, shown), "ref_state": states,
        "tag_meaning": lambda code: "; ".join(e.meaning for e in meanings.get(code, ())),
        "search_url": search_url, "term": term})


def _one_per_cable(rows) -> list[dict[str, Any]]:
    """The citing records, one per cable (each release of a citing cable repeats its REF line)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(row["canonical_id"] or f"r{row['record_id']}", row)
    return list(seen.values())


@router.get("/cable/{key}/original", response_class=HTMLResponse)
def original_page(request: Request, key: str = Path(..., max_length=200),
                  release: str | None = Query(None, pattern=r"^[rR]\d{1,12}$"),
                  span: str | None = Query(None, max_length=40)):
    view = cable_view(request, key)
    if view.cable_id is None:
        raise WebError(404, "not_found", f"the archive does not hold {key!r}; it is only cited")
    names = [r["record"] for r in view.releases]
    shown = (release or names[0]).lower()
    if shown not in names:
        raise WebError(404, "not_found", f"{shown} is not a release of {key}")
    source = reader(request).source_of(shown)
    text = original_text(source) if source else None
    readable = text is not None
    if text is None:  # the source is gone or changed: show the body the archive keeps, unmarked
        text, span = (reader(request).release(shown) or {}).get("text") or "", None
    before, marked, after = original_parts(text, span)
    return render(request, "original.html", {"view": view, "key": view.canonical_id or f"c{view.cable_id}",
                                             "shown": shown, "before": before, "marked": marked, "after": after,
                                             "span": span, "readable": readable, "source": source})


@router.get("/cable/{key}/compare", response_class=HTMLResponse)
def compare_page(request: Request, key: str = Path(..., max_length=200),
                 a: str | None = Query(None, pattern=r"^[rR]\d{1,12}$"),
                 b: str | None = Query(None, pattern=r"^[rR]\d{1,12}$")):
    left, right, a, b = pair_of_releases(request, key, a, b)
    view = cable_view(request, key)
    return render(request, "compare.html", {
        "view": view, "key": view.canonical_id or f"c{view.cable_id}", "a": a, "b": b,
        "releases": {r["record"]: r for r in view.releases},
        "comparison": compare(left, right)})


# -- browsing ------------------------------------------------------------------------------------------
@router.get("/browse", response_class=HTMLResponse)
def browse_index() -> Response:
    return RedirectResponse("/browse/tags", status_code=303)


@router.get("/browse/{what}", response_class=HTMLResponse)
def browse_page(request: Request, what: str = Path(..., max_length=20), limit: int = Query(60, ge=1, le=1000)):
    if what not in BROWSE:
        raise WebError(404, "not_found", f"nothing to browse as {what!r}; try {', '.join(BROWSE)}")
    r = reader(request)
    overview = r.overview()
    first, last = int((overview["first"] or "1970")[:4]), int((overview["last"] or "2020")[:4])
    meanings = tag_table()
    sections = []
    for field, title in BROWSE[what]:
        rows = [(t, sparkline(t.by_year, first, last), search_url(term(field, t.value) or "", sort="date"),
                 "; ".join(e.meaning for e in meanings.get(str(t.value), ())) if field == "tag" else "")
                for t in r.browse(field, limit=limit)]
        sections.append((title, field, rows))
    return render(request, "browse.html", {"what": what, "kinds": list(BROWSE), "sections": sections,
                                           "first": first, "last": last})


# -- ingest --------------------------------------------------------------------------------------------
@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request):
    jobs = request.app.state.jobs
    return render(request, "ingest.html", {"max_bytes": jobs.max_bytes, "max_files": jobs.max_files})


@router.post("/ingest")
async def ingest_post(request: Request):
    job = await upload_job(request)
    return RedirectResponse(f"/ingest/{job.id}", status_code=303)


@router.get("/ingest/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str = Path(..., max_length=64)):
    jobs = request.app.state.jobs
    job = jobs.get(job_id)
    added = reader(request).from_sources(str(jobs.files_of(job_id))) if job.state == "done" else ()
    return render(request, "job.html", {"job": job, "added": added})
