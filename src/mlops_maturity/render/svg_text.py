"""User text for SVG and HTML: the one stripping both use, the same as the Markdown's.

A team name or a label is shown on one line, without the control characters XML
1.0 forbids (a chart with one is not well-formed and shows nothing) and without
the bidirectional overrides that make text read differently from what it is:
``one_line`` of ``render/markdown.py``, which the Markdown (and so the HTML page's
headings) applies. So the HTML ``<title>`` says what its ``<h1>`` says, and the
badge, the report's chart and the portfolio's heat map strip alike.
"""

from __future__ import annotations

import html

from mlops_maturity.render.markdown import one_line


def plain(text: str) -> str:
    """``text`` on one line, with nothing that XML forbids or that reorders text."""
    return one_line(text)


def escaped(text: str) -> str:
    """:func:`plain`, escaped for an SVG or HTML text node or a quoted attribute."""
    return html.escape(plain(text), quote=True)
