"""Upload the graph to any SPARQL 1.1 store through the Graph Store HTTP Protocol.

Each named graph is sent with ``PUT <endpoint>?graph=<iri>``, which replaces
that graph in the store, so pushing twice leaves the store as pushing once.
Basic-auth credentials come from the environment variable ``OFSTED_KG_PUSH_AUTH``
(``user:password``), never from the command line.

Graph Store endpoints: Oxigraph ``http://localhost:7878/store``, Fuseki
``http://localhost:3030/DATASET/data``, GraphDB
``http://localhost:7200/repositories/REPO/rdf-graphs/service``.
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import ServiceError
from .store import DEFAULT_DATA, read_quads

AUTH_VARIABLE = "OFSTED_KG_PUSH_AUTH"


@dataclass(frozen=True)
class Pushed:
    """One graph sent: its IRI (``None`` for the default graph) and triple count."""

    graph: str | None
    triples: int


def _authorization() -> dict[str, str]:
    credentials = os.environ.get(AUTH_VARIABLE)
    if not credentials:
        return {}
    if ":" not in credentials:
        raise ServiceError(f"{AUTH_VARIABLE} must be user:password")
    return {"Authorization": "Basic " + base64.b64encode(credentials.encode()).decode()}


def _check_endpoint(endpoint: str) -> None:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ServiceError(f"endpoint {endpoint!r} is not an http(s) URL of a Graph Store Protocol service")
    if parts.username or parts.password:
        raise ServiceError(f"put credentials in the environment variable {AUTH_VARIABLE}=user:password, not in the URL")


def graph_url(endpoint: str, graph: str | None) -> str:
    """``endpoint?graph=<iri>`` (or ``?default``), keeping any query the endpoint already has.

    >>> graph_url("http://localhost:3030/ds/data", "https://w3id.org/ofsted-kg/id/graph/registry")
    'http://localhost:3030/ds/data?graph=https%3A%2F%2Fw3id.org%2Fofsted-kg%2Fid%2Fgraph%2Fregistry'
    """
    query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    return endpoint + ("&" if "?" in endpoint else "?") + query


def push(endpoint: str, *, data: Path = DEFAULT_DATA, timeout: float = 60.0) -> list[Pushed]:
    """PUT every graph of the export at ``data`` to the Graph Store endpoint; returns what was sent.

    Raises ``ServiceError`` when the endpoint cannot be reached or refuses a graph.
    """
    _check_endpoint(endpoint)
    headers = {"Content-Type": "application/n-triples", **_authorization()}
    graphs: dict[str | None, list[ox.Triple]] = defaultdict(list)
    for quad in read_quads(Path(data)):
        name = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs[name].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    pushed = []
    for name in sorted(graphs, key=lambda g: g or ""):
        body = ox.serialize(graphs[name], format=ox.RdfFormat.N_TRIPLES)
        request = urllib.request.Request(graph_url(endpoint, name), data=body, method="PUT", headers=headers)
        what = f"graph <{name}>" if name else "the default graph"
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as e:
            detail = " ".join(e.read(300).decode(errors="replace").split())
            raise ServiceError(f"{endpoint} refused {what}: HTTP {e.code} {e.reason}"
                               + (f": {detail}" if detail else "")) from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise ServiceError(f"cannot reach {endpoint}: {reason}") from None
        pushed.append(Pushed(name, len(graphs[name])))
    return pushed
