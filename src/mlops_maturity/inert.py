"""Text made inert for a terminal or a CI log: the one escaping of every value that reaches one.

Team names, respondents, file and folder names, question and option ids, labels
of an organisation's own questionnaire and the reasons in a repository's
annotations file are all text someone else wrote. Printed raw, a newline in one
starts a line that GitHub reads as a workflow command (``::warning ...``), an
escape sequence recolours the terminal, clears it or plants a link (OSC 8), a
backspace or carriage return overwrites what was printed, and a bidirectional
override makes a name read differently from what it is. :func:`inert` shows each
such character as its escape (``\\x1b``, ``\\u202e``) and turns line breaks and
tabs into spaces, so a value always stays on its line and shows what it holds.
A terminal or a log may still wrap a long line anywhere, so ``::`` (what a GitHub
workflow command starts with, even after spaces) gets a zero-width space between
its colons: it reads the same and can never open a command, wherever a line breaks.

It is applied by construction, not by remembering: errors (``errors.Problem``
and ``MaturityError``) and every line a command prints to stderr
(``cli/output.py``) go through :func:`inert`, and the renderers of the terminal
and CI formats get their input through :func:`inert_all` (``render/formats.py``),
so they never see raw text. Markdown and HTML have their own escaping
(``render/markdown.py``); JSON and SARIF escape by their own rules.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

# Line breaks of every kind and tabs: shown as a space, so the value stays on its line.
_BREAKS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"
# What a terminal acts on instead of showing: the other C0 controls, DEL, the C1 controls (CSI and OSC among
# them), and the marks and overrides that reorder text (the characters of "Trojan Source").
_ACTED_ON = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_BREAKS}{_ACTED_ON}]|::")
_BREAK = frozenset(_BREAKS)
_COLONS = ":\u200b:"


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if char == "::":
        return _COLONS
    if char in _BREAK:
        return " "
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """``text`` with nothing a terminal or a CI log would act on: controls shown escaped, line breaks as spaces,
    ``::`` split by a zero-width space.

    Idempotent (what it returns holds nothing it would change), and text without
    such characters comes back as the same object.
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_shown, text)


T = TypeVar("T")


def inert_all(value: T) -> T:
    """A copy of ``value`` with :func:`inert` applied to every string in it, keys included (see :func:`map_strings`).

    A renderer given the copy cannot print raw text, whatever field it reads.
    """
    return map_strings(value, inert)


def map_strings(value: T, change: Callable[[str], str]) -> T:
    """A copy of ``value`` with ``change`` applied to every string in it, keys included.

    Walks tuples, lists, dicts, sets, dataclasses and pydantic models; parts with
    nothing to change are shared, not copied, and enums and numbers are kept as they
    are. A model is rebuilt from its fields without validation (they were valid), so
    values a ``cached_property`` computed from the old text are not carried over.
    """
    return _Walk(change).walk(value)  # type: ignore[no-any-return]


class _Walk:
    def __init__(self, change: Callable[[str], str]) -> None:
        self.change = change
        self.memo: dict[int, Any] = {}

    def walk(self, value: Any) -> Any:
        if isinstance(value, str):
            return value if isinstance(value, Enum) else self.change(value)
        if value is None or isinstance(value, (int, float, bytes, Enum)):
            return value
        key = id(value)
        if key not in self.memo:
            self.memo[key] = self._container(value)
        return self.memo[key]

    def _container(self, value: Any) -> Any:
        if isinstance(value, (tuple, list, set, frozenset)):
            items = [self.walk(item) for item in value]
            if all(new is old for new, old in zip(items, value, strict=True)):
                return value
            if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
                return type(value)(*items)
            return type(value)(items)
        if isinstance(value, dict):
            pairs = [(self.walk(k), self.walk(v)) for k, v in value.items()]
            if all(nk is k and nv is v for (nk, nv), (k, v) in zip(pairs, value.items(), strict=True)):
                return value
            return type(value)(pairs)
        if hasattr(type(value), "model_fields") and hasattr(value, "__dict__"):  # a pydantic model
            return self._rebuilt(value, {name: getattr(value, name) for name in type(value).model_fields}, True)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._rebuilt(value, {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}, False)
        return value

    def _rebuilt(self, value: Any, fields: dict[str, Any], pydantic: bool) -> Any:
        changed = {}
        for name, old in fields.items():
            new = self.walk(old)
            if new is not old:
                changed[name] = new
        if not changed:
            return value
        if pydantic:
            return type(value).model_construct(_fields_set=value.model_fields_set, **{**fields, **changed})
        clone = copy.copy(value)  # frozen dataclasses too: the copy is ours until it is returned
        for name, new in changed.items():
            object.__setattr__(clone, name, new)
        return clone
