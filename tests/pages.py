"""Helpers for the network page tests: the seed export, reading a page's data, and a
dataset whose names and quotes carry HTML and script payloads."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from graph.build import build

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "exports" / "ofsted-kg.trig"
GOLDSMITH = "https://w3id.org/ofsted-kg/id/person/louise-goldsmith"
MULLINS = "https://w3id.org/ofsted-kg/id/person/sue-mullins"
UNACCEPTABLE = "It is unacceptable – we are very sorry and bitterly disappointed."

#: Payloads that would set window.pwned (or open a dialog) if the page ever parsed data as HTML.
IMG = '<img src=x onerror="window.pwned=1;alert(1)">'
SCRIPT = "</script><script>window.pwned=2;alert(2)</script><!--"
SVG = "<svg/onload=window.pwned=3>"


def page_data(html: str) -> dict:
    """The JSON a page embeds (what its script reads)."""
    match = re.search(r'<script type="application/json" id="okg-data">(.*?)</script>', html, re.S)
    assert match, "the page embeds its data"
    return json.loads(match.group(1))


def hostile_project(tmp: Path) -> Path:
    """A copy of the project whose names, labels and one quote (still verbatim) carry payloads;
    built into ``tmp/exports``. Returns the TriG export."""
    for folder in ("data", "ontology"):
        shutil.copytree(ROOT / folder, tmp / folder)
    people = tmp / "data/registry/people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "name: Louise Goldsmith", f"name: '{IMG}Louise Goldsmith'"), encoding="utf-8")
    claims = tmp / "data/claims/wscc-damning-report-2019.yaml"
    article = tmp / "data/articles/000_4e7970adc820c583.txt"
    text = article.read_text(encoding="utf-8")
    assert "It is unacceptable" in text
    article.write_text(text.replace("It is unacceptable", f"It is unacceptable {SCRIPT}{SVG}{IMG}", 1),
                       encoding="utf-8")
    yaml = claims.read_text(encoding="utf-8")
    yaml = yaml.replace("      It is unacceptable –", f"      It is unacceptable {SCRIPT}{SVG}{IMG} –", 1)
    yaml = yaml.replace('  label: "‘Widespread', f'  label: "{SCRIPT.replace(chr(34), "")} ‘Widespread', 1)
    claims.write_text(yaml, encoding="utf-8")
    build(tmp, out=tmp / "exports")
    return tmp / "exports" / "ofsted-kg.trig"
