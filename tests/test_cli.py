"""The command line: every command has help and is documented in the README; stats and validate work."""

from __future__ import annotations

import json
import re

import pytest
import typer

from graph.cli import app

from .conftest import ROOT, invoke, readme_block

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and re.search(r"Examples?:", result.output)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_shown_in_the_readme(command):
    assert f"ofsted-kg {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_version_and_no_arguments():
    assert invoke("--version").output.startswith("ofsted-kg ")
    assert "build" in invoke().output


def test_validate_reports_what_it_checked():
    result = invoke("validate", "--root", ROOT)
    assert result.exit_code == 0 and result.output.startswith("ok: 6 sources")


def test_stats_counts_by_class_and_per_source():
    result = invoke("stats", "--data", ROOT / "exports/ofsted-kg.trig", "--json")
    data = json.loads(result.output)
    assert data["by_class"]["okg:Inspection"] == 10 and data["by_class"]["foaf:Person"] == 10
    assert {s["id"] for s in data["sources"]} >= {"wscc-damning-report-2019", "ofsted-facts"}
    table = invoke("stats", "--data", ROOT / "exports/ofsted-kg.trig").output
    assert "instances by class:" in table and "per source:" in table


def test_stats_on_a_missing_export_says_to_build(tmp_path):
    result = invoke("stats", "--data", tmp_path / "none.trig")
    assert result.exit_code == 1 and "run `ofsted-kg build` first" in result.output


def test_the_readme_shows_the_current_stats():
    """The counts in the README are the real ones (regenerate with `make readme-stats`)."""
    assert readme_block("stats") == invoke("stats", "--data", ROOT / "exports/ofsted-kg.trig").output.strip()
