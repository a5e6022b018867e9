"""The competency-question library: headers, vocabulary, and the exact rows of every query on the seed data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from graph.errors import InputError, QueryError
from graph.namespace import OKG_IRI, PREFIXES, SCHEMES
from graph.queries import find_query, format_queries, list_queries, read_question
from graph.query import code_of, run_query

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "exports" / "ofsted-kg.trig"
LIBRARY = list_queries(ROOT)
VOCABULARIES = ("okg", "org", "foaf", "prov", "skos", "dcterms", "schema")

# (query name, parameters, variables, sorted rows as the table shows them)
CASES = [
    ('authority-grades-over-time', ['authority=authority:worcestershire'], ['authority', 'inspection', 'type', 'issued', 'grade'], [
        ('authority:worcestershire', 'inspection:worcestershire-2016-sif', 'single inspection (SIF)', '2017-01-24', 'inadequate'),
        ('authority:worcestershire', 'inspection:worcestershire-2017-monitoring-visit', 'monitoring visit', '', ''),
        ('authority:worcestershire', 'inspection:worcestershire-2019-ilacs', 'ILACS standard inspection', '2019-07-29', 'requires improvement'),
        ('authority:worcestershire', 'inspection:worcestershire-2021-focused-visit', 'focused visit', '2021-08-23', ''),
        ('authority:worcestershire', 'inspection:worcestershire-2023-ilacs', 'ILACS standard inspection', '2023-07-14', 'good'),
    ]),
    ('claim-provenance', ['claim=statement:wscc-damning-report-2019/goldsmith-unacceptable'], ['claim', 'kind', 'source', 'outlet', 'issued', 'file', 'line', 'evidence'], [
        ('statement:wscc-damning-report-2019/goldsmith-unacceptable', 'okg:Statement', 'article:wscc-damning-report-2019', '', '2019-05', 'data/articles/000_4e7970adc820c583.txt', '19', 'It is unacceptable – we are very sorry and bitterly disappointed. At the end of last year, we were aware services were fragile and announced a £5m investment programme to make urgent improvements. That work is still under way but as the inspectors have found, we are a long way from delivering the services vulnerable children and families of West Sussex deserve. I want to reassure residents that we will continue to do everything that is necessary to change our services for the better. The voices of our children need to be central to everything we do. And to that end I have already made significant changes to the Corporate Parenting Panel.'),
    ]),
    ('claim-provenance', ['claim=inspection:west-sussex-2019-ilacs'], ['claim', 'kind', 'source', 'outlet', 'issued', 'file', 'line', 'evidence'], [
        ('inspection:west-sussex-2019-ilacs', 'okg:Inspection', 'article:west-sussex-rated-inadequate-2019', 'Willis Palmer', '2019', 'data/articles/002_296e9ae89cb784e8.txt', '', "Widespread and serious weaknesses at West Sussex children's services have resulted in an Ofsted rating of 'inadequate'."),
        ('inspection:west-sussex-2019-ilacs', 'okg:Inspection', 'article:wscc-damning-report-2019', '', '2019-05', 'data/articles/000_4e7970adc820c583.txt', '', 'Inspector Linda Steele examined the system over a three-week period'),
        ('inspection:west-sussex-2019-ilacs', 'okg:Inspection', 'article:wscc-ofsted-report-published-2020', 'Greatest Hits Radio Sussex', '2020-12-04', 'data/articles/001_a36890821bc897fa.txt', '', 'the last inspection in 2019 where it was rated ‘inadequate’'),
        ('inspection:west-sussex-2019-ilacs', 'okg:Inspection', 'reference:ofsted-facts', '', '', 'data/references/ofsted-facts.md', '', '**ILACS standard inspection.** Fieldwork 25 Feb – 8 Mar 2019'),
    ]),
    ('date-disagreements', [], ['inspection', 'property', 'claimed1', 'source1', 'claimed2', 'source2', 'chosen'], [
        ('inspection:west-sussex-2019-ilacs', 'dcterms:issued', '2019-02', 'article:wscc-ofsted-report-published-2020', '2019-05-08', 'reference:ofsted-facts', '2019-05-08'),
    ]),
    ('findings-by-theme', [], ['theme', 'authority', 'findings', 'weaknesses'], [
        ('COVID-19', 'authority:west-sussex', '1', '0'),
        ('MASH and the front door', 'authority:west-sussex', '2', '0'),
        ('accommodation', 'authority:west-sussex', '2', '1'),
        ('assessment and planning', 'authority:west-sussex', '7', '4'),
        ('care leavers', 'authority:west-sussex', '5', '1'),
        ('child protection', 'authority:west-sussex', '3', '1'),
        ('education', 'authority:west-sussex', '3', '0'),
        ('exploitation', 'authority:west-sussex', '2', '1'),
        ('exploitation', 'authority:worcestershire', '2', '2'),
        ('foster care', 'authority:west-sussex', '2', '0'),
        ('governance and scrutiny', 'authority:west-sussex', '4', '2'),
        ('governance and scrutiny', 'authority:worcestershire', '2', '2'),
        ('health of children in care', 'authority:west-sussex', '1', '1'),
        ('homeless 16- and 17-year-olds', 'authority:west-sussex', '1', '0'),
        ('improvement', 'authority:west-sussex', '5', '1'),
        ('independent reviewing officers', 'authority:west-sussex', '2', '2'),
        ('leadership', 'authority:west-sussex', '6', '1'),
        ('leadership', 'authority:worcestershire', '2', '2'),
        ('life-story work', 'authority:west-sussex', '1', '0'),
        ('management oversight', 'authority:west-sussex', '3', '1'),
        ('management oversight', 'authority:worcestershire', '1', '1'),
        ('missing children', 'authority:west-sussex', '2', '1'),
        ('neglect', 'authority:west-sussex', '2', '1'),
        ('partnership working', 'authority:west-sussex', '4', '1'),
        ('permanence', 'authority:west-sussex', '4', '3'),
        ('placement sufficiency', 'authority:west-sussex', '1', '0'),
        ('private fostering', 'authority:west-sussex', '2', '1'),
        ('quality assurance', 'authority:west-sussex', '1', '0'),
        ('quality of practice', 'authority:west-sussex', '9', '4'),
        ('quality of practice', 'authority:worcestershire', '2', '2'),
        ('radicalisation', 'authority:west-sussex', '2', '0'),
        ('recording', 'authority:west-sussex', '1', '0'),
        ('safety of children', 'authority:west-sussex', '4', '1'),
        ('safety of children', 'authority:worcestershire', '2', '2'),
        ('training and induction', 'authority:west-sussex', '4', '1'),
        ('unborn babies', 'authority:west-sussex', '1', '1'),
        ('voice of the child', 'authority:west-sussex', '2', '0'),
        ('workforce capacity', 'authority:west-sussex', '1', '0'),
        ('workforce capacity', 'authority:worcestershire', '1', '1'),
        ('workforce turnover', 'authority:west-sussex', '3', '2'),
    ]),
    ('grade-falls', [], ['authority', 'before', 'beforeGrade', 'after', 'afterGrade', 'fall'], [
        ('authority:west-sussex', 'inspection:west-sussex-2015-sif', 'requires improvement', 'inspection:west-sussex-2019-ilacs', 'inadequate', '1'),
    ]),
    ('inspection-dates', [], ['inspection', 'type', 'fieldworkStart', 'fieldworkEnd', 'published', 'leadInspector'], [
        ('inspection:west-sussex-2015-sif', 'single inspection (SIF)', '2015-10', '2015-11', '2016-01-20', ''),
        ('inspection:west-sussex-2019-ilacs', 'ILACS standard inspection', '2019-02-25', '2019-03-08', '2019-05-08', 'Linda Steele'),
        ('inspection:west-sussex-2020-focused-visit', 'focused visit', '2020-10', '2020-10', '2020-12-04', ''),
        ('inspection:west-sussex-2021-monitoring-visit', 'monitoring visit', '2021-05', '2021-05', '2021-06-23', 'Tracey Scott'),
        ('inspection:west-sussex-2023-ilacs', 'ILACS standard inspection', '2023-03', '2023-03', '2023-05-11', ''),
        ('inspection:worcestershire-2016-sif', 'single inspection (SIF)', '2016-10-24', '2016-11-17', '2017-01-24', ''),
        ('inspection:worcestershire-2017-monitoring-visit', 'monitoring visit', '2017-09', '', '', 'Dominic Stevens'),
        ('inspection:worcestershire-2019-ilacs', 'ILACS standard inspection', '2019-06', '2019-06', '2019-07-29', ''),
        ('inspection:worcestershire-2021-focused-visit', 'focused visit', '2021-07', '2021-07', '2021-08-23', ''),
        ('inspection:worcestershire-2023-ilacs', 'ILACS standard inspection', '2023-05', '2023-05', '2023-07-14', ''),
    ]),
    ('interventions', [], ['authority', 'intervention', 'by', 'date', 'appointee', 'inspection'], [
        ('authority:west-sussex', "The Department for Education appoints a commissioner for West Sussex children's services", 'Department for Education', '2019-06-04', 'John Coughlan', 'inspection:west-sussex-2019-ilacs'),
    ]),
    ('judgements-of-inspection', ['inspection=inspection:west-sussex-2019-ilacs'], ['inspection', 'area', 'grade', 'sources'], [
        ('inspection:west-sussex-2019-ilacs', 'children in care and care leavers', 'inadequate', '3'),
        ('inspection:west-sussex-2019-ilacs', 'help and protection', 'inadequate', '3'),
        ('inspection:west-sussex-2019-ilacs', 'impact of leaders', 'inadequate', '3'),
        ('inspection:west-sussex-2019-ilacs', 'overall effectiveness', 'inadequate', '4'),
    ]),
    ('money-after-inadequate', [], ['authority', 'inspection', 'rated', 'committed', 'value', 'currency', 'commitment', 'source'], [
        ('authority:worcestershire', 'inspection:worcestershire-2016-sif', '2017-01-24', '2017', '3500000', 'GBP', 'An extra £3.5m into safeguarding children from April (proposed)', 'article:worcestershire-rated-inadequate-2017'),
    ]),
    ('officials-of-authority', [], ['organisation', 'person', 'role', 'group', 'title', 'source'], [
        ('authority:west-sussex', 'Avril Wilson', 'executive director', 'council officer', 'executive director of care, wellbeing & education', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'Jacquie Russell', 'cabinet member', 'executive politician', 'cabinet member for children and young people', 'article:wscc-ofsted-report-published-2020'),
        ('authority:west-sussex', 'Louise Goldsmith', 'council leader', 'executive politician', 'leader', 'article:wscc-damning-report-2019'),
        ('authority:west-sussex', 'Peter Evans', 'cabinet member', 'executive politician', 'cabinet member for children – start of life', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'Sue Mullins', 'opposition group leader', 'opposition politician', 'Labour group leader at WSCC', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:worcestershire', 'Clare Marchant', 'chief executive', 'council officer', 'chief executive', 'article:worcestershire-rated-inadequate-2017'),
        ('organisation:department-for-education', 'John Coughlan', "children's services commissioner", 'government appointee', 'commissioner', 'reference:ofsted-facts'),
        ('organisation:ofsted', 'Dominic Stevens', 'inspector', '', 'HMI', 'reference:ofsted-facts'),
        ('organisation:ofsted', 'Linda Steele', 'inspector', '', 'Inspector', 'article:wscc-damning-report-2019'),
        ('organisation:ofsted', 'Linda Steele', 'inspector', '', 'Lead inspector', 'reference:ofsted-facts'),
        ('organisation:ofsted', 'Tracey Scott', 'inspector', '', 'HMI', 'reference:ofsted-facts'),
    ]),
    ('officials-of-authority', ['organisation=authority:west-sussex'], ['organisation', 'person', 'role', 'group', 'title', 'source'], [
        ('authority:west-sussex', 'Avril Wilson', 'executive director', 'council officer', 'executive director of care, wellbeing & education', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'Jacquie Russell', 'cabinet member', 'executive politician', 'cabinet member for children and young people', 'article:wscc-ofsted-report-published-2020'),
        ('authority:west-sussex', 'Louise Goldsmith', 'council leader', 'executive politician', 'leader', 'article:wscc-damning-report-2019'),
        ('authority:west-sussex', 'Peter Evans', 'cabinet member', 'executive politician', 'cabinet member for children – start of life', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'Sue Mullins', 'opposition group leader', 'opposition politician', 'Labour group leader at WSCC', 'article:wscc-gloss-over-ofsted-2016'),
    ]),
    ('opposition-versus-cabinet', ['authority=authority:west-sussex'], ['authority', 'side', 'name', 'text', 'source'], [
        ('authority:west-sussex', 'executive politician', 'Jacquie Russell', 'We are grateful to the inspection team for the time they spent reviewing the work our teams have been doing to improve our services. Putting children first is at the heart of what we do, and ensuring we provide the best service to our most vulnerable children and young people is critical. I am grateful too for the report’s findings on areas that require further improvement and work is ongoing to address these as part of our continuous development plan. Whilst we cannot underestimate the significant amount of work which still needs to be done to improve our services, and the financial challenges we face as a local authority, the report highlighted that we know our service well, and with our permanent senior leadership team and the continuing hard work of our staff, our improvement partner and others we work closely with, we are in a position to move forward and accelerate the pace of our improvement work.', 'article:wscc-ofsted-report-published-2020'),
        ('authority:west-sussex', 'executive politician', 'Louise Goldsmith', 'It is unacceptable – we are very sorry and bitterly disappointed. At the end of last year, we were aware services were fragile and announced a £5m investment programme to make urgent improvements. That work is still under way but as the inspectors have found, we are a long way from delivering the services vulnerable children and families of West Sussex deserve. I want to reassure residents that we will continue to do everything that is necessary to change our services for the better. The voices of our children need to be central to everything we do. And to that end I have already made significant changes to the Corporate Parenting Panel.', 'article:wscc-damning-report-2019'),
        ('authority:west-sussex', 'executive politician', 'Louise Goldsmith', 'letting down children and families who need our help most', 'article:wscc-damning-report-2019'),
        ('authority:west-sussex', 'executive politician', 'Peter Evans', 'The report highlights many of our improvements and clearly shows that children we know about are safe. There has been a great deal to do, and our social workers and all our children’s services staff and partner organisations have worked tremendously hard to drive through these improvements, and I applaud their achievements. The report also shows us where we need to improve, so we will not stop here. We will now turn our attention to addressing every recommendation from Ofsted to ensure our services to children are ‘good’ by the end of this year.', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'opposition politician', 'Sue Mullins', 'It’s not the way to go forward. You should admit you’re failing, we need to do better and this is how we are going to do it and we are willing to fund it.', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'opposition politician', 'Sue Mullins', 'So why were past recommendations not acted on sooner?', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'opposition politician', 'Sue Mullins', 'The officers and staff under the guidance of the new director they have worked very very hard and they have done their best.', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'opposition politician', 'Sue Mullins', 'appalling statistic', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'opposition politician', 'Sue Mullins', 'glossing over', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'opposition politician', 'Sue Mullins', 'not good enough', 'article:wscc-gloss-over-ofsted-2016'),
        ('authority:west-sussex', 'opposition politician', 'Sue Mullins', 'snail’s pace', 'article:wscc-gloss-over-ofsted-2016'),
    ]),
    ('people-in-several-sources', [], ['name', 'sources', 'articles', 'which'], [
        ('Linda Steele', '2', '1', 'wscc-damning-report-2019, ofsted-facts'),
    ]),
    ('people-quoted-about-inadequate', [], ['inspection', 'name', 'quotes'], [
        ('inspection:west-sussex-2019-ilacs', 'Linda Steele', '2'),
        ('inspection:west-sussex-2019-ilacs', 'Louise Goldsmith', '2'),
        ('inspection:worcestershire-2016-sif', 'Clare Marchant', '3'),
    ]),
    ('quotes-by-person', ['speaker=person:louise-goldsmith'], ['speaker', 'name', 'text', 'article', 'outlet', 'issued'], [
        ('person:louise-goldsmith', 'Louise Goldsmith', 'It is unacceptable – we are very sorry and bitterly disappointed. At the end of last year, we were aware services were fragile and announced a £5m investment programme to make urgent improvements. That work is still under way but as the inspectors have found, we are a long way from delivering the services vulnerable children and families of West Sussex deserve. I want to reassure residents that we will continue to do everything that is necessary to change our services for the better. The voices of our children need to be central to everything we do. And to that end I have already made significant changes to the Corporate Parenting Panel.', 'article:wscc-damning-report-2019', '', '2019-05'),
        ('person:louise-goldsmith', 'Louise Goldsmith', 'letting down children and families who need our help most', 'article:wscc-damning-report-2019', '', '2019-05'),
    ]),
    ('quotes-by-person', ['speaker=person:clare-marchant'], ['speaker', 'name', 'text', 'article', 'outlet', 'issued'], [
        ('person:clare-marchant', 'Clare Marchant', 'We have significantly reduced the time it takes to complete care proceedings when they are required and we have made progress in recruiting more permanent front line team leaders to increase the stability of our workforce.', 'article:worcestershire-rated-inadequate-2017', 'BBC News', '2017'),
        ('person:clare-marchant', 'Clare Marchant', 'recognises progress is being made', 'article:worcestershire-rated-inadequate-2017', 'BBC News', '2017'),
        ('person:clare-marchant', 'Clare Marchant', 'where the level of service that we have provided has not been good enough', 'article:worcestershire-rated-inadequate-2017', 'BBC News', '2017'),
    ]),
    ('responses-to-inspections', [], ['inspection', 'speaker', 'capacity', 'statements'], [
        ('inspection:west-sussex-2015-sif', 'Avril Wilson', 'executive director of care, wellbeing & education', '2'),
        ('inspection:west-sussex-2015-sif', 'Peter Evans', 'cabinet member for children – start of life', '1'),
        ('inspection:west-sussex-2015-sif', 'Sue Mullins', 'Labour group leader at WSCC', '5'),
        ('inspection:west-sussex-2015-sif', 'West Sussex County Council', 'a council press release', '1'),
        ('inspection:west-sussex-2019-ilacs', 'Louise Goldsmith', 'leader', '2'),
        ('inspection:west-sussex-2020-focused-visit', 'Jacquie Russell', 'cabinet member for children and young people', '1'),
        ('inspection:worcestershire-2016-sif', 'Clare Marchant', 'chief executive', '3'),
        ('inspection:worcestershire-2016-sif', 'NSPCC', 'An NSPCC spokesman', '2'),
        ('inspection:worcestershire-2016-sif', 'Worcestershire County Council', 'The council; Worcestershire County Council', '2'),
    ]),
    ('sources', [], ['source', 'title', 'outlet', 'issued', 'statements', 'findings', 'judgements'], [
        ('article:west-sussex-rated-inadequate-2019', 'West Sussex rated as inadequate', 'Willis Palmer', '2019', '2', '44', '8'),
        ('article:worcestershire-rated-inadequate-2017', "Worcestershire's children's services rated 'inadequate'", 'BBC News', '2017', '13', '6', '1'),
        ('article:wscc-damning-report-2019', '‘Widespread and serious weaknesses’: West Sussex children’s services inspection report (2019)', '', '2019-05', '6', '5', '4'),
        ('article:wscc-gloss-over-ofsted-2016', 'County council trying to ‘gloss over’ Ofsted criticism of children’s services', '', '2016-01', '16', '16', '1'),
        ('article:wscc-ofsted-report-published-2020', 'Ofsted report into West Sussex Children’s Services published', 'Greatest Hits Radio Sussex', '2020-12-04', '1', '7', '1'),
        ('reference:ofsted-facts', "Domain fact sheet: Ofsted inspections of English LA children's services (for RDF KG)", '', '', '0', '0', '25'),
    ]),
    ('statements-about-inspection', ['inspection=inspection:west-sussex-2019-ilacs'], ['inspection', 'speaker', 'text', 'source'], [
        ('inspection:west-sussex-2019-ilacs', 'Linda Steele', 'Most social work practice is weak. Risks to children are seldom recognised, and social workers do not see children frequently enough. Children’s views are not often included in assessments and plans, and their records are rarely up to date.', 'article:wscc-damning-report-2019'),
        ('inspection:west-sussex-2019-ilacs', 'Linda Steele', 'a lottery and depends on where they live', 'article:wscc-damning-report-2019'),
        ('inspection:west-sussex-2019-ilacs', 'Louise Goldsmith', 'It is unacceptable – we are very sorry and bitterly disappointed. At the end of last year, we were aware services were fragile and announced a £5m investment programme to make urgent improvements. That work is still under way but as the inspectors have found, we are a long way from delivering the services vulnerable children and families of West Sussex deserve. I want to reassure residents that we will continue to do everything that is necessary to change our services for the better. The voices of our children need to be central to everything we do. And to that end I have already made significant changes to the Corporate Parenting Panel.', 'article:wscc-damning-report-2019'),
        ('inspection:west-sussex-2019-ilacs', 'Louise Goldsmith', 'letting down children and families who need our help most', 'article:wscc-damning-report-2019'),
        ('inspection:west-sussex-2019-ilacs', 'Ofsted (a damning Ofsted report)', 'WIDESPREAD and serious weaknesses', 'article:wscc-damning-report-2019'),
        ('inspection:west-sussex-2019-ilacs', 'Ofsted (the report)', 'Most social work practice is weak. Risks to children are seldom recognised, and social workers do not see children frequently enough. Children’s views are not often included in assessments and plans, and their records are rarely up to date. Children in care wait too long for their permanence to be confirmed. Drift and delay are evident at every stage of the child’s journey. This is particularly true for children living in neglectful circumstances. These critical weaknesses span across all social work teams. Consequently, some children remain without the protection and care that they need', 'article:west-sussex-rated-inadequate-2019'),
        ('inspection:west-sussex-2019-ilacs', 'Ofsted (the report)', 'The quality of help and support that children receive is a lottery and depends on where they live. Children experience a negative impact from the considerable turnover of the social workers and managers and from the substantial variability in the quality of assessment and intervention', 'article:west-sussex-rated-inadequate-2019'),
        ('inspection:west-sussex-2019-ilacs', 'Ofsted (the report)', 'serious decline', 'article:wscc-damning-report-2019'),
    ]),
    ('statistics', [], ['about', 'measure', 'value', 'unit', 'source'], [
        ('inspection:west-sussex-2015-sif', 'care leavers not in education, employment or training', '38', 'percent', 'article:wscc-gloss-over-ofsted-2016'),
        ('inspection:west-sussex-2020-focused-visit', 'new priority actions identified', '0', 'count', 'article:wscc-ofsted-report-published-2020'),
    ]),
    ('weaknesses-in-area', ['area=judgement-area:leadership-management-and-governance'], ['area', 'inspection', 'weakness', 'source'], [
        ('judgement-area:leadership-management-and-governance', 'inspection:worcestershire-2016-sif', 'Corporate failure leaves children at continued risk of significant harm', 'article:worcestershire-rated-inadequate-2017'),
        ('judgement-area:leadership-management-and-governance', 'inspection:worcestershire-2016-sif', 'Elected members and senior leaders criticised', 'article:worcestershire-rated-inadequate-2017'),
        ('judgement-area:leadership-management-and-governance', 'inspection:worcestershire-2016-sif', 'Inconsistent leadership and too few staff weaken practice', 'article:worcestershire-rated-inadequate-2017'),
    ]),
]


def test_the_library_has_at_least_fifteen_questions_with_headers():
    assert len(LIBRARY) >= 15
    for question in LIBRARY:
        assert question.title and question.question, question.name
        assert question.text.startswith("# title: "), question.name


@pytest.mark.parametrize("name, parameters, variables, rows", CASES, ids=[f"{c[0]}{c[1]}" for c in CASES])
def test_library_query_gives_exactly_these_rows(name, parameters, variables, rows):
    result = run_query(find_query(name, ROOT).text, data=DATA, parameters=parameters, timeout=5)
    assert result.variables == variables
    assert sorted(result.rows()) == rows


def test_every_library_query_has_a_rows_test():
    assert {q.name for q in LIBRARY} == {case[0] for case in CASES}


def test_declared_parameters_are_selected_variables():
    for question in LIBRARY:
        for parameter in re.findall(r"\?(\w+)", question.parameters):
            assert run_query(question.text, data=DATA, parameters=[f"{parameter}=x"]).kind == "select"


def test_every_term_a_library_query_uses_is_defined():
    """Vocabulary and concept terms must be defined in ontology/; other IRIs (people, councils) in the data."""
    ontology = Graph()
    for path in (ROOT / "ontology").glob("*.ttl"):
        ontology.parse(path)
    defined = set(ontology.subjects())
    data = {row[0].value for row in run_query("SELECT DISTINCT ?s { ?s ?p ?o }", data=DATA).solutions()}
    for question in LIBRARY:
        code = code_of(re.sub(r"^#.*$", "", question.text, flags=re.MULTILINE))
        assert OKG_IRI not in code  # terms are written with the okg: prefix, so the check below sees them all
        for prefix, local in re.findall(r"(?<![\w:])([a-z][\w-]*):([A-Za-z][\w-]*)", code):
            if prefix in ("rdf", "rdfs", "xsd", "owl", "sh"):
                continue
            term = PREFIXES[prefix] + local
            where = defined if prefix in VOCABULARIES or prefix in SCHEMES else data
            assert URIRef(term) in where or term in where, f"{question.name}: {prefix}:{local} is not defined"


def test_listing_shows_names_titles_and_parameters():
    text = format_queries(LIBRARY)
    assert "grade-falls  —  Authorities whose grade fell between consecutive graded inspections" in text
    assert "parameters: ?authority" in text
    assert text.endswith(f"({len(LIBRARY)} queries; run one with: ofsted-kg query --cq NAME)\n")


def test_unknown_name_suggests_the_closest(tmp_path):
    with pytest.raises(QueryError, match="did you mean 'grade-falls'") as error:
        find_query("grade-fall", ROOT)
    assert error.value.exit_code == 2


def test_a_file_without_a_title_is_reported_at_its_path(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# question: what?\nSELECT * {}\n")
    with pytest.raises(InputError, match="needs '# title: ...'"):
        read_question(path)


def test_header_continuation_lines_join_the_field(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("# title: T\n# question: first part\n#   second part\n# parameters: ?x\nSELECT ?x {}\n")
    question = read_question(path)
    assert (question.question, question.parameters) == ("first part second part", "?x")
