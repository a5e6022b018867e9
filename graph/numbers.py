"""Sums of money and percentages, with who pledges the money and what a percentage measures.

>>> parse_money("£3.5m"), parse_money("£250,000"), parse_money("£1.2bn")
(3500000, 250000, 1200000000)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from .attribution import attribute
from .extraction import Amount, Percentage
from .reading import Reading

MONEY = re.compile(
    r"£\s?(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?P<u>bn|billion|m|million|k|thousand)(?![a-z]))?"
    r"|(?P<n2>\d+(?:\.\d+)?)\s?(?P<u2>million|billion|thousand)?\s+pounds\b"
)
_MULTIPLIER = {"bn": 10**9, "billion": 10**9, "m": 10**6, "million": 10**6, "k": 10**3, "thousand": 10**3}
_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?(?:%|per ?cent\b|percent\b)")
_PLEDGE = re.compile(r"\b(?:invest\w*|pledg\w*|commit\w*|fund\w*|extra|additional|allocat\w*|spend\w*|"
                     r"budget\w*|boost\w*|inject\w*|announc\w*|set aside|earmark\w*|put)\b", re.IGNORECASE)
_FILLER = set("at of to by was is were are rose fell from about around nearly almost just over under some only down "
              "with and while".split())


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def parse_money(text: str) -> int | float | None:
    """The value in pounds of "£5m", "£3.5 million", "£250,000", "2 million pounds"; None if not money."""
    m = MONEY.fullmatch(text.strip())
    if not m:
        return None
    digits = (m.group("n") or m.group("n2")).replace(",", "")
    unit = (m.group("u") or m.group("u2") or "").lower()
    return _number(Decimal(digits) * _MULTIPLIER.get(unit, 1))


def amounts(reading: Reading) -> list[Amount]:
    """Every sum of money in the prose; ``committed_by`` is set when the words pledge it."""
    pledges = [m.start() for m in _PLEDGE.finditer(reading.text)]
    out = []
    for s_start, s_end in reading.sentences:
        for m in MONEY.finditer(reading.text, s_start, s_end):
            start, end = max(s_start, m.start() - 200), min(s_end, m.end() + 200)
            i = bisect_left(pledges, start)
            pledged = i < len(pledges) and pledges[i] < end
            payer = _payer(reading, m.start(), s_start, s_end) if pledged else ""
            out.append(Amount(parse_money(m.group(0)), "GBP", m.group(0).strip(), reading.text[start:end], payer))
    return out


def _payer(reading: Reading, at: int, s_start: int, s_end: int) -> str:
    """Who pledges money: the council (or its person) that says it, else the council of the sentence."""
    quote = reading.in_quote(at, at + 1)
    speaker = attribute(reading, quote) if quote is not None else None
    if speaker and speaker.ref.startswith("authority/"):
        return speaker.ref
    person = reading.mentions.people.get(speaker.name) if speaker else None
    if person and person.organisation and person.organisation.ref.startswith("authority/"):
        return person.organisation.ref
    council = reading.council_for(s_start, s_end, at)
    return council.ref if council else ""


def percentages(reading: Reading) -> list[Percentage]:
    """Every percentage in the prose, with the words for what it measures."""
    out = []
    for s_start, s_end in reading.sentences:
        for m in _PERCENT.finditer(reading.text, s_start, s_end):
            start, end = max(s_start, m.start() - 200), min(s_end, m.end() + 200)
            measure = _measure(reading.text[start:m.start()], reading.text[m.end():end])
            out.append(Percentage(_number(Decimal(m.group(1))), m.group(0), reading.text[start:end], measure))
    return out


def _measure(before: str, after: str) -> str:
    """What a percentage measures, in the article's words: its clause before it, else after it."""
    words = re.split(r"[;:!?]|\.(?!\d)", before[-150:])[-1].replace(",", " , ").split()
    while words and (words[-1].lower() in _FILLER or words[-1] == ","):
        words.pop()
    words = " ".join(words).replace(" , ", ", ").split()
    if len(words) >= 3:
        return " ".join(words[-10:]).strip(" ,")
    after = re.sub(r"^\s*(?:of\s+)?", "", re.split(r"[;:!?,]|\.(?!\d)", after)[0])
    return " ".join(after.split()[:10]) or " ".join(words)
