"""Synthetic national-size data in exactly the shape of the real graph, for benchmarks.

``synth(authorities, years, articles_per_inspection, seed, out)`` invents councils,
their inspections (grades follow the framework of the year and plausible
transitions), the articles reporting them and everything the claims compiler
(``graph.claims``) would make of such articles: date claims, judgements, findings,
statements, memberships, commitments, statistics, interventions. One named graph
per article, plus ``id:graph/registry`` and the real ``id:graph/ontology``.

Marked synthetic everywhere:

- every invented resource has ``/synthetic/`` right after its kind:
  ``id:authority/synthetic/ashborough``, ``id:graph/synthetic/ashborough-2019-05-ilacs-standard-1``;
  the only real IRIs are the ontology's terms and concepts and the two national
  bodies (``id:organisation/ofsted``, ``id:organisation/department-for-education``);
- authority labels end in "(synthetic)"; GSS codes start ``E99`` (no such entity
  type) and DfE LA codes are 000-199 (every real one is 201 or more);
- every article says so in its ``rdfs:comment`` and has a ``.invalid`` URL.

The same parameters give byte-identical files. Each authority draws from its own
random stream, so authority 7 is the same whatever the number of authorities.
Quads are streamed to pyoxigraph's TriG serialiser, never held all at once.

>>> iri("authority", "ashborough").value
'https://w3id.org/ofsted-kg/id/authority/synthetic/ashborough'
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox

from .build import Layout
from .claims import DATE_PROPERTIES as DATE_TERMS
from .claims import short_text
from .errors import ParameterError
from .exports import sorted_quads
from .files import atomic_output
from .namespace import (DCTERMS, FOAF, ID_IRI, OKG, ONTOLOGY_GRAPH, ORG, PREFIXES, PROV, RDF, RDFS,
                        REGISTRY_GRAPH, SCHEMA, SKOS, XSD, concept)
from .ontology import Ontology, load_ontology
from .registry import ONS_GEOGRAPHY

#: Parameter -> (smallest, largest, why the largest).
LIMITS = {
    "authorities": (1, 200, "fake DfE LA codes run 000-199, below every real code"),
    "years": (1, 13, "the SIF and ILACS frameworks span 2013-2025"),
    "articles_per_inspection": (1, 20, "about 6 million quads at the largest sizes"),
}
LAST_YEAR = 2025
TRIG = "synthetic.trig"
MANIFEST = "synthetic.json"
MARKER = "synthetic"

SIF_START = dt.date(2013, 11, 4)
ILACS_START = dt.date(2018, 1, 1)
SPLIT_CARE_AREAS = dt.date(2023, 1, 1)  # ILACS grades children in care and care leavers apart from 2023
GRADES = ("outstanding", "good", "requires-improvement", "inadequate")  # skos:notation 1-4
#: Overall grade at the next full inspection, by the current one (weights for GRADES).
TRANSITIONS = {1: (55, 38, 6, 1), 2: (10, 62, 22, 6), 3: (3, 42, 40, 15), 4: (0, 22, 63, 15)}
#: Inspection type -> (days of fieldwork after the first, days from the end to publication).
TIMING = {
    "sif": (25, (50, 70)), "ilacs-standard": (11, (35, 50)), "ilacs-short": (4, (30, 45)),
    "focused-visit": (3, (25, 40)), "monitoring-visit": (1, (20, 35)), "jtai": (4, (40, 60)),
}
PRECISIONS = ("date", "month", "year")  # most precise first, as the compiler ranks them

PLACE_STARTS = ("Ash", "Bram", "Cor", "Dun", "Elder", "Fal", "Glen", "Hol", "Ives", "Kin",
                "Lang", "Mel", "Nether", "Oak", "Pen", "Quar", "Rook", "Sand", "Thorn", "Wil")
PLACE_ENDS = ("borough", "combe", "dale", "field", "ford", "hurst", "mere", "stow", "wick", "worth")
COUNCIL_KINDS = ("County Council", "Borough Council", "City Council", "Metropolitan Borough Council", "Council")
WOMEN = ("Alison", "Bethan", "Carol", "Deborah", "Eleanor", "Fiona", "Gemma", "Helen", "Imogen", "Julie",
         "Karen", "Lucy", "Mary", "Nadia", "Olivia", "Priya", "Rachel", "Sarah", "Tessa", "Yasmin")
MEN = ("Adam", "Ben", "Colin", "David", "Edward", "Farid", "Gareth", "Hugh", "Ian", "James",
       "Kevin", "Liam", "Mark", "Neil", "Owen", "Paul", "Richard", "Simon", "Tom", "Wesley")
SURNAMES = ("Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal", "Jones",
            "Khan", "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Quinn", "Roberts", "Shaw", "Turner",
            "Underwood", "Vaughan", "Walsh", "Young")
NATIONAL_OUTLETS = tuple((name.lower().replace(" ", "-"), name) for name in (
    "National Courier", "Public Services Weekly", "The Morning Ledger", "Care Sector Review"))  # (slug, label)
#: Posts in each council: role concept, the words articles use for it, whether an elected member holds it.
POSTS = (
    ("council-leader", ("leader", "council leader", "leader of the council"), True),
    ("cabinet-member", ("cabinet member for children and young people", "lead member for children's services"), True),
    ("director-of-childrens-services", ("director of children's services",
                                        "executive director for children's services"), False),
    ("chief-executive", ("chief executive",), False),
    ("opposition-group-leader", ("leader of the opposition", "Labour group leader", "Liberal Democrat group leader",
                                 "Conservative group leader", "Green group leader"), True),
)
INSPECTORS, COMMISSIONERS = 60, 12

#: Finding sentences by kind; {theme} is the theme's label.
FINDING_TEXT = {
    "weakness": ("Inspectors found serious weaknesses in {theme} in {place}.",
                 "Work on {theme} is not consistently effective.",
                 "Managers do not have a clear enough grip on {theme}.",
                 "Too many children experience drift and delay because of weak {theme}."),
    "strength": ("Work on {theme} is a strength in {place}.",
                 "Leaders have improved {theme} since the last inspection.",
                 "Effective practice in {theme} is making a difference to children."),
    "recommendation": ("The local authority should improve {theme}.",
                       "Leaders should strengthen their oversight of {theme}."),
    "area-for-improvement": ("{theme} needs to improve.", "The quality of {theme} is too variable."),
    "priority-action": ("Leaders must take urgent action on {theme}.",
                        "Senior leaders must address weaknesses in {theme} as a priority."),
}
#: Quotes by who speaks and whether the news is bad; {place} is the council's place name.
QUOTES = {
    ("leader", True): ("We are deeply sorry that we have let down children and families in {place}.",
                       "This report makes difficult reading and we accept every one of its findings.",
                       "I want to reassure residents that we will do everything necessary to put this right."),
    ("leader", False): ("I am delighted that inspectors recognised the hard work of our staff.",
                        "This is a proud day for everyone who works with children in {place}."),
    ("officer", True): ("We know that the quality of social work practice is not yet good enough.",
                        "Our priority is to make sure every child gets the right help at the right time.",
                        "We have already begun to recruit more permanent social workers."),
    ("officer", False): ("Our social workers have worked incredibly hard to achieve this.",
                         "We will build on this and keep improving."),
    ("opposition", True): ("This is a damning verdict on years of neglect by the administration.",
                           "The leadership must take responsibility for failing the most vulnerable children."),
    ("opposition", False): ("The credit belongs to frontline staff, not to the cabinet.",),
    ("inspector", True): ("Too many children wait too long for help and protection.",
                          "Leaders have not understood the scale of the weaknesses in practice.",
                          "Children experience too many changes of social worker."),
    ("inspector", False): ("Children receive timely and effective help.",
                           "Leaders know their services well and have a clear plan for improvement."),
}
STATISTICS = (  # measure, unit, range of values (tenths for percentages)
    ("children in care", "count", (150, 1500)),
    ("care leavers not in education, employment or training", "percent", (200, 550)),
    ("social worker vacancy rate", "percent", (50, 350)),
    ("agency social workers", "percent", (50, 400)),
    ("average caseload per social worker", "count", (12, 30)),
)
INVESTMENTS = (500_000, 1_000_000, 2_000_000, 2_500_000, 3_000_000, 5_000_000, 8_000_000, 12_000_000)


def _n(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(term))


#: The vocabulary as pyoxigraph nodes, built once (the hot loop only reads attributes).
V = SimpleNamespace(
    type=_n(RDF.type), label=_n(RDFS.label), comment=_n(RDFS.comment), seeAlso=_n(RDFS.seeAlso),
    altLabel=_n(SKOS.altLabel), name=_n(FOAF.name), Person=_n(FOAF.Person),
    FormalOrganization=_n(ORG.FormalOrganization), Membership=_n(ORG.Membership), member=_n(ORG.member),
    organization=_n(ORG.organization), role=_n(ORG.role),
    Activity=_n(PROV.Activity), wasAssociatedWith=_n(PROV.wasAssociatedWith), wasDerivedFrom=_n(PROV.wasDerivedFrom),
    title=_n(DCTERMS.title), issued=_n(DCTERMS.issued), date=_n(DCTERMS.date),
    NewsArticle=_n(SCHEMA.NewsArticle), Quotation=_n(SCHEMA.Quotation), MonetaryAmount=_n(SCHEMA.MonetaryAmount),
    publisher=_n(SCHEMA.publisher), url=_n(SCHEMA.url), text=_n(SCHEMA.text), value=_n(SCHEMA.value),
    currency=_n(SCHEMA.currency),
    **{name: _n(OKG[name]) for name in (
        "Article", "LocalAuthority", "Regulator", "GovernmentBody", "NewsOutlet", "Inspection", "Judgement",
        "Finding", "Statement", "Commitment", "Statistic", "DateClaim", "Intervention", "gssCode", "laCode",
        "inspectedAuthority", "inspectionType", "leadInspector", "fieldworkStart", "fieldworkEnd", "judgement",
        "judgementArea", "grade", "finding", "findingKind", "theme", "speaker", "speakerDescription", "about",
        "roleTitle", "amount", "committedBy", "measure", "unit", "intervenedIn", "appointee", "claimedProperty",
        "claimedDate", "evidence", "sourceFile", "sourceLine", "dateDerivation")},
)
V.okg_text, V.okg_value = _n(OKG.text), _n(OKG.value)
DATE_PROPERTIES = {prop: _n(term) for prop, term in DATE_TERMS.items()}
_DATATYPES = {"date": _n(XSD.date), "month": _n(XSD.gYearMonth), "year": _n(XSD.gYear)}
_INTEGER, _DECIMAL, _ANY_URI = _n(XSD.integer), _n(XSD.decimal), _n(XSD.anyURI)
OFSTED = ox.NamedNode(f"{ID_IRI}organisation/ofsted")
DFE = ox.NamedNode(f"{ID_IRI}organisation/department-for-education")


def iri(kind: str, slug: str) -> ox.NamedNode:
    """The IRI of a synthetic resource of ``kind`` (``authority``, ``person``, ...): ``/synthetic/`` marks it."""
    return ox.NamedNode(f"{ID_IRI}{kind}/{MARKER}/{slug}")


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def _day(date: dt.date, precision: str) -> ox.Literal:
    text = {"date": date.isoformat(), "month": date.isoformat()[:7], "year": str(date.year)}[precision]
    return ox.Literal(text, datatype=_DATATYPES[precision])


def _in_words(date: dt.date, precision: str) -> str:
    return {"date": f"on {date.day} {date:%B %Y}", "month": f"in {date:%B %Y}", "year": f"in {date.year}"}[precision]


@dataclass(frozen=True)
class Synthetic:
    """What ``synth`` wrote: the TriG file, its manifest and what they hold."""

    trig: Path
    manifest: Path
    quads: int  # each named graph's triples, counted as ``ofsted-kg build`` counts quads
    named_graphs: int
    resources: dict[str, int]


# --- the plan: who exists and which inspections happen, before any triple ----------


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    honorific: str

    @property
    def node(self) -> ox.NamedNode:
        return iri("person", self.slug)


@dataclass(frozen=True)
class Post:
    """A person's role in an organisation, in the words articles use."""

    person: Person
    organisation: ox.NamedNode
    organisation_slug: str
    organisation_label: str
    role: str
    title: str

    @property
    def node(self) -> ox.NamedNode:
        return iri("membership", f"{self.person.slug}/{self.organisation_slug}/{self.role}")


