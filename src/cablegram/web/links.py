"""Queries as links: a facet value or a timeline bar is a ``field:value`` term added to (or removed
from) the query text, so every state of the search page is a plain URL that works without JavaScript."""

from __future__ import annotations

import base64
import json
import re
from urllib.parse import urlencode

from .errors import WebError

_TOKEN = re.compile(r'-?[A-Za-z]+:"[^"]*"|"[^"]*"|\S+')
_PLAIN = re.compile(r"^[^\s\"():]+$")

# facet name -> the query operator that filters by it
FACET_FIELDS = {"tag": "tag", "from": "from", "to": "to", "class": "class", "caption": "caption", "year": "year",
                "kind": "kind", "released": "released", "exemption": "exemption", "era": "era", "defect": "defect",
                "month": "date", "drafter": "drafter", "clearer": "clearer"}


def term(field: str, value: object) -> str | None:
    """``field:value`` with the value quoted when it holds spaces; None when it cannot be written."""
    text = "none" if value is None and field == "released" else str(value if value is not None else "")
    if not text or '"' in text:
        return None
    return f"{field}:{text}" if _PLAIN.match(text) else f'{field}:"{text}"'


def tokens(query: str) -> list[str]:
    return _TOKEN.findall(query)


def has_term(query: str, written: str) -> bool:
    return written.lower() in (t.lower() for t in tokens(query))


def toggle(query: str, written: str) -> str:
    """The query with ``written`` removed when present, added when absent."""
    parts = tokens(query)
    kept = [t for t in parts if t.lower() != written.lower()]
    if len(kept) == len(parts):
        kept.append(written)
    return " ".join(kept)


def narrow_dates(query: str, dates: str) -> str:
    """The query with its ``date:`` terms replaced by ``date:<dates>``."""
    kept = [t for t in tokens(query) if not t.lower().startswith("date:")]
    return " ".join([*kept, f"date:{dates}"])


def month_urls(query: str, *, sort: str = "relevance"):
    """A function giving ``search_url(narrow_dates(query, month), sort=sort)`` for a ``YYYY-MM`` month,
    encoding the query once: the month is the end of ``q`` and its digits and ``-`` need no escaping
    (a timeline links hundreds of months)."""
    head = "/search?" + urlencode({"q": narrow_dates(query, "")})
    tail = "" if sort == "relevance" else "&" + urlencode({"sort": sort})
    return lambda month: f"{head}{month}{tail}"


def search_url(query: str, *, sort: str = "relevance", page: int = 1) -> str:
    params: dict[str, object] = {"q": query}
    if sort != "relevance":
        params["sort"] = sort
    if page > 1:
        params["page"] = page
    return "/search?" + urlencode(params)


# -- cursors -------------------------------------------------------------------------------------------
def encode_cursor(query: str, sort: str, offset: int) -> str:
    """An opaque cursor naming the next page of one query (clients pass it back unchanged)."""
    raw = json.dumps({"q": query, "s": sort, "o": offset}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, query: str, sort: str) -> int:
    """The offset a cursor stands for; refuses a cursor of another query or sort, or a forged one."""
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = data["o"]
        if not isinstance(offset, int) or offset < 0 or data["q"] != query or data["s"] != sort:
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise WebError(422, "bad_cursor", "the cursor does not belong to this query and sort; "
                                          "start again without one") from None
    return offset
