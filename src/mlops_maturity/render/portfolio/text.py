"""``portfolio --format text``: the organisation at a glance, for a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from mlops_maturity.cut import clip
from mlops_maturity.engine.model.questionnaire import ScoreBand
from mlops_maturity.engine.organisation.portfolio import SHARED, Portfolio
from mlops_maturity.render import headline
from mlops_maturity.render.bands import band_of, legend
from mlops_maturity.render.console import bar, console, hanging, without_trailing_blanks
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.portfolio import shared_gaps_line

MAX_ROWS = 40  # a terminal is not the place for every team of a large organisation
MAX_GAPS = 10


def band_style(bands: tuple[ScoreBand, ...], score: float | None) -> str:
    band = band_of(bands, score)
    return "dim" if band is None else band.colour


def render(portfolio: Portfolio, options: RenderOptions) -> str:
    out, buffer = console(RenderOptions(color=options.color, width=options.width, unicode=options.unicode))
    arrow, dot = ("→", "•") if options.unicode else ("->", "*")
    p = portfolio
    teams = len(p.teams)
    blank = f", {len(p.not_assessed)} not assessed yet" if p.not_assessed else ""
    out.print(
        Text.assemble(
            ("Portfolio", "bold"),
            f": {teams} team{'s' if teams != 1 else ''}{blank} from {p.files} file{'s' if p.files != 1 else ''}"
            f" ({p.questionnaire.id} {p.questionnaire.version})",
        )
    )
    widest = max(1, *(s.teams for s in p.stages), *(lv.teams for lv in p.levels))
    names = [s.name for s in p.stages] + [lv.name for lv in p.levels]
    name_width = min(options.width - 34, max(len(name) for name in names))
    out.print()
    out.print(Text("Stages", style="bold"))
    for s in p.stages:
        name = clip(s.name, name_width, options.unicode)
        out.print(f"  {s.number} {name:<{name_width}}  {bar(100 * s.teams / widest, 20, options.unicode)} {s.teams}")
    out.print(Text("Levels", style="bold"))
    for lv in p.levels:
        name = clip(lv.name, name_width, options.unicode)
        out.print(f"    {name:<{name_width}}  {bar(100 * lv.teams / widest, 20, options.unicode)} {lv.teams}")
    if p.level_undetermined:
        out.print(Text(f"    {_undetermined(p.level_undetermined)}", style="dim"))
    if p.teams:
        _capabilities(out, p, options)
        _heatmap(out, p, options)
    shared = [gap for gap in p.common_gaps if gap.teams >= SHARED]
    if shared:
        out.print()
        out.print(Text("Gaps several teams share (close each once, for all of them):", style="bold"))
        for i, gap in enumerate(shared[:MAX_GAPS], 1):
            prefix = f"  {i}. "
            line = Text(gap.title, style="bold")
            line.append(f" ({gap.question}): {gap.teams} of {teams} teams")
            out.print(hanging(prefix, line))
            indent = " " * len(prefix)
            if gap.unlocks:
                out.print(hanging(indent, f"next stage once closed: {', '.join(gap.unlocks)}"))
            extra = [t for t in gap.unlocks_with_above if t not in gap.unlocks]
            if extra:
                out.print(hanging(indent, f"next stage with the gaps above it closed too: {', '.join(extra)}"))
        if len(shared) > MAX_GAPS:
            out.print(f"  ... and {len(shared) - MAX_GAPS} more (see --format markdown or json)")
    single = len(p.common_gaps) - len(shared)
    if shared and single:
        more = f"and {single} more gap{'s' if single != 1 else ''}, each of one team (see --format json)"
        out.print(hanging("  ... ", Text(more, style="dim")))
    elif single:
        out.print()
        out.print(Text(shared_gaps_line(0, single), style="dim"))
    if p.not_assessed:
        out.print()
        out.print(Text("Not assessed yet (answered less than half of the questions; not counted above):", style="bold"))
        for t in p.not_assessed[:MAX_ROWS]:
            out.print(hanging(f"  {dot} ", f"{t.team} ({t.file}): {round(100 * t.answered)}% answered"))
        if len(p.not_assessed) > MAX_ROWS:
            out.print(f"  ... and {len(p.not_assessed) - MAX_ROWS} more")
    if p.min_stage is not None:
        out.print()
        if p.below_min_stage:
            out.print(Text(f"Below stage {p.min_stage}: {', '.join(p.below_min_stage)}", style="bold red"))
        else:
            out.print(Text(f"Every team is at stage {p.min_stage} or above.", style="green"))
    if p.trends:
        out.print()
        out.print(Text("Trends (oldest first):", style="bold"))
        for trend in p.trends[:MAX_ROWS]:
            stages = f" {arrow} ".join(str(h.stage) for h in trend.history)
            first, last = trend.history[0], trend.history[-1]
            span = f", {first.assessed_on} to {last.assessed_on}" if first.assessed_on and last.assessed_on else ""
            out.print(
                hanging(
                    f"  {dot} ",
                    f"{trend.team}: stage {stages}; overall {first.overall_score:g} {arrow} "
                    f"{last.overall_score:g} ({trend.overall_change:+g}){span}",
                )
            )
        if len(p.trends) > MAX_ROWS:
            out.print(f"  ... and {len(p.trends) - MAX_ROWS} more")
    if any(t.respondents > 1 for t in p.teams):
        _respondents(out, p, dot)
    for note in p.notes:
        out.print(hanging("note: ", Text(note, style="dim")))
    if p.errors:
        out.print()
        count = len(p.errors)
        left_out = f"{count} file{' was' if count == 1 else 's were'} left out (listed on stderr with what is wrong)."
        out.print(Text(left_out, style="bold red"))
    return without_trailing_blanks(buffer.getvalue())


def _respondents(out: Console, p: Portfolio, dot: str) -> None:
    """Shown once any team was answered by several people: how much each team's respondents disagree."""
    out.print()
    out.print(Text("Respondents (disagreement index: share of the questions answered in dispute):", style="bold"))
    for t in p.teams[:MAX_ROWS]:
        if t.respondents > 1 and t.disagreement_index is not None:
            out.print(f"  {dot} {t.team}: {t.respondents} respondents, disagreement index {t.disagreement_index:g}%")
    if p.single_respondent:
        out.print(Text(f"Answered by one person: {', '.join(p.single_respondent)}", style="yellow"))


