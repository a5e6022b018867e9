"""The network page in a real browser (Debian's Chromium through playwright), opened from file://.

Skipped when this machine has no Chromium, except under CI (CI=true), where that fails.
Screenshots go to each test's tmp_path. The big-page test prints its timings; no test
asserts a time.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from graph.browser import browser, chromium, open_page, search, settle
from graph.synth import synth
from graph.viz import viz

from .conftest import ROOT
from .pages import GOLDSMITH, IMG, MULLINS, SCRIPT, SEED, UNACCEPTABLE, hostile_project

pytestmark = pytest.mark.browser
ILACS_2019 = "https://w3id.org/ofsted-kg/id/inspection/west-sussex-2019-ilacs"
WEST_SUSSEX = "https://w3id.org/ofsted-kg/id/authority/west-sussex"


@pytest.fixture(scope="module")
def launched():
    missing = None
    if chromium() is None:
        missing = "no Chromium on this machine (apt-get install chromium)"
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            missing = "playwright is not installed"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests: {missing}")
        pytest.skip(missing)
    with browser() as b:
        yield b


class Recorder:
    """A tab with every request, console message, page error and dialog it saw."""

    def __init__(self, launched, page: Path):
        self.requests: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        started = time.perf_counter()
        self.tab = open_page(launched, page, before=self._watch)
        self.open_seconds = time.perf_counter() - started

    def _watch(self, tab) -> None:
        tab.on("request", lambda r: self.requests.append(r.url))
        tab.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        tab.on("pageerror", lambda e: self.errors.append(str(e)))
        tab.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def details(self) -> str:
        return self.tab.inner_text("#details")


def _centred_on(tab, node: str, seconds: float = 5.0) -> bool:
    """Whether the view comes to rest centred on ``node`` (the zoom is animated)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        view = tab.evaluate("okg.network.getViewPosition()")
        at = tab.evaluate(f"okg.network.getPositions([{node!r}])[{node!r}]")
        if abs(view["x"] - at["x"]) < 1 and abs(view["y"] - at["y"]) < 1:
            return True
        tab.wait_for_timeout(100)
    return False


@pytest.fixture(scope="module")
def seed(launched, tmp_path_factory):
    page = viz(SEED, out=tmp_path_factory.mktemp("seed") / "network.html")
    return page, Recorder(launched, page.path)


def test_page_draws_from_file_with_no_request_leaving_the_file(seed, tmp_path: Path):
    page, rec = seed
    assert rec.requests == [page.path.resolve().as_uri()]
    assert rec.errors == [] and rec.console == [] and rec.dialogs == []
    tab = rec.tab
    assert tab.locator("#network canvas").count() == 1
    assert tab.evaluate("okg.nodes.length") == page.nodes == 34
    assert tab.evaluate("okg.edges.length") == page.edges
    assert tab.evaluate("okg.network.body.nodeIndices.length") == 34  # drawn, none clustered away
    positions = tab.evaluate("okg.network.getPositions()")
    assert len({(round(p["x"]), round(p["y"])) for p in positions.values()}) == 34  # laid out, not piled up
    assert tab.is_hidden("#status") and tab.is_hidden("#note")
    tab.screenshot(path=str(tmp_path / "network.png"))


def test_layout_stops_after_it_settles(seed):
    _, rec = seed
    before = rec.tab.evaluate("okg.network.getPositions()")
    rec.tab.wait_for_timeout(500)
    assert rec.tab.evaluate("okg.network.getPositions()") == before


