"""What is in the graph: counts by class and per source.

>>> stats(Path("exports/ofsted-kg.trig")).by_class["okg:Statement"]
38
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from .namespace import prefixed
from .store import DEFAULT_DATA, load_store
from .table import aligned

#: Classes counted per source, in the order they are shown.
SOURCE_COLUMNS = ("okg:Inspection", "okg:Judgement", "okg:Finding", "okg:Statement",
                  "org:Membership", "okg:Commitment", "okg:Statistic", "okg:DateClaim")
_NOT_DATA = ("owl:", "rdfs:", "rdf:", "sh:")


@dataclass
class SourceStats:
    """Counts for one source's named graph."""

    id: str
    kind: str
    label: str
    issued: str
    triples: int
    classes: dict[str, int]


@dataclass
class Stats:
    """Triples, named graphs, instances per class, and per-source counts."""

    triples: int
    graphs: int
    by_class: dict[str, int]
    sources: list[SourceStats]

    def to_dict(self) -> dict:
        return asdict(self)


def stats(data: Path = DEFAULT_DATA) -> Stats:
    """Count what the export at ``data`` holds."""
    store = load_store(data)
    triples = len(list(store.query("SELECT * WHERE { ?s ?p ?o }")))
    graphs = len(list(store.named_graphs()))
    by_class = {}
    for row in store.query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"
    ):
        name = prefixed(row["c"].value)
        if not name.startswith(_NOT_DATA):
            by_class[name] = int(row["n"].value)
    sources = []
    for row in store.query(
        """PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
           PREFIX dcterms: <http://purl.org/dc/terms/>
           PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
           SELECT ?g ?src ?kind ?label ?issued WHERE {
             GRAPH ?g { ?src a ?kind ; rdfs:label ?label . FILTER(?kind IN (okg:Article, okg:ReferenceDocument))
                        OPTIONAL { ?src dcterms:issued ?issued } } }
           ORDER BY ?src"""
    ):
        graph = row["g"]
        classes = {
            prefixed(r["c"].value): int(r["n"].value)
            for r in store.query(f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH {graph} {{ ?s a ?c }} }} GROUP BY ?c")
        }
        count = len(list(store.quads_for_pattern(None, None, None, graph)))
        sources.append(SourceStats(
            id=row["src"].value.rsplit("/", 1)[1],
            kind="article" if row["kind"].value.endswith("Article") else "reference",
            label=row["label"].value,
            issued=row["issued"].value if row["issued"] else "",
            triples=count,
            classes={c: classes.get(c, 0) for c in SOURCE_COLUMNS},
        ))
    return Stats(triples, graphs, dict(sorted(by_class.items())), sources)


def format_stats(s: Stats) -> str:
    """Two aligned tables: instances by class, then per source."""
    lines = [f"{s.triples} triples (union of {s.graphs} named graphs)", "", "instances by class:"]
    width = max(map(len, s.by_class), default=0)
    lines += [f"  {name:<{width}}  {count:>5}" for name, count in s.by_class.items()]
    lines += ["", "per source:"]
    short = [c.split(":")[1].replace("Membership", "Member").replace("DateClaim", "Date") for c in SOURCE_COLUMNS]
    header = ["source", "issued", "triples", *short]
    rows = [[src.id, src.issued, str(src.triples), *(str(v) for v in src.classes.values())] for src in s.sources]
    lines += aligned(header, rows, right=range(2, len(header)), indent="  ")
    return "\n".join(lines)
