"""The docs stay complete: every defect code, CLI command and normalisation rule is documented."""

from __future__ import annotations

from cablegram.cli import main
from cablegram.defects import KINDS
from cablegram.normalise import RULE_NAMES
from conftest import ROOT


def test_every_defect_code_is_documented():
    text = (ROOT / "docs" / "defects.md").read_text()
    assert [c for c in KINDS if f"`{c}`" not in text] == []


def test_every_cli_command_is_documented():
    text = (ROOT / "docs" / "cli.md").read_text()
    assert [c for c in main.commands if f"cablegram {c}" not in text] == []


def test_every_normalisation_rule_is_documented():
    text = (ROOT / "docs" / "normalisation.md").read_text()
    assert [r for r in RULE_NAMES if f"`{r}`" not in text] == []


def test_readme_opens_with_the_two_commands():
    lines = [ln for ln in (ROOT / "README.md").read_text().split("\n") if ln.strip()]
    code = lines[lines.index("```sh") + 1: lines.index("```sh") + 3]
    assert "cablegram" in code[0] and code[1] == "bash scripts/test"
    assert "bash scripts/test" in (ROOT / ".ci" / "run").read_text()
    assert "pytest" in (ROOT / "scripts" / "test").read_text()
