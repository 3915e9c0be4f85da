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


@main.command("render")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--style", type=click.Choice(["aad-1970s", "dept-worksheet-1990s", "acp127-2000s", "smart-2010s"]),
              help="The era's layout; default: the record's own era.")
def render_cmd(file: Path, style: str | None) -> None:
    """Write a cablegram/1 record (JSON, or the truth of a synth JSONL line) back as telegram text."""
    from .render import render
    from .synth.records import from_json

    if not file.exists():
        raise click.ClickException(f"{file}: no such file")
    try:
        data = json.loads(file.read_text(encoding="utf-8").split("\n", 1)[0] if file.suffix == ".jsonl"
                          else file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{file}: not a JSON record ({exc})") from exc
    data = data.get("truth", data) if isinstance(data, dict) else data
    try:
        record = from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise click.ClickException(f"{file}: not a cablegram/1 record ({exc})") from exc
    if not (style or record.era):
        raise click.ClickException(f"{file}: the record names no era; pass --style")
    click.echo(render(record, style), nl=False)


@main.command("synth")
@click.option("--count", type=click.IntRange(min=0), default=100, show_default=True, help="How many telegrams.")
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed gives the same corpus.")
@click.option("--era", "eras", multiple=True,
              type=click.Choice(["aad-1970s", "dept-worksheet-1990s", "acp127-2000s", "smart-2010s"]),
              help="Era(s) to generate (repeatable); default: all four.")
@click.option("--noise", type=click.Choice(["none", "ocr"]), default="none", show_default=True,
              help="ocr: add release-layer furniture and OCR damage to each text (the truth stays clean).")
@click.option("--noise-rate", type=click.FloatRange(0, 1), default=0.25, show_default=True,
              help="Rate of every kind of noise when --noise ocr.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("-"), show_default=True,
              help="FILE.jsonl (one {text, truth} per line), a folder (NNNNNNN.txt + .json), or - for stdout.")
def synth_cmd(count: int, seed: int, eras: tuple[str, ...], noise: str, noise_rate: float, out: Path) -> None:
    """Generate synthetic telegrams of every era with their true records."""
    from .synth import ERAS, NoiseConfig, generate
    from .synth.output import write

    config = NoiseConfig.ocr(noise_rate) if noise == "ocr" else None
    try:
        n = write(generate(count, seed, eras or ERAS, config), out)
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot be written ({exc.strerror})") from exc
    if str(out) != "-":
        click.echo(f"{n} telegrams written to {out}", err=True)


# The archive's commands (ingest, search, show, export, check) live in cli_archive.py.
from .cli_archive import COMMANDS as _ARCHIVE_COMMANDS  # noqa: E402

for _command in _ARCHIVE_COMMANDS:
    main.add_command(_command)

from .cli_web import serve_cmd as _serve_cmd  # noqa: E402  (the web server: cli_web.py)

main.add_command(_serve_cmd)


if __name__ == "__main__":  # pragma: no cover
    main()
