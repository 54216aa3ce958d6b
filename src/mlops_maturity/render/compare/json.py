"""``compare --format json``: the comparison, with ``from``/``to`` keys as in the CLI contract."""

from __future__ import annotations

from mlops_maturity.engine.organisation.compare import Comparison
from mlops_maturity.render.options import RenderOptions


def render(comparison: Comparison, options: RenderOptions) -> str:
    return comparison.model_dump_json(indent=2, by_alias=True) + "\n"
