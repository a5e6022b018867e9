"""Sources: the articles and reference documents claims are read from.

Each claims file opens with an ``article:`` (or ``reference:``) header naming its
text file; the text is read as UTF-8, known mis-decodings are repaired and
recorded, and spans are then located in it (see ``graph.text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from .errors import InputError, Problem, display_path
from .namespace import ID, graph_iri, is_slug
from .text import Normalised, Repair, read_utf8, repair_encoding
from .yamlfile import Mapping, check_keys

#: Header key -> (folder under data/, the kind of source).
KINDS = {"article": "articles", "reference": "references"}

HEADER_KEYS = (
    "title",
    "label",
    "publisher",
    "url",
    "identified_by",
    "issued",
    "issued_derivation",
    "note",
)
_URL = re.compile(r"^https?://\S+$")


@dataclass
class Source:
    """A source text and what its claims file says about it."""

    id: str
    kind: str
    path: Path
    header: Mapping
    text: str
    repairs: list[Repair] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._normalised = Normalised.of(self.text)

    @property
    def iri(self) -> URIRef:
        return ID[f"{self.kind}/{self.id}"]

    @property
    def graph(self) -> URIRef:
        return graph_iri(self.id)

    @property
    def label(self) -> str:
        return str(self.header.get("title") or self.header.get("label") or self.id)

    def locate(self, span: str) -> int | None:
        """The line of ``self.path`` where ``span`` occurs verbatim, or None."""
        return self._normalised.locate(span)

    def mismatch(self, span: str) -> str:
        """Where a span that does not occur stops matching (see ``Normalised.mismatch``)."""
        return self._normalised.mismatch(span)


def load_source(doc: Mapping, data_dir: Path) -> Source:
    """The source named by a claims file's header; raises ``InputError`` listing every defect."""
    kinds = [k for k in KINDS if k in doc]
    if len(kinds) != 1:
        raise InputError([doc.problem("a claims file needs exactly one header: 'article:' or 'reference:'")])
    kind = kinds[0]
    header = doc[kind]
    if not isinstance(header, Mapping):
        raise InputError([doc.problem(f"'{kind}:' must be a mapping", kind)])
    problems = check_keys(header, required=("id", "file"), optional=HEADER_KEYS, what=f"the {kind} header")
    if header.get("id") is not None and not is_slug(header["id"]):
        problems.append(header.problem(f"id {header['id']!r} must be a slug like 'west-sussex-rated-2019'", "id"))
    if header.get("url") and not _URL.match(str(header["url"])):
        problems.append(header.problem(f"url {header['url']!r} is not an http(s) URL", "url"))
    if (header.get("publisher") or header.get("url")) and not header.get("identified_by"):
        problems.append(header.problem("say how the publisher or url was identified ('identified_by')"))
    if header.get("issued") is not None and not header.get("issued_derivation"):
        problems.append(header.problem("say how the date was derived ('issued_derivation')", "issued"))
    if problems:
        raise InputError(problems)
    name = str(header["file"])
    folder = data_dir / KINDS[kind]
    path = folder / name
    if Path(name).name != name:
        raise InputError([header.problem(f"file {name!r} must be a plain file name in {folder}", "file")])
    if not path.is_file():
        raise InputError([header.problem(f"source file not found: {path}", "file")])
    text, repairs = repair_encoding(read_utf8(path))
    source = Source(id=header["id"], kind=kind, path=path, header=header, text=text, repairs=repairs)
    title = header.get("title")
    if title and source.locate(str(title)) is None:
        raise InputError([header.problem(f"title not found verbatim in {path}: {title!r}", "title")])
    return source


def evidence_problem(source: Source, item: Mapping, key: str, span: object) -> Problem | None:
    """A problem if ``span`` is not a non-empty string occurring verbatim in ``source``."""
    if not isinstance(span, str) or not span.strip():
        return item.problem(f"{key!r} must be non-empty text", key)
    if source.locate(span) is None:
        first = span.split("\n", 1)[0]
        shown = first if len(first) <= 60 else first[:57] + "..."
        return item.problem(f"{key} not found verbatim in {display_path(source.path)}: {shown!r} "
                            f"({source.mismatch(span)})", key)
    return None
