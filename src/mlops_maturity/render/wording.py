"""How numbers, changes, shares and plurals are written in every format (cutting text is ``cut.py``'s)."""

from __future__ import annotations


def signed(value: float | int) -> str:
    """``+3``, ``-1.5``, ``0``: a change with its sign."""
    return f"{value:+g}" if value else "0"


def number(value: float | None, digits: int = 1) -> str:
    """A score for people: ``57.5``, ``60``, never ``57.49999`` or ``6e+01``; ``n/a`` for none."""
    if value is None:
        return "n/a"
    text = f"{round(float(value), digits):.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(ratio: float) -> str:
    return f"{round(float(ratio) * 100)}%"


def plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"
