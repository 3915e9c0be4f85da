"""The JSON API under ``/api/``: the pages' data as ``{"ok": true, …}``; errors as ``{"ok": false,
"error": {"code", "message"}}`` (see errors.py). Tables also come as CSV with ``format=csv``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from ..archive import Reader
from ..vocab.tables import tags as tag_table
from .compare import compare as compare_releases
from .errors import WebError
from .links import decode_cursor, encode_cursor

router = APIRouter(prefix="/api", tags=["api"])

ROW_FIELDS = ("key", "record_id", "cable_id", "canonical_id", "date", "kind", "classification", "precedence", "origin",
              "addressees", "captions", "tags", "subject", "released", "exemptions", "source", "locator", "label")
SEARCH_FACETS = ("tag", "from", "to", "class", "caption", "year", "kind", "released")
Format = Literal["json", "csv"]
KEY = Path(..., max_length=200, description="canonical id, alias, r<record> or c<cable>")


def reader(request: Request) -> Reader:
    return request.app.state.readers.get()


def ok(**payload: Any) -> dict[str, Any]:
    return {"ok": True, **payload}


def csv_response(rows: list[dict[str, Any]], fields: tuple[str, ...], name: str) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(fields)
    writer.writerows([_cell(row.get(f)) for f in fields] for row in rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def _cell(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(map(str, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def facet_list(text: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in text.split(",") if f.strip())


# -- search --------------------------------------------------------------------------------------------
@router.get("/search", summary="Search the archive (query language of docs/query.md)")
def search(request: Request, q: str = Query(..., min_length=1, max_length=2000),
           sort: Literal["relevance", "date"] = "relevance", limit: int = Query(20, ge=1, le=100),
           cursor: str | None = Query(None, max_length=500),
           facets: str = Query("", max_length=200, description="comma-separated: " + ", ".join(SEARCH_FACETS)),
           format: Format = "json"):
    offset = decode_cursor(cursor, q, sort) if cursor else 0
    result = reader(request).search(q, sort=sort, limit=limit, offset=offset, facets=facet_list(facets))
    rows = [{**hit.fields, "snippet": hit.snippet, "score": hit.score, "url": f"/cable/{hit.key}"} for hit in result.hits]
    if format == "csv":
        return csv_response(rows, (*ROW_FIELDS, "snippet"), "search")
    more = offset + len(rows) < result.total
    return ok(query=result.plan.english, total=result.total, rows=rows,
              facets={f.name: {"counts": [list(c) for c in f.counts], "timed_out": f.timed_out} for f in result.facets},
              next=encode_cursor(q, sort, offset + len(rows)) if more and rows else None)


@router.get("/export", summary="Every match, streamed as JSON Lines (full records) or CSV (summary rows)")
def export(request: Request, q: str = Query(..., min_length=1, max_length=2000),
           format: Literal["jsonl", "csv"] = "jsonl"):
    readers = request.app.state.readers
    reader(request).plan(q)  # a bad query is refused before the stream starts
    store = readers.open()

    def lines() -> Iterator[str]:
        try:
            if format == "csv":
                out = io.StringIO()
                writer = csv.writer(out)
                writer.writerow(ROW_FIELDS)
            for fields, record in Reader(store, index=readers.index).export(q):
                if format == "jsonl":
                    yield json.dumps(record, ensure_ascii=False) + "\n"
                else:
                    writer.writerow([_cell(fields.get(f)) for f in ROW_FIELDS])
                    yield out.getvalue()
                    out.seek(0)
                    out.truncate()
            if format == "csv" and out.getvalue():
                yield out.getvalue()
        finally:
            readers.release(store)

    if format == "csv":
        return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="export.csv"'})
    return StreamingResponse(lines(), media_type="application/x-ndjson")


# -- cables --------------------------------------------------------------------------------------------
def cable_view(request: Request, key: str):
    view = reader(request).show(key)
    if view is None:
        raise WebError(404, "not_found", f"no cable {key!r} in the archive")
    return view


@router.get("/cables/{key}", summary="A cable: its record (first release), ids, releases, references both ways")
def cable(request: Request, key: str = KEY):
    view = cable_view(request, key)
    return ok(cable={"cable_id": view.cable_id, "canonical_id": view.canonical_id, "ids": list(view.ids),
                     "held": view.cable_id is not None, "record": view.record, "releases": list(view.releases),
                     "cites": list(view.cites), "cited_by": list(view.cited_by)})


@router.get("/cables/{key}/releases", summary="The releases (records) of a cable")
def releases(request: Request, key: str = KEY, format: Format = "json"):
    rows = list(cable_view(request, key).releases)
    if format == "csv":
        fields = ("record", "canonical_id", "date", "classification", "released", "release_status", "exemptions",
                  "doc_number", "case_number", "source", "label")
        return csv_response(rows, fields, "releases")
    return ok(rows=rows)


@router.get("/releases/{release}", summary="The cablegram/1 record (with its text) of one release, r<record>")
def release(request: Request, release: str = Path(..., pattern=r"^[rR]\d{1,12}$")):
    record = reader(request).release(release)
    if record is None:
        raise WebError(404, "not_found", f"no release {release!r} in the archive")
    return ok(record=record)


@router.get("/cables/{key}/graph", summary="Graph neighbours: what the cable cites and what cites it")
def graph(request: Request, key: str = KEY):
    view = cable_view(request, key)
    cites = [{"id": c["ref_id"], "raw": c["raw"], "letter": c["letter"], "state": c["state"]} for c in view.cites]
    cited_by = [{"id": c["canonical_id"], "record": f"r{c['record_id']}", "date": c["date"], "subject": c["subject"],
                 "raw": c["raw"]} for c in view.cited_by]
    return ok(cable=view.canonical_id or f"c{view.cable_id}", held=view.cable_id is not None, cites=cites,
              cited_by=cited_by)


@router.get("/cables/{key}/compare", summary="Two releases side by side (default: the first two)")
def compare(request: Request, key: str = KEY, a: str | None = Query(None, pattern=r"^[rR]\d{1,12}$"),
            b: str | None = Query(None, pattern=r"^[rR]\d{1,12}$")):
    left, right, a, b = pair_of_releases(request, key, a, b)
    result = compare_releases(left, right)
    paragraphs = [{"label": p.label, "state": p.state, "differs": p.differs,
                   "marks_a": list(p.marks_left), "marks_b": list(p.marks_right),
                   "a": None if p.left is None else [{"text": x.text, "only": x.only} for x in p.left],
                   "b": None if p.right is None else [{"text": x.text, "only": x.only} for x in p.right]}
                  for p in result.paragraphs]
    fields = [{"field": f.label, "a": f.left, "b": f.right, "differs": f.differs} for f in result.fields]
    return ok(a=a, b=b, fields=fields, paragraphs=paragraphs, withheld=result.withheld)


def pair_of_releases(request: Request, key: str, a: str | None, b: str | None):
    """The records of releases ``a`` and ``b`` of the cable (default: its first two)."""
    view = cable_view(request, key)
    names = [r["record"] for r in view.releases]
    if len(names) < 2 and not (a and b):
        raise WebError(404, "not_found", f"the archive holds one release of {key!r}: nothing to compare")
    a, b = (a or names[0]).lower(), (b or next(n for n in names if n != (a or names[0]).lower())).lower()
    for name in (a, b):
        if name not in names:
            raise WebError(404, "not_found", f"{name} is not a release of {key!r}")
    return reader(request).release(a), reader(request).release(b), a, b


# -- browsing ------------------------------------------------------------------------------------------
def trends(request: Request, facet: str, limit: int) -> list[dict[str, Any]]:
    return [{"value": t.value, "total": t.total, "by_year": [list(y) for y in t.by_year]}
            for t in reader(request).browse(facet, limit=limit)]


@router.get("/tags", summary="TAGS in the archive with their meanings and counts per year")
def tags(request: Request, limit: int = Query(100, ge=1, le=2000), format: Format = "json"):
    table = tag_table()
    rows = [{"code": t["value"], "meaning": "; ".join(e.meaning for e in table.get(t["value"], ())) or None,
             "kinds": sorted({e.kind for e in table.get(t["value"], ())}), "total": t["total"], "by_year": t["by_year"]}
            for t in trends(request, "tag", limit)]
    if format == "csv":
        return csv_response(rows, ("code", "meaning", "total"), "tags")
    return ok(rows=rows)


@router.get("/browse/{facet}", summary="Values of a field (tag, from, to, drafter, clearer, …) with counts per year")
def browse(request: Request, facet: str = Path(..., max_length=30), limit: int = Query(100, ge=1, le=2000),
           format: Format = "json"):
    rows = trends(request, facet, limit)
    if format == "csv":
        return csv_response(rows, ("value", "total"), facet)
    return ok(facet=facet, rows=rows)


@router.get("/overview", summary="How much the archive holds, and whether searches use its search index")
def overview(request: Request):
    return ok(**reader(request).overview(), search_index=request.app.state.readers.index is not None)


# -- ingest --------------------------------------------------------------------------------------------
async def upload_job(request: Request):
    """Receive the multipart upload (field ``files``) of a request and start its ingest job."""
    jobs = request.app.state.jobs
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > jobs.max_bytes + 64 * 1024:
        raise WebError(413, "too_large", f"uploads may hold at most {jobs.max_bytes:,} bytes")
    # a malformed multipart body makes Starlette raise a 400, which errors.py puts in the error shape
    form = await request.form(max_files=jobs.max_files + 1, max_fields=20)
    uploads = [v for v in form.getlist("files") if hasattr(v, "filename")]
    job_id, files = await jobs.receive(uploads)
    return jobs.start(job_id, files)


@router.post("/ingest", status_code=202, summary="Upload .txt, .pdf or .zip files (multipart field `files`)")
async def ingest(request: Request):
    job = await upload_job(request)
    return JSONResponse(ok(job=job.to_json(), url=f"/api/jobs/{job.id}"), status_code=202)


@router.get("/jobs/{job_id}", summary="An ingest job's progress, and the records it added once done")
def job(request: Request, job_id: str = Path(..., max_length=64)):
    jobs = request.app.state.jobs
    state = jobs.get(job_id)
    added = reader(request).from_sources(str(jobs.files_of(job_id))) if state.state == "done" else ()
    return ok(job=state.to_json(), records=[{**r, "url": f"/cable/{r['key']}"} for r in added])
