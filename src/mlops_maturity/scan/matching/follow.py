"""Where a file's commands lead: a CI step runs ``make test`` or ``mise run test``, whose definition runs pytest.

A probe with ``follow`` looks for its patterns in the file first; when no line there matches, each
line that calls a runner's target (``runners`` in the probe set: Makefile, mise, just, npm scripts,
tox, nox, shell and Python scripts) is followed to that target's definition inside the repository,
and the definition's lines are searched, then the targets they call in turn: two hops at most, a
bounded number of calls per file, and only files the scan lists. The finding is the calling line,
and says which definitions it went through. Nothing is run: definitions are read as text.

A script is looked for from the top of the repository, then beside the calling file; a command run in
another folder (a CI step's ``working-directory``, a ``cd`` before it) names it from there, so when
neither holds it, the one listed file whose path ends with the name is taken (none when several do).
Only calls that lead to a listed file count against the bound: a Python import of the standard
library is not a call into the repository.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from mlops_maturity.scan.probes.globs import GlobIndex
from mlops_maturity.scan.probes.model import TARGET, Runner

MAX_HOPS = 2
MAX_CALLS = 12  # calls into the repository followed from one file (or one definition)
MAX_CALL_LINES = 2000  # lines of one file read for calls
MAX_BODY_LINES = 300
MAX_DEFINITION_FILES = 3  # of one runner, shallowest first


@dataclass(frozen=True)
class Text:
    """A file's lines as the probes see them (comments and docstrings blank), and how to show one."""

    path: str
    code: Callable[[int], str]
    count: int


@dataclass(frozen=True)
class Led:
    """Where a calling line led: the definitions passed through (``path:line``) and the line that matched."""

    index: int  # 0-based line of the calling file
    via: tuple[str, ...]
    text: str


@dataclass
class Follower:
    """Runners compiled once per scan, with the repository's files, and a way to read one of them."""

    runners: Sequence[Runner]
    listed: Sequence[str]
    read: Callable[[str], Text | None]  # None: not listed, not readable, or not text
    _calls: list[re.Pattern[str]] = field(default_factory=list)
    _bodies: dict[tuple[int, str, str], list[tuple[Text, list[int]]]] = field(default_factory=dict)
    _indexed: tuple[list[list[str]], dict[str, list[str]]] | None = None

    def __post_init__(self) -> None:
        self._calls = [re.compile(r.calls) for r in self.runners]
        self._listed = frozenset(self.listed)

    def _index(self) -> tuple[list[list[str]], dict[str, list[str]]]:
        """Each runner's definition files, shallowest first, and the listed files by name: made when first needed."""
        if self._indexed is None:
            index = GlobIndex.build([r.files for r in self.runners])
            owned: list[list[str]] = [[] for _ in self.runners]
            by_name: dict[str, list[str]] = {}
            for path in self.listed:
                for owner in index.owners_of(path):
                    owned[owner].append(path)
                by_name.setdefault(path.rpartition("/")[2], []).append(path)
            shallow = [sorted(paths, key=lambda p: (p.count("/"), p))[:MAX_DEFINITION_FILES] for paths in owned]
            self._indexed = (shallow, by_name)
        return self._indexed

    def find(self, text: Text, search: Callable[[str], bool]) -> Led | None:
        """The first calling line of ``text`` whose command leads to a line ``search`` accepts."""
        for index, definitions in self._calls_in(text, range(text.count)):
            found = self._search(definitions, search, hops=MAX_HOPS)
            if found is not None:
                via, matched = found
                return Led(index, via, matched)
        return None

    def _search(
        self, definitions: list[tuple[Text, list[int]]], search: Callable[[str], bool], hops: int
    ) -> tuple[tuple[str, ...], str] | None:
        for definition, body in definitions:
            for line in body:
                code = definition.code(line)
                if code and search(code):
                    return (f"{definition.path}:{line + 1}",), code
            if hops > 1:
                for index, inner in self._calls_in(definition, body):
                    found = self._search(inner, search, hops - 1)
                    if found is not None:
                        return (f"{definition.path}:{index + 1}", *found[0]), found[1]
        return None

    def _calls_in(self, text: Text, lines: Sequence[int]) -> Iterator[tuple[int, list[tuple[Text, list[int]]]]]:
        """``(line, the definitions it leads to)`` for each line of ``lines`` that calls into the repository."""
        count = 0
        for index in lines[:MAX_CALL_LINES]:
            code = text.code(index)
            if not code:
                continue
            for runner, calls in enumerate(self._calls):
                match = calls.search(code)
                if match is None:
                    continue
                definitions = self._resolve(text.path, runner, match.group("target") or "")
                if not definitions:
                    continue
                yield index, definitions
                count += 1
                if count >= MAX_CALLS:
                    return

    def _resolve(self, origin: str, runner: int, target: str) -> list[tuple[Text, list[int]]]:
        """The definitions of ``target`` (a file and the lines that make it), read once per scan."""
        key = (runner, target, posixpath.dirname(origin))
        found = self._bodies.get(key)
        if found is None:
            found = self._bodies[key] = list(self._definitions_of(origin, self.runners[runner], runner, target))
        return found

    def _definitions_of(self, origin: str, runner: Runner, index: int, target: str) -> Iterator[tuple[Text, list[int]]]:
        if not runner.files:
            for path in (*_script_paths(origin, target, runner.module), *self._ending_with(target, runner.module)):
                text = self.read(path) if path in self._listed else None
                if text is not None and path != origin:
                    yield text, list(range(min(text.count, MAX_BODY_LINES)))
                    return
            return
        assert runner.defines is not None
        defines = re.compile(runner.defines.replace(TARGET, re.escape(target)))
        for path in self._index()[0][index]:
            text = self.read(path)
            if text is None:
                continue
            start = next((i for i in range(text.count) if defines.search(text.code(i))), None)
            if start is not None:
                yield text, _body(text, start, runner.body)
                return

    def _ending_with(self, target: str, module: bool) -> list[str]:
        """The one listed file whose path ends with ``target`` (called from another folder), if only one does."""
        name = _relative(target, module)
        if not name:
            return []
        tail = "/" + name
        found = [p for p in self._index()[1].get(name.rpartition("/")[2], ()) if p.endswith(tail) or p == name]
        return found if len(found) == 1 else []


def _relative(target: str, module: bool) -> str:
    """``target`` as a path relative to some folder ("" when it climbs out of it or is absolute)."""
    if module:
        target = target.replace(".", "/") + ".py"
    target = posixpath.normpath(target.removeprefix("./"))
    return "" if target.startswith(("../", "/")) or target in ("..", ".") else target


def _script_paths(origin: str, target: str, module: bool) -> list[str]:
    """Where a called script may be: from the top of the repository, then from the calling file's folder."""
    target = _relative(target, module)
    if not target:
        return []
    near = posixpath.normpath(posixpath.join(posixpath.dirname(origin), target))
    return list(dict.fromkeys(p for p in (target, near) if not p.startswith("../")))


def _body(text: Text, start: int, kind: str) -> list[int]:
    """The lines of a definition that starts at ``start``."""
    end = min(text.count, start + 1 + MAX_BODY_LINES)
    if kind == "line":
        return [start]
    if kind == "file":
        return list(range(min(text.count, MAX_BODY_LINES)))
    lines = [start]
    depth = _depth(text.code(start))
    for index in range(start + 1, end):
        code = text.code(index)
        if kind == "section" and code.lstrip().startswith("["):
            break
        if kind == "indented" and code.strip() and _depth(code) <= depth:
            break
        lines.append(index)
    return lines


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))
