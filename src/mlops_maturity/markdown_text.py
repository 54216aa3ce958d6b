"""Put user text (team names, evidence, file names) into Markdown without it turning into markup."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: str) -> str:
    """One line of literal text: markup characters escaped, HTML neutralised, line breaks flattened."""
    text = " ".join(text.split())
    text = "".join(_HTML.get(c, c) for c in text)
    return _SPECIAL.sub(r"\\\1", text)


def code(text: str) -> str:
    """Inline code for identifiers (question ids, file names); backticks inside widen the fence."""
    text = " ".join(text.split())
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
