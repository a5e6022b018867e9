"""Ontology documentation: one offline HTML page made by pyLODE 3.2.0 from ``ontology/ofsted-kg.ttl``.

The page is byte-identical for the same ontology (subjects sorted, no
timestamp) and loads nothing from the network: pyLODE inlines its CSS, and
links to other vocabularies' IRIs become plain labels (the IRI kept in a
``data-iri`` attribute), so the page has no ``src``/``href`` to http(s).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from rdflib import Graph

from .errors import InputError
from .files import write_atomic
from .namespace import DCTERMS, OWL, RDF, RDFS

ONTOLOGY = Path("ontology/ofsted-kg.ttl")
OUTPUT = Path("exports/ontology.html")
_EXTERNAL_LINK = re.compile(r'(<a\b[^>]*?) href="(https?://[^"]*)"')


def _without_duplicate_title(path: Path) -> Graph:
    """The ontology minus the ontology's own rdfs:label where it has a dcterms:title
    (pyLODE prints both, run together, as the page heading)."""
    graph = Graph().parse(path)
    for ontology in graph.subjects(RDF.type, OWL.Ontology):
        if graph.value(ontology, DCTERMS.title) is not None:
            graph.remove((ontology, RDFS.label, None))
    return graph


def render_ontology(path: Path) -> str:
    """The pyLODE (OntPub profile) page of the OWL ontology at ``path``."""
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)  # pyLODE logs its progress on the root logger
    try:
        from pylode import OntPub
        from pylode.utils import PylodeError

        html = OntPub(_without_duplicate_title(path), sort_subjects=True).make_html()
    except (PylodeError, SyntaxError, ValueError) as e:
        raise InputError.at(path, 0, f"pyLODE cannot document it: {' '.join(str(e).split())}") from None
    finally:
        logging.disable(previous)
    return _EXTERNAL_LINK.sub(r'\1 data-iri="\2"', html)


def ontology_docs(root: Path = Path("."), *, out: Path | None = None) -> Path:
    """Write the documentation page (default ``ROOT/exports/ontology.html``); returns its path."""
    source = root / ONTOLOGY
    if not source.is_file():
        raise InputError.at(source, 0, "ontology not found (run from the project root, or pass --root)")
    target = out or root / OUTPUT
    write_atomic(target, render_ontology(source).encode())
    return target
