"""A ``cablegram/1`` JSON record back into a :class:`~cablegram.model.Telegram` (for rendering)."""

from __future__ import annotations

from typing import Any

from ..model import (EO, Addressee, Classifier, Defect, Officer, Paragraph, Reference, Release, Removal, Section,
                     Source, Tag, Telegram)


def _span(v: Any):
    return (int(v[0]), int(v[1])) if v is not None else None


def _officer(d: dict | None) -> Officer | None:
    if not d:
        return None
    return Officer(name=d.get("name") or "", office=d.get("office"), typist=d.get("typist"), qualifier=d.get("qualifier"),
                   date=d.get("date"), phone=d.get("phone"), inferred=bool(d.get("inferred")), raw=d.get("raw") or "")


def from_json(data: dict) -> Telegram:
    """Rebuild a record from its JSON form; raises KeyError/TypeError/ValueError on a malformed one."""
    if not isinstance(data, dict):
        raise TypeError("a record is a JSON object")
    if data.get("schema", "cablegram/1") != "cablegram/1":
        raise ValueError(f"schema {data.get('schema')!r} is not cablegram/1")

    def addressees(items):
        return tuple(Addressee(name=a["name"], canonical=a.get("canonical"), precedence=a.get("precedence"),
                               routing=a.get("routing"), sequence=a.get("sequence")) for a in items or ())

    eo = data.get("eo")
    cb = data.get("classified_by")
    sec = data.get("section")
    rel = data.get("release")
    src = data.get("source")
    return Telegram(
        id=data.get("id"), aliases=tuple(data.get("aliases") or ()), kind=data.get("kind") or "telegram",
        era=data.get("era"), classification=data.get("classification"), caveats=tuple(data.get("caveats") or ()),
        current_classification=data.get("current_classification"), precedence=data.get("precedence"),
        date=data.get("date"), dtg=data.get("dtg"), from_=data.get("from"),
        to=addressees(data.get("to")), info=addressees(data.get("info")), excluded=tuple(data.get("excluded") or ()),
        captions=tuple(data.get("captions") or ()), attention=tuple(data.get("attention") or ()), mrn=data.get("mrn"),
        section=Section(int(sec["n"]), int(sec["of"])) if sec else None,
        eo=EO(eo.get("order"), eo.get("declassify_on"), eo.get("event"), eo.get("raw") or "") if eo else None,
        classified_by=Classifier(cb.get("name"), cb.get("title"), tuple(cb.get("reasons") or ()),
                                 tuple(cb.get("exemptions") or ()), cb.get("raw") or "") if cb else None,
        tags=tuple(data.get("tags") or ()), tags_raw=data.get("tags_raw"),
        tags_decoded=tuple(Tag(t["code"], t["kind"], t.get("meaning")) for t in data.get("tags_decoded") or ()),
        subject=data.get("subject"),
        references=tuple(Reference(r.get("letter"), r.get("raw") or "", r["station"], int(r["serial"]), r.get("year"),
                                   bool(r.get("year_stated")), r.get("id"), bool(r.get("notal")))
                         for r in data.get("references") or ()),
        drafted_by=_officer(data.get("drafted_by")), approved_by=_officer(data.get("approved_by")),
        cleared_by=tuple(_officer(o) for o in data.get("cleared_by") or ()),
        paragraphs=tuple(Paragraph(p.get("number"), p.get("portion"), p.get("text") or "", _span(p.get("span")) or (0, 0))
                         for p in data.get("paragraphs") or ()),
        summary=data.get("summary"), signature=data.get("signature"),
        struck=tuple(_span(s) for s in data.get("struck") or ()),
        release=Release(rel.get("status"), tuple(rel.get("exemptions") or ()), tuple(rel.get("e_o_categories") or ()),
                        rel.get("reviewer"), rel.get("case_number"), rel.get("doc_number"), rel.get("release_date"),
                        rel.get("review_authority"), tuple(rel.get("stamps") or ())) if rel else None,
        text=data.get("text") or "",
        removed=tuple(Removal(m["rule"], m["raw"], _span(m["span"])) for m in data.get("removed") or ()),
        defects=tuple(Defect(d["code"], d["message"], _span(d.get("span"))) for d in data.get("defects") or ()),
        notes=tuple(data.get("notes") or ()),
        spans={k: _span(v) for k, v in (data.get("spans") or {}).items()},
        source=Source(src["sha256"], src.get("path"), src["parser_version"]) if src else None,
    )
