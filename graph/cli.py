"""The ``ofsted-kg`` command line.

Each command parses its arguments and calls one library function with the same
parameter names; library errors (``graph.errors``) become one line per problem
on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from . import __version__
from .errors import GraphError, InputError

app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  pretty_exceptions_enable=False)
T = TypeVar("T")

RootOption = Annotated[Path, typer.Option("--root", help="Project folder holding data/, ontology/ and exports/.")]
DataOption = Annotated[Path, typer.Option("--data", help="The RDF file to read (.trig, .ttl, .nt, .jsonld).")]


@contextmanager
def reported() -> Iterator[None]:
    """Turn library errors into ``path:line: message`` lines on stderr and exit code 1."""
    try:
        yield
    except InputError as e:
        for problem in e.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{len(e.problems)} problem(s); nothing was written.", err=True)
        raise typer.Exit(1) from None
    except GraphError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(e.exit_code) from None


def run(function: Callable[..., T], *args, **kwargs) -> T:
    """Call a library function, reporting its errors the CLI way."""
    with reported():
        return function(*args, **kwargs)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ofsted-kg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """ofsted-kg: build, check, query and draw the Ofsted children's services knowledge graph."""


@app.command()
def build(root: RootOption = Path("."),
          out: Annotated[Path | None, typer.Option("--out", help="Folder for the exports [default: ROOT/exports].")] = None
          ) -> None:
    """Check every claim against its source and write the exports (TTL, TriG, N-Triples, JSON-LD).

    Example: ofsted-kg build
    """
    from .build import build as build_dataset

    result, paths = run(build_dataset, root, out=out)
    typer.echo(f"built {result.summary()}")
    for path in paths:
        typer.echo(f"  wrote {path}")


@app.command()
def validate(root: RootOption = Path(".")) -> None:
    """Run every check of `build` without writing anything.

    Example: ofsted-kg validate
    """
    from .build import validate as validate_dataset

    result = run(validate_dataset, root)
    typer.echo(f"ok: {result.summary()}; every claim found verbatim, every reference resolved, "
               "every shape satisfied")


@app.command()
def stats(data: DataOption = Path("exports/ofsted-kg.trig"),
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False) -> None:
    """Count what the graph holds, by class and per source.

    Example: ofsted-kg stats --json
    """
    from .stats import format_stats, stats as count

    result = run(count, data)
    typer.echo(json.dumps(result.to_dict(), indent=2) if as_json else format_stats(result))


@app.command()
def viz(data: DataOption = Path("exports/ofsted-kg.trig"),
        out: Annotated[Path, typer.Option("--out", help="The HTML page to write.")] = Path("exports/network.html"),
        focus: Annotated[str | None, typer.Option(
            "--focus", help="Draw only this person's, council's or other node's neighbourhood: any part of its "
                            "name (any case) or its IRI.")] = None,
        depth: Annotated[int, typer.Option("--depth", min=0, help="How many steps from --focus to draw.")] = 1,
        query: Annotated[Path | None, typer.Option(
            "--query", help="A SPARQL CONSTRUCT query file: draw the nodes its triples mention.")] = None,
        statements: Annotated[bool, typer.Option("--statements", help="Draw each quote as a node.")] = False,
        findings: Annotated[bool, typer.Option("--findings", help="Draw each inspection finding as a node.")] = False,
        ) -> None:
    """Write the interactive network page: one HTML file that works offline, from disk.

    Example: ofsted-kg viz --focus "Sue Mullins" --depth 2 --out mullins.html
    """
    from .viz import viz as write_page

    page = run(write_page, data, out=out, focus=focus, depth=depth, query=query, statements=statements,
               findings=findings)
    grouped = " (opens grouped by council)" if page.clustered else ""
    typer.echo(f"wrote {page.path}: {page.nodes} nodes, {page.edges} edges{grouped}")


class NetworkFormat(str, Enum):
    """What `export` writes: the choices of ``graph.network_files.FORMATS`` (a test keeps them equal)."""

    gexf = "gexf"
    graphml = "graphml"
    csv = "csv"


@app.command()
def export(data: DataOption = Path("exports/ofsted-kg.trig"),
           formats: Annotated[list[NetworkFormat] | None, typer.Option(
               "--format", help="Repeat for several [default: all three].")] = None,
           out: Annotated[Path, typer.Option("--out", help="Folder to write into.")] = Path("exports"),
           ) -> None:
    """Write the network for Gephi and Kumu: GEXF, GraphML, nodes.csv and edges.csv.

    Example: ofsted-kg export --format gexf
    """
    from .network_files import export_network

    result = run(export_network, data, formats=[f.value for f in formats or []], out=out)
    for path in result.paths:
        typer.echo(f"wrote {path}")
    typer.echo(f"{result.nodes} nodes, {result.edges} edges")


@app.command()
def timeline(data: DataOption = Path("exports/ofsted-kg.trig"),
             out: Annotated[Path, typer.Option("--out", help="The SVG file to write.")] = Path("exports/timeline.svg"),
             ) -> None:
    """Draw each council's overall grades over time as an SVG picture.

    Example: ofsted-kg timeline --out grades.svg
    """
    from .timeline import timeline as write_timeline

    result = run(write_timeline, data, out=out)
    typer.echo(f"wrote {result.path}: {result.councils} councils, {result.inspections} graded inspections")


def main() -> None:
    app()
