"""How close ``ofsted-kg ingest`` comes to the curated claims: precision, recall and F1.

``evaluate(root)`` runs ingest's extractor (``graph.ingest.extract_file``) over
every curated article (a claims file with an ``article:`` header and ``status:
curated``) and compares what it finds with the claims, one kind of fact at a time:

- **people**: a person's full name; curated: the people of memberships and of statements.
- **quotes**: speaker and text; curated: statements.
- **grades**: council, grade and judgement area; curated: the judgements of the file's inspections.
- **amounts**: value and currency; curated: commitments.
- **percentages**: the value; curated: statistics whose unit is ``percent``.

Speakers are compared by what the registry calls them (a person's ``name``, an
organisation's or council's ``label``, or any of their aliases, in any case);
quote texts after ``graph.text.normalise`` and without a trailing ``,;:``, and
nothing looser; councils by GSS code. A fact counts once per article. Found
people's role titles and organisations are checked against their memberships too.

>>> round(Score(gold=4, found=5, right=4).f1, 3)
0.889
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import Layout, read_claims
from .claims import parse_decimal
from .errors import InputError, Problem, display_path
from .gazetteer import find_authorities
from .ingest import extract_file
from .namespace import ID, OKG
from .registry import Registry
from .table import aligned
from .text import normalise, read_utf8
from .yamlfile import Mapping, items

CATEGORIES = ("people", "quotes", "grades", "amounts", "percentages")


def fold(name: str) -> str:
    """A name as compared: whitespace and quote marks normalised, any case."""
    return normalise(name).casefold()


def quote_text(text: str) -> str:
    """A quote's text as compared: ``normalise``d, without a trailing ``,``, ``;`` or ``:``.

    >>> quote_text("We are \u2018sorry\u2019,\\n")
    "We are 'sorry'"
    """
    return normalise(text).rstrip(",;: ")


def number(value: Any) -> str:
    """A number as compared: ``5000000``, ``5e6`` and ``5000000.0`` are all ``'5000000'``."""
    parsed = parse_decimal(value)
    return str(value) if parsed is None else format(parsed.normalize(), "f")


@dataclass(frozen=True, order=True)
class Fact:
    """One fact: ``key`` decides equality, ``shown`` is how a reader sees it.

    People also carry their role title and organisation, compared on their own.
    """

    key: tuple[str, ...]
    shown: str = field(compare=False)
    role: str = field(default="", compare=False)
    organisation: str = field(default="", compare=False)


Facts = dict[str, frozenset[Fact]]


@dataclass(frozen=True)
class Names:
    """What the registry calls each entity, and the label each name or alias stands for."""

    labels: dict[str, str]  # ref -> label
    index: dict[str, str]  # folded label or alias -> label
    gss: dict[str, str]  # ref -> GSS code

    @classmethod
    def of(cls, registry: Registry) -> Names:
        index: dict[str, str] = {}
        for entity in registry.entities.values():
            for name in (entity.label, *entity.aliases):
                index.setdefault(fold(name), entity.label)
        codes = {str(s).removeprefix(str(ID)): str(o) for s, p, o in registry.triples if p == OKG.gssCode}
        return cls({ref: e.label for ref, e in registry.entities.items()}, index, codes)

    def label(self, ref: str) -> str:
        """The label of a registry reference (``person/sue-mullins`` -> ``Sue Mullins``), else the reference."""
        return self.labels.get(ref, ref)

    def canonical(self, name: str) -> str:
        """The registry label a name or alias stands for (``WSCC`` -> ``West Sussex County Council``)."""
        return self.index.get(fold(name), normalise(name))

    def council(self, name: str, listed: dict[str, str]) -> str:
        """What a council is compared by: its GSS code from ``listed`` (folded name -> code), else from the
        gazetteer if the whole name is one council's, else its folded canonical name.

        >>> Names({}, {}, {}).council("Wirral Council", {}), Names({}, {}, {}).council("Atlantis", {})
        ('E08000015', 'atlantis')
        """
        if fold(name) in listed:
            return listed[fold(name)]
        mentions = find_authorities(normalise(name))
        if len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(normalise(name))):
            return mentions[0].authority.gss
        return fold(self.canonical(name))


def _person(name: str, role: str = "", organisation: str = "") -> Fact:
    return Fact((fold(name),), normalise(name), normalise(role), organisation)


def _quote(speaker: str, text: str) -> Fact:
    return Fact((fold(speaker), quote_text(text)), f"{speaker}: “{quote_text(text)}”")


def _grade(council_key: str, council: str, grade: str, area: str) -> Fact:
    return Fact((council_key, grade, area), f"{council}: {area} {grade}")


def _amount(value: Any, currency: str, text: str = "") -> Fact:
    shown = f"{number(value)} {currency.upper()}" + (f" ({text})" if text else "")
    return Fact((number(value), currency.upper()), shown)


def _percentage(value: Any, text: str = "") -> Fact:
    return Fact((number(value),), f"{number(value)}%" + (f" ({text})" if text else ""))


def _facts(pairs: Iterable[tuple[str, Fact]]) -> Facts:
    """Facts by category; of two facts with one key, the first is kept."""
    kept: dict[str, dict[tuple[str, ...], Fact]] = {c: {} for c in CATEGORIES}
    for category, fact in pairs:
        kept[category].setdefault(fact.key, fact)
    return {c: frozenset(kept[c].values()) for c in CATEGORIES}


def facts_from_claims(doc: Mapping, names: Names, problems: list[Problem]) -> Facts:
    """The facts a curated claims file states (see the module doc); malformed sections go to ``problems``.

    A person with several memberships in one file is checked against the first.
    """

    def values(section: str) -> list[Mapping]:
        return items(doc, section, problems)

    def text(item: Mapping, key: str) -> str:
        value = item.get(key)
        return "" if value is None else str(value)

    pairs: list[tuple[str, Fact]] = []
    for m in values("memberships"):
        if text(m, "person"):
            pairs.append(("people", _person(names.label(text(m, "person")), text(m, "title"),
                                            names.label(text(m, "organisation")))))
    for s in values("statements"):
        speaker = names.label(text(s, "speaker"))
        if text(s, "speaker").startswith("person/"):
            pairs.append(("people", _person(speaker)))
        if text(s, "text"):
            pairs.append(("quotes", _quote(speaker, text(s, "text"))))
    for inspection in values("inspections"):
        council = text(inspection, "authority")
        for j in items(inspection, "judgements", problems):
            key = names.gss.get(council) or fold(names.label(council))
            pairs.append(("grades", _grade(key, names.label(council), text(j, "grade"), text(j, "area"))))
    for c in values("commitments"):
        pairs.append(("amounts", _amount(c.get("value"), text(c, "currency"))))
    for s in values("statistics"):
        if text(s, "unit") == "percent":
            pairs.append(("percentages", _percentage(s.get("value"))))
    return _facts(pairs)


def facts_from_json(data: dict[str, list[dict[str, Any]]], names: Names) -> Facts:
    """The facts of ingest's JSON (``Extraction.to_json()``), or of an expectation written in that shape."""
    gss = {fold(a["name"]): a["gss"] for a in data.get("authorities", []) if a.get("gss")}
    pairs: list[tuple[str, Fact]] = [
        ("people", _person(p["name"], p.get("role", ""), names.canonical(p.get("organisation", ""))))
        for p in data.get("people", [])]
    pairs += [("quotes", _quote(names.canonical(q["speaker"]), q["text"])) for q in data.get("quotes", [])]
    pairs += [("grades", _grade(names.council(g["authority"], gss), g["authority"], g["grade"], g["area"]))
              for g in data.get("grades", [])]
    pairs += [("amounts", _amount(a["value"], a["currency"], a.get("text", ""))) for a in data.get("amounts", [])]
    pairs += [("percentages", _percentage(p["value"], p.get("text", ""))) for p in data.get("percentages", [])]
    return _facts(pairs)


