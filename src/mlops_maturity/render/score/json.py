"""``score --format json``: the full result, deterministic (fixed key order, fixed rounding)."""

from __future__ import annotations

from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport


def render(report: ScoreReport, options: RenderOptions) -> str:
    return report.result.model_dump_json(indent=2) + "\n"