@dataclass
class Authority:
    index: int
    slug: str
    place: str
    label: str
    outlet: tuple[str, str]  # slug, label of the local paper
    #: role -> [(first year, post)], in order
    posts: dict[str, list[tuple[int, Post]]] = field(default_factory=dict)

    @property
    def node(self) -> ox.NamedNode:
        return iri("authority", self.slug)

    @property
    def gss(self) -> str:
        return f"E99{self.index:06d}"

    @property
    def la_code(self) -> str:
        return f"{self.index:03d}"

    def holder(self, role: str, year: int) -> Post:
        """Who held ``role`` in ``year``."""
        current = self.posts[role][0][1]
        for since, post in self.posts[role]:
            if since <= year:
                current = post
        return current


@dataclass(frozen=True)
class Inspection:
    slug: str
    authority: Authority
    kind: str
    start: dt.date
    end: dt.date
    issued: dt.date
    grades: tuple[tuple[str, str], ...]  # (area, grade); empty for an ungraded visit
    lead: Post
    state: int  # the authority's overall grade after this inspection (1-4)
    commissioner: Post | None  # appointed by the DfE after an inadequate report

    @property
    def node(self) -> ox.NamedNode:
        return iri("inspection", self.slug)

    @property
    def bad_news(self) -> bool:
        return self.state >= 3


