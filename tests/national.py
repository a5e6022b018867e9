"""A made-up national graph for the big-page tests: many councils, their inspections,
people, articles and quotes, in the project's vocabulary (N-Quads, one graph per article).

Deterministic for a given size. The names are invented; only the shape is realistic.
"""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox

from graph.namespace import DCTERMS, FOAF, ID_IRI, OKG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

GRADES = ("outstanding", "good", "requires-improvement", "inadequate")
TYPES = ("sif", "ilacs-standard", "focused-visit", "monitoring-visit", "ilacs-short")
AREAS = ("overall-effectiveness", "help-and-protection", "children-in-care-and-care-leavers", "leadership")


def _iri(path: str) -> ox.NamedNode:
    return ox.NamedNode(ID_IRI + path)


def _n(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def write_national(path: Path, *, councils: int = 150, people_per_council: int = 4, articles_per_council: int = 8,
                   seed: int = 1) -> Path:
    """Write the graph to ``path`` (``.nq``) and return it."""
    rng = random.Random(seed)
    quads: list[ox.Quad] = []
    default = ox.DefaultGraph()

    def add(s, p, o, g=default) -> None:
        quads.append(ox.Quad(s, _n(p) if not isinstance(p, ox.NamedNode) else p, o, g))

    def text(value: str) -> ox.Literal:
        return ox.Literal(value)

    for n, grade in enumerate(GRADES, 1):
        add(_iri(f"grade/{grade}"), RDF.type, _n(SKOS.Concept))
        add(_iri(f"grade/{grade}"), RDFS.label, text(grade.replace("-", " ")))
        add(_iri(f"grade/{grade}"), SKOS.notation, ox.Literal(str(n), datatype=_n(XSD.integer)))
    for slug in (*TYPES, *AREAS):
        kind = "inspection-type" if slug in TYPES else "judgement-area"
        add(_iri(f"{kind}/{slug}"), RDF.type, _n(SKOS.Concept))
        add(_iri(f"{kind}/{slug}"), RDFS.label, text(slug.replace("-", " ")))
    ofsted = _iri("organisation/ofsted")
    add(ofsted, RDF.type, _n(OKG.Regulator))
    add(ofsted, RDFS.label, text("Ofsted"))
    outlets = [_iri(f"organisation/outlet-{k}") for k in range(30)]
    for k, outlet in enumerate(outlets):
        add(outlet, RDF.type, _n(OKG.NewsOutlet))
        add(outlet, RDFS.label, text(f"Local News {k}"))
    inspectors = [_iri(f"person/inspector-{k}") for k in range(40)]
    for k, person in enumerate(inspectors):
        add(person, RDF.type, _n(FOAF.Person))
        add(person, RDFS.label, text(f"Inspector Number{k}"))
    for c in range(councils):
        council = _iri(f"authority/council-{c}")
        add(council, RDF.type, _n(OKG.LocalAuthority))
        add(council, RDFS.label, text(f"Council {c} County Council"))
        articles = []
        for a in range(articles_per_council):
            article = _iri(f"article/council-{c}-{a}")
            graph = _iri(f"graph/council-{c}-{a}")
            articles.append((article, graph))
            add(article, RDF.type, _n(OKG.Article), graph)
            add(article, RDFS.label, text(f"Council {c} children's services story {a}"), graph)
            add(article, DCTERMS.title, text(f"Council {c} children's services story {a}"), graph)
            add(article, SCHEMA.publisher, rng.choice(outlets), graph)
            add(article, DCTERMS.issued, ox.Literal(f"{rng.randint(2014, 2023)}-{rng.randint(1, 12):02d}",
                                                    datatype=_n(XSD.gYearMonth)), graph)
        year = 2014 + rng.randint(0, 2)
        for i, kind in enumerate(TYPES):
            inspection = _iri(f"inspection/council-{c}-{i}")
            article, graph = rng.choice(articles)
            add(inspection, RDF.type, _n(OKG.Inspection), graph)
            add(inspection, RDFS.label, text(f"Council {c} County Council: {kind}, {year}"), graph)
            add(inspection, OKG.inspectedAuthority, council, graph)
            add(inspection, OKG.inspectionType, _iri(f"inspection-type/{kind}"), graph)
            add(inspection, PROV.wasAssociatedWith, ofsted, graph)
            add(inspection, OKG.leadInspector, rng.choice(inspectors), graph)
            add(inspection, PROV.wasDerivedFrom, article, graph)
            add(inspection, DCTERMS.issued, ox.Literal(f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                                       datatype=_n(XSD.date)), graph)
            if kind in ("sif", "ilacs-standard", "ilacs-short"):
                for area in AREAS:
                    judgement = _iri(f"inspection/council-{c}-{i}/judgement/{area}")
                    add(inspection, OKG.judgement, judgement, graph)
                    add(judgement, RDF.type, _n(OKG.Judgement), graph)
                    add(judgement, OKG.judgementArea, _iri(f"judgement-area/{area}"), graph)
                    add(judgement, OKG.grade, _iri(f"grade/{rng.choice(GRADES)}"), graph)
            year += rng.randint(1, 2)
        for p in range(people_per_council):
            person = _iri(f"person/council-{c}-person-{p}")
            add(person, RDF.type, _n(FOAF.Person))
            add(person, RDFS.label, text(f"Person{p} Surname{c}"))
            article, graph = rng.choice(articles)
            membership = _iri(f"membership/council-{c}-person-{p}")
            add(membership, RDF.type, _n(ORG.Membership), graph)
            add(membership, ORG.member, person, graph)
            add(membership, ORG.organization, council, graph)
            add(membership, OKG.roleTitle, text(rng.choice(["leader", "cabinet member", "director"])), graph)
            add(membership, PROV.wasDerivedFrom, article, graph)
            for q in range(3):
                statement = _iri(f"statement/council-{c}-{p}-{q}")
                article, graph = rng.choice(articles)
                add(statement, RDF.type, _n(OKG.Statement), graph)
                add(statement, SCHEMA.text, text(f"We are working hard to improve services ({c}/{p}/{q})."), graph)
                add(statement, OKG.speaker, person, graph)
                add(statement, OKG.about, council, graph)
                add(statement, OKG.about, _iri(f"inspection/council-{c}-{rng.randrange(len(TYPES))}"), graph)
                add(statement, PROV.wasDerivedFrom, article, graph)
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    return path
