"""A readable summary of a record, for a person checking it against the original document."""

from __future__ import annotations

import textwrap

from ..model import Addressee, Officer, Telegram


def _addr(a: Addressee) -> str:
    out = a.name
    if a.canonical and a.canonical != a.name:
        out += f" ({a.canonical})"
    if a.precedence:
        out += f" [{a.precedence}]"
    return out


def _officer(o: Officer | None) -> str:
    if o is None:
        return "-"
    parts = [f"{o.office}:" if o.office else "", o.name or "(blank)"]
    if o.typist:
        parts.append(f":{o.typist}")
    text = "".join(parts)
    if o.qualifier:
        text += f" ({o.qualifier})"
    if o.date:
        text += f"  {o.date}"
    return text


def summary(r: Telegram, width: int = 100) -> str:
    """Render the record as labelled lines, then the paragraphs, then what was removed and doubted."""
    rows: list[tuple[str, str]] = [
        ("id", r.id or "-"),
        ("kind / era", f"{r.kind} / {r.era or '-'}"),
        ("classification", (r.classification or "-") + (f"  (now {r.current_classification})" if r.current_classification else "")),
        ("precedence", r.precedence or "-"),
        ("date", r.date or "-"),
        ("DTG", r.dtg or "-"),
        ("from", r.from_ or "-"),
        ("to", "; ".join(_addr(a) for a in r.to) or "-"),
        ("info", "; ".join(_addr(a) for a in r.info) or "-"),
        ("captions", ", ".join(r.captions) or "-"),
        ("attention", "; ".join(r.attention) or "-"),
        ("MRN", r.mrn or "-"),
        ("section", f"{r.section.n} of {r.section.of}" if r.section else "-"),
        ("E.O.", r.eo.raw if r.eo else "-"),
        ("classified by", (f"{r.classified_by.name or '(no name)'}, {r.classified_by.title or ''} "
                           f"{' '.join(r.classified_by.reasons + r.classified_by.exemptions)}").strip() if r.classified_by else "-"),
        ("TAGS", ", ".join(f"{t.code} ({t.meaning or t.kind})" for t in r.tags_decoded) or "-"),
        ("subject", r.subject or "-"),
        ("references", "; ".join(f"{x.letter + '. ' if x.letter else ''}{x.station} {x.serial}"
                                 f"{' (' + str(x.year) + ')' if x.year else ''}{' NOTAL' if x.notal else ''}"
                                 for x in r.references) or "-"),
        ("drafted by", _officer(r.drafted_by)),
        ("approved by", _officer(r.approved_by)),
        ("cleared by", "; ".join(_officer(o) for o in r.cleared_by) or "-"),
        ("signature", r.signature or "-"),
    ]
    if r.release:
        rel = r.release
        rows.append(("release", " | ".join(x for x in (
            rel.status, ", ".join(rel.exemptions), f"reviewer {rel.reviewer}" if rel.reviewer else "",
            f"case {rel.case_number}" if rel.case_number else "", f"doc {rel.doc_number}" if rel.doc_number else "",
            rel.release_date or "") if x) or "-"))
    label_width = max(len(k) for k, _ in rows) + 2
    out = []
    for key, value in rows:
        wrapped = textwrap.wrap(value, width - label_width) or ["-"]
        out.append(f"{key:<{label_width}}{wrapped[0]}")
        out.extend(" " * label_width + w for w in wrapped[1:])
    out.append("")
    out.append(f"-- text: {len(r.paragraphs)} paragraphs --")
    for p in r.paragraphs:
        head = f"{p.number}." if p.number is not None else "  "
        mark = f"({p.portion}) " if p.portion else ""
        first = (mark + p.text).split("\n")[0]
        out.append(f"{head:>4} " + textwrap.shorten(first, width - 5, placeholder=" …"))
    if r.struck:
        out.append("")
        out.append(f"-- struck through: {len(r.struck)} --")
    if r.removed:
        out.append("")
        counts: dict[str, int] = {}
        for rem in r.removed:
            counts[rem.rule] = counts.get(rem.rule, 0) + 1
        out.append("-- removed: " + ", ".join(f"{k} ×{v}" for k, v in counts.items()) + " --")
    if r.notes:
        out.append("")
        out.append("-- inferred --")
        out.extend(textwrap.wrap(n, width, initial_indent="  * ", subsequent_indent="    ")[0] for n in r.notes)
    if r.defects:
        out.append("")
        out.append(f"-- defects: {len(r.defects)} --")
        for d in r.defects:
            out.extend(textwrap.wrap(f"{d.code}: {d.message}", width, initial_indent="  ! ", subsequent_indent="    "))
    return "\n".join(out) + "\n"
