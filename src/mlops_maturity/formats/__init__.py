"""Output formats of ``score``: one module per format, each with ``render(report, options) -> str``.

The module is found by name (``mlops_maturity.formats.<format>``), so adding a
format means adding an enum member and a module, and touches nothing else.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Protocol

from mlops_maturity.checks import Check
from mlops_maturity.choices import Format
from mlops_maturity.result import Result


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    width: int = 100
    unicode: bool = True


@dataclass(frozen=True)
class ScoreReport:
    """Everything a format may show: the result, the gates, and where answers sit in the file."""

    result: Result
    checks: tuple[Check, ...] = ()
    file: str = ""
    lines: dict[str, int] = field(default_factory=dict)


class Renderer(Protocol):
    def __call__(self, report: ScoreReport, options: RenderOptions) -> str: ...


def renderer(fmt: Format) -> Renderer:
    module = importlib.import_module(f"{__name__}.{fmt.value}")
    render: Renderer = module.render
    return render


def render(fmt: Format, report: ScoreReport, options: RenderOptions | None = None) -> str:
    return renderer(fmt)(report, options or RenderOptions())
