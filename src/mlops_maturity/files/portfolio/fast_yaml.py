"""A fast reader for the everyday shape of an answers file, or ``None`` to use the full parser.

Nearly every answers file is a few top-level keys and a mapping of
``question: option`` lines, some in long form one level deeper. ``yaml_reader.parse``
builds a libyaml node tree and walks it in Python (about 0.3 ms for a
60-question file); reading that shape line by line costs a fraction of it,
which is what makes a portfolio of thousands of files cheap.

Anything outside the shape returns ``None`` and the caller falls back to
``yaml_reader.parse``, which gives the same ``Document`` or the precise error: flow
collections, block scalars, sequences, anchors, tags, escapes, multi-line
scalars, tabs, control characters, odd indentation, duplicate keys. The tests
check that the two readers agree on every document this one accepts.

Kept for what ``benchmarks/portfolio_bench.py`` measures: a portfolio of 2,000
files takes 1.1 s with this reader and ``fast_answers_check.py``, 2.0 s without.
"""

from __future__ import annotations

import re

from mlops_maturity.files.yaml_reader import Document, Loc

# One line of the shape: ``KEY: VALUE  # comment`` (VALUE optional), or a blank or comment line.
# VALUE is double-quoted without escapes, single-quoted, or plain with no ':' or '#' in it and
# no indicator character in front. ``findall`` yields one (indent, key, value) per line it
# accepts, so a count short of the number of lines means some line is outside the shape.
_LINE = re.compile(
    r"""^(?:
        (\ *)([A-Za-z0-9_][A-Za-z0-9_.-]*):
        (?:\ +("[^"\\\n]*"|'(?:[^'\n]|'')*'|[\w(][^\#:\n]*))?
        \ *(?:\ \#[^\n]*)?
      | \ *(?:\#[^\n]*)?
    )$""",
    re.MULTILINE | re.VERBOSE,
)
_NULLS = frozenset(("null", "Null", "NULL"))

MAX_LINES = 10_000  # far below yaml_reader's node limit, so the two never disagree on a limit
MAX_NESTING = 4


def quick_parse(text: str, file: str) -> Document | None:
    """Parse ``text`` if it has the common shape; ``None`` means "use ``yaml_reader.parse``"."""
    text = text.replace("\r\n", "\n")
    lines = _LINE.findall(text)
    if len(lines) != text.count("\n") + 1 or len(lines) > MAX_LINES or not text.replace("\n", "").isprintable():
        return None
    root: dict[str, object] = {}
    where: dict[Loc, int] = {}
    stack: list[tuple[int, dict[str, object], Loc]] = [(0, root, ())]
    pending: tuple[int, str, Loc] | None = None  # the last ``key:`` with nothing after it
    for number, (spaces, key, raw) in enumerate(lines, 1):
        if not key:
            continue
        indent = len(spaces)
        if pending is not None:
            if indent > pending[0]:  # ``key:`` opens a nested mapping
                if len(stack) >= MAX_NESTING:
                    return None
                child: dict[str, object] = {}
                stack[-1][1][pending[1]] = child
                stack.append((indent, child, pending[2]))
            pending = None
        while indent < stack[-1][0]:
            stack.pop()
        top, mapping, loc = stack[-1]
        if indent != top or key in mapping:
            return None
        key_loc = (*loc, key)
        where.setdefault((), number)
        where[key_loc] = number
        if not raw:
            mapping[key] = None
            pending = (indent, key, key_loc)
        elif raw[0] == '"':
            mapping[key] = raw[1:-1]
        elif raw[0] == "'":
            mapping[key] = raw[1:-1].replace("''", "'")
        else:
            raw = raw.rstrip(" ")
            mapping[key] = None if raw in _NULLS else raw
    return Document(file, root, where) if root else None
