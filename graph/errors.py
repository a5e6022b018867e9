"""The library's exceptions. Only the CLI turns them into messages.

Every input problem carries the file and line it was found at, so a message
can say ``data/claims/x.yaml:12: unknown person 'person/jo-bloggs'``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One defect in the input, located at ``path:line``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class GraphError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(GraphError):
    """The input data (articles, registry, claims, ontology) has defects.

    ``problems`` lists all of them, sorted by file and line, so one run of
    ``validate`` shows everything that needs fixing.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str | Path, line: int, message: str) -> "InputError":
        """A single problem: ``raise InputError.at(path, 3, "bad")``."""
        return cls([Problem(display_path(path), line, message)])


def display_path(path: str | Path) -> str:
    """A path as users should read it: relative to the working directory when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class IngestError(InputError):
    """An article that cannot be drafted: empty, binary, far too long, or its draft already exists."""
