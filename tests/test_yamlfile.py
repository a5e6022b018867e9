"""YAML with line numbers, duplicate keys and syntax errors reported at their line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.errors import InputError
from graph.yamlfile import check_keys, loads


def test_mappings_know_their_lines():
    doc = loads("a: 1\nlist:\n  - x: 1\n    y: 2\n  - x: 3\n", "f.yaml")
    assert doc.line == 1 and doc.line_of("list") == 2
    assert [item.line for item in doc["list"]] == [3, 5]
    assert doc["list"][0].line_of("y") == 4


def test_a_duplicate_key_is_an_error_at_its_line():
    with pytest.raises(InputError) as error:
        loads("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert str(error.value) == "f.yaml:3: duplicate key 'a'"


def test_a_syntax_error_names_its_line():
    with pytest.raises(InputError) as error:
        loads("a: 1\nb: [unclosed\nc: 2\n", "f.yaml")
    [problem] = error.value.problems
    assert problem.path == "f.yaml" and problem.line >= 2 and "YAML syntax error" in problem.message


def test_check_keys_reports_missing_and_unknown_keys():
    item = loads("id: x\ngrdae: good\n", "f.yaml")
    messages = [p.message for p in check_keys(item, required=("id", "grade"), what="judgement")]
    assert messages == ["judgement is missing 'grade'",
                        "judgement has unknown key 'grdae' (allowed: grade, id)"]


@given(st.text(max_size=200))
def test_any_text_parses_or_fails_with_an_input_error(text):
    try:
        loads(text, "f.yaml")
    except InputError as e:
        assert all(p.path == "f.yaml" for p in e.problems)
