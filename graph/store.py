"""Loading an export into a pyoxigraph store, the fast store every query runs on."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .errors import InputError

#: The export queries run over unless told otherwise.
DEFAULT_DATA = Path("exports/ofsted-kg.trig")


def load_store(path: Path = DEFAULT_DATA) -> ox.Store:
    """An in-memory store holding the RDF file at ``path`` (format from its extension).

    Named graphs are kept; queries see their union as the default graph.
    """
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if fmt is None:
        raise InputError.at(path, 0, f"unknown RDF file type {path.suffix!r} (use .trig, .ttl, .nt, .nq or .jsonld)")
    if not path.is_file():
        raise InputError.at(path, 0, "file not found: run `ofsted-kg build` first, or pass --data")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as e:
        raise InputError.at(path, e.lineno or 0, f"cannot parse {fmt.name}: {e.msg}") from None
    return store
