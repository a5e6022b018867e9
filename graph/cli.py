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
        help="Folder of .rq queries [default: ontology/queries/, or the interim ones while it has none].")] = None,
    rdflib_cap: Annotated[float, typer.Option(
        help="Seconds each rdflib query may take; its load and queries together get six times that.")] = 30.0,
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