@dataclass(frozen=True)
class Score:
    """How many facts were curated (``gold``), found, and found right."""

    gold: int
    found: int
    right: int

    @property
    def precision(self) -> float | None:
        """The share of found facts that are right; None when nothing was found."""
        return self.right / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        """The share of curated facts that were found; None when nothing was curated."""
        return self.right / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """The harmonic mean of precision and recall (``2·right / (gold + found)``); None for 0/0."""
        return 2 * self.right / (self.gold + self.found) if self.gold + self.found else None

    def __add__(self, other: Score) -> Score:
        return Score(self.gold + other.gold, self.found + other.found, self.right + other.right)

    def to_json(self) -> dict[str, int | float | None]:
        return {"gold": self.gold, "found": self.found, "right": self.right,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Roles:
    """Of the people found right who have a curated role: how many have its title and its organisation."""

    checked: int = 0
    titles: int = 0
    organisations: int = 0

    def __add__(self, other: Roles) -> Roles:
        return Roles(self.checked + other.checked, self.titles + other.titles,
                     self.organisations + other.organisations)


@dataclass(frozen=True)
class ArticleResult:
    """One article: the curated facts and the facts ingest found."""

    id: str
    file: str
    gold: Facts
    found: Facts

    def score(self, category: str) -> Score:
        gold, found = self.gold[category], self.found[category]
        return Score(len(gold), len(found), len(gold & found))

    def missed(self, category: str) -> list[Fact]:
        """Curated facts ingest did not find."""
        return sorted(self.gold[category] - self.found[category])

    def extra(self, category: str) -> list[Fact]:
        """Facts ingest found that are not curated (false positives)."""
        return sorted(self.found[category] - self.gold[category])

    def role_pairs(self) -> list[tuple[Fact, Fact]]:
        """(curated, found) for each person found right who has a curated role."""
        found = {f.key: f for f in self.found["people"]}
        return [(g, found[g.key]) for g in sorted(self.gold["people"]) if g.key in found and g.role]

    def role_disagreements(self) -> list[tuple[Fact, Fact]]:
        """The ``role_pairs`` whose role title or organisation differ."""
        return [(g, f) for g, f in self.role_pairs()
                if (fold(g.role), fold(g.organisation)) != (fold(f.role), fold(f.organisation))]

    def roles(self) -> Roles:
        pairs = self.role_pairs()
        return Roles(len(pairs), sum(fold(g.role) == fold(f.role) for g, f in pairs),
                     sum(fold(g.organisation) == fold(f.organisation) for g, f in pairs))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "file": self.file,
            "scores": {c: self.score(c).to_json() for c in CATEGORIES},
            "roles": vars(self.roles()),
            "missed": {c: [f.shown for f in self.missed(c)] for c in CATEGORIES},
            "false_positives": {c: [f.shown for f in self.extra(c)] for c in CATEGORIES},
            "role_disagreements": [
                {"person": g.shown, "curated": {"role": g.role, "organisation": g.organisation},
                 "found": {"role": f.role, "organisation": f.organisation}}
                for g, f in self.role_disagreements()],
        }


