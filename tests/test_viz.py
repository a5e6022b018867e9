"""The network page as a file: what it holds, that it is self-contained, stable and escaped.
(What it does in a browser is in test_viz_browser.py.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from graph.cli import app
from graph.network import load_network
from graph.viz import render_page, script_json, viz
from .pages import GOLDSMITH, IMG, MULLINS, SCRIPT, SEED, UNACCEPTABLE, hostile_project, page_data

UNACCEPTABLE_IRI = "https://w3id.org/ofsted-kg/id/statement/wscc-damning-report-2019/goldsmith-unacceptable"


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory) -> tuple:
    out = tmp_path_factory.mktemp("page") / "network.html"
    page = viz(SEED, out=out)
    return page, out.read_text(encoding="utf-8")


class _Tags(HTMLParser):
    """Every start tag with its attributes, and each script element with its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_data(self, data):
        if self.scripts and self.lasttag == "script" and self.tags[-1][0] == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self.tags.append(("/script", {}))


def _parse(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    return tags


def test_page_counts_match_the_projection(seed_page):
    page, html = seed_page
    graph = load_network(SEED).graph
    assert (page.nodes, page.edges, page.clustered) == (graph.number_of_nodes(), graph.number_of_edges(), False)
    assert (page.nodes, page.edges) == (34, 90)
    data = page_data(html)
    assert len(data["nodes"]) == 34 and len(data["edges"]) == 90
    assert {n["id"] for n in data["nodes"]} == set(graph) == set(data["panels"])
    assert page.size == len(html.encode("utf-8"))


def test_page_loads_nothing_from_anywhere(seed_page):
    _, html = seed_page
    tags = _parse(html)
    for tag, attrs in tags.tags:
        assert not {"src", "href", "srcset", "poster", "data", "action", "background"} & set(attrs), (tag, attrs)
        assert tag not in ("link", "iframe", "object", "embed", "img", "base"), tag
    assert "@import" not in html and "url(" not in html.split("<script")[0]
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "img-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_csp_allows_exactly_the_inline_scripts(seed_page):
    _, html = seed_page
    tags = _parse(html)
    code = [text for attrs, text in tags.scripts if "type" not in attrs]
    assert len(code) == 2  # vis-network and the page's own script
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    allowed = re.findall(r"'sha256-([^']+)'", csp.split("script-src", 1)[1].split(";", 1)[0])
    assert allowed == [base64.b64encode(hashlib.sha256(c.encode()).digest()).decode() for c in code]
    assert "vis.Network" in code[1] and "innerHTML" not in code[1] and "insertAdjacentHTML" not in code[1]


def test_page_shows_every_quote_with_its_source(seed_page):
    _, html = seed_page
    data = page_data(html)
    panel = data["panels"][GOLDSMITH]
    assert panel["roles"][0]["title"] == "leader"
    assert UNACCEPTABLE_IRI in panel["quotes"] and len(panel["quotes"]) == 2
    quote = data["statements"][UNACCEPTABLE_IRI]
    assert quote["text"].startswith(UNACCEPTABLE + "\n\n") and quote["text"].count("\n\n") == 5
    source = data["sources"][quote["sources"][0]]
    assert source["date"] == "May 2019" and source["label"].startswith("‘Widespread and serious weaknesses’")
    assert len(data["panels"][MULLINS]["quotes"]) == 7


def test_inspection_and_council_panels(seed_page):
    _, html = seed_page
    data = page_data(html)
    ilacs = data["panels"]["https://w3id.org/ofsted-kg/id/inspection/west-sussex-2019-ilacs"]
    assert ilacs["grades"][0] == {"area": "overall effectiveness", "grade": "inadequate", "gradeLabel": "inadequate"}
    assert len(ilacs["grades"]) == 4
    assert [group["kind"] for group in ilacs["findings"]] == ["weakness", "area for improvement", "recommendation",
                                                            "strength"]
    council = data["panels"]["https://w3id.org/ofsted-kg/id/authority/west-sussex"]
    rows = council["inspections"]
    assert [r["date"] for r in rows] == ["20 January 2016", "8 May 2019", "4 December 2020", "23 June 2021",
                                        "11 May 2023"]
    assert [r["grade"] for r in rows] == ["requires-improvement", "inadequate", "ungraded", "ungraded",
                                         "requires-improvement"]


def test_page_embeds_the_grade_timeline(seed_page):
    _, html = seed_page
    timeline = html.split('<section id="timeline"', 1)[1].split("</section>", 1)[0]
    assert timeline.count("<polyline") == 2 and "West Sussex County Council" in timeline


def test_timeline_in_a_page_covers_the_councils_it_draws(tmp_path: Path):
    query = tmp_path / "q.rq"
    query.write_text("CONSTRUCT { ?i a okg:Inspection } WHERE { ?i okg:inspectedAuthority authority:worcestershire }",
                     encoding="utf-8")
    viz(SEED, out=tmp_path / "worcestershire.html", query=query)
    html = (tmp_path / "worcestershire.html").read_text(encoding="utf-8")
    timeline = html.split('<section id="timeline"', 1)[1].split("</section>", 1)[0]
    assert timeline.count("<polyline") == 1 and "Worcestershire County Council" in timeline


def test_same_inputs_same_bytes(tmp_path: Path, seed_page):
    _, html = seed_page
    viz(SEED, out=tmp_path / "again.html")
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == html


def test_focus_page_says_what_it_shows(tmp_path: Path):
    page = viz(SEED, out=tmp_path / "mullins.html", focus="Sue Mullins", depth=2)
    html = (tmp_path / "mullins.html").read_text(encoding="utf-8")
    assert page.nodes == 18
    assert "<title>Sue Mullins: connections in Ofsted children&#39;s services</title>" in html
    assert page_data(html)["note"] == "Showing Sue Mullins and everything within 2 steps (18 nodes)."


def test_big_pages_open_clustered_and_say_so(tmp_path: Path):
    page = viz(SEED, out=tmp_path / "big.html", cluster_above=20)
    data = page_data((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert page.clustered and data["clustered"]
    assert "34 nodes: the page opens grouped by council and organisation" in data["note"]
    assert data["options"]["layout"]["improvedLayout"] is True and data["options"]["physics"]["enabled"] is False


values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                      lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                      max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(value=values)
def test_script_json_cannot_end_the_script_and_reads_back(value):
    text = script_json(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


def test_hostile_names_and_quotes_stay_data(tmp_path: Path):
    data = hostile_project(tmp_path)
    html = render_page(load_network(data, focus="Goldsmith"))
    scripts = _parse(html).scripts
    assert [attrs for attrs, _ in scripts] == [{"type": "application/json", "id": "okg-data"}, {}, {}]
    assert not set(scripts[0][1]) & {"<", ">", "&"}  # the data cannot end its script element
    assert IMG not in html and SCRIPT not in html and "<svg/onload" not in html
    assert "<title>&lt;img src=x onerror=&#34;window.pwned=1;alert(1)&#34;&gt;Louise Goldsmith: connections" in html
    embedded = page_data(html)
    goldsmith = next(n for n in embedded["nodes"] if n["id"] == GOLDSMITH)
    assert goldsmith["name"] == IMG + "Louise Goldsmith"
    assert any(q["text"].startswith(f"It is unacceptable {SCRIPT}") for q in embedded["statements"].values())


def test_cli_writes_the_page(tmp_path: Path):
    out = tmp_path / "cli.html"
    result = CliRunner().invoke(app, ["viz", "--data", str(SEED), "--out", str(out), "--focus", "goldsmith"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}: 4 nodes, 6 edges\n"


@pytest.mark.parametrize("args, code, message", [
    (["--focus", "Goldsmyth"], 1, "error: --focus 'Goldsmyth': no node has that in its name; "
                                  "close matches: Louise Goldsmith\n"),
    (["--focus", "council"], 1, "error: --focus 'council' matches 2 nodes"),
    (["--data", "missing.trig"], 1, "missing.trig: file not found"),
    (["--depth", "-1"], 2, "--depth"),
])
def test_cli_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, args, code, message):
    out = tmp_path / "page.html"
    out.write_text("the page from last time", encoding="utf-8")
    result = CliRunner().invoke(app, ["viz", "--data", str(SEED), "--out", str(out), *args])
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "the page from last time"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_cli_query_errors_exit_2(tmp_path: Path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    result = CliRunner().invoke(app, ["viz", "--data", str(SEED), "--query", str(query),
                                      "--out", str(tmp_path / "p.html")])
    assert result.exit_code == 2 and "use a CONSTRUCT" in result.stderr
