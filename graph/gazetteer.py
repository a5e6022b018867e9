"""The gazetteer: English councils with children's services, and finding them in text.

The councils come from ``data/registry/councils.csv`` (see ``councils.SOURCE.md``).
Names are matched case-sensitively, on word boundaries, longest first, so
"West Sussex County Council" is one mention, never also "West Sussex"; a short
form after a compass word that with it names no council ("Greater Manchester")
is a region, not the council.

>>> [m.authority.name for m in find_authorities("Bradford and WSCC were inspected.")]
['City of Bradford Metropolitan District Council', 'West Sussex County Council']
>>> find_authorities("Somerset was rated good.", year=2019)[0].authority.slug
'somerset-county-council'
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import InputError

COUNCILS_CSV = Path(__file__).resolve().parent.parent / "data" / "registry" / "councils.csv"

#: Short forms that are also everyday words: they count only inside a sentence.
_ALSO_ENGLISH = {"Reading"}
_GENERIC = re.compile(
    r"\b(?:the|The|a|A|its|Its)\s+(?:(?:county|city|borough|district|unitary|local)\s+)?(?:council|authority)\b"
)
#: a compass word before a place that, with it, names no council: "Mid and South Essex", "Greater Manchester"
_REGION_BEFORE = re.compile(r"\b(?:North|South|East|West|Mid|Central|Greater|Inner|Outer) $")
_WORD_START = re.compile(r"(?<![\w&'’])[A-Z]")


@dataclass(frozen=True)
class Authority:
    """One council, as in ``councils.csv``."""

    code: str
    slug: str
    name: str
    short_name: str
    type: str
    gss: str
    la_code: str
    start_date: str
    end_date: str
    replaced_by: tuple[str, ...]
    short_forms: tuple[str, ...]

    @property
    def ref(self) -> str:
        """The claims-file reference: ``authority/west-sussex``."""
        return f"authority/{self.slug}"

    def existed_in(self, year: int) -> bool:
        """Whether the council still existed in ``year`` (start dates in the source are unreliable)."""
        return not self.end_date or int(self.end_date[:4]) >= year


@dataclass(frozen=True)
class Mention:
    """Where a council is named (or, if ``generic``, referred to as "the council")."""

    authority: Authority
    start: int
    end: int
    text: str
    generic: bool = False


@dataclass(frozen=True)
class Gazetteer:
    """All councils, indexed by the first word of each of their names."""

    authorities: tuple[Authority, ...]
    #: first word -> [(form, councils that have it)], longest form first
    index: dict[str, tuple[tuple[str, tuple[Authority, ...]], ...]]

    @classmethod
    def load(cls, path: Path = COUNCILS_CSV) -> "Gazetteer":
        """Read ``councils.csv``; a missing or malformed file is an ``InputError``."""
        try:
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
        except OSError as e:
            raise InputError.at(path, 0, f"cannot read the gazetteer: {e.strerror}") from None
        try:
            authorities = tuple(
                Authority(
                    code=r["code"], slug=r["slug"], name=r["name"], short_name=r["short_name"], type=r["type"],
                    gss=r["gss"], la_code=r["la_code"], start_date=r["start_date"], end_date=r["end_date"],
                    replaced_by=tuple(r["replaced_by"].split()),
                    short_forms=tuple(f for f in r["short_forms"].split("|") if f),
                )
                for r in rows
            )
        except (KeyError, AttributeError):
            raise InputError.at(path, 1, "not a gazetteer: expected the columns of scripts/make_gazetteer.py") from None
        owners: dict[str, list[Authority]] = {}
        for a in authorities:
            for form in {a.name, *a.short_forms}:
                owners.setdefault(form, []).append(a)
        index: dict[str, list[tuple[str, tuple[Authority, ...]]]] = {}
        for form, councils in owners.items():
            index.setdefault(_first_word(form), []).append((form, tuple(councils)))
        return cls(authorities, {k: tuple(sorted(v, key=lambda fc: (-len(fc[0]), fc[0]))) for k, v in index.items()})

    def by_slug(self, slug: str) -> Authority | None:
        """The council with this slug, or None."""
        return next((a for a in self.authorities if a.slug == slug), None)

    def find(self, text: str, *, year: int | None = None, generic: bool = False) -> list[Mention]:
        """Every council named in ``text``, in order; see ``find_authorities``."""
        named: list[Mention] = []
        position = 0
        for start_match in _WORD_START.finditer(text):
            start = start_match.start()
            if start < position:
                continue
            for form, councils in self.index.get(_first_word(text[start:start + 40]), ()):
                end = start + len(form)
                if text.startswith(form, start) and not (end < len(text) and (text[end].isalnum() or text[end] == "-")):
                    if form in _ALSO_ENGLISH and _sentence_start(text, start) or _REGION_BEFORE.search(
                            text[max(0, start - 9):start]):
                        break
                    named.append(Mention(_pick(councils, year), start, end, form))
                    position = end
                    break
        if not generic:
            return named
        return sorted(named + _generic_mentions(text, named), key=lambda m: m.start)


def _first_word(text: str) -> str:
    match = re.match(r"\w+", text)
    return match.group(0) if match else ""


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].rstrip(" \t\"'“‘")
    return not before or before[-1] in ".!?\n"


def _pick(councils: tuple[Authority, ...], year: int | None) -> Authority:
    """Of councils sharing a name (a former one and its successor), the one of ``year``, else the current one."""
    if len(councils) == 1:
        return councils[0]
    if year is not None:
        alive = sorted((a for a in councils if a.existed_in(year)), key=lambda a: a.end_date or "9999")
        if alive:
            return alive[0]
    return next((a for a in councils if not a.end_date), councils[0])


def _generic_mentions(text: str, named: list[Mention]) -> list[Mention]:
    """"the council", "the authority" ... as the council last named before it (else the first named)."""
    if not named:
        return []
    ends = [m.end for m in named]
    out = []
    for match in _GENERIC.finditer(text):
        i = bisect_right(ends, match.start())
        council = named[i - 1 if i else 0].authority
        out.append(Mention(council, match.start(), match.end(), match.group(0), generic=True))
    return out


@cache
def gazetteer() -> Gazetteer:
    """The councils of ``data/registry/councils.csv``, read once."""
    return Gazetteer.load()


def find_authorities(text: str, *, year: int | None = None, generic: bool = False) -> list[Mention]:
    """Every council named in ``text``, in order of appearance.

    ``year`` picks between a former council and its successor that share a name
    ("Somerset": the county council until 2023, Somerset Council since); without
    it the current one is meant. With ``generic``, "the council", "the county
    council", "the authority" ... are returned too, as the council last named
    before them.
    """
    return gazetteer().find(text, year=year, generic=generic)
