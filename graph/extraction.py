"""What ``graph.extract.extract`` finds in an article: public, comparable dataclasses.

Fields marked ``compare=False`` are context (evidence spans, references for the
draft claims file); equality and ``Extraction.to_json()`` use only the others,
so an evaluation can compare findings with curated claims directly.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Speaker:
    """Who said something: a person, or an organisation for an unnamed spokesperson or a report."""

    name: str
    ref: str  # person/<slug>, organisation/<slug> or authority/<slug>
    description: str = ""  # how the article names an unnamed speaker: "the report", "An NSPCC spokesman"


@dataclass(frozen=True)
class AuthorityRef:
    """A council the article names: its formal name and ONS GSS code."""

    name: str
    gss: str
    ref: str = field(default="", compare=False)


@dataclass(frozen=True)
class Person:
    """A named person, with the role and organisation the article gives them ("" if none)."""

    name: str
    role: str
    organisation: str
    ref: str = field(default="", compare=False)
    organisation_ref: str = field(default="", compare=False)
    evidence: str = field(default="", compare=False)


@dataclass(frozen=True)
class Statement:
    """A quotation and its speaker; ``text`` has a blank line between paragraphs."""

    speaker: str
    text: str
    speaker_ref: str = field(default="", compare=False)
    speaker_description: str = field(default="", compare=False)
    evidence: str = field(default="", compare=False)


@dataclass(frozen=True)
class Grade:
    """An Ofsted grade for one judgement area of a council's inspection."""

    authority: str
    grade: str
    area: str
    authority_ref: str = field(default="", compare=False)
    inspection: str = field(default="", compare=False)  # id of the Inspection it belongs to
    evidence: str = field(default="", compare=False)


@dataclass(frozen=True)
class Amount:
    """A sum of money, ``value`` in units of ``currency``."""

    value: int | float
    currency: str
    text: str
    evidence: str = field(default="", compare=False)
    committed_by: str = field(default="", compare=False)  # a ref when the words pledge the money


@dataclass(frozen=True)
class Percentage:
    value: int | float
    text: str
    evidence: str = field(default="", compare=False)
    measure: str = field(default="", compare=False)


@dataclass(frozen=True)
class Inspection:
    """An inspection the article reports: the one it is about, and earlier graded ones."""

    id: str
    authority_ref: str
    type: str
    year: int | None
    evidence: str
    previous: bool = False  # an earlier inspection the article recalls


@dataclass
class Extraction:
    """Everything found in one article."""

    authorities: list[AuthorityRef] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Statement] = field(default_factory=list)
    grades: list[Grade] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    percentages: list[Percentage] = field(default_factory=list)
    inspections: list[Inspection] = field(default_factory=list)
    title: str = ""  # the headline, if the article starts with one
    first_line: str = ""  # the headline, else the first line of prose
    published: str = ""  # YYYY-MM-DD from a "Published ..." line
    published_words: str = ""  # that line

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        """The comparable part: authorities, people, quotes, grades, amounts, percentages."""
        return {
            "authorities": [{"name": a.name, "gss": a.gss} for a in self.authorities],
            "people": [{"name": p.name, "role": p.role, "organisation": p.organisation} for p in self.people],
            "quotes": [{"speaker": q.speaker, "text": q.text} for q in self.quotes],
            "grades": [{"authority": g.authority, "grade": g.grade, "area": g.area} for g in self.grades],
            "amounts": [{"value": a.value, "currency": a.currency, "text": a.text} for a in self.amounts],
            "percentages": [{"value": p.value, "text": p.text} for p in self.percentages],
        }


def slugify(text: str, words: int = 0) -> str:
    """``"Louise Goldsmith"`` -> ``"louise-goldsmith"``; ``words`` keeps only the first few.

    >>> slugify("Children’s services & more", 2)
    'childrens-services'
    """
    text = text.lower().replace("&", " and ").replace("’", "").replace("'", "")
    parts = re.findall(r"[a-z0-9]+", text)
    return "-".join(parts[:words] if words else parts)


def short_hash(text: str) -> str:
    """Six hex digits that depend only on ``text``, for ids that never depend on order."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


#: the word an inspection id uses for its type: west-sussex-2019-ilacs
_ID_TYPE = {"ilacs-standard": "ilacs"}


def inspection_id(authority_slug: str, year: int | None, kind: str, previous: bool = False) -> str:
    """``west-sussex-2019-ilacs``, or without a year ``west-sussex-inspection`` / ``...-previous-inspection``.

    >>> inspection_id("west-sussex", 2019, "ilacs-standard"), inspection_id("bradford", None, "sif", True)
    ('west-sussex-2019-ilacs', 'bradford-previous-inspection')
    """
    if year:
        return f"{authority_slug}-{year}-{_ID_TYPE.get(kind, kind)}"
    return f"{authority_slug}-{'previous-' if previous else ''}inspection"
