"""Turn a news article into a draft claims file (``status: draft``) for a maintainer to review.

``ingest(path)`` reads the article, runs ``graph.extract.extract`` on it and
writes ``drafts/<article-id>.yaml`` in the format of ``docs/claims-format.md``:
every claim carries an ``evidence`` span copied from the article, and every id
depends only on the words it is made from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import IngestError
from .extract import Extraction, Grade, Statement, check_text, extract, short_hash, slugify
from .files import write_atomic
from .text import read_utf8

DRAFTS = Path("drafts")

#: role concepts of ontology/schemes.ttl, by the words that name them (first match wins)
ROLE_CONCEPTS: tuple[tuple[str, str], ...] = (
    (r"\b(?:opposition|labour|conservative|liberal|lib dem|green|independent|reform)\b.*\bgroup leader\b"
     r"|\bgroup leader\b|\bleader of the opposition\b|\bopposition leader\b", "opposition-group-leader"),
    (r"\bdeputy leader\b|\bcabinet\b|\bportfolio\b|\blead member\b|\bdeputy mayor\b", "cabinet-member"),
    (r"\bleader\b|\bmayor\b", "council-leader"),
    (r"\bchief executive\b", "chief-executive"),
    (r"\bdirector of children['’]?s services\b|\bDCS\b", "director-of-childrens-services"),
    (r"\bdirector\b", "executive-director"),
    (r"\binspector\b|\bHMI\b", "inspector"),
    (r"\bcommissioner\b", "commissioner"),
    (r"\bspokes(?:man|woman|person)\b", "spokesperson"),
    (r"\bcouncillor\b|\bcllr\b", "councillor"),
    (r"\bofficer\b|\bhead of\b|\bmanager\b", "council-officer"),
)


def role_concept(title: str) -> str:
    """The role concept for the words of a role: "Labour group leader at WSCC" -> opposition-group-leader."""
    for pattern, concept in ROLE_CONCEPTS:
        if re.search(pattern, title, re.IGNORECASE):
            return concept
    return "council-officer"


@dataclass(frozen=True)
class Draft:
    """A draft claims file: its data, its YAML text and where it was written (if it was)."""

    article: Path
    id: str
    data: dict[str, Any]
    yaml: str
    extraction: Extraction
    path: Path | None = None


def read_article(path: Path) -> str:
    """An article's text; binary, empty, non-UTF-8 or huge files are an ``IngestError``/``InputError``."""
    path = Path(path)
    if path.is_dir():
        raise IngestError.at(path, 0, "is a folder, not an article")
    try:
        head = path.read_bytes()
    except OSError:
        head = b""  # read_utf8 says what is wrong
    if b"\x00" in head:
        line = head.count(b"\n", 0, head.index(b"\x00")) + 1
        raise IngestError.at(path, line, "binary data (a NUL byte), not an article")
    text = read_utf8(path)
    if not text.strip():
        raise IngestError.at(path, 1, "the article is empty")
    try:
        check_text(text)
    except IngestError as e:
        raise IngestError.at(path, e.problems[0].line, e.problems[0].message) from None
    return text


def extract_file(path: Path) -> Extraction:
    """``extract`` on an article file (see ``read_article`` for what is refused)."""
    return extract(read_article(Path(path)))


def draft(path: Path) -> Draft:
    """The draft claims for one article, not yet written anywhere."""
    path = Path(path)
    extraction = extract_file(path)
    article_id = _article_id(extraction)
    data = _claims(extraction, article_id, path.name)
    header = (f"# Drafted by `ofsted-kg ingest` from {path.name}. Every claim is a guess by rules:\n"
              "# check each against the article, fix or delete it, then set `status: curated`.\n")
    return Draft(path, article_id, data, header + dump_yaml(data), extraction)


