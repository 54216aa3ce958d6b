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


EXCERPT_CHARS = 60


def excerpt(value: object, width: int = EXCERPT_CHARS) -> str:
    """A value from an input file as a message quotes it: escaped, and cut short with its length when long.

    ``repr`` escapes line breaks, control characters and invisible ones (``'\\x1b'``,
    ``'\\u202e'``), so a quoted value is always one visible line; a value of any size
    (a token, a pasted file) is never echoed beyond ``width`` characters.
    """
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= width:
        return repr(text) if isinstance(value, str) else text
    return f"{clip(text, width, unicode=False)!r} ({len(text):,} characters)"
