"""``consensus --format json``: the whole view, deterministic."""

from __future__ import annotations

from mlops_maturity.engine.respondents.view import ConsensusView
from mlops_maturity.render.options import RenderOptions


def render(view: ConsensusView, options: RenderOptions) -> str:
    return view.model_dump_json(indent=2) + "\n"
