"""The graph as a network: councils, inspections, people, organisations and sources.

``read_facts`` reads what the network page, the timeline and the network exports
need with a few SPARQL queries over pyoxigraph (each a flat pattern, joined here,
so a million-triple export reads in seconds). ``project`` turns the facts into a
``networkx.MultiDiGraph`` whose nodes are things (never types, concepts or
literals) and whose edges carry readable labels. ``load_network`` adds the
reader's choices: a CONSTRUCT query that picks what to draw, and a focus (the
neighbourhood of one person, council or other node).

>>> network = load_network(Path("exports/ofsted-kg.trig"), focus="Goldsmith")
>>> network.graph.nodes[network.centre]["label"]
'Louise Goldsmith'
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import URIRef

from .errors import NotFoundError, QueryError
from .namespace import DCTERMS, FOAF, ID_IRI, OKG, ORG, PROV, RDFS, SCHEMA, SKOS, sparql_prologue
from .store import DEFAULT_DATA, load_store
from .text import read_utf8


@dataclass(frozen=True)
class NodeType:
    """A kind of node: its key, how the page names one and many, and the RDF classes it covers."""

    key: str
    label: str
    plural: str
    classes: tuple[str, ...]


#: Node types, most specific first: a resource takes the first type whose class it has.
NODE_TYPES: tuple[NodeType, ...] = (
    NodeType("authority", "council", "councils", (str(OKG.LocalAuthority),)),
    NodeType("inspection", "inspection", "inspections", (str(OKG.Inspection),)),
    NodeType("person", "person", "people", (str(FOAF.Person),)),
    NodeType("organisation", "organisation", "organisations", (
        str(OKG.Regulator), str(OKG.GovernmentBody), str(OKG.NewsOutlet), str(ORG.FormalOrganization))),
    NodeType("article", "article or reference", "articles and references",
             (str(OKG.Article), str(OKG.ReferenceDocument))),
    NodeType("statement", "quote", "quotes", (str(OKG.Statement),)),
    NodeType("finding", "finding", "findings", (str(OKG.Finding),)),
)
#: Types drawn only when asked for (they multiply the node count).
OPTIONAL_TYPES = ("statement", "finding")
#: What kind of organisation or source a class makes a node.
KINDS = {
    str(OKG.Regulator): "regulator",
    str(OKG.GovernmentBody): "government body",
    str(OKG.NewsOutlet): "news outlet",
    str(OKG.Article): "news article",
    str(OKG.ReferenceDocument): "reference document",
}
#: Names a reader may give for a node, best first, when several nodes match.
ENTITY_TYPES = ("person", "authority", "organisation")

GRADE_PREFIX = f"{ID_IRI}grade/"
OVERALL = f"{ID_IRI}judgement-area/overall-effectiveness"
UNGRADED = "ungraded"

#: Readable edge labels, by relation.
RELATIONS = {
    "inspected": "inspected",
    "led-by": "led by",
    "carried-out-by": "carried out by",
    "member-of": "member of",
    "said-about": "said about",
    "quoted-in": "quoted in",
    "said": "said",
    "about": "about",
    "reported-in": "reported in",
    "published-by": "published by",
    "found": "found",
    "intervened-in": "intervened in",
    "appointed-for": "appointed after intervention in",
}

Row = tuple[str | None, ...]


# --- facts -----------------------------------------------------------------------


@dataclass
class Inspection:
    iri: str
    authority: str | None = None
    type: str | None = None
    issued: str | None = None
    fieldwork_start: str | None = None
    fieldwork_end: str | None = None
    grades: dict[str, str] = field(default_factory=dict)  # judgement area -> grade concept
    leads: set[str] = field(default_factory=set)
    by: set[str] = field(default_factory=set)
    findings: set[str] = field(default_factory=set)

    @property
    def date(self) -> str | None:
        """When it happened, for ordering: publication of the report, else start of fieldwork."""
        return self.issued or self.fieldwork_start

    @property
    def overall(self) -> str | None:
        """The overall-effectiveness grade concept, if graded."""
        return self.grades.get(OVERALL)


@dataclass
class Membership:
    iri: str
    person: str | None = None
    organisation: str | None = None
    role: str | None = None
    titles: set[str] = field(default_factory=set)


@dataclass
class Statement:
    iri: str
    text: str = ""
    speaker: str | None = None
    description: str | None = None
    about: set[str] = field(default_factory=set)


@dataclass
class Finding:
    iri: str
    kind: str | None = None
    text: str | None = None
    area: str | None = None
    themes: set[str] = field(default_factory=set)


@dataclass
class Source:
    iri: str
    title: str | None = None
    publisher: str | None = None
    issued: str | None = None
    url: str | None = None
    file: str | None = None


@dataclass
class Intervention:
    iri: str
    by: set[str] = field(default_factory=set)
    authority: str | None = None
    appointee: str | None = None
    date: str | None = None


@dataclass
class Concept:
    label: str
    notation: int | None = None


@dataclass
class Facts:
    """What the network is drawn from, keyed by IRI; every value a plain string."""

    types: dict[str, str] = field(default_factory=dict)  # node -> NodeType.key
    kinds: dict[str, str] = field(default_factory=dict)  # organisation or source -> kind
    labels: dict[str, str] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)
    inspections: dict[str, Inspection] = field(default_factory=dict)
    memberships: dict[str, Membership] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    findings: dict[str, Finding] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    interventions: dict[str, Intervention] = field(default_factory=dict)
    derived_from: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def label(self, iri: str | None) -> str:
        """The label of a node or concept, else the end of its IRI."""
        if iri is None:
            return ""
        found = self.labels.get(iri) or (self.concepts[iri].label if iri in self.concepts else None)
        return found or re.split(r"[/#]", iri.rstrip("/#"))[-1]


@dataclass(frozen=True)
class _Reader:
    """How to read one kind of fact: the ``Facts`` field, its class, RDF classes and properties."""

    facts_field: str
    make: type
    classes: tuple[URIRef, ...]
    properties: dict[URIRef, str]  # property -> attribute of ``make``


_READERS = (
    _Reader("inspections", Inspection, (OKG.Inspection,), {
        OKG.inspectedAuthority: "authority", OKG.inspectionType: "type", OKG.leadInspector: "leads",
        PROV.wasAssociatedWith: "by", DCTERMS.issued: "issued", OKG.fieldworkStart: "fieldwork_start",
        OKG.fieldworkEnd: "fieldwork_end", OKG.finding: "findings"}),
    _Reader("memberships", Membership, (ORG.Membership,), {
        ORG.member: "person", ORG.organization: "organisation", ORG.role: "role", OKG.roleTitle: "titles"}),
    _Reader("statements", Statement, (OKG.Statement,), {
        SCHEMA.text: "text", OKG.speaker: "speaker", OKG.speakerDescription: "description", OKG.about: "about"}),
    _Reader("findings", Finding, (OKG.Finding,), {
        OKG.findingKind: "kind", OKG.text: "text", OKG.judgementArea: "area", OKG.theme: "themes"}),
    _Reader("sources", Source, (OKG.Article, OKG.ReferenceDocument), {
        DCTERMS.title: "title", SCHEMA.publisher: "publisher", DCTERMS.issued: "issued", SCHEMA.url: "url",
        OKG.sourceFile: "file"}),
    _Reader("interventions", Intervention, (OKG.Intervention,), {
        PROV.wasAssociatedWith: "by", OKG.intervenedIn: "authority", OKG.appointee: "appointee",
        DCTERMS.date: "date"}),
)
#: Claims whose sources become "reported in" (or "quoted in") edges.
_DERIVED = (OKG.Inspection, OKG.Statement, OKG.Finding, ORG.Membership, OKG.Intervention)


def _rows(store: ox.Store, query: str) -> Iterator[Row]:
    for solution in store.query(query):
        yield tuple(None if term is None else term.value for term in solution)


def _values(terms: Iterable[str]) -> str:
    return " ".join(f"<{t}>" for t in terms)


def read_facts(store: ox.Store) -> Facts:
    """Everything the network, its panels and the timeline show, read from ``store``."""
    facts = Facts()
    node_classes = _values(c for t in NODE_TYPES for c in t.classes)
    classes: dict[str, set[str]] = defaultdict(set)
    for s, c in _rows(store, f"SELECT DISTINCT ?s ?c WHERE {{ ?s a ?c VALUES ?c {{ {node_classes} }} }}"):
        classes[s].add(c)
    for s, found in classes.items():
        facts.types[s] = next(t.key for t in NODE_TYPES if found.intersection(t.classes))
        kind = next((KINDS[c] for c in KINDS if c in found), None)
        if kind:
            facts.kinds[s] = kind
    labelled = _values([*(c for t in NODE_TYPES for c in t.classes), OKG.Intervention])
    for s, label in _rows(store, f"SELECT DISTINCT ?s ?l WHERE {{ ?s a ?c ; <{RDFS.label}> ?l "
                                 f"VALUES ?c {{ {labelled} }} }}"):
        facts.labels[s] = min(label, facts.labels.get(s, label))
    for c, label, notation in _rows(store, f"SELECT DISTINCT ?c ?l ?n WHERE {{ ?c a <{SKOS.Concept}> ; "
                                           f"<{RDFS.label}> ?l OPTIONAL {{ ?c <{SKOS.notation}> ?n }} }}"):
        facts.concepts[c] = Concept(label, int(notation) if notation and notation.isdigit() else None)
    for reader in _READERS:
        _read(store, reader, getattr(facts, reader.facts_field))
    for i, area, grade in _rows(store, f"""SELECT DISTINCT ?i ?area ?grade WHERE {{ ?i <{OKG.judgement}> ?j .
            ?j <{OKG.judgementArea}> ?area ; <{OKG.grade}> ?grade }}"""):
        if i in facts.inspections:
            facts.inspections[i].grades[area] = grade
    for x, src in _rows(store, f"SELECT DISTINCT ?x ?src WHERE {{ ?x a ?c ; <{PROV.wasDerivedFrom}> ?src "
                               f"VALUES ?c {{ {_values(_DERIVED)} }} }}"):
        facts.derived_from[x].add(src)
    for iri, node_type in facts.types.items():
        if node_type == "inspection":
            facts.inspections.setdefault(iri, Inspection(iri))
        elif node_type == "article":
            facts.sources.setdefault(iri, Source(iri))
    return facts


def _read(store: ox.Store, reader: _Reader, into: dict) -> None:
    """Fill ``into`` with one ``reader.make`` per resource; a property read twice keeps the least value."""
    query = (f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s a ?c ; ?p ?o VALUES ?c {{ {_values(reader.classes)} }} "
             f"VALUES ?p {{ {_values(reader.properties)} }} }}")
    for s, p, o in _rows(store, query):
        item = into.get(s) or into.setdefault(s, reader.make(s))
        name = reader.properties[URIRef(p)]
        current = getattr(item, name)
        if isinstance(current, set):
            current.add(o)
        else:
            setattr(item, name, o if current in (None, "") else min(current, o))


# --- projection ------------------------------------------------------------------


def grade_slug(grade: str | None) -> str:
    """``inadequate`` for ``id:grade/inadequate``; ``ungraded`` for none."""
    return grade[len(GRADE_PREFIX):] if grade and grade.startswith(GRADE_PREFIX) else UNGRADED


def project(facts: Facts, *, statements: bool = False, findings: bool = False) -> nx.MultiDiGraph:
    """The network of ``facts``: nodes in IRI order, each edge keyed by its relation.

    Node attributes: ``label``, ``type`` (a ``NodeType.key``), ``cluster`` (the council
    or organisation it belongs with), and where known ``kind``, ``date``, ``grade``,
    ``inspection_type``. Edge attributes: ``relation``, ``label``, ``count``.
    """
    hidden = {t for t, shown in zip(OPTIONAL_TYPES, (statements, findings)) if not shown}
    graph = nx.MultiDiGraph()
    groups = clusters(facts)
    for iri in sorted(facts.types):
        node_type = facts.types[iri]
        if node_type in hidden:
            continue
        graph.add_node(iri, label=facts.label(iri), type=node_type, cluster=groups[iri],
                       **_attributes(facts, iri, node_type))
    edge = _EdgeAdder(graph)
    for i, inspection in sorted(facts.inspections.items()):
        edge(i, inspection.authority, "inspected")
        for lead in sorted(inspection.leads):
            edge(i, lead, "led-by")
        for org in sorted(inspection.by):
            edge(i, org, "carried-out-by")
        for finding in sorted(inspection.findings):
            edge(i, finding, "found")
    for m in sorted(facts.memberships.values(), key=lambda m: m.iri):
        titles = "; ".join(sorted(m.titles)) or facts.label(m.role)
        edge(m.person, m.organisation, "member-of", key=f"member-of {m.role}",
             label=f"member of ({titles})" if titles else None)
    for s, statement in sorted(facts.statements.items()):
        if statements:
            edge(statement.speaker, s, "said")
            for target in sorted(statement.about):
                edge(s, target, "about")
        else:
            for target in sorted(statement.about):
                edge(statement.speaker, target, "said-about")
    for x, sources in sorted(facts.derived_from.items()):
        if x in facts.statements and not statements:
            for src in sorted(sources):
                edge(facts.statements[x].speaker, src, "quoted-in")
        else:
            for src in sorted(sources):
                edge(x, src, "reported-in")
    for a, source in sorted(facts.sources.items()):
        edge(a, source.publisher, "published-by")
    for x, intervention in sorted(facts.interventions.items()):
        for body in sorted(intervention.by):
            edge(body, intervention.authority, "intervened-in")
        edge(intervention.appointee, intervention.authority, "appointed-for")
    return graph


def _attributes(facts: Facts, iri: str, node_type: str) -> dict[str, str]:
    """The attributes a node of ``node_type`` carries besides its label, type and cluster."""
    attributes = {}
    if iri in facts.kinds:
        attributes["kind"] = facts.kinds[iri]
    if node_type == "inspection":
        inspection = facts.inspections[iri]
        attributes["grade"] = grade_slug(inspection.overall)
        if inspection.type:
            attributes["inspection_type"] = facts.label(inspection.type)
        if inspection.date:
            attributes["date"] = inspection.date
    elif node_type == "article" and facts.sources[iri].issued:
        attributes["date"] = facts.sources[iri].issued
    return attributes


def clusters(facts: Facts) -> dict[str, str]:
    """The node a big page groups each node under: its council, organisation or outlet.

    Councils and organisations head their own group; an inspection joins its council,
    a person their first council (else organisation), an article its outlet, a quote its
    speaker, a finding its inspection's council. Anything else joins a group of its type.
    """
    orgs: dict[str, list[str]] = defaultdict(list)
    for m in facts.memberships.values():
        if m.person and m.organisation:
            orgs[m.person].append(m.organisation)
    finding_authority = {f: i.authority for i in facts.inspections.values() for f in i.findings if i.authority}
    result = {}
    for iri, node_type in facts.types.items():
        if node_type in ("authority", "organisation"):
            owner = iri
        elif node_type == "inspection":
            owner = facts.inspections[iri].authority
        elif node_type == "person":
            mine = sorted(orgs[iri], key=lambda o: (facts.types.get(o) != "authority", o))
            owner = mine[0] if mine else None
        elif node_type == "article":
            owner = facts.sources[iri].publisher
        elif node_type == "statement":
            owner = facts.statements[iri].speaker
        else:
            owner = finding_authority.get(iri)
        result[iri] = owner or f"type:{node_type}"
    return result


@dataclass
class _EdgeAdder:
    """Adds labelled edges between nodes of the graph, counting repeats; ignores the rest."""

    graph: nx.MultiDiGraph

    def __call__(self, source: str | None, target: str | None, relation: str, *,
                 key: str | None = None, label: str | None = None) -> None:
        if source is None or target is None or source == target:
            return
        if source not in self.graph or target not in self.graph:
            return
        key = key or relation
        if self.graph.has_edge(source, target, key):
            self.graph.edges[source, target, key]["count"] += 1
        else:
            self.graph.add_edge(source, target, key, relation=relation, label=label or RELATIONS[relation], count=1)


# --- choosing what to draw ---------------------------------------------------------


@dataclass
class Network:
    """A projected network with the facts behind it, and the node it is centred on (if any)."""

    graph: nx.MultiDiGraph
    facts: Facts
    centre: str | None = None
    depth: int | None = None
    query: Path | None = None


def load_network(data: Path = DEFAULT_DATA, *, focus: str | None = None, depth: int = 1,
                 query: Path | None = None, statements: bool = False, findings: bool = False) -> Network:
    """Read ``data``, project it, keep what ``query`` picks, then the neighbourhood of ``focus``."""
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    store = load_store(data)
    facts = read_facts(store)
    graph = project(facts, statements=statements, findings=findings)
    if query is not None:
        graph = graph.subgraph(sorted(picked_nodes(store, query) & set(graph))).copy()
        if not graph:
            raise QueryError(f"{query}: the query picked no node of the network (it must CONSTRUCT triples "
                             "whose subjects or objects are councils, inspections, people, organisations or sources)")
    centre = None
    if focus is not None:
        centre = find_node(graph, focus)
        graph = neighbourhood(graph, centre, depth)
    return Network(graph, facts, centre, depth if focus is not None else None, query)


_STRINGS_AND_IRIS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                               r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*")


def picked_nodes(store: ox.Store, query: Path) -> set[str]:
    """The IRIs a CONSTRUCT query in the file ``query`` mentions as subject or object."""
    text = read_utf8(query)
    if re.search(r"\bSERVICE\b", _STRINGS_AND_IRIS.sub(" ", text), re.IGNORECASE):
        raise QueryError(f"{query}: SERVICE is refused: the network is drawn from local data only")
    try:
        result = store.query(sparql_prologue() + text)
    except SyntaxError as e:
        raise QueryError(f"{query}: {e}", exit_code=2) from None
    except OSError as e:
        raise QueryError(f"{query}: {e}") from None
    if not isinstance(result, ox.QueryTriples):
        raise QueryError(f"{query}: use a CONSTRUCT (or DESCRIBE) query: its triples pick what to draw", exit_code=2)
    return {term.value for triple in result for term in (triple.subject, triple.object)
            if isinstance(term, ox.NamedNode)}


def find_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The node ``name`` means: an IRI (full, or as ``person/sue-mullins``), else a label.

    A label matches case-insensitively by any part of it; an exact label wins, then
    people, councils and organisations over other nodes. Raises ``NotFoundError``
    with close matches when nothing matches, or the candidates when several do.
    """
    wanted = " ".join(name.split())
    for iri in (wanted, ID_IRI + wanted):
        if iri in graph:
            return iri
    folded = wanted.casefold()
    if not folded:
        raise NotFoundError("--focus: give a name or an IRI")
    labels = {n: " ".join(str(graph.nodes[n]["label"]).split()) for n in graph}
    exact = sorted(n for n, label in labels.items() if label.casefold() == folded)
    candidates = exact or sorted(n for n, label in labels.items() if folded in label.casefold())
    for tier in (ENTITY_TYPES, None):
        chosen = [n for n in candidates if tier is None or graph.nodes[n]["type"] in tier]
        if len(chosen) == 1:
            return chosen[0]
        if chosen:
            shown = "; ".join(labels[n] for n in chosen[:8]) + ("; …" if len(chosen) > 8 else "")
            raise NotFoundError(f"--focus {name!r} matches {len(chosen)} nodes: {shown} "
                                "(give more of the name, or an IRI)")
    close = close_matches(wanted, sorted(set(labels.values())))
    hint = f"; close matches: {'; '.join(close)}" if close else ""
    raise NotFoundError(f"--focus {name!r}: no node has that in its name{hint}")


