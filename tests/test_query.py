"""`ofsted-kg query`: read-only SPARQL over the export, its formats, its refusals and its time limit."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import socket
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import InputError, QueryError
from graph.query import check_read_only, format_result, parse_parameters, run_query

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "exports" / "ofsted-kg.trig"
runner = CliRunner()

GRADES = """SELECT DISTINCT ?inspection ?grade WHERE {
  ?inspection okg:inspectedAuthority authority:worcestershire ;
              okg:judgement [ okg:judgementArea judgement-area:overall-effectiveness ; okg:grade ?grade ] .
} ORDER BY ?inspection"""


def cli(*args: str):
    return runner.invoke(app, [*args, "--data", str(DATA)] if args[0] == "query" else list(args))


# --- answers -------------------------------------------------------------------------------------

def test_contract_prefixes_work_without_prefix_lines():
    result = run_query(GRADES, data=DATA)
    assert result.variables == ["inspection", "grade"]
    assert result.rows() == [
        ("inspection:worcestershire-2016-sif", "grade:inadequate"),
        ("inspection:worcestershire-2019-ilacs", "grade:requires-improvement"),
        ("inspection:worcestershire-2023-ilacs", "grade:good"),
    ]


def test_a_query_may_redeclare_a_prefix():
    query = "PREFIX okg: <http://example.org/other#> ASK { ?i a okg:Inspection }"
    assert run_query(query, data=DATA).boolean is False


def test_named_graphs_are_kept_and_the_default_graph_is_their_merge():
    union = run_query("SELECT (COUNT(*) AS ?n) { ?s a okg:Inspection }", data=DATA).rows()
    per_graph = run_query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s a okg:Inspection } }", data=DATA).rows()
    graphs = run_query("SELECT DISTINCT ?g { GRAPH ?g { ?j a okg:Judgement } } ORDER BY ?g", data=DATA).rows()
    assert int(union[0][0]) == 10  # each inspection once, though every graph that mentions it types it
    assert int(per_graph[0][0]) > 10
    assert graphs == [("graph:ofsted-facts",), ("graph:west-sussex-rated-inadequate-2019",),
                      ("graph:worcestershire-rated-inadequate-2017",), ("graph:wscc-damning-report-2019",),
                      ("graph:wscc-gloss-over-ofsted-2016",), ("graph:wscc-ofsted-report-published-2020",)]


def test_parameters_bind_selected_variables():
    query = "SELECT DISTINCT ?i ?a WHERE { ?i okg:inspectedAuthority ?a } ORDER BY ?i"
    rows = run_query(query, data=DATA, parameters=["a=authority:west-sussex"]).rows()
    assert [r[0] for r in rows] == ["inspection:west-sussex-2015-sif", "inspection:west-sussex-2019-ilacs",
                                    "inspection:west-sussex-2020-focused-visit",
                                    "inspection:west-sussex-2021-monitoring-visit", "inspection:west-sussex-2023-ilacs"]
    full = run_query(query, data=DATA, parameters={"a": "<https://w3id.org/ofsted-kg/id/authority/west-sussex>"})
    assert full.rows() == rows


def test_a_parameter_the_query_does_not_select_is_a_usage_error():
    with pytest.raises(QueryError, match="parameter 'x' must be a variable the query SELECTs") as error:
        run_query("SELECT ?i { ?i a okg:Inspection }", data=DATA, parameters=["x=1"])
    assert error.value.exit_code == 2


def test_table_is_aligned_shortened_and_counted():
    table = format_result(run_query(GRADES, data=DATA), "table")
    assert table == (
        "inspection                            grade\n"
        "────────────────────────────────────  ──────────────────────────\n"
        "inspection:worcestershire-2016-sif    grade:inadequate\n"
        "inspection:worcestershire-2019-ilacs  grade:requires-improvement\n"
        "inspection:worcestershire-2023-ilacs  grade:good\n"
        "(3 rows)\n")


def test_table_cuts_long_cells_unless_told_not_to():
    query = 'SELECT ?t { ?s schema:text ?t FILTER(STRSTARTS(?t, "It is unacceptable")) } LIMIT 1'
    result = run_query(query, data=DATA)
    assert format_result(result, max_width=20).splitlines()[2] == "It is unacceptable …"
    assert "bitterly disappointed" in format_result(result, max_width=0)


def test_csv_tsv_and_json_are_the_sparql_standard_formats():
    result = run_query(GRADES, data=DATA)
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == ["inspection", "grade"]
    assert rows[1] == ["https://w3id.org/ofsted-kg/id/inspection/worcestershire-2016-sif",
                       "https://w3id.org/ofsted-kg/id/grade/inadequate"]
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?inspection\t?grade"
    assert tsv[1].endswith("\t<https://w3id.org/ofsted-kg/id/grade/inadequate>")
    document = json.loads(format_result(result, "json"))
    assert document["head"]["vars"] == ["inspection", "grade"]
    assert document["results"]["bindings"][2]["grade"] == {
        "type": "uri", "value": "https://w3id.org/ofsted-kg/id/grade/good"}


def test_ask_gives_true_or_false():
    assert format_result(run_query("ASK { ?i a okg:Inspection }", data=DATA)) == "true\n"
    assert json.loads(format_result(run_query("ASK { ?i a okg:Nothing }", data=DATA), "json")) == {
        "head": {}, "boolean": False}


def test_construct_gives_turtle_with_only_the_prefixes_it_uses_or_ntriples():
    query = ("CONSTRUCT { ?i okg:inspectedAuthority ?a } WHERE { ?i okg:inspectedAuthority ?a "
             "FILTER(?i = inspection:worcestershire-2016-sif) }")
    result = run_query(query, data=DATA)
    turtle = format_result(result)
    assert "inspection:worcestershire-2016-sif okg:inspectedAuthority authority:worcestershire ." in turtle
    assert "@prefix person:" not in turtle
    assert format_result(result, "ntriples") == (
        "<https://w3id.org/ofsted-kg/id/inspection/worcestershire-2016-sif> "
        "<https://w3id.org/ofsted-kg/ontology#inspectedAuthority> <https://w3id.org/ofsted-kg/id/authority/worcestershire> .\n")


def test_describe_gives_a_graph():
    result = run_query("DESCRIBE person:sue-mullins", data=DATA)
    assert result.kind == "graph"
    assert "Sue Mullins" in format_result(result)


@pytest.mark.parametrize("query, format", [(GRADES, "turtle"), ("DESCRIBE person:sue-mullins", "csv")])
def test_a_format_that_does_not_fit_the_result_is_a_usage_error(query, format):
    with pytest.raises(QueryError, match="does not fit") as error:
        format_result(run_query(query, data=DATA), format)
    assert error.value.exit_code == 2


# --- refusals and errors -----------------------------------------------------------------------

@pytest.mark.parametrize("query, word", [
    ("INSERT DATA { <a:b> <a:b> <a:b> }", "INSERT"),
    ("# a comment\ndelete where { ?s ?p ?o }", "DELETE"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("CLEAR ALL", "CLEAR"), ("DROP GRAPH <a:b>", "DROP"), ("CREATE GRAPH <a:b>", "CREATE"),
    ("ADD DEFAULT TO <a:b>", "ADD"), ("MOVE <a:b> TO <a:c>", "MOVE"), ("COPY <a:b> TO <a:c>", "COPY"),
    ("WITH <a:b> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE"),
    ("SELECT * {} ; INSERT DATA { <a:b> <a:b> <a:b> }", "INSERT"),
])
def test_updates_are_refused(query, word):
    with pytest.raises(QueryError, match=f"refused at line .*: {word} would change the graph") as error:
        run_query(query, data=DATA)
    assert error.value.exit_code == 1


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "PREFIX : <http://example.org/> SELECT * WHERE { SERVICE:x{ ?s ?p ?o } }",
    "SELECT * WHERE { SERVICESILENT<http://example.org/>{ ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p true SERVICE ?e { ?s ?p ?o } }",
])
def test_service_is_refused_before_anything_runs(query):
    with pytest.raises(QueryError, match="SERVICE .* would reach another endpoint"):
        check_read_only(query)


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?service rdfs:label "SERVICE" } # no SERVICE here',
    "SELECT * WHERE { ?s ?p <http://example.org/service> }",
    'ASK { ?s ?p "x"@service }',
])
def test_the_word_service_in_names_strings_iris_and_comments_is_fine(query):
    check_read_only(query)


@pytest.fixture
def listener():
    """A TCP listener on 127.0.0.1 that records every connection it gets (it answers none)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    connections: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            connections.append(connection.recv(100))
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connections
    stop.set()
    thread.join(2)
    server.close()


