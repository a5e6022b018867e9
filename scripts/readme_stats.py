"""Rewrite the stats block of README.md from `ofsted-kg stats` (run by `make readme-stats`)."""

from __future__ import annotations

import re
from pathlib import Path

from graph.stats import format_stats, stats

README = Path("README.md")
BLOCK = re.compile(r"(<!-- stats:start -->\n).*?(\n<!-- stats:end -->)", re.S)

text = README.read_text(encoding="utf-8")
table = format_stats(stats(Path("exports/ofsted-kg.trig")))
README.write_text(BLOCK.sub(lambda m: f"{m.group(1)}```\n{table}\n```{m.group(2)}", text), encoding="utf-8")
