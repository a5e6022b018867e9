"""The layout of a news article as scraped: headline, prose paragraphs and page furniture.

A standfirst (the line after the headline that sums the story up, without a full stop)
is display copy like the headline, not prose.

Every paragraph keeps its offset in the article text, so whatever is found in it
can be quoted back verbatim.

>>> layout = Layout.of("Bradford rated good\\n\\nImage caption, The town hall\\n\\nThe council said so.")
>>> layout.headline.text, [p.text for p in layout.prose]
('Bradford rated good', ['The council said so.'])
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

#: Lines that belong to the page, not the story (captions, share buttons, newsletters, footers).
_FURNITURE = re.compile(
    r"^(?:image|photo|picture|video)\s*(?:source|caption|copyright|credit)\b"
    r"|^(?:photo|picture|pic|credit|copyright|source)\s*:"
    r"|^(?:published|last updated|updated|first published)\b[^.]{0,40}\d{4}\s*$"
    r"|^\d{1,2}:\d{2},?\s+\d{1,2}\s+[a-z]+\s+\d{4}\b"  # a live page's date line: "09:14, 21 Nov 2024 Updated ..."
    r"|^(?:read more|related|more on this story|share this|share on|advertisement|click here|listen|watch)\b"
    r"|^you can read the full\b"
    r"|mackman|all rights reserved|©|\bcopyright\b"
    r"|like (?:us on|our) facebook|follow us on|make our website your homepage|register with us"
    r"|don[’']t miss out|always the first with|^be part of it|share with your family"
    r"|ways you can be sure|\bsign up (?:to|for)\b|\bnewsletter\b|\bsubscribe\b"
    r"|^tel\b|contact us"
    r"|(?-i:\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b)"  # a postcode: an address line
    # photo-library codes: "C140029-2", "ENGSUS00120140701135306"
    r"|(?-i:\b[A-Z]\d{5,}-\d+\b|\b[A-Z]{3,}\d{8,}\b)",
    re.IGNORECASE,
)
#: a line of a grade list ("Care leavers: Good") is prose, however short
_GRADE_LINE = re.compile(r":\s*(?:requires? improvement(?: to be good)?|inadequate|good|outstanding)\.?$", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'’”)\]]*\s*$|[\"'’”]\s*$")
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Cllr", "No", "Prof", "Rev", "Revd", "Sgt", "e.g", "i.e", "etc")
_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)]*(?=\s+[\"'‘“(]*[A-Z0-9])")
#: a line this short without a full stop is a label, caption or heading, not prose
_LABEL_WORDS = 8
_HEADLINE_WORDS = 25
_STANDFIRST_WORDS = 40


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the article: ``text`` starts at offset ``start``."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Layout:
    """An article split into its headline (if it has one), prose and furniture."""

    headline: Paragraph | None
    prose: tuple[Paragraph, ...]
    furniture: tuple[Paragraph, ...]

    @classmethod
    def of(cls, text: str) -> "Layout":
        lines = _lines(text)
        counts: dict[str, int] = {}
        for line in lines:
            counts[line.text] = counts.get(line.text, 0) + 1
        headline = lines[0] if lines and _is_headline(lines[0]) and counts[lines[0].text] == 1 else None
        prose, furniture = [], []
        for line in lines:
            if line is headline:
                continue
            repeated = counts[line.text] > 1 and len(line.text.split()) <= _LABEL_WORDS * 2  # a caption twice
            label = _is_label(line.text) and not _GRADE_LINE.search(line.text)
            standfirst = headline is not None and not prose and _is_standfirst(line.text)
            junk = repeated or _FURNITURE.search(line.text) or label or standfirst
            (furniture if junk else prose).append(line)
        return cls(headline, tuple(prose), tuple(furniture))


def _lines(text: str) -> list[Paragraph]:
    out = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group(0)
        stripped = raw.strip()
        if stripped:
            out.append(Paragraph(stripped, match.start() + raw.index(stripped[0])))
    return out


def _is_headline(line: Paragraph) -> bool:
    return len(line.text.split()) <= _HEADLINE_WORDS and not re.search(r"[.!?:;]\s*$", line.text)


def _is_standfirst(text: str) -> bool:
    """Whether the first line after a headline is its standfirst: display copy, without a full stop."""
    return len(text.split()) <= _STANDFIRST_WORDS and not re.search(r"[.!?:;]\s*$", text)


def _is_label(text: str) -> bool:
    return len(text.split()) <= _LABEL_WORDS and not _ENDS_SENTENCE.search(text)


def sentences(paragraph: Paragraph, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The sentences of a paragraph as (start, end) article offsets.

    A full stop inside a ``protected`` span (a quotation, unless it closes it) or
    after a title such as "Mr" does not end a sentence. ``protected`` spans are
    sorted and do not overlap.
    """
    text, base = paragraph.text, paragraph.start
    starts = [a for a, _ in protected]
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        cut = match.end()
        i = bisect_left(starts, base + cut) - 1  # the quotation starting before the cut, if any
        if i >= 0 and base + cut <= protected[i][1]:
            continue
        word = text[max(0, match.start() - 5):match.start()].split(" ")[-1]
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):  # "Mr", "Jane A. Smith"
            continue
        bounds.append((base + start, base + cut))
        start = re.compile(r"\s*").match(text, cut).end()
    bounds.append((base + start, base + len(text)))
    return [(a, b) for a, b in bounds if b > a]
