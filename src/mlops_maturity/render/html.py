"""A self-contained HTML page made from the same Markdown the report and portfolio write.

One source of content: the Markdown, rendered by markdown-it-py (it comes with rich) with raw
HTML switched off, so every character of user text that the Markdown escaped stays text. Charts
named in the Markdown are embedded as ``data:`` images, so their styles cannot touch the page
and nothing is fetched; any other image is shown as its alt text. A Content-Security-Policy
forbids every request and every script. The page follows the reader's light or dark scheme and
prints as a clean A4 or Letter document: sections start on a new page and no chart or table row
is cut in two.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping, Sequence
from typing import Any

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
:root { color-scheme: light dark; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --bg: #ffffff;
  --soft: #f6f8fa; --accent: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #f0f6fc; --muted: #9198a1; --line: #3d444d; --bg: #0d1117; --soft: #151b23; --accent: #4493f8; }
}
html { background: var(--bg); color: var(--ink); }
body { margin: 0; font: 15px/1.55 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial,
  sans-serif; }
main { max-width: 880px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 6px; }
p, ul, ol { margin: 6px 0 10px; }
li { margin: 2px 0; }
li.task { list-style: none; margin-left: -1.2em; }
a { color: var(--accent); }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft);
  padding: 1px 4px; border-radius: 4px; }
table { border-collapse: collapse; margin: 8px 0 14px; font-size: 13px; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
img.chart { display: block; max-width: 100%; height: auto; margin: 8px 0 12px; }
hr { border: 0; border-top: 1px solid var(--line); margin: 24px 0; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  :root { --ink: #000000; --muted: #333333; --line: #999999; --bg: #ffffff; --soft: #eeeeee; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: page; }
  h2:first-of-type { break-before: avoid; }
  h2, h3 { break-after: avoid; }
  img.chart, tr, li { break-inside: avoid; }
  img.chart { max-height: 80mm; width: auto; }  /* the one-minute summary stays on its page */
  a { color: inherit; text-decoration: none; }
}
"""


def page(title: str, markdown: str, images: Mapping[str, str] | None = None) -> str:
    """The whole page; ``images`` maps an image file name used in the Markdown to its SVG text."""
    from markdown_it import MarkdownIt

    from mlops_maturity.render.svg_text import escaped

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    inline = dict(images or {})

    def image(_renderer: Any, tokens: Sequence[Any], index: int, options: Any, env: Any) -> str:
        token = tokens[index]
        alt = html.escape(token.content, quote=True)
        svg = inline.get(str(token.attrGet("src") or ""))
        if svg is None:  # a picture the page cannot carry: no request, only its description
            return f'<span class="missing-image">[{alt}]</span>'
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        return f'<img class="chart" alt="{alt}" src="data:image/svg+xml;base64,{data}">'

    renderer.add_render_rule("image", image)
    body = renderer.render(markdown).replace("<li>[ ] ", '<li class="task">☐ ')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{escaped(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
