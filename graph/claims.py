"""Claims files to RDF: every claim is checked, then written into its source's named graph.

The format is described in ``docs/claims-format.md``. ``Compiler.add`` takes one
claims file at a time; ``Compiler.finish`` resolves what spans files (references to
inspections defined elsewhere, agreement between sources, the date each inspection
carries) and returns the triples of every named graph. Problems are collected,
never raised one by one, so a single run reports every defect with its ``path:line``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import Literal, URIRef

from .errors import Problem
from .namespace import DCTERMS, ID, OKG, ORG, PROV, RDF, RDFS, SCHEMA, XSD, is_slug
from .ontology import Ontology
from .registry import Registry, Triple
from .sources import Source, evidence_problem
from .yamlfile import Mapping, as_list, check_keys, items

SECTIONS = ("inspections", "memberships", "statements", "findings", "commitments", "statistics", "interventions")
DATE_PROPERTIES = {
    "issued": DCTERMS.issued,
    "fieldwork-start": OKG.fieldworkStart,
    "fieldwork-end": OKG.fieldworkEnd,
}
#: When sources give different dates, the inspection carries the value of the
#: most authoritative source (lowest rank), then the most precise one.
SOURCE_RANK = {"reference": 0, "article": 1}
_PRECISION = {XSD.date: 0, XSD.gYearMonth: 1, XSD.gYear: 2}
REGISTRY_KINDS = ("authority", "organisation", "person")
SPEAKERS = REGISTRY_KINDS
ABOUT = ("inspection", "authority", "finding", "organisation", "person")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: Any) -> Literal | None:
    """A YAML date value as an xsd:date, xsd:gYearMonth or xsd:gYear literal, or None.

    >>> parse_date("2019-02").datatype == XSD.gYearMonth, parse_date(2016).datatype == XSD.gYear
    (True, True)
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return Literal(value.isoformat(), datatype=XSD.date)
    match = _DATE.match(str(value)) if isinstance(value, (int, str)) and not isinstance(value, bool) else None
    if not match:
        return None
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    datatype = XSD.date if day else XSD.gYearMonth if month else XSD.gYear
    return Literal(match.group(0), datatype=datatype)


