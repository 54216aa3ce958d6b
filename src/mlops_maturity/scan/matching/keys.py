"""Key paths in a scanned repository's YAML and TOML files, with the line each key is written on.

Repository YAML is not ours: CI files use anchors, CloudFormation uses tags
such as ``!Ref``, Kubernetes manifests hold many documents. So it is composed
(never constructed: no tag runs any code, no alias is expanded) and walked
along the probe's key path only, with a budget of nodes so that an alias bomb
costs no more than a plain file. Keys are compared as written (``on`` stays
``on``, not YAML 1.1's ``True``). TOML is read line by line for ``[tables]``
and ``key = value`` lines, which needs no parser and keeps line numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from mlops_maturity.scan.probes.model import KeyMatch, KeyProbe

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_VISITS = 100_000  # nodes looked at in one file
MAX_DOCUMENTS = 1000
MAX_LINES = 20_000  # a longer file is data, not configuration: its keys are not read


class KeysUnreadable(Exception):
    """The file is not YAML the scan can read (the reason is the message)."""


@dataclass
class _Budget:
    left: int = MAX_VISITS

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise KeysUnreadable(f"more than {MAX_VISITS} values on the probe's key path")


_TAG_LINE = re.compile(r"\s*(?:\{\{-?[^}]*-?\}\}|\{%-?[^%]*-?%\})\s*")  # a line that is only template logic
_TAG = re.compile(r"\{\{[^}]*\}\}")
# Logic inside a line (``dev: {{ if .uc }}# note{{ end }}``, ``{% if x %}``) renders to nothing; an expression to text.
_LOGIC = re.compile(r"\{\{-?\s*(?:if|else|end|range|with|define|block|break|continue)\b[^}]*\}\}|\{%[^%]*%\}")


def untemplated(text: str) -> str:
    """A Helm or Jinja template read as the YAML it renders to, line for line.

    A line that is only template logic (``{{- if .Values.canary }}``, ``{% for %}``) is emptied, logic inside
    a line is left out (``dev: {{ if .uc }}# note{{ end }}`` is ``dev: # note``), and each other
    ``{{ expression }}`` becomes the word ``templated``, so that the keys around them can be read; line
    numbers stay those of the file. What the expressions would render to is not known, so a value
    pattern never matches one.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "{{" in line or "{%" in line:
            lines[index] = "" if _TAG_LINE.fullmatch(line) else _TAG.sub("templated", _LOGIC.sub("", line))
    return "\n".join(lines)


def yaml_hit(text: str, probe: KeyProbe) -> int | None:
    """The 1-based line of the first key at ``probe.key`` that meets the probe's conditions."""
    _check_length(text)
    if "{{" in text or "{%" in text:
        text = untemplated(text)
    budget = _Budget()
    try:
        for count, document in enumerate(yaml.compose_all(text, Loader=_Loader)):
            if count >= MAX_DOCUMENTS:
                raise KeysUnreadable(f"more than {MAX_DOCUMENTS} YAML documents")
            if document is None:
                continue
            if not all(_holds(document, c, budget) for c in probe.when):
                continue
            for line, _, holder in _yaml_matches(document, probe, budget):
                if all(_holds(holder, c, budget) for c in probe.alongside) and not any(
                    _holds(holder, c, budget) for c in probe.not_alongside
                ):
                    return line
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise KeysUnreadable(f"not valid YAML{where}") from None
    except RecursionError:
        raise KeysUnreadable("YAML nested too deeply") from None
    return None


def _check_length(text: str) -> None:
    if text.count("\n") > MAX_LINES:
        raise KeysUnreadable(f"over {MAX_LINES} lines, so its keys are not read")


def _holds(node: yaml.Node, match: KeyMatch, budget: _Budget) -> bool:
    return any(True for _ in _yaml_matches(node, match, budget))


def _yaml_matches(node: yaml.Node, match: KeyMatch, budget: _Budget) -> Iterator[tuple[int, yaml.Node, yaml.Node]]:
    """``(line, value, the mapping or list holding it)`` for every key at ``match.key`` whose value fits."""
    value = re.compile(match.value) if match.value is not None else None
    for line, found, holder in _walk(node, match.key.split("."), budget):
        if value is None or (isinstance(found, yaml.ScalarNode) and value.search(str(found.value)[:2000])):
            yield line, found, holder


def _walk(node: yaml.Node, parts: list[str], budget: _Budget) -> Iterator[tuple[int, yaml.Node, yaml.Node]]:
    head, rest = parts[0], parts[1:]
    budget.spend()
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            budget.spend()
            if isinstance(key, yaml.ScalarNode) and (head == "*" or key.value == head):
                if rest:
                    yield from _walk(value, rest, budget)
                else:
                    yield key.start_mark.line + 1, value, node
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            budget.spend()
            if head == "*" or head == str(index):
                if rest:
                    yield from _walk(item, rest, budget)
                else:
                    yield item.start_mark.line + 1, item, node


_HEADER = re.compile(r"\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?")
_ASSIGN = re.compile(
    r"""((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=\s*(.*)"""
)
_PART = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)""")


def toml_hit(text: str, probe: KeyProbe) -> int | None:
    """The 1-based line where ``probe.key`` (or a table under it) is written, if the file also meets ``when``."""
    _check_length(text)
    entries = list(_toml_entries(text))
    if not all(_toml_first(entries, c) is not None for c in probe.when):
        return None
    return _toml_first(entries, probe)


def _toml_first(entries: list[tuple[tuple[str, ...], int, str | None]], match: KeyMatch) -> int | None:
    parts = match.key.split(".")
    value = re.compile(match.value) if match.value is not None else None
    for path, line, raw in entries:
        if len(path) < len(parts) or any(p != "*" and p != k for p, k in zip(parts, path, strict=False)):
            continue
        if value is None or (len(path) == len(parts) and raw is not None and value.search(raw[:2000])):
            return line
    return None


def _toml_entries(text: str) -> Iterator[tuple[tuple[str, ...], int, str | None]]:
    """``(key path, line, raw value)`` for every table header (value None) and ``key = value`` line."""
    table: tuple[str, ...] = ()
    closing: str | None = None  # the delimiter of a multi-line string we are inside
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if closing is not None:
            if closing in stripped:
                closing = None
            continue
        if not stripped or stripped.startswith("#"):
            continue
        header = _HEADER.fullmatch(stripped)
        if header is not None:
            table = _split_key(header[1])
            yield table, number, None
            continue
        assign = _ASSIGN.fullmatch(stripped)
        if assign is None:
            continue
        value = assign[2]
        yield table + _split_key(assign[1]), number, value
        for delimiter in ('"""', "'''"):
            if value.startswith(delimiter) and value.count(delimiter) == 1:
                closing = delimiter


def _split_key(key: str) -> tuple[str, ...]:
    return tuple(m[1] if m[1] is not None else m[2] if m[2] is not None else m[3] for m in _PART.finditer(key))
