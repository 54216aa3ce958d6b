"""Output formats of ``portfolio``: one module per format, each with ``render(portfolio, options) -> str``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from mlops_maturity.choices import CompareFormat
from mlops_maturity.portfolio.model import Portfolio


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    width: int = 100
    unicode: bool = True
    heatmap: str | None = None  # file name of the SVG heat map written beside the report, if any


class Renderer(Protocol):
    def __call__(self, portfolio: Portfolio, options: RenderOptions) -> str: ...


def render(fmt: CompareFormat, portfolio: Portfolio, options: RenderOptions | None = None) -> str:
    module = importlib.import_module(f"{__name__}.{fmt.value}")
    renderer: Renderer = module.render
    return renderer(portfolio, options or RenderOptions())
