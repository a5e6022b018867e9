"""`ofsted-kg evaluate`: ingest's scores against the curated claims, and against invented held-out articles."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.build import Layout, read_claims
from graph.errors import InputError
from graph.evaluate import CATEGORIES, ArticleResult, Evaluation, Names, Score, evaluate, facts_from_json
from graph.ingest import dump_yaml

from .conftest import ROOT, edit, invoke, readme_block

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HELD_OUT = ("wirral-council-press-release", "hounslow-trade-press", "barnsley-bbc-style", "stoke-stockport-broadsheet",
            "redcar-cleveland-local-live", "warrington-opposition-release", "north-east-lincolnshire-itv-style",
            "havering-local-democracy", "derby-nottinghamshire-comment", "calderdale-halton-walsall-suffolk-round-up",
            "thurrock-send-local-paper", "norfolk-peterborough-long-read")
GLOSS = "data/claims/wscc-gloss-over-ofsted-2016.yaml"

#: (precision, recall, F1) measured on the five curated articles, rounded down: they may rise, never fall.
CURATED_FLOOR = dict.fromkeys(CATEGORIES, (1.0, 1.0, 1.0))
#: The same on the held-out articles in tests/fixtures. A new held-out article is first read before any rule is
#: changed for it; its first scores go in the README, and this floor is what every article scores after.
#: The grade misses left unfixed (README) keep grades below 1.
HELD_OUT_FLOOR = {**dict.fromkeys(CATEGORIES, (1.0, 1.0, 1.0)), "grades": (0.98, 0.96, 0.97)}


@pytest.fixture(scope="module")
def curated() -> Evaluation:
    return evaluate(ROOT)


@pytest.fixture(scope="module")
def held_out() -> Evaluation:
    """Ingest on the invented held-out articles, against their hand-written expectations."""
    return evaluate(ROOT, expected=FIXTURES)


def floor_check(evaluation: Evaluation, floor: dict[str, tuple[float, float, float]]) -> list[str]:
    """Every category whose precision, recall or F1 fell below its floor."""
    fallen = []
    for category, minimum in floor.items():
        score = evaluation.total(category)
        values = (score.precision, score.recall, score.f1)
        for name, value, least in zip(("precision", "recall", "F1"), values, minimum):
            if value is None or value < least:
                fallen.append(f"{category} {name} {value} < {least}")
    return fallen


def test_scores_on_the_curated_articles_do_not_fall(curated):
    assert [a.id for a in curated.articles] == [
        "west-sussex-rated-inadequate-2019", "worcestershire-rated-inadequate-2017", "wscc-damning-report-2019",
        "wscc-gloss-over-ofsted-2016", "wscc-ofsted-report-published-2020"]  # the reference sheet is no article
    assert curated.total("quotes").gold == 38  # every curated statement (README: 38 okg:Statement)
    assert floor_check(curated, CURATED_FLOOR) == []


def test_the_issue_bar_on_the_curated_articles(curated):
    assert curated.total("people").f1 >= 0.9 and curated.total("quotes").f1 >= 0.9
    assert curated.total("grades").recall == 1.0 and curated.total("amounts").recall == 1.0
    roles = curated.roles()
    assert roles.checked == 7 and roles.titles == roles.organisations == 7


def test_scores_on_the_held_out_articles_do_not_fall(held_out):
    """Measured now, rounded down. Each article was first read before the rules it showed missing were
    added; the README gives those first scores."""
    assert [a.id for a in held_out.articles] == sorted(HELD_OUT)
    assert floor_check(held_out, HELD_OUT_FLOOR) == []
    roles = held_out.roles()  # role titles and organisations found right now: they may rise, never fall
    assert roles.checked == 37 and roles.titles >= 35 and roles.organisations >= 31


def test_scores_count_right_found_and_curated_facts():
    score = Score(gold=4, found=5, right=3)
    assert (score.precision, score.recall, round(score.f1, 3)) == (0.6, 0.75, 0.667)
    assert Score(0, 0, 0).f1 is None and Score(2, 0, 0).f1 == 0 and Score(0, 2, 0).precision == 0
    assert Score(1, 2, 1) + Score(3, 2, 1) == Score(4, 4, 2)


# --- a small invented project: gold changed, metrics move as they should -------------------------------


def drop(project: Path, relative: str, section: str, item_id: str) -> None:
    """Remove one claim from a claims file."""
    path = project / relative
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc[section] = [item for item in doc[section] if item.get("id") != item_id]
    path.write_text(dump_yaml(doc), encoding="utf-8")


def changes(before: Evaluation, after: Evaluation) -> dict[str, dict[str, list[str]]]:
    """What each article misses (-) and finds wrongly (+) after, that it did not before."""
    out: dict[str, dict[str, list[str]]] = {}
    for old, new in zip(before.articles, after.articles):
        for category in CATEGORIES:
            missed = [f.shown for f in new.missed(category) if f not in old.missed(category)]
            extra = [f.shown for f in new.extra(category) if f not in old.extra(category)]
            if missed or extra:
                out.setdefault(new.id, {})[category] = [*(f"- {m}" for m in missed), *(f"+ {e}" for e in extra)]
    return out


def test_a_removed_curated_quote_becomes_a_false_positive(project, curated):
    drop(project, GLOSS, "statements", "mullins-snails-pace")
    after = evaluate(project)
    assert changes(curated, after) == {"wscc-gloss-over-ofsted-2016": {"quotes": ["+ Sue Mullins: “snail's pace”"]}}
    assert after.total("quotes") == Score(gold=37, found=38, right=37)


def test_an_altered_curated_quote_is_a_miss_and_a_false_positive(project, curated):
    edit(project, GLOSS, 'text: "snail’s pace"', 'text: "tortoise’s pace"')
    after = evaluate(project)
    assert changes(curated, after) == {"wscc-gloss-over-ofsted-2016": {"quotes": [
        "- Sue Mullins: “tortoise's pace”", "+ Sue Mullins: “snail's pace”"]}}
    assert after.total("quotes") == Score(gold=38, found=38, right=37)


def test_a_quote_given_to_another_speaker_is_a_miss_and_a_false_positive(project, curated):
    edit(project, GLOSS, "  - id: mullins-snails-pace\n    speaker: person/sue-mullins",
         "  - id: mullins-snails-pace\n    speaker: person/peter-evans")
    assert changes(curated, evaluate(project)) == {"wscc-gloss-over-ofsted-2016": {"quotes": [
        "- Peter Evans: “snail's pace”", "+ Sue Mullins: “snail's pace”"]}}


def test_a_removed_commitment_and_judgement_become_false_positives(project, curated):
    drop(project, "data/claims/worcestershire-rated-inadequate-2017.yaml", "commitments", "safeguarding-investment")
    edit(project, "data/claims/wscc-ofsted-report-published-2020.yaml", "    judgements:", "    no_judgements:")
    after = evaluate(project)
    assert changes(curated, after) == {
        "worcestershire-rated-inadequate-2017": {"amounts": ["+ 3500000 GBP (£3.5m)"]},
        "wscc-ofsted-report-published-2020": {
            "grades": ["+ West Sussex County Council: overall-effectiveness inadequate"]}}
    assert after.total("amounts").precision == 0.5 and after.total("amounts").recall == 1.0


def test_speakers_are_compared_by_registry_names_and_aliases():
    names = Names.of(read_claims(Layout(ROOT))[2])
    assert names.canonical("WSCC") == names.canonical("west sussex county council") == "West Sussex County Council"
    assert names.canonical("Ms Steele") == "Linda Steele" and names.canonical("the education watchdog") == "Ofsted"
    assert names.canonical("Jo  Bloggs") == "Jo Bloggs"  # not in the registry: as written, whitespace folded
    gold = facts_from_json({"quotes": [{"speaker": "Mrs Goldsmith", "text": "We are sorry,"}]}, names)
    found = facts_from_json({"quotes": [{"speaker": "Louise Goldsmith", "text": "We are sorry"}]}, names)
    assert ArticleResult("a", "a.txt", gold, found).score("quotes") == Score(1, 1, 1)
    looser = facts_from_json({"quotes": [{"speaker": "Louise Goldsmith", "text": "we are sorry"}]}, names)
    assert ArticleResult("a", "a.txt", gold, looser).score("quotes") == Score(1, 1, 0)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200), speaker=st.text(max_size=30))
def test_any_text_in_a_gold_quote_never_crashes_evaluate(tmp_path_factory, text, speaker):
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "ontology", project / "ontology")
    shutil.copytree(ROOT / "data" / "registry", project / "data" / "registry")
    shutil.copytree(ROOT / "data" / "articles", project / "data" / "articles")
    shutil.copytree(ROOT / "data" / "references", project / "data" / "references")
    (project / "data" / "claims").mkdir()
    shutil.copy(ROOT / "data" / "claims" / "ofsted-facts.yaml", project / "data" / "claims")
    doc = yaml.safe_load((ROOT / GLOSS).read_text(encoding="utf-8"))
    doc["statements"][0].update(text=text, speaker=speaker)
    (project / GLOSS).write_text(dump_yaml(doc), encoding="utf-8")
    result = evaluate(project)
    score = result.total("quotes")
    assert score.found == 16 and score.gold in (15, 16) and score.right >= 15


# --- the command line ----------------------------------------------------------------------------------


def test_the_readme_shows_the_current_scores(curated, held_out):
    """Regenerate with `make readme-stats`."""
    assert readme_block("evaluate") == curated.format()
    assert readme_block("evaluate-fixtures") == held_out.format()


def test_table_and_json_agree():
    table = invoke("evaluate", "--root", ROOT)
    data = json.loads(invoke("evaluate", "--root", ROOT, "--json").output)
    assert table.exit_code == 0 and data["articles"] == 5
    rows = {line.split()[0]: line.split()[1:] for line in table.output.splitlines()[3:8]}
    assert list(rows) == list(CATEGORIES)
    for category, cells in rows.items():
        total = data["total"][category]
        assert cells == [str(total["gold"]), str(total["found"]), str(total["right"]),
                         *(f"{total[k]:.3f}" for k in ("precision", "recall", "f1"))]
    for article in data["per_article"]:
        assert re.search(rf"^{article['id']}\s+people\s+{article['scores']['people']['gold']}\s", table.output, re.M)


def test_details_list_misses_and_false_positives(project):
    edit(project, GLOSS, 'text: "snail’s pace"', 'text: "tortoise’s pace"')
    result = invoke("evaluate", "--root", project, "--details")
    assert result.exit_code == 0
    assert ("  quotes       - Sue Mullins: “tortoise's pace”\n"
            "  quotes       + Sue Mullins: “snail's pace”") in result.output
    data = json.loads(invoke("evaluate", "--root", project, "--json").output)
    gloss = [a for a in data["per_article"] if a["id"] == "wscc-gloss-over-ofsted-2016"][0]
    assert gloss["missed"]["quotes"] == ["Sue Mullins: “tortoise's pace”"]
    assert gloss["false_positives"]["quotes"] == ["Sue Mullins: “snail's pace”"]


@pytest.mark.parametrize("breaks, where, message", [
    (lambda p: shutil.rmtree(p / "data" / "claims"), "data/claims", "claims folder not found"),
    (lambda p: edit(p, GLOSS, "  - id: mullins-snails-pace", "  - id: [mullins-snails-pace"), GLOSS,
     "YAML syntax error"),
    (lambda p: edit(p, "data/articles/003_6c275e8f7e080fbf.txt", "Image source", "Image\x00source"),
     "data/articles/003_6c275e8f7e080fbf.txt", "binary data"),
])
def test_bad_input_is_one_line_and_exit_1(project, monkeypatch, breaks, where, message):
    breaks(project)
    monkeypatch.chdir(project)
    with pytest.raises(InputError, match=message):
        evaluate(project)
    result = invoke("evaluate")
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(where) and message in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("files, message", [
    ({"a.expected.json": '{"quotes": [\n  {"speaker": "Ofsted"\n]}'}, "a.expected.json:3: not JSON"),
    ({"a.expected.json": '{"quotes": [{"speaker": "Ofsted"}]}'}, "a.expected.json: quotes[0] lacks text"),
    ({"a.expected.json": '{"amounts": [{"value": "5m", "currency": 826}]}'},
     "a.expected.json: amounts[0] lacks value, currency (text, or a number for value)"),
    ({"a.expected.json": '{"findings": []}'}, "a.expected.json: 'findings': expected one of authorities, people"),
    ({"a.expected.json": "[]"}, "a.expected.json:1: an expectation must be a JSON object"),
    ({"a.expected.json": "{}"}, "a.txt: file not found"),
    (None, "expected: folder of expectations not found"),
])
def test_bad_expectations_are_one_line_errors(tmp_path, files, message):
    folder = tmp_path / "expected"
    if files is not None:
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    result = invoke("evaluate", "--root", ROOT, "--expected", folder)
    assert result.exit_code == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr


def test_an_expectation_compares_like_curated_claims(tmp_path):
    (tmp_path / "a.txt").write_text("Wirral rated good\n\nWirral Council was rated good by Ofsted.\n\n"
                                    "Leader Jo Bloggs said: “We are delighted,” and left.\n", encoding="utf-8")
    (tmp_path / "a.expected.json").write_text(json.dumps({
        "people": [{"name": "Jo Bloggs", "role": "Leader", "organisation": "Wirral Council"}],
        "quotes": [{"speaker": "Jo Bloggs", "text": "We are delighted"}, {"speaker": "Ofsted", "text": "good"}],
        "grades": [{"authority": "Wirral Borough Council", "grade": "good", "area": "overall-effectiveness"}],
    }), encoding="utf-8")
    result = evaluate(ROOT, expected=tmp_path).articles[0]
    assert [result.score(c) for c in CATEGORIES] == [
        Score(1, 1, 1), Score(2, 1, 1), Score(1, 1, 1), Score(0, 0, 0), Score(0, 0, 0)]
    assert [f.shown for f in result.missed("quotes")] == ["Ofsted: “good”"]


# --- the maintainers' round in the README, run for real ----------------------------------------------

REGISTRY_ADDITIONS = {
    "authorities.yaml": "\n- id: hounslow\n  label: London Borough of Hounslow\n  aliases: [Hounslow]\n"
                        "  gss: E09000018\n  la_code: \"313\"\n",
    "people.yaml": "\n- id: adaeze-okonkwo-barnes\n  name: Adaeze Okonkwo-Barnes\n\n- id: hamish-ferreira-lowe\n"
                   "  name: Hamish Ferreira-Lowe\n\n- id: gwen-taverner\n  name: Gwen Taverner\n",
    "organisations.yaml": "\n- id: unison\n  type: organisation\n  label: Unison\n",
}


def test_the_readme_round_for_a_new_article_runs_as_shown(project, monkeypatch):
    """Ingest the Hounslow article, build the unreviewed draft, add the registry entries, mistype a quote,
    fix it: every output line the README's maintainers' section shows is what the commands print."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For maintainers: adding an article")[1].split("### How good are the drafts?")[0]
    shown = [line.strip() for line in section.splitlines()
             if line.strip().startswith(("wrote drafts/", "data/claims/")) or "problems; nothing" in line]
    assert len(shown) == 5
    monkeypatch.chdir(project)
    shutil.copy(FIXTURES / "hounslow-trade-press.txt", project / "data/articles/005_hounslow.txt")
    outputs = [invoke("ingest", "data/articles/005_hounslow.txt").output]
    draft = project / outputs[0].split()[-1]
    claims = project / "data/claims" / draft.name
    shutil.copy(draft, claims)
    unreviewed = invoke("build")
    assert unreviewed.exit_code == 1
    outputs.append(unreviewed.stderr)
    for name, entries in REGISTRY_ADDITIONS.items():
        with (project / "data/registry" / name).open("a", encoding="utf-8") as registry:
            registry.write(entries)
    edit(project, f"data/claims/{claims.name}", "status: draft", "status: curated")
    edit(project, f"data/claims/{claims.name}", "  text: disappointing but not a surprise",
         "  text: disappointing but not surprising")
    mistyped = invoke("build")
    assert mistyped.exit_code == 1
    outputs.append(mistyped.stderr)
    assert [line for line in shown if not any(line in output.splitlines() for output in outputs)] == []
    edit(project, f"data/claims/{claims.name}", "  text: disappointing but not surprising",
         "  text: disappointing but not a surprise")
    assert invoke("build").exit_code == 0
    assert len(evaluate(project).articles) == 6


@settings(max_examples=30, deadline=None)
@given(words=st.lists(st.text(max_size=60), min_size=4, max_size=4), value=st.one_of(st.integers(), st.floats()))
def test_any_text_in_an_expectation_never_crashes_evaluate(tmp_path_factory, words, value):
    folder = tmp_path_factory.mktemp("expected")
    (folder / "a.txt").write_text("Wirral rated good\n\nWirral Council was rated good by Ofsted.\n", encoding="utf-8")
    speaker, text, council, currency = words
    (folder / "a.expected.json").write_text(json.dumps({
        "quotes": [{"speaker": speaker, "text": text}], "amounts": [{"value": value, "currency": currency}],
        "grades": [{"authority": council, "grade": "good", "area": "overall-effectiveness"}]}), encoding="utf-8")
    result = evaluate(ROOT, expected=folder).articles[0]
    assert result.score("quotes") == Score(1, 0, 0) and result.score("grades").found == 1
