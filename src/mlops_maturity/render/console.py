"""The one rich console and the bar every terminal format draws."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mlops_maturity.render.options import RenderOptions


def bar(score: float | None, width: int, unicode: bool) -> str:
    """A fixed-width bar for a 0-100 score."""
    full, empty = ("█", "░") if unicode else ("#", ".")
    if score is None:
        return ("·" if unicode else "-") * width
    filled = round(width * score / 100)
    return full * filled + empty * (width - filled)


def console(options: RenderOptions) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return (
        Console(
            file=buffer,
            width=options.width,
            force_terminal=options.color,
            no_color=not options.color,
            color_system="standard" if options.color else None,
            highlight=False,
            markup=False,  # renderers pass user text as plain strings too; "[/]" in a team name is a name
            emoji=False,
            soft_wrap=False,
            legacy_windows=False,
        ),
        buffer,
    )


def hanging(prefix: str, body: Text | str) -> Table:
    """``prefix`` then ``body``, whose wrapped lines hang under the body's first character, not under the prefix."""
    table = Table.grid()
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    table.add_row(prefix, body)
    return table


# A space no line may break at (rich wraps only at whitespace, and this is not), turned back into a space when
# the text is finished (``without_trailing_blanks``): "57.7 / 100" or "some don't know" stay on one line.
KEEP = "\ue000"


def together(text: str) -> str:
    """``text`` as one unit that a wrapped line never splits."""
    return text.replace(" ", KEEP)


def without_trailing_blanks(text: str) -> str:
    """Rich pads lines to the width; trailing blanks only get in the way of diffs, logs and copy-paste.

    Every text renderer finishes with this, which also turns the spaces of :func:`together` back into spaces.
    """
    return "".join(line.rstrip() + "\n" for line in text.replace(KEEP, " ").splitlines())
