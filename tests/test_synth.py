"""The synthetic generator: same shape as the real graph, valid, deterministic, clearly marked, bad input refused."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from graph.build import Build, check_shapes
from graph.errors import ParameterError
from graph.namespace import (DCTERMS, ID_IRI, OKG, ONTOLOGY_GRAPH, ORG, PROV, RDF, RDFS, REGISTRY_GRAPH, SCHEMA,
                             sparql_prologue)
from graph.ontology import load_ontology
from graph.stats import stats
from graph.store import load_store
from graph.synth import LIMITS, synth

from .conftest import ROOT, invoke

#: (class, predicate) pairs that only curated data has, and so synthetic data leaves out:
#: the reference document and what it cites, authority codes sourced from it, repairs of received text.
ONLY_CURATED = {
    *((OKG.ReferenceDocument, p) for p in (RDF.type, RDFS.label, RDFS.comment, DCTERMS.title, OKG.sourceFile)),
    *((cls, OKG.citedSource) for cls in (OKG.Judgement, OKG.DateClaim, OKG.Intervention, PROV.Activity,
                                         ORG.Membership)),
    *((cls, p) for cls in (OKG.LocalAuthority, ORG.FormalOrganization) for p in (PROV.wasDerivedFrom, OKG.evidence)),
    (OKG.Article, OKG.textRepair), (SCHEMA.NewsArticle, OKG.textRepair),
}
#: Words that name a derived node in an IRI (``<inspection>/judgement/<area>``); every other segment is a slug.
DERIVED = {"judgement", "date", "amount"}


def graphs_of(path: Path) -> dict[rdflib.URIRef, set]:
    dataset = rdflib.Dataset()
    dataset.parse(path, format="trig")
    graphs: dict = {}
    for s, p, o, g in dataset.quads():
        graphs.setdefault(g, set()).add((s, p, o))
    return graphs


def data_triples(graphs: dict) -> list[tuple]:
    """Every triple outside the ontology graph."""
    return [t for g, triples in graphs.items() if g != ONTOLOGY_GRAPH for t in triples]


def class_predicates(graphs: dict) -> set[tuple]:
    triples = data_triples(graphs)
    types: dict = {}
    for s, p, o in triples:
        if p == RDF.type:
            types.setdefault(s, set()).add(o)
    return {(cls, p) for s, p, _ in triples for cls in types.get(s, ())}


def iri_pattern(iri: str) -> str:
    """``inspection/*/judgement/*`` for both ``id:inspection/x/judgement/y`` and its synthetic twin."""
    kind, *rest = [part for part in iri.removeprefix(ID_IRI).split("/") if part != "synthetic"]
    return "/".join([kind, *(part if part in DERIVED else "*" for part in rest)])


def patterns_by_class(graphs: dict) -> dict:
    result: dict = {}
    for s, p, o in data_triples(graphs):
        if p == RDF.type and str(s).startswith(ID_IRI):
            result.setdefault(o, set()).add(iri_pattern(str(s)))
    return result


@pytest.fixture(scope="module")
def ontology():
    return load_ontology(ROOT / "ontology")


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return synth(3, 13, 2, 7, tmp_path_factory.mktemp("synth"), root=ROOT)


@pytest.fixture(scope="module")
def small_graphs(small) -> dict:
    return graphs_of(small.trig)


def test_small_synthetic_graph_satisfies_every_shape(small_graphs, ontology):
    assert check_shapes(Build(small_graphs), ontology) == []


def test_the_shape_check_would_notice_a_broken_synthetic_graph(small_graphs, ontology):
    broken = {g: {t for t in triples if t[1] != OKG.grade} for g, triples in small_graphs.items()}
    problems = check_shapes(Build(broken), ontology)
    assert problems and all("okg:grade" in p.message for p in problems)


def test_synthetic_uses_the_real_class_predicate_pairs(small_graphs, built):
    synthetic, curated = class_predicates(small_graphs), class_predicates(built.graphs)
    assert synthetic - curated == set()
    assert curated - synthetic == ONLY_CURATED


def test_synthetic_iris_follow_the_real_patterns_per_class(small_graphs, built):
    synthetic, curated = patterns_by_class(small_graphs), patterns_by_class(built.graphs)
    assert set(synthetic) == set(curated) - {OKG.ReferenceDocument}
    for cls, patterns in synthetic.items():
        assert patterns == curated[cls], cls


def test_synthetic_uses_only_terms_the_ontology_defines(small_graphs, ontology):
    triples = data_triples(small_graphs)
    terms = {p for _, p, _ in triples} | {o for _, p, o in triples if p == RDF.type}
    builtin = (str(RDF), str(RDFS))  # rdf:type, rdfs:label, rdfs:comment: RDF itself, used by the real data too
    assert [t for t in terms if not ontology.defines(t) and not str(t).startswith(builtin)] == []
    assert small_graphs[ONTOLOGY_GRAPH] == set(ontology.graph)


def test_every_invented_resource_is_marked_synthetic(small_graphs, ontology):
    concepts = {iri for scheme in ontology.concepts.values() for iri in scheme.values()}
    national = {rdflib.URIRef(f"{ID_IRI}organisation/ofsted"),
                rdflib.URIRef(f"{ID_IRI}organisation/department-for-education")}
    unmarked = {node for s, _, o in data_triples(small_graphs) for node in (s, o)
                if str(node).startswith(ID_IRI) and node not in concepts | national
                and str(node).removeprefix(ID_IRI).split("/")[1] != "synthetic"}
    assert unmarked == set()
    assert set(small_graphs) - {ONTOLOGY_GRAPH, REGISTRY_GRAPH} == {
        g for g in small_graphs if str(g).startswith(f"{ID_IRI}graph/synthetic/")}
    codes = {str(o) for s, p, o in small_graphs[REGISTRY_GRAPH] if p == OKG.gssCode}
    assert codes and all(code.startswith("E99") for code in codes)


def test_manifest_counts_what_the_file_holds(small):
    store = ox.Store()
    store.bulk_load(path=str(small.trig), format=ox.RdfFormat.TRIG)
    assert len(store) == small.quads
    assert len(list(store.named_graphs())) == small.named_graphs
    distinct = {(q.subject, q.predicate, q.object) for q in store}
    assert stats(small.trig).triples == len(distinct) < small.quads  # sources repeat what they share


def test_same_seed_same_bytes_other_seed_other_data(tmp_path):
    first, again, other = (synth(2, 3, 2, seed, tmp_path / name, root=ROOT)
                           for name, seed in (("a", 5), ("b", 5), ("c", 6)))
    assert first.trig.read_bytes() == again.trig.read_bytes()
    assert first.manifest.read_bytes() == again.manifest.read_bytes()
    assert first.trig.read_bytes() != other.trig.read_bytes()


def test_an_authority_is_the_same_whatever_the_number_of_authorities(tmp_path):
    def first_authority(count: int) -> set:
        graphs = graphs_of(synth(count, 3, 1, 1, tmp_path / str(count), root=ROOT).trig)
        node = rdflib.URIRef(f"{ID_IRI}authority/synthetic/ashborough")
        return {t for t in graphs[REGISTRY_GRAPH] if t[0] == node}

    assert first_authority(1) == first_authority(4) != set()


def test_grades_follow_the_framework_of_their_year(small):
    store = load_store(small.trig)
    rows = list(store.query(sparql_prologue() + """
        SELECT DISTINCT ?inspection ?type ?area ?start ?overall ?grade WHERE {
          ?inspection okg:inspectionType ?type ; okg:fieldworkStart ?start ; okg:judgement ?j , ?o .
          ?j okg:judgementArea ?area ; okg:grade ?grade .
          ?o okg:judgementArea judgement-area:overall-effectiveness ; okg:grade ?overall .
          FILTER NOT EXISTS { ?area okg:appliesTo ?type }
        }"""))
    assert rows == [], "every graded area applies to the inspection's type"
    kinds = {(row[0], row[1].value[:4]) for row in store.query(sparql_prologue() + """
        SELECT DISTINCT ?type ?start WHERE { ?i okg:inspectionType ?type ; okg:fieldworkStart ?start }""",
)}
    sif = {year for kind, year in kinds if kind.value.endswith("/sif")}
    ilacs = {year for kind, year in kinds if "/ilacs-" in kind.value}
    assert sif and ilacs and max(sif) < "2018" <= min(ilacs)
    assert not store.query(sparql_prologue() + """
        ASK { ?i okg:judgement ?a , ?o . ?a okg:grade grade:inadequate .
              ?o okg:judgementArea judgement-area:overall-effectiveness ; okg:grade ?g .
              FILTER(?g != grade:inadequate) }"""), \
        "an inadequate area makes the overall judgement inadequate"


@pytest.mark.parametrize("out", ["exports", "exports/sub/.."])
def test_synth_refuses_the_exports_folder(tmp_path, monkeypatch, out):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParameterError, match="never goes into exports"):
        synth(1, 1, 1, 1, Path(out), root=ROOT)
    assert not (tmp_path / "exports").exists()


def test_synth_refuses_a_folder_holding_a_real_export(tmp_path):
    (tmp_path / "ofsted-kg.trig").write_text("")
    with pytest.raises(ParameterError, match="never goes into exports"):
        synth(1, 1, 1, 1, tmp_path, root=ROOT)


def test_synth_refuses_a_file_as_output_folder(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ParameterError, match="is a file"):
        synth(1, 1, 1, 1, tmp_path / "file", root=ROOT)
    with pytest.raises(ParameterError, match="cannot write there"):
        synth(1, 1, 1, 1, tmp_path / "file" / "below", root=ROOT)
    assert (tmp_path / "file").read_text() == "x"


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(sorted(LIMITS)), value=st.integers())
def test_sizes_out_of_range_are_refused_before_anything_is_written(tmp_path_factory, name, value):
    low, high, _ = LIMITS[name]
    sizes = {"authorities": 1, "years": 1, "articles_per_inspection": 1, name: value}
    out = tmp_path_factory.mktemp("out") / "data"
    if low <= value <= high:
        return
    with pytest.raises(ParameterError, match=f"{name.replace('_', ' ')} must be from {low} to {high}"):
        synth(**sizes, seed=1, out=out, root=ROOT)
    assert not out.exists()


@settings(max_examples=20, deadline=None)
@given(value=st.one_of(st.floats(), st.text(max_size=5), st.none(), st.booleans()))
def test_sizes_that_are_not_whole_numbers_are_refused(tmp_path_factory, value):
    with pytest.raises(ParameterError, match="must be a whole number"):
        synth(value, 1, 1, 1, tmp_path_factory.mktemp("out"), root=ROOT)


def test_cli_writes_the_files(tmp_path):
    result = invoke("synth", "--authorities", 1, "--years", 2, "--articles-per-inspection", 1, "--out", tmp_path,
                    "--root", ROOT)
    assert result.exit_code == 0, result.output
    assert "synthetic quads" in result.output
    assert (tmp_path / "synthetic.trig").stat().st_size > 0 and (tmp_path / "synthetic.json").is_file()


@settings(max_examples=25, deadline=None)
@given(flag=st.sampled_from(["--authorities", "--years", "--articles-per-inspection"]),
       value=st.one_of(st.integers(max_value=0), st.integers(min_value=201)))
def test_cli_refuses_bad_sizes_in_one_line(tmp_path_factory, flag, value):
    out = tmp_path_factory.mktemp("cli")
    result = invoke("synth", flag, value, "--out", out, "--root", ROOT)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "must be from" in result.output and str(value) in result.output
    assert "Traceback" not in result.output and list(out.iterdir()) == []


def test_cli_refuses_exports_in_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("synth", "--out", "exports", "--root", ROOT)
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "exports" in result.output
