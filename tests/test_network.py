"""The projection from RDF to a network: what becomes a node, how edges read, and choosing what to draw."""

from __future__ import annotations

import string
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import NotFoundError, QueryError
from graph.network import (
    NODE_TYPES,
    close_matches,
    find_node,
    load_network,
    neighbourhood,
    project,
    read_facts,
)
from graph.store import load_store
from .pages import GOLDSMITH, MULLINS, SEED

WEST_SUSSEX = "https://w3id.org/ofsted-kg/id/authority/west-sussex"
ILACS_2019 = "https://w3id.org/ofsted-kg/id/inspection/west-sussex-2019-ilacs"


@pytest.fixture(scope="module")
def facts():
    return read_facts(load_store(SEED))


@pytest.fixture(scope="module")
def network(facts):
    return project(facts)


def test_nodes_are_things_never_types_concepts_or_literals(network):
    types = Counter(attributes["type"] for _, attributes in network.nodes(data=True))
    assert types == {"authority": 2, "inspection": 10, "person": 10, "organisation": 6, "article": 6}
    assert all(n.startswith("https://w3id.org/ofsted-kg/id/") for n in network)
    assert not [n for n in network if "/grade/" in n or "/scheme/" in n or "ontology#" in n]


def test_inspections_carry_their_overall_grade_and_date(network):
    assert network.nodes[ILACS_2019]["grade"] == "inadequate"
    assert network.nodes[ILACS_2019]["date"] == "2019-05-08"
    visit = network.nodes["https://w3id.org/ofsted-kg/id/inspection/west-sussex-2020-focused-visit"]
    assert visit["grade"] == "ungraded"


def test_edges_read_as_sentences(network):
    def labels(source, target):
        return {d["label"] for d in network.get_edge_data(source, target, default={}).values()}

    assert labels(ILACS_2019, WEST_SUSSEX) == {"inspected"}
    assert labels(ILACS_2019, "https://w3id.org/ofsted-kg/id/person/linda-steele") == {"led by"}
    assert labels(GOLDSMITH, WEST_SUSSEX) == {"member of (leader)", "said about"}
    assert labels(GOLDSMITH, "https://w3id.org/ofsted-kg/id/article/wscc-damning-report-2019") == {"quoted in"}
    assert labels("https://w3id.org/ofsted-kg/id/article/worcestershire-rated-inadequate-2017",
                  "https://w3id.org/ofsted-kg/id/organisation/bbc-news") == {"published by"}
    assert network.get_edge_data(GOLDSMITH, ILACS_2019)["said-about"]["count"] == 2


def test_quotes_and_findings_become_nodes_only_when_asked(facts, network):
    full = project(facts, statements=True, findings=True)
    types = Counter(attributes["type"] for _, attributes in full.nodes(data=True))
    assert types["statement"] == len(facts.statements) == 38
    assert types["finding"] == len(facts.findings) == 78
    statement = "https://w3id.org/ofsted-kg/id/statement/wscc-damning-report-2019/goldsmith-unacceptable"
    assert {d["label"] for d in full.get_edge_data(GOLDSMITH, statement).values()} == {"said"}
    assert {d["label"] for d in full.get_edge_data(statement, ILACS_2019).values()} == {"about"}
    assert set(network) < set(full)


def test_every_node_type_has_a_label_and_a_group(network):
    assert {t.key for t in NODE_TYPES} >= {a["type"] for _, a in network.nodes(data=True)}
    for node, attributes in network.nodes(data=True):
        assert attributes["label"].strip(), node
        assert attributes["cluster"], node
    assert network.nodes[GOLDSMITH]["cluster"] == WEST_SUSSEX


@pytest.mark.parametrize("name, expected", [
    ("Goldsmith", GOLDSMITH),
    ("  sue   MULLINS ", MULLINS),
    ("West Sussex", WEST_SUSSEX),  # the council, not its inspections or articles
    ("ofsted", "https://w3id.org/ofsted-kg/id/organisation/ofsted"),  # exact label wins
    ("person/sue-mullins", MULLINS),
    (MULLINS, MULLINS),
])
def test_find_node_by_any_part_of_its_label_or_by_iri(network, name, expected):
    assert find_node(network, name) == expected


