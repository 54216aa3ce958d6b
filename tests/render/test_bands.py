"""Score bands: one definition in the questionnaire, the same colour for the same score everywhere."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from mlops_maturity.engine.model.questionnaire import DEFAULT_BANDS, Questionnaire, ScoreBand
from mlops_maturity.engine.model.result import QuestionnaireRef
from mlops_maturity.engine.organisation.portfolio import Portfolio
from mlops_maturity.render.bands import band_of, ink, legend, square
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.portfolio import heatmap, markdown, text


@pytest.mark.parametrize(
    ("score", "expected"),
    [(None, None), (0.0, "missing"), (24.9, "missing"), (25.0, "weak"), (49.9, "weak"), (50.0, "fair"),
     (74.9, "fair"), (75.0, "strong"), (100.0, "strong")],
)  # fmt: skip
def test_a_score_falls_in_the_band_that_starts_at_or_below_it(score: float | None, expected: str | None) -> None:
    band = band_of(DEFAULT_BANDS, score)
    assert (band.id if band is not None else None) == expected


def test_the_legend_names_the_scores_each_band_covers() -> None:
    assert [label for _, label in legend(DEFAULT_BANDS)] == [
        "0-24 missing",
        "25-49 weak",
        "50-74 fair",
        "75-100 strong",
    ]


def test_text_on_a_fill_takes_the_ink_that_contrasts_more() -> None:
    assert ink("#cf222e") == "#ffffff"  # red
    assert ink("#bf8700") == "#1f2328"  # amber
    assert ink("#ffffff") == "#1f2328" and ink("#000000") == "#ffffff"


def test_each_band_gets_the_markdown_square_nearest_its_colour() -> None:
    assert [square(b.colour) for b in DEFAULT_BANDS] == ["🟥", "🟧", "🟨", "🟩"]
    assert [square(c) for c in ("#0969da", "#6f42c1", "#888888", "#111111")] == ["🟦", "🟪", "⬜", "⬛"]


def test_the_default_bands_are_valid_bands() -> None:
    assert tuple(ScoreBand.model_validate(b.model_dump()) for b in DEFAULT_BANDS) == DEFAULT_BANDS


def test_the_shipped_questionnaire_defines_its_bands(shipped: Questionnaire) -> None:
    assert [b.start for b in shipped.score_bands] == [0, 25, 50, 75]


@pytest.mark.parametrize(
    ("starts", "message"),
    [((10, 50), "the first score band starts at 0"), ((0, 50, 50), "each starting above the one before")],
)
def test_bands_must_start_at_zero_and_rise(starts: tuple[int, ...], message: str, shipped: Questionnaire) -> None:
    bands = [{"id": f"b{i}", "label": "x", "start": s, "colour": "#000000"} for i, s in enumerate(starts)]
    data = {**shipped.model_dump(), "score_bands": bands}
    with pytest.raises(ValidationError, match=message):
        Questionnaire.model_validate(data)


def _portfolio(bands: tuple[ScoreBand, ...], score: float) -> Portfolio:
    ref = QuestionnaireRef(id="q", version="1.0.0", title="Q", score_bands=bands)
    team = {
        "team": "A", "file": "a.yaml", "assessed_on": None, "stage": 1, "stage_high": 1, "stage_name": "One",
        "level": "no", "level_name": "No", "overall_score": score, "dimensions": {"d": score}, "gaps": (), "files": 1,
    }  # fmt: skip
    return Portfolio.model_validate(
        {
            "questionnaire": ref, "files": 1, "teams": [team], "stage_distribution": {}, "level_distribution": {},
            "stages": [], "levels": [], "dimensions": [{"id": "d", "title": "D", "mean": score, "min": score,
            "max": score, "teams": 1}], "common_gaps": [], "min_stage": None, "below_min_stage": [], "trends": [],
            "notes": [], "errors": [],
        }
    )  # fmt: skip


CUSTOM = (
    ScoreBand(id="low", label="low", start=0, colour="#6f42c1"),
    ScoreBand(id="high", label="high", start=60, colour="#0969da"),
)


@pytest.mark.parametrize("bands", [DEFAULT_BANDS, CUSTOM], ids=["shipped", "custom"])
@pytest.mark.parametrize("score", [10.0, 30.0, 55.0, 65.0, 90.0])
def test_the_same_score_has_the_same_colour_in_every_portfolio_view(bands: tuple[ScoreBand, ...], score: float) -> None:
    expected = band_of(bands, score)
    assert expected is not None
    portfolio = _portfolio(bands, score)
    svg = heatmap.render_svg(portfolio)
    cells = re.findall(r'<rect x="[^"]+" y="[^"]+" width="44" height="20" fill="(#[0-9a-f]{6})"', svg)
    assert cells == [expected.colour]
    assert f"| {square(expected.colour)}{round(score)} |" in markdown.render(portfolio, RenderOptions())
    assert text.band_style(bands, score) == expected.colour
