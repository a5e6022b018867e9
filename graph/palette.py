"""Colours and shapes shared by the network page, the grade timeline and the Gephi export.

Grades run green (outstanding) to red (inadequate); the other node types use
hues far from those, so a grade never reads as a type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    """How a node type is drawn: a vis-network shape and a fill colour (#rrggbb)."""

    shape: str
    colour: str


TYPE_STYLES: dict[str, Style] = {
    "authority": Style("hexagon", "#1f4e9c"),
    "inspection": Style("diamond", "#9e9e9e"),
    "person": Style("dot", "#7b3294"),
    "organisation": Style("square", "#4f5b66"),
    "article": Style("triangle", "#0a8f8f"),
    "statement": Style("star", "#d65f9c"),
    "finding": Style("triangleDown", "#a6761d"),
}

#: Fill of an inspection by its overall grade (``ungraded``: visits without a grade).
GRADE_COLOURS: dict[str, str] = {
    "outstanding": "#1a7f37",
    "good": "#86c240",
    "requires-improvement": "#f0a030",
    "inadequate": "#d62d20",
    "ungraded": "#b5b5b5",
}

#: Lines of the timeline, one colour per council in turn (dark, away from the grade hues).
LINE_COLOURS: tuple[str, ...] = ("#1f4e9c", "#7b3294", "#01665e", "#8c510a", "#c51b7d", "#4d4d4d",
                                 "#2c7fb8", "#5e3c99")


def darker(colour: str, amount: float = 0.3) -> str:
    """``colour`` mixed with black: a border that goes with its fill.

    >>> darker("#ffffff", 0.5)
    '#808080'
    """
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in channels)


def rgb(colour: str) -> dict[str, int]:
    """``{"r": .., "g": .., "b": ..}`` for ``#rrggbb`` (the form GEXF's viz:color takes)."""
    return {key: int(colour[i:i + 2], 16) for key, i in zip("rgb", (1, 3, 5))}