@dataclass(frozen=True)
class Evaluation:
    """Every article's result; totals are micro-averaged (counts summed over articles)."""

    articles: tuple[ArticleResult, ...]
    against: str = "the curated claims"  # what the facts were compared with

    def total(self, category: str) -> Score:
        return sum((a.score(category) for a in self.articles), Score(0, 0, 0))

    def roles(self) -> Roles:
        return sum((a.roles() for a in self.articles), Roles())

    def to_json(self) -> dict[str, Any]:
        return {"against": self.against, "articles": len(self.articles),
                "total": {c: self.total(c).to_json() for c in CATEGORIES},
                "roles": vars(self.roles()), "per_article": [a.to_json() for a in self.articles]}

    def format(self, details: bool = False) -> str:
        """Aligned tables: the totals, then each article; ``details`` lists misses and false positives."""
        header = ["category", "gold", "found", "right", "precision", "recall", "F1"]
        numeric = range(1, len(header))
        lines = [f"ingest on {len(self.articles)} articles, against {self.against} (micro-averaged)", ""]
        lines += aligned(header, [[c, *_cells(self.total(c))] for c in CATEGORIES], right=numeric)
        roles = self.roles()
        lines += ["", f"roles of the people found right: {roles.checked} to check; "
                      f"same title: {roles.titles}, same organisation: {roles.organisations}", "", "per article:"]
        rows = [[a.id if i == 0 else "", c, *_cells(a.score(c))]
                for a in self.articles for i, c in enumerate(CATEGORIES)]
        lines += aligned(["article", *header], rows, right=range(2, len(header) + 1))
        if details:
            lines += ["", "misses (-), false positives (+) and role disagreements (~):"]
            for a in self.articles:
                lines += [f"{a.id} ({a.file}):", *(_details(a) or ["  none"])]
        return "\n".join(lines)


