"""The archive's commands — ``ingest``, ``search``, ``show``, ``export``, ``check``, ``reindex`` — as thin wrappers over
:mod:`cablegram.archive`; registered on the ``cablegram`` group in ``cli.py``."""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import click

from .archive import Reader, open_store
from .search import QueryError, parse_query

DB_HELP = ("The archive: a folder (holding archive.sqlite) or a postgresql://user@host/dbname URL; "
           "default $CABLEGRAM_DB or ./archive.")
CSV_FIELDS = ("key", "record_id", "cable_id", "canonical_id", "date", "kind", "classification", "precedence", "origin",
              "addressees", "captions", "tags", "subject", "released", "exemptions", "source", "locator", "label")


def _db_option(f):
    return click.option("--db", "db", envvar="CABLEGRAM_DB", default="archive", show_default=True, help=DB_HELP)(f)


def _store(db: str, create: bool = False):
    try:
        return open_store(db, create=create)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    except NotImplementedError as exc:
        raise click.ClickException(f"{db}: {exc}") from exc
    except ConnectionError as exc:  # a PostgreSQL server that cannot be reached (the message names it)
        raise click.ClickException(str(exc)) from exc


INDEX_HELP = ("The search index folder; default <archive>/index for a folder archive (a PostgreSQL archive has "
              "one only when given); $CABLEGRAM_INDEX.")


def _index_option(f):
    return click.option("--index", "index_dir", envvar="CABLEGRAM_INDEX", default=None,
                        type=click.Path(file_okay=False, path_type=Path), help=INDEX_HELP)(f)


def _index_folder(store, index_dir: Path | None) -> Path | None:
    from .archive.index import default_index_folder  # imported here: tantivy loads only when needed

    return index_dir or default_index_folder(store)


def _reader(store, index_dir: Path | None, use_index: bool = True) -> Reader:
    """A Reader on the search index when the archive has one (caught up first), else on the store."""
    if not use_index:
        return Reader(store)
    from .archive.index import ready_index

    index, note = ready_index(store, _index_folder(store, index_dir))
    if note:
        click.echo(f"note: {note}", err=True)
    return Reader(store, index=index)


def _explain(reader: Reader, query: str, sort: str, limit: int, offset: int) -> str:
    """What a search runs: the query in English, then the search index's query (the hits' rows then
    read from the store by id) or the store's SQL in the store's own placeholder style."""
    plan = reader.plan(query, sort, limit, offset)
    out = [f"Records where {plan.english}."]
    if reader.index is not None:
        from .archive.index_read import describe_with_index
        from .search.tantivy_compile import ranks_by_text

        by = "relevance" if sort == "relevance" and ranks_by_text(parse_query(query)) else "date"
        out += [f"\nAnswered by the search index at {reader.index.folder} (tantivy; sorted by {by}; counts and facets by aggregations over the same "
                f"query); the hits' rows are then read from the store by record id.",
                f"\ntantivy query:\n{describe_with_index(reader, query)}"]
        return "\n".join(out)
    sql = plan.sql
    if reader.store.dialect.name == "postgresql":  # psycopg's placeholders, as the store sends it
        from .archive.postgres import pyformat

        sql = pyformat(sql)
    out.append(f"\nSQL:\n{sql}\n\nparameters: "
               f"{json.dumps(list(plan.params), ensure_ascii=False)}")
    return "\n".join(out)


def _cell(value) -> str:
    if isinstance(value, list):
        return " ".join(map(str, value))
    return "" if value is None else str(value)


# -- ingest -------------------------------------------------------------------------------------------
class _Bar:
    """Ingest progress as a rich bar on standard error: files, cables/s and time left."""

    def __init__(self, enabled: bool):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                                 TextColumn("{task.fields[records]:,} cables · {task.fields[rate]:,.0f}/s"),
                                 TimeRemainingColumn(), console=Console(stderr=True), disable=not enabled)
        self.task = None
        self.records = 0

    def start(self, files: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=files, records=0, rate=0.0)

    def file_done(self) -> None:
        self.progress.advance(self.task)

    def stored(self, records: int) -> None:
        self.records += records
        elapsed = self.progress.tasks[0].elapsed or 0
        self.progress.update(self.task, records=self.records, rate=self.records / elapsed if elapsed else 0.0)

    def stop(self) -> None:
        self.progress.stop()


