"""Normalisation, verbatim location, encoding repair and strict UTF-8 reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.errors import InputError
from graph.text import Normalised, locate, normalise, paragraphs, read_utf8, repair_encoding


def test_normalise_folds_only_whitespace_and_quote_marks():
    assert normalise("\u2018a\u00a0lottery\u2019\n\n and \u201cmore\u201d") == "'a lottery' and \"more\""
    assert normalise("It is unacceptable – we") == "It is unacceptable – we"  # dashes are kept


def test_locate_gives_the_line_where_a_span_starts():
    text = "Title\n\nShe said: \u201cIt\u2019s\u00a0fine.\u201d\n"
    assert locate(text, "It's fine.") == 3
    assert locate(text, "It's fined.") is None


def test_a_quote_over_several_paragraphs_may_reopen_its_quote_mark():
    text = "She added: \u201cOne.\n\n\u201cTwo.\n\n\u201cThree.\u201d"
    assert locate(text, "One.\n\nTwo.\n\nThree.") == 1
    assert locate(text, "One.\n\nThree.") is None  # paragraphs must follow one another
    assert locate(text, "Two. Three.") is None  # and each must be whole: the quote mark is not skipped inside one


def test_mismatch_says_where_a_span_stops_matching():
    norm = Normalised.of("we are very sorry and bitterly disappointed")
    assert norm.mismatch("bitterly disapointed") == "matches up to 'bitterly disap'"
    assert norm.mismatch("zzz") == "no match at all"
    assert norm.mismatch("we are\n\nzzz").startswith("paragraph 2")


def test_repair_encoding_records_each_repair_with_its_line():
    text, repairs = repair_encoding("one\ninvest \u62e23.5m and \u00c2\u00a3250,000")
    assert text == "one\ninvest £3.5m and £250,000"
    assert [(r.line, r.junk, r.right) for r in repairs] == [(2, "拢", "£"), (2, "Â£", "£")]


def test_read_utf8_names_the_line_of_a_bad_byte(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes("first\nsecond caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError) as error:
        read_utf8(path)
    [problem] = error.value.problems
    assert problem.line == 2 and "not UTF-8" in problem.message and "column 11" in problem.message


def test_read_utf8_reports_a_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="file not found"):
        read_utf8(tmp_path / "absent.txt")


words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@given(words, st.integers(0, 200), st.integers(0, 200))
def test_any_slice_of_a_text_is_found_in_it(text, start, length):
    span = text[start : start + length]
    if normalise(span):
        assert locate(text, span) is not None


@given(words)
def test_normalise_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


@given(words)
def test_repairs_never_change_the_number_of_lines(text):
    repaired, _ = repair_encoding(text)
    assert repaired.count("\n") == text.count("\n")


@given(st.text(max_size=300))
def test_paragraphs_are_normalised_and_non_empty(text):
    assert all(p and p == normalise(p) for p in paragraphs(text))
