"""The capability chart: geometry from the result, drawn as well-formed, self-contained SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import DEFAULT_BANDS
from mlops_maturity.engine.model.result import Result
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.report import render_report
from mlops_maturity.render.report.chart import build_chart

from support import DATA as SUPPORT_DATA

DATA = SUPPORT_DATA
SVG = "{http://www.w3.org/2000/svg}"


def _result(team: str) -> Result:
    q = load_questionnaire(DATA / "questionnaires" / "report")
    return assess(q, load_answers(DATA / "report" / f"{team}.yaml", q))


def test_bars_follow_the_dimensions() -> None:
    chart = build_chart(_result("fraud"))
    strong, fair, weak = "#1a7f37", "#bf8700", "#e16f24"  # the default bands: the report questionnaire has none
    assert [(b.label, b.score, b.colour, b.width) for b in chart.bars] == [
        ("Use cases and sponsorship", "100", strong, "616"),
        ("Deployment and serving (Continuous Delivery)", "55.6", fair, "342.5"),
        ("Monitoring", "25", weak, "154"),
        ("Training pipeline and retraining", "44.4", weak, "273.5"),
        ("Delivery outcomes", "50", fair, "308"),
    ]
    assert [t.x for t in chart.ticks] == ["24", "178", "332", "486", "640"]
    assert chart.overall == "55" and chart.overall_x == "362.8"
    assert chart.height == chart.bottom + 56 == 70 + 5 * 26 + 56


@pytest.mark.parametrize("team", ["pilot", "fraud", "platform"])
def test_svg_is_well_formed_and_self_contained(team: str) -> None:
    svg = render_report(_result(team), chart_name="x.svg").svg
    assert svg is not None
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == f"0 0 720 {root.get('height')}"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    style = root.find(f"{SVG}style")
    assert style is not None and "@media (prefers-color-scheme: dark)" in (style.text or "")
    assert not re.search(r"https?:|@import|url\(|href", svg.replace("http://www.w3.org/2000/svg", ""))
    colours = {band.colour for band in DEFAULT_BANDS}
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") in colours and r.get("height") == "8"]
    assert len(bars) == 5


def test_team_name_is_escaped_in_the_svg() -> None:
    svg = render_report(_result("platform"), chart_name="x.svg").svg
    assert svg is not None
    root = ET.fromstring(svg)
    assert "Search & ranking <core> | [EU] *team*" in "".join(root.itertext())
    assert "<core>" not in svg