def test_unknown_name_lists_close_matches(network):
    with pytest.raises(NotFoundError) as raised:
        find_node(network, "Goldsmyth")
    message = str(raised.value)
    assert "'Goldsmyth'" in message and "Louise Goldsmith" in message and "\n" not in message


def test_ambiguous_name_lists_candidates(network):
    with pytest.raises(NotFoundError, match="matches 2 nodes: West Sussex County Council; Worcestershire"):
        find_node(network, "county council")


def test_close_matches_finds_typos_by_word():
    assert close_matches("Mullens", ["Sue Mullins", "Peter Evans"]) == ["Sue Mullins"]
    assert close_matches("zzzz", ["Sue Mullins"]) == []


def test_focus_keeps_the_neighbourhood(network):
    one = neighbourhood(network, MULLINS, 1)
    assert MULLINS in one and WEST_SUSSEX in one
    assert "https://w3id.org/ofsted-kg/id/person/louise-goldsmith" not in one
    two = neighbourhood(network, MULLINS, 2)
    assert GOLDSMITH in two and set(one) < set(two)
    assert set(neighbourhood(network, MULLINS, 0)) == {MULLINS}
    assert all(two.has_edge(u, v, k) for u, v, k in network.edges(keys=True) if u in two and v in two)


def test_load_network_with_focus(tmp_path: Path):
    network = load_network(SEED, focus="Sue Mullins", depth=2)
    assert network.centre == MULLINS and network.depth == 2
    assert network.graph.number_of_nodes() == 18
    with pytest.raises(ValueError):
        load_network(SEED, focus="Sue Mullins", depth=-1)


names = st.text(alphabet=string.ascii_letters + string.digits + " -'’<>&\"/\\\u00e9\u2028\t\n", max_size=24)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names)
def test_any_focus_name_gives_a_node_or_a_one_line_error(network, name):
    try:
        node = find_node(network, name)
    except NotFoundError as e:
        assert "\n" not in str(e) and str(e).startswith("--focus")
    else:
        words = " ".join(name.split()).casefold()
        label = " ".join(network.nodes[node]["label"].split()).casefold()
        assert words in label or node.endswith(name.strip())


def _query(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pick.rq"
    path.write_text(text, encoding="utf-8")
    return path


def test_construct_query_picks_what_to_draw(tmp_path: Path):
    query = _query(tmp_path, """
        # inadequate inspections and the councils they inspected
        CONSTRUCT { ?i okg:inspectedAuthority ?a }
        WHERE { ?i okg:judgement [ okg:judgementArea judgement-area:overall-effectiveness ; okg:grade grade:inadequate ] ;
                   okg:inspectedAuthority ?a }""")
    graph = load_network(SEED, query=query).graph
    assert sorted(graph) == sorted([ILACS_2019, WEST_SUSSEX,
                                    "https://w3id.org/ofsted-kg/id/authority/worcestershire",
                                    "https://w3id.org/ofsted-kg/id/inspection/worcestershire-2016-sif"])
    # the projection's edges among the picked nodes: two "inspected", and the council's own words
    assert sorted(d["label"] for *_, d in graph.edges(data=True)) == ["inspected", "inspected", "said about"]


@pytest.mark.parametrize("text, message, code", [
    ("SELECT * WHERE { ?s ?p ?o }", "use a CONSTRUCT", 2),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ", "pick.rq", 2),
    ("CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is refused", 1),
    ("CONSTRUCT { <http://example.org/x> <http://example.org/y> 1 } WHERE {}", "picked no node", 1),
])
def test_bad_queries_are_refused_with_a_reason(tmp_path: Path, text, message, code):
    with pytest.raises(QueryError, match=message) as raised:
        load_network(SEED, query=_query(tmp_path, text))
    assert raised.value.exit_code == code


def test_service_inside_a_string_is_not_refused(tmp_path: Path):
    query = _query(tmp_path, 'CONSTRUCT { ?a a okg:LocalAuthority } WHERE { ?a a okg:LocalAuthority '
                             'FILTER(?a != "SERVICE") }')
    assert load_network(SEED, query=query).graph.number_of_nodes() == 2