def test_searching_goldsmith_focuses_her_and_shows_her_quote_with_its_source(seed, tmp_path: Path):
    _, rec = seed
    tab = rec.tab
    tab.fill("#search", "goldsm")
    assert tab.inner_text("#results li >> nth=0").startswith("Louise Goldsmith")
    search(tab, "Goldsmith")
    assert tab.evaluate("okg.network.getSelectedNodes()") == [GOLDSMITH]
    assert _centred_on(tab, GOLDSMITH)
    details = rec.details()
    assert tab.inner_text("#details h2") == "Louise Goldsmith" and tab.inner_text("#details .kind") == "person"
    assert "leader" in details
    quote = tab.locator(".quote blockquote", has_text="It is unacceptable").inner_text()
    assert quote.startswith(UNACCEPTABLE)
    assert "I want to reassure residents" in quote  # the whole quote, not only its first paragraph
    source = tab.locator(".quote", has_text="It is unacceptable").locator(".source").inner_text()
    assert "‘Widespread and serious weaknesses’: West Sussex children’s services inspection report (2019)" in source
    assert "May 2019" in source
    edge_labels = tab.evaluate("okg.edges.get().filter(e => e.label).map(e => e.label).sort()")
    assert "member of (leader)" in edge_labels and "quoted in" in edge_labels
    tab.screenshot(path=str(tmp_path / "goldsmith.png"))


def _click_node(tab, node: str) -> None:
    where = f"okg.network.getPositions([{node!r}])[{node!r}]"
    at, box = tab.evaluate(f"okg.network.canvasToDOM({where})"), tab.locator("#network").bounding_box()
    tab.mouse.click(box["x"] + at["x"], box["y"] + at["y"])


def test_clicking_a_node_opens_its_panel(seed):
    _, rec = seed
    rec.tab.click("#fit")
    settle(rec.tab)
    _click_node(rec.tab, MULLINS)
    assert rec.tab.inner_text("#details h2") == "Sue Mullins"
    assert "WHAT THEY SAID (7)" in rec.details()


def test_inspection_panel_shows_grades_by_area_and_findings_by_kind(seed):
    _, rec = seed
    rec.tab.evaluate(f"okg.focus({ILACS_2019!r})")
    details = rec.details()
    assert "GRADES (4)" in details and "overall effectiveness\tinadequate" in details
    assert "FINDINGS (" in details and "weakness (" in details and "strength (" in details
    assert "Lead inspector\tLinda Steele" in details


def test_council_panel_lists_its_inspections_over_time(seed):
    _, rec = seed
    rec.tab.evaluate(f"okg.focus({WEST_SUSSEX!r})")
    rows = rec.tab.locator("table.rows").first.locator("tr").all_inner_texts()
    assert [r.split("\t")[0] for r in rows] == ["20 January 2016", "8 May 2019", "4 December 2020", "23 June 2021",
                                                "11 May 2023"]
    assert rows[1].endswith("inadequate")
    badge = rec.tab.locator("table.rows .grade.inadequate").first
    assert badge.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(214, 45, 32)"


def test_type_filters_hide_and_show(seed):
    _, rec = seed
    tab = rec.tab
    tab.uncheck("#filter-person")
    assert tab.evaluate("okg.nodes.get({filter: n => n.hidden}).length") == 10
    tab.check("#filter-person")
    assert tab.evaluate("okg.nodes.get({filter: n => n.hidden}).length") == 0


def test_timeline_opens_in_the_page(seed, tmp_path: Path):
    _, rec = seed
    tab = rec.tab
    assert tab.is_hidden("#timeline")
    tab.click("#timeline-toggle")
    assert tab.is_visible("#timeline svg") and tab.locator("#timeline polyline").count() == 2
    tab.screenshot(path=str(tmp_path / "timeline.png"))
    tab.click("#timeline-toggle")
    assert tab.is_hidden("#timeline")


