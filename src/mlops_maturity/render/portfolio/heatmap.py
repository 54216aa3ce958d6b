"""The team x capability heat map as a standalone SVG, readable in light and dark mode.

Cells carry their score as a number as well as a colour, so the chart does not
depend on telling red from green. Text and background follow ``prefers-color-scheme``,
and the map carries its own background, so it stays legible on a dark page that does not
declare a scheme; cell colours are the score bands of the questionnaire, the same in both
modes, with labels chosen for contrast.
"""

from __future__ import annotations

from mlops_maturity.cut import clip
from mlops_maturity.engine.organisation.portfolio import Portfolio
from mlops_maturity.render import headline
from mlops_maturity.render.bands import band_of, ink, legend
from mlops_maturity.render.svg_text import escaped

CELL_W, CELL_H = 46, 22
CHAR_W = 7.2  # average advance of the 12px sans-serif used for labels
MAX_LABEL = 40
TITLE_H = 28

STYLE = """
  .card { fill: #ffffff; stroke: #d0d7de; }
  text { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 12px; }
  .label { fill: #1f2328; }
  .muted { fill: #59636e; }
  .na { fill: none; stroke: #8c959f; stroke-dasharray: 3 2; }
  .cell { font-variant-numeric: tabular-nums; }
  @media (prefers-color-scheme: dark) {
    .card { fill: #0d1117; stroke: #3d444d; }
    .label { fill: #e6edf3; }
    .muted { fill: #9198a1; }
    .na { stroke: #656c76; }
  }
"""


def text(value: str) -> str:
    """User text made safe for SVG (``render/svg_text.py``)."""
    return escaped(value)


def render_svg(portfolio: Portfolio) -> str:
    teams, dims = portfolio.teams, portfolio.dimensions
    label_w = int(max([len("Team"), *(len(clip(t.team, MAX_LABEL)) for t in teams)]) * CHAR_W) + 16
    longest = max([len("stage"), *(len(d.id) for d in dims)])
    grid_x, grid_y = label_w, TITLE_H + int(longest * CHAR_W * 0.72) + 24  # ids are drawn at 45 degrees
    bands = portfolio.questionnaire.score_bands
    keys = legend(bands)
    labels = [label for _, label in keys] + ["not applicable"]
    legend_w = sum(20 + len(label) * CHAR_W + 18 for label in labels)
    width = int(max(grid_x + CELL_W * (len(dims) + 1) + longest * CHAR_W * 0.72, legend_w)) + 16
    legend_y = grid_y + CELL_H * len(teams) + 24
    height = legend_y + 30
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title">',
        f'<title id="title">Capability scores of {len(teams)} teams ({text(portfolio.questionnaire.id)} '
        f"{text(portfolio.questionnaire.version)})</title>",
        f"<style>{STYLE}</style>",
        # its own background, so the labels stay legible on a page whose colours disagree with the reader's scheme
        f'<rect class="card" x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" rx="8"/>',
        f'<text class="label" x="8" y="18" font-weight="bold">Capability score per team (0-100), '
        f"{len(teams)} team{'s' if len(teams) != 1 else ''}</text>",
    ]
    for i, dim in enumerate(dims):
        x = grid_x + i * CELL_W + CELL_W / 2
        out.append(
            f'<text class="label" transform="translate({x + 4:g},{grid_y - 8}) rotate(-45)">'
            f"<title>{text(dim.title)}</title>{text(dim.id)}</text>"
        )
    x = grid_x + len(dims) * CELL_W + CELL_W / 2
    out.append(f'<text class="label" transform="translate({x + 4:g},{grid_y - 8}) rotate(-45)">stage</text>')
    for row, team in enumerate(teams):
        y = grid_y + row * CELL_H
        out.append(
            f'<text class="label" x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
            f"<title>{text(team.team)}</title>{text(clip(team.team, MAX_LABEL))}</text>"
        )
        for col, (dim, score) in enumerate(zip(dims, team.dimensions.values(), strict=True)):
            cx = grid_x + col * CELL_W
            if score is None:
                out.append(f'<rect class="na" x="{cx + 1.5}" y="{y + 1.5}" width="{CELL_W - 3}" height="{CELL_H - 3}">')
                out.append(f"<title>{text(team.team)}: {text(dim.title)} not applicable</title></rect>")
                middle = f'x="{cx + CELL_W / 2:g}" y="{y + 15}" text-anchor="middle"'
                out.append(f'<text class="muted cell" {middle}>n/a</text>')
                continue
            cell = band_of(bands, score)
            assert cell is not None
            fill = cell.colour
            out.append(
                f'<rect x="{cx + 1}" y="{y + 1}" width="{CELL_W - 2}" height="{CELL_H - 2}" fill="{fill}">'
                f"<title>{text(team.team)}: {text(dim.title)} {score:g}</title></rect>"
            )
            out.append(
                f'<text class="cell" x="{cx + CELL_W / 2:g}" y="{y + 15}" text-anchor="middle" fill="{ink(fill)}">'
                f"{round(score)}</text>"
            )
        sx = grid_x + len(dims) * CELL_W + CELL_W / 2
        stage = headline.stage_span(team.stage, team.stage_high)
        out.append(f'<text class="label cell" x="{sx:g}" y="{y + 15}" text-anchor="middle">{stage}</text>')
    lx = 8.0
    for key, label in keys:
        out.append(f'<rect x="{lx:g}" y="{legend_y}" width="14" height="14" fill="{key.colour}"/>')
        out.append(f'<text class="label" x="{lx + 20:g}" y="{legend_y + 12}">{text(label)}</text>')
        lx += 20 + len(label) * CHAR_W + 18
    out.append(f'<rect class="na" x="{lx + 1:g}" y="{legend_y + 1}" width="12" height="12"/>')
    out.append(f'<text class="label" x="{lx + 20:g}" y="{legend_y + 12}">not applicable</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
