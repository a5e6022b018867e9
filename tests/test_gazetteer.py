"""The gazetteer of councils: its data, its derivation rules, and finding councils in text."""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.gazetteer import COUNCILS_CSV, Gazetteer, find_authorities, gazetteer

ROOT = Path(__file__).resolve().parent.parent


def slugs(text: str, **kwargs) -> list[str]:
    return [m.authority.slug for m in find_authorities(text, **kwargs)]


# --- the data -----------------------------------------------------------------


def test_every_council_with_childrens_services_once():
    councils = gazetteer().authorities
    assert len(councils) == 161
    assert sum(1 for a in councils if not a.end_date) == 153  # England's 153 children's services authorities
    assert len({a.slug for a in councils}) == len({a.code for a in councils}) == len({a.name for a in councils}) == 161
    assert {a.type for a in councils} == {"county", "unitary", "metropolitan-district", "london-borough",
                                          "city-corporation"}


@pytest.mark.parametrize("slug, name, gss, la_code", [
    ("west-sussex", "West Sussex County Council", "E10000032", "938"),
    ("worcestershire", "Worcestershire County Council", "E10000034", "885"),
    ("bradford", "City of Bradford Metropolitan District Council", "E08000032", "380"),
    ("tower-hamlets", "London Borough of Tower Hamlets", "E09000030", "211"),
    ("isles-of-scilly", "Council of the Isles of Scilly", "E06000053", "420"),
    ("city-of-london", "City of London Corporation", "E09000001", "201"),
])
def test_codes_of_known_councils(slug, name, gss, la_code):
    council = gazetteer().by_slug(slug)
    assert (council.name, council.gss, council.la_code) == (name, gss, la_code)


def test_abolished_councils_are_there_with_their_end_and_successors():
    g = gazetteer()
    assert g.by_slug("northamptonshire").end_date == "2021-04-01"
    assert set(g.by_slug("northamptonshire").replaced_by) == {"NNT", "WNT"}
    assert g.by_slug("cumbria").end_date and g.by_slug("poole").end_date and g.by_slug("bournemouth").end_date
    assert g.by_slug("buckinghamshire-county-council").gss == "E10000002"


def test_codes_are_well_formed_or_blank_never_invented():
    for a in gazetteer().authorities:
        assert re.fullmatch(r"E(?:06|08|09|10)\d{6}", a.gss), a
        assert re.fullmatch(r"\d{3}|", a.la_code), a
    # mySociety gives no DfE code for the councils made since 2019: we leave them blank
    assert gazetteer().by_slug("bournemouth-christchurch-and-poole").la_code == ""
    assert gazetteer().by_slug("north-northamptonshire").la_code == ""


def test_source_is_named():
    source = (ROOT / "data/registry/councils.SOURCE.md").read_text()
    assert "mysociety/uk_local_authority_names_and_codes" in source
    assert "67ef8b118938678401a452f4f19f669a7221cc73" in source and "CC BY 4.0" in source


# --- finding councils in text ----------------------------------------------------


@pytest.mark.parametrize("text, slug", [
    ("City of Bradford Metropolitan District Council said", "bradford"),
    ("Bradford Council said", "bradford"),
    ("Services in Bradford were", "bradford"),
    ("the London Borough of Tower Hamlets", "tower-hamlets"),
    ("LBTH officers", "tower-hamlets"),
    ("Tower Hamlets Council", "tower-hamlets"),
    ("Birmingham City Council", "birmingham"),
    ("Cornwall Council's leader", "cornwall"),
    ("on the Isles of Scilly", "isles-of-scilly"),
    ("the Council of the Isles of Scilly", "isles-of-scilly"),
    ("WSCC's cabinet member", "west-sussex"),
    ("Hull City Council", "kingston-upon-hull"),
    ("in Newcastle", "newcastle-upon-tyne"),
    ("Telford & Wrekin Council", "telford-and-wrekin"),
    ("St. Helens and", "st-helens"),
])
def test_formal_names_and_short_forms(text, slug):
    assert slugs(text) == [slug]


def test_longest_match_first_and_no_overlaps():
    found = find_authorities("West Sussex County Council and Bournemouth, Christchurch and Poole Council met.")
    assert [m.text for m in found] == ["West Sussex County Council", "Bournemouth, Christchurch and Poole Council"]
    assert slugs("East Sussex and West Sussex") == ["east-sussex", "west-sussex"]


@pytest.mark.parametrize("text", [
    "Kentish towns", "Brentford won", "the bury crater", "in London", "London Councils said",
    "Kingston was mentioned",  # upon Thames or upon Hull: ambiguous, so not matched
    "Reading the report, she frowned.",  # a common word at the start of a sentence
    "",
])
def test_no_false_matches(text):
    assert slugs(text) == []


