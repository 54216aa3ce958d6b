"""What every renderer is told about where its text will be shown."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    width: int = 100
    unicode: bool = True
    heatmap: str | None = None  # portfolio: file name of the SVG heat map written beside the report, if any