def ingest(article_path: Path, *, out: Path | None = None, force: bool = False) -> Draft:
    """Draft claims for an article and write them to ``out`` (default ``drafts/<id>.yaml``).

    The file is written atomically (a temporary file renamed into place); an
    existing file is kept, and ``IngestError`` raised, unless ``force``.
    """
    result = draft(article_path)
    target = Path(out) if out is not None else DRAFTS / f"{result.id}.yaml"
    if target.exists() and not force:
        raise IngestError.at(target, 0, "a draft is already there; use --force to overwrite it")
    write_atomically(target, result.yaml)
    return Draft(result.article, result.id, result.data, result.yaml, result.extraction, target)


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` atomically; a failure is an ``IngestError`` at ``target``."""
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as e:
        raise IngestError.at(target, 0, f"cannot write the draft: {e.strerror or e}") from None


# --- the claims ------------------------------------------------------------------


def _article_id(x: Extraction) -> str:
    base = slugify(x.first_line, words=8)[:70].rstrip("-")
    if not base:
        return f"article-{short_hash(x.first_line)}"
    return f"{base}-{x.published[:4]}" if x.published and not base.endswith(x.published[:4]) else base


def _claims(x: Extraction, article_id: str, file_name: str) -> dict[str, Any]:
    header: dict[str, Any] = {"id": article_id, "file": file_name}
    if x.title:
        header["title"] = x.title
    else:
        header["label"] = x.first_line[:120] or file_name
    if x.published:
        header["issued"] = x.published
        header["issued_derivation"] = f"Printed with the article: '{x.published_words}'."
    data: dict[str, Any] = {"article": header, "status": "draft"}
    main = x.inspections[0] if x.inspections else None
    about = [f"inspection/{main.id}"] if main else [x.authorities[0].ref] if x.authorities else []
    sections = {
        "inspections": _inspections(x),
        "memberships": [
            {"person": p.ref, "organisation": p.organisation_ref, "role": role_concept(p.role), "title": p.role,
             "evidence": p.evidence}
            for p in x.people if p.role and p.organisation_ref
        ],
        "statements": [_statement(s, about) for s in x.quotes],
        "commitments": [
            {"id": f"{slugify(_label(a.evidence, a.text), 4)}-{short_hash(a.evidence)}", "committed_by": a.committed_by,
             "value": a.value, "currency": a.currency, "label": _label(a.evidence, a.text), "about": about,
             "evidence": a.evidence}
            for a in x.amounts if a.committed_by
        ],
        "statistics": [
            {"id": f"{slugify(p.measure, 5) or 'statistic'}-{short_hash(p.evidence + p.text)}",
             "measure": p.measure or p.text, "value": p.value, "unit": "percent", "about": about,
             "evidence": p.evidence}
            for p in x.percentages
        ],
    }
    data.update({name: items for name, items in sections.items() if items})
    return data


def _inspections(x: Extraction) -> list[dict[str, Any]]:
    inspectors = [p.ref for p in x.people if role_concept(p.role) == "inspector"]
    out = []
    for i, inspection in enumerate(x.inspections):
        item: dict[str, Any] = {"id": inspection.id, "authority": inspection.authority_ref, "type": inspection.type}
        if i == 0 and len(inspectors) == 1:
            item["lead_inspector"] = inspectors[0]
        item["evidence"] = inspection.evidence
        judgements = [_judgement(g) for g in x.grades if g.inspection == inspection.id]
        if judgements:
            item["judgements"] = judgements
        out.append(item)
    return out


def _judgement(g: Grade) -> dict[str, str]:
    return {"area": g.area, "grade": g.grade, "evidence": g.evidence}


def _statement(s: Statement, about: list[str]) -> dict[str, Any]:
    who = s.speaker_ref.split("/")[-1].split("-")[-1] if s.speaker_ref.startswith("person/") else \
        s.speaker_ref.split("/")[-1]
    item: dict[str, Any] = {"id": f"{who}-{slugify(s.text, 4)}-{short_hash(s.speaker + s.text)}",
                            "speaker": s.speaker_ref}
    if s.speaker_description:
        item["speaker_description"] = s.speaker_description
    item["about"] = about
    item["text"] = s.text
    if s.evidence and s.evidence != s.text:
        item["evidence"] = s.evidence
    return item


def _label(evidence: str, amount: str) -> str:
    """Short words for a sum of money: the amount and what follows it in its clause."""
    at = evidence.find(amount)
    rest = re.split(r"[,;:.!?\"“”]", evidence[at + len(amount):])[0].split()[:7]
    return " ".join([amount, *rest])


# --- YAML ----------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style for multi-paragraph text, as curated files write it; no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_yaml(data: dict[str, Any]) -> str:
    """YAML text in the layout of the curated claims files (keys in order, Unicode kept)."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120,
                     default_flow_style=False)

