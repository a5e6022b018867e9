"""The grade timeline: each council's overall-effectiveness grades over time, as SVG.

x is the date of each graded inspection (report published, else fieldwork began;
a month or year alone is placed at its middle), y the grade from 1 outstanding at
the top to 4 inadequate at the bottom, one line per council. Written with the
standard library; every text from the data is escaped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .files import write_atomic
from .network import Facts, display_date, grade_slug, read_facts
from .palette import GRADE_COLOURS, LINE_COLOURS
from .store import DEFAULT_DATA, load_store

GRADES = ((1, "outstanding", "outstanding"), (2, "good", "good"),
          (3, "requires-improvement", "requires improvement"), (4, "inadequate", "inadequate"))
WIDTH, LEFT, RIGHT, TOP, PLOT_HEIGHT, AXIS = 960, 180, 28, 60, 200, 40
LEGEND_ROW, LEGEND_COLUMNS, LEGEND_MAX = 20, 3, 30
#: Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Point:
    """One graded inspection: when (in years), its grade (1-4) and what a reader sees on hover."""

    when: float
    grade: int
    slug: str
    title: str


@dataclass(frozen=True)
class Line:
    """A council and its graded inspections in date order."""

    authority: str
    label: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Timeline:
    """What ``timeline`` wrote."""

    path: Path
    councils: int
    inspections: int


def year_fraction(value: str) -> float | None:
    """A date, year-month or year as a number of years, at the middle of what it names.

    >>> year_fraction("2019"), year_fraction("2019-07")
    (2019.5, 2019.5416666666667)
    """
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            start = dt.date(year, 1, 1)
            days = (dt.date(year + 1, 1, 1) - start).days
            return year + ((dt.date(year, month, day) - start).days + 0.5) / days
        if month is not None:
            return year + (month - 0.5) / 12 if 1 <= month <= 12 else None
    except ValueError:
        return None
    return year + 0.5


def grade_lines(facts: Facts, authorities: Iterable[str] | None = None) -> list[Line]:
    """One line per council (of ``authorities``, default all) with at least one graded inspection."""
    wanted = set(authorities) if authorities is not None else None
    points: dict[str, list[Point]] = {}
    for iri in sorted(facts.inspections):
        inspection = facts.inspections[iri]
        council = inspection.authority
        concept = facts.concepts.get(inspection.overall or "")
        when = year_fraction(inspection.date or "")
        if council is None or concept is None or concept.notation is None or when is None:
            continue
        if wanted is not None and council not in wanted:
            continue
        title = (f"{facts.label(iri)}: {concept.label} "
                 f"({'published' if inspection.issued else 'fieldwork began'} {display_date(inspection.date)})")
        points.setdefault(council, []).append(Point(when, concept.notation, grade_slug(inspection.overall), title))
    lines = [Line(a, facts.label(a), tuple(sorted(p, key=lambda p: (p.when, p.title)))) for a, p in points.items()]
    return sorted(lines, key=lambda line: (line.label.casefold(), line.authority))


def xml_text(text: str) -> str:
    """``text`` escaped for XML content (a carriage return too, so it survives); characters XML
    cannot hold become U+FFFD."""
    return escape(_NOT_XML.sub("\ufffd", text), {"\r": "&#13;"})


def timeline_svg(lines: list[Line]) -> str:
    """The picture of ``lines`` as an ``<svg>`` element (no XML declaration, so it can be inlined)."""
    legend_rows = 0 if len(lines) > LEGEND_MAX else math.ceil(len(lines) / LEGEND_COLUMNS)
    height = TOP + PLOT_HEIGHT + AXIS + (legend_rows * LEGEND_ROW + 16 if lines else 0)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="okg-timeline" viewBox="0 0 {WIDTH} {height}" '
           f'width="{WIDTH}" height="{height}" font-family="sans-serif" font-size="12" role="img">',
           "<title>Overall effectiveness grades over time, one line per council</title>",
           f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
           '<text x="16" y="24" font-size="16" font-weight="bold" fill="#222">Overall effectiveness over time</text>',
           '<text x="16" y="44" fill="#555">One line per council; each dot is a graded inspection, '
           'coloured by its grade. Hover for details.</text>']
    if not lines:
        out.append(f'<text x="{LEFT}" y="{TOP + PLOT_HEIGHT / 2:.1f}" fill="#555">No graded inspections to show.</text>')
        return "\n".join(out + ["</svg>"]) + "\n"
    whens = [p.when for line in lines for p in line.points]
    first, last = math.floor(min(whens)), math.floor(max(whens)) + 1
    span = max(last - first, 1)
    right = WIDTH - RIGHT

    def x(when: float) -> float:
        return LEFT + (when - first) / span * (right - LEFT)

    def y(grade: int) -> float:
        return TOP + (grade - 1) * PLOT_HEIGHT / 3

    for grade, slug, name in GRADES:
        out.append(f'<line x1="{LEFT}" x2="{right}" y1="{y(grade):.1f}" y2="{y(grade):.1f}" stroke="#e3e3e3"/>')
        out.append(f'<circle cx="{LEFT - 12}" cy="{y(grade):.1f}" r="5" fill="{GRADE_COLOURS[slug]}"/>')
        out.append(f'<text x="{LEFT - 22}" y="{y(grade) + 4:.1f}" text-anchor="end" fill="#333">{grade} {name}</text>')
    step = 1 if span <= 12 else 2 if span <= 30 else 5
    axis = TOP + PLOT_HEIGHT + 14
    out.append(f'<line x1="{LEFT}" x2="{right}" y1="{axis}" y2="{axis}" stroke="#999"/>')
    for year in range(first, last + 1):
        out.append(f'<line x1="{x(year):.1f}" x2="{x(year):.1f}" y1="{axis}" y2="{axis + 5}" stroke="#999"/>')
        if (year - first) % step == 0:
            out.append(f'<text x="{x(year):.1f}" y="{axis + 19}" text-anchor="middle" fill="#333">{year}</text>')
    for n, line in enumerate(lines):
        colour = LINE_COLOURS[n % len(LINE_COLOURS)]
        coords = " ".join(f"{x(p.when):.1f},{y(p.grade):.1f}" for p in line.points)
        out.append(f'<g class="council"><title>{xml_text(line.label)}</title>')
        out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.5" '
                   'stroke-linejoin="round" opacity="0.85"/>')
        for p in line.points:
            out.append(f'<circle cx="{x(p.when):.1f}" cy="{y(p.grade):.1f}" r="6" fill="{GRADE_COLOURS[p.slug]}" '
                       f'stroke="{colour}" stroke-width="2"><title>{xml_text(p.title)}</title></circle>')
        out.append("</g>")
    legend_top = axis + AXIS
    if legend_rows:
        column = (WIDTH - 32) / LEGEND_COLUMNS
        for n, line in enumerate(lines):
            lx, ly = 16 + (n // legend_rows) * column, legend_top + (n % legend_rows) * LEGEND_ROW
            colour = LINE_COLOURS[n % len(LINE_COLOURS)]
            out.append(f'<line x1="{lx:.1f}" x2="{lx + 22:.1f}" y1="{ly:.1f}" y2="{ly:.1f}" stroke="{colour}" '
                       'stroke-width="3"/>')
            out.append(f'<text x="{lx + 28:.1f}" y="{ly + 4:.1f}" fill="#333">{xml_text(line.label)}</text>')
    else:
        out.append(f'<text x="16" y="{legend_top:.1f}" fill="#555">{len(lines)} councils: hover a line to see '
                   "which council it is.</text>")
    return "\n".join(out + ["</svg>"]) + "\n"


def timeline(data: Path = DEFAULT_DATA, *, out: Path = Path("exports/timeline.svg")) -> Timeline:
    """Write the grade timeline of every council in ``data`` as a standalone SVG file."""
    lines = grade_lines(read_facts(load_store(data)))
    svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + timeline_svg(lines)
    write_atomic(out, svg.encode("utf-8"))
    return Timeline(out, len(lines), sum(len(line.points) for line in lines))
