"""``score --format text``: a summary for a terminal, drawn with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mlops_maturity.engine.model.disagreements import Respondents
from mlops_maturity.engine.model.repository_evidence import VERDICT_LABELS, RepositoryEvidence, Status
from mlops_maturity.engine.model.result import Result
from mlops_maturity.render import headline, verdicts
from mlops_maturity.render import respondents as words
from mlops_maturity.render.console import bar, console, without_trailing_blanks
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport

MAX_GAPS = 8


def render(report: ScoreReport, options: RenderOptions) -> str:
    result = report.result
    out, buffer = console(options)
    arrow, tick, cross, dot = ("→", "✓", "✗", "•") if options.unicode else ("->", "ok", "FAIL", "*")
    team = result.team or "(team not named)"
    for warning in report.warnings_first:
        out.print(Text(f"warning: {warning}", style="bold yellow"))
    out.print(
        Text.assemble(
            (team, "bold"),
            f"  ·  {result.questionnaire.id} {result.questionnaire.version}"
            if options.unicode
            else f"  -  {result.questionnaire.id} {result.questionnaire.version}",
        )
    )
    stage = result.stage
    out.print(Text.assemble("Stage ", (f"{stage.number} of {stage.top}", "bold cyan"), ": ", (stage.name, "bold")))
    if stage.next is not None:
        pct = round(stage.progress_to_next * 100)
        out.print(f"  {bar(pct, 20, options.unicode)} {pct}% of the entry criteria of stage {stage.next.number} met")
    for line in (headline.stage_range(result), headline.systems(result)):
        if line:
            out.print(Text(line, style="cyan"))
    detail = headline.level_range(result)
    out.print(Text.assemble("Level: ", (headline.level_name(result), "bold magenta"), f": {detail}" if detail else ""))
    out.print(Text(headline.AXES, style="dim"))
    found = headline.deciding(result)
    if found:
        out.print(Text("Find out first (each of these decides part of what is open):", style="bold cyan"))
        out.print(_bullets([Text(line) for line in found[:MAX_GAPS]], "?"))
        if len(found) > MAX_GAPS:
            out.print(f"  ... and {len(found) - MAX_GAPS} more (see --format json or the report)")
    intro = headline.foundational_intro(result)
    if intro:
        out.print(Text(intro, style="bold yellow"))
        out.print(_bullets([Text(line) for line in headline.foundational(result)], "!"))
    out.print(Text.assemble("Overall capability score: ", (f"{result.overall_score:g}", "bold"), " / 100"))
    out.print(headline.counts(result))
    if result.respondents is not None:
        _disagreements(out, result.respondents, arrow, dot)
    out.print()
    out.print(_profile(result, options))
    if result.gaps:
        out.print()
        out.print(Text(f"To reach stage {result.target_stage}, change these answers:", style="bold"))
        items = []
        for gap in result.gaps[:MAX_GAPS]:
            item = Text.assemble((gap.title, "bold"), f": {headline.current(gap)} {arrow} {gap.required_label}")
            if result.target_stage > stage.number + 1:
                item.append(f" (stage {gap.stage})", style="dim")
            items.append(item)
        out.print(_bullets(items, dot))
        if len(result.gaps) > MAX_GAPS:
            out.print(f"  ... and {len(result.gaps) - MAX_GAPS} more (see --format json or the report)")
    if result.risks:
        out.print()
        out.print(Text("Key risks at this stage, from your answers:", style="bold"))
        out.print(_bullets([Text(risk.title) for risk in result.risks], dot))
    if result.risks_in_view:
        titles = "; ".join(risk.title for risk in result.risks_in_view)
        out.print(Text(f"Kept in view (no answer points to them now): {titles}", style="dim"))
    if result.warnings:
        out.print()
        out.print(Text("Warnings:", style="bold yellow"))
        out.print(_bullets([Text(w, style="yellow") for w in result.warnings], "!"))
    if result.notes:
        out.print()
        out.print(Text("Notes:", style="bold"))
        out.print(_bullets([Text(n.message) for n in result.notes], dot))
    if result.repository is not None:
        _repository(out, result.repository, dot)
    if report.checks:
        out.print()
        out.print(Text("Thresholds:", style="bold"))
        marks = [Text(tick, style="green") if c.passed else Text(cross, style="bold red") for c in report.checks]
        out.print(_bullets([Text(f"{c.id}: {c.message}") for c in report.checks], "", marks=marks))
    return without_trailing_blanks(buffer.getvalue())


def _disagreements(out: Console, r: Respondents, arrow: str, dot: str) -> None:
    """A team file merged by ``consensus``: who answered, and the five disagreements that matter most."""
    out.print()
    out.print(words.headline(r))
    out.print(words.extent(len(r.disagreements), r.questions_answered, r.disagreement_index))
    if r.disagreements:
        out.print(Text("Where the team disagrees (most decisive first):", style="bold"))
    items = [
        Text.assemble((d.title, "bold"), f": {words.how(d)}; {words.moves(d, arrow)}. {words.answered(d)}")
        for d in r.disagreements[: words.TOP]
    ]
    if items:
        out.print(_bullets(items, dot))
    if len(r.disagreements) > words.TOP:
        out.print(f"  ... and {len(r.disagreements) - words.TOP} more (see --format json or the report)")


def _repository(out: Console, e: RepositoryEvidence, dot: str) -> None:
    """``--scan DIR``: the answers the files refute or exceed, each with where; the unverified by name."""
    out.print()
    out.print(Text("What the repository shows:", style="bold"))
    out.print(Text(verdicts.headline(e)))
    styles: dict[Status, str] = {"contradicted": "bold red", "shows_more": "cyan"}
    for status, style in styles.items():
        checks = e.with_status(status)
        if checks:
            out.print(_bullets([Text(verdicts.line(c), style=style) for c in checks[: verdicts.TOP]], dot))
            if len(checks) > verdicts.TOP:
                out.print(f"  ... and {len(checks) - verdicts.TOP} more {VERDICT_LABELS[status]} (see scan --answers)")
    unverified = e.with_status("unverified")
    if unverified:
        out.print(Text(f"No evidence in the files for: {'; '.join(c.title for c in unverified)}.", style="dim"))


def _bullets(items: list[Text], mark: str, marks: list[Text] | None = None) -> Table:
    """A list whose wrapped lines hang under the text, not under the bullet (``marks``: one of its own each)."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for i, item in enumerate(items):
        table.add_row(Text.assemble(" ", marks[i]) if marks is not None else f" {mark}", item)
    return table


def _profile(result: Result, options: RenderOptions) -> Table:
    table = Table(title=None, box=None, show_header=True, header_style="bold", pad_edge=False, expand=False)
    table.add_column("Capability", no_wrap=True, max_width=max(20, options.width - 38))
    table.add_column("", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    for dim in result.dimensions:
        score = "n/a" if dim.score is None else f"{dim.score:g}"
        table.add_row(dim.title, bar(dim.score, 20, options.unicode), score)
    return table