SPARQL_BITS = ["SELECT", "*", "WHERE", "{", "}", "?s", "?p", "?o", "SERVICE", "service", "SILENT", "<", ">",
               "ENDPOINT", ":x", "PREFIX", ":", "#", "\n", '"', "'", ".", "true", "1", "OPTIONAL", "UNION", " ", "@en"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SPARQL_BITS), max_size=25))
@example(["SELECT", "*", "WHERE", "{", "SERVICE", "ENDPOINT", "{", "}", "}"])  # each of these reaches the
@example(["SELECT", "*", "{", "service", "SILENT", "ENDPOINT", "{", "?s", "?p", "?o", "}", "}"])  # network
@example(["PREFIX", ":", "ENDPOINT", "SELECT", "*", "{", "SERVICE", ":", "{", "}", "}"])  # in pyoxigraph
def test_no_query_with_service_reaches_the_network(listener, bits):
    port, connections = listener
    endpoint = f"<http://127.0.0.1:{port}/sparql>"
    query = "".join(bits).replace("ENDPOINT", endpoint).replace(":x", f"<http://127.0.0.1:{port}/x>")
    try:
        run_query(query, data=DATA, timeout=5)
    except (QueryError, InputError):
        pass
    assert connections == []


@pytest.mark.parametrize("query, where", [
    ("SELECT ?x WHERE {\n  ?x a \n}}", "line 3, column 3"),
    ("\n\nSELECT * { ?s a nope:Thing }", "line 3, column 17"),
    ("SELECT * { ?s ?p ?o ", "line 1, column 21"),
])
def test_syntax_errors_point_at_the_users_line_and_column(query, where):
    with pytest.raises(QueryError, match=f"syntax error at {where}") as error:
        run_query(query, data=DATA)
    assert error.value.exit_code == 2


