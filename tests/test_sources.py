"""The curated texts are the seeds and the reference sheet, unchanged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import ROOT

SHARED = ROOT.parent / "shared"


def shared_or_skip(folder: str) -> Path:
    path = SHARED / folder
    if not path.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI runs with shared/ beside the clone")
        pytest.skip(f"{path} not present outside CI")
    return path


def test_the_curated_articles_are_the_seeds_unchanged():
    seeds = shared_or_skip("seeds")
    ours = {p.name: p.read_bytes() for p in (ROOT / "data/articles").glob("*.txt")}
    theirs = {p.name: p.read_bytes() for p in seeds.glob("*.txt")}
    assert ours == theirs


def test_the_reference_sheet_is_the_shared_one_unchanged():
    reference = shared_or_skip("reference") / "ofsted-facts.md"
    assert (ROOT / "data/references/ofsted-facts.md").read_bytes() == reference.read_bytes()


def test_every_article_has_a_claims_file(built):
    files = {s.path.name for s in built.sources if s.kind == "article"}
    assert files == {p.name for p in (ROOT / "data/articles").glob("*.txt")}
