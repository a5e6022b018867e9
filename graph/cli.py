"""The ``ofsted-kg`` command line.

Each command parses its arguments and calls one library function with the same
parameter names; library errors (``graph.errors``) become one line per problem
on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    triples = sum(len(t) for t in result.graphs.values())
    typer.echo(f"built {len(result.graphs)} named graphs, {triples} triples from {len(result.sources)} sources")
    for path in paths:
        typer.echo(f"  wrote {path}")


@app.command()
def validate(root: RootOption = Path(".")) -> None:
    """Run every check of `build` without writing anything.

    Example: ofsted-kg validate
    """
    from .build import validate as validate_dataset

    result = run(validate_dataset, root)
    typer.echo(f"ok: {len(result.sources)} sources, {sum(len(t) for t in result.graphs.values())} triples, "
               "every claim found verbatim and every shape satisfied")


@app.command()
def stats(data: DataOption = Path("exports/ofsted-kg.trig"),
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False) -> None:
    """Count what the graph holds, by class and per source.

    Example: ofsted-kg stats --json
    """
    from .stats import format_stats, stats as count

    result = run(count, data)
    typer.echo(json.dumps(result.to_dict(), indent=2) if as_json else format_stats(result))


# --- For researchers: query, serve, push, docs -------------------------------------------------

TimeoutOption = Annotated[float, typer.Option("--timeout", min=0.001, help="Seconds before a query is stopped.")]


@app.command("query")
def query_command(
    query: Annotated[str | None, typer.Argument(help="The SPARQL query text (or use --file / --cq).",
                                                show_default=False)] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from this .rq file.")] = None,
    cq: Annotated[str | None, typer.Option("--cq", help="Run the library query NAME (see `ofsted-kg queries`).")] = None,
    parameters: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="Bind a variable: NAME=VALUE (an IRI <...>, a prefixed name, a number or text).")] = None,
    format: Annotated[str | None, typer.Option(
        "--format", help="table, csv, tsv, json (SELECT/ASK); turtle, ntriples (CONSTRUCT/DESCRIBE).")] = None,
    data: DataOption = Path("exports/ofsted-kg.trig"),
    root: RootOption = Path("."),
    timeout: TimeoutOption = 30.0,
    max_width: Annotated[int, typer.Option("--max-width", min=0, help="Cut table cells longer than this (0: never).")] = 60,
    show: Annotated[bool, typer.Option("--show", help="Print the query with the PREFIX lines it needs instead of "
                                                      "running it (to paste into the query page or another store).")] = False,
) -> None:
    """Run a read-only SPARQL query over the built graph; every contract prefix is predeclared.

    Examples: ofsted-kg query 'SELECT ?i ?d WHERE { ?i a okg:Inspection ; dcterms:issued ?d }' ;
    ofsted-kg query --cq grade-falls --format csv ;
    ofsted-kg query --cq authority-grades-over-time --param authority=authority:worcestershire ;
    ofsted-kg query --cq grade-falls --show
    """
    from .queries import query as run_query_text

    output = run(run_query_text, query, file=file, cq=cq, data=data, root=root, format=format,
                 parameters=parameters, timeout=timeout, max_width=max_width, show=show)
    typer.echo(output, nl=not output.endswith("\n"))


@app.command()
def queries(root: RootOption = Path(".")) -> None:
    """List the competency-question library (ontology/queries/*.rq) with titles and questions.

    Example: ofsted-kg queries
    """
    from .queries import format_queries, list_queries

    typer.echo(format_queries(run(list_queries, root)), nl=False)


@app.command()
def serve(
    data: DataOption = Path("exports/ofsted-kg.trig"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (keep 127.0.0.1 unless you mean it).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port (0: any free port).")] = 7878,
    cache: Annotated[Path, typer.Option("--cache", help="Folder for the on-disk store.")] = Path(".cache/oxigraph"),
    timeout: TimeoutOption = 30.0,
) -> None:
    """Serve the graph read-only with the Oxigraph SPARQL server and its query page, until Ctrl-C.

    Example: ofsted-kg serve   (then open http://127.0.0.1:7878/)
    """
    from .server import serve as run_server

    run(run_server, data, host=host, port=port, cache=cache, timeout=timeout, announce=typer.echo)


@app.command()
def push(
    endpoint: Annotated[str, typer.Option("--endpoint", help="Graph Store Protocol URL, e.g. http://localhost:3030/ds/data.")],
    data: DataOption = Path("exports/ofsted-kg.trig"),
    timeout: Annotated[float, typer.Option("--timeout", min=0.001, help="Seconds to wait for each upload.")] = 60.0,
) -> None:
    """Upload every named graph to a SPARQL 1.1 store (HTTP PUT, replacing each graph).

    Basic auth, if needed, comes from the environment: OFSTED_KG_PUSH_AUTH=user:password.
    Example: ofsted-kg push --endpoint http://localhost:7878/store
    """
    from .push import push as push_graphs

    pushed = run(push_graphs, endpoint, data=data, timeout=timeout)
    for item in pushed:
        typer.echo(f"  {item.triples:>6} triples  {item.graph or '(default graph)'}")
    typer.echo(f"pushed {len(pushed)} graphs, {sum(p.triples for p in pushed)} triples to {endpoint}")


@app.command()
def docs(root: RootOption = Path("."),
         out: Annotated[Path | None, typer.Option("--out", help="Where to write [default: ROOT/exports/ontology.html].")] = None
         ) -> None:
    """Write the ontology's documentation page (pyLODE, offline, deterministic).

    Example: ofsted-kg docs
    """
    from .docs import ontology_docs

    typer.echo(f"wrote {run(ontology_docs, root, out=out)}")


def main() -> None:
    app()
