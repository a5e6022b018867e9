"""The network page: one self-contained HTML file that a journalist opens from disk.

pyvis lays out the vis-network data and options and supplies its bundled copy
of vis-network, which is inlined; our own template (``templates/network.html``
and ``network.js``) draws the page: search, type filters, legend, a side panel
with every quote and its source, and the grade timeline as inline SVG. The page
makes no network request: no CDN, no web fonts, and a Content-Security-Policy
that allows only its own two scripts. Every text from the data reaches the page
as escaped JSON and is shown with ``textContent``, never as HTML.

Pages above ``CLUSTER_ABOVE`` nodes open grouped by council and organisation
(vis-network clustering), so a national graph still opens in seconds.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader
from pyvis.edge import Edge
from pyvis.network import Network as PyvisNetwork
from pyvis.node import Node

from .files import write_atomic
from .network import NODE_TYPES, Network, grade_slug, load_network
from .palette import GRADE_COLOURS, TYPE_STYLES, darker
from .profiles import profiles
from .store import DEFAULT_DATA
from .timeline import grade_lines, timeline_svg

#: Above this many nodes the page opens clustered. Measured in headless Chromium on
#: 2 cores with generated national graphs: unclustered, 557 nodes open in 3.2 s, 1,043
#: in 4.4 s, 1,511 in 5.9 s, 2,771 in 13 s; clustered, 2,771 nodes (150 councils) in 2.5 s
#: and 9,071 (500 councils) in 8.6 s. With ``graph.synth``: 2,277 nodes (150 councils,
#: 3 years) in 2.7 s, and 7,621 (all 153 councils over 13 years) in 6.2 s.
CLUSTER_ABOVE = 1000
#: The layout is the same every time: a fixed seed, a fixed number of steps, then physics stops.
RANDOM_SEED = 7
STABILISE = 300
VIS_JS = "lib/vis-9.1.2/vis-network.min.js"
TEMPLATES = Path(__file__).parent / "templates"
GRADE_NAMES = {"outstanding": "outstanding", "good": "good", "requires-improvement": "requires improvement",
               "inadequate": "inadequate", "ungraded": "not graded (visit)"}
LABEL_LIMIT = 48
DASHED = {"said-about", "quoted-in", "said", "about"}


@dataclass(frozen=True)
class Page:
    """What ``viz`` wrote: the file, its node and edge counts, and whether it opens clustered."""

    path: Path
    nodes: int
    edges: int
    clustered: bool
    size: int


def viz(data: Path = DEFAULT_DATA, *, out: Path = Path("exports/network.html"), focus: str | None = None,
        depth: int = 1, query: Path | None = None, statements: bool = False, findings: bool = False,
        cluster_above: int = CLUSTER_ABOVE) -> Page:
    """Write the network page of ``data`` to ``out``.

    ``focus`` (a name or IRI) keeps its neighbourhood within ``depth`` edges;
    ``query`` (a CONSTRUCT query file) picks the nodes to draw; ``statements`` and
    ``findings`` draw quotes and findings as nodes of their own.
    """
    network = load_network(data, focus=focus, depth=depth, query=query, statements=statements, findings=findings)
    html = render_page(network, cluster_above=cluster_above).encode("utf-8")
    write_atomic(out, html)
    graph = network.graph
    return Page(out, graph.number_of_nodes(), graph.number_of_edges(), graph.number_of_nodes() > cluster_above,
                len(html))


def render_page(network: Network, *, cluster_above: int = CLUSTER_ABOVE) -> str:
    """The page's HTML: same network, same bytes."""
    graph = network.graph
    clustered = graph.number_of_nodes() > cluster_above
    pyvis_net = vis_network(graph, clustered=clustered)
    nodes, edges, _, _, _, options = pyvis_net.get_network_data()
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "legend": legend(graph),
        "note": note(network, clustered),
        "clustered": clustered,
        "stabilise": STABILISE,
        "clusters": {c: network.facts.label(c) if not c.startswith("type:") else "" for c in
                     sorted({graph.nodes[n]["cluster"] for n in graph})} if clustered else {},
        **profiles(network),
    }
    vis_js = pyvis_net.templateEnv.loader.get_source(pyvis_net.templateEnv, VIS_JS)[0]
    app_js = (TEMPLATES / "network.js").read_text(encoding="utf-8")
    for script in (vis_js, app_js):
        if "</script" in script.lower():
            raise ValueError("a script to inline contains '</script'")
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, keep_trailing_newline=True)
    lines = grade_lines(network.facts, councils_shown(network))
    return env.get_template("network.html").render(
        title=page_title(network),
        csp_scripts=" ".join(f"'sha256-{_sha256(s)}'" for s in (vis_js, app_js)),
        vis_js=vis_js,
        app_js=app_js,
        data_json=script_json(data),
        timeline_svg=timeline_svg(lines),
    )


