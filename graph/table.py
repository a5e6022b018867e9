"""Plain-text tables with aligned columns, as the commands print them.

>>> print("\\n".join(aligned(["name", "n"], [["a", "1"], ["bb", "22"]], right={1})))
name   n
a      1
bb    22
"""

from __future__ import annotations

from collections.abc import Collection, Sequence


def aligned(header: Sequence[str], rows: Sequence[Sequence[str]], *, right: Collection[int] = (),
            rule: bool = False, indent: str = "") -> list[str]:
    """The lines of a table: columns two spaces apart, those in ``right`` right-aligned.

    ``rule`` draws a line of ``─`` under the header; trailing spaces are dropped.
    """
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        return (indent + "  ".join(cells)).rstrip()

    lines = [line(header)]
    if rule:
        lines.append(indent + "  ".join("─" * w for w in widths))
    return lines + [line(row) for row in rows]
