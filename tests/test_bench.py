"""The benchmark, run at its smallest size only: it works, both stores agree, and bad options are refused."""

from __future__ import annotations

import importlib.util
import json
import os
import time

import pytest

import graph.bench as bench_module
from graph.bench import (README_END, README_START, SIZES, Query, _Child, _generate_step,
                         _run_queries, bench, discover_queries, write)
from graph.errors import GraphError, ParameterError
from graph.exports import FORMATS
from graph.queries import QUERIES

from .conftest import ROOT, invoke

#: Five small queries (one parametrised) so the smoke run stays quick.
FIXTURES = ROOT / "tests/fixtures/bench-queries"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return bench(("10k",), queries=FIXTURES, rdflib_cap=60, out=tmp_path_factory.mktemp("bench"), root=ROOT)


def test_every_query_is_timed_on_both_stores_and_they_agree(report):
    (size,) = report.data["sizes"]
    names = {path.stem for path in FIXTURES.glob("*.rq")}
    assert size["name"] == "10k" and 10_000 <= size["triples"] < size["quads"] < 15_000
    assert set(size["pyoxigraph"]["queries"]) == set(size["rdflib"]["queries"]) == names
    for name in names:
        mine, theirs = size["pyoxigraph"]["queries"][name], size["rdflib"]["queries"][name]
        assert 0 < mine["median_ms"] <= mine["p95_ms"] and mine["runs"] >= 3
        assert theirs["rows"] == mine["rows"], name
        assert size["speedup"][name] > 0
    assert size["mismatches"] == []


def test_load_memory_exports_and_page_are_measured(report):
    (size,) = report.data["sizes"]
    assert size["pyoxigraph"]["load_s"] > 0 and size["generate"]["seconds"] > 0
    assert size["pyoxigraph"]["peak_mb"] > 0 and size["rdflib"]["peak_mb"] > 0 and size["exports"]["peak_mb"] > 0
    assert all(size["exports"][key]["seconds"] > 0 and size["exports"][key]["mb"] > 0 for key in FORMATS)
    expected = "ok" if importlib.util.find_spec("graph.viz") else "not available"
    assert size["network_page"]["status"] == expected
    machine = report.data["machine"]
    assert machine["cores"] >= 1 and machine["pyoxigraph"] and machine["rdflib"]
    low, high = machine["load_average"]
    assert 0 <= low <= high and f"load average {low:.1f} to {high:.1f}" in report.markdown


def test_targets_are_judged_only_where_measured(report):
    targets = {t["target"].split(":")[0]: t["met"] for t in report.data["targets"]}
    assert isinstance(targets["seed graph"], bool)
    assert targets["1M"] is None and targets["100k"] is None
    assert 1000 < report.data["seed_graph"]["triples"] < report.data["seed_graph"]["quads"]


def test_results_are_written_as_json_markdown_and_svg(report):
    written = {path.name: path for path in report.paths}
    assert json.loads(written["results.json"].read_text()) == report.data
    markdown = written["results.md"].read_text()
    assert markdown == report.markdown
    assert "| grade-falls | 10k |" in markdown and report.data["machine"]["cpu"] in markdown
    if importlib.util.find_spec("matplotlib"):
        svg = written["scaling.svg"].read_text()
        assert svg.startswith("<?xml") and all(name in svg for name in report.data["queries"])


def test_the_committed_plot_shows_every_query():
    data = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    svg = (ROOT / "bench" / "scaling.svg").read_text(encoding="utf-8")
    assert all(f">{name}" in svg for name in data["queries"])


