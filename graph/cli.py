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
        if len(e.problems) > 1:
            typer.echo(f"{len(e.problems)} problems; nothing was written.", err=True)
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


class IngestFormat(str, Enum):
    """What `ingest` produces: a draft claims file, or what it found as JSON."""

    yaml = "yaml"
    json = "json"


@app.command()
def ingest(
    article: Annotated[Path, typer.Argument(help="The article, a UTF-8 text file.")],
    out: Annotated[Path | None, typer.Option("--out", help="Where to write the draft [default: drafts/<id>.yaml].")] = None,
    format: Annotated[IngestFormat, typer.Option(
        "--format", help="yaml: write a draft claims file; json: print what was found.")] = IngestFormat.yaml,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing draft.")] = False,
) -> None:
    """Draft claims from a news article, offline, for a maintainer to review.

    Example: ofsted-kg ingest data/articles/003_6c275e8f7e080fbf.txt --out drafts/worcestershire.yaml
    """
    from .ingest import extract_file, ingest as write_draft

    if format is IngestFormat.json:
        typer.echo(json.dumps(run(extract_file, article).to_json(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"wrote {run(write_draft, article, out=out, force=force).path}")


@app.command()
def evaluate(
    root: RootOption = Path("."),
    expected: Annotated[Path | None, typer.Option(
        "--expected", help="Instead of the curated claims, compare each NAME.txt in this folder with the "
                           "hand-written NAME.expected.json beside it (the shape of `ingest --format json`).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (with every miss and false positive).")] = False,
    details: Annotated[bool, typer.Option("--details", help="Under the tables, list each article's misses, false "
                                                            "positives and role disagreements.")] = False,
) -> None:
    """Measure ingest against the curated claims: precision, recall and F1 for people, quotes, grades, amounts
    and percentages, in total and per article.

    Example: ofsted-kg evaluate --details   (or: ofsted-kg evaluate --expected tests/fixtures)
    """
    from .evaluate import evaluate as score_ingest

    result = run(score_ingest, root, expected=expected)
    typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2) if as_json else result.format(details))


@app.command()
def synth(
    out: Annotated[Path, typer.Option("--out", help="Folder for synthetic.trig and synthetic.json (never exports/).")],
    authorities: Annotated[int, typer.Option(help="How many invented councils (1-200).")] = 5,
    years: Annotated[int, typer.Option(help="How many years back from 2025 (1-13).")] = 6,
    articles_per_inspection: Annotated[int, typer.Option(help="Articles reporting each inspection (1-20).")] = 2,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed writes the same bytes.")] = 1,
    root: RootOption = Path("."),
) -> None:
    """Write a synthetic graph in the exact shape of the real one, for benchmarks (IRIs contain /synthetic/).

    About 10k triples with the defaults; 153 authorities, 13 years and 4 articles give about 1M.
    Example: ofsted-kg synth --authorities 50 --years 6 --articles-per-inspection 2 --out bench/data
    """
    from .synth import synth as generate

    result = run(generate, authorities, years, articles_per_inspection, seed, out, root=root)
    typer.echo(f"wrote {result.trig}: {result.quads} synthetic quads in {result.named_graphs} named graphs "
               f"(manifest {result.manifest})")


@app.command()
def bench(
    sizes: Annotated[str, typer.Option(help="Comma-separated sizes: 10k, 100k, 1M, 2M.")] = "10k,100k,1M",
    queries: Annotated[Path | None, typer.Option(
        help="Folder of .rq queries [default: ontology/queries/].")] = None,
    rdflib_cap: Annotated[float, typer.Option(
        help="Seconds each rdflib query may take; its load and queries together get twelve times that.")] = 10.0,
    out: Annotated[Path, typer.Option("--out", help="Folder for results.json, results.md, scaling.svg.")
                   ] = Path("bench"),
    readme: Annotated[Path | None, typer.Option(help="Also refresh the results block of this README.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON instead of Markdown.")] = False,
    root: RootOption = Path("."),
) -> None:
    """Benchmark synthetic graphs of each size: generation, load, queries against rdflib, exports, memory.

    Example: ofsted-kg bench --sizes 10k,100k --json
    """
    from .bench import bench as measure

    report = run(measure, [s.strip() for s in sizes.split(",") if s.strip()], queries=queries, rdflib_cap=rdflib_cap,
                 out=out, root=root, readme=readme, progress=lambda message: typer.echo(message, err=True))
    typer.echo(json.dumps(report.data, indent=1) if as_json else report.markdown)


def main() -> None:
    app()
