"""Output formats of ``compare``: one module per format, each with ``render(comparison, options) -> str``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from mlops_maturity.choices import CompareFormat
from mlops_maturity.compare import Comparison


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    width: int = 100
    unicode: bool = True


class Renderer(Protocol):
    def __call__(self, comparison: Comparison, options: RenderOptions) -> str: ...


def render(fmt: CompareFormat, comparison: Comparison, options: RenderOptions | None = None) -> str:
    module = importlib.import_module(f"{__name__}.{fmt.value}")
    renderer: Renderer = module.render
    return renderer(comparison, options or RenderOptions())


def signed(value: float | int) -> str:
    """``+3``, ``-1.5``, ``0``: a change with its sign."""
    return f"{value:+g}" if value else "0"