def _capabilities(out: Console, p: Portfolio, options: RenderOptions) -> None:
    out.print()
    out.print(Text("Capabilities across teams (mean, lowest to highest)", style="bold"))
    width = min(max(12, options.width - 50), max(len(d.title) for d in p.dimensions))
    for i, d in enumerate(p.dimensions, 1):
        title = clip(d.title, width, options.unicode)
        if d.mean is None:
            out.print(f"  {i:>2} {title:<{width}}  {bar(None, 20, options.unicode)}  n/a")
            continue
        spread = f"({d.min:g} to {d.max:g})"
        out.print(f"  {i:>2} {title:<{width}}  {bar(d.mean, 20, options.unicode)} {d.mean:5.1f}  {spread}")


def _heatmap(out: Console, p: Portfolio, options: RenderOptions) -> None:
    out.print()
    out.print(Text("Heat map: score per team and capability (numbered as above)", style="bold"))
    room = options.width - 4 * len(p.dimensions) - 10  # so that the header, 7 wider than a row's numbers, fits
    width = max(6, min(room, max(len(t.team) for t in p.teams[:MAX_ROWS])))
    out.print(" " * (width + 3) + "".join(f"{i:>4}" for i in range(1, len(p.dimensions) + 1)) + "  stage")
    for team in p.teams[:MAX_ROWS]:
        name = clip(team.team, width, options.unicode)
        line = Text(f"  {name:<{width}} ")
        for score in team.dimensions.values():
            style = band_style(p.questionnaire.score_bands, score)
            line.append(f"{'-' if score is None else round(score):>4}", style=style)
        line.append(f"  {headline.stage_span(team.stage, team.stage_high, options.unicode)}")
        out.print(line)
    if len(p.teams) > MAX_ROWS:
        out.print(f"  ... and {len(p.teams) - MAX_ROWS} more teams (see --format markdown or json)")
    keys = ", ".join(label for _, label in reversed(legend(p.questionnaire.score_bands)))
    out.print(Text(f"  {keys}, - n/a", style="dim"))


def _undetermined(teams: int) -> str:
    return f"and {teams} team{'s' if teams != 1 else ''} whose level unknown answers leave open"