def test_reading_inside_a_sentence_is_the_council():
    assert slugs("Ofsted said Reading was good.") == ["reading"]


def test_a_shared_name_is_the_council_of_the_year():
    assert slugs("Somerset was rated good.", year=2019) == ["somerset-county-council"]
    assert slugs("Somerset was rated good.", year=2024) == ["somerset"]
    assert slugs("Somerset was rated good.") == ["somerset"]  # no year: the current one
    assert slugs("North Yorkshire", year=2015) == ["north-yorkshire-county-council"]
    assert slugs("Northamptonshire") == ["northamptonshire"]


def test_generic_references_resolve_to_the_last_named_council():
    text = "The county council said so. Cornwall Council agreed, and Kent disagreed; the authority said no."
    found = find_authorities(text, generic=True)
    assert [(m.text, m.authority.slug, m.generic) for m in found] == [
        ("The county council", "cornwall", True),  # before any council is named: the first named
        ("Cornwall Council", "cornwall", False),
        ("Kent", "kent", False),
        ("the authority", "kent", True),
    ]
    assert find_authorities("the council said", generic=True) == []


def test_a_broken_gazetteer_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        Gazetteer.load(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="not a gazetteer"):
        Gazetteer.load(bad)


# --- the script that makes councils.csv -------------------------------------------


def _script():
    spec = importlib.util.spec_from_file_location("make_gazetteer", ROOT / "scripts/make_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SOURCE_COLUMNS = ["local-authority-code", "official-name", "nice-name", "gss-code", "start-date", "end-date",
                  "replaced-by", "nation", "local-authority-type", "old-ons-la-code"]
SOURCE_ROWS = [
    ["WSX", "West Sussex County Council", "West Sussex", "E10000032", "", "", "", "England", "CTY", "938"],
    ["BRD", "City of Bradford Metropolitan District Council", "Bradford", "E08000032", "1974-04-01", "", "",
     "England", "MD", "380"],
    ["KTT", "Royal Borough of Kingston upon Thames", "Kingston upon Thames", "E09000021", "", "", "", "England",
     "LBO", "314"],
    ["KHL", "Hull City Council", "Kingston upon Hull", "E06000010", "", "", "", "England", "UA", "810"],
    ["SOM", "Somerset County Council", "Somerset", "E10000027", "", "2023-04-01", "SMT", "England", "CTY", "933"],
    ["SMT", "Somerset Council", "Somerset", "E06000066", "2023-04-01", "", "", "England", "UA", ""],
    ["ADU", "Adur District Council", "Adur", "E07000223", "", "", "", "England", "NMD", ""],
    ["ABD", "Aberdeenshire Council", "Aberdeenshire", "S12000034", "", "", "", "Scotland", "SCO", ""],
]


def test_script_derives_short_forms_and_keeps_codes_as_given(tmp_path):
    source, out = tmp_path / "la.csv", tmp_path / "councils.csv"
    with open(source, "w", newline="") as f:
        csv.writer(f).writerows([SOURCE_COLUMNS, *SOURCE_ROWS])
    assert _script().main(["make_gazetteer.py", str(source), str(out)]) == 0
    rows = {r["code"]: r for r in csv.DictReader(open(out))}
    assert set(rows) == {"WSX", "BRD", "KTT", "KHL", "SOM", "SMT"}  # no districts, nothing outside England
    assert rows["WSX"]["short_forms"].split("|") == ["WSCC", "West Sussex", "West Sussex Council"]
    assert {"Bradford", "Bradford Council", "City of Bradford"} <= set(rows["BRD"]["short_forms"].split("|"))
    forms = {code: r["short_forms"].split("|") for code, r in rows.items()}
    assert "Kingston" not in forms["KTT"] + forms["KHL"]  # ambiguous
    assert "Hull" in forms["KHL"]
    assert "Somerset" in forms["SOM"] and "Somerset" in forms["SMT"]  # successive, so kept: the year decides
    assert (rows["SOM"]["slug"], rows["SMT"]["slug"]) == ("somerset-county-council", "somerset")
    assert rows["SMT"]["la_code"] == ""
    first = out.read_bytes()
    _script().main(["make_gazetteer.py", str(source), str(out)])
    assert out.read_bytes() == first  # deterministic


def test_script_refuses_another_table(tmp_path, capsys):
    source = tmp_path / "other.csv"
    source.write_text("name,code\nx,1\n")
    assert _script().main(["make_gazetteer.py", str(source), str(tmp_path / "out.csv")]) == 1
    assert "missing columns" in capsys.readouterr().err


def test_committed_csv_has_the_scripts_columns():
    with open(COUNCILS_CSV, newline="") as f:
        assert tuple(csv.DictReader(f).fieldnames) == _script().COLUMNS
