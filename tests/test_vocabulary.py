"""Every vocabulary term used in code, queries, shapes and data is defined in ontology/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from graph.build import Build
from graph.namespace import OKG, OKG_IRI, RDF, RDFS
from graph.ontology import load_ontology

from .conftest import ROOT

ONTOLOGY = load_ontology(ROOT / "ontology")
#: The RDF, RDFS, OWL, XSD and SHACL core terms describe the vocabulary itself.
CORE = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#",
        "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2001/XMLSchema#", "http://www.w3.org/ns/shacl#")


def okg_terms_in(pattern: str, files: list[Path]) -> set[str]:
    return {m for f in files for m in re.findall(pattern, f.read_text(encoding="utf-8"))}


def test_every_term_of_the_namespace_module_is_defined_with_label_and_comment():
    for name in OKG.__annotations__:
        term = OKG[name]
        assert ONTOLOGY.defines(term), f"okg:{name} has no rdfs:label in ontology/"
        assert (term, RDFS.comment, None) in ONTOLOGY.graph, f"okg:{name} has no rdfs:comment"


def test_the_namespace_module_lists_every_okg_term_the_ontology_defines():
    defined = {str(s)[len(OKG_IRI):] for s in ONTOLOGY.graph.subjects(RDF.type, None)
               if isinstance(s, URIRef) and str(s).startswith(OKG_IRI)}
    assert defined == set(OKG.__annotations__)


def test_code_uses_only_defined_okg_terms():
    used = okg_terms_in(r"\bOKG\.([A-Za-z]+)", sorted((ROOT / "graph").rglob("*.py")))
    used |= okg_terms_in(r"\bOKG\[\"([A-Za-z]+)\"\]", sorted((ROOT / "graph").rglob("*.py")))
    assert used, "the scan found no OKG terms: the pattern is broken"
    assert used <= set(OKG.__annotations__), used - set(OKG.__annotations__)


@pytest.mark.parametrize("folder, suffix", [("ontology", "*.ttl"), ("ontology/queries", "*.rq"), ("graph", "*.py"),
                                            ("graph/templates", "*")])
def test_queries_shapes_and_templates_use_only_defined_okg_terms(folder, suffix):
    files = sorted((ROOT / folder).rglob(suffix))
    used = okg_terms_in(r"\bokg:([A-Za-z]+)\b", files)
    assert used <= set(OKG.__annotations__), sorted(used - set(OKG.__annotations__))


def test_every_class_and_property_in_the_data_is_defined(built: Build):
    used = set()
    for triples in built.graphs.values():
        for s, p, o in triples:
            used.add(p)
            if p == RDF.type:
                used.add(o)
    undefined = sorted(t for t in used if not str(t).startswith(CORE) and not ONTOLOGY.defines(t))
    assert undefined == []


def test_every_concept_has_label_scheme_and_definition():
    from graph.namespace import SKOS

    for concept in ONTOLOGY.graph.subjects(RDF.type, SKOS.Concept):
        for prop in (RDFS.label, SKOS.inScheme, SKOS.definition):
            assert (concept, prop, None) in ONTOLOGY.graph, (concept, prop)


def test_grades_are_ordered_by_notation():
    from graph.namespace import SKOS

    order = sorted(ONTOLOGY.concepts["grade"], key=lambda g: int(ONTOLOGY.graph.value(ONTOLOGY.concept("grade", g),
                                                                                       SKOS.notation)))
    assert order == ["outstanding", "good", "requires-improvement", "inadequate"]
