"""Render a report written by ``mlops-maturity report -o`` to HTML and to PNG, as a reader would see it.

usage: python docs/tools/report_to_png.py REPORT.md [--dark] [--max-height PIXELS]

Writes REPORT.html (and REPORT-dark.html with --dark) beside the report, then a
full-page PNG of each through headless Chromium (Debian: apt-get install chromium).
With Pillow installed, each PNG is then reduced to a 256-colour palette: a third
of the size, and no pixel moves by more than about 14 of 255.
This is a maintainer's tool for the pictures under docs/; the CLI does not use it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from markdown_it import MarkdownIt

WIDTH = 1012
CHROMIUM = [
    "chromium",
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]
# Close to GitHub's rendering of Markdown, in its light and dark themes.
STYLE = """
body { margin: 0; padding: 32px 48px; font: 16px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial,
  sans-serif; background: %(bg)s; color: %(fg)s; }
main { max-width: 912px; margin: 0 auto; }
h1, h2 { border-bottom: 1px solid %(line)s; padding-bottom: .3em; }
h1 { font-size: 2em; } h2 { font-size: 1.5em; margin-top: 24px; } h3 { font-size: 1.25em; }
table { border-collapse: collapse; margin: 16px 0; }
th, td { border: 1px solid %(line)s; padding: 6px 13px; }
tr:nth-child(2n) { background: %(stripe)s; }
code { background: %(stripe)s; padding: .2em .4em; border-radius: 6px; font-size: 85%%; }
ul.tasks { list-style: none; padding-left: 1em; }
img { max-width: 100%%; }
"""
THEMES = {
    "light": {"bg": "#ffffff", "fg": "#1f2328", "line": "#d1d9e0", "stripe": "#f6f8fa"},
    "dark": {"bg": "#0d1117", "fg": "#f0f6fc", "line": "#3d444d", "stripe": "#151b23"},
}


def to_html(markdown: str, theme: str) -> str:
    body = MarkdownIt("commonmark").enable("table").render(markdown)
    # GitHub shows "- [ ] step" as a checkbox; markdown-it's core has no task lists.
    body = body.replace("<li>[ ] ", '<li><input type="checkbox" disabled> ')
    body = re.sub(r"<ul>\n(?=<li><input)", '<ul class="tasks">\n', body)
    style = STYLE % THEMES[theme]
    return (
        f'<!doctype html>\n<html><head><meta charset="utf-8"><meta name="color-scheme" content="{theme}">'
        f"<style>{style}</style></head><body><main>\n{body}</main></body></html>\n"
    )


def chromium(*args: str, dark: bool) -> str:
    with tempfile.TemporaryDirectory() as profile:
        flags = [*CHROMIUM, f"--user-data-dir={profile}", *(["--force-dark-mode"] if dark else [])]
        done = subprocess.run([*flags, *args], capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def screenshot(html: Path, png: Path, dark: bool, max_height: int) -> None:
    # First pass: let the page report its own height, so the picture holds the whole report.
    probe = html.with_suffix(".probe.html")
    probe.write_text(
        html.read_text(encoding="utf-8").replace(
            "</body>", "<script>document.title = 'height=' + document.body.scrollHeight</script></body>"
        ),
        encoding="utf-8",
    )
    try:
        dom = chromium(f"--window-size={WIDTH},800", "--dump-dom", probe.as_uri(), dark=dark)
    finally:
        probe.unlink()
    found = re.search(r"height=(\d+)", dom)
    height = min(int(found[1]) if found else max_height, max_height)
    chromium(f"--window-size={WIDTH},{height}", f"--screenshot={png}", html.as_uri(), dark=dark)


def shrink(png: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(png) as image:
        palette = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palette.save(png, optimize=True)


def main(argv: list[str]) -> int:
    report = Path(argv[0]).resolve()
    themes = ["light", "dark"] if "--dark" in argv[1:] else ["light"]
    max_height = int(argv[argv.index("--max-height") + 1]) if "--max-height" in argv else 100_000
    for theme in themes:
        suffix = "" if theme == "light" else "-dark"
        html = report.with_name(f"{report.stem}{suffix}.html")
        html.write_text(to_html(report.read_text(encoding="utf-8"), theme), encoding="utf-8")
        png = html.with_suffix(".png")
        screenshot(html, png, dark=theme == "dark", max_height=max_height)
        shrink(png)
        print(f"wrote {html.name} and {png.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
