"""``score --format json``: the full result, deterministic (fixed key order, fixed rounding)."""

from __future__ import annotations

from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport


def render(report: ScoreReport, options: RenderOptions) -> str:
    result = report.result
    # A file that does not say which systems the team runs reads as it did before the questionnaire asked.
    return result.model_dump_json(indent=2, exclude={"systems"} if result.systems is None else None) + "\n"
