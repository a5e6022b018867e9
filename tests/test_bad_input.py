"""Bad input gets one line per problem (path:line: what), exit code 1, no traceback, exports untouched."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.build import build, validate
from graph.errors import InputError

from .conftest import edit, invoke

CLAIMS = "data/claims/wscc-gloss-over-ofsted-2016.yaml"


def line_of(project: Path, relative: str, needle: str) -> int:
    """The last line holding ``needle`` (for a duplicate, the one reported)."""
    lines = (project / relative).read_text(encoding="utf-8").splitlines()
    return max(number for number, line in enumerate(lines, 1) if needle in line)


# (name, how to break the copy, file the message must name, text on the line it must name, message)
CASES = [
    ("yaml syntax", lambda p: edit(p, CLAIMS, "  - id: mullins-snails-pace", "  - id: [mullins-snails-pace"),
     CLAIMS, None, "YAML syntax error"),
    ("unknown person", lambda p: edit(p, CLAIMS, "speaker: person/peter-evans", "speaker: person/jo-bloggs"),
     CLAIMS, "speaker: person/jo-bloggs", "unknown person 'person/jo-bloggs'"),
    ("quote not in article", lambda p: edit(p, CLAIMS, 'text: "snail’s pace"', 'text: "tortoise’s pace"'),
     CLAIMS, 'text: "tortoise’s pace"', "text not found verbatim in data/articles/004_41e5de4e1d8027af.txt"),
    ("unknown grade", lambda p: edit(p, CLAIMS, "grade: requires-improvement", "grade: mediocre"),
     CLAIMS, "grade: mediocre", "unknown grade 'mediocre'"),
    ("duplicate id", lambda p: edit(p, CLAIMS, "id: mullins-glossing-over", "id: mullins-not-good-enough"),
     CLAIMS, "id: mullins-not-good-enough", "duplicate id 'mullins-not-good-enough' in statements"),
    ("missing article file", lambda p: (p / "data/articles/004_41e5de4e1d8027af.txt").unlink(),
     CLAIMS, "file: 004_41e5de4e1d8027af.txt", "source file not found"),
    ("article not utf-8", lambda p: (p / "data/articles/004_41e5de4e1d8027af.txt").write_bytes(
        "County council\n\ncaf\xe9 society\n".encode("latin-1")),
     "data/articles/004_41e5de4e1d8027af.txt", None, "not UTF-8"),
    ("shacl violation", lambda p: edit(p, "data/claims/worcestershire-rated-inadequate-2017.yaml",
                                       "currency: GBP", "currency: pounds"),
     "data/claims/worcestershire-rated-inadequate-2017.yaml", "  - id: safeguarding-investment",
     "SHACL: commitment:worcestershire-rated-inadequate-2017/safeguarding-investment"),
    ("registry code", lambda p: edit(p, "data/registry/authorities.yaml", 'la_code: "885"', "la_code: 88"),
     "data/registry/authorities.yaml", "la_code: 88", "not a 3-digit DfE code"),
    ("grades disagree", lambda p: edit(p, "data/claims/wscc-damning-report-2019.yaml",
                                       "grade: inadequate", "grade: good"),
     "data/claims/wscc-damning-report-2019.yaml", None, "disagrees with 'inadequate'"),
    ("draft file", lambda p: edit(p, CLAIMS, "status: curated", "status: draft"),
     CLAIMS, "status: draft", "review the draft"),
    ("area not in framework", lambda p: edit(p, CLAIMS, "area: overall-effectiveness", "area: leadership"),
     CLAIMS, "- area: leadership", "is not graded in a single inspection (SIF)"),
    ("date too odd", lambda p: edit(p, CLAIMS, "value: 2015-10", "value: 2015-13"),
     CLAIMS, "value: 2015-13", "is not a date"),
]


@pytest.fixture
def exports(project: Path) -> dict[str, bytes]:
    """Exports of the unbroken copy, to prove a failed build leaves them untouched."""
    build(project)
    return {p.name: p.read_bytes() for p in (project / "exports").iterdir()}


@pytest.mark.parametrize("name, breaks, path, needle, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_where_it_is_and_nothing_is_written(project, exports, name, breaks, path, needle,
                                                                   message, monkeypatch):
    breaks(project)
    monkeypatch.chdir(project)
    result = invoke("build", "--root", project)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert "Traceback" not in result.output
    matching = [line for line in lines if message in line]
    assert matching, result.output
    where = re.match(r"^(.+?):(\d+): ", matching[0])
    assert where and where.group(1) == path, matching[0]
    if needle is not None:
        assert int(where.group(2)) == line_of(project, path, needle), matching[0]
    assert {p.name: p.read_bytes() for p in (project / "exports").iterdir()} == exports


def test_every_problem_is_reported_in_one_run(project, monkeypatch):
    monkeypatch.chdir(project)
    edit(project, CLAIMS, "speaker: person/peter-evans", "speaker: person/jo-bloggs")
    edit(project, CLAIMS, "grade: requires-improvement", "grade: mediocre")
    edit(project, "data/claims/wscc-damning-report-2019.yaml", "bitterly disappointed", "bitterly disapointed")
    with pytest.raises(InputError) as error:
        validate(project)
    problems = error.value.problems
    assert [p.message.split(" (")[0].split(":")[0] for p in problems] == [
        "text not found verbatim in data/articles/000_4e7970adc820c583.txt",
        "unknown grade 'mediocre'",
        "unknown person 'person/jo-bloggs'",
    ]


def test_the_installed_command_prints_no_traceback(project):
    edit(project, CLAIMS, "grade: requires-improvement", "grade: mediocre")
    done = subprocess.run([Path(sys.executable).parent / "ofsted-kg", "validate", "--root", project],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "unknown grade 'mediocre'" in done.stderr


def test_a_missing_claims_folder_is_a_clear_error(tmp_path):
    result = invoke("validate", "--root", tmp_path)
    assert result.exit_code == 1 and "claims folder not found" in result.output


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(section=st.sampled_from(["inspections", "memberships", "statements", "findings", "commitments",
                                "statistics", "interventions", "article", "status"]),
       value=yaml_values)
def test_odd_yaml_never_crashes_the_build(project, section, value):
    path = project / CLAIMS
    original = path.read_text(encoding="utf-8")
    doc = yaml.safe_load(original)
    doc[section] = value
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        validate(project)
    except InputError as e:
        assert e.problems and all(p.path.endswith(".yaml") or p.path.endswith(".txt") for p in e.problems)
    finally:
        path.write_text(original, encoding="utf-8")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_any_bytes_as_a_claims_file_give_an_input_error(project, data):
    (project / CLAIMS).write_bytes(data)
    with pytest.raises(InputError):
        validate(project)
