"""A file's lines as the patterns see them, and a pattern compiled to search them.

Patterns are matched one line at a time, on at most ``MAX_LINE_CHARS``
characters of it, and never on a commented-out line or, in Python, a line of a
docstring or other long string of text. Notebook cells are unwrapped from their
JSON strings first.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlops_maturity.scan.probes.patterns import analyse

MAX_LINE_CHARS = 2000
NOTEBOOK_SUFFIX = ".ipynb"
_NOTEBOOK_LINE = re.compile(r'\s*"((?:[^"\\]|\\.)*)",?\s*')


@dataclass(frozen=True)
class Rule:
    """One compiled pattern and the literals that let a file be skipped without running it.

    ``whole`` (compiled when first wanted: most rules never meet a file they could match): the pattern
    over a whole text, its lines in one string (``^`` and ``$`` at each line). Any match on one line is
    a match there too, so where it finds nothing, or only from some line on, the lines before need no
    search of their own. None for a pattern that could match a line alone and not the text (it anchors
    at the text's ends, or forbids going back with an atomic group or a possessive repeat).
    """

    regex: re.Pattern[str]
    literals: tuple[bytes, ...] | None  # lower-cased when ``ignore_case``
    ignore_case: bool

    @classmethod
    @functools.lru_cache(maxsize=4096)
    def of(cls, pattern: str) -> Rule:
        """The rule of ``pattern``, made once per process: probe sets share most of their patterns."""
        analysis = analyse(pattern)
        literals = None
        if analysis.literals is not None and all(len(s) >= 2 for s in analysis.literals):
            literals = tuple(sorted(s.encode() for s in analysis.literals))
        return cls(analysis.regex, literals, analysis.ignore_case)

    @functools.cached_property
    def whole(self) -> re.Pattern[str] | None:
        pattern = self.regex.pattern
        return None if _LINE_ONLY.search(pattern) else re.compile(pattern, re.MULTILINE)

    def may_match(self, raw: bytes, lowered: bytes) -> bool:
        if self.literals is None:
            return True
        hay = lowered if self.ignore_case else raw
        return any(literal in hay for literal in self.literals)


_LINE_ONLY = re.compile(r"\\[AZz]|\(\?>|[*+?}]\+")


@dataclass
class Lines:
    """A file's lines as the patterns see them: notebook cells unwrapped from their JSON strings."""

    lines: list[str]
    comment_prefixes: tuple[str, ...]
    notebook: bool
    _code: dict[int, str] = field(default_factory=dict)
    text: str = ""  # the lines as one text, for a first search over all of them ("" when not known)
    python: bool = False  # Python source: lines inside long strings are text, found when first needed
    _strings: frozenset[int] | None = None

    @classmethod
    def of(cls, text: str, path: str, comment_prefixes: tuple[str, ...]) -> Lines:
        python = path.endswith(".py") and ('"""' in text or "'''" in text)
        return cls(text.split("\n"), comment_prefixes, path.endswith(NOTEBOOK_SUFFIX), text=text, python=python)

    @property
    def strings(self) -> frozenset[int]:
        """Lines of a Python file inside a docstring or other long string."""
        if self._strings is None:
            self._strings = long_string_lines(self.lines) if self.python else frozenset()
        return self._strings

    def code(self, index: int) -> str:
        """Line ``index`` (0-based) cut to the matching limit, or "" when it is a comment or a docstring's."""
        cached = self._code.get(index)
        if cached is not None:
            return cached
        line = self.lines[index][:MAX_LINE_CHARS].rstrip("\r")
        if self.notebook:
            line = _unwrap_notebook(line)
        if index in self.strings or line.lstrip().startswith(self.comment_prefixes):
            line = ""
        elif "#" in self.comment_prefixes and "#" in line:
            line = without_trailing_comment(line)
        self._code[index] = line
        return line

    def first(self, rules: Sequence[Rule], unless: Sequence[Rule] = ()) -> int | None:
        """The first line (0-based) that any of ``rules`` matches and none of ``unless`` does."""
        start = 0
        if self.text and not self.notebook and "\r" not in self.text and all(r.whole for r in rules):
            live, earliest = [], len(self.text)
            for rule in rules:
                match = rule.whole.search(self.text) if rule.whole is not None else None
                if match is not None:
                    live.append(rule)
                    earliest = min(earliest, match.start())
            if not live:
                return None
            rules, start = live, self.text.count("\n", 0, earliest)
        for index in range(start, len(self.lines)):
            line = self.code(index)
            hit = line and any(rule.regex.search(line) for rule in rules)
            if hit and not any(rule.regex.search(line) for rule in unless):
                return index
        return None


_TRAILING_HASH = re.compile(r"\s#")


def without_trailing_comment(line: str) -> str:
    """``x = "a"  # was "b"`` -> ``x = "a"``: a ``#`` after a space, outside quotes, starts a comment.

    Only where ``#`` starts comments (Python, YAML, shell, Dockerfiles); a ``#`` inside a string
    (``color: "#fff"``, ``f"{x} #{n}"``) or right after other text (``$#``, a URL's ``#anchor``) stays.
    """
    for match in _TRAILING_HASH.finditer(line):
        before = line[: match.start()]
        if before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
            return before.rstrip()
    return line


# Outside a long string: a triple quote, or a string on one line, whose quotes (r'"""') open nothing.
_TOKEN = re.compile(r'[rRbBuUfF]{0,2}(?:("""|\'\'\')|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')')
_OPENS_STRING = re.compile(r'\s*[rRbBuUfF]{0,2}(?:"""|\'\'\')')
# The first words of an SQL statement: in capitals as SQL is usually written, or a few unmistakable ones in any case.
_SQL = re.compile(
    r"\s*(?:(?:SELECT|CREATE|INSERT|MERGE|WITH|ALTER|CALL|DROP|UPDATE|DELETE|COPY|GRANT|EXECUTE)\s"
    r"|(?i:create\s+(?:or\s+replace\s+)?(?:table|view|task)|insert\s+into|merge\s+into|select\s.*\bfrom)\b)"
)


def long_string_lines(lines: list[str]) -> frozenset[int]:
    """Lines of Python source that are text, not code: a docstring, or the inside of a triple-quoted string.

    A docstring names the API it documents (``Registers the model with mlflow.register_model()``),
    which is not a call. A line that opens a string after code (``sql = \"\"\"``) stays code, and so
    does the whole string when it is SQL (its first words are a statement such as ``CREATE TASK``):
    embedded SQL is what the code runs.
    """
    inside: str | None = None  # the delimiter of the string we are in
    sql = False  # the string we are in is SQL: its lines stay code
    pending = False  # a string opened after code, with no words yet to tell whether it is SQL
    found = set()
    for index, line in enumerate(lines):
        starts_inside = inside is not None
        if starts_inside and pending and line.strip():
            sql, pending = bool(_SQL.match(line)), False
        if (not sql) if starts_inside else bool(_OPENS_STRING.match(line)):
            found.add(index)
        if '"""' not in line and "'''" not in line:
            continue  # without a triple quote, no long string opens or ends here
        position = 0
        while True:
            if inside is not None:  # only its own delimiter ends a long string
                end = line.find(inside, position)
                if end < 0:
                    break
                inside, sql, pending, position = None, False, False, end + 3
                continue
            match = _TOKEN.search(line, position)
            if match is None:
                break
            position = match.end()
            if match.group(1) is None:
                continue  # a string on one line
            if "#" in line[: match.start()] and not starts_inside:
                break  # a comment: the rest of the line is not code
            inside = match.group(1)
            after_code = not _OPENS_STRING.match(line)
            rest = line[position:]
            sql = after_code and bool(_SQL.match(rest))
            pending = after_code and not rest.strip()
    return frozenset(found)


def conftests(path: str) -> tuple[str, ...]:
    """The files whose lines a test file's ``requires`` may be met in: pytest's ``conftest.py`` beside it and above.

    A test's fixtures come from them, and with the fixtures their imports: ``import great_expectations``
    in ``tests/data/conftest.py`` is what the checks in ``tests/data/test_dataset.py`` run on. Patterns
    are still matched in the test file itself; only ``requires`` may be met in these.
    """
    folder, _, name = path.rpartition("/")
    if not (name.startswith("test_") or name.endswith("_test.py")) or not name.endswith(".py"):
        return ()
    found = []
    while True:
        found.append(f"{folder}/conftest.py" if folder else "conftest.py")
        if not folder:
            return tuple(found)
        folder = folder.rpartition("/")[0]


def _unwrap_notebook(line: str) -> str:
    """``    "import mlflow\\n",`` as stored in a notebook -> ``import mlflow``; other lines as they are."""
    match = _NOTEBOOK_LINE.fullmatch(line)
    if match is None:
        return line
    try:
        return str(json.loads(f'"{match[1]}"')).rstrip("\n")
    except ValueError:
        return match[1]
