"""GEXF, GraphML and CSV for Gephi and Kumu: readable back, complete and byte-stable."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph.cli import NetworkFormat, app
from graph.network import load_network
from graph.network_files import EDGE_COLUMNS, FORMATS, export_network
from .pages import GOLDSMITH, SEED

WEST_SUSSEX = "https://w3id.org/ofsted-kg/id/authority/west-sussex"
ILACS_2019 = "https://w3id.org/ofsted-kg/id/inspection/west-sussex-2019-ilacs"


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("network")
    result = export_network(SEED, out=out)
    assert [p.name for p in result.paths] == ["ofsted-kg.gexf", "ofsted-kg.graphml", "nodes.csv", "edges.csv"]
    assert (result.nodes, result.edges) == (34, 90)
    return out


def test_gexf_reads_back_with_types_grades_and_colours(files: Path):
    graph = nx.read_gexf(files / "ofsted-kg.gexf")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (34, 90)
    assert graph.nodes[ILACS_2019]["grade"] == "inadequate" and graph.nodes[ILACS_2019]["date"] == "2019-05-08"
    assert graph.nodes[GOLDSMITH]["type"] == "person" and graph.nodes[GOLDSMITH]["label"] == "Louise Goldsmith"
    assert graph.nodes[ILACS_2019]["viz"]["color"] == {"r": 214, "g": 45, "b": 32, "a": 1.0}
    labels = {d["label"] for d in graph.get_edge_data(GOLDSMITH, WEST_SUSSEX).values()}
    assert labels == {"member of (leader)", "said about"}


def test_gexf_is_stamped_with_the_datas_date_not_todays(files: Path):
    meta = ET.parse(files / "ofsted-kg.gexf").getroot().find("{http://www.gexf.net/1.2draft}meta")
    assert meta.get("lastmodifieddate") == "2023-07-14"  # the newest full date in the seed data
    assert meta.find("{http://www.gexf.net/1.2draft}creator").text == "ofsted-kg"


def test_graphml_reads_back(files: Path):
    graph = nx.read_graphml(files / "ofsted-kg.graphml")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (34, 90)
    assert graph.nodes[WEST_SUSSEX]["type"] == "authority"
    assert graph.nodes[WEST_SUSSEX]["degree"] == load_network(SEED).graph.degree(WEST_SUSSEX) == 19
    assert "viz" not in graph.nodes[WEST_SUSSEX]


def test_csv_tables_fit_gephi_and_kumu(files: Path):
    with open(files / "nodes.csv", newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(files / "edges.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        edges = list(reader)
    assert list(nodes[0])[:3] == ["ID", "Label", "Type"]  # Gephi: ID, Label; Kumu: ID first, Label
    assert tuple(reader.fieldnames) == EDGE_COLUMNS and EDGE_COLUMNS[:2] == ("From", "To")  # Kumu: From, To first
    assert {"Source", "Target", "Weight"} <= set(EDGE_COLUMNS)  # Gephi
    assert len(nodes) == 34 and len(edges) == 90
    ids = {n["ID"] for n in nodes}
    assert all(e["From"] in ids and e["To"] in ids and (e["From"], e["To"]) == (e["Source"], e["Target"])
               for e in edges)
    inspection = next(n for n in nodes if n["ID"] == ILACS_2019)
    assert (inspection["Grade"], inspection["Date"], inspection["Inspection type"]) == \
        ("inadequate", "2019-05-08", "ILACS standard inspection")


def test_same_data_same_bytes(files: Path, tmp_path: Path):
    export_network(SEED, out=tmp_path)
    for name in ("ofsted-kg.gexf", "ofsted-kg.graphml", "nodes.csv", "edges.csv"):
        assert (tmp_path / name).read_bytes() == (files / name).read_bytes(), name


def test_cli_formats_are_the_librarys():
    assert tuple(f.value for f in NetworkFormat) == FORMATS


def test_cli_writes_only_the_formats_asked_for(tmp_path: Path):
    result = CliRunner().invoke(app, ["export", "--data", str(SEED), "--format", "gexf", "--format", "csv",
                                      "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "nodes.csv", "ofsted-kg.gexf"]
    assert result.stdout.endswith("34 nodes, 90 edges\n")


def test_cli_refuses_an_unknown_format(tmp_path: Path):
    result = CliRunner().invoke(app, ["export", "--data", str(SEED), "--format", "xls", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "'xls' is not one of" in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="unknown network format"):
        export_network(SEED, formats=["xls"], out=tmp_path)
