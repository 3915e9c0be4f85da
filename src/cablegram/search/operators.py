"""The fielded filters of the query language, as one declarative table.

Each :class:`Operator` says how to read its value, how to say it in plain English and how to
render it as SQL over the archive's relational tables (``records r``, ``record_terms``, ``refs``,
``cable_keys``; see ``docs/archive.md``). The SQL is plain, portable SQL with ``?`` placeholders:
values are never put into the SQL text. Full-text operators (``subject:``) are rendered by the
store's text index instead (:mod:`cablegram.search.compile`). ``docs/query.md`` documents every row
and ``tests/test_archive_query.py`` checks that it does.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["OPERATORS", "Operator", "QueryError", "Sql"]

Sql = tuple[str, tuple]


class QueryError(ValueError):
    """A malformed query; the message says what is wrong and where."""


# -- value readers ------------------------------------------------------------------------------------
def _upper(raw: str) -> str:
    return " ".join(raw.upper().split())


def _ident(raw: str) -> str:
    return re.sub(r"\s+", "", raw.upper())


_CLASS = {"TS": "TOP SECRET", "S": "SECRET", "C": "CONFIDENTIAL", "LOU": "LIMITED OFFICIAL USE",
          "SBU": "SENSITIVE BUT UNCLASSIFIED", "U": "UNCLASSIFIED"}
_PREC = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE", "NIACT": "NIACT IMMEDIATE"}
_RELEASED = {"full": "full", "part": "part", "denied": "denied", "none": "none"}


def _classification(raw: str) -> str:
    v = _upper(raw)
    return _CLASS.get(v, v)


def _precedence(raw: str) -> str:
    v = _upper(raw)
    return _PREC.get(v, v)


def _choice(name: str, allowed: dict[str, str]) -> Callable[[str], str]:
    def read(raw: str) -> str:
        v = raw.strip().lower()
        if v not in allowed:
            raise QueryError(f"{name}:{raw} is not one of {', '.join(allowed)}")
        return allowed[v]
    return read


def _eo(raw: str) -> str:
    v = raw.strip()
    if not re.fullmatch(r"\d{4,5}", v):
        raise QueryError(f"eo:{raw} is not an executive order number (e.g. eo:12958)")
    return v


def _lower(raw: str) -> str:
    return raw.strip().lower()


_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _date_bounds(text: str, what: str) -> tuple[str, str]:
    """``1996`` / ``1996-04`` / ``1996-04-11`` -> the first day it covers and the first day after it."""
    m = _DATE.fullmatch(text)
    if not m:
        raise QueryError(f"{what}: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo is None:
        return f"{y:04d}-01-01", f"{y + 1:04d}-01-01"
    mo = int(mo)
    if not 1 <= mo <= 12:
        raise QueryError(f"{what}: {text!r} has no month {mo}")
    if d is None:
        nxt = (y + 1, 1) if mo == 12 else (y, mo + 1)
        return f"{y:04d}-{mo:02d}-01", f"{nxt[0]:04d}-{nxt[1]:02d}-01"
    d = int(d)
    last = calendar.monthrange(y, mo)[1]
    if not 1 <= d <= last:
        raise QueryError(f"{what}: {text!r} has no day {d}")
    if d < last:
        return f"{y:04d}-{mo:02d}-{d:02d}", f"{y:04d}-{mo:02d}-{d + 1:02d}"
    nxt = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return f"{y:04d}-{mo:02d}-{d:02d}", f"{nxt[0]:04d}-{nxt[1]:02d}-01"


def _split_range(raw: str, name: str) -> tuple[str | None, str | None]:
    if ".." not in raw:
        return raw.strip(), raw.strip()
    lo, _, hi = raw.partition("..")
    lo, hi = lo.strip() or None, hi.strip() or None
    if lo is None and hi is None:
        raise QueryError(f"{name}:{raw} gives neither end of the range")
    return lo, hi


def _date_range(raw: str) -> tuple[str | None, str | None]:
    """``date:1996-04..1996-06`` -> (``1996-04-01``, ``1996-07-01``): start inclusive, end exclusive."""
    lo, hi = _split_range(raw, "date")
    start = _date_bounds(lo, "date")[0] if lo else None
    end = _date_bounds(hi, "date")[1] if hi else None
    if start and end and start >= end:
        raise QueryError(f"date:{raw} ends before it starts")
    return start, end


def _year_range(raw: str) -> tuple[int | None, int | None]:
    lo, hi = _split_range(raw, "year")
    out = []
    for v in (lo, hi):
        if v is not None and not re.fullmatch(r"\d{4}", v):
            raise QueryError(f"year:{raw}: {v!r} is not a four-digit year")
        out.append(int(v) if v is not None else None)
    if out[0] is not None and out[1] is not None and out[0] > out[1]:
        raise QueryError(f"year:{raw} ends before it starts")
    return out[0], out[1]


# -- SQL renderers ------------------------------------------------------------------------------------
def _terms_sql(fields: tuple[str, ...]) -> Callable[[object, bool], Sql]:
    marks = ", ".join("?" * len(fields))

    def sql(value: object, prefix: bool) -> Sql:
        if prefix:
            return ((f"r.record_id IN (SELECT record_id FROM record_terms WHERE field IN ({marks}) "
                    f"AND value >= ? AND value < ?)"), (*fields, value, f"{value}\uffff"))
        return (f"r.record_id IN (SELECT record_id FROM record_terms WHERE field IN ({marks}) AND value = ?)",
                (*fields, value))
    return sql


def _column_sql(column: str) -> Callable[[object, bool], Sql]:
    def sql(value: object, prefix: bool) -> Sql:
        if prefix:
            return f"(r.{column} >= ? AND r.{column} < ?)", (value, f"{value}\uffff")
        return f"r.{column} = ?", (value,)
    return sql


def _released_sql(value: object, prefix: bool) -> Sql:
    if value == "none":
        return "r.released IS NULL", ()
    return "r.released = ?", (value,)


def _range_sql(column: str) -> Callable[[object, bool], Sql]:
    def sql(value: object, prefix: bool) -> Sql:
        lo, hi = value  # type: ignore[misc]
        parts, params = [], []
        if lo is not None:
            parts.append(f"r.{column} >= ?")
            params.append(lo)
        if hi is not None:
            parts.append(f"r.{column} < ?" if column == "date" else f"r.{column} <= ?")
            params.append(hi)
        return "(" + " AND ".join(parts) + ")", tuple(params)
    return sql


_SAME_CABLE_IDS = ("SELECT substr(k2.key, 4) FROM cable_keys k1 JOIN cable_keys k2 ON k2.cable_id = k1.cable_id "
                   "WHERE k1.key = 'id:' || ? AND k2.key LIKE 'id:%'")


def _cites_sql(value: object, prefix: bool) -> Sql:
    return (f"r.record_id IN (SELECT record_id FROM refs WHERE ref_id = ? OR ref_id IN ({_SAME_CABLE_IDS}))",
            (value, value))


def _ref_sql(value: object, prefix: bool) -> Sql:
    return (("r.cable_id IN (SELECT k.cable_id FROM refs f JOIN cable_keys k ON k.key = 'id:' || f.ref_id "
            "WHERE f.record_id IN (SELECT c.record_id FROM records c JOIN cable_keys ck ON ck.cable_id = c.cable_id "
            "WHERE ck.key = 'id:' || ?))"), (value,))


def _id_sql(value: object, prefix: bool) -> Sql:
    return "r.cable_id IN (SELECT cable_id FROM cable_keys WHERE key = 'id:' || ?)", (value,)


# -- English renderers --------------------------------------------------------------------------------
def _range_english(noun: str) -> Callable[[object], str]:
    def english(value: object) -> str:
        lo, hi = value  # type: ignore[misc]
        if noun == "date":
            if lo and hi:
                return f"dated on or after {lo} and before {hi}"
            return f"dated on or after {lo}" if lo else f"dated before {hi}"
        if lo is not None and hi is not None:
            return f"dated in {lo}" if lo == hi else f"dated in the years {lo} to {hi}"
        return f"dated in {lo} or later" if lo is not None else f"dated in {hi} or earlier"
    return english


_RELEASED_ENGLISH = {"full": "released in full", "part": "released in part", "denied": "denied release",
                     "none": "carrying no release layer"}


@dataclass(frozen=True)
class Operator:
    """One fielded filter.

    Attributes:
        name: what the user types before the colon (``tag``).
        kind: ``term`` (a value of a multi-valued field), ``column`` (a scalar column), ``range``,
            ``graph`` (the reference graph) or ``text`` (the full-text index, column ``target``).
        target: the ``record_terms`` field(s), the column, or the full-text column.
        english: plain-English template with ``{v}`` for the value.
        example: an example value, shown in error messages and the docs.
        read: turns what was typed into the normalised value; raises QueryError.
        render: ``(value, prefix) -> (sql, params)``; None for ``text``.
        describe: English for values that a template cannot say (ranges), else None.
        prefixable: whether ``value*`` means "starts with".
    """

    name: str
    kind: str
    target: str
    english: str
    example: str
    read: Callable[[str], object] = _upper
    render: Callable[[object, bool], Sql] | None = None
    describe: Callable[[object], str] | None = None
    prefixable: bool = False

    def parse_value(self, raw: str) -> object:
        return self.read(raw)

    def english_for(self, value: object, prefix: bool = False) -> str:
        if self.describe is not None:
            return self.describe(value)
        if prefix:
            return self.english.format(v=f"a value starting with {value}")
        return self.english.format(v=value)

    def sql(self, value: object, prefix: bool = False) -> Sql:
        if self.render is None:
            raise ValueError(f"{self.name}: is a full-text operator; the text index renders it")
        return self.render(value, prefix)


def _term(name: str, fields: tuple[str, ...], english: str, example: str, read=_upper) -> Operator:
    return Operator(name, "term", ",".join(fields), english, example, read, _terms_sql(fields), prefixable=True)


def _column(name: str, column: str, english: str, example: str, read=_upper, render=None) -> Operator:
    return Operator(name, "column", column, english, example, read, render or _column_sql(column), prefixable=render is None)


OPERATORS: dict[str, Operator] = {op.name: op for op in (
    _term("tag", ("tag",), "TAGS include {v}", "PREL"),
    _term("from", ("from", "from.word"), "sent from {v}", "MOSCOW"),
    _term("to", ("to", "to.word"), "addressed (action or info) to {v}", "SEOUL"),
    _column("class", "classification", "originally classified {v}", "SECRET", _classification),
    _term("caption", ("caption",), "carrying the caption {v}", "NODIS"),
    _column("prec", "precedence", "of precedence {v}", "IMMEDIATE", _precedence),
    Operator("date", "range", "date", "dated {v}", "1996-04..1996-06", _date_range, _range_sql("date"),
             _range_english("date")),
    Operator("year", "range", "year", "dated in {v}", "1996", _year_range, _range_sql("year"), _range_english("year")),
    _column("kind", "kind", "of kind {v}", "telegram", _lower),
    _column("era", "era", "of the {v} form", "acp127-2000s", _lower),
    Operator("subject", "text", "subject", "the subject contains {v}", '"peace plan"'),
    Operator("ref", "graph", "refs", "cited by {v} (what {v} references)", "1996STATE075727", _ident, _ref_sql),
    Operator("cites", "graph", "refs", "citing {v} in a REF line", "1996STATE075727", _ident, _cites_sql),
    Operator("id", "graph", "cable_keys", "a release of cable {v} (canonical id or alias)", "08TRIPOLI220", _ident,
             _id_sql),
    Operator("released", "column", "released", "{v}", "part", _choice("released", _RELEASED), _released_sql,
             lambda v: _RELEASED_ENGLISH[v]),  # type: ignore[index]
    _term("exemption", ("exemption",), "withheld in part under exemption {v}", "B6", _ident),
    _column("eo", "eo", "classified under E.O. {v}", "12958", _eo),
    _term("drafter", ("drafter",), "drafted by {v}", "JGOLDSTEIN"),
    _term("clearer", ("clearer",), "cleared by {v}", "JHERBST"),
    _term("defect", ("defect",), "carrying the defect {v}", "ambiguous-number", _lower),
)}

