"""The registry: authorities, organisations and people that appear across sources.

Each entity is referred to by the path of its IRI, e.g. ``authority/west-sussex``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from .errors import InputError, Problem
from .namespace import FOAF, ID, OKG, ORG, PROV, RDF, RDFS, SKOS, is_slug
from .sources import Source, evidence_problem
from .yamlfile import Mapping, as_list, check_keys, load

#: The registry files, the reference path of their entities, and their keys.
FILES = {
    "authorities.yaml": ("authority", ("id", "label", "gss", "la_code"), ("aliases", "source", "evidence")),
    "organisations.yaml": ("organisation", ("id", "type", "label"), ("aliases",)),
    "people.yaml": ("person", ("id", "name"), ("aliases",)),
}
ORGANISATION_TYPES = {
    "regulator": OKG.Regulator,
    "government-body": OKG.GovernmentBody,
    "news-outlet": OKG.NewsOutlet,
    "organisation": ORG.FormalOrganization,
}
ONS_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"

Triple = tuple[URIRef, URIRef, URIRef | Literal]


@dataclass(frozen=True)
class Entity:
    """A registry entry: ``ref`` is the path of its IRI (``person/sue-mullins``)."""

    ref: str
    label: str
    aliases: tuple[str, ...]
    path: str
    line: int

    @property
    def kind(self) -> str:
        return self.ref.split("/", 1)[0]

    @property
    def iri(self) -> URIRef:
        return ID[self.ref]


@dataclass
class Registry:
    """Entities by reference, and the triples of ``id:graph/registry``."""

    entities: dict[str, Entity] = field(default_factory=dict)
    triples: set[Triple] = field(default_factory=set)

    def get(self, ref: str) -> Entity | None:
        return self.entities.get(ref)


def load_registry(directory: Path, sources: dict[str, Source]) -> Registry:
    """Read the registry files; evidence for codes is checked against ``sources``."""
    registry = Registry()
    problems: list[Problem] = []
    for name, (kind, required, optional) in FILES.items():
        path = directory / name
        try:
            doc = load(path)
        except InputError as e:
            problems += e.problems
            continue
        if not isinstance(doc, list) or not all(isinstance(item, Mapping) for item in doc):
            problems.append(Problem(str(path), 1, "a registry file must be a list of mappings"))
            continue
        for item in doc:
            found = check_keys(item, required=required, optional=optional, what=f"{kind} entry")
            if not found and not is_slug(item["id"]):
                found.append(item.problem(f"id {item['id']!r} must be a slug like 'jo-bloggs'", "id"))
            if not found and f"{kind}/{item['id']}" in registry.entities:
                first = registry.entities[f"{kind}/{item['id']}"]
                found.append(item.problem(f"duplicate id {item['id']!r} (first at {first.path}:{first.line})", "id"))
            if not found:
                found = _add(registry, kind, item, sources)
            problems += found
    if problems:
        raise InputError(problems)
    return registry


def _add(registry: Registry, kind: str, item: Mapping, sources: dict[str, Source]) -> list[Problem]:
    label = str(item.get("label") or item.get("name"))
    aliases = tuple(str(a) for a in as_list(item, "aliases"))
    entity = Entity(f"{kind}/{item['id']}", label, aliases, item.path, item.line)
    iri, add = entity.iri, registry.triples.add
    problems: list[Problem] = []
    add((iri, RDFS.label, Literal(label, lang="en")))
    for alias in aliases:
        add((iri, SKOS.altLabel, Literal(alias, lang="en")))
    if kind == "person":
        add((iri, RDF.type, FOAF.Person))
        add((iri, FOAF.name, Literal(label)))
    elif kind == "organisation":
        cls = ORGANISATION_TYPES.get(str(item["type"]))
        if cls is None:
            return [item.problem(f"unknown organisation type {item['type']!r} "
                                 f"(expected one of: {', '.join(ORGANISATION_TYPES)})", "type")]
        add((iri, RDF.type, cls))
        add((iri, RDF.type, ORG.FormalOrganization))
    else:
        problems += _authority(item, iri, add, sources)
    registry.entities[entity.ref] = entity
    return problems


def _authority(item: Mapping, iri: URIRef, add, sources: dict[str, Source]) -> list[Problem]:
    problems: list[Problem] = []
    gss, la_code = str(item["gss"]), str(item["la_code"])
    if not (len(gss) == 9 and gss[0] == "E" and gss[1:].isdigit()):
        problems.append(item.problem(f"gss {gss!r} is not an English GSS code like E10000032", "gss"))
    if not (len(la_code) == 3 and la_code.isdigit()):
        problems.append(item.problem(f"la_code {la_code!r} is not a 3-digit DfE code (quote it: \"938\")", "la_code"))
    for triple in (
        (iri, RDF.type, OKG.LocalAuthority),
        (iri, RDF.type, ORG.FormalOrganization),
        (iri, OKG.gssCode, Literal(gss)),
        (iri, OKG.laCode, Literal(la_code)),
        (iri, RDFS.seeAlso, URIRef(ONS_GEOGRAPHY + gss)),
    ):
        add(triple)
    if item.get("source") is None:
        return problems
    source = sources.get(str(item["source"]))
    if source is None:
        return problems + [item.problem(f"unknown source {item['source']!r}", "source")]
    spans = as_list(item, "evidence")
    if not spans:
        problems.append(item.problem("a sourced entry needs 'evidence'", "source"))
    add((iri, PROV.wasDerivedFrom, source.iri))
    for span in spans:
        problem = evidence_problem(source, item, "evidence", span)
        if problem:
            problems.append(problem)
        else:
            add((iri, OKG.evidence, Literal(span)))
    return problems