def test_unknown_prefix_is_named():
    with pytest.raises(QueryError, match=r"unknown prefix 'nope:' \(declare it with PREFIX nope: <...>\)"):
        run_query("SELECT * { ?s a nope:Thing }", data=DATA)


def test_a_runaway_query_is_stopped_at_the_time_limit():
    started = time.monotonic()
    with pytest.raises(QueryError, match="query stopped after 0.5 s") as error:
        run_query("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", data=DATA, timeout=0.5)
    assert time.monotonic() - started < 3
    assert error.value.exit_code == 1


@pytest.mark.parametrize("timeout", [0, -1, float("nan")])
def test_the_time_limit_must_be_positive(timeout):
    with pytest.raises(QueryError, match="timeout must be a positive number"):
        run_query("ASK {}", data=DATA, timeout=timeout)


def test_a_missing_export_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        run_query("ASK {}", data=tmp_path / "none.trig")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_random_text_gives_an_answer_or_a_query_error(text):
    try:
        result = run_query(text, data=DATA, timeout=5)
    except QueryError as e:
        assert e.exit_code in (1, 2)
        assert "\n" not in str(e)
    else:
        assert result.kind in ("select", "ask", "graph")


# --- the command -------------------------------------------------------------------------------

def test_cli_runs_inline_file_and_library_queries(tmp_path):
    inline = cli("query", GRADES)
    assert inline.exit_code == 0, inline.output
    assert "inspection:worcestershire-2023-ilacs  grade:good" in inline.output
    path = tmp_path / "q.rq"
    path.write_text(GRADES)
    assert cli("query", "-f", str(path)).output == inline.output
    library = cli("query", "--cq", "grade-falls", "--root", str(ROOT), "--format", "csv")
    assert library.exit_code == 0, library.output
    assert library.output.splitlines()[0] == "authority,before,beforeGrade,after,afterGrade,fall"


