"""The curated texts are the seeds and the reference sheet, unchanged."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .conftest import ROOT

SHARED = ROOT.parent / "shared"
#: ``sha256sum seeds/*.txt reference/ofsted-facts.md``, run in ../shared when the copies were made.
CHECKSUMS = ROOT / "data/shared.sha256"
#: Where each folder of ../shared is copied to in this project.
COPIES = {"seeds": ROOT / "data/articles", "reference": ROOT / "data/references"}


def recorded() -> dict[str, str]:
    """Path under ../shared -> its SHA-256 when it was copied."""
    return {name: digest for digest, name in (line.split(maxsplit=1) for line in CHECKSUMS.read_text().splitlines())}


def copy_of(shared_path: str) -> Path:
    folder, name = shared_path.split("/", 1)
    return COPIES[folder] / name


def test_every_copy_has_the_bytes_of_its_original():
    """Runs on any clone, with or without ../shared beside it."""
    assert {copy_of(name).name for name in recorded() if name.startswith("seeds/")} == \
        {p.name for p in COPIES["seeds"].glob("*.txt")}
    for name, digest in recorded().items():
        assert hashlib.sha256(copy_of(name).read_bytes()).hexdigest() == digest, f"{copy_of(name)} was changed"


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is not beside this clone; the checksums test still runs")
def test_the_checksums_are_those_of_the_shared_folder_now():
    assert sorted(recorded()) == sorted(["reference/ofsted-facts.md",
                                         *(f"seeds/{p.name}" for p in (SHARED / "seeds").glob("*.txt"))])
    for name, digest in recorded().items():
        assert hashlib.sha256((SHARED / name).read_bytes()).hexdigest() == digest, f"{SHARED / name} differs"


def test_every_article_has_a_claims_file(built):
    files = {s.path.name for s in built.sources if s.kind == "article"}
    assert files == {p.name for p in (ROOT / "data/articles").glob("*.txt")}
