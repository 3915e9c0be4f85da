"""What the pages show, computed from the Reader's results: snippets made safe, the month timeline and
sparklines as SVG geometry, facets as toggle links, and where each field of a record came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from ..archive import SearchResult
from .links import FACET_FIELDS, has_term, month_urls, search_url, term, toggle

_MARK = re.compile(r"\[([^\[\]]*)\]")


def snippet_html(snippet: str) -> Markup:
    """The snippet escaped, then its ``[`` ``]`` marks (the matched words) turned into ``<mark>``."""
    return Markup(_MARK.sub(r"<mark>\1</mark>", str(escape(snippet))))


# -- facets --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FacetLink:
    label: str
    count: int
    href: str
    active: bool


@dataclass(frozen=True)
class FacetBox:
    name: str
    links: tuple[FacetLink, ...]
    timed_out: bool


def facet_boxes(result: SearchResult, query: str, sort: str) -> tuple[FacetBox, ...]:
    boxes = []
    for facet in result.facets:
        if facet.name == "month":
            continue
        links = []
        for value, count in facet.counts:
            written = term(FACET_FIELDS[facet.name], value)
            if written is None:
                continue
            active = has_term(query, written)
            label = "none" if value is None else str(value)
            links.append(FacetLink(label, count, search_url(toggle(query, written), sort=sort), active))
        boxes.append(FacetBox(facet.name, tuple(links), facet.timed_out))
    return tuple(boxes)


# -- the month timeline --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    month: str
    count: int
    href: str


@dataclass(frozen=True)
class Timeline:
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]
    months: tuple[str, ...]
    width: int = 1000
    height: int = 90

    def bars_svg(self) -> Markup:
        """The bars as SVG, each a link to its month. Built here rather than in the template: hundreds
        of bars, each with seven attributes, made the template's per-value escaping the largest cost
        of a search page. Only ``href`` holds text from the user (escaped); the rest are numbers and
        months checked to be ``YYYY-MM``."""
        return Markup("".join(
            f'<a href="{escape(b.href)}" class="bar"><rect x="{b.x}" y="{b.y}" width="{b.width}" height="{b.height}" '
            f'data-month="{b.month}"><title>{b.month}: {b.count} record{"" if b.count == 1 else "s"}</title></rect></a>'
            for b in self.bars))


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while (y, m) <= (int(last[:4]), int(last[5:7])):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def timeline(counts: tuple[tuple[Any, int], ...], query: str, sort: str) -> Timeline | None:
    """Bars per month (every month between the first and last, so gaps show), each linking to the query
    narrowed to its month; year ticks at most every few years so that labels never crowd."""
    dated = {str(v): n for v, n in counts if v and re.fullmatch(r"\d{4}-\d{2}", str(v))}
    if not dated:
        return None
    months = _month_range(min(dated), max(dated))
    plot_h, width = 72.0, 1000
    step = width / len(months)
    top = max(dated.values())
    url = month_urls(query, sort=sort)
    bars = []
    for i, month in enumerate(months):
        n = dated.get(month, 0)
        if n:
            h = max(1.5, plot_h * n / top)
            bars.append(Bar(round(i * step, 2), round(plot_h - h, 2), round(max(step - 0.4, 0.6), 2), round(h, 2),
                            month, n, url(month)))
    years = sorted({m[:4] for m in months})
    every = max(1, -(-len(years) // 12))
    ticks = tuple((round(months.index(f"{y}-01") * step, 2) if f"{y}-01" in months else 0.0, y)
                  for y in years[::every])
    return Timeline(tuple(bars), ticks, tuple(months))


@dataclass(frozen=True)
class Spark:
    bars: tuple[tuple[float, float, float, int, int], ...]  # x, y, height, year, count
    width: int = 160
    height: int = 28

    def bars_svg(self) -> Markup:
        """The bars as SVG (numbers only: nothing to escape), built here for the reason
        :meth:`Timeline.bars_svg` gives: a browse page draws dozens of sparklines of dozens of bars."""
        width = max(self.width / 50, 2)
        return Markup("".join(f'<rect x="{x}" y="{y}" width="{width}" height="{h}"><title>{year}: {n}</title></rect>'
                              for x, y, h, year, n in self.bars))


def sparkline(by_year: tuple[tuple[int, int], ...], first: int, last: int) -> Spark:
    """Counts per year from ``first`` to ``last`` as small bars."""
    span = max(1, last - first + 1)
    step = 160 / span
    top = max((n for _, n in by_year), default=1)
    return Spark(tuple((round((y - first) * step, 2), round(28 - 26 * n / top, 2), round(26 * n / top, 2), y, n)
                       for y, n in by_year))


# -- where a field came from ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Origin:
    """A span of the original text: the tooltip that quotes it and the link that shows it in place."""

    title: str
    href: str


class Provenance:
    """Looks up the span of a record's field (or paragraph, or defect) in its original text.

    The tooltip names the characters; the link opens the original text with them highlighted (the
    original is read again from its source only there, so a cable page costs no file read)."""

    def __init__(self, record: dict[str, Any], key: str, release: str):
        self.spans = record.get("spans") or {}
        self.base = f"/cable/{quote(key, safe='')}/original"
        self.release = release

    def span(self, start: int, end: int, what: str) -> Origin | None:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            return None
        title = f"{what}: read from characters {start}–{end} of the original text (§ shows them there)"
        href = f"{self.base}?{urlencode({'release': self.release, 'span': f'{start}-{end}'})}#hl"
        return Origin(title, href)

    def __call__(self, field: str) -> Origin | None:
        span = self.spans.get(field)
        return self.span(span[0], span[1], field.replace("_", " ")) if span else None


def original_parts(text: str, span: str | None) -> tuple[str, str, str]:
    """The text cut around ``span`` (``START-END``) for the original-text view; all before when absent."""
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", span or "")
    if not m:
        return text, "", ""
    start, end = sorted((min(int(m.group(1)), len(text)), min(int(m.group(2)), len(text))))
    return text[:start], text[start:end], text[end:]
