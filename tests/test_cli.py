"""The `cablegram` command as a person runs it: a real process, real files, real exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cablegram.cli import EXAMPLE
from conftest import ROOT, schema_errors

EXE = shutil.which("cablegram", path=str(Path(sys.executable).parent)) or "cablegram"


def run(*args, stdin: bytes | None = None):
    return subprocess.run([EXE, *args], input=stdin, capture_output=True, timeout=60)


def test_parse_example_as_json_validates():
    res = run("parse", str(EXAMPLE))
    assert res.returncode == 0, res.stderr
    record = json.loads(res.stdout)
    assert schema_errors(record) == []
    assert record["subject"] == "INFORMING RUSSIA OF NEW US-ROK PEACE PLAN"


def test_parse_text_summary_is_readable():
    res = run("parse", "--format", "text", str(EXAMPLE))
    out = res.stdout.decode()
    assert res.returncode == 0
    for expected in ("SECRET", "IMMEDIATE", "NODIS", "PREL (", "-- defects:", "ambiguous-number"):
        assert expected in out


def test_several_inputs_give_json_lines(tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("UNCLAS STATE 022097\nSUBJECT: TEST\n\n1. TEXT.\n")
    res = run("parse", str(EXAMPLE), str(other))
    lines = res.stdout.decode().strip().split("\n")
    assert len(lines) == 2 and all(schema_errors(json.loads(x)) == [] for x in lines)


def test_stdin_dash(example_text):
    res = run("parse", "-", stdin=example_text.encode())
    assert res.returncode == 0 and json.loads(res.stdout)["source"]["path"] is None


def test_strict_exits_nonzero_when_defects(tmp_path):
    assert run("parse", "--strict", str(EXAMPLE)).returncode == 1


def test_missing_file_and_folder_give_messages_not_tracebacks(tmp_path):
    res = run("parse", str(tmp_path / "nope.txt"))
    assert res.returncode == 2 and b"no such file" in res.stderr and b"Traceback" not in res.stderr
    res = run("parse", str(tmp_path))
    assert res.returncode == 2 and b"is a folder" in res.stderr


@pytest.mark.parametrize("content, code", [
    (b"", "empty-input"),
    (b"\x00\x01\x02\xff\xfe binary \x00 data", "not-text"),
])
def test_bad_files_give_records_with_defects(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    res = run("parse", str(path))
    assert res.returncode == 0 and b"Traceback" not in res.stderr
    assert code in {d["code"] for d in json.loads(res.stdout)["defects"]}


def test_no_rule_switch_changes_the_text():
    res = run("parse", "--no-rule", "page-number", str(EXAMPLE))
    removed = {r["rule"] for r in json.loads(res.stdout)["removed"]}
    assert "page-number" not in removed


def test_defects_markdown_matches_docs():
    res = run("defects", "--markdown")
    assert res.stdout.decode() == (ROOT / "docs" / "defects.md").read_text()


def test_schema_command_prints_the_schema():
    assert json.loads(run("schema").stdout)["title"].startswith("cablegram/1")
