"""The ``cablegram`` command: thin wrappers over the library, turning errors into clear messages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .defects import catalogue_markdown
from .normalise import RULE_NAMES
from .parse import parse
from .render import summary

EXAMPLE = Path(__file__).parent / "examples" / "1996-04-11-state-nodis-four-party-talks.txt"
MAX_FILE_BYTES = 50 * 1024 * 1024


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cablegram")
def main() -> None:
    """Read, archive and search US diplomatic telegrams (cables)."""


@main.command("parse")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: the cablegram/1 record (JSON Lines for several inputs); text: a readable summary.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any record has defects.")
@click.option("--no-rule", "skip", multiple=True, type=click.Choice(RULE_NAMES),
              help="Switch a normalisation rule off (repeatable), to see what it does.")
def parse_cmd(files: tuple[str, ...], fmt: str, strict: bool, skip: tuple[str, ...]) -> None:
    """Parse telegram FILES (or - for standard input) into records.

    The bundled example is at the path printed by `cablegram example`.
    """
    defects_found = False
    failed = False
    for name in files:
        try:
            data, path = _read(name)
        except click.ClickException as exc:
            click.echo(f"cablegram: {exc.message}", err=True)
            failed = True
            continue
        record = parse(data, path=path, skip_rules=skip)
        defects_found |= bool(record.defects)
        if fmt == "json":
            indent = 2 if len(files) == 1 else None
            click.echo(json.dumps(record.to_json(), ensure_ascii=False, indent=indent))
        else:
            if len(files) > 1:
                click.echo(f"== {name} ==")
            click.echo(summary(record))
    if failed:
        sys.exit(2)
    if strict and defects_found:
        sys.exit(1)


def _read(name: str) -> tuple[bytes, str | None]:
    if name == "-":
        return sys.stdin.buffer.read(MAX_FILE_BYTES + 1), None
    path = Path(name)
    if not path.exists():
        raise click.ClickException(f"{name}: no such file")
    if path.is_dir():
        raise click.ClickException(f"{name}: is a folder; give the files inside it (archive ingest comes with `cablegram ingest`)")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise click.ClickException(f"{name}: {size:,} bytes is larger than the {MAX_FILE_BYTES:,} bytes one telegram file may hold")
    try:
        return path.read_bytes(), str(path)
    except OSError as exc:
        raise click.ClickException(f"{name}: cannot be read ({exc.strerror})") from exc


@main.command("example")
def example_cmd() -> None:
    """Print the path of the bundled example telegram (our 1996 starting document)."""
    click.echo(str(EXAMPLE))


@main.command("defects")
@click.option("--markdown", is_flag=True, help="Print the catalogue as the Markdown of docs/defects.md.")
def defects_cmd(markdown: bool) -> None:
    """List the defect codes a record can carry."""
    from .defects import KINDS

    if markdown:
        click.echo(catalogue_markdown(), nl=False)
        return
    for code, kind in KINDS.items():
        click.echo(f"{code:26} {kind.__doc__}")


@main.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the cablegram/1 record."""
    click.echo((Path(__file__).parent / "schema" / "cablegram-1.schema.json").read_text(encoding="utf-8"), nl=False)


@main.command("eval")
@click.option("--eval-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("../shared/eval"),
              show_default=True, help="Folder holding the *.dev.jsonl documents.")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("gold"),
              show_default=True, help="Folder holding the gold labels.")
@click.option("--misses", "show_misses", is_flag=True, help="Also list the documents each field got wrong.")
def eval_cmd(eval_dir: Path, gold_dir: Path, show_misses: bool) -> None:
    """Per-field accuracy against the hand-labelled gold set, per source."""
    from .evaluate import SOURCES, evaluate, misses, table

    if not eval_dir.is_dir():
        raise click.ClickException(f"{eval_dir}: not found; pass --eval-dir pointing at shared/eval")
    if not gold_dir.is_dir():
        raise click.ClickException(f"{gold_dir}: not found; pass --gold pointing at the gold labels")
    present = tuple(s for s in SOURCES if (eval_dir / f"{s}.dev.jsonl").exists())
    results = evaluate(eval_dir, gold_dir, present)
    click.echo(table(results))
    if show_misses:
        click.echo()
        click.echo(misses(results))


if __name__ == "__main__":  # pragma: no cover
    main()
