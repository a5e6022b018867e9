"""Shared fixtures: the real project, a disposable copy of it, and a CLI runner that forbids tracebacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from graph.build import Build, validate
from graph.cli import app

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def built() -> Build:
    """The real dataset, checked once per test session."""
    return validate(ROOT)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's inputs (data/, ontology/) that a test may break."""
    for name in ("data", "ontology"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def edit(project: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` (which must be there) by ``new`` in a file of a project copy."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def invoke(*args: str) -> Result:
    """Run the CLI in-process; any exception other than a clean exit fails the test."""
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"ofsted-kg {' '.join(args)} raised {result.exception!r}\n{result.output}")
    return result


def readme_block(name: str) -> str:
    """The text between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->`` in README.md, without its fences."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    assert start in readme and end in readme, f"README.md has no {name} block"
    return readme.split(start)[1].split(end)[0].strip().strip("`").strip()
