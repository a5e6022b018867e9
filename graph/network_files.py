"""The network for other tools: GEXF and GraphML for Gephi, nodes.csv and edges.csv for Gephi and Kumu.

The same projection as the network page (``graph.network.project``), with node
attributes for type, kind, overall grade, date, inspection type and group, and edge
labels and weights. Byte-stable: nodes and edges in IRI order, and GEXF's
``lastmodifieddate`` is the newest full date in the data, not today.

CSV columns follow both tools' import rules: Gephi's Data Laboratory reads ``ID``,
``Label``, ``Source``, ``Target``, ``Weight``; Kumu reads ``ID`` and ``Label`` for
elements and ``From`` and ``To`` (first) for connections; other columns become fields.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from .files import write_atomic
from .network import load_network
from .palette import GRADE_COLOURS, TYPE_STYLES, rgb
from .store import DEFAULT_DATA

NODE_COLUMNS = {"ID": None, "Label": "label", "Type": "type", "Kind": "kind", "Grade": "grade", "Date": "date",
                "Inspection type": "inspection_type", "Group": "cluster", "Degree": "degree"}
EDGE_COLUMNS = ("From", "To", "Source", "Target", "Label", "Relation", "Weight")


#: The formats ``export_network`` writes (the CLI offers the same choices).
FORMATS = ("gexf", "graphml", "csv")


@dataclass(frozen=True)
class NetworkFiles:
    """What ``export_network`` wrote, and the size of the network in them."""

    paths: list[Path]
    nodes: int
    edges: int


def export_network(data: Path = DEFAULT_DATA, *, formats: list[str] | None = None,
                   out: Path = Path("exports")) -> NetworkFiles:
    """Write the network of ``data`` into ``out`` in each of ``formats`` (default: all)."""
    chosen = formats or FORMATS
    unknown = sorted(set(chosen) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown network format(s) {', '.join(unknown)}: choose from {', '.join(FORMATS)}")
    graph = attributed(load_network(data).graph)
    payloads: dict[str, bytes] = {}
    if "gexf" in chosen:
        payloads["ofsted-kg.gexf"] = gexf(graph)
    if "graphml" in chosen:
        payloads["ofsted-kg.graphml"] = graphml(graph)
    if "csv" in chosen:
        payloads["nodes.csv"], payloads["edges.csv"] = csv_tables(graph)
    paths = []
    for name, payload in payloads.items():
        write_atomic(out / name, payload)
        paths.append(out / name)
    return NetworkFiles(paths, graph.number_of_nodes(), graph.number_of_edges())


def attributed(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` with what network tools show: degree, edge weight, and size and colour."""
    result = nx.MultiDiGraph()
    degree = dict(graph.degree())
    for node, attributes in graph.nodes(data=True):
        colour = GRADE_COLOURS[attributes["grade"]] if "grade" in attributes else TYPE_STYLES[attributes["type"]].colour
        result.add_node(node, **attributes, degree=degree[node],
                        viz={"color": {**rgb(colour), "a": 1.0}, "size": round(6 + 4 * math.sqrt(degree[node]), 2)})
    for source, target, key, attributes in graph.edges(keys=True, data=True):
        result.add_edge(source, target, key, label=attributes["label"], relation=attributes["relation"],
                        weight=attributes["count"])
    return result


def newest_date(graph: nx.MultiDiGraph) -> str | None:
    """The latest full date (YYYY-MM-DD) any node carries: what the data is as of."""
    dates = [str(d) for _, d in graph.nodes(data="date") if d and len(str(d)) == 10]
    return max(dates, default=None)


def gexf(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 for Gephi, with colours and sizes; stamped with the data's date, not today's."""
    writer = GEXFWriter(version="1.2draft", prettyprint=True)
    writer.add_graph(graph)
    meta = writer.xml.find("meta")
    meta.find("creator").text = "ofsted-kg"
    when = newest_date(graph)
    if when:
        meta.set("lastmodifieddate", when)
    else:
        del meta.attrib["lastmodifieddate"]
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML (no ``viz``: GraphML attributes are scalars)."""
    plain = nx.MultiDiGraph()
    plain.add_nodes_from((n, {k: v for k, v in a.items() if k != "viz"}) for n, a in graph.nodes(data=True))
    plain.add_edges_from(graph.edges(keys=True, data=True))
    return ("\n".join(nx.generate_graphml(plain)) + "\n").encode("utf-8")


def csv_tables(graph: nx.MultiDiGraph) -> tuple[bytes, bytes]:
    """``nodes.csv`` and ``edges.csv``."""
    nodes = io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(NODE_COLUMNS)
    for node, attributes in graph.nodes(data=True):
        writer.writerow([node, *(attributes.get(key, "") for key in list(NODE_COLUMNS.values())[1:])])
    edges = io.StringIO()
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    for source, target, attributes in graph.edges(data=True):
        writer.writerow([source, target, source, target, attributes["label"], attributes["relation"],
                         attributes["weight"]])
    return nodes.getvalue().encode("utf-8"), edges.getvalue().encode("utf-8")