def councils_shown(network: Network) -> set[str]:
    """The councils the page's timeline covers: those drawn, and those of the inspections drawn."""
    graph, inspections = network.graph, network.facts.inspections
    return {n for n in graph if graph.nodes[n]["type"] == "authority"} | {
        inspections[n].authority for n in graph if n in inspections and inspections[n].authority}


def vis_network(graph: nx.MultiDiGraph, *, clustered: bool) -> PyvisNetwork:
    """The vis-network nodes, edges and options of ``graph``, built with pyvis.

    Node size is its degree; colour and shape come from its type (an inspection's
    colour from its overall grade, through vis groups). pyvis's ``add_node`` and
    ``add_edge`` look up every earlier node in a list, which is quadratic, so the
    nodes and edges pyvis would hold are made with its ``Node`` and ``Edge`` and set
    in one pass.
    """
    net = PyvisNetwork(directed=True, cdn_resources="in_line")
    net.force_atlas_2based(gravity=-70, central_gravity=0.012, spring_length=120, spring_strength=0.06,
                           damping=0.5, overlap=0.3)
    net.set_edge_smooth("continuous")
    net.inherit_edge_colors(False)
    net.toggle_physics(False)  # the page runs STABILISE layout steps itself, then the layout stays still
    net.toggle_hide_edges_on_drag(clustered)
    net.options.physics.stabilization.iterations = STABILISE
    net.options.physics.stabilization.updateInterval = 25
    net.options.layout = {"randomSeed": RANDOM_SEED, "improvedLayout": graph.number_of_nodes() <= 300}
    net.options.interaction.hover = True
    net.options.interaction.tooltipDelay = 150
    net.options.interaction.navigationButtons = False
    net.options.nodes = {"scaling": {"min": 10, "max": 42, "label": {"enabled": True, "min": 12, "max": 20,
                                                                      "drawThreshold": 7}},
                         "font": {"size": 13, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                         "borderWidth": 1.5}
    net.options.edges.color = {"color": "#9aa3ab", "highlight": "#333333", "hover": "#555555", "inherit": False}
    net.options.edges.arrows = {"to": {"enabled": True, "scaleFactor": 0.45}}
    net.options.edges.font = {"size": 11, "face": "sans-serif", "align": "middle", "strokeWidth": 3,
                              "color": "#333333"}
    net.options.edges.width = 1
    net.options.groups = groups()
    degree = dict(graph.degree())
    for iri, attributes in graph.nodes(data=True):
        node = Node(iri, TYPE_STYLES[attributes["type"]].shape, short_label(attributes), group=group_of(attributes),
                    name=str(attributes["label"]), type=attributes["type"], cluster=attributes["cluster"],
                    value=degree[iri] + 1)
        net.nodes.append(node.options)
        net.node_ids.append(iri)
        net.node_map[iri] = node.options
    between: dict[frozenset, int] = {}
    for source, target, attributes in graph.edges(data=True):
        extra: dict = {"dashes": True} if attributes["relation"] in DASHED else {}
        if attributes["count"] > 1:
            extra["count"] = attributes["count"]
        pair = frozenset((source, target))
        between[pair] = between.get(pair, -1) + 1
        if between[pair]:  # a second edge between the same two nodes curves away from the first
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.4 * between[pair], 2)}
        net.edges.append(Edge(source, target, net.directed, name=attributes["label"], **extra).options)
    return net