def test_cli_binds_parameters():
    result = cli("query", "--cq", "authority-grades-over-time", "--root", str(ROOT),
                 "--param", "authority=authority:worcestershire", "--format", "tsv")
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 6  # header + five inspections


def test_cli_shows_a_library_query_with_its_prefix_lines():
    result = cli("query", "--cq", "grade-falls", "--root", str(ROOT), "--show")
    assert result.exit_code == 0
    assert result.output.startswith("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>\n")
    assert "PREFIX judgement-area: <https://w3id.org/ofsted-kg/id/judgement-area/>\n" in result.output
    assert "PREFIX person:" not in result.output
    assert "# title: Authorities whose grade fell" in result.output


def test_cli_lists_the_library():
    result = runner.invoke(app, ["queries", "--root", str(ROOT)])
    assert result.exit_code == 0
    assert "date-disagreements  —  Where sources disagree on a date" in result.output


@pytest.mark.parametrize("args, code, message", [
    (["query", "SELECT * {"], 2, "error: syntax error at line 1, column 11"),
    (["query", "DROP ALL"], 1, "error: refused at line 1, column 1: DROP would change the graph"),
    (["query", "SELECT * { SERVICE <http://127.0.0.1:9/> {} }"], 1, "error: refused at line 1, column 12: SERVICE"),
    (["query"], 2, "error: give exactly one of: a query, --file PATH or --cq NAME"),
    (["query", "ASK {}", "--cq", "grade-falls"], 2, "error: give exactly one of"),
    (["query", "--cq", "nothing-like-it"], 2, "error: no library query named 'nothing-like-it'"),
    (["query", "-f", "/nonexistent/q.rq"], 2, "error: cannot read query file /nonexistent/q.rq"),
    (["query", "ASK {}", "--format", "turtle"], 2, "error: format 'turtle' does not fit"),
    (["query", "ASK {}", "--format", "xml"], 2, "error: unknown format 'xml': use one of table, csv, tsv, json"),
    (["query", "ASK {}", "--param", "novalue"], 2, "error: parameter 'novalue': write NAME=VALUE"),
    (["query", "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--timeout", "0.3"], 1,
     "error: query stopped after 0.3 s"),
])
def test_cli_errors_are_one_line_without_traceback(args, code, message):
    result = cli(*args)
    assert result.exit_code == code, result.output
    assert result.output.startswith(message), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=60).filter(lambda t: not t.startswith("-")))
def test_cli_never_shows_a_traceback(text):
    result = cli("query", text, "--timeout", "5")
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_the_readme_shows_real_output():
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## For researchers: SPARQL"):]
    examples = re.findall(r"```console\n\$ (ofsted-kg query .*?)\n(.*?)```", section, re.DOTALL)
    assert len(examples) >= 3
    for command, shown in examples:
        result = runner.invoke(app, [*shlex.split(command)[1:], "--data", str(DATA), "--root", str(ROOT)])
        assert result.exit_code == 0, result.output
        assert result.output == shown, command


@pytest.mark.parametrize("export", ["ofsted-kg.ttl", "ofsted-kg.nt", "ofsted-kg.jsonld"])
def test_other_exports_can_be_queried(export):
    assert run_query(GRADES, data=ROOT / "exports" / export).rows() == run_query(GRADES, data=DATA).rows()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=3))
def test_odd_parameters_bind_or_give_a_usage_error(assignments):
    try:
        substitutions = parse_parameters(assignments)
    except QueryError as e:
        assert e.exit_code == 2 and "\n" not in str(e)
    else:
        assert len(substitutions) <= len(assignments)
