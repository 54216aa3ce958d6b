"""``portfolio --format markdown``: the organisation view for a wiki page or a pull request."""

from __future__ import annotations

from mlops_maturity.engine.portfolio import CommonGap, Portfolio
from mlops_maturity.engine.questionnaire import ScoreBand
from mlops_maturity.render.bands import band_of, legend, square
from mlops_maturity.render.markdown import code, escape
from mlops_maturity.render.options import RenderOptions


def cell(bands: tuple[ScoreBand, ...], score: float | None) -> str:
    band = band_of(bands, score)
    return "n/a" if band is None or score is None else f"{square(band.colour)} {round(score)}"


def key(bands: tuple[ScoreBand, ...]) -> str:
    keys = (f"{square(band.colour)} {escape(label)}" for band, label in reversed(legend(bands)))
    return " · ".join(keys) + " · n/a not applicable"


def render(portfolio: Portfolio, options: RenderOptions) -> str:
    p = portfolio
    lines = [
        "# MLOps maturity across teams",
        "",
        f"{len(p.teams)} team{'s' if len(p.teams) != 1 else ''} from {p.files} answers "
        f"file{'s' if p.files != 1 else ''}, scored with questionnaire {code(p.questionnaire.id)} "
        f"version {p.questionnaire.version}. Each team is placed by its latest file.",
        "",
        "## Where the teams stand",
        "",
        "| Stage | Teams |",
        "|---|---:|",
        *(f"| {s.number} · {escape(s.name)} | {s.teams} |" for s in p.stages),
        "",
        "| Level | Teams |",
        "|---|---:|",
        *(f"| {escape(lv.name)} | {lv.teams} |" for lv in p.levels),
    ]
    if p.min_stage is not None:
        lines += ["", f"### Below stage {p.min_stage}", ""]
        if p.below_min_stage:
            lines += [f"- {escape(team)}" for team in p.below_min_stage]
        else:
            lines.append(f"Every team is at stage {p.min_stage} or above.")
    if p.teams:
        lines += ["", *_heatmap(p, options), "", *_statistics(p)]
    if p.common_gaps:
        lines += ["", *_gaps(p.common_gaps)]
    if p.trends:
        lines += ["", *_trends(p)]
    if p.notes:
        lines += ["", "## Notes", "", *(f"- {escape(note)}" for note in p.notes)]
    if p.errors:
        count = len(p.errors)
        lines += ["", "## Files left out", "", f"{count} file{'s' if count != 1 else ''} could not be read:", ""]
        lines += [f"- {escape(error.message)}" for error in p.errors]
    return "\n".join([*lines, ""])  # one copy of a long report, not two


def _heatmap(p: Portfolio, options: RenderOptions) -> list[str]:
    out = ["## Capability heat map", ""]
    if options.heatmap:
        out += [f"![Capability score per team and dimension]({options.heatmap})", ""]
    numbers = range(1, len(p.dimensions) + 1)
    out += [
        "| Team | Stage | Level | " + " | ".join(f"D{i}" for i in numbers) + " | Overall |",
        "|---|---:|---|" + "---:|" * len(p.dimensions) + "---:|",
    ]
    for t in p.teams:
        cells = " | ".join(cell(p.questionnaire.score_bands, s) for s in t.dimensions.values())
        out.append(f"| {escape(t.team)} | {t.stage} | {escape(t.level_name)} | {cells} | {t.overall_score:g} |")
    out += [
        "",
        f"Legend: {key(p.questionnaire.score_bands)}.",
        "",
        "Dimensions: "
        + "; ".join(f"**D{i}** {escape(d.title)}" for i, d in zip(numbers, p.dimensions, strict=True))
        + ".",
    ]
    return out


def _statistics(p: Portfolio) -> list[str]:
    out = [
        "## Capabilities across teams",
        "",
        "| Dimension | Mean | Lowest | Highest | Teams scored |",
        "|---|---:|---:|---:|---:|",
    ]
    for d in p.dimensions:
        if d.mean is None:
            out.append(f"| {escape(d.title)} | n/a | n/a | n/a | 0 |")
        else:
            out.append(f"| {escape(d.title)} | {d.mean:g} | {d.min:g} | {d.max:g} | {d.teams} |")
    return out


def _gaps(gaps: tuple[CommonGap, ...]) -> list[str]:
    out = [
        "## Gaps most teams share",
        "",
        "Each row is an entry criterion of the next stage that several teams miss: closing it once, as a "
        "shared platform capability, helps all of them. The last two columns name the teams it would carry "
        "to their next stage, on its own and together with every gap ranked above it.",
        "",
        "| # | Gap | Teams | Next stage once closed | With the gaps above |",
        "|---:|---|---:|---|---|",
    ]
    for i, gap in enumerate(gaps, 1):
        alone = ", ".join(escape(t) for t in gap.unlocks) or "-"
        extra = ", ".join(escape(t) for t in gap.unlocks_with_above if t not in gap.unlocks) or "-"
        out.append(f"| {i} | {escape(gap.title)} ({code(gap.question)}) | {gap.teams} | {alone} | {extra} |")
    return out


def _trends(p: Portfolio) -> list[str]:
    out = [
        "## Trends",
        "",
        "| Team | Assessments, oldest first | Stage change | Overall change |",
        "|---|---|---:|---:|",
    ]
    for trend in p.trends:
        history = " → ".join(
            f"{h.assessed_on or 'undated'}: stage {h.stage}, {h.overall_score:g}" for h in trend.history
        )
        out.append(f"| {escape(trend.team)} | {history} | {trend.stage_change:+d} | {trend.overall_change:+g} |")
    return out
