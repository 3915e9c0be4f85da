"""The archive: ingest documents into a record store, then search, facet, show and export them.

::

    store = open_store("archive")                 # a folder holding archive.sqlite, or postgresql://…
    report = ingest(store, ["cables/", "releases.zip"], jobs=2)
    reader = Reader(store)                        # every read goes through a Reader and its Viewer
    result = reader.search("tag:PREL nuclear", facets=("class",))

``docs/archive.md`` describes the store, ``docs/query.md`` the query language.
"""

from __future__ import annotations

from pathlib import Path

from .ingest import IngestReport, ingest
from .read import UNRESTRICTED, CableView, Facet, Hit, Reader, SearchResult, Viewer
from .sqlite import DB_FILE, SQLiteStore
from .store import CheckReport, Store

__all__ = ["DB_FILE", "UNRESTRICTED", "CableView", "CheckReport", "Facet", "Hit", "IngestReport", "Reader",
           "SQLiteStore", "SearchResult", "Store", "Viewer", "ingest", "open_store"]


def open_store(location: str | Path, *, create: bool = True) -> Store:
    """The store at ``location``: a ``postgresql://…`` (or ``postgres://…``) URL of an existing database
    (:class:`~.postgres.PostgresStore`), else a folder (:class:`SQLiteStore`, the default). Without
    ``create``, a place holding no archive raises FileNotFoundError; a server that cannot be reached
    raises ConnectionError."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore  # imported here: SQLite archives need no PostgreSQL driver

        return PostgresStore.open(text, create=create)
    return SQLiteStore.open(location, create=create)
