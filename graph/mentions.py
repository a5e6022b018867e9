"""Who or what each stretch of prose refers to: people, councils, organisations, reports, pronouns.

Mentions are found in the prose outside quotations. ``Mentions.resolve`` turns
one into a ``Speaker``: a pronoun is the last person of matching gender named
before it ("She added" after "Ms Steele"), "it" the last organisation or report,
an unnamed spokesperson or a report the organisation it speaks for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .extraction import Speaker, slugify
from .people import (FULL_NAME, NOT_NAME, ROLE_WORD, TITLE, TITLE_ROLES, TITLED, TITLES_F, TITLES_M,
                     NamedPerson, Role, introduced, name_tokens, person_context, speaking_words)

if TYPE_CHECKING:
    from .reading import Reading

#: National organisations: name -> (slug, the names articles use for it).
ORGANISATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Ofsted": ("ofsted", ("Ofsted", "Office for Standards in Education", "the education watchdog",
                          "the watchdog", "the regulator", "the inspectorate", "Ofsted inspectors",
                          "the inspectors", "inspectors", "Inspectors")),
    "Department for Education": ("department-for-education", ("Department for Education", "DfE",
                                                               "Education Department")),
    "NSPCC": ("nspcc", ("NSPCC", "National Society for the Prevention of Cruelty to Children")),
    "Local Government Association": ("local-government-association", ("Local Government Association", "LGA")),
    "Association of Directors of Children's Services": (
        "adcs", ("Association of Directors of Children's Services",
                 "Association of Directors of Children’s Services", "ADCS")),
    "Barnardo's": ("barnardos", ("Barnardo's", "Barnardo’s")),
    "Action for Children": ("action-for-children", ("Action for Children",)),
    "The Children's Society": ("the-childrens-society", ("The Children's Society", "The Children’s Society",
                                                         "the Children's Society", "the Children’s Society")),
    "Children's Commissioner": ("childrens-commissioner", ("Children's Commissioner", "Children’s Commissioner")),
    "British Association of Social Workers": ("basw", ("British Association of Social Workers", "BASW")),
    "Unison": ("unison", ("Unison", "UNISON")),
    "Cafcass": ("cafcass", ("Cafcass", "CAFCASS")),
}
OFSTED = Speaker("Ofsted", "organisation/ofsted")
_BY_ALIAS = {form: (name, slug) for name, (slug, aliases) in ORGANISATIONS.items() for alias in aliases
             for form in {alias, re.sub(r"^the ", "The ", alias)}}
_ORGANISATION = re.compile(
    r"(?<![\w’'])(?:" + "|".join(map(re.escape, sorted(_BY_ALIAS, key=len, reverse=True))) + r")(?![\w-])")
_REPORT = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]er|[Hh]is|[Tt]heir|[Tt]his|[Tt]hat)\s+(?:[\w’'-]+\s+){0,2}?(?:report|letter)\b"
    r"|\bThe (?:inspection|visit)\b|\bOfsted(?:['’]s)? (?:[\w-]+ ){0,2}(?:report|letter|inspection|visit)\b"
)
_NOT_OFSTED_REPORT = re.compile(r"\b(?:council|press|police|own|annual|news|newspaper|audit)\b", re.IGNORECASE)
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person|people)|press release|press office|statement|representative)\b")
_PRONOUN = re.compile(r"\b(He|he|She|she|It|it|They|they)\b")
_COUNCIL_ROLE = re.compile(r"\b(?:council|cabinet|leader|councillor|chief executive|director|mayor|portfolio|"
                           r"committee)\b", re.IGNORECASE)
#: a role's leading determiner, and an owner named by a common noun: "the group's", "The authority's"
_OWNER = re.compile(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
                    r"(?:(?:group|party|council|authority|charity|union|department)['’]s\s+)?")
#: a body the role names that no table knows: "chief executive of the charity Kinship Futures"
_NAMED_BODY = re.compile(r"\b(?:charity|campaign group|union|foundation)\s+([A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*)")
#: a word that makes the mention after it an object, not a subject ("In Portsmouth", "relation to Graham")
PREPOSITION = re.compile(r"\b(?:[Ii]n|of|for|at|on|from|to|with|about|into|across|over)\s+$")
_SECOND_DESCRIPTION = re.compile(r"\s+and an?\s+")
#: more distinct people than any article has: past it, capitalised noise is not read as names
MAX_PEOPLE = 200


@dataclass(frozen=True)
class Mention:
    """A stretch of prose that refers to someone: ``kind`` is person, spokes (an unnamed
    spokesperson), org (an organisation, council or report), or a pronoun (he, she, it, they)."""

    start: int
    end: int
    kind: str
    text: str
    person: NamedPerson | None = None
    speaker: Speaker | None = None
    gender: str = ""  # of a spokesperson: "m" for spokesman, "f" for spokeswoman

    @property
    def person_like(self) -> bool:
        return self.kind in ("person", "spokes", "he", "she")


class Mentions:
    """All mentions of an article in order, and the people it names."""

    def __init__(self, reading: "Reading"):
        self.reading = reading
        self.people: dict[str, NamedPerson] = {}
        self.bodies = _outermost(self._organisations())  # councils, organisations and reports
        self._body_starts = [m.start for m in self.bodies]
        people = self._people(self.bodies)
        named = _Spans(people)
        found = _outermost([m for m in self.bodies if not named.covers(m.start)] + people)
        found += self._spokespeople(found)
        found += [Mention(m.start(), m.end(), m.group(1).lower(), m.group(0)) for m in _PRONOUN.finditer(reading.masked)]
        self.all = sorted(found, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.all]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie inside ``[start, end)``."""
        i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.all[i:j] if m.end <= end]

    def resolve(self, m: Mention) -> Speaker | None:
        """Who a mention refers to, as a speaker."""
        if m.kind == "person":
            return m.person.speaker
        if m.kind in ("org", "spokes"):
            return m.speaker
        if m.kind in ("he", "she"):
            gender = "m" if m.kind == "he" else "f"
            for prior in self._before(m.start):
                if prior.kind == "person" and prior.person.gender in ("", gender):
                    return self._subject_of_sentence(prior, gender).person.speaker
                if prior.kind == "spokes" and prior.gender in ("", gender):
                    return prior.speaker
            return None
        return next((prior.speaker for prior in self._before(m.start) if prior.kind == "org"), None)

    def _subject_of_sentence(self, person: Mention, gender: str) -> Mention:
        """The person a pronoun after ``person`` refers to: ``person``, unless it follows a preposition and
        its sentence has a person of that gender before it who does not ("Cllr Jo Bloggs is no relation to
        Graham. She ...")."""
        masked = self.reading.masked
        if not PREPOSITION.search(masked[max(0, person.start - 8):person.start]):
            return person
        s_start = self.reading.sentence_of(person.start)[0]
        subjects = [m for m in self.within(s_start, person.start) if m.kind == "person" and m.person.gender in
                    ("", gender) and not PREPOSITION.search(masked[max(0, m.start - 8):m.start])]
        return subjects[0] if subjects else person

    def _before(self, offset: int, limit: int = 60) -> Iterator[Mention]:
        i = bisect_left(self.starts, offset)
        yield from reversed(self.all[max(0, i - limit):i])

    # -- finding mentions

    def _organisations(self) -> list[Mention]:
        masked = self.reading.masked
        found = [Mention(m.start, m.end, "org", m.text, speaker=Speaker(m.authority.name, m.authority.ref, m.text))
                 for m in self.reading.councils]
        for m in _ORGANISATION.finditer(masked):
            name, slug = _BY_ALIAS[m.group(0)]
            found.append(Mention(m.start(), m.end(), "org", m.group(0),
                                 speaker=Speaker(name, f"organisation/{slug}", m.group(0))))
        for m in _REPORT.finditer(masked):
            if not _NOT_OFSTED_REPORT.search(m.group(0)):
                found.append(Mention(m.start(), m.end(), "org", m.group(0),
                                     speaker=Speaker(OFSTED.name, OFSTED.ref, m.group(0))))
        return found

    def _spokespeople(self, found: list[Mention]) -> list[Mention]:
        """"An NSPCC spokesman", "a council press release", "a spokeswoman for Bradford Council"."""
        text, masked = self.reading.text, self.reading.masked
        orgs = [m for m in found if m.kind == "org"]
        by_end = {m.end: m for m in orgs}
        by_start = {m.start: m for m in orgs}
        out = []
        for m in _SPOKES.finditer(masked):
            gap = re.search(r"[ -]*$", masked[max(0, m.start() - 3):m.start()])
            before = by_end.get(m.start() - len(gap.group(0)))
            link = re.match(r"\s+(?:for|from|of|at)\s+", masked[m.end():m.end() + 8])
            org = before or (by_start.get(m.end() + link.end()) if link else None)
            if org is None:
                continue
            start, end = (org.start, m.end()) if before else (m.start(), org.end)
            determiner = re.search(r"\b(?:[Aa]n?|[Tt]he)\s+$", masked[max(0, start - 4):start])
            start -= len(determiner.group(0)) if determiner else 0
            words = m.group(0)
            gender = "f" if "woman" in words else "m" if words.endswith("man") else ""
            out.append(Mention(start, end, "spokes", text[start:end], gender=gender,
                               speaker=Speaker(org.speaker.name, org.speaker.ref, text[start:end])))
        return out

    def _people(self, orgs: list[Mention]) -> list[Mention]:
        """Named people: full names in a person's context, then titles with surnames, then bare surnames
        and first names."""
        masked = self.reading.masked
        taken = _Spans([m for m in orgs if " " in m.text.strip() or m.text.isupper()])
        mentions: list[Mention] = []
        bare: list[tuple[int, int, str]] = []  # full names with no context of their own
        for p in self.reading.layout.prose:
            for match in FULL_NAME.finditer(masked, p.start, p.end):
                tokens = name_tokens(match.group(0))
                if not tokens or len(self.people) >= MAX_PEOPLE:
                    continue
                name = " ".join(tokens)
                end = match.end()
                start = end - len(name)
                if taken.overlaps(start, end):
                    continue
                role = person_context(masked, start, end, p.start, p.end)
                if role is None and name not in self.people:
                    bare.append((start, end, name))
                    continue
                person = self.people.setdefault(name, NamedPerson(name))
                if role:
                    self._learn(person, role)
                mentions.append(Mention(start, end, "person", name, person=person))
        mentions += self._bare(bare, _Spans(orgs))
        mentions += self._titled(_Spans(mentions))
        short = {p.name.split()[0]: p for p in self.people.values()
                 if " " in p.name and not re.fullmatch(TITLE, p.name.split()[0])}  # the last of each first name
        short.update({p.surname: p for p in self.people.values() if " " in p.name})
        if short:
            named = _Spans(mentions)
            pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, short)) + r")(?![\w’'-])")
            for match in pattern.finditer(masked):
                if not named.covers(match.start()):
                    mentions.append(Mention(match.start(), match.end(), "person", match.group(0),
                                            person=short[match.group(0)]))
        return mentions

    def _bare(self, bare: list[tuple[int, int, str]], bodies: "_Spans") -> list[Mention]:
        """Full names a feature gives without title or role: a person when introduced as one (", from
        Grays, waited") or when their first name or surname alone speaks elsewhere ("Amira says")."""
        masked = self.reading.masked
        speaking = {masked[a:b] for a, b in speaking_words(masked) if not bodies.covers(a)}
        out = []
        for start, end, name in bare:
            words = name.split()
            speaks = words[0] in speaking or words[-1] in speaking
            if bodies.overlaps(start, end) or not (speaks or introduced(masked[end:end + 80])):
                continue
            if len(self.people) >= MAX_PEOPLE:
                break
            out.append(Mention(start, end, "person", name, person=self.people.setdefault(name, NamedPerson(name))))
        return out

    def _titled(self, named: "_Spans") -> list[Mention]:
        """"Ms Steele", "Mrs Sue Mullins", "Cllr Bloggs": a named person (or a new one), and their gender."""
        out = []
        by_surname = {p.surname: p for p in self.people.values()}  # the last named of each surname
        for match in TITLED.finditer(self.reading.masked):
            title, words = match.group(1), match.group(2).split()
            if len(words) == 1:
                person = by_surname.get(words[0])
                if person is None and words[0] not in NOT_NAME and len(self.people) < MAX_PEOPLE:
                    person = self.people.setdefault(f"{title} {words[0]}", NamedPerson(f"{title} {words[0]}"))
            else:
                person = self.people.get(" ".join(words))
            if person is None:
                continue
            if not person.gender:
                person.gender = "f" if title in TITLES_F else "m" if title in TITLES_M else ""
            if title in TITLE_ROLES:
                self._learn(person, Role(title, match.start(), match.start(), match.end()))
            if not named.covers(match.start(2)):
                out.append(Mention(match.start(), match.end(), "person", match.group(0), person=person))
        return out

    def _learn(self, person: NamedPerson, role: Role) -> None:
        """Give a person the role the text shows, unless they have a fuller one already."""
        if not role.words or person.role and person.role not in TITLE_ROLES:
            return
        person.role, person.organisation = self._role_and_organisation(role.words, role.start)
        person.role_evidence = self.reading.text[role.span_start:role.span_end].strip(" ,")

    def _role_and_organisation(self, role: str, role_start: int) -> tuple[str, Speaker | None]:
        """A role as worded, without a leading determiner or owner ("The authority's"), and the
        organisation it is in: named in the role (a charity by the name after "charity"), else Ofsted
        for an inspector, else the one council the article is about for a council role. A second description ("... and a former
        paediatrician") is not part of the role."""
        role = _SECOND_DESCRIPTION.split(role.strip())[0]
        role_end = role_start + len(role)
        i = bisect_left(self._body_starts, role_start)
        org = self.bodies[i] if i < len(self.bodies) and self.bodies[i].end <= role_end else None
        role = _OWNER.sub("", role)
        if org is not None and org.start <= role_end - len(role) + 1:
            rest = re.sub(r"^(?:['’]s)?\s+", "", self.reading.text[org.end:role_end])
            if rest and ROLE_WORD.search(rest):
                role = rest
        speaker = org.speaker if org else None
        named = _NAMED_BODY.search(role)
        if speaker is None and named:
            speaker = Speaker(named.group(1), f"organisation/{slugify(named.group(1))}")
        if speaker is None and re.search(r"\b(?:inspector|HMI)\b", role, re.IGNORECASE):
            speaker = OFSTED
        council = self.reading.only_council
        other_body = re.search(r"\b(?:trust|company|partnership|charity|board|police|nhs|select committee)\b", role,
                               re.IGNORECASE)
        if speaker is None and council is not None and _COUNCIL_ROLE.search(role) and not other_body:
            speaker = Speaker(council.name, council.ref)
        return role.strip(" ,"), Speaker(speaker.name, speaker.ref) if speaker else None


class _Spans:
    """Non-overlapping mentions, sorted, for quick "is this offset inside one?" questions."""

    def __init__(self, mentions: list[Mention]):
        spans = _outermost(mentions)
        self.starts = [m.start for m in spans]
        self.ends = [m.end for m in spans]

    def covers(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside longer ones ("Ofsted" inside "a damning Ofsted report")."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not (out and m.start < out[-1].end):
            out.append(m)
    return out