def test_hostile_text_never_runs(launched, tmp_path: Path):
    data = hostile_project(tmp_path)
    for focus in (None, "Goldsmith"):
        page = viz(data, out=tmp_path / f"hostile-{focus}.html", focus=focus)
        rec = Recorder(launched, page.path)
        tab = rec.tab
        search(tab, "Goldsmith")
        tab.evaluate(f"okg.focus({ILACS_2019!r})")
        tab.hover("#network")
        search(tab, "Goldsmith")
        assert tab.evaluate("typeof window.pwned") == "undefined"
        assert rec.dialogs == [] and rec.errors == []
        assert not [m for m in rec.console if "Content Security Policy" in m]  # nothing even tried to run
        assert tab.locator("#details img, #details script, #details svg[onload]").count() == 0
        assert tab.inner_text("#details h2") == IMG + "Louise Goldsmith"
        assert tab.locator(".quote blockquote", has_text="It is unacceptable").inner_text().startswith(
            f"It is unacceptable {SCRIPT}")
        assert rec.requests == [page.path.resolve().as_uri()]
        tab.screenshot(path=str(tmp_path / f"hostile-{focus}.png"))


def test_focused_page(launched, tmp_path: Path):
    page = viz(SEED, out=tmp_path / "mullins.html", focus="Sue Mullins", depth=2)
    rec = Recorder(launched, page.path)
    assert rec.tab.evaluate("okg.nodes.length") == page.nodes == 18
    assert rec.tab.inner_text("#note") == "Showing Sue Mullins and everything within 2 steps (18 nodes)."
    assert rec.errors == []


def test_national_graph_opens_clustered_and_search_reaches_inside_a_group(launched, tmp_path: Path):
    data = synth(150, 3, 1, 1, tmp_path / "national", root=ROOT).trig  # 150 councils, 3 years, an article each
    started = time.perf_counter()
    page = viz(data, out=tmp_path / "national.html")
    write_seconds = time.perf_counter() - started
    rec = Recorder(launched, page.path)
    tab = rec.tab
    print(f"\nnational page: {page.nodes} nodes, {page.edges} edges, {page.size / 1e6:.1f} MB; "
          f"written in {write_seconds:.2f} s, opened in {rec.open_seconds:.2f} s (clustered={page.clustered})")
    nodes = {n["id"]: n for n in tab.evaluate("okg.nodes.get().map(n => ({id: n.id, type: n.type, "
                                               "cluster: n.cluster, name: n.name}))")}
    assert page.clustered and page.nodes == len(nodes) > 2000
    assert "grouped by council" in tab.inner_text("#note")
    councils = sorted(n["id"] for n in nodes.values() if n["type"] == "authority")
    assert len(councils) == 150
    clusters = {n["cluster"] for n in nodes.values()}
    assert tab.evaluate("okg.network.body.nodeIndices.length") == len(clusters) < len(nodes) / 5  # one per group

    def people_of(council: str) -> list[str]:
        return sorted(i for i, n in nodes.items() if n["type"] == "person" and n["cluster"] == council)

    names = [n["name"] for n in nodes.values()]
    person = next(p for c in councils for p in people_of(c) if names.count(nodes[p]["name"]) == 1)
    search(tab, nodes[person]["name"])
    assert tab.evaluate("okg.network.getSelectedNodes()") == [person]
    assert tab.evaluate(f"okg.network.findNode({person!r})") == [person]  # its group was opened
    assert _centred_on(tab, person)
    assert nodes[nodes[person]["cluster"]]["name"] in rec.details()

    council = next(c for c in councils if c != nodes[person]["cluster"] and people_of(c))
    members = [i for i, n in nodes.items() if n["cluster"] == council]
    group = f"group:{council}"
    tab.evaluate(f"okg.network.moveTo({{position: okg.network.getPositions([{group!r}])[{group!r}], scale: 1}})")
    _click_node(tab, group)
    people = len(people_of(council))
    assert f"A group of {len(members)} nodes" in rec.details()
    assert f"{people} {'person' if people == 1 else 'people'}" in rec.details()
    tab.click("#details button")
    member = people_of(council)[0]
    assert tab.evaluate(f"okg.network.findNode({member!r})") == [member]
    assert rec.errors == [] and rec.requests == [page.path.resolve().as_uri()]
    tab.screenshot(path=str(tmp_path / "national.png"))
