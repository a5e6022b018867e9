"""One article being read: its layout, quotations, sentences, date and councils.

Everything here is computed once per article and shared by the rules that find
statements, grades and numbers. Offsets are offsets in the (repaired) article text.
``masked`` is the text with everything but prose outside quotations blanked, so
rules about attribution never read words inside a quotation or on page furniture.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .gazetteer import Authority, Mention as CouncilMention, find_authorities
from .layout import Layout, sentences
from .quotes import Quote, find_quotes

YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")
#: a date line: "Published 4th Dec 2020", "Posted on: 9 November 2022", "Thursday 9 November 2022",
#: "March 5, 2025 in Children, Workforce" (a trade paper's byline), "Tue 11 Mar 2025 06.00 GMT",
#: "09:14, 21 Nov 2024 Updated ..." (a time first), "For immediate release: Friday 17 January 2025"
_PUBLISHED = re.compile(
    r"^(?:(?:Published|First published|Posted|Date|(?i:for immediate release))\s*:?\s*(?:on\s*:?\s+)?)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]m)?,?\s+)?(?:(?:[A-Z][a-z]+day|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun),?\s+)?"
    r"(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Z][a-z]+)\.?,?"
    r"|(?P<m2>[A-Z][a-z]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)\s+(?P<y>(?:19|20)\d\d)\b"
)
_MONTHS = {m[:3]: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
#: how much of a long sentence around a match the rules read and quote as evidence
WINDOW = 300


def _blank(text: str) -> str:
    return re.sub(r"\S", " ", text)


class Reading:
    """An article's text with its layout, quotations, sentences, date, councils and mentions."""

    def __init__(self, text: str):
        from .mentions import Mentions  # mentions read a Reading

        self.text = text
        self.layout = Layout.of(text)
        self.quotes = find_quotes(self.layout.prose)
        self.quote_starts = [q.start for q in self.quotes]
        self.masked = self._mask()
        self.sentences = self._sentences()
        self.sentence_starts = [s for s, _ in self.sentences]
        self.published, self.published_words = self._published()
        self.year = self._year()
        #: councils named or referred to ("the council") in prose outside quotations
        self.councils: list[CouncilMention] = find_authorities(self.masked, year=self.year, generic=True)
        self.council_starts = [m.start for m in self.councils]
        #: councils named anywhere but on page furniture (headline and quotations too)
        self.named: list[CouncilMention] = find_authorities(self._visible(), year=self.year)
        self.main_council = self._main_council()
        self.only_council = self.main_council if len({m.authority.code for m in self.named}) == 1 else None
        self.mentions = Mentions(self)

    def _mask(self) -> str:
        chars = list(_blank(self.text))
        for p in self.layout.prose:
            chars[p.start:p.end] = self.text[p.start:p.end]
        for q in self.quotes:
            chars[q.start:q.end] = _blank(self.text[q.start:q.end])
        return "".join(chars)

    def _visible(self) -> str:
        chars = list(self.text)
        for p in self.layout.furniture:
            chars[p.start:p.end] = _blank(p.text)
        return "".join(chars)

    def _sentences(self) -> list[tuple[int, int]]:
        out = []
        for p in self.layout.prose:
            first = max(0, bisect_left(self.quote_starts, p.start) - 1)  # a quotation may run in from before
            local = [q.inner for q in self.quotes[first:bisect_right(self.quote_starts, p.end)]]
            out.extend(sentences(p, local))
        return out

    def _published(self) -> tuple[str, str]:
        for line in self.layout.furniture:
            match = _PUBLISHED.match(line.text)
            month = _MONTHS.get((match.group("m") or match.group("m2"))[:3].lower()) if match else None
            if month:
                day = int(match.group("d") or match.group("d2"))
                return f"{match.group('y')}-{month:02d}-{day:02d}", line.text
        return "", ""

    def _year(self) -> int | None:
        """The year the article is about: its printed date, else the latest year it mentions."""
        if self.published:
            return int(self.published[:4])
        years = [int(y) for y in YEAR.findall(self.masked)]
        return max(years) if years else None

    def _main_council(self) -> Authority | None:
        """The council named most often (the first of those named as often)."""
        counts: dict[str, tuple[int, int, Authority]] = {}
        for m in self.named:
            n, first, a = counts.get(m.authority.code, (0, m.start, m.authority))
            counts[m.authority.code] = (n + 1, first, a)
        return max(counts.values(), key=lambda t: (t[0], -t[1]))[2] if counts else None

    # -- looking things up by offset

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence around ``offset``, at most ``WINDOW`` characters either side of it."""
        i = bisect_right(self.sentence_starts, offset) - 1
        start, end = self.sentences[i] if i >= 0 else (offset, offset)
        return max(start, offset - WINDOW), min(end, offset + WINDOW)

    def in_quote(self, start: int, end: int) -> Quote | None:
        """The quotation that ``[start, end)`` lies in, if any."""
        i = bisect_right(self.quote_starts, start) - 1
        if i >= 0 and self.quotes[i].start <= start and end <= self.quotes[i].end:
            return self.quotes[i]
        return None

    def councils_in(self, start: int, end: int) -> list[CouncilMention]:
        i, j = bisect_left(self.council_starts, start), bisect_left(self.council_starts, end)
        return [m for m in self.councils[i:j] if m.end <= end]

    def council_for(self, s_start: int, s_end: int, at: int) -> Authority | None:
        """The council a sentence is about: named in it (nearest before ``at``), else the last named
        before it, else the article's main council."""
        in_sentence = self.councils_in(s_start, s_end)
        before = [m for m in in_sentence if m.start < at]
        if before or in_sentence:
            return (before or in_sentence)[-1].authority
        i = bisect_left(self.council_starts, s_start)
        return self.councils[i - 1].authority if i else self.main_council
