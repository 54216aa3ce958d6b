"""``portfolio --format html``: the organisation view as one self-contained page, made from its Markdown."""

from __future__ import annotations

from dataclasses import replace

from mlops_maturity.engine.organisation.portfolio import Portfolio
from mlops_maturity.render.options import RenderOptions

HEATMAP = "capability-heatmap.svg"  # the name the page's Markdown uses for the heat map it carries inline


def render(portfolio: Portfolio, options: RenderOptions) -> str:
    from mlops_maturity.render.html import page
    from mlops_maturity.render.portfolio import heatmap, markdown

    text = markdown.render(portfolio, replace(options, heatmap=HEATMAP if portfolio.teams else None))
    return page(f"{portfolio.questionnaire.title} across teams", text, {HEATMAP: heatmap.render_svg(portfolio)})