def summary_text(report) -> str:
    """The end-of-run summary (also quoted in docs/archive.md)."""
    lines = [(f"{report.files} file(s): {report.sources_ok} read, {report.already} already in the archive, "
             f"{len(report.failed)} failed"),
             (f"{report.documents:,} document(s) stored ({report.new_cables:,} new cables) in {report.seconds:.1f} s "
             f"({report.rate:,.0f} cables/s)")]
    if report.kinds:
        lines.append("by kind:    " + ", ".join(f"{k} {n}" for k, n in report.kinds.most_common()))
    if report.defects:
        lines.append("defects:    " + ", ".join(f"{k} {n}" for k, n in report.defects.most_common()))
    if report.ocr_run or report.ocr_cached:
        lines.append(f"OCR:        {report.ocr_run} page(s) read by Tesseract, {report.ocr_cached} from the cache")
    for path, reason in report.failed:
        lines.append(f"FAILED  {path}: {reason}")
    for path, reason in report.warnings:
        lines.append(f"warning {path}: {reason}")
    return "\n".join(lines)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="number of CPUs",
              help="Worker processes that parse (1: parse in this process).")
@click.option("--text-field", default="text", show_default=True, help="The column holding the text in .jsonl/.csv.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when stderr is a terminal).")
@_index_option
@click.option("--no-index", is_flag=True, help="Do not bring the search index up to date at the end of the run.")
def ingest_cmd(paths: tuple[str, ...], db: str, jobs: int, text_field: str, progress: bool | None,
               index_dir: Path | None, no_index: bool) -> None:
    """Read files, folders (recursively), .zip, .jsonl/.csv, .pdf, or - (stdin) into the archive.

    Re-running is safe: files already in the archive are skipped; an interrupted run is finished.
    Exit status 1 when some file failed (the others are still stored).
    """
    from .archive import ingest

    store = _store(db, create=True)
    bar = _Bar(sys.stderr.isatty() if progress is None else progress)
    try:
        report = ingest(store, paths, jobs=jobs, text_field=text_field, progress=bar)
        bar.stop()
        if not no_index:
            _refresh_index(store, index_dir)
    finally:
        bar.stop()
        store.close()
    click.echo(summary_text(report))
    if report.failed:
        sys.exit(1)


