"""The grade timeline: which inspections it plots, where, and that any text is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from graph.cli import app
from graph.network import read_facts
from graph.store import load_store
from graph.timeline import Line, Point, grade_lines, timeline, timeline_svg, year_fraction
from .pages import SEED

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def lines():
    return grade_lines(read_facts(load_store(SEED)))


@pytest.mark.parametrize("value, expected", [
    ("2019", 2019.5), ("2019-01", 2019 + 0.5 / 12), ("2019-01-01", 2019 + 0.5 / 365),
    ("2020-12-31", 2020 + 365.5 / 366), ("2019-13", None), ("2019-02-30", None), ("soon", None),
])
def test_dates_sit_at_the_middle_of_what_they_name(value, expected):
    assert year_fraction(value) == (pytest.approx(expected) if expected else None)


def test_one_line_per_council_with_its_graded_inspections_in_order(lines):
    assert [line.label for line in lines] == ["West Sussex County Council", "Worcestershire County Council"]
    west_sussex, worcestershire = lines
    assert [(p.grade, p.slug) for p in west_sussex.points] == [
        (3, "requires-improvement"), (4, "inadequate"), (3, "requires-improvement")]
    assert [p.grade for p in worcestershire.points] == [4, 3, 2]
    assert west_sussex.points[1].title == ("West Sussex County Council: ILACS standard inspection, 2019: "
                                           "inadequate (published 8 May 2019)")
    assert grade_lines(read_facts(load_store(SEED)), ["https://w3id.org/ofsted-kg/id/authority/worcestershire"]) \
        == [worcestershire]


def test_the_picture_is_valid_svg_with_a_polyline_per_council(lines):
    root = ET.fromstring(timeline_svg(lines))
    assert root.tag == f"{SVG}svg"
    polylines = root.findall(f".//{SVG}polyline")
    assert [len(p.get("points").split()) for p in polylines] == [3, 3]
    ys = [float(pair.split(",")[1]) for pair in polylines[1].get("points").split()]
    assert ys[0] > ys[1] > ys[2]  # Worcestershire went inadequate -> requires improvement -> good: upwards
    assert "No graded inspections" in timeline_svg([])


labels = st.text(max_size=40)


def _readable(text: str) -> str:
    """What an XML reader gets back: the text, with characters XML cannot hold replaced."""
    return "".join(c if c in "\t\n\r" or (" " <= c and not "\ud800" <= c <= "\udfff" and c not in "\ufffe\uffff")
                   else "\ufffd" for c in text)


@settings(max_examples=150, deadline=None)
@given(label=labels, title=labels)
def test_any_text_is_escaped_and_reads_back_unchanged(label, title):
    svg = timeline_svg([Line("x", label, (Point(2019.5, 4, "inadequate", title),))])
    root = ET.fromstring(svg)  # it parses: nothing broke out of its element
    council = root.find(f".//{SVG}g")
    assert (council.find(f"{SVG}title").text or "") == _readable(label)
    assert (council.find(f".//{SVG}circle/{SVG}title").text or "") == _readable(title)
    assert [e.tag for e in root.iter() if not e.tag.startswith(SVG)] == []


def test_timeline_writes_a_standalone_svg_and_the_cli_reports_it(tmp_path: Path):
    result = timeline(SEED, out=tmp_path / "t.svg")
    assert (result.councils, result.inspections) == (2, 6)
    text = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    run = CliRunner().invoke(app, ["timeline", "--data", str(SEED), "--out", str(tmp_path / "cli.svg")])
    assert run.exit_code == 0, run.output
    assert "2 councils, 6 graded inspections" in run.output
    assert (tmp_path / "cli.svg").read_bytes() == text.encode("utf-8")
