"""The store every query runs on: named graphs kept, their merge as the default graph."""

from __future__ import annotations

from pathlib import Path

import rdflib

from graph.store import load_store

TWO_SOURCES = """
@prefix ex: <https://example.org/> .
ex:a { ex:inspection ex:grade ex:inadequate . ex:inspection ex:label "A" . }
ex:b { ex:inspection ex:grade ex:inadequate . }
"""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_a_triple_two_sources_state_is_seen_once_and_in_both_graphs(tmp_path: Path):
    path = tmp_path / "two.trig"
    path.write_text(TWO_SOURCES)
    store = load_store(path)
    assert int(next(iter(store.query(COUNT)))["n"].value) == 2
    graphs = {row["g"].value for row in store.query(
        "SELECT ?g WHERE { GRAPH ?g { <https://example.org/inspection> <https://example.org/grade> ?o } }")}
    assert graphs == {"https://example.org/a", "https://example.org/b"}
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=TWO_SOURCES, format="trig")
    assert int(next(iter(dataset.query(COUNT)))[0]) == 2, "rdflib's union agrees"


def test_a_file_without_named_graphs_is_the_default_graph(tmp_path: Path):
    path = tmp_path / "plain.ttl"
    path.write_text("<https://example.org/s> <https://example.org/p> 1 .\n")
    store = load_store(path)
    assert len(store) == 1 and list(store.named_graphs()) == []