# -- search -------------------------------------------------------------------------------------------
@click.command("search")
@click.argument("query")
@_db_option
@click.option("--facets", default="", help="Comma-separated facets: tag, from, to, class, caption, year, kind, "
              "released, exemption, era, defect.")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(min=0, max=10_000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--explain", is_flag=True, help="Print the query in plain English and what runs it (the search index's "
              "query, or the store's SQL) instead of running it.")
@_index_option
@click.option("--no-index", is_flag=True, help="Search the store's own full-text index even when a search index exists.")
def search_cmd(query: str, db: str, facets: str, sort: str, limit: int, offset: int, fmt: str, explain: bool,
               index_dir: Path | None, no_index: bool) -> None:
    """Search the archive (the query language is in docs/query.md)."""
    store = _store(db)
    reader = _reader(store, index_dir, use_index=not no_index)
    try:
        if explain:
            click.echo(_explain(reader, query, sort, limit, offset))
            return
        names = tuple(f for f in facets.split(",") if f.strip())
        result = reader.search(query, sort=sort, limit=limit, offset=offset, facets=names)
    except QueryError as exc:
        if fmt == "json":
            click.echo(json.dumps({"ok": False, "error": str(exc)}))
            sys.exit(2)
        raise click.UsageError(f"bad query: {exc}") from exc
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps({
            "ok": True, "query": result.plan.english, "total": result.total,
            "rows": [dict(h.fields, snippet=h.snippet, score=h.score) for h in result.hits],
            "facets": {f.name: {"counts": [list(c) for c in f.counts], "timed_out": f.timed_out} for f in result.facets},
        }, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=(*CSV_FIELDS, "snippet"), extrasaction="ignore")
        writer.writeheader()
        for h in result.hits:
            writer.writerow({k: _cell(v) for k, v in dict(h.fields, snippet=h.snippet).items()})
    else:
        click.echo(_table(result))


def _table(result) -> str:
    lines = [f"{result.total:,} record(s) where {result.plan.english}"]
    for h in result.hits:
        f = h.fields
        lines.append(f"{h.key:<22} {f['date'] or '-':<10} {(f['classification'] or '-')[:12]:<12} "
                     f"{(f['origin'] or '-')[:24]:<24} {(f['subject'] or '')[:70]}")
        if h.snippet:
            lines.append(f"    {h.snippet[:150]}")
    for facet in result.facets:
        counts = "timed out" if facet.timed_out else ", ".join(f"{'(none)' if v is None else v} {n}" for v, n in facet.counts) or "-"
        lines.append(f"[{facet.name}] {counts}")
    return "\n".join(lines)


# -- show ---------------------------------------------------------------------------------------------
@click.command("show")
@click.argument("key")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show_cmd(key: str, db: str, fmt: str) -> None:
    """Show a cable (canonical id, alias, r<record> or c<cable>): record, releases, references both ways."""
    store = _store(db)
    try:
        view = Reader(store).show(key)
    finally:
        store.close()
    if view is None:
        raise click.ClickException(f"{key}: not in the archive, and no record in it cites it")
    if fmt == "json":
        click.echo(json.dumps({"ok": True, "cable": view.canonical_id, "cable_id": view.cable_id, "ids": view.ids,
                               "record": view.record, "releases": view.releases, "cites": view.cites,
                               "cited_by": view.cited_by}, ensure_ascii=False, indent=2))
        return
    click.echo(_show_text(view))


def _show_text(view) -> str:
    if view.cable_id is None:
        lines = [f"{view.canonical_id}: not in the archive (dangling: cited but not held)", "", "cited by:"]
        lines += [f"  r{c['record_id']:<8} {c['canonical_id'] or '-':<22} {c['date'] or '-':<10} {c['subject'] or ''}"
                  for c in view.cited_by]
        return "\n".join(lines)
    r = view.record
    lines = [f"cable {view.canonical_id or f'c{view.cable_id}'}  (ids: {', '.join(view.ids) or '-'})",
             f"{r['date'] or '-'}  {r['classification'] or '-'}  {r['precedence'] or '-'}  from {r['from'] or '-'}",
             f"SUBJECT: {r['subject'] or '-'}", "", f"releases ({len(view.releases)}):"]
    for rel in view.releases:
        exemptions = " ".join(rel["exemptions"]) or "-"
        lines.append(f"  {rel['record']:<8} {rel['release_status'] or 'no release layer':<20} exemptions {exemptions:<12} "
                     f"{rel['doc_number'] or ''} {rel['source']}")
    lines += ["", f"cites ({len(view.cites)}):"]
    lines += [f"  {c['raw']:<28} {c['ref_id'] or '?':<22} {c['state'].upper() if c['state'] != 'resolved' else 'in archive'}"
              for c in view.cites]
    lines += ["", f"cited by ({len(view.cited_by)}):"]
    lines += [f"  r{c['record_id']:<8} {c['canonical_id'] or '-':<22} {c['date'] or '-':<10} {c['subject'] or ''}"
              for c in view.cited_by]
    return "\n".join(lines)


# -- export -------------------------------------------------------------------------------------------
@click.command("export")
@click.argument("query")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Output file (default: stdout).")
@_index_option
def export_cmd(query: str, db: str, fmt: str, out: Path | None, index_dir: Path | None) -> None:
    """Stream every record matching QUERY as JSON Lines (cablegram/1 records), CSV or Parquet (--out
    FILE; columns in docs/archive.md), in date order."""
    if fmt == "parquet":
        _export_parquet(query, db, out, index_dir)
        return
    store = _store(db)
    fh = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    n = 0
    try:
        rows = _reader(store, index_dir).export(query)
        if fmt == "csv":
            writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS, extrasaction="ignore")
            writer.writeheader()
            for fields, _record in rows:
                writer.writerow({k: _cell(v) for k, v in fields.items()})
                n += 1
        else:
            for _fields, record in rows:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    except QueryError as exc:
        raise click.UsageError(f"bad query: {exc}") from exc
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot be written ({exc.strerror})") from exc
    finally:
        if out:
            fh.close()
        store.close()
    if out:
        click.echo(f"{n} record(s) written to {out}", err=True)


