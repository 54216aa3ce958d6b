"""The one way Markdown is built: free text is escaped by construction, never by remembering.

Team names, evidence and reasons come from the answers file, and an
organisation may ship its own questionnaire, so any of them could carry HTML,
links, emphasis or block markers. Code builds Markdown only as :class:`Markdown`
values made by :func:`md`, which escapes every value it fills into a trusted
template, so a renderer typed to return ``Markdown`` cannot pass raw text
through (mypy rejects a plain ``str``). Report templates get the same escaper
through Jinja's ``finalize``. Importing this module costs no Jinja.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

# Characters with a meaning inside a line of Markdown (CommonMark and GitHub's
# extensions: tables, strikethrough, math, autolinked e-mail addresses).
# CommonMark lets a backslash escape any ASCII punctuation, so this is lossless.
_INLINE = re.compile(r"([\\`*_\[\]()|~$@])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Bare URLs and www. names are turned into links by GitHub; an escape splits them.
_AUTOLINK = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):(?=//)|\b(www)\.")
# A value placed at the start of a line must not open a heading, list, quote or rule.
# (An ordered-list number counts only when a space or the end follows it, so 2.1.0 stays as it is.)
_BLOCK_START = re.compile(r"^(#|[-+=]|\d{1,9}(?=[.)](?: |$)))")
# Line breaks of every kind, tabs and other controls, the bidirectional
# overrides that can make text read differently from what it is, and the code
# points XML forbids (lone surrogates, U+FFFE, U+FFFF); render/svg_text.py
# strips SVG and HTML text with the same ``one_line``.
_SPACE = re.compile(r"[\s\u0085\u2028\u2029]+")
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def one_line(text: str) -> str:
    """Collapse every run of whitespace, line breaks included, into one space."""
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def markdown_text(text: str) -> str:
    """Literal text for a Markdown paragraph, list item, heading or table cell."""
    out = _INLINE.sub(r"\\\1", one_line(text))
    out = out.translate(_ENTITIES)
    out = _AUTOLINK.sub(lambda m: f"{m[1]}\\:" if m[1] else f"{m[2]}\\.", out)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\" if m[1][0].isdigit() else f"\\{m[1]}", out)


escape = markdown_text  # the one escaper of every Markdown output


class Markdown(str):
    """Markdown that is safe as it stands: made by :func:`md`, :func:`code` or :func:`join`, never from raw text."""

    __slots__ = ()


class _Escaping(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Markdown):
            return str(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return format(value, format_spec)  # a number carries no markup, even with a sign in front
        return markdown_text(format(value, format_spec))


_FORMATTER = _Escaping()


def md(template: str, *values: Any) -> Markdown:
    """Fill each ``{}`` (``{:g}`` and other format specs allowed) of a trusted literal template.

    Every value is formatted, then escaped as literal text, unless it is already
    ``Markdown``. The template itself is never user text (a test holds every call
    to a literal).
    """
    return Markdown(_FORMATTER.vformat(template, values, {}))


BLANK = Markdown("")  # an empty line between blocks


def join(parts: Iterable[Markdown], separator: str = "\n") -> Markdown:
    """Markdown pieces joined by a trusted separator (a line break by default)."""
    return Markdown(separator.join(parts))


def code(text: str) -> Markdown:
    """Inline code for identifiers (question ids, file names); backticks inside widen the fence."""
    text = " ".join(text.split())
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markdown(f"{fence}{pad}{text}{pad}{fence}")


def url_path(name: str) -> str:
    """A file name as a relative link target that cannot break out of ``(...)``."""
    return quote(name, safe="")


def link_target(name: str) -> Markdown:
    """A file name, quoted, to put inside a link's ``(...)``."""
    return Markdown(url_path(name))