@dataclass
class Plan:
    """Everything invented before the triples: authorities, people, inspections."""

    ontology: Ontology
    seed: int
    first_year: int
    authorities: list[Authority]
    inspections: list[Inspection]
    national: list[Post]  # the inspectors and commissioners the inspections name

    _nodes: dict[tuple[str, str], tuple[ox.NamedNode, str]] = field(default_factory=dict)

    def _concept(self, scheme: str, slug: str) -> tuple[ox.NamedNode, str]:
        key = (scheme, slug)
        if key not in self._nodes:
            term = concept(scheme, slug)
            self._nodes[key] = (_n(term), self.ontology.label(term))
        return self._nodes[key]

    def concept(self, scheme: str, slug: str) -> ox.NamedNode:
        """A concept of the real schemes as a pyoxigraph node (cached: the hot loop asks often)."""
        return self._concept(scheme, slug)[0]

    def concept_label(self, scheme: str, slug: str) -> str:
        """The concept's English label, as the compiler writes it into claim labels."""
        return self._concept(scheme, slug)[1]


def _person(rng: random.Random, slug_suffix: str, elected: bool) -> Person:
    woman = rng.random() < 0.5
    first = rng.choice(WOMEN if woman else MEN)
    last = rng.choice(SURNAMES)
    honorific = "Cllr" if elected else ("Ms" if woman else "Mr")
    return Person(f"{first}-{last}-{slug_suffix}".lower(), f"{first} {last}", honorific)


def _national_posts(seed: int) -> tuple[list[Post], list[Post]]:
    """The pools of Ofsted inspectors and DfE commissioners (fixed size, so stable whatever the parameters)."""
    inspectors = [
        Post(_person(random.Random(f"okg-synth {seed} inspector {k}"), f"hmi{k:02d}", False), OFSTED, "ofsted",
             "Ofsted", "inspector", "His Majesty's Inspector") for k in range(INSPECTORS)]
    commissioners = [
        Post(_person(random.Random(f"okg-synth {seed} commissioner {k}"), f"dfe{k:02d}", False), DFE,
             "department-for-education", "Department for Education", "commissioner",
             "children's services commissioner") for k in range(COMMISSIONERS)]
    return inspectors, commissioners