def _export_parquet(query: str, db: str, out: Path | None, index_dir: Path | None) -> None:
    from .archive.parquet import write_parquet

    if out is None:
        raise click.UsageError("--format parquet needs --out FILE (Parquet is a binary file, not a stream)")
    store = _store(db)
    try:
        n = write_parquet(_reader(store, index_dir).export(query), out)
    except QueryError as exc:
        raise click.UsageError(f"bad query: {exc}") from exc
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        store.close()
    click.echo(f"{n} record(s) written to {out}", err=True)


# -- diff ---------------------------------------------------------------------------------------------
@click.command("diff")
@click.argument("key")
@_db_option
@click.option("--releases", nargs=2, default=None, metavar="A B",
              help="The two releases: r<record> keys or places (1, 2…) as `cablegram show` lists them; default the first two.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff_cmd(key: str, db: str, releases: tuple[str, str] | None, fmt: str) -> None:
    """Show how two releases of a cable differ: what one withheld that the other shows, paragraph by
    paragraph, and their release layers (status, exemptions, dates, case and document numbers)."""
    from .archive.diff import as_json, as_text, diff_releases, pick

    store = _store(db)
    try:
        cable, listed = Reader(store).releases(key)
    finally:
        store.close()
    if not listed:
        raise click.ClickException(f"{key}: not in the archive")
    try:
        a, b = pick(listed, releases)
    except ValueError as exc:
        raise click.ClickException(f"{key}: {exc}") from exc
    result = diff_releases(a["data"], b["data"])
    if fmt == "json":
        click.echo(json.dumps(as_json(cable, a, b, result), ensure_ascii=False, indent=2))
    else:
        click.echo(as_text(cable, a, b, result, others=len(listed) - 2))


# -- check --------------------------------------------------------------------------------------------
@click.command("check")
@_db_option
@_index_option
def check_cmd(db: str, index_dir: Path | None) -> None:
    """Verify the archive: SQLite integrity, full-text index in step, no duplicates or orphans; and say
    whether the search index is in step. Exit status 1 when a problem is found."""
    from .archive.index import index_status

    store = _store(db)
    try:
        report = store.check()
        sources = Reader(store).sources()
        status = index_status(_index_folder(store, index_dir), store)
    finally:
        store.close()
    click.echo("  ".join(f"{k}: {v:,}" for k, v in report.counts.items()))
    for note in report.notes:
        click.echo(f"note: {note}")
    for s in sources:
        click.echo(f"{s['status']:<8} {s['path']}: {s['reason'] or ''}")
    if status is not None:
        click.echo(f"index: {status.describe()}")
    for problem in report.problems:
        click.echo(f"PROBLEM: {problem}")
    click.echo("ok" if report.ok else f"{len(report.problems)} problem(s)")
    if not report.ok:
        sys.exit(1)


# -- the search index ---------------------------------------------------------------------------------
def _refresh_index(store, index_dir: Path | None) -> None:
    """After an ingest: bring the search index up to date (building it the first time)."""
    from .archive.index import IndexBusy, IndexStale, SearchIndex

    folder = _index_folder(store, index_dir)
    if folder is None:
        return
    try:
        index = SearchIndex.open(folder)
        if index is None:
            index = SearchIndex.rebuild(folder, store)
            click.echo(f"search index built: {index.documents():,} records in {folder}", err=True)
        else:
            applied = index.update(store)
            click.echo(f"search index updated: {applied:,} change(s) applied", err=True)
    except (IndexBusy, IndexStale, OSError, ValueError) as exc:  # tantivy reports a damaged index as ValueError
        click.echo(f"note: search index not updated: {exc}; `cablegram reindex` rebuilds it", err=True)


@click.command("reindex")
@_db_option
@_index_option
def reindex_cmd(db: str, index_dir: Path | None) -> None:
    """Rebuild the search index from the archive's records (into a new folder, switched in at the end)."""
    import time

    from .archive.index import SearchIndex

    store = _store(db)
    try:
        folder = _index_folder(store, index_dir)
        if folder is None:
            raise click.UsageError("this archive has no folder to keep an index in; give --index DIR")
        started = time.monotonic()
        index = SearchIndex.rebuild(folder, store)
        index.update(store)  # what was stored while the rebuild ran
        seconds = time.monotonic() - started
        click.echo(f"search index rebuilt: {index.documents():,} records in {seconds:.1f} s ({folder})")
    finally:
        store.close()


COMMANDS = (ingest_cmd, search_cmd, show_cmd, export_cmd, check_cmd, reindex_cmd, diff_cmd)
