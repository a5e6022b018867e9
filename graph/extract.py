"""Read a news article about an Ofsted inspection and find its claims, offline, by rules.

``extract(text)`` returns an ``Extraction`` (see ``graph.extraction``): the
councils named (from the gazetteer, ``graph.gazetteer``), the people and their
roles (``graph.people``), who said what (``graph.attribution``), the grades
given (``graph.grades``), sums of money and percentages (``graph.numbers``).
No model and no network: a gazetteer, a small table of national organisations
(``graph.mentions``) and rules about how British news copy is written.

>>> x = extract("Bradford rated good\\n\\nBradford Council was rated good by Ofsted.\\n\\n"
...             "Leader Jo Bloggs said: \\u201cWe are delighted.\\u201d")
>>> x.to_json()["quotes"], x.to_json()["grades"][0]["grade"]
([{'speaker': 'Jo Bloggs', 'text': 'We are delighted.'}], 'good')
"""

from __future__ import annotations

from .attribution import statements
from .errors import IngestError
from .extraction import (Amount, AuthorityRef, Extraction, Grade, Inspection, Percentage, Person, Speaker,
                         Statement, inspection_id, short_hash, slugify)
from .grades import grades, main_inspection
from .numbers import amounts, percentages
from .reading import Reading
from .text import repair_encoding

#: Longer than any news article; the limit keeps ``extract`` fast on any input.
MAX_CHARS = 500_000

__all__ = ["Amount", "AuthorityRef", "Extraction", "Grade", "Inspection", "MAX_CHARS", "Percentage", "Person",
           "Speaker", "Statement", "check_text", "extract", "inspection_id", "short_hash", "slugify"]


def check_text(text: str, path: str = "<article>") -> None:
    """Refuse text that is not an article: binary (a NUL character) or absurdly long."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise IngestError.at(path, line, "binary data (a NUL byte), not an article")
    if len(text) > MAX_CHARS:
        raise IngestError.at(path, 1, f"{len(text):,} characters: longer than any news article "
                                      f"(limit {MAX_CHARS:,}); is this the right file?")


def extract(text: str) -> Extraction:
    """Find the councils, people, quotations, grades, money and percentages in an article.

    The text is repaired first (``拢3.5m`` -> ``£3.5m``); every span reported is a
    span of the repaired text. Raises ``IngestError`` only for binary or huge input.
    """
    check_text(text)
    text, _ = repair_encoding(text.replace("\r\n", "\n"))
    reading = Reading(text)
    found_grades, inspections = grades(reading)
    main = main_inspection(reading, inspections)
    if main is not None:
        inspections = [main] + [i for i in inspections if i.id != main.id]
    authorities: list[AuthorityRef] = []
    for m in reading.named:
        ref = AuthorityRef(m.authority.name, m.authority.gss, m.authority.ref)
        if ref not in authorities:
            authorities.append(ref)
    people = [
        Person(p.name, p.role, p.organisation.name if p.organisation else "", p.speaker.ref,
               p.organisation.ref if p.organisation else "", p.role_evidence)
        for p in reading.mentions.people.values()
    ]
    headline = reading.layout.headline
    first = reading.layout.prose[0].text if reading.layout.prose else ""
    return Extraction(
        authorities=authorities,
        people=people,
        quotes=statements(reading),
        grades=found_grades,
        amounts=amounts(reading),
        percentages=percentages(reading),
        inspections=inspections,
        title=headline.text if headline else "",
        first_line=headline.text if headline else first[:200],
        published=reading.published,
        published_words=reading.published_words,
    )