def test_the_readme_block_is_replaced_and_nothing_else(report, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n## Scale and speed\n{README_START}\nold\n{README_END}\nafter\n")
    write(report.data, report.markdown, tmp_path / "out", readme)
    assert readme.read_text() == f"# x\n\n## Scale and speed\n{README_START}\n{report.markdown}{README_END}\nafter\n"
    readme.write_text("no markers\n")
    with pytest.raises(ParameterError, match="bench:results"):
        write(report.data, report.markdown, tmp_path / "out", readme)
    assert readme.read_text() == "no markers\n"


def test_rdflib_out_of_time_is_reported_not_waited_for(tmp_path):
    data = bench(("10k",), queries=FIXTURES, rdflib_cap=0.001, out=None, root=ROOT).data
    (size,) = data["sizes"]
    assert {q["status"] for q in size["rdflib"]["queries"].values()} <= {"timed out", "not run"}
    assert size["speedup"] == {} and size["mismatches"] == []
    assert all("median_ms" in q for q in size["pyoxigraph"]["queries"].values())


def test_queries_are_discovered_with_title_prologue_and_parameter(tmp_path):
    (tmp_path / QUERIES).mkdir(parents=True)
    (tmp_path / QUERIES / "b.rq").write_text("# title: B\n# question: b?\n# parameters: ?who  a person\nSELECT ?who {}\n")
    (query,) = discover_queries(tmp_path / QUERIES)
    assert (query.name, query.title, query.parameter) == ("b", "B", "who") and query.text.startswith("PREFIX okg:")


def test_a_parametrised_question_is_also_timed_for_one_value(report):
    (size,) = report.data["sizes"]
    bound, whole = size["pyoxigraph"]["bound"]["quotes-per-person"], size["pyoxigraph"]["queries"]["quotes-per-person"]
    assert bound["parameter"] == "person" and bound["value"].startswith("https://w3id.org/ofsted-kg/id/person/synthetic/")
    assert 1 <= bound["rows"] < whole["rows"] and bound["median_ms"] > 0
    assert "| quotes-per-person (?person) |" in report.markdown
    assert set(size["pyoxigraph"]["bound"]) == {"quotes-per-person"}


@pytest.mark.parametrize("args, message", [
    (["--sizes", "5k"], "sizes 5k: choose from"),
    (["--sizes", ","], "sizes (none)"),
    (["--rdflib-cap", "0"], "rdflib cap must be a positive"),
    (["--queries", "nowhere"], "no .rq files"),
])
def test_cli_refuses_bad_options_in_one_line(args, message, tmp_path):
    result = invoke("bench", *args, "--out", tmp_path, "--root", ROOT)
    assert result.exit_code == 2 and message in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_query_past_its_cap_is_stopped_and_the_next_one_still_runs():
    sent = []
    slow_then_fast = iter([lambda: time.sleep(5), lambda: None])
    _run_queries(sent.append, [("slow", ""), ("fast", "")], lambda text: next(slow_then_fast)() or [], 1, 0.0,
                 warm_up=False, cap=0.2)
    assert sent[0] == ("expired", "slow", 0.2)
    assert sent[1][:2] == ("query", "fast") and sent[1][3] == 0
    _run_queries(sent.append, [("late", "")], lambda text: [], 1, 0.0, warm_up=False, until=time.monotonic() - 1)
    assert sent[2] == ("skipped", "late")



def _dies(send) -> None:
    os._exit(3)


def test_a_step_that_fails_or_dies_is_reported_not_waited_for():
    failing = _Child(_generate_step, (0, 1, 1), 1, "/tmp/never-written", str(ROOT))
    with pytest.raises(GraphError, match="failed: ParameterError: authorities must be from 1"):
        failing.receive(60)
    failing.stop()
    dying = _Child(_dies)
    with pytest.raises(GraphError, match="died .exit code 3"):
        dying.receive(60)
    dying.stop()


def test_the_readme_shows_the_committed_results_and_every_size_preset():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(README_START) + len(README_START):readme.index(README_END)]
    assert block == "\n" + (ROOT / "bench" / "results.md").read_text(encoding="utf-8")
    for name, (authorities, years, articles) in SIZES.items():
        assert f"| {name} | {authorities} | {years} | {articles} |" in readme


def test_a_pyoxigraph_query_past_its_cap_is_killed_and_the_rest_run_in_a_new_process(monkeypatch):
    monkeypatch.setattr(bench_module, "QUERY_CAP", 1.0)
    endless = Query("endless", "", "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    quick = Query("quick", "", "ASK { ?s ?p ?o }")
    result = bench_module._oxigraph(ROOT / "exports" / "ofsted-kg.trig", [endless, quick])
    assert result["queries"]["endless"] == {"status": "timed out", "after_s": 1.0}
    assert result["queries"]["quick"]["rows"] == 1 and result["load_s"] > 0 and result["peak_mb"] > 0
