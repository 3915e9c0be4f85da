"""The few pieces of SQL in which the record stores differ; the reader builds everything else itself.

Every statement the reader builds is plain SQL over the archive's tables (``docs/archive.md``) with
``?`` placeholders, whatever the store: a store whose driver wants another placeholder style
translates in :meth:`Store.rows`. What cannot be written portably — how full text is joined, matched,
ranked and highlighted — is named here, once per store.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Dialect"]


@dataclass(frozen=True)
class Dialect:
    """How one store's SQL finds, ranks and highlights full text.

    Attributes:
        name: ``sqlite`` or ``postgresql``.
        text_from: a FROM clause holding ``records r`` joined to whatever the full-text parts below use.
        text_match: a WHERE condition true for the records matching the compiled full-text expression.
            Exactly one of ``text_from`` and ``text_match`` holds one ``?``: the compiled ``match``,
            bound before the filters' parameters.
        score: the relevance of a match; lower is better (the reader orders by it ascending).
        snippet: an excerpt of the match, matched words between ``[`` and ``]``.
    """

    name: str
    text_from: str
    text_match: str
    score: str
    snippet: str
