"""Every vocabulary term the code uses, in one place.

``OKG`` is closed: a misspelt term raises ``AttributeError``, and a test checks
that every term listed here is defined in ``ontology/ofsted-kg.ttl``.

>>> str(OKG.Inspection)
'https://w3id.org/ofsted-kg/ontology#Inspection'
>>> str(ID["authority/west-sussex"])
'https://w3id.org/ofsted-kg/id/authority/west-sussex'
"""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
)

OKG_IRI = "https://w3id.org/ofsted-kg/ontology#"
ID_IRI = "https://w3id.org/ofsted-kg/id/"

SCHEMA = SDO  # https://schema.org/
ID = Namespace(ID_IRI)


class OKG(DefinedNamespace):
    """The ofsted-kg ontology (``okg:``)."""

    _NS = Namespace(OKG_IRI)
    _fail = True

    # classes
    Source: URIRef
    Article: URIRef
    ReferenceDocument: URIRef
    LocalAuthority: URIRef
    Regulator: URIRef
    GovernmentBody: URIRef
    NewsOutlet: URIRef
    Inspection: URIRef
    Claim: URIRef
    Judgement: URIRef
    Finding: URIRef
    Statement: URIRef
    Commitment: URIRef
    Statistic: URIRef
    DateClaim: URIRef
    Intervention: URIRef
    # authorities and organisations
    gssCode: URIRef
    laCode: URIRef
    # inspections
    inspectedAuthority: URIRef
    inspectionType: URIRef
    leadInspector: URIRef
    fieldworkStart: URIRef
    fieldworkEnd: URIRef
    judgement: URIRef
    judgementArea: URIRef
    grade: URIRef
    finding: URIRef
    findingKind: URIRef
    theme: URIRef
    appliesTo: URIRef
    # statements
    text: URIRef
    speaker: URIRef
    speakerDescription: URIRef
    about: URIRef
    # people
    roleTitle: URIRef
    # money and numbers
    amount: URIRef
    committedBy: URIRef
    measure: URIRef
    value: URIRef
    unit: URIRef
    # interventions
    intervenedIn: URIRef
    appointee: URIRef
    # dates
    claimedProperty: URIRef
    claimedDate: URIRef
    # provenance
    evidence: URIRef
    sourceFile: URIRef
    sourceLine: URIRef
    dateDerivation: URIRef
    textRepair: URIRef
    citedSource: URIRef


#: Prefixes every export, query and page can rely on (the vocabulary contract).
PREFIXES: dict[str, str] = {
    "okg": OKG_IRI,
    "id": ID_IRI,
    "org": str(ORG),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "xsd": str(XSD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "sh": str(SH),
}

#: The kinds of resource under ``id:``; each is also a prefix, so
#: ``grade:inadequate`` reads ``<https://w3id.org/ofsted-kg/id/grade/inadequate>``
#: in queries and exports (Turtle and SPARQL forbid ``/`` in ``id:grade/inadequate``).
ID_PATHS: tuple[str, ...] = (
    "authority",
    "organisation",
    "person",
    "inspection",
    "membership",
    "statement",
    "finding",
    "commitment",
    "statistic",
    "intervention",
    "article",
    "reference",
    "graph",
    "scheme",
    "grade",
    "judgement-area",
    "inspection-type",
    "finding-kind",
    "theme",
    "role",
)
PREFIXES.update({path: f"{ID_IRI}{path}/" for path in ID_PATHS})
_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def prefixed(iri: object) -> str:
    """An IRI as a prefixed name where a contract prefix fits, else the IRI itself.

    >>> prefixed("https://w3id.org/ofsted-kg/id/grade/inadequate")
    'grade:inadequate'
    """
    text = str(iri)
    for prefix, base in _LONGEST_FIRST:
        if text.startswith(base):
            return f"{prefix}:{text[len(base):]}"
    return text


def sparql_prologue() -> str:
    """``PREFIX`` lines for every prefix of the contract, so queries can omit them.

    >>> "PREFIX grade: <https://w3id.org/ofsted-kg/id/grade/>" in sparql_prologue()
    True
    """
    return "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())

#: Concept schemes under ``id:`` and the IRI path of their concepts.
SCHEMES: dict[str, str] = {
    "grade": "grades",
    "judgement-area": "judgement-areas",
    "inspection-type": "inspection-types",
    "finding-kind": "finding-kinds",
    "theme": "themes",
    "role": "roles",
}


def concept(scheme: str, slug: str) -> URIRef:
    """The IRI of a SKOS concept: ``concept("grade", "good")`` is ``id:grade/good``."""
    return ID[f"{scheme}/{slug}"]


def scheme_iri(scheme: str) -> URIRef:
    """The IRI of a concept scheme: ``scheme_iri("grade")`` is ``id:scheme/grades``."""
    return ID[f"scheme/{SCHEMES[scheme]}"]


def graph_iri(slug: str) -> URIRef:
    """The named graph of a source or of shared facts: ``id:graph/<slug>``."""
    return ID[f"graph/{slug}"]


REGISTRY_GRAPH = graph_iri("registry")
ONTOLOGY_GRAPH = graph_iri("ontology")

__all__ = [
    "is_slug",
    "prefixed",
    "sparql_prologue",
    "DCTERMS",
    "FOAF",
    "ID",
    "ID_PATHS",
    "OKG",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SCHEMES",
    "SH",
    "SKOS",
    "XSD",
    "concept",
    "graph_iri",
    "scheme_iri",
    "REGISTRY_GRAPH",
    "ONTOLOGY_GRAPH",
]


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(text: object) -> bool:
    """True for a readable IRI segment: lower-case words and digits joined by hyphens.

    >>> is_slug("west-sussex-2019-ilacs"), is_slug("West Sussex")
    (True, False)
    """
    return isinstance(text, str) and bool(_SLUG.match(text))
