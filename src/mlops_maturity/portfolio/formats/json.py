"""``portfolio --format json``: the whole organisation view, deterministic."""

from __future__ import annotations

from mlops_maturity.portfolio.formats import RenderOptions
from mlops_maturity.portfolio.model import Portfolio


def render(portfolio: Portfolio, options: RenderOptions) -> str:
    return portfolio.model_dump_json(indent=2) + "\n"
