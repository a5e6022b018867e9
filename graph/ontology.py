"""The ontology and SKOS schemes in ``ontology/``, read once: terms, concepts, shapes.

>>> onto = load_ontology(Path("ontology"))
>>> str(onto.concept("grade", "inadequate"))
'https://w3id.org/ofsted-kg/id/grade/inadequate'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.exceptions import ParserError

from .errors import InputError
from .namespace import ID_IRI, OKG, PREFIXES, RDFS, SCHEMES, SKOS, scheme_iri

#: The files that make up the ontology graph (``id:graph/ontology``).
ONTOLOGY_FILES = ("ofsted-kg.ttl", "schemes.ttl")
SHAPES_FILE = "shapes.ttl"


def parse_turtle(path: Path) -> Graph:
    """Parse a Turtle file; a syntax error becomes an ``InputError`` at its line."""
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise InputError.at(path, 0, "file not found") from None
    except (SyntaxError, ParserError) as e:
        line = getattr(e, "lines", None) or getattr(e, "lineno", None) or 0
        raise InputError.at(path, int(line), f"Turtle syntax error: {str(e).splitlines()[0]}") from None
    return graph


@dataclass
class Ontology:
    """Terms and concept schemes, plus the SHACL shapes that check the data."""

    graph: Graph
    shapes: Graph
    concepts: dict[str, dict[str, URIRef]] = field(default_factory=dict)
    applies_to: dict[URIRef, set[URIRef]] = field(default_factory=dict)

    def concept(self, scheme: str, slug: str) -> URIRef | None:
        """The concept IRI for ``slug`` in ``scheme``, or None if the scheme has no such concept."""
        return self.concepts.get(scheme, {}).get(slug)

    def slugs(self, scheme: str) -> list[str]:
        """Every slug of a scheme, sorted, for error messages."""
        return sorted(self.concepts.get(scheme, {}))

    def label(self, iri: URIRef) -> str:
        """The English label of a term or concept (its IRI if it has none)."""
        value = self.graph.value(iri, RDFS.label)
        return str(value) if value is not None else str(iri)

    def defines(self, iri: URIRef) -> bool:
        """True if the ontology describes ``iri`` (with at least a label)."""
        return (iri, RDFS.label, None) in self.graph


def load_ontology(directory: Path) -> Ontology:
    """Read ``ofsted-kg.ttl``, ``schemes.ttl`` and ``shapes.ttl`` from ``directory``."""
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    for name in ONTOLOGY_FILES:
        graph += parse_turtle(directory / name)
    onto = Ontology(graph=graph, shapes=parse_turtle(directory / SHAPES_FILE))
    for scheme in SCHEMES:
        prefix = f"{ID_IRI}{scheme}/"
        onto.concepts[scheme] = {
            str(c)[len(prefix) :]: c
            for c in graph.subjects(SKOS.inScheme, scheme_iri(scheme))
            if isinstance(c, URIRef) and str(c).startswith(prefix)
        }
    for area, kind in graph.subject_objects(OKG.appliesTo):
        onto.applies_to.setdefault(area, set()).add(kind)
    if not onto.concepts["grade"]:
        raise InputError.at(directory / "schemes.ttl", 0, "no grade concepts found (id:scheme/grades)")
    return onto