def parse_decimal(value: Any) -> Decimal | None:
    """A finite number from YAML (not a bool), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def decimal_literal(number: Decimal) -> Literal:
    """An xsd:decimal literal in canonical form: ``5000000``, ``3.5``."""
    text = format(number.normalize(), "f")
    return Literal(text, datatype=XSD.decimal)


def short_text(text: str, limit: int = 70) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis (for labels)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass
class _File:
    """One claims file being compiled."""

    doc: Mapping
    source: Source
    triples: set[Triple]
    ids: dict[str, dict[str, Mapping]] = field(default_factory=lambda: defaultdict(dict))


@dataclass(frozen=True)
class _DateClaim:
    inspection: URIRef
    prop: URIRef
    value: Literal
    source: Source
    item: Mapping


@dataclass
class Compiler:
    """Compiles claims files into triples per named graph, collecting problems."""

    ontology: Ontology
    registry: Registry
    problems: list[Problem] = field(default_factory=list)
    #: where each generated resource was first defined, for messages about it
    origins: dict[URIRef, tuple[str, int]] = field(default_factory=dict)
    graphs: dict[URIRef, set[Triple]] = field(default_factory=dict)
    _defined: set[str] = field(default_factory=set)
    _pending: list[tuple[str, Mapping, str]] = field(default_factory=list)
    _shared: dict[tuple[URIRef, str], tuple[Any, Mapping]] = field(default_factory=dict)
    _grades: dict[URIRef, tuple[URIRef, Mapping]] = field(default_factory=dict)
    _dates: list[_DateClaim] = field(default_factory=list)
    _mentions: dict[URIRef, list[_File]] = field(default_factory=lambda: defaultdict(list))

    # --- public ---------------------------------------------------------------

    def add(self, doc: Mapping, source: Source) -> None:
        """Compile one claims file (already parsed, its source loaded)."""
        if source.graph in self.graphs:
            self.problems.append(doc.problem(f"a second claims file for source {source.id!r}"))
            return
        f = _File(doc, source, set())
        self.graphs[source.graph] = f.triples
        self.problems += check_keys(doc, required=("status",), optional=(source.kind, *SECTIONS), what="a claims file")
        if doc.get("status") not in (None, "curated"):
            self.problems.append(doc.problem(
                f"status is {doc.get('status')!r}: review the draft, then set 'status: curated'", "status"))
        self._source(f)
        for section in SECTIONS:
            handler = getattr(self, f"_{section}")
            for item in items(doc, section, self.problems):
                handler(f, item)

    def finish(self) -> dict[URIRef, set[Triple]]:
        """Resolve what spans files and return the triples of every source's graph."""
        for ref, item, key in self._pending:
            if ref not in self._defined:
                self.problems.append(item.problem(f"unknown {ref.split('/', 1)[0]} {ref!r}", key))
        self._choose_dates()
        self._label_inspections()
        for (iri, key), (value, item) in self._shared.items():
            if key == "label" and value is None:
                self.problems.append(item.problem("no source gives this intervention a 'label'"))
        return self.graphs

    # --- the source itself -----------------------------------------------------

    def _source(self, f: _File) -> None:
        s, add, header = f.source, f.triples.add, f.source.header
        cls = OKG.Article if s.kind == "article" else OKG.ReferenceDocument
        add((s.iri, RDF.type, cls))
        if s.kind == "article":
            add((s.iri, RDF.type, SCHEMA.NewsArticle))
        add((s.iri, RDFS.label, Literal(s.label, lang="en")))
        add((s.iri, OKG.sourceFile, Literal(f"data/{s.path.parent.name}/{s.path.name}")))
        if header.get("title"):
            add((s.iri, DCTERMS.title, Literal(str(header["title"]), lang="en")))
        if header.get("publisher"):
            publisher = self._ref(f, header, "publisher", ("organisation",))
            if publisher is not None:
                add((s.iri, SCHEMA.publisher, publisher))
        if header.get("url"):
            add((s.iri, SCHEMA.url, Literal(str(header["url"]), datatype=XSD.anyURI)))
        if header.get("issued") is not None:
            issued = self._date(header, "issued")
            if issued is not None:
                add((s.iri, DCTERMS.issued, issued))
                add((s.iri, OKG.dateDerivation, Literal(str(header["issued_derivation"]))))
        for key in ("note", "identified_by"):
            if header.get(key):
                add((s.iri, RDFS.comment, Literal(" ".join(str(header[key]).split()), lang="en")))
        for repair in s.repairs:
            add((s.iri, OKG.textRepair, Literal(str(repair))))
        self.origins.setdefault(s.iri, (header.path, header.line))

    # --- sections ------------------------------------------------------------------

    def _inspections(self, f: _File, item: Mapping) -> None:
        self.problems += check_keys(
            item, required=("id", "authority", "type", "evidence"),
            optional=("lead_inspector", "dates", "judgements", "cites"), what="inspection")
        slug = self._id(f, item, "inspections")
        if slug is None:
            return
        iri = ID[f"inspection/{slug}"]
        self._defined.add(f"inspection/{slug}")
        self._mentions[iri].append(f)
        add = f.triples.add
        add((iri, RDF.type, OKG.Inspection))
        add((iri, RDF.type, PROV.Activity))
        add((iri, PROV.wasAssociatedWith, ID["organisation/ofsted"]))
        authority = self._ref(f, item, "authority", ("authority",))
        kind = self._concept(item, "type", "inspection-type")
        for key, value in (("authority", authority), ("type", kind)):
            self._agree(iri, key, value, item)
        if authority is not None:
            add((iri, OKG.inspectedAuthority, authority))
        if kind is not None:
            add((iri, OKG.inspectionType, kind))
        if item.get("lead_inspector"):
            lead = self._ref(f, item, "lead_inspector", ("person",))
            self._agree(iri, "lead_inspector", lead, item)
            if lead is not None:
                add((iri, OKG.leadInspector, lead))
        self._claim(f, iri, item, line=False)
        for date in items(item, "dates", self.problems):
            self._inspection_date(f, iri, slug, date)
        for judgement in items(item, "judgements", self.problems):
            self._judgement(f, iri, kind, judgement)

    def _inspection_date(self, f: _File, inspection: URIRef, slug: str, item: Mapping) -> None:
        self.problems += check_keys(item, required=("property", "value", "evidence"),
                                    optional=("derivation", "cites"), what="date")
        prop = DATE_PROPERTIES.get(str(item.get("property")))
        if prop is None:
            self.problems.append(item.problem(
                f"unknown date property {item.get('property')!r} (expected one of: {', '.join(DATE_PROPERTIES)})",
                "property"))
            return
        value = self._date(item, "value")
        if value is None:
            return
        node = ID[f"inspection/{slug}/date/{item['property']}/{f.source.id}"]
        if node in self.origins and self.origins[node][0] == item.path:
            self.problems.append(item.problem(f"a second {item['property']} date from this source"))
            return
        add = f.triples.add
        add((node, RDF.type, OKG.DateClaim))
        add((node, OKG.about, inspection))
        add((node, OKG.claimedProperty, prop))
        add((node, OKG.claimedDate, value))
        add((node, RDFS.label, Literal(
            f"{self.ontology.label(prop)} {value} according to {f.source.label}", lang="en")))
        if item.get("derivation"):
            add((node, OKG.dateDerivation, Literal(str(item["derivation"]))))
        self._claim(f, node, item)
        self._dates.append(_DateClaim(inspection, prop, value, f.source, item))

    def _judgement(self, f: _File, inspection: URIRef, kind: URIRef | None, item: Mapping) -> None:
        self.problems += check_keys(item, required=("area", "grade", "evidence"), optional=("cites",),
                                    what="judgement")
        area = self._concept(item, "area", "judgement-area")
        grade = self._concept(item, "grade", "grade")
        if area is None or grade is None:
            return
        if kind is not None and kind not in self.ontology.applies_to.get(area, set()):
            self.problems.append(item.problem(
                f"area {item['area']!r} is not graded in a {self.ontology.label(kind)}", "area"))
            return
        node = URIRef(f"{inspection}/judgement/{item['area']}")
        earlier = self._grades.setdefault(node, (grade, item))
        if earlier[0] != grade:
            first = earlier[1]
            self.problems.append(item.problem(
                f"grade {item['grade']!r} disagrees with {self.ontology.label(earlier[0])!r} "
                f"given at {first.path}:{first.line_of('grade')}", "grade"))
            return
        add = f.triples.add
        add((inspection, OKG.judgement, node))
        add((node, RDF.type, OKG.Judgement))
        add((node, OKG.judgementArea, area))
        add((node, OKG.grade, grade))
        add((node, RDFS.label, Literal(
            f"{self.ontology.label(area)}: {self.ontology.label(grade)}", lang="en")))
        self._claim(f, node, item, line=False)

    def _memberships(self, f: _File, item: Mapping) -> None:
        self.problems += check_keys(item, required=("person", "organisation", "role", "title", "evidence"),
                                    optional=("cites",), what="membership")
        person = self._ref(f, item, "person", ("person",))
        org = self._ref(f, item, "organisation", ("authority", "organisation"))
        role = self._concept(item, "role", "role")
        if person is None or org is None or role is None:
            return
        node = ID[f"membership/{item['person'].split('/')[1]}/{item['organisation'].split('/')[1]}/{item['role']}"]
        person_entity = self.registry.get(str(item["person"]))
        org_entity = self.registry.get(str(item["organisation"]))
        add = f.triples.add
        add((node, RDF.type, ORG.Membership))
        add((node, ORG.member, person))
        add((node, ORG.organization, org))
        add((node, ORG.role, role))
        add((node, OKG.roleTitle, Literal(str(item["title"]))))
        add((node, RDFS.label, Literal(
            f"{person_entity.label}: {self.ontology.label(role)}, {org_entity.label}", lang="en")))
        self._claim(f, node, item, line=False)

    def _statements(self, f: _File, item: Mapping) -> None:
        self.problems += check_keys(item, required=("id", "speaker", "about", "text"),
                                    optional=("speaker_description", "evidence", "cites"), what="statement")
        slug = self._id(f, item, "statements")
        if slug is None:
            return
        node = ID[f"statement/{f.source.id}/{slug}"]
        self._defined.add(f"statement/{f.source.id}/{slug}")
        speaker = self._ref(f, item, "speaker", SPEAKERS)
        text = item.get("text")
        problem = evidence_problem(f.source, item, "text", text)
        if problem:
            self.problems.append(problem)
            return
        add = f.triples.add
        add((node, RDF.type, OKG.Statement))
        add((node, RDF.type, SCHEMA.Quotation))
        add((node, SCHEMA.text, Literal(text)))
        if speaker is not None:
            add((node, OKG.speaker, speaker))
            who = self.registry.get(str(item["speaker"])).label
            add((node, RDFS.label, Literal(f"{who}: “{short_text(text)}”", lang="en")))
        if item.get("speaker_description"):
            add((node, OKG.speakerDescription, Literal(str(item["speaker_description"]))))
        self._about(f, node, item)
        self._claim(f, node, item, default_evidence=text)

    def _findings(self, f: _File, item: Mapping) -> None:
        self.problems += check_keys(item, required=("id", "inspection", "kind", "themes", "label", "evidence"),
                                    optional=("area", "cites"), what="finding")
        slug = self._id(f, item, "findings")
        if slug is None:
            return
        node = ID[f"finding/{f.source.id}/{slug}"]
        self._defined.add(f"finding/{f.source.id}/{slug}")
        inspection = self._ref(f, item, "inspection", ("inspection",))
        add = f.triples.add
        add((node, RDF.type, OKG.Finding))
        add((node, RDFS.label, Literal(str(item["label"]), lang="en")))
        if isinstance(item.get("evidence"), str):
            add((node, OKG.text, Literal(item["evidence"])))
        if inspection is not None:
            add((inspection, OKG.finding, node))
        kind = self._concept(item, "kind", "finding-kind")
        if kind is not None:
            add((node, OKG.findingKind, kind))
        if item.get("area"):
            area = self._concept(item, "area", "judgement-area")
            if area is not None:
                add((node, OKG.judgementArea, area))
        for theme_slug in as_list(item, "themes"):
            theme = self._concept_value(item, "themes", "theme", theme_slug)
            if theme is not None:
                add((node, OKG.theme, theme))
        self._claim(f, node, item)

    def _commitments(self, f: _File, item: Mapping) -> None:
        self.problems += check_keys(
            item, required=("id", "committed_by", "value", "currency", "label", "about", "evidence"),
            optional=("date", "date_derivation", "cites"), what="commitment")
        slug = self._id(f, item, "commitments")
        if slug is None:
            return
        node = ID[f"commitment/{f.source.id}/{slug}"]
        amount = URIRef(f"{node}/amount")
        value = self._number(item, "value")
        add = f.triples.add
        add((node, RDF.type, OKG.Commitment))
        add((node, RDFS.label, Literal(str(item["label"]), lang="en")))
        by = self._ref(f, item, "committed_by", ("authority", "organisation"))
        if by is not None:
            add((node, OKG.committedBy, by))
        add((node, OKG.amount, amount))
        add((amount, RDF.type, SCHEMA.MonetaryAmount))
        if value is not None:
            add((amount, SCHEMA.value, decimal_literal(value)))
            add((amount, RDFS.label, Literal(f"{format(value.normalize(), ',f')} {item['currency']}", lang="en")))
        add((amount, SCHEMA.currency, Literal(str(item["currency"]))))
        self._dated(f, node, item)
        self._about(f, node, item)
        self._claim(f, node, item)

    def _statistics(self, f: _File, item: Mapping) -> None:
        self.problems += check_keys(item, required=("id", "measure", "value", "unit", "about", "evidence"),
                                    optional=("cites",), what="statistic")
        slug = self._id(f, item, "statistics")
        if slug is None:
            return
        node = ID[f"statistic/{f.source.id}/{slug}"]
        value = self._number(item, "value")
        add = f.triples.add
        add((node, RDF.type, OKG.Statistic))
        add((node, OKG.measure, Literal(str(item["measure"]))))
        add((node, OKG.unit, Literal(str(item["unit"]))))
        if value is not None:
            add((node, OKG.value, decimal_literal(value)))
            add((node, RDFS.label, Literal(
                f"{item['measure']}: {format(value.normalize(), 'f')} {item['unit']}", lang="en")))
        self._about(f, node, item)
        self._claim(f, node, item)

    def _interventions(self, f: _File, item: Mapping) -> None:
        self.problems += check_keys(
            item, required=("id", "by", "authority", "about", "evidence"),
            optional=("label", "appointee", "date", "date_derivation", "cites"), what="intervention")
        slug = self._id(f, item, "interventions")
        if slug is None:
            return
        node = ID[f"intervention/{slug}"]
        self._defined.add(f"intervention/{slug}")
        add = f.triples.add
        add((node, RDF.type, OKG.Intervention))
        add((node, RDF.type, PROV.Activity))
        for key, prop, kinds in (
            ("by", PROV.wasAssociatedWith, ("organisation",)),
            ("authority", OKG.intervenedIn, ("authority",)),
            ("appointee", OKG.appointee, ("person",)),
        ):
            if item.get(key):
                target = self._ref(f, item, key, kinds)
                self._agree(node, key, target, item)
                if target is not None:
                    add((node, prop, target))
        label = item.get("label")
        if label:
            add((node, RDFS.label, Literal(str(label), lang="en")))
        self._agree(node, "label", label, item, absent_ok=True)
        self._dated(f, node, item)
        self._about(f, node, item)
        self._claim(f, node, item, line=False)

    # --- shared helpers -----------------------------------------------------------

    def _claim(self, f: _File, node: URIRef, item: Mapping, *, line: bool = True,
               default_evidence: str | None = None) -> None:
        """Provenance of a claim: its source, evidence (checked verbatim), line and citations."""
        add = f.triples.add
        add((node, PROV.wasDerivedFrom, f.source.iri))
        self.origins.setdefault(node, (item.path, item.line))
        span = item.get("evidence", default_evidence)
        problem = evidence_problem(f.source, item, "evidence", span)
        if problem:
            self.problems.append(problem)
        else:
            add((node, OKG.evidence, Literal(span)))
            if line:
                add((node, OKG.sourceLine, Literal(f.source.locate(span))))
        for url in as_list(item, "cites"):
            add((node, OKG.citedSource, URIRef(str(url))))

    def _id(self, f: _File, item: Mapping, section: str) -> str | None:
        slug = item.get("id")
        if slug is None:
            return None
        if not is_slug(slug):
            self.problems.append(item.problem(f"id {slug!r} must be a slug like 'goldsmith-unacceptable'", "id"))
            return None
        first = f.ids[section].setdefault(slug, item)
        if first is not item:
            self.problems.append(item.problem(
                f"duplicate id {slug!r} in {section} (first at line {first.line_of('id')})", "id"))
            return None
        return slug

    def _ref(self, f: _File, item: Mapping, key: str, kinds: tuple[str, ...], value: Any = None) -> URIRef | None:
        ref = item.get(key) if value is None else value
        kind, _, slug = str(ref).partition("/")
        if not isinstance(ref, str) or kind not in kinds or not slug:
            expected = " or ".join(f"'{k}/<id>'" for k in kinds)
            self.problems.append(item.problem(f"{key} {ref!r} must be a reference like {expected}", key))
            return None
        if kind in REGISTRY_KINDS:
            if self.registry.get(ref) is None:
                self.problems.append(item.problem(
                    f"unknown {kind} {ref!r} (add it to data/registry/ first)", key))
                return None
        else:
            self._pending.append((ref, item, key))
        return ID[ref]

    def _about(self, f: _File, node: URIRef, item: Mapping) -> None:
        for ref in as_list(item, "about"):
            target = self._ref(f, item, "about", ABOUT, value=ref)
            if target is not None:
                f.triples.add((node, OKG.about, target))

    def _concept(self, item: Mapping, key: str, scheme: str) -> URIRef | None:
        return self._concept_value(item, key, scheme, item.get(key))

    def _concept_value(self, item: Mapping, key: str, scheme: str, slug: Any) -> URIRef | None:
        iri = self.ontology.concept(scheme, str(slug))
        if iri is None:
            self.problems.append(item.problem(
                f"unknown {scheme} {slug!r} (expected one of: {', '.join(self.ontology.slugs(scheme))})", key))
        return iri

    def _date(self, item: Mapping, key: str) -> Literal | None:
        value = parse_date(item.get(key))
        if value is None:
            self.problems.append(item.problem(
                f"{key} {item.get(key)!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, "
                "no more precise than the evidence", key))
        return value

    def _dated(self, f: _File, node: URIRef, item: Mapping) -> None:
        if item.get("date") is None:
            return
        value = self._date(item, "date")
        if value is not None:
            f.triples.add((node, DCTERMS.date, value))
        if item.get("date_derivation"):
            f.triples.add((node, OKG.dateDerivation, Literal(str(item["date_derivation"]))))

    def _number(self, item: Mapping, key: str) -> Decimal | None:
        number = parse_decimal(item.get(key))
        if number is None:
            self.problems.append(item.problem(f"{key} {item.get(key)!r} is not a number", key))
        return number

    def _agree(self, iri: URIRef, key: str, value: Any, item: Mapping, *, absent_ok: bool = False) -> None:
        """Fields of a shared resource (inspection, intervention) must agree across files."""
        if value is None and not absent_ok:
            return
        earlier = self._shared.get((iri, key))
        if earlier is None or earlier[0] is None:
            self._shared[(iri, key)] = (value, item)
        elif value is not None and earlier[0] != value:
            first = earlier[1]
            self.problems.append(item.problem(
                f"{key} {item.get(key)!r} disagrees with {first.get(key)!r} "
                f"given at {first.path}:{first.line_of(key)}", key))

    # --- what spans files ----------------------------------------------------------

    def _choose_dates(self) -> None:
        """Each inspection carries one value per date property: reference first, then precision."""
        by_key: dict[tuple[URIRef, URIRef], list[_DateClaim]] = defaultdict(list)
        for claim in self._dates:
            by_key[(claim.inspection, claim.prop)].append(claim)
        for (inspection, prop), claims in by_key.items():
            best = min(claims, key=lambda c: (SOURCE_RANK[c.source.kind], _PRECISION[c.value.datatype]))
            rivals = [c for c in claims if (SOURCE_RANK[c.source.kind], _PRECISION[c.value.datatype]) ==
                      (SOURCE_RANK[best.source.kind], _PRECISION[best.value.datatype]) and c.value != best.value]
            if rivals:
                self.problems.append(rivals[0].item.problem(
                    f"{self.ontology.label(prop)} {rivals[0].value} and {best.value} (at {best.item.path}:"
                    f"{best.item.line}) are equally authoritative: add a reference claim or drop one", "value"))
                continue
            self.graphs[best.source.graph].add((inspection, prop, best.value))

    def _label_inspections(self) -> None:
        """``West Sussex County Council: ILACS standard inspection, 2019`` in every graph that mentions it."""
        dated: dict[URIRef, dict[URIRef, Literal]] = defaultdict(dict)
        for graph in self.graphs.values():
            for s, p, o in graph:
                if p in (OKG.fieldworkStart, DCTERMS.issued) and isinstance(o, Literal):
                    dated[s][p] = o
        for inspection, files in self._mentions.items():
            authority = self._shared.get((inspection, "authority"), (None,))[0]
            kind = self._shared.get((inspection, "type"), (None,))[0]
            if authority is None or kind is None:
                continue
            entity = self.registry.get(str(authority).removeprefix(str(ID)))
            when = dated[inspection].get(OKG.fieldworkStart) or dated[inspection].get(DCTERMS.issued)
            label = f"{entity.label}: {self.ontology.label(kind)}"
            if when is not None:
                label += f", {str(when)[:4]}"
            for f in files:
                f.triples.add((inspection, RDFS.label, Literal(label, lang="en")))