def close_matches(name: str, labels: list[str], limit: int = 5) -> list[str]:
    """Labels that look like ``name``, as a whole or by one of their words (for typos)."""
    by_word: dict[str, set[str]] = defaultdict(set)
    for label in labels:
        by_word[label.casefold()].add(label)
        for word in re.findall(r"\w+", label.casefold()):
            by_word[word].add(label)
    found: list[str] = []
    for word in difflib.get_close_matches(name.casefold(), list(by_word), n=limit * 3, cutoff=0.7):
        found += sorted(by_word[word] - set(found))
    return found[:limit]


def neighbourhood(graph: nx.MultiDiGraph, centre: str, depth: int) -> nx.MultiDiGraph:
    """The nodes within ``depth`` edges of ``centre`` (either direction) and the edges between them."""
    reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth)
    return graph.subgraph(sorted(reach)).copy()


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def display_date(value: str | None) -> str:
    """An ISO date as people write it, no more precise than it is.

    >>> display_date("2019-05-08"), display_date("2019-05"), display_date("2019")
    ('8 May 2019', 'May 2019', '2019')
    """
    match = re.fullmatch(r"(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    if not match or not 1 <= int(match.group(2) or 1) <= 12:
        return value or ""
    year, month, day = match.groups()
    if month is None:
        return year
    return f"{int(day)} {_MONTHS[int(month) - 1]} {year}" if day else f"{_MONTHS[int(month) - 1]} {year}"