def _cells(score: Score) -> list[str]:
    return [str(score.gold), str(score.found), str(score.right),
            *("-" if v is None else f"{v:.3f}" for v in (score.precision, score.recall, score.f1))]


def _details(a: ArticleResult) -> list[str]:
    lines = []
    for c in CATEGORIES:
        lines += [f"  {c:<11}  - {f.shown}" for f in a.missed(c)]
        lines += [f"  {c:<11}  + {f.shown}" for f in a.extra(c)]
    lines += [f"  {'roles':<11}  ~ {g.shown}: found {f.role!r} at {f.organisation or '?'}, "
              f"curated {g.role!r} at {g.organisation}" for g, f in a.role_disagreements()]
    return lines


#: what each entry of an expectation must give: the keys of ``Extraction.to_json()`` that are compared
EXPECTED_KEYS = {"authorities": ("name", "gss"), "people": ("name",), "quotes": ("speaker", "text"),
                 "grades": ("authority", "grade", "area"), "amounts": ("value", "currency"),
                 "percentages": ("value",)}


def read_expected(path: Path) -> dict[str, list[dict[str, Any]]]:
    """A hand-written expectation in the shape of ``ingest --format json``; a defect is an ``InputError``."""
    try:
        data = json.loads(read_utf8(path))
    except json.JSONDecodeError as e:
        raise InputError.at(path, e.lineno, f"not JSON: {e.msg}") from None
    if not isinstance(data, dict):
        raise InputError.at(path, 1, "an expectation must be a JSON object with lists of facts")
    problems = []
    for section, value in data.items():
        if section not in EXPECTED_KEYS or not isinstance(value, list):
            problems.append(Problem(display_path(path), 0, f"{section!r}: expected one of "
                                                           f"{', '.join(EXPECTED_KEYS)}, each a list"))
            continue
        for i, entry in enumerate(value):
            wrong = [k for k in EXPECTED_KEYS[section] if not isinstance(entry, dict)
                     or not isinstance(entry.get(k), (int, float) if k == "value" else str)]
            if wrong:
                problems.append(Problem(display_path(path), 0, f"{section}[{i}] lacks {', '.join(wrong)} "
                                                               "(text, or a number for value)"))
    if problems:
        raise InputError(problems)
    return data


def evaluate(root: Path = Path("."), *, expected: Path | None = None) -> Evaluation:
    """Run ingest's extractor on every curated article under ``root`` and score it against the claims.

    With ``expected`` (a folder), score instead each ``NAME.txt`` there against the
    hand-written ``NAME.expected.json`` beside it (see ``read_expected``); the
    registry under ``root`` still says which names are the same. Raises
    ``InputError`` (each problem at ``path:line``) for a missing folder, broken
    YAML or JSON, a bad registry or an article ingest refuses.
    """
    docs, sources, registry, problems = read_claims(Layout(root))
    names = Names.of(registry)
    if expected is not None:
        return Evaluation(tuple(_against_expectations(Path(expected), names)),
                          f"the expectations in {display_path(expected)}")
    results = []
    for doc, source in sorted(zip(docs, sources), key=lambda pair: pair[1].id):
        if source.kind != "article" or doc.get("status") != "curated":
            continue
        gold = facts_from_claims(doc, names, problems)
        found = facts_from_json(extract_file(source.path).to_json(), names)
        results.append(ArticleResult(source.id, source.path.name, gold, found))
    if problems:
        raise InputError(problems)
    return Evaluation(tuple(results))


def _against_expectations(folder: Path, names: Names) -> list[ArticleResult]:
    if not folder.is_dir():
        raise InputError.at(folder, 0, "folder of expectations not found")
    results = []
    for path in sorted(folder.glob("*.expected.json")):
        article = path.with_name(path.name.removesuffix(".expected.json") + ".txt")
        gold = facts_from_json(read_expected(path), names)
        found = facts_from_json(extract_file(article).to_json(), names)
        results.append(ArticleResult(article.stem, article.name, gold, found))
    return results
