"""Exports parse back to the built dataset, are byte-stable, and are never left half-written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import graph.exports
from graph.build import Build, build
from graph.files import write_atomic

from .conftest import ROOT


@pytest.fixture(scope="module")
def written(built: Build, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    graph.exports.write_exports(built.quads(), out)
    return out


@pytest.mark.parametrize("name, fmt", [("ofsted-kg.ttl", "turtle"), ("ofsted-kg.nt", "nt")])
def test_union_exports_are_isomorphic_to_the_built_union(built, written, name, fmt):
    parsed = Graph().parse(written / name, format=fmt)
    assert len(parsed) == len(built.union())
    assert isomorphic(parsed, built.union())


@pytest.mark.parametrize("name, fmt", [("ofsted-kg.trig", "trig"), ("ofsted-kg.jsonld", "json-ld")])
def test_dataset_exports_keep_every_named_graph(built, written, name, fmt):
    parsed = Dataset().parse(written / name, format=fmt)
    names = {g.identifier for g in parsed.graphs() if len(g)}
    assert names == set(built.graphs)
    for iri, triples in built.graphs.items():
        expected = Graph()
        for triple in triples:
            expected.add(triple)
        assert isomorphic(parsed.graph(iri), expected), iri


def test_a_rebuild_is_byte_identical_whatever_the_hash_seed(project):
    outputs = []
    for seed in ("1", "2"):
        out = project / f"out{seed}"
        subprocess.run([sys.executable, "-m", "graph", "build", "--root", project, "--out", out],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 4


def test_the_committed_exports_are_what_a_fresh_build_writes(tmp_path):
    build(ROOT, out=tmp_path)
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (ROOT / "exports" / path.name).read_bytes(), f"exports/{path.name} is stale"


def test_a_failing_serialiser_leaves_every_export_untouched(built, tmp_path, monkeypatch):
    graph.exports.write_exports(built.quads(), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = graph.exports.serialise

    def fail_on_jsonld(quads, fmt):
        if fmt.filename.endswith(".jsonld"):
            raise MemoryError("simulated")
        return real(quads, fmt)

    monkeypatch.setattr(graph.exports, "serialise", fail_on_jsonld)
    with pytest.raises(MemoryError):
        graph.exports.write_exports(built.quads()[:10], tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_write_atomic_keeps_the_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    target = tmp_path / "f.ttl"
    write_atomic(target, b"old")
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.ttl"]  # no temporary file left behind
