"""The competency-question library: ``ontology/queries/*.rq``, and the ``query`` command behind the CLI.

Each ``.rq`` file starts with a comment header::

    # title: Grades of every inspection of an authority over time
    # question: What overall grade did each inspection of a council give, oldest first?
    # parameters: ?authority  a local authority, e.g. authority:west-sussex (all when unset)

``title`` and ``question`` are required; a line starting ``#`` plus spaces
continues the previous field. Parameters are variables the query SELECTs;
left unset, the query answers for every value.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, QueryError
from .query import DEFAULT_TIMEOUT, FORMATS, format_result, run_query, standalone
from .store import DEFAULT_DATA

#: Where the library lives, relative to the project root.
QUERIES = Path("ontology/queries")
_FIELD = re.compile(r"#\s?(title|question|parameters):\s*(.*)")
_CONTINUATION = re.compile(r"#\s{2,}(\S.*)")


@dataclass(frozen=True)
class CompetencyQuestion:
    """One library query and its header."""

    name: str
    title: str
    question: str
    parameters: str
    text: str
    path: Path

    @property
    def parameter(self) -> str | None:
        """The variable the ``parameters`` field names first, without its ``?``, if any.

        >>> CompetencyQuestion("q", "T", "Q?", "?authority  a council", "", Path("q.rq")).parameter
        'authority'
        """
        found = re.match(r"\?(\w+)", self.parameters)
        return found.group(1) if found else None


def read_question(path: Path) -> CompetencyQuestion:
    """Read one ``.rq`` file; a missing ``title`` or ``question`` is an ``InputError`` at its path."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError.at(path, 0, f"cannot read: {e}") from None
    fields: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        field, more = _FIELD.match(line), _CONTINUATION.match(line)
        if field:
            last = field.group(1)
            fields[last] = field.group(2).strip()
        elif more and last:
            fields[last] += " " + more.group(1).strip()
        elif not line.startswith("#"):
            break
    for required in ("title", "question"):
        if not fields.get(required):
            raise InputError.at(path, 1, f"the header needs '# {required}: ...'")
    return CompetencyQuestion(path.stem, fields["title"], fields["question"], fields.get("parameters", ""),
                              text, path)


def list_queries(root: Path = Path(".")) -> list[CompetencyQuestion]:
    """Every library query under ``root/ontology/queries``, by name."""
    folder = root / QUERIES
    if not folder.is_dir():
        raise QueryError(f"{folder}: no query library here (run from the project root, or pass --root)", exit_code=2)
    return [read_question(path) for path in sorted(folder.glob("*.rq"))]


def find_query(name: str, root: Path = Path(".")) -> CompetencyQuestion:
    """The library query called ``name`` (the file name without ``.rq``)."""
    library = {q.name: q for q in list_queries(root)}
    if name.removesuffix(".rq") in library:
        return library[name.removesuffix(".rq")]
    close = difflib.get_close_matches(name, library, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else "; `ofsted-kg queries` lists them"
    raise QueryError(f"no library query named {name!r}{hint}", exit_code=2)


def format_queries(questions: list[CompetencyQuestion]) -> str:
    """The library as a readable list: name and title, then the question (and parameters) indented."""
    lines = []
    for q in questions:
        lines.append(f"{q.name}  —  {q.title}")
        lines += textwrap.wrap(q.question, 88, initial_indent="    ", subsequent_indent="    ")
        if q.parameters:
            lines += textwrap.wrap(f"parameters: {q.parameters}", 88, initial_indent="    ", break_on_hyphens=False,
                                   subsequent_indent="        ")
    lines.append(f"({len(questions)} queries; run one with: ofsted-kg query --cq NAME)")
    return "\n".join(lines) + "\n"


def query(query: str | None = None, *, file: Path | None = None, cq: str | None = None,
          data: Path = DEFAULT_DATA, root: Path = Path("."), format: str | None = None,
          parameters: list[str] | None = None, timeout: float = DEFAULT_TIMEOUT, max_width: int = 60,
          show: bool = False) -> str:
    """Run one query given inline, from ``file`` or by library name ``cq``; return the formatted output.

    With ``show``, return the query's text instead, with the PREFIX lines it needs (see ``standalone``).

    >>> print(query(cq="authority-grades-over-time", parameters=["authority=authority:worcestershire"],
    ...             format="tsv").splitlines()[1])                     # doctest: +NORMALIZE_WHITESPACE
    <https://w3id.org/ofsted-kg/id/authority/worcestershire>  <https://w3id.org/ofsted-kg/id/inspection/worcestershire-2016-sif>
    "single inspection (SIF)"@en  "2017-01-24"^^<http://www.w3.org/2001/XMLSchema#date>  "inadequate"@en
    """
    given = [what for what, value in (("a query", query), ("--file", file), ("--cq", cq)) if value is not None]
    if len(given) != 1:
        raise QueryError("give exactly one of: a query, --file PATH or --cq NAME"
                         + (f" (got {' and '.join(given)})" if given else ""), exit_code=2)
    if format is not None and format not in FORMATS:
        raise QueryError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}", exit_code=2)
    if file is not None:
        try:
            query = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"cannot read query file {file}: {getattr(e, 'strerror', None) or e}", exit_code=2) from None
    elif cq is not None:
        query = find_query(cq, root).text
    if show:
        return standalone(query)
    result = run_query(query, data=data, timeout=timeout, parameters=parameters)
    return format_result(result, format, max_width=max_width)