def _authority(index: int, rng: random.Random, first_year: int) -> Authority:
    place = PLACE_STARTS[index % len(PLACE_STARTS)] + PLACE_ENDS[index // len(PLACE_STARTS)]
    label = f"{place} {COUNCIL_KINDS[index % len(COUNCIL_KINDS)]} ({MARKER})"
    authority = Authority(index, place.lower(), place, label, (f"{place.lower()}-gazette", f"{place} Gazette"))
    for k, (role, titles, elected) in enumerate(POSTS):
        year, holders = first_year - rng.randint(0, 3), []
        while year <= LAST_YEAR:
            person = _person(rng, f"{authority.la_code}{k}{len(holders)}", elected)
            post = Post(person, authority.node, authority.slug, label, role, rng.choice(titles))
            holders.append((year, post))
            year += rng.randint(2, 6)
        authority.posts[role] = holders
    return authority


def _monday(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def _areas(ontology: Ontology, kind: str, start: dt.date) -> list[str]:
    """The judgement areas a report of ``kind`` grades at ``start`` (from ``okg:appliesTo``)."""
    kind_iri = concept("inspection-type", kind)
    areas = [slug for slug, area in ontology.concepts["judgement-area"].items()
             if kind_iri in ontology.applies_to.get(area, set())]
    split = start >= SPLIT_CARE_AREAS
    dropped = {"children-in-care-and-care-leavers"} if split else {"children-in-care", "care-leavers"}
    return sorted(a for a in areas if a not in dropped)


def _grades(rng: random.Random, areas: list[str], overall: int) -> tuple[tuple[str, str], ...]:
    """Area grades near the overall one; an inadequate area makes the whole report inadequate."""
    graded = {}
    for area in areas:
        if area != "overall-effectiveness":
            graded[area] = min(4, max(1, overall + rng.choices((-1, 0, 1), (18, 67, 15))[0]))
    if 4 in graded.values():
        overall = 4
    graded["overall-effectiveness"] = overall
    return tuple((area, GRADES[graded[area] - 1]) for area in sorted(graded))


def _inspections(ontology: Ontology, authority: Authority, rng: random.Random, first_year: int,
                 inspectors: list[Post], commissioners: list[Post]) -> list[Inspection]:
    """The authority's inspections and visits: full inspections every two to three and a half years,
    monitoring visits while inadequate, a focused visit between ILACS inspections, the odd JTAI."""
    window_end = dt.date(LAST_YEAR, 12, 31)
    state = rng.choices((1, 2, 3, 4), (4, 30, 45, 21))[0]
    when = max(dt.date(first_year, 1, 1) + dt.timedelta(days=rng.randint(0, 3 * 365)),
               SIF_START + dt.timedelta(days=rng.randint(0, 300)))
    result = []

    def add(kind: str, start: dt.date, grades: tuple = ()) -> None:
        start = _monday(start)
        days, (soonest, latest) = TIMING[kind]
        end = start + dt.timedelta(days=days)
        issued = end + dt.timedelta(days=rng.randint(soonest, latest))
        lead = rng.choice(inspectors)
        commissioner = rng.choice(commissioners) if dict(grades).get("overall-effectiveness") == "inadequate" else None
        if issued <= window_end:
            result.append(Inspection(f"{authority.slug}-{start:%Y-%m}-{kind}", authority, kind, start, end, issued,
                                     grades, lead, state, commissioner))

    while when <= window_end:
        kind = "sif" if when < ILACS_START else "ilacs-short" if state <= 2 else "ilacs-standard"
        grades = _grades(rng, _areas(ontology, kind, when), rng.choices((1, 2, 3, 4), TRANSITIONS[state])[0])
        state = GRADES.index(dict(grades)["overall-effectiveness"]) + 1
        add(kind, when, grades)
        gap = rng.randint(540, 800) if state == 4 else rng.randint(900, 1250)
        if state == 4:
            visit = when + dt.timedelta(days=rng.randint(100, 150))
            while visit < when + dt.timedelta(days=gap - 60):
                add("monitoring-visit", visit)
                visit += dt.timedelta(days=rng.randint(100, 150))
        elif when + dt.timedelta(days=gap // 2) >= ILACS_START:
            add("focused-visit", when + dt.timedelta(days=gap // 2 + rng.randint(-60, 60)))
        if rng.random() < 0.25:
            add("jtai", when + dt.timedelta(days=rng.randint(60, gap - 60)))
        when += dt.timedelta(days=gap)
    return sorted(result, key=lambda i: i.start)


def plan(authorities: int, years: int, seed: int, ontology: Ontology) -> Plan:
    """Invent the authorities, people and inspections (small: a few thousand objects at most)."""
    first_year = LAST_YEAR - years + 1
    inspectors, commissioners = _national_posts(seed)
    places, inspections = [], []
    for index in range(authorities):
        rng = random.Random(f"okg-synth {seed} authority {index}")
        authority = _authority(index, rng, first_year)
        places.append(authority)
        inspections += _inspections(ontology, authority, rng, first_year, inspectors, commissioners)
    national = [*inspectors, *commissioners]
    used = {national.index(post): post for i in inspections for post in (i.lead, i.commissioner) if post}
    return Plan(ontology, seed, first_year, places, inspections, [post for _, post in sorted(used.items())])


# --- triples -----------------------------------------------------------------------


class _Graph:
    """The quads of one named graph, subject by subject, counting what it defines."""

    def __init__(self, node: ox.NamedNode, counts: Counter):
        self.node, self.quads, self.counts = node, [], counts

    def add(self, subject: ox.NamedNode, *pairs: tuple[ox.NamedNode, object]) -> None:
        g = self.node
        self.quads += [ox.Quad(subject, p, o, g) for p, o in pairs]


def _registry(p: Plan, counts: Counter) -> list[ox.Quad]:
    g = _Graph(_n(REGISTRY_GRAPH), counts)
    g.add(OFSTED, (V.type, V.Regulator), (V.type, V.FormalOrganization), (V.label, _en("Ofsted")),
          (V.altLabel, _en("the education watchdog")))
    g.add(DFE, (V.type, V.GovernmentBody), (V.type, V.FormalOrganization),
          (V.label, _en("Department for Education")), (V.altLabel, _en("DfE")))
    outlets = [a.outlet for a in p.authorities] + list(NATIONAL_OUTLETS)
    for slug, label in outlets:
        g.add(iri("organisation", slug), (V.type, V.NewsOutlet), (V.type, V.FormalOrganization), (V.label, _en(label)),
              (V.altLabel, _en(f"{slug}.{MARKER}.invalid")))
    people = [post.person for a in p.authorities for holders in a.posts.values() for _, post in holders]
    people += [post.person for post in p.national]
    for a in p.authorities:
        g.add(a.node, (V.type, V.LocalAuthority), (V.type, V.FormalOrganization), (V.label, _en(a.label)),
              (V.altLabel, _en(a.place)), (V.gssCode, ox.Literal(a.gss)), (V.laCode, ox.Literal(a.la_code)),
              (V.seeAlso, ox.NamedNode(ONS_GEOGRAPHY + a.gss)))
    for person in people:
        g.add(person.node, (V.type, V.Person), (V.label, _en(person.name)), (V.name, ox.Literal(person.name)),
              (V.altLabel, _en(f"{person.honorific} {person.name.split()[-1]}")))
    counts.update(authorities=len(p.authorities), people=len(people), outlets=len(outlets))
    return g.quads


@dataclass
class _Article:
    """One invented article about an inspection, and its running line number."""

    slug: str
    issued: dt.date
    precision: str
    publisher: tuple[str, str] | None
    dates: list[tuple[str, str]]  # (date property, precision) this article states
    line: int = 1

    @property
    def node(self) -> ox.NamedNode:
        return iri("article", self.slug)

    def paragraph(self) -> ox.Literal:
        """The line of the next paragraph (paragraphs are a blank line apart)."""
        line, self.line = self.line, self.line + 2
        return ox.Literal(str(line), datatype=_INTEGER)


def _articles(i: Inspection, k: int, rng: random.Random) -> list[_Article]:
    """``k`` articles published soon after the report, each stating some of its dates."""
    articles = []
    for j in range(k):
        local = rng.random() < 0.6
        publisher = None if rng.random() < 0.15 else i.authority.outlet if local else rng.choice(NATIONAL_OUTLETS)
        dates = [("issued", rng.choices(PRECISIONS, (7, 3, 0) if j == 0 else (3, 5, 2))[0])]
        for prop, chance in (("fieldwork-start", 0.6 if j == 0 else 0.3), ("fieldwork-end", 0.4 if j == 0 else 0.1)):
            if rng.random() < chance:
                dates.append((prop, rng.choices(PRECISIONS, (6, 3, 1))[0]))
        issued = i.issued + dt.timedelta(days=rng.randint(0, 3) if j == 0 else rng.randint(0, 30))
        articles.append(_Article(f"{i.slug}-{j + 1}", issued, rng.choices(PRECISIONS, (15, 4, 1))[0], publisher, dates))
    return articles


def _chosen_dates(articles: list[_Article]) -> dict[str, tuple[str, str]]:
    """Date property -> (article slug, precision) whose value the inspection carries: the most
    precise claim, the first source by id among equals (what ``Compiler._choose_dates`` picks)."""
    chosen: dict[str, tuple[str, str]] = {}
    for article in sorted(articles, key=lambda a: a.slug):
        for prop, precision in article.dates:
            if prop not in chosen or PRECISIONS.index(precision) < PRECISIONS.index(chosen[prop][1]):
                chosen[prop] = (article.slug, precision)
    return chosen


def _headline(i: Inspection, p: Plan, rng: random.Random) -> str:
    place = i.authority.place
    if i.grades:
        grade = p.concept_label("grade", dict(i.grades)["overall-effectiveness"])
        return rng.choice((f"{place} children's services rated ‘{grade}’ by Ofsted",
                           f"Ofsted judges {place} children's services {grade}",
                           f"{place} council responds to ‘{grade}’ Ofsted verdict"))
    return {"monitoring-visit": f"Ofsted monitoring visit to {place} children's services",
            "focused-visit": f"Ofsted focused visit to {place} children's services",
            "jtai": f"Joint inspection of {place}'s safeguarding partners"}[i.kind]


def _article_quads(i: Inspection, a: _Article, rng: random.Random, p: Plan, chosen: dict, label: ox.Literal,
                   counts: Counter) -> list[ox.Quad]:
    """Everything one article says, in the article's named graph (the shape ``graph.claims`` gives)."""
    g = _Graph(iri("graph", a.slug), counts)
    source = a.node
    place = i.authority.place
    title = _headline(i, p, rng)
    pairs = [(V.type, V.NewsArticle), (V.type, V.Article), (V.issued, _day(a.issued, a.precision)),
             (V.comment, _en(f"Synthetic article made by `ofsted-kg synth` (seed {p.seed}): it was never "
                             "published and has no text file.")),
             (V.label, _en(title)), (V.title, _en(title)),
             (V.dateDerivation, ox.Literal("Synthetic: the date printed with the article.")),
             (V.sourceFile, ox.Literal(f"data/articles/{MARKER}/{a.slug}.txt"))]
    if a.publisher:
        pairs += [(V.publisher, iri("organisation", a.publisher[0])),
                  (V.url, ox.Literal(f"https://{MARKER}.invalid/{a.publisher[0]}/{a.slug}", datatype=_ANY_URI))]
    g.add(source, *pairs)
    counts["articles"] += 1

    def claim(node: ox.NamedNode, evidence: str, *, line: bool) -> list[tuple]:
        pairs = [(V.wasDerivedFrom, source), (V.evidence, ox.Literal(evidence))]
        return pairs + [(V.sourceLine, a.paragraph())] if line else pairs

    # the inspection, as this article mentions it
    kind_label = p.concept_label("inspection-type", i.kind)
    lead_named = rng.random() < 0.5
    pairs = [(V.type, V.Activity), (V.type, V.Inspection), (V.label, label), (V.wasAssociatedWith, OFSTED),
             *claim(i.node, f"Ofsted's {kind_label} of {place} children's services", line=False),
             (V.inspectedAuthority, i.authority.node), (V.inspectionType, p.concept("inspection-type", i.kind))]
    if lead_named:
        pairs.append((V.leadInspector, i.lead.person.node))
    for prop, (slug, precision) in chosen.items():
        if slug == a.slug:
            pairs.append((DATE_PROPERTIES[prop], _day(_date_of(i, prop), precision)))
    everything = a.slug.endswith("-1") or rng.random() < 0.4
    reported = [(area, grade) for area, grade in i.grades if everything or area == "overall-effectiveness"]
    judgements = [(ox.NamedNode(f"{i.node.value}/judgement/{area}"), area, grade) for area, grade in reported]
    pairs += [(V.judgement, node) for node, _, _ in judgements]
    findings = _findings(i, a, rng, p)
    pairs += [(V.finding, f[0]) for f in findings]
    g.add(i.node, *pairs)

    for node, area, grade in judgements:
        area_label, grade_label = p.concept_label("judgement-area", area), p.concept_label("grade", grade)
        g.add(node, (V.type, V.Judgement), (V.label, _en(f"{area_label}: {grade_label}")),
              *claim(node, f"Ofsted judged {area_label} in {place} to be {grade_label}.", line=False),
              (V.grade, p.concept("grade", grade)), (V.judgementArea, p.concept("judgement-area", area)))
    counts["judgement mentions"] += len(judgements)

    for prop, precision in a.dates:
        node = ox.NamedNode(f"{i.node.value}/date/{prop}/{MARKER}/{a.slug}")
        value = _day(_date_of(i, prop), precision)
        what = {"issued": "The report was published", "fieldwork-start": "Inspectors arrived",
                "fieldwork-end": "Inspectors finished their visit"}[prop]
        pairs = [(V.type, V.DateClaim),
                 (V.label, _en(f"{p.ontology.label(DATE_TERMS[prop])} {value.value} according to {title}")),
                 *claim(node, f"{what} {_in_words(_date_of(i, prop), precision)}.", line=True),
                 (V.about, i.node), (V.claimedDate, value), (V.claimedProperty, DATE_PROPERTIES[prop])]
        if precision != "date" and rng.random() < 0.3:
            pairs.append((V.dateDerivation, ox.Literal("Synthetic: read from 'last month' against the article's date.")))
        g.add(node, *pairs)
    counts["date claims"] += len(a.dates)

    for node, kind, area, themes, label_text, text in findings:
        pairs = [(V.type, V.Finding), (V.label, _en(label_text)), *claim(node, text, line=True),
                 (V.findingKind, p.concept("finding-kind", kind)), (V.okg_text, ox.Literal(text))]
        if area:
            pairs.append((V.judgementArea, p.concept("judgement-area", area)))
        g.add(node, *pairs, *((V.theme, p.concept("theme", t)) for t in themes))
    counts["findings"] += len(findings)

    memberships = _statements(g, i, a, rng, p, claim, lead_named)
    for post, evidence in memberships.items():
        g.add(post.node, (V.type, V.Membership),
              (V.label, _en(f"{post.person.name}: {p.concept_label('role', post.role)}, {post.organisation_label}")),
              (V.member, post.person.node), (V.organization, post.organisation), (V.role, p.concept("role", post.role)),
              *claim(post.node, evidence, line=False), (V.roleTitle, ox.Literal(post.title)))
    counts["membership mentions"] += len(memberships)
    _money_and_numbers(g, i, a, rng, claim)
    return g.quads


def _date_of(i: Inspection, prop: str) -> dt.date:
    return {"issued": i.issued, "fieldwork-start": i.start, "fieldwork-end": i.end}[prop]


def _findings(i: Inspection, a: _Article, rng: random.Random, p: Plan) -> list[tuple]:
    """(node, kind, area, themes, label, text) for what the article reports of the inspection."""
    themes = sorted(p.ontology.concepts["theme"])
    weak = {1: 0.15, 2: 0.3, 3: 0.55, 4: 0.8}[i.state]
    areas = [area for area, _ in i.grades if area != "overall-effectiveness"]
    result, seen = [], Counter()
    for _ in range(rng.randint(4, 9) if i.grades else rng.randint(2, 5)):
        roll = rng.random()
        if i.kind == "focused-visit" and roll < 0.4:
            kind = "priority-action" if i.bad_news else "area-for-improvement"
        elif roll < 0.15:
            kind = rng.choice(("recommendation", "area-for-improvement"))
        else:
            kind = "weakness" if rng.random() < weak else "strength"
        chosen = sorted(set(rng.sample(themes, rng.choice((1, 1, 2)))))
        theme_label = p.concept_label("theme", chosen[0])
        text = rng.choice(FINDING_TEXT[kind]).format(theme=theme_label, place=i.authority.place)
        text = text[0].upper() + text[1:]
        slug = f"{kind}-{chosen[0]}"
        seen[slug] += 1
        slug += f"-{seen[slug]}" if seen[slug] > 1 else ""
        area = rng.choice(areas) if areas and rng.random() < 0.75 else None
        label = f"{p.concept_label('finding-kind', kind).capitalize()}: {theme_label}"
        result.append((iri("finding", f"{a.slug}/{slug}"), kind, area, chosen, label, text))
    return result


def _statements(g: _Graph, i: Inspection, a: _Article, rng: random.Random, p: Plan, claim,
                lead_named: bool) -> dict[Post, str]:
    """Quotes from the council, the opposition and Ofsted; returns the posts the article names, with evidence."""
    year = a.issued.year
    speakers = [("council-leader", "leader"), ("cabinet-member", "leader"),
                ("director-of-childrens-services", "officer"), ("opposition-group-leader", "opposition")]
    named: dict[Post, str] = {}
    if lead_named:
        named[i.lead] = f"{i.lead.title} {i.lead.person.name}"
    for k in range(rng.randint(2, 6)):
        slot = rng.random()
        if slot < 0.3:
            speaker, who, voice = OFSTED, "Ofsted", "inspector"
            description = rng.choice(("the report", "inspectors", "an Ofsted spokesperson"))
            evidence_intro = f"{description[0].upper()}{description[1:]} said"
        else:
            if slot < 0.42 and lead_named:
                post, voice = i.lead, "inspector"
            else:
                role, voice = rng.choice(speakers)
                post = i.authority.holder(role, year)
            speaker, who, description = post.person.node, post.person.name, None
            evidence_intro = f"{post.title[0].upper()}{post.title[1:]} {post.person.name} said"
            named.setdefault(post, f"{post.title} {post.person.name}")
        bank = QUOTES[(voice, i.bad_news)]
        text = " ".join(s.format(place=i.authority.place) for s in rng.sample(bank, rng.randint(1, min(2, len(bank)))))
        node = iri("statement", f"{a.slug}/{who.split()[-1].lower()}-{k + 1}")
        about = [i.node] + ([i.authority.node] if rng.random() < 0.4 else [])
        pairs = [(V.type, V.Quotation), (V.type, V.Statement), (V.label, _en(f"{who}: “{short_text(text)}”")),
                 (V.text, ox.Literal(text)), *claim(node, f"{evidence_intro}: ‘{text}’", line=True),
                 (V.speaker, speaker), *((V.about, target) for target in about)]
        if description:
            pairs.append((V.speakerDescription, ox.Literal(description)))
        g.add(node, *pairs)
        g.counts["statements"] += 1
    return named


def _money_and_numbers(g: _Graph, i: Inspection, a: _Article, rng: random.Random, claim) -> None:
    """Sometimes an investment pledge, a statistic, or (after an inadequate report) a DfE commissioner."""
    authority, place = i.authority, i.authority.place
    if i.bad_news and rng.random() < 0.25:
        value = Decimal(rng.choice(INVESTMENTS))
        words = f"£{value / 1_000_000:f}m".replace(".0m", "m") if value >= 1_000_000 else f"£{value:,f}"
        label = f"{words} investment in children's services"
        node = iri("commitment", f"{a.slug}/investment")
        amount = ox.NamedNode(f"{node.value}/amount")
        g.add(node, (V.type, V.Commitment), (V.date, _day(a.issued, "year")), (V.label, _en(label)),
              *claim(node, f"{place} council has announced a {words} investment in children's services.", line=True),
              (V.about, authority.node), (V.amount, amount), (V.committedBy, authority.node),
              (V.dateDerivation, ox.Literal("Synthetic: the year of the article.")))
        g.add(amount, (V.type, V.MonetaryAmount), (V.label, _en(f"{format(value, ',f')} GBP")),
              (V.currency, ox.Literal("GBP")), (V.value, ox.Literal(format(value, "f"), datatype=_DECIMAL)))
        g.counts["commitments"] += 1
    if rng.random() < 0.35:
        measure, unit, (low, high) = rng.choice(STATISTICS)
        number = Decimal(rng.randint(low, high)) / (10 if unit == "percent" else 1)
        text = format(number.normalize(), "f")
        node = iri("statistic", f"{a.slug}/{measure.split(',')[0].replace(' ', '-')}")
        g.add(node, (V.type, V.Statistic), (V.label, _en(f"{measure}: {text} {unit}")),
              *claim(node, f"Figures show {measure} in {place} at {text}{'%' if unit == 'percent' else ''}.",
                     line=True),
              (V.about, rng.choice((i.node, authority.node))), (V.measure, ox.Literal(measure)),
              (V.unit, ox.Literal(unit)), (V.okg_value, ox.Literal(text, datatype=_DECIMAL)))
        g.counts["statistics"] += 1
    if dict(i.grades).get("overall-effectiveness") == "inadequate" and (a.slug.endswith("-1") or rng.random() < 0.3):
        node = iri("intervention", f"{i.slug}-commissioner")
        pairs = [(V.type, V.Activity), (V.type, V.Intervention),
                 (V.date, _day(i.issued + dt.timedelta(days=21), "date")),
                 (V.label, _en(f"The Department for Education appoints a commissioner for {place} children's services")),
                 (V.wasAssociatedWith, DFE),
                 *claim(node, "The Department for Education will appoint a commissioner to work with the council.",
                        line=False),
                 (V.about, i.node), (V.intervenedIn, authority.node)]
        g.add(node, *pairs, (V.appointee, i.commissioner.person.node))
        g.counts["intervention mentions"] += 1


def _inspection_label(i: Inspection, p: Plan, chosen: dict[str, tuple[str, str]]) -> ox.Literal:
    """``<authority>: <type>, <year>`` with the year of the dates the inspection carries, as the compiler labels it."""
    year = (i.start if "fieldwork-start" in chosen else i.issued).year
    return _en(f"{i.authority.label}: {p.concept_label('inspection-type', i.kind)}, {year}")


def quads(p: Plan, articles_per_inspection: int, counts: Counter) -> Iterator[ox.Quad]:
    """Every quad of the synthetic dataset, graph by graph: ontology, registry, then one graph per article."""
    yield from sorted_quads([(s, pred, o, ONTOLOGY_GRAPH) for s, pred, o in p.ontology.graph])
    yield from _registry(p, counts)
    for i in p.inspections:
        rng = random.Random(f"okg-synth {p.seed} {i.slug}")
        articles = _articles(i, articles_per_inspection, rng)
        chosen = _chosen_dates(articles)
        label = _inspection_label(i, p, chosen)
        for article in articles:
            yield from _article_quads(i, article, rng, p, chosen, label, counts)
    counts.update(inspections=len(p.inspections), judgements=sum(len(i.grades) for i in p.inspections))


def check_size(authorities: object, years: object, articles_per_inspection: object) -> None:
    """Raise ``ParameterError`` unless every size is a whole number within ``LIMITS``."""
    for name, value in (("authorities", authorities), ("years", years),
                        ("articles_per_inspection", articles_per_inspection)):
        low, high, why = LIMITS[name]
        words = name.replace("_", " ")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParameterError(f"{words} must be a whole number, not {value!r}")
        if not low <= value <= high:
            raise ParameterError(f"{words} must be from {low} to {high} ({why}), not {value}")


def check_out(out: Path) -> None:
    """Refuse an output folder that is a file, or a project's ``exports/`` (the real graph)."""
    if out.exists() and not out.is_dir():
        raise ParameterError(f"out {out}: is a file, not a folder")
    if out.resolve().name == "exports" or (out / "ofsted-kg.trig").exists():
        raise ParameterError(f"out {out}: synthetic data never goes into exports/, which holds the real graph; "
                             "choose another folder, e.g. bench/data")


def synth(authorities: int, years: int, articles_per_inspection: int, seed: int, out: Path, *,
          root: Path = Path(".")) -> Synthetic:
    """Write a synthetic dataset to ``out/synthetic.trig`` and its manifest to ``out/synthetic.json``.

    ``years`` count back from 2025; ``root`` is the project whose ``ontology/`` is used.
    """
    check_size(authorities, years, articles_per_inspection)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ParameterError(f"seed must be a whole number, not {seed!r}")
    check_out(out)
    ontology = load_ontology(Layout(root).ontology)
    p = plan(authorities, years, seed, ontology)
    counts: Counter = Counter()
    total = 0

    def counted(stream: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        nonlocal total
        for quad in stream:
            total += 1
            yield quad

    trig, manifest = out / TRIG, out / MANIFEST
    try:
        with atomic_output(trig) as f:
            ox.serialize(counted(quads(p, articles_per_inspection, counts)), f, ox.RdfFormat.TRIG,
                         prefixes=PREFIXES)
        graphs = counts["articles"] + 2
        resources = dict(sorted(counts.items()))
        with atomic_output(manifest) as f:
            f.write(json.dumps({
                "synthetic": True,
                "note": "Invented by `ofsted-kg synth`: no such councils, people, inspections or articles exist.",
                "iri_marker": f"/{MARKER}/",
                "parameters": {"authorities": authorities, "years": years,
                               "articles_per_inspection": articles_per_inspection, "seed": seed},
                "years": [p.first_year, LAST_YEAR],
                "quads": total, "named_graphs": graphs, "resources": resources, "data": TRIG,
            }, indent=1, ensure_ascii=False).encode() + b"\n")
    except OSError as e:
        raise ParameterError(f"out {out}: cannot write there ({e.strerror or e})") from None
    return Synthetic(trig, manifest, total, graphs, resources)
