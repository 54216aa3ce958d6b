"""``portfolio --format markdown``: one screen for the organisation, then the detail."""

from __future__ import annotations

from mlops_maturity.engine.organisation.portfolio import Portfolio, SharedInvestment
from mlops_maturity.render.markdown import BLANK, Markdown, code, join, link_target, md
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.portfolio import tables


def _plural(count: int, word: str) -> Markdown:
    return md("{} {}", count, word if count == 1 else word + "s")


def _names(names: tuple[str, ...]) -> Markdown:
    return join((md("{}", n) for n in names), ", ")


def _investment(i: int, inv: SharedInvestment) -> Markdown:
    carried = md("carries up {}", _names(inv.carries_up)) if inv.carries_up else md("")
    others = tuple(t for t in inv.helps if t not in inv.carries_up)
    helped = md("{}helps {}", md("; also ") if inv.carries_up else md(""), _names(others)) if others else md("")
    return md("{}. **{}** (a stage-{} discipline): {}{}.", i, inv.initiative or inv.title, inv.stage, carried, helped)


def render(portfolio: Portfolio, options: RenderOptions) -> Markdown:
    p = portfolio
    title = p.questionnaire.title
    lines = [
        md("# {} across teams", title),
        BLANK,
        md("## In one minute"),
        BLANK,
        md(
            "{} from {} answers {}, placed by {} {} {}; each team by its latest file.",
            _plural(len(p.teams), "team"),
            p.files,
            md("file") if p.files == 1 else md("files"),
            title,
            code(p.questionnaire.id),
            p.questionnaire.version,
        ),
        BLANK,
        md("| Stage | Teams |"),
        md("|---|---:|"),
        *(md("| {} · {} | {} |", s.number, s.name, s.teams) for s in p.stages),
        BLANK,
        md("| Level | Teams |"),
        md("|---|---:|"),
        *(md("| {} | {} |", lv.name, lv.teams) for lv in p.levels),
        *([md("| Not determined (unknown answers) | {} |", p.level_undetermined)] if p.level_undetermined else []),
        BLANK,
    ]
    if p.investments:
        lines += [md("**Fund once, for several teams**"), BLANK]
        lines += [_investment(i, inv) for i, inv in enumerate(p.investments, 1)]
        lines.append(BLANK)
    if p.not_assessed:  # left out of every count above, named here so nobody is forgotten
        waiting = join((md("{} ({}%)", t.team, round(100 * t.answered)) for t in p.not_assessed), ", ")
        lines += [
            md("**Not assessed yet** (fewer than half of the questions that apply answered): {}.", waiting),
            BLANK,
        ]
    if p.min_stage is not None:
        if p.below_min_stage:
            lines += [md("**Below stage {}:** {}.", p.min_stage, _names(p.below_min_stage)), BLANK]
        else:
            lines += [md("Every team is at stage {} or above.", p.min_stage), BLANK]
    if p.teams and options.heatmap:
        lines += [md("![Capability score per team and dimension]({})", link_target(options.heatmap)), BLANK]
    lines += [md("## Detail"), BLANK]
    if p.teams:
        lines += [*tables.heatmap(p, options), BLANK, *tables.statistics(p)]
    if p.common_gaps:
        lines += [BLANK, *tables.gaps(p.common_gaps, len(p.teams))]
    if p.trends:
        lines += [BLANK, *tables.trends(p)]
    if any(t.respondents > 1 for t in p.teams):
        lines += [BLANK, *tables.respondents(p)]
    if p.notes:
        lines += [BLANK, md("### Notes"), BLANK, *(md("- {}", note) for note in p.notes)]
    if p.errors:
        count = _plural(len(p.errors), "file")
        lines += [BLANK, md("### Files left out"), BLANK, md("{} left out, with what is wrong:", count), BLANK]
        lines += [md("- {}", error.message) for error in p.errors]
    return join([*lines, BLANK])  # one copy of a long report, not two
