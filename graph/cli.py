"""The ``ofsted-kg`` command line: each command parses arguments and calls one library function."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import GraphError, InputError

app = typer.Typer(help=__doc__, no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  pretty_exceptions_enable=False)


@app.callback()
def _root() -> None:
    """ofsted-kg: build, check, query and draw the Ofsted children's services knowledge graph."""


class Format(str, Enum):
    yaml = "yaml"
    json = "json"


@app.command()
def ingest(
    article: Annotated[Path, typer.Argument(help="The article, a UTF-8 text file.")],
    out: Annotated[Optional[Path], typer.Option("--out", help="Where to write the draft [default: drafts/<id>.yaml].")] = None,
    format: Annotated[Format, typer.Option("--format", help="yaml: write a draft claims file; json: print what was found.")] = Format.yaml,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing draft.")] = False,
) -> None:
    """Draft claims from a news article, offline, for a maintainer to review.

    Example: ofsted-kg ingest data/articles/003_6c275e8f7e080fbf.txt
    """
    from .ingest import extract_file, ingest as write_draft

    try:
        if format is Format.json:
            typer.echo(json.dumps(extract_file(article).to_json(), ensure_ascii=False, indent=2))
            return
        result = write_draft(article, out=out, force=force)
    except InputError as e:
        for problem in e.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(1) from None
    except GraphError as e:
        typer.echo(f"{article}:0: {e}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"wrote {result.path}")


def main() -> None:
    app()
