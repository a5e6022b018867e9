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
        """``path:line: message``, or ``path: message`` for a whole-file problem (line 0)."""
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class GraphError(Exception):
    """Base class of every error the library raises on purpose.

    ``exit_code`` is what the CLI exits with when it reports the error.
    """

    exit_code = 1


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


class QueryError(GraphError):
    """A SPARQL query that cannot run: refused (it would write), malformed, or too slow.

    ``exit_code`` is 2 for a malformed query (the user's text is wrong), else 1.
    """

    def __init__(self, message: str, *, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


class ServiceError(GraphError):
    """A server or remote store problem: a port in use, an endpoint unreachable or refusing."""


class NotFoundError(GraphError):
    """Something the user named (a person, council or IRI to focus on) is not in the graph."""


class IngestError(InputError):
    """An article that cannot be drafted: empty, binary, far too long, or its draft already exists."""


class ParameterError(GraphError):
    """A parameter out of its range or pointing somewhere it must not (a size, an output folder).

    ``exit_code`` is 2, as for any other misuse of a command.
    """

    exit_code = 2
