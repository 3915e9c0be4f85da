"""Shared test helpers: the bundled example, the evaluation corpus (skipped when absent), the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from cablegram.cli import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"
SCHEMA = json.loads((ROOT / "src" / "cablegram" / "schema" / "cablegram-1.schema.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA)


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def schema_errors(record_json: dict) -> list[str]:
    """Every way a record breaks the cablegram/1 schema, as readable strings."""
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in VALIDATOR.iter_errors(record_json)]


def eval_rows(name: str) -> list[dict]:
    """Rows of ../shared/eval/<name>.dev.jsonl; the calling test skips when the corpus is absent."""
    path = EVAL_DIR / f"{name}.dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent (a clone without ../shared/eval): corpus tests need it")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the whole session (see tests/services.py)."""
    from services import start_postgres

    yield from start_postgres()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """The URL of an empty database of this test's own in the session's PostgreSQL server."""
    return postgres_server.new_database()
