"""Rewrite the generated blocks of README.md (run by `make readme-stats`): `ofsted-kg stats`, and
`ofsted-kg evaluate` on the curated articles and on the invented ones in tests/fixtures."""

from __future__ import annotations

import re
from pathlib import Path

from graph.evaluate import evaluate
from graph.stats import format_stats, stats

README = Path("README.md")
BLOCKS = {
    "stats": lambda: format_stats(stats(Path("exports/ofsted-kg.trig"))),
    "evaluate": lambda: evaluate(Path(".")).format(),
    "evaluate-fixtures": lambda: evaluate(Path("."), expected=Path("tests/fixtures")).format(),
}

text = README.read_text(encoding="utf-8")
for name, output in BLOCKS.items():
    block = re.compile(rf"(<!-- {name}:start -->\n).*?(\n<!-- {name}:end -->)", re.S)
    text = block.sub(lambda m: f"{m.group(1)}```\n{output()}\n```{m.group(2)}", text)
README.write_text(text, encoding="utf-8")
