"""``score --format markdown``: the compact summary a CI job page shows (also GitHub's step summary)."""

from __future__ import annotations

from mlops_maturity.engine.result import Result
from mlops_maturity.render.markdown import escape
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport

MAX_GAPS = 5


def render(report: ScoreReport, options: RenderOptions) -> str:
    result = report.result
    arrow = "→" if options.unicode else "->"
    team = escape(result.team) if result.team else "(team not named)"
    lines = [f"## MLOps maturity: {team}", ""]
    lines += _headline(result, options)
    if report.checks:
        lines += ["", "| Threshold | Result | Detail |", "| --- | --- | --- |"]
        for check in report.checks:
            mark = (
                ("✅ pass" if options.unicode else "pass")
                if check.passed
                else ("❌ fail" if options.unicode else "FAIL")
            )
            lines.append(f"| `{check.id}` | {mark} | {escape(check.message)} |")
    lines += ["", "| Capability | Score |", "| --- | ---: |"]
    for dim in result.dimensions:
        lines.append(f"| {escape(dim.title)} | {'n/a' if dim.score is None else f'{dim.score:g}'} |")
    if result.gaps:
        lines += ["", f"**Top gaps to stage {result.target_stage}**", ""]
        for i, gap in enumerate(result.gaps[:MAX_GAPS], 1):
            lines.append(
                f"{i}. {escape(gap.title)} (`{gap.question}`): "
                f"{escape(gap.current_label)} {arrow} {escape(gap.required_label)}"
            )
        if len(result.gaps) > MAX_GAPS:
            lines.append(f"{len(result.gaps) - MAX_GAPS} more in `mlops-maturity score --format json`.")
    if result.warnings:
        count = len(result.warnings)
        lines += [
            "",
            f"{count} warning{'s' if count != 1 else ''}: answers that contradict each other or were ignored.",
        ]
    lines += ["", f"<sub>Questionnaire {escape(result.questionnaire.id)} {escape(result.questionnaire.version)}</sub>"]
    return "\n".join(lines) + "\n"


def _headline(result: Result, options: RenderOptions) -> list[str]:
    stage = result.stage
    if stage.next is None:
        progress = "top stage reached"
    else:
        progress = f"{round(stage.progress_to_next * 100)}% of the entry criteria of stage {stage.next.number} met"
    c = result.completeness
    applicable = c.questions - c.skipped
    sep = " · " if options.unicode else " - "
    return [
        f"**Stage {stage.number} of {stage.top}: {escape(stage.name)}**{sep}{progress}",
        "",
        f"**Level:** {escape(result.level.name)}{sep}**Overall capability score:** {result.overall_score:g} / 100",
        "",
        f"Answered {c.answered} of {applicable} questions that apply"
        f" ({c.unknown} don't know, {c.unanswered} not answered, {c.not_applicable} not applicable).",
    ]
