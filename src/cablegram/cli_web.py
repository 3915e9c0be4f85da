"""``cablegram serve``: the web pages and JSON API over an archive, run by uvicorn (docs/web.md)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .web.sample import DEFAULT_FOLDER, needs_sample

DB_HELP = "The archive: a folder (SQLite) or postgresql:// URL; default $CABLEGRAM_DB or ./cablegram-archive."


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--db", "db", envvar="CABLEGRAM_DB", default=str(DEFAULT_FOLDER), show_default=True, help=DB_HELP)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Server processes.")
@click.option("--sample/--empty", default=True, show_default=True,
              help="When the archive folder holds no archive: build the bundled sample in it, or start empty.")
@click.option("--max-upload-mb", type=click.IntRange(min=1, max=2048), default=20, show_default=True,
              help="The most one upload may carry.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True)
def serve_cmd(host: str, port: int, db: str, workers: int, sample: bool, max_upload_mb: int, log_level: str) -> None:
    """Serve the archive's web pages and JSON API (search, cables, releases, browse, ingest).

    On first start, when the archive folder holds no archive, the bundled sample is built in it (our
    starting document and a few thousand synthetic cables, some with a second OCR-damaged release).
    Stop with Ctrl-C: requests in flight finish first.
    """
    import uvicorn

    from .web.app import Settings, create_app, settings_to_environment

    if "://" not in db:
        _prepare_folder(Path(db), sample)
    settings = Settings(db=db, max_upload_bytes=max_upload_mb * 1024 * 1024)
    _check_opens(db)
    click.echo(f"cablegram: serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    if workers > 1:
        settings_to_environment(settings)
        uvicorn.run("cablegram.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                    log_level=log_level, access_log=True)
    else:
        uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, access_log=True)


def _prepare_folder(folder: Path, sample: bool) -> None:
    if not needs_sample(folder):
        return
    if folder.exists() and any(folder.iterdir()):
        raise click.ClickException(f"{folder}: a folder that holds files but no archive; give an empty or new folder")
    if not sample:
        from .archive import open_store

        open_store(folder).close()
        click.echo(f"cablegram: created an empty archive in {folder}", err=True)
        return
    from .web.sample import build_sample

    click.echo(f"cablegram: no archive in {folder}: building the bundled sample (under a minute)…", err=True)
    report = build_sample(folder, jobs=min(2, os.cpu_count() or 1))
    click.echo(f"cablegram: sample built: {report.documents:,} records of {report.new_cables:,} cables "
               f"in {report.seconds:.1f} s", err=True)


def _check_opens(db: str) -> None:
    from .archive import open_store

    try:
        open_store(db, create=False).close()
    except (FileNotFoundError, NotImplementedError) as exc:
        raise click.ClickException(f"{db}: {exc}") from exc
    except Exception as exc:  # a database that cannot be reached: say so, no traceback
        raise click.ClickException(f"{db}: cannot open the archive ({exc})") from exc
