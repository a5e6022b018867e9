"""The ``ofsted-kg`` command line: each command parses arguments and calls one library function."""

from __future__ import annotations

import typer

app = typer.Typer(help=__doc__, no_args_is_help=True, add_completion=False)


@app.callback()
def _root() -> None:
    """ofsted-kg: build, check, query and draw the Ofsted children's services knowledge graph."""


def main() -> None:
    app()
