"""Quotations in prose: where each starts and ends, across paragraphs if need be.

Curly and straight, double and single marks are all quote marks; an apostrophe
(``children’s``, ``don't``) is not. A quotation nested in another is part of it.
A quotation left open at the end of a paragraph goes on when the next paragraph
opens with the same kind of mark, as British papers print a long quote.

>>> from graph.layout import Layout
>>> [q.text for q in find_quotes(Layout.of("He said: \u201cA.\\n\\n\u201cB \u2018c\u2019.\u201d").prose)]
['A.\\n\\nB \u2018c\u2019.']
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .layout import Paragraph

_OPENERS_BEFORE = " \t([{\u2014\u2013-:/"


@dataclass(frozen=True)
class Quote:
    """A quotation: its words in ``parts`` (article offsets, one per paragraph, marks excluded).

    ``text`` is the words with each paragraph's whitespace folded and paragraphs
    joined by a blank line.
    """

    parts: tuple[tuple[int, int], ...]
    #: offset of the opening mark and just after the closing mark (or the paragraph's end)
    start: int
    end: int
    paragraphs: tuple[int, ...]
    text: str

    @property
    def inner(self) -> tuple[int, int]:
        return self.parts[0][0], self.parts[-1][1]


def _mark(text: str, i: int) -> tuple[str, str] | None:
    """("double" | "single", "open" | "close") for a quote mark at ``text[i]``, else None."""
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "\u201c\u201e":
        return "double", "open"
    if ch == "\u201d":
        return "double", "close"
    if ch == "\u2018":
        return None if after.isdigit() else ("single", "open")
    if ch not in "\u2019\"'":
        return None
    family = "double" if ch == '"' else "single"
    if family == "single" and before.isalnum() and after.isalnum():
        return None  # an apostrophe: children’s, don't
    if (before.isspace() or before in _OPENERS_BEFORE or not i) and not after.isspace():
        return None if ch == "\u2019" else (family, "open")
    if not before.isspace() and not after.isalnum():
        return family, "close"
    return None


_MARKS = "\u201c\u201d\u201e\u2018\u2019\"'"


@dataclass(frozen=True)
class _Marks:
    """The quote marks of one paragraph, classified once: openings as (offset, family), closings by family."""

    text: str
    opens: tuple[tuple[int, str], ...]
    family_opens: dict[str, list[int]]
    closes: dict[str, list[int]]
    #: for each single closing mark, the next one at or after it that is not like a possessive
    firm: list[int]

    @classmethod
    def of(cls, text: str) -> "_Marks":
        opens, closes = [], {"double": [], "single": []}
        for i, ch in enumerate(text):
            mark = _mark(text, i) if ch in _MARKS else None
            if mark:
                opens.append((i, mark[0])) if mark[1] == "open" else closes[mark[0]].append(i)
        firm, following = [], len(text)
        for i in reversed(closes["single"]):
            possessive = text[i - 1] == "s" and text[i + 1:i + 2] == " " and text[i + 2:i + 3].islower()
            following = following if possessive else i
            firm.append(following)
        family_opens = {family: [o for o, f in opens if f == family] for family in closes}
        return cls(text, tuple(opens), family_opens, closes, firm[::-1])

    def next_open(self, start: int) -> tuple[int, str] | None:
        """The first opening mark at or after ``start``: (offset, family)."""
        i = bisect_left(self.opens, (start,))
        return self.opens[i] if i < len(self.opens) else None

    def next_close(self, start: int, family: str) -> int:
        """The first closing mark of ``family`` at or after ``start``, or -1. A single mark after
        an "s" and before a lowercase word ("the parents' views") is taken for a possessive when
        a later closing mark that is not like it can end the quotation instead."""
        closes = self.closes[family]
        i = bisect_left(closes, start)
        if i == len(closes):
            return -1
        if family == "double":
            return closes[i]
        opens = self.family_opens[family]
        k = bisect_left(opens, start)
        reopened = opens[k] if k < len(opens) else len(self.text)
        return self.firm[i] if self.firm[i] < reopened else closes[i]

    def opens_with(self, family: str) -> bool:
        return bool(self.opens) and self.opens[0] == (0, family)


def find_quotes(prose: tuple[Paragraph, ...] | list[Paragraph]) -> list[Quote]:
    """Every outermost quotation in the prose paragraphs, in order."""
    marks = [_Marks.of(p.text) for p in prose]
    quotes: list[Quote] = []
    p, i = 0, 0
    while p < len(prose):
        opening = marks[p].next_open(i)
        if opening is None:
            p, i = p + 1, 0
            continue
        quote, (p, i) = _read(prose, marks, p, *opening)
        if quote is not None:
            quotes.append(quote)
    return quotes


def _read(prose, marks: list[_Marks], p: int, opening: int, family: str) -> tuple[Quote | None, tuple[int, int]]:
    """The quotation opening at ``prose[p].text[opening]``, and where to go on scanning."""
    parts, paragraphs = [], []
    first, start = p, opening
    while True:
        para = prose[p]
        close = marks[p].next_close(start + 1, family)
        if close >= 0:
            parts.append((para.start + start + 1, para.start + close))
            paragraphs.append(p)
            end, resume = para.start + close + 1, (p, close + 1)
            break
        if p + 1 < len(prose) and marks[p + 1].opens_with(family):
            parts.append((para.start + start + 1, para.end))
            paragraphs.append(p)
            p, start = p + 1, 0
            continue
        if family == "single" and not parts:
            return None, (p, opening + 1)  # a lone single mark: an apostrophe after all
        parts.append((para.start + start + 1, para.end))
        paragraphs.append(p)
        end, resume = para.end, (p + 1, 0)
        break
    texts = [" ".join(prose[q].text[a - prose[q].start:b - prose[q].start].split())
             for q, (a, b) in zip(paragraphs, parts)]
    text = "\n\n".join(t for t in texts if t)
    return Quote(tuple(parts), prose[first].start + opening, end, tuple(paragraphs), text), resume
