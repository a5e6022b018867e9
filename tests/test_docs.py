"""`ofsted-kg docs`: the pyLODE ontology page is deterministic, offline and up to date."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from graph.cli import app
from graph.docs import ontology_docs

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "exports" / "ontology.html"


def test_the_page_documents_the_ontology_and_loads_nothing_from_the_network(tmp_path):
    page = ontology_docs(ROOT, out=tmp_path / "ontology.html").read_text()
    assert "<title>ofsted-kg: Ofsted inspections of English councils' children's services</title>" in page
    for term in ("Inspection", "DateClaim", "inspectedAuthority", "claimedDate", "speakerDescription"):
        assert f'id="{term}"' in page, term
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", page, re.IGNORECASE)


def test_the_page_is_byte_identical_across_runs_and_hash_seeds(tmp_path):
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"ontology-{seed}.html"
        subprocess.run([sys.executable, "-m", "graph", "docs", "--root", str(ROOT), "--out", str(out)],
                       check=True, capture_output=True, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"})
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]
    assert pages[0] == COMMITTED.read_bytes(), "exports/ontology.html is stale: run `make exports`"


def test_a_missing_ontology_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["docs", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert "ontology not found" in result.output
    assert "Traceback" not in result.output


def test_a_broken_ontology_is_one_line(tmp_path):
    (tmp_path / "ontology").mkdir()
    (tmp_path / "ontology" / "ofsted-kg.ttl").write_text("@prefix : <urn:x#> .\n:a :b \n")
    result = CliRunner().invoke(app, ["docs", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert "pyLODE cannot document it" in result.output
    assert "Traceback" not in result.output
