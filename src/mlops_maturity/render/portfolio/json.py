"""``portfolio --format json``: the whole organisation view, deterministic."""

from __future__ import annotations

from mlops_maturity.engine.organisation.portfolio import Portfolio
from mlops_maturity.render.options import RenderOptions


def render(portfolio: Portfolio, options: RenderOptions) -> str:
    return portfolio.model_dump_json(indent=2) + "\n"
