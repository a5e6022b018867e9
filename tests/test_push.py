"""`ofsted-kg push`: the Graph Store Protocol against a real writable Oxigraph server on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import ServiceError
from graph.push import AUTH_VARIABLE, push
from graph.server import free_port, oxigraph_binary, prepare_store

pytestmark = pytest.mark.server
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "exports" / "ofsted-kg.trig"


def _wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert process.poll() is None, "oxigraph stopped"
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1).read()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("oxigraph did not start")


@pytest.fixture
def store(tmp_path):
    """A writable Oxigraph server (``oxigraph serve``) on a free loopback port; yields its base URL."""
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "store"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(10)


def counts_in_store(base: str) -> dict[str, int]:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    request = urllib.request.Request(base + "query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        bindings = json.loads(response.read())["results"]["bindings"]
    return {b["g"]["value"]: int(b["n"]["value"]) for b in bindings}


def counts_in_export() -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in ox.parse(path=str(DATA), format=ox.RdfFormat.TRIG):
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    return counts


def test_push_uploads_every_graph_and_pushing_again_changes_nothing(store):
    expected = counts_in_export()
    pushed = push(store + "store", data=DATA)
    assert {p.graph: p.triples for p in pushed} == expected
    assert counts_in_store(store) == expected
    push(store + "store", data=DATA)
    assert counts_in_store(store) == expected


def test_push_replaces_what_the_store_had_in_a_graph(store):
    graph = "https://w3id.org/ofsted-kg/id/graph/registry"
    request = urllib.request.Request(store + "store?" + urllib.parse.urlencode({"graph": graph}), method="POST",
                                     data=b"<urn:stale> <urn:stale> <urn:stale> .",
                                     headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(request, timeout=10).read()
    push(store + "store", data=DATA)
    assert counts_in_store(store)[graph] == counts_in_export()[graph]


def test_cli_reports_each_graph_and_basic_auth_comes_from_the_environment(store, monkeypatch):
    monkeypatch.setenv(AUTH_VARIABLE, "researcher:secret")  # Oxigraph ignores it; the upload must still work
    result = CliRunner().invoke(app, ["push", "--endpoint", store + "store", "--data", str(DATA)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        f"pushed 8 graphs, {sum(counts_in_export().values())} triples to {store}store")
    assert "secret" not in result.output


def test_an_unreachable_endpoint_is_a_service_error():
    port = free_port()  # nobody listens there
    with pytest.raises(ServiceError, match=f"cannot reach http://127.0.0.1:{port}/store: .*refused"):
        push(f"http://127.0.0.1:{port}/store", data=DATA, timeout=5)


def test_a_refusing_endpoint_is_a_service_error(tmp_path):
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(prepare_store(DATA, tmp_path)),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port, process)
        with pytest.raises(ServiceError, match=r"refused graph <https://w3id.org/ofsted-kg/id/graph/.*>: HTTP 403"):
            push(f"http://127.0.0.1:{port}/store", data=DATA)
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.parametrize("endpoint, message", [
    ("localhost:3030/ds/data", "is not an http(s) URL"),
    ("ftp://127.0.0.1/store", "is not an http(s) URL"),
    ("http://user:pw@127.0.0.1:9/store", f"put credentials in the environment variable {AUTH_VARIABLE}"),
])
def test_bad_endpoints_are_refused_before_any_upload(endpoint, message):
    result = CliRunner().invoke(app, ["push", "--endpoint", endpoint, "--data", str(DATA)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]


def test_malformed_credentials_are_refused(monkeypatch):
    monkeypatch.setenv(AUTH_VARIABLE, "no-colon")
    with pytest.raises(ServiceError, match=f"{AUTH_VARIABLE} must be user:password"):
        push("http://127.0.0.1:9/store", data=DATA)
