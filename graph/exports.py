"""Exports of the built dataset: Turtle (union), TriG (named graphs), N-Triples, JSON-LD.

Serialised by pyoxigraph from quads in a fixed order, so the same inputs give
byte-identical files. Everything is serialised in memory first and only then
written (each file atomically), so a failure leaves the old exports untouched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .files import write_atomic
from .namespace import PREFIXES, RDF

Quad = tuple  # (subject, predicate, object, graph) in rdflib terms


@dataclass(frozen=True)
class ExportFormat:
    """One export: file name, pyoxigraph format, and whether it keeps named graphs."""

    filename: str
    rdf_format: ox.RdfFormat
    keeps_graphs: bool


FORMATS: dict[str, ExportFormat] = {
    "ttl": ExportFormat("ofsted-kg.ttl", ox.RdfFormat.TURTLE, keeps_graphs=False),
    "trig": ExportFormat("ofsted-kg.trig", ox.RdfFormat.TRIG, keeps_graphs=True),
    "nt": ExportFormat("ofsted-kg.nt", ox.RdfFormat.N_TRIPLES, keeps_graphs=False),
    "jsonld": ExportFormat("ofsted-kg.jsonld", ox.RdfFormat.JSON_LD, keeps_graphs=True),
}


def to_oxigraph(term: URIRef | Literal | BNode) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.BlankNode(str(term))


def _order(quad: ox.Quad) -> tuple:
    """Graph, subject, then rdf:type first, then predicate and object: a readable, stable order."""
    return (str(quad.graph_name), str(quad.subject), quad.predicate.value != str(RDF.type),
            str(quad.predicate), str(quad.object))


def sorted_quads(quads: list[Quad]) -> list[ox.Quad]:
    """The dataset's quads as pyoxigraph quads in export order."""
    return export_order(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), to_oxigraph(g)) for s, p, o, g in quads)


def export_order(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """pyoxigraph quads without duplicates, in export order."""
    return sorted(set(quads), key=_order)


def serialise(quads: list[ox.Quad], fmt: ExportFormat) -> bytes:
    """One export's bytes."""
    if fmt.keeps_graphs:
        data = ox.serialize(quads, format=fmt.rdf_format, prefixes=PREFIXES)
    else:
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                         key=lambda t: (str(t.subject), t.predicate.value != str(RDF.type),
                                        str(t.predicate), str(t.object)))
        data = ox.serialize(triples, format=fmt.rdf_format, prefixes=PREFIXES)
    if fmt.rdf_format == ox.RdfFormat.JSON_LD:
        data = (json.dumps(json.loads(data), indent=1, ensure_ascii=False) + "\n").encode()
    return data


def write_exports(quads: list[Quad], directory: Path) -> list[Path]:
    """Write every format into ``directory``; returns the paths written."""
    ordered = sorted_quads(quads)
    payloads = {fmt.filename: serialise(ordered, fmt) for fmt in FORMATS.values()}
    paths = []
    for name, data in payloads.items():
        write_atomic(directory / name, data)
        paths.append(directory / name)
    return paths
