"""The one way text is cut short, in every output and in stored evidence."""

from __future__ import annotations


def clip(text: str, width: int, unicode: bool = True) -> str:
    """Cut ``text`` to at most ``width`` characters, ending with the one mark every format uses where it was cut.

    The mark is "…" where the output may hold Unicode and "..." where it must be ASCII.
    """
    if len(text) <= width:
        return text
    mark = "…" if unicode else "..."
    return text[: max(0, width - len(mark))].rstrip() + mark
