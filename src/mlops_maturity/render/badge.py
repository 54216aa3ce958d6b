"""A README badge as a standalone SVG: "MLOps | stage 3 · level Low", drawn here, no badge service.

The right half is filled with the colour of the score band that the stage's
share of the way to the top falls in (stage 3 of 5 is 60, "fair"), so the
colours come from the questionnaire's ``score_bands`` like every other chart.
Each half has its own fill and its text the ink that contrasts most with it,
so the badge reads the same on a light and a dark page.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlops_maturity.engine.model.questionnaire import ScoreBand
from mlops_maturity.engine.model.result import Result
from mlops_maturity.render import headline
from mlops_maturity.render.bands import band_of, ink
from mlops_maturity.render.svg_text import escaped

LABEL = "MLOps"
LABEL_FILL = "#555555"
HEIGHT = 20
PAD = 6
# Advance widths of 11px Verdana, the badge font, in pixels; other characters take WIDE.
_NARROW = set("fijlrtI.,:;'!|() ·")
_WIDE = set("mwMW@%")


def text_width(text: str) -> float:
    """An estimate of ``text``'s width in 11px Verdana, enough to size the badge around it."""
    return sum(4.0 if c in _NARROW else 10.0 if c in _WIDE else 7.0 for c in text)


def message(result: Result) -> str:
    """``stage 3 · level Low``, or ``stage 3–5 · level open`` where unknown answers leave them open
    (the level's name without the word "MLOps" the label already says)."""
    return headline.short(result)


def colour(result: Result, bands: Sequence[ScoreBand]) -> str:
    share = 100 * result.stage.number / result.stage.top if result.stage.top else 0.0
    band = band_of(bands, share)
    return band.colour if band is not None else bands[0].colour


def render(result: Result, bands: Sequence[ScoreBand]) -> str:
    right = message(result)
    fill = colour(result, bands)
    left_w = round(text_width(LABEL) + 2 * PAD)
    right_w = round(text_width(right) + 2 * PAD)
    width = left_w + right_w
    title = escaped(f"{LABEL} {right}")
    shown = escaped(right)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{HEIGHT}" '
        f'viewBox="0 0 {width} {HEIGHT}" role="img" aria-label="{title}">\n'
        f"  <title>{title}</title>\n"
        f'  <clipPath id="r"><rect width="{width}" height="{HEIGHT}" rx="3"/></clipPath>\n'
        f'  <g clip-path="url(#r)">\n'
        f'    <rect width="{left_w}" height="{HEIGHT}" fill="{LABEL_FILL}"/>\n'
        f'    <rect x="{left_w}" width="{right_w}" height="{HEIGHT}" fill="{fill}"/>\n'
        "  </g>\n"
        '  <g text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\n'
        f'    <text x="{left_w / 2:g}" y="14" fill="{ink(LABEL_FILL)}">{LABEL}</text>\n'
        f'    <text x="{left_w + right_w / 2:g}" y="14" fill="{ink(fill)}">{shown}</text>\n'
        "  </g>\n"
        "</svg>\n"
    )
