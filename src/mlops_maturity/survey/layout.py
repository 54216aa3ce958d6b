"""How a survey screen is laid out: lines that may go when the terminal is short, wrapping under a hanging
indent, and drawing with rich into a string."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.text import Text

from mlops_maturity.render.console import console
from mlops_maturity.render.options import RenderOptions


@dataclass(frozen=True)
class Unwrapped:
    """A line the terminal wraps itself, so that a command copied from it stays one line."""

    text: Text


@dataclass(frozen=True)
class Spare:
    """A line that repeats what the screen shows otherwise; it goes after the blank lines."""

    text: Text


Line = Text | Unwrapped | Spare | None  # None is a blank line that may go when space is short


@dataclass(frozen=True)
class ScreenOptions:
    color: bool = False
    unicode: bool = True
    width: int = 80
    height: int = 24

    @property
    def render(self) -> RenderOptions:
        return RenderOptions(color=self.color, width=self.width, unicode=self.unicode)

    @property
    def dot(self) -> str:
        return "·" if self.unicode else "-"


def draw(lines: list[Line], options: ScreenOptions, reserve: int | None = 1) -> str:
    """Render lines; when they would not fit above ``reserve`` prompt lines, drop the blank ones.

    ``reserve=None`` never drops them (a screen that scrolls anyway reads better with them).
    """
    text = _draw(lines, options, level=0)
    for level in (1, 2):
        if reserve is None or text.count("\n") + reserve <= options.height:
            break
        text = _draw(lines, options, level=level)
    return text


def _draw(lines: list[Line], options: ScreenOptions, level: int) -> str:
    """``level`` 0 draws everything, 1 drops blank lines, 2 drops spare lines too."""
    out, buffer = console(options.render)
    for line in lines:
        if line is None:
            if level < 1:
                out.print()
        elif isinstance(line, Spare):
            if level < 2:
                out.print(line.text)
        elif isinstance(line, Unwrapped):
            out.print(line.text, soft_wrap=True)
        else:
            out.print(line)
    return buffer.getvalue()


def wrapped(
    prefix: str, text: str, width: int, style: str = "", prefix_style: str = "", max_lines: int | None = None
) -> list[Text]:
    """``text`` wrapped under a hanging indent as wide as ``prefix``; cut with "…" after ``max_lines`` lines."""
    indent = " " * len(prefix)
    room = max(20, width - len(prefix) - 1)
    body = textwrap.wrap(text, room, break_on_hyphens=False, break_long_words=False) or [""]
    if max_lines is not None and len(body) > max_lines:
        body = body[: max(1, max_lines)]
        body[-1] = body[-1][: room - 2].rstrip() + " …"
    out = []
    for i, chunk in enumerate(body):
        line = Text(prefix if i == 0 else indent, style=prefix_style if i == 0 else "")
        line.append(chunk, style=style)
        out.append(line)
    return out
