"""The portfolio's renderers: golden files for every format, escaping, and the SVG's structure."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from mlops_maturity.choices import PortfolioFormat
from mlops_maturity.engine.organisation.portfolio import Portfolio
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.formats import render_portfolio
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.portfolio.heatmap import render_svg

from support import DATA
from support.generated import org_portfolio

ORG_Q = load_questionnaire(DATA / "questionnaires" / "org")
ORG = DATA / "portfolio" / "org"
BROKEN = DATA / "portfolio" / "broken"


def _portfolio() -> Portfolio:
    return org_portfolio()


def test_every_format_has_a_renderer() -> None:
    for fmt in PortfolioFormat:
        assert render_portfolio(fmt, _portfolio(), RenderOptions())


def test_json_has_the_contract_keys() -> None:
    data = json.loads(render_portfolio(PortfolioFormat.json, _portfolio(), RenderOptions()))
    for key in ("teams", "stage_distribution", "level_distribution", "dimensions", "common_gaps", "errors"):
        assert key in data
    assert set(data["teams"][0]) >= {"team", "file", "stage", "level", "overall_score"}
    assert set(data["dimensions"][0]) >= {"id", "mean", "min", "max"}
    assert set(data["common_gaps"][0]) >= {"question", "teams"}
    assert isinstance(data["common_gaps"][0]["teams"], int)
    assert set(data["errors"][0]) == {"file", "message"}
    assert data["stage_distribution"] == {"0": 1, "1": 2, "2": 1, "3": 1}


def test_the_svg_is_well_formed_escaped_and_follows_the_colour_scheme() -> None:
    svg = render_svg(_portfolio())
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "@media (prefers-color-scheme: dark)" in svg
    assert "<script" not in svg
    labels = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Delta <script>&|*Delta <script>&|*" in labels  # the <title> tooltip, then the label


def test_control_characters_in_team_names_do_not_break_the_svg() -> None:
    p = _portfolio()
    odd = p.model_copy(update={"teams": (p.teams[0].model_copy(update={"team": 'A\x01"b'}),)})
    ET.fromstring(render_svg(odd))


def test_markdown_escapes_team_names() -> None:
    text = render_portfolio(PortfolioFormat.markdown, _portfolio(), RenderOptions())
    assert "| Delta &lt;script&gt;&amp;\\|\\* |" in text
    assert "<script>" not in text
