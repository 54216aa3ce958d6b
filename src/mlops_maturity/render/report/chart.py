"""Geometry of the capability chart: horizontal bars, one per dimension, 0 to 100.

Bars rather than a radar: dimension titles are long, and a bar with its title
above it stays readable at any count of dimensions. This module only computes
positions and labels; ``templates/chart.svg.j2`` draws them.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlops_maturity.cut import clip
from mlops_maturity.engine.model.questionnaire import ScoreBand
from mlops_maturity.engine.model.result import Result
from mlops_maturity.inert import map_strings
from mlops_maturity.render.bands import band_of, legend
from mlops_maturity.render.svg_text import plain
from mlops_maturity.render.wording import number

WIDTH = 720
PAD = 24
SCORE_SPACE = 56
TOP = 70
ROW = 26
LABEL_CHARS = 88


@dataclass(frozen=True)
class Bar:
    label: str
    score: str
    colour: str | None  # the score band's colour; None for a dimension with no score
    label_y: int
    bar_y: int
    width: str


@dataclass(frozen=True)
class Tick:
    x: str
    label: str


@dataclass(frozen=True)
class Legend:
    colour: str
    label: str
    x: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    x0: int
    span: int
    top: int
    bottom: int
    title: str
    subtitle: str
    description: str
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    overall_x: str
    overall_label_x: str
    overall: str
    legend: tuple[Legend, ...]
    legend_y: int


def build_chart(result: Result) -> Chart:
    result = map_strings(result, plain)  # one line, nothing XML forbids (the template escapes the rest)
    span = WIDTH - 2 * PAD - SCORE_SPACE
    bands = result.questionnaire.score_bands
    keys = legend(bands)
    step = (WIDTH - 2 * PAD) // max(1, len(keys))

    def x(score: float) -> str:
        return number(PAD + span * score / 100)

    bars = tuple(
        Bar(
            label=clip(d.title, LABEL_CHARS),
            score=number(d.score),
            colour=_colour(bands, d.score),
            label_y=TOP + i * ROW + 10,
            bar_y=TOP + i * ROW + 14,
            width=number(span * (d.score or 0.0) / 100),
        )
        for i, d in enumerate(result.dimensions)
    )
    bottom = TOP + len(bars) * ROW
    team = result.team or "this team"
    scores = "; ".join(f"{d.title}: {number(d.score)}" for d in result.dimensions)
    return Chart(
        width=WIDTH,
        height=bottom + 56,
        x0=PAD,
        span=span,
        top=TOP,
        bottom=bottom,
        title="Capability profile",
        subtitle=f"{team} · scores out of 100 · overall {number(result.overall_score)}",
        description=f"Bar chart of capability scores out of 100. {scores}.",
        bars=bars,
        ticks=tuple(Tick(x(v), str(v)) for v in (0, 25, 50, 75, 100)),
        overall_x=x(result.overall_score),
        overall_label_x=x(min(max(result.overall_score, 7.0), 93.0)),
        overall=number(result.overall_score),
        legend=tuple(Legend(band.colour, label, PAD + i * step) for i, (band, label) in enumerate(keys)),
        legend_y=bottom + 42,
    )


def _colour(bands: tuple[ScoreBand, ...], score: float | None) -> str | None:
    band = band_of(bands, score)
    return band.colour if band is not None else None
