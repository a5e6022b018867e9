"""YAML with line numbers: every mapping remembers where it and each key started.

>>> doc = loads("a: 1\\nb:\\n  c: 2\\n", "x.yaml")
>>> doc.line, doc.key_lines["b"], doc["b"].line
(1, 2, 3)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem, display_path


class Mapping(dict):
    """A YAML mapping that knows its file and the lines of itself and its keys."""

    path: str = ""
    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key`` if present, else of the mapping itself."""
        return self.key_lines.get(key, self.line)

    def problem(self, message: str, key: str | None = None) -> Problem:
        """A ``Problem`` located at this mapping (or at one of its keys)."""
        return Problem(self.path, self.line_of(key) if key else self.line, message)


def _loader(path: str) -> type[yaml.SafeLoader]:
    class Loader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Mapping:
        loader.flatten_mapping(node)
        mapping = Mapping()
        mapping.path, mapping.line, mapping.key_lines = path, node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in mapping:
                raise InputError.at(path, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return Loader


def loads(text: str, path: str) -> Any:
    """Parse YAML ``text`` read from ``path``; syntax errors become ``InputError``."""
    try:
        return yaml.load(text, Loader=_loader(path))  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 0
        what = e.problem or e.context or "invalid YAML"
        raise InputError.at(path, line, f"YAML syntax error: {what}") from None
    except yaml.YAMLError as e:
        raise InputError.at(path, 0, f"YAML error: {e}") from None


def load(path: Path) -> Any:
    """Read and parse a YAML file (UTF-8)."""
    from .text import read_utf8

    return loads(read_utf8(path), display_path(path))


def check_keys(
    item: Mapping, *, required: tuple[str, ...], optional: tuple[str, ...] = (), what: str
) -> list[Problem]:
    """Problems with a mapping's keys: missing required ones, or unknown ones.

    Unknown keys are errors so a typo (``grdae:``) cannot silently drop a fact.
    """
    problems = [item.problem(f"{what} is missing {key!r}") for key in required if item.get(key) in (None, "", [])]
    allowed = set(required) | set(optional)
    problems += [
        item.problem(f"{what} has unknown key {key!r} (allowed: {', '.join(sorted(allowed))})", key)
        for key in item
        if key not in allowed
    ]
    return problems


def items(doc: Mapping, section: str, problems: list[Problem]) -> list[Mapping]:
    """The mappings listed under ``doc[section]``; anything else is reported in ``problems``."""
    value = doc.get(section)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(doc.problem(f"{section!r} must be a list", section))
        return []
    good = [v for v in value if isinstance(v, Mapping)]
    if len(good) != len(value):
        problems.append(doc.problem(f"every entry of {section!r} must be a mapping", section))
    return good


def as_list(item: Mapping, key: str) -> list[Any]:
    """``item[key]`` as a list: a single value becomes a one-item list, missing becomes []."""
    value = item.get(key)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
