"""The detail tables of the portfolio report in Markdown: teams, capabilities, shared gaps, trends."""

from __future__ import annotations

from mlops_maturity.engine.model.questionnaire import ScoreBand
from mlops_maturity.engine.organisation.portfolio import SHARED, CommonGap, Portfolio
from mlops_maturity.render import headline
from mlops_maturity.render.bands import band_of, legend, square
from mlops_maturity.render.markdown import BLANK, Markdown, code, join, md
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.portfolio import shared_gaps_line

NONE = md("-")


def cell(bands: tuple[ScoreBand, ...], score: float | None) -> Markdown:
    """A score with its band's square, kept narrow so eleven of them fit GitHub's page width."""
    band = band_of(bands, score)
    return md("n/a") if band is None or score is None else md("{}{}", square(band.colour), round(score))


def key(bands: tuple[ScoreBand, ...]) -> Markdown:
    keys = (md("{} {}", square(band.colour), label) for band, label in reversed(legend(bands)))
    return md("{} · n/a not applicable", join(keys, " · "))


def heatmap(p: Portfolio, options: RenderOptions) -> list[Markdown]:
    out = [md("### Capabilities of each team"), BLANK]
    numbers = range(1, len(p.dimensions) + 1)
    out += [
        md("| Team | Stage | Level | {} | Overall |", join((md("D{}", i) for i in numbers), " | ")),
        md("|---|---:|---|{}---:|", join([md("---:|")] * len(p.dimensions), "")),
    ]
    bands = p.questionnaire.score_bands
    for t in p.teams:
        cells = join((cell(bands, s) for s in t.dimensions.values()), " | ")
        stage, level = headline.stage_span(t.stage, t.stage_high), headline.team_level(t.level_name, t.level_determined)
        out.append(md("| {} | {} | {} | {} | {:g} |", t.team, stage, level, cells, t.overall_score))
    titles = join((md("**D{}** {}", i, d.title) for i, d in zip(numbers, p.dimensions, strict=True)), "; ")
    out += [BLANK, md("Legend: {}.", key(bands)), BLANK, md("Dimensions: {}.", titles)]
    return out


def statistics(p: Portfolio) -> list[Markdown]:
    out = [
        md("### Capabilities across teams"),
        BLANK,
        md("| Dimension | Mean | Lowest | Highest | Teams scored |"),
        md("|---|---:|---:|---:|---:|"),
    ]
    for d in p.dimensions:
        if d.mean is None or d.min is None or d.max is None:
            out.append(md("| {} | n/a | n/a | n/a | 0 |", d.title))
        else:
            out.append(md("| {} | {:g} | {:g} | {:g} | {} |", d.title, d.mean, d.min, d.max, d.teams))
    return out


def gaps(gaps: tuple[CommonGap, ...], teams: int) -> list[Markdown]:
    """The gaps ``SHARED`` teams or more miss; those of one team are counted, not listed (its report has them)."""
    shared = [gap for gap in gaps if gap.teams >= SHARED]
    single = shared_gaps_line(len(shared), len(gaps) - len(shared), "each team's own report lists them")
    out = [md("### Gaps several teams share"), BLANK]
    if shared:
        out += [
            md(
                "Each row is an entry criterion of the next stage that several teams miss: closing it once, as a "
                "shared platform capability, helps all of them. The last two columns name the teams it would carry "
                "to their next stage, on its own and together with every gap ranked above it."
            ),
            BLANK,
            md("| # | Gap | Teams (of {}) | Next stage once closed | With the gaps above |", teams),
            md("|---:|---|---:|---|---|"),
        ]
    for i, gap in enumerate(shared, 1):
        alone = join((md("{}", t) for t in gap.unlocks), ", ") or NONE
        extra = join((md("{}", t) for t in gap.unlocks_with_above if t not in gap.unlocks), ", ") or NONE
        out.append(md("| {} | {} ({}) | {} | {} | {} |", i, gap.title, code(gap.question), gap.teams, alone, extra))
    if single:
        out += [BLANK, md("{}", single)] if shared else [md("{}", single)]
    return out


def trends(p: Portfolio) -> list[Markdown]:
    out = [
        md("### Trends"),
        BLANK,
        md("| Team | Assessments, oldest first | Stage change | Overall change |"),
        md("|---|---|---:|---:|"),
    ]
    for trend in p.trends:
        history = join(
            (md("{}: stage {}, {:g}", h.assessed_on or "undated", h.stage, h.overall_score) for h in trend.history),
            " → ",
        )
        out.append(md("| {} | {} | {:+d} | {:+g} |", trend.team, history, trend.stage_change, trend.overall_change))
    return out


def respondents(p: Portfolio) -> list[Markdown]:
    """Shown once any team was answered by several people: how much each team's respondents disagree."""
    out = [
        md("### Respondents"),
        BLANK,
        md(
            "How many people's answers place each team, and how much they disagree: the disagreement index is the "
            "share of the questions answered on which the respondents are two or more options apart, or some know "
            "and others do not."
        ),
        BLANK,
        md("| Team | Respondents | Disagreement index |"),
        md("|---|---:|---:|"),
    ]
    for t in p.teams:
        index = md("one person's view") if t.disagreement_index is None else md("{:g}%", t.disagreement_index)
        out.append(md("| {} | {} | {} |", t.team, t.respondents, index))
    return out
