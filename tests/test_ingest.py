"""Draft claims files: their schema, their evidence, their ids, how they are written, and the CLI."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.namespace import SKOS
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import GraphError, IngestError, InputError
from graph.ingest import draft, ingest, role_concept
from graph.text import locate, repair_encoding

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))
FIXTURES = sorted((Path(__file__).resolve().parent / "fixtures").glob("*.txt"))
ID = "https://w3id.org/ofsted-kg/id/"

#: the keys docs/claims-format.md allows in each part of a claims file
KEYS = {
    "article": {"id", "file", "title", "label", "publisher", "url", "identified_by", "issued", "issued_derivation",
                "note"},
    "inspections": {"id", "authority", "type", "lead_inspector", "evidence", "dates", "judgements"},
    "judgements": {"area", "grade", "evidence"},
    "memberships": {"person", "organisation", "role", "title", "evidence"},
    "statements": {"id", "speaker", "speaker_description", "about", "text", "evidence"},
    "commitments": {"id", "committed_by", "value", "currency", "label", "date", "date_derivation", "about",
                    "evidence"},
    "statistics": {"id", "measure", "value", "unit", "about", "evidence"},
}
REQUIRED = {
    "inspections": {"id", "authority", "type", "evidence"},
    "judgements": {"area", "grade", "evidence"},
    "memberships": {"person", "organisation", "role", "title", "evidence"},
    "statements": {"id", "speaker", "about", "text"},
    "commitments": {"id", "committed_by", "value", "currency", "label", "about", "evidence"},
    "statistics": {"id", "measure", "value", "unit", "about", "evidence"},
}


@cache
def concepts(scheme: str) -> set[str]:
    graph = Graph().parse(ROOT / "ontology" / "schemes.ttl")
    prefix = f"{ID}{scheme}/"
    return {str(c)[len(prefix):] for c in graph.subjects(SKOS.inScheme, None) if str(c).startswith(prefix)}


def spans(doc: dict) -> list[str]:
    """Every span of a claims file that must occur verbatim in its article."""
    out = [doc["article"].get("title", "")]
    for section in REQUIRED:
        for item in doc.get(section, []):
            out += [item.get("evidence", ""), item.get("text", "")]
            out += [j["evidence"] for j in item.get("judgements", [])]
    return [s for s in out if s]


@pytest.mark.parametrize("article", ARTICLES + FIXTURES, ids=lambda p: p.name)
def test_draft_follows_the_claims_format(article):
    result = draft(article)
    doc = yaml.safe_load(result.yaml)
    assert doc == result.data
    assert list(doc)[:2] == ["article", "status"] and doc["status"] == "draft"
    assert doc["article"]["file"] == article.name and set(doc["article"]) <= KEYS["article"]
    for section, items in doc.items():
        if section in ("article", "status"):
            continue
        assert section in REQUIRED, section
        ids = [item["id"] for item in items if "id" in item]
        assert len(ids) == len(set(ids)), f"duplicate ids in {section}"
        for item in items:
            assert REQUIRED[section] <= set(item) <= KEYS[section], (section, item)
            for judgement in item.get("judgements", []):
                assert set(judgement) == KEYS["judgements"]
                assert judgement["grade"] in concepts("grade") and judgement["area"] in concepts("judgement-area")
    for inspection in doc.get("inspections", []):
        assert inspection["type"] in concepts("inspection-type")
        assert inspection["authority"].startswith("authority/")
    for membership in doc.get("memberships", []):
        assert membership["role"] in concepts("role")
        assert membership["person"].startswith("person/")
    for statement in doc.get("statements", []):
        assert statement["speaker"].split("/")[0] in ("person", "organisation", "authority")
        assert statement["about"], "about is required"


@pytest.mark.parametrize("article", ARTICLES + FIXTURES, ids=lambda p: p.name)
def test_every_span_occurs_verbatim_in_the_article(article):
    text = repair_encoding(article.read_text(encoding="utf-8"))[0]
    doc = draft(article).data
    assert [span for span in spans(doc) if locate(text, span) is None] == []


def test_seed_drafts_match_the_curated_conventions():
    doc = draft(ARTICLES[0]).data  # 000: Goldsmith, Steele
    assert doc["article"]["label"].startswith("‘WIDESPREAD and serious weaknesses’")  # no headline: a label
    assert {(m["person"], m["organisation"], m["role"], m["title"]) for m in doc["memberships"]} == {
        ("person/linda-steele", "organisation/ofsted", "inspector", "Inspector"),
        ("person/louise-goldsmith", "authority/west-sussex", "council-leader", "leader")}
    assert doc["inspections"][0]["lead_inspector"] == "person/linda-steele"
    assert len(doc["inspections"][0]["judgements"]) == 4
    assert doc["commitments"][0]["committed_by"] == "authority/west-sussex"
    assert doc["commitments"][0]["value"] == 5_000_000
    goldsmith = [s for s in doc["statements"] if s["text"].startswith("It is unacceptable")][0]
    assert goldsmith["speaker"] == "person/louise-goldsmith" and goldsmith["text"].count("\n\n") == 5
    assert "|" in draft(ARTICLES[0]).yaml  # multi-paragraph text written as a block, as curated files are

    doc = draft(ARTICLES[1]).data  # 001: dated, a focused visit
    assert doc["article"]["issued"] == "2020-12-04" and "Published 4th Dec 2020" in doc["article"]["issued_derivation"]
    assert [i["id"] for i in doc["inspections"]] == ["west-sussex-2020-focused-visit", "west-sussex-2019-ilacs"]

    doc = draft(ARTICLES[3]).data  # 003: The council said ...; the NSPCC
    speakers = {s["speaker"] for s in doc["statements"]}
    assert speakers == {"organisation/ofsted", "authority/worcestershire", "person/clare-marchant",
                        "organisation/nspcc"}
    assert doc["commitments"][0]["value"] == 3_500_000

    doc = draft(ARTICLES[4]).data  # 004
    assert {(m["person"], m["role"]) for m in doc["memberships"]} == {
        ("person/sue-mullins", "opposition-group-leader"), ("person/peter-evans", "cabinet-member"),
        ("person/avril-wilson", "executive-director")}
    assert doc["statistics"][0]["value"] == 38 and doc["statistics"][0]["unit"] == "percent"


@pytest.mark.parametrize("title, concept", [
    ("Labour group leader at WSCC", "opposition-group-leader"), ("leader", "council-leader"),
    ("cabinet member for children – start of life", "cabinet-member"), ("chief executive", "chief-executive"),
    ("director of children's services", "director-of-childrens-services"),
    ("executive director of care, wellbeing & education", "executive-director"), ("Inspector", "inspector"),
    ("portfolio holder for children", "cabinet-member"), ("Councillor", "councillor"),
])
def test_role_concepts(title, concept):
    assert role_concept(title) == concept


def test_ids_are_deterministic_and_do_not_depend_on_other_claims(tmp_path):
    article = tmp_path / "a.txt"
    body = ("Bradford children's services rated good\n\nBradford Council was rated good by Ofsted in 2024.\n\n"
            "Leader Jo Bloggs said: “We are proud.”\n\nMs Bloggs added: “We will invest £2m more.”")
    article.write_text(body)
    first = draft(article)
    assert draft(article).yaml == first.yaml
    article.write_text(body.replace("\n\nLeader", "\n\nAn NSPCC spokesman said: “Welcome news.”\n\nLeader"))
    ids = {s["text"]: s["id"] for s in draft(article).data["statements"]}
    assert {s["text"]: s["id"] for s in first.data["statements"]}.items() <= ids.items()
    assert first.id == "bradford-childrens-services-rated-good"


def test_ingest_writes_atomically_and_never_overwrites_without_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = ingest(ARTICLES[3])
    assert result.path == Path("drafts/worcestershires-childrens-services-rated-inadequate.yaml")
    assert result.path.read_text(encoding="utf-8") == result.yaml
    result.path.write_text("edited by hand")
    with pytest.raises(IngestError, match="already there; use --force"):
        ingest(ARTICLES[3])
    assert result.path.read_text() == "edited by hand"
    ingest(ARTICLES[3], force=True)
    assert result.path.read_text(encoding="utf-8") == result.yaml
    out = tmp_path / "elsewhere" / "x.yaml"
    assert ingest(ARTICLES[3], out=out).path == out and out.exists()
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == [result.path.name]  # no temporary files


@pytest.mark.parametrize("content, message", [
    (b"", "the article is empty"),
    (b"  \n\n \n", "the article is empty"),
    (b"Line one\nline two\x00\x01\x02", "binary data"),
    ("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "not UTF-8"),
    (b"a" * 600_000, "longer than any news article"),
])
def test_bad_articles_are_refused_with_a_clear_message(tmp_path, content, message):
    article = tmp_path / "bad.txt"
    article.write_bytes(content)
    with pytest.raises(IngestError if message != "not UTF-8" else InputError, match=message):
        ingest(article, out=tmp_path / "out.yaml")
    assert not (tmp_path / "out.yaml").exists()


def test_an_article_about_something_else_gives_an_empty_draft(tmp_path):
    article = tmp_path / "cats.txt"
    article.write_text("Cats sleep a lot\n\nMost cats sleep for sixteen hours a day.")
    assert draft(article).data == {"article": {"id": "cats-sleep-a-lot", "file": "cats.txt",
                                               "title": "Cats sleep a lot"}, "status": "draft"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_draft_or_a_graph_error(tmp_path, data):
    article = tmp_path / "random.txt"
    article.write_bytes(data)
    try:
        result = draft(article)
    except GraphError:
        return
    assert yaml.safe_load(result.yaml)["status"] == "draft"


# --- the command line ----------------------------------------------------------------------------

runner = CliRunner()


def test_cli_writes_the_draft_and_says_where(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["ingest", str(ARTICLES[4])])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "wrote drafts/county-council-trying-to-gloss-over-ofsted-criticism.yaml"
    assert yaml.safe_load(Path(result.output.split()[-1]).read_text())["status"] == "draft"


def test_cli_json_prints_the_extraction(tmp_path):
    result = runner.invoke(app, ["ingest", str(ARTICLES[3]), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["authorities", "people", "quotes", "grades", "amounts", "percentages"]
    assert data["authorities"] == [{"name": "Worcestershire County Council", "gss": "E10000034"}]
    assert {"speaker": "Clare Marchant", "text": "recognises progress is being made"} in data["quotes"]


def test_cli_out_and_force(tmp_path):
    out = tmp_path / "d.yaml"
    assert runner.invoke(app, ["ingest", str(ARTICLES[2]), "--out", str(out)]).exit_code == 0
    again = runner.invoke(app, ["ingest", str(ARTICLES[2]), "--out", str(out)])
    assert again.exit_code == 1
    line = again.stderr.strip()  # "path:0: message" (a whole-file problem may print as "path: message")
    assert line.startswith(str(out)) and line.endswith("a draft is already there; use --force to overwrite it")
    assert runner.invoke(app, ["ingest", str(ARTICLES[2]), "--out", str(out), "--force"]).exit_code == 0


@pytest.mark.parametrize("content, message", [
    (None, "file not found"),
    (b"", ":1: the article is empty"),
    (b"ok\n\x00", ":2: binary data (a NUL byte), not an article"),
    (b"caf\xe9\n", ":1: not UTF-8 (byte 0xe9 at column 4)"),
])
def test_cli_errors_are_one_line_with_path_and_line(tmp_path, content, message):
    article = tmp_path / "article.txt"
    if content is not None:
        article.write_bytes(content)
    for fmt in ("yaml", "json"):
        result = runner.invoke(app, ["ingest", str(article), "--format", fmt, "--out", str(tmp_path / "o.yaml")])
        assert result.exit_code == 1
        assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
        assert result.stderr.startswith(str(article)) and message in result.stderr
        assert "Traceback" not in result.output


def test_cli_refuses_a_folder(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path)])
    assert result.exit_code == 1 and "is a folder" in result.stderr