def short_label(attributes: dict) -> str:
    """What is written under a node: its label, without the council for an inspection, cut to a length.

    >>> short_label({"type": "inspection", "label": "West Sussex County Council: focused visit, 2020"})
    'focused visit, 2020'
    """
    label = " ".join(str(attributes["label"]).split())
    if attributes["type"] == "inspection" and ": " in label:
        label = label.split(": ", 1)[1]
    return label if len(label) <= LABEL_LIMIT else label[:LABEL_LIMIT - 1].rstrip() + "…"


def group_of(attributes: dict) -> str:
    """The vis group that styles a node: its type, or ``inspection-<grade>``."""
    if attributes["type"] == "inspection":
        return f"inspection-{attributes.get('grade', grade_slug(None))}"
    return attributes["type"]


def _style(shape: str, colour: str) -> dict:
    border = darker(colour)
    return {"shape": shape, "color": {"background": colour, "border": border,
                                      "highlight": {"background": colour, "border": "#111111"},
                                      "hover": {"background": colour, "border": "#111111"}}}


def groups() -> dict[str, dict]:
    """vis-network groups: one per node type, and one per grade for inspections."""
    result = {key: _style(style.shape, style.colour) for key, style in TYPE_STYLES.items() if key != "inspection"}
    for grade, colour in GRADE_COLOURS.items():
        result[f"inspection-{grade}"] = _style(TYPE_STYLES["inspection"].shape, colour)
    return result


def legend(graph: nx.MultiDiGraph) -> dict:
    """What the legend and the type filters list: the types present, and inspection grades."""
    counts: dict[str, int] = {}
    grades: dict[str, int] = {}
    for _, attributes in graph.nodes(data=True):
        counts[attributes["type"]] = counts.get(attributes["type"], 0) + 1
        if attributes["type"] == "inspection":
            grades[attributes["grade"]] = grades.get(attributes["grade"], 0) + 1
    types = [{"key": t.key, "label": t.label, "plural": t.plural, "shape": TYPE_STYLES[t.key].shape,
              "colour": TYPE_STYLES[t.key].colour, "count": counts[t.key]} for t in NODE_TYPES if t.key in counts]
    return {"types": types, "grades": [{"key": g, "label": GRADE_NAMES[g], "colour": c, "count": grades.get(g, 0)}
                                       for g, c in GRADE_COLOURS.items()]}


def page_title(network: Network) -> str:
    """The page's heading."""
    if network.centre is not None:
        return f"{network.graph.nodes[network.centre]['label']}: connections in Ofsted children's services"
    return "Ofsted children's services: who is connected to whom"


def note(network: Network, clustered: bool) -> str:
    """One line under the heading: what this page shows, when it is not simply everything."""
    graph = network.graph
    parts = []
    if network.query is not None:
        parts.append(f"Showing what the query {network.query.name} picks.")
    if network.centre is not None:
        steps = "1 step" if network.depth == 1 else f"{network.depth} steps"
        parts.append(f"Showing {graph.nodes[network.centre]['label']} and everything within {steps} "
                     f"({graph.number_of_nodes():,} nodes).")
    if clustered:
        parts.append(f"{graph.number_of_nodes():,} nodes: the page opens grouped by council and organisation "
                     "so it stays quick. Double-click a group to open it; search finds anyone inside a group.")
    return " ".join(parts)


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside ``<script>``: no ``</script>``, ``<!--``, or line separators.

    >>> script_json({"q": "</script><!--\\u2028"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                          ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _sha256(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
