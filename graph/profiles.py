"""What the network page's side panel shows for each node, as plain JSON-ready data.

A person: their roles and every quote, verbatim, with its source. An inspection:
its grades by area and its findings grouped by kind. A council: its inspections
over time with grades, its people, what it said and what was said about it.
Quotes and sources are listed once (``statements``, ``sources``) and referred to
by IRI, so a quote shown on several panels is embedded once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .network import OVERALL, Facts, Network, display_date, grade_slug

#: Order of finding kinds in an inspection's panel; unknown kinds follow, by name.
FINDING_ORDER = ("priority-action", "weakness", "area-for-improvement", "recommendation", "strength")
_SAFE_URL = ("https://", "http://")


def _lists() -> defaultdict[str, list[str]]:
    return defaultdict(list)


@dataclass
class _Index:
    """Facts looked up by who or what they concern, built once per page."""

    said_by: dict[str, list[str]] = field(default_factory=_lists)
    said_about: dict[str, list[str]] = field(default_factory=_lists)
    said_in: dict[str, list[str]] = field(default_factory=_lists)
    roles_of: dict[str, list[str]] = field(default_factory=_lists)
    members_of: dict[str, list[str]] = field(default_factory=_lists)
    inspections_of: dict[str, list[str]] = field(default_factory=_lists)
    led_by: dict[str, list[str]] = field(default_factory=_lists)
    articles_of: dict[str, list[str]] = field(default_factory=_lists)
    interventions_in: dict[str, list[str]] = field(default_factory=_lists)
    found_in: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, facts: Facts) -> "_Index":
        index = cls()
        for s, statement in sorted(facts.statements.items()):
            if statement.speaker:
                index.said_by[statement.speaker].append(s)
            for target in sorted(statement.about):
                index.said_about[target].append(s)
            for src in sorted(facts.derived_from.get(s, ())):
                index.said_in[src].append(s)
        for m, membership in sorted(facts.memberships.items()):
            index.roles_of[membership.person].append(m)
            index.members_of[membership.organisation].append(m)
        for i, inspection in sorted(facts.inspections.items()):
            if inspection.authority:
                index.inspections_of[inspection.authority].append(i)
            for lead in sorted(inspection.leads):
                index.led_by[lead].append(i)
            for f in inspection.findings:
                index.found_in.setdefault(f, i)
        for a, source in sorted(facts.sources.items()):
            if source.publisher:
                index.articles_of[source.publisher].append(a)
        for x, intervention in sorted(facts.interventions.items()):
            if intervention.authority:
                index.interventions_in[intervention.authority].append(x)
        return index


def profiles(network: Network) -> dict:
    """``{"panels": {iri: panel}, "statements": {iri: quote}, "sources": {iri: source}}`` for the drawn nodes."""
    facts, graph = network.facts, network.graph
    index = _Index.of(facts)
    panels = {iri: _PANELS[graph.nodes[iri]["type"]](facts, index, iri) for iri in graph}
    quoted = sorted({s for panel in panels.values() for key in ("quotes", "quotesAbout", "quotesIn")
                     for s in panel.get(key, ())} | {p["statement"] for p in panels.values() if "statement" in p})
    statements = {s: _statement(facts, s) for s in quoted}
    cited = sorted({src for quote in statements.values() for src in quote["sources"]}
                   | {src for panel in panels.values() for src in panel.get("sources", ())}
                   | {iri for iri in graph if graph.nodes[iri]["type"] == "article"})
    return {"panels": panels, "statements": statements, "sources": {src: _source(facts, src) for src in cited}}


def _ref(facts: Facts, iri: str | None) -> dict | None:
    return None if iri is None else {"id": iri, "label": facts.label(iri)}


def _by_date(facts: Facts, statements: list[str]) -> list[str]:
    """Quotes in the order they were published (undated last), then by IRI."""
    def when(s: str) -> tuple[str, str]:
        dates = [facts.sources[src].issued for src in facts.derived_from.get(s, ()) if src in facts.sources]
        return (min((d for d in dates if d), default="9999"), s)
    return sorted(set(statements), key=when)


def _statement(facts: Facts, iri: str) -> dict:
    statement = facts.statements[iri]
    return {"text": statement.text, "speaker": _ref(facts, statement.speaker), "as": statement.description,
            "about": [_ref(facts, a) for a in sorted(statement.about)],
            "sources": sorted(facts.derived_from.get(iri, ()))}


def _source(facts: Facts, iri: str) -> dict:
    source = facts.sources.get(iri)
    if source is None:
        return {"label": facts.label(iri)}
    url = source.url if source.url and source.url.startswith(_SAFE_URL) else None
    return {"label": facts.label(iri), "title": source.title, "kind": facts.kinds.get(iri),
            "outlet": _ref(facts, source.publisher), "date": display_date(source.issued) or None,
            "url": url, "file": source.file}


def _roles(facts: Facts, memberships: list[str], side: str) -> list[dict]:
    """Memberships as rows naming the other side (``organisation`` for a person, ``person`` for a body)."""
    rows = []
    for m in memberships:
        membership = facts.memberships[m]
        rows.append({"who": _ref(facts, getattr(membership, side)), "role": facts.label(membership.role) or None,
                     "title": "; ".join(sorted(membership.titles)) or None,
                     "sources": sorted(facts.derived_from.get(m, ()))})
    return rows


def _inspection_row(facts: Facts, iri: str) -> dict:
    inspection = facts.inspections[iri]
    return {"id": iri, "label": facts.label(iri), "type": facts.label(inspection.type) or None,
            "date": display_date(inspection.date) or None, "sortDate": inspection.date,
            "grade": grade_slug(inspection.overall), "gradeLabel": facts.label(inspection.overall) or None}


def _person(facts: Facts, index: _Index, iri: str) -> dict:
    return {"roles": _roles(facts, index.roles_of[iri], "organisation"),
            "quotes": _by_date(facts, index.said_by[iri]),
            "led": [_inspection_row(facts, i) for i in index.led_by[iri]]}


def _authority(facts: Facts, index: _Index, iri: str) -> dict:
    rows = sorted((_inspection_row(facts, i) for i in index.inspections_of[iri]),
                  key=lambda row: (row["sortDate"] or "9999", row["id"]))
    interventions = []
    for x in index.interventions_in[iri]:
        intervention = facts.interventions[x]
        interventions.append({"label": facts.label(x), "date": display_date(intervention.date) or None,
                              "by": [_ref(facts, b) for b in sorted(intervention.by)],
                              "appointee": _ref(facts, intervention.appointee),
                              "sources": sorted(facts.derived_from.get(x, ()))})
    return {"inspections": rows, "people": _roles(facts, index.members_of[iri], "person"),
            "quotes": _by_date(facts, index.said_by[iri]), "quotesAbout": _by_date(facts, index.said_about[iri]),
            "interventions": interventions}


def _inspection(facts: Facts, index: _Index, iri: str) -> dict:
    inspection = facts.inspections[iri]
    grades = sorted(inspection.grades.items(), key=lambda ag: (ag[0] != OVERALL, facts.label(ag[0])))
    kinds: dict[str, list[dict]] = defaultdict(list)
    for f in sorted(inspection.findings):
        finding = facts.findings.get(f)
        if finding is None:
            continue
        kinds[finding.kind or ""].append({"id": f, "label": facts.label(f), "text": finding.text,
                                          "area": facts.label(finding.area) or None,
                                          "themes": sorted(facts.label(t) for t in finding.themes),
                                          "sources": sorted(facts.derived_from.get(f, ()))})
    order = {slug: n for n, slug in enumerate(FINDING_ORDER)}
    findings = [{"kind": facts.label(kind) or "finding", "items": items} for kind, items in
                sorted(kinds.items(), key=lambda kv: (order.get(kv[0].rsplit("/", 1)[-1], len(order)),
                                                      facts.label(kv[0])))]
    dates = [(name, display_date(value)) for name, value in (
        ("Report published", inspection.issued), ("Fieldwork began", inspection.fieldwork_start),
        ("Fieldwork ended", inspection.fieldwork_end)) if value]
    return {"authority": _ref(facts, inspection.authority), "type": facts.label(inspection.type) or None,
            "grade": grade_slug(inspection.overall), "dates": dates,
            "lead": [_ref(facts, p) for p in sorted(inspection.leads)],
            "grades": [{"area": facts.label(area), "grade": grade_slug(grade), "gradeLabel": facts.label(grade)}
                       for area, grade in grades],
            "findings": findings, "quotesAbout": _by_date(facts, index.said_about[iri]),
            "sources": sorted(facts.derived_from.get(iri, ()))}


def _organisation(facts: Facts, index: _Index, iri: str) -> dict:
    return {"kind": facts.kinds.get(iri), "people": _roles(facts, index.members_of[iri], "person"),
            "quotes": _by_date(facts, index.said_by[iri]), "quotesAbout": _by_date(facts, index.said_about[iri]),
            "articles": [_ref(facts, a) for a in index.articles_of[iri]]}


def _article(facts: Facts, index: _Index, iri: str) -> dict:
    return {"source": iri, "quotesIn": _by_date(facts, index.said_in[iri])}


def _statement_panel(facts: Facts, index: _Index, iri: str) -> dict:
    return {"statement": iri}


def _finding(facts: Facts, index: _Index, iri: str) -> dict:
    finding = facts.findings[iri]
    return {"kind": facts.label(finding.kind) or None, "text": finding.text, "area": facts.label(finding.area) or None,
            "themes": sorted(facts.label(t) for t in finding.themes),
            "inspection": _ref(facts, index.found_in.get(iri)),
            "quotesAbout": _by_date(facts, index.said_about[iri]), "sources": sorted(facts.derived_from.get(iri, ()))}


_PANELS = {"person": _person, "authority": _authority, "inspection": _inspection, "organisation": _organisation,
           "article": _article, "statement": _statement_panel, "finding": _finding}
