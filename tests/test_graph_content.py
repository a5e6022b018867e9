"""The built graph answers with the contract vocabulary (the foundation issue's 'done when')."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.build import Build
from graph.exports import sorted_quads
from graph.namespace import sparql_prologue
from graph.store import store_of

OFFICIALS = {
    "Linda Steele": "Ofsted",
    "Louise Goldsmith": "West Sussex County Council",
    "Jacquie Russell": "West Sussex County Council",
    "Clare Marchant": "Worcestershire County Council",
    "Sue Mullins": "West Sussex County Council",
    "Peter Evans": "West Sussex County Council",
    "Avril Wilson": "West Sussex County Council",
}


@pytest.fixture(scope="module")
def store(built: Build) -> ox.Store:
    return store_of(sorted_quads(built.quads()))


def select(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    rows = store.query(sparql_prologue() + query)
    return sorted(tuple(term.value if term is not None else "" for term in row) for row in rows)


def test_the_four_inspections_in_the_articles_have_their_grades_and_dates(store):
    rows = select(store, """
        SELECT ?i ?type ?grade ?issued ?start ?end WHERE {
          VALUES ?i { inspection:west-sussex-2015-sif inspection:west-sussex-2019-ilacs
                      inspection:west-sussex-2020-focused-visit inspection:worcestershire-2016-sif }
          ?i okg:inspectionType ?type ; dcterms:issued ?issued .
          OPTIONAL { ?i okg:judgement [ okg:judgementArea judgement-area:overall-effectiveness ; okg:grade ?grade ] }
          OPTIONAL { ?i okg:fieldworkStart ?start } OPTIONAL { ?i okg:fieldworkEnd ?end } }""")
    base = "https://w3id.org/ofsted-kg/id/"
    assert rows == [
        (base + "inspection/west-sussex-2015-sif", base + "inspection-type/sif",
         base + "grade/requires-improvement", "2016-01-20", "2015-10", "2015-11"),
        (base + "inspection/west-sussex-2019-ilacs", base + "inspection-type/ilacs-standard",
         base + "grade/inadequate", "2019-05-08", "2019-02-25", "2019-03-08"),
        (base + "inspection/west-sussex-2020-focused-visit", base + "inspection-type/focused-visit",
         "", "2020-12-04", "2020-10", "2020-10"),
        (base + "inspection/worcestershire-2016-sif", base + "inspection-type/sif",
         base + "grade/inadequate", "2017-01-24", "2016-10-24", "2016-11-17"),
    ]


def test_the_2019_ilacs_is_inadequate_in_all_four_areas(store):
    rows = select(store, """
        SELECT ?area WHERE { inspection:west-sussex-2019-ilacs okg:judgement [ okg:judgementArea ?area ;
                                                                              okg:grade grade:inadequate ] }""")
    assert [r[0].rsplit("/", 1)[1] for r in rows] == [
        "children-in-care-and-care-leavers", "help-and-protection", "leadership", "overall-effectiveness"]


def test_the_focused_visit_has_no_grade_and_no_new_priority_actions(store):
    assert select(store, "SELECT ?j WHERE { inspection:west-sussex-2020-focused-visit okg:judgement ?j }") == []
    rows = select(store, """SELECT ?v ?u WHERE { ?s a okg:Statistic ; okg:about inspection:west-sussex-2020-focused-visit ;
                                                    okg:value ?v ; okg:unit ?u }""")
    assert rows == [("0", "count")]


def test_the_seven_officials_have_a_membership_and_a_verbatim_statement(store):
    rows = select(store, """
        SELECT ?name ?org (COUNT(DISTINCT ?st) AS ?n) WHERE {
          ?p foaf:name ?name . ?m org:member ?p ; org:organization [ rdfs:label ?org ] .
          ?st okg:speaker ?p ; schema:text ?text ; prov:wasDerivedFrom [ a okg:Article ] }
        GROUP BY ?name ?org""")
    found = {(name, org) for name, org, count in rows if int(count) >= 1}
    assert set(OFFICIALS.items()) <= found


def test_roles_keep_the_words_of_the_article(store):
    rows = select(store, """SELECT ?title WHERE { ?m org:member person:sue-mullins ; okg:roleTitle ?title ;
                                                   org:role role:opposition-group-leader }""")
    assert rows == [("Labour group leader at WSCC",)]


def test_goldsmiths_quote_is_kept_whole_with_its_source(store):
    rows = select(store, """
        SELECT ?text ?label WHERE { ?s okg:speaker person:louise-goldsmith ; schema:text ?text ;
                                       prov:wasDerivedFrom [ rdfs:label ?label ] .
                                    FILTER(STRSTARTS(?text, "It is unacceptable")) }""")
    [(text, label)] = rows
    assert text.startswith("It is unacceptable – we are very sorry and bitterly disappointed.\n\nAt the end of last year")
    assert text.endswith("significant changes to the Corporate Parenting Panel.")
    assert "West Sussex children’s services inspection report (2019)" in label


def test_unnamed_speakers_speak_for_their_organisation(store):
    rows = select(store, """SELECT ?desc ?org WHERE { ?s okg:speakerDescription ?desc ; okg:speaker [ rdfs:label ?org ] .
                                                     FILTER(?desc IN ("An NSPCC spokesman", "a council press release")) }""")
    assert set(rows) == {("An NSPCC spokesman", "NSPCC"), ("a council press release", "West Sussex County Council")}


def test_there_are_at_least_30_findings_each_with_kind_theme_and_inspection(store):
    rows = select(store, """SELECT ?f WHERE { ?i okg:finding ?f . ?f okg:findingKind ?k ; okg:theme ?t ; okg:text ?x }
                            GROUP BY ?f""")
    assert len(rows) >= 30


def test_both_money_commitments_have_value_and_currency(store):
    rows = select(store, """SELECT ?by ?value ?cur WHERE { ?c a okg:Commitment ; okg:committedBy [ rdfs:label ?by ] ;
                              okg:amount [ schema:value ?value ; schema:currency ?cur ] }""")
    assert rows == [("West Sussex County Council", "5000000", "GBP"),
                    ("Worcestershire County Council", "3500000", "GBP")]


def test_the_38_per_cent_statistic(store):
    rows = select(store, """SELECT ?m ?v ?u WHERE { ?s a okg:Statistic ; okg:measure ?m ; okg:value ?v ; okg:unit ?u .
                                                    FILTER(?u = "percent") }""")
    assert rows == [("care leavers not in education, employment or training", "38", "percent")]


def test_both_dates_of_the_2019_report_are_kept_with_their_sources(store):
    rows = select(store, """
        SELECT ?date ?kind WHERE { ?c a okg:DateClaim ; okg:about inspection:west-sussex-2019-ilacs ;
                                      okg:claimedProperty dcterms:issued ; okg:claimedDate ?date ;
                                      prov:wasDerivedFrom [ a ?kind ] . FILTER(?kind != schema:NewsArticle) }""")
    ontology = "https://w3id.org/ofsted-kg/ontology#"
    assert rows == [("2019-02", ontology + "Article"), ("2019-05-08", ontology + "ReferenceDocument")]


def test_dates_are_only_as_precise_as_the_evidence(store):
    rows = select(store, """SELECT ?d (DATATYPE(?d) AS ?t) WHERE {
                              article:west-sussex-rated-inadequate-2019 dcterms:issued ?d }""")
    assert rows == [("2019", "http://www.w3.org/2001/XMLSchema#gYear")]


def test_the_encoding_repair_is_recorded_on_the_article(store):
    rows = select(store, "SELECT ?r WHERE { article:worcestershire-rated-inadequate-2017 okg:textRepair ?r }")
    assert rows == [("line 21: '拢' read as '£' (UTF-8 '£' read as GBK)",)]
    assert select(store, 'SELECT ?t WHERE { ?s schema:text ?t FILTER(CONTAINS(?t, "£3.5m")) }') == [
        ("an extra £3.5m into safeguarding children from April",)]


def test_every_claim_is_derived_from_a_source_and_carries_evidence(store):
    rows = select(store, """SELECT ?c WHERE { { ?c a okg:Claim } UNION { ?c a org:Membership } UNION { ?c a okg:Inspection }
                              FILTER NOT EXISTS { ?c prov:wasDerivedFrom ?src ; okg:evidence ?e } }""")
    assert rows == []


# Lines of each article that are page furniture: no claim may be read from them.
JUNK_LINES = {
    "article:wscc-ofsted-report-published-2020": {5, 6, 7, 31},
    "article:west-sussex-rated-inadequate-2019": {82, 84, 85, 86, 88},
    "article:worcestershire-rated-inadequate-2017": {3, 5},
    "article:wscc-gloss-over-ofsted-2016": {3, 4, 10, 12} | set(range(58, 79)),
}


@pytest.mark.parametrize("article", sorted(JUNK_LINES))
def test_page_junk_yields_no_claims(store, article):
    lines = {int(line) for (line,) in select(store, f"""SELECT DISTINCT ?line WHERE {{
        ?c prov:wasDerivedFrom {article} ; okg:sourceLine ?line }}""")}
    assert lines and not lines & JUNK_LINES[article]
