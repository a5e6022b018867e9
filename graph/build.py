"""Build the dataset from ``data/`` and ``ontology/``, check it, and write the exports.

>>> len(validate(Path(".")).graphs)     # the ontology, the registry, and one graph per source
8
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, Literal, URIRef

from .claims import Compiler
from .errors import InputError, Problem, display_path
from .exports import write_exports
from .namespace import ONTOLOGY_GRAPH, PREFIXES, REGISTRY_GRAPH, SH, prefixed
from .ontology import Ontology, load_ontology
from .registry import Registry, Triple, load_registry
from .sources import Source, load_source
from .yamlfile import Mapping, load


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its inputs and exports (all relative to ``root``)."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def claims(self) -> Path:
        return self.data / "claims"

    @property
    def registry(self) -> Path:
        return self.data / "registry"

    @property
    def ontology(self) -> Path:
        return self.root / "ontology"

    @property
    def exports(self) -> Path:
        return self.root / "exports"


@dataclass
class Build:
    """The checked dataset: triples per named graph, the sources, and where things came from."""

    graphs: dict[URIRef, set[Triple]]
    sources: list[Source] = field(default_factory=list)
    origins: dict[URIRef, tuple[str, int]] = field(default_factory=dict)

    def quads(self) -> list[tuple]:
        """Every (subject, predicate, object, graph)."""
        return [(s, p, o, g) for g, triples in self.graphs.items() for s, p, o in triples]

    def summary(self) -> str:
        """``6 sources, 8 named graphs, 3077 quads, 2943 distinct triples``."""
        quads = sum(len(t) for t in self.graphs.values())
        distinct = len(set().union(*self.graphs.values()))
        return (f"{len(self.sources)} sources, {len(self.graphs)} named graphs, "
                f"{quads} quads, {distinct} distinct triples")

    def union(self) -> Graph:
        """All graphs merged into one rdflib Graph (what ``exports/ofsted-kg.ttl`` holds)."""
        graph = Graph()
        for prefix, iri in PREFIXES.items():
            graph.bind(prefix, iri)
        for triples in self.graphs.values():
            for triple in triples:
                graph.add(triple)
        return graph

    def dataset(self) -> Dataset:
        """The named graphs as an rdflib Dataset (what ``exports/ofsted-kg.trig`` holds)."""
        dataset = Dataset()
        for g, triples in self.graphs.items():
            named = dataset.graph(g)
            for triple in triples:
                named.add(triple)
        return dataset


def validate(root: Path = Path(".")) -> Build:
    """Load and check everything (verbatim evidence, references, SHACL) without writing.

    Raises ``InputError`` listing every problem found, each at ``path:line``.
    """
    layout = Layout(root)
    docs, sources, registry, problems = read_claims(layout)
    ontology = load_ontology(layout.ontology)
    compiler = Compiler(ontology, registry)
    for doc, source in zip(docs, sources):
        compiler.add(doc, source)
    graphs = compiler.finish()
    problems += compiler.problems
    if problems:
        raise InputError(problems)
    result = Build(
        graphs={ONTOLOGY_GRAPH: set(ontology.graph), REGISTRY_GRAPH: registry.triples,
                **{s.graph: graphs[s.graph] for s in sorted(sources, key=lambda s: s.id)}},
        sources=sorted(sources, key=lambda s: s.id),
        origins=compiler.origins,
    )
    shape_problems = check_shapes(result, ontology)
    if shape_problems:
        raise InputError(shape_problems)
    return result


def build(root: Path = Path("."), *, out: Path | None = None) -> tuple[Build, list[Path]]:
    """``validate``, then write every export into ``out`` (default ``exports/``)."""
    result = validate(root)
    paths = write_exports(result.quads(), out or Layout(root).exports)
    return result, paths


def read_claims(layout: Layout) -> tuple[list[Mapping], list[Source], Registry, list[Problem]]:
    """The claims files, their sources and the registry.

    Problems in claims files are returned (those files skipped); a missing claims
    folder or a broken registry raises ``InputError``, with the claims problems too.
    """
    if not layout.claims.is_dir():
        raise InputError.at(layout.claims, 0, "claims folder not found (run from the project root, or pass --root)")
    docs, sources, problems = _read_claims_files(layout)
    try:
        registry = load_registry(layout.registry, {s.id: s for s in sources})
    except InputError as e:
        raise InputError(problems + e.problems) from None
    return docs, sources, registry, problems


def _read_claims_files(layout: Layout) -> tuple[list[Mapping], list[Source], list[Problem]]:
    """Every claims file with its loaded source; files with a broken header are reported and skipped."""
    docs, sources, problems = [], [], []
    for path in sorted(layout.claims.glob("*.yaml")):
        try:
            doc = load(path)
            if not isinstance(doc, Mapping):
                raise InputError.at(path, 1, "a claims file must be a mapping with an 'article:' header")
            source = load_source(doc, layout.data)
        except InputError as e:
            problems += e.problems
            continue
        expected = f"{source.id}.yaml"
        if path.name != expected:
            problems.append(Problem(display_path(path), 1, f"name the file after its source id: {expected}"))
        docs.append(doc)
        sources.append(source)
    return docs, sources, problems


def check_shapes(result: Build, ontology: Ontology) -> list[Problem]:
    """SHACL validation of the union graph; each violation is reported where its node was defined."""
    conforms, report, _ = shacl_validate(
        result.union(), shacl_graph=ontology.shapes, inference="none", allow_infos=True, allow_warnings=True
    )
    if conforms:
        return []
    problems = []
    for node in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(node, SH.focusNode)
        path = report.value(node, SH.resultPath)
        message = report.value(node, SH.resultMessage) or Literal("violates a shape")
        where, line = _origin(result.origins, focus)
        what = prefixed(focus) + (f" {prefixed(path)}" if isinstance(path, URIRef) else "")
        problems.append(Problem(where, line, f"SHACL: {what}: {message}"))
    return problems


def _origin(origins: dict[URIRef, tuple[str, int]], node: object) -> tuple[str, int]:
    """Where ``node`` (or the resource it was derived from, e.g. a commitment's amount) was defined."""
    iri = str(node)
    while "/" in iri:
        if URIRef(iri) in origins:
            return origins[URIRef(iri)]
        iri = iri.rsplit("/", 1)[0]
    return ("ontology/shapes.ttl", 0)
