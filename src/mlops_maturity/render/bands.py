"""Score bands as every chart, table and heat map draws them: one definition, in the questionnaire data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlops_maturity.engine.model.questionnaire import ScoreBand

DARK_INK = "#1f2328"
LIGHT_INK = "#ffffff"


def band_of(bands: Sequence[ScoreBand], score: float | None) -> ScoreBand | None:
    """The band a score falls in; ``None`` for a dimension with no score (every question not applicable)."""
    if score is None:
        return None
    found = bands[0]
    for band in bands:
        if score >= band.start:
            found = band
    return found


def legend(bands: Sequence[ScoreBand]) -> list[tuple[ScoreBand, str]]:
    """Each band with the scores it covers, as people read them: ``0-24 missing``, ..., ``75-100 strong``."""
    out = []
    for i, band in enumerate(bands):
        end = f"{bands[i + 1].start - 1:g}" if i + 1 < len(bands) else "100"
        out.append((band, f"{band.start:g}-{end} {band.label}"))
    return out


def ink(colour: str) -> str:
    """The text colour that reads best on a fill: dark or white, whichever contrasts more (WCAG luminance)."""
    fill = _luminance(colour)
    dark = _luminance(DARK_INK)
    on_dark_ink = (fill + 0.05) / (dark + 0.05)
    on_white = 1.05 / (fill + 0.05)
    return DARK_INK if on_dark_ink >= on_white else LIGHT_INK


# The coloured squares Markdown can show, by hue; a band's square is the one nearest its colour.
_SQUARES = ((0.0, "🟥"), (30.0, "🟧"), (50.0, "🟨"), (110.0, "🟩"), (210.0, "🟦"), (275.0, "🟪"), (360.0, "🟥"))


def square(colour: str) -> str:
    """The emoji square closest to a colour, for Markdown tables (greys and near-blacks become ⬜ or ⬛)."""
    import colorsys

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    if saturation < 0.2 or lightness < 0.12 or lightness > 0.92:
        return "⬜" if lightness >= 0.5 else "⬛"
    degrees = hue * 360
    return min(_SQUARES, key=lambda item: abs(item[0] - degrees))[1]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
