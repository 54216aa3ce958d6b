"""The screen that ends the survey: stage, level, profile, top risks, next steps, export command."""

from __future__ import annotations

import re
import shlex
import unicodedata
from pathlib import Path

from rich.text import Text

from mlops_maturity.engine.questionnaire import UNKNOWN
from mlops_maturity.engine.result import Result, RiskResult, RoadmapItem
from mlops_maturity.render.console import bar
from mlops_maturity.render.wording import clip
from mlops_maturity.survey.screen import Line, ScreenOptions, Unwrapped, draw, wrapped

TOP = 3
BAR_WIDTH = 20


def slug(team: str) -> str:
    """A file-name-safe form of a team name: ``Fraud & Risk`` -> ``fraud-risk``, ``Équipe`` -> ``equipe``."""
    ascii_only = unicodedata.normalize("NFKD", team).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")[:60].strip("-") or "team"


def report_command(out: Path, team: str, questionnaire: Path | None) -> str:
    """The exact command that exports the leadership report for this answers file."""
    parts = ["mlops-maturity", "report", str(out), "-o", f"{slug(team)}-report.md"]
    if questionnaire is not None:
        parts += ["--questionnaire", str(questionnaire)]
    return shlex.join(parts)


def top_risks(result: Result) -> list[RiskResult]:
    """The stage's risks that the team's own answers make real, in the questionnaire's order.

    A risk whose every answer is already at the top is not shown: naming it
    would tell the team to fix what they have fixed.
    """
    return [r for r in result.risks if r.signals][:TOP]


def summary(result: Result, command: str, out: str, options: ScreenOptions) -> str:
    width, dot = options.width, options.dot
    arrow = "→" if options.unicode else "->"
    stage = result.stage
    lines: list[Line] = []
    head = f"{result.team} {dot} {result.questionnaire.title}" if result.team else result.questionnaire.title
    lines.append(Text(head, style="bold"))
    lines.append(Text.assemble("Stage ", (f"{stage.number} of {stage.top}", "bold cyan"), ": ", (stage.name, "bold")))
    if stage.next is not None:
        pct = round(stage.progress_to_next * 100)
        lines += wrapped(
            "  ",
            f"{bar(pct, BAR_WIDTH, options.unicode)} {pct}% of the way to stage {stage.next.number}: {stage.next.name}",
            width,
            style="dim",
        )
    lines.append(Text.assemble("Level: ", (result.level.name, "bold magenta")))
    lines += wrapped("", f"Capability score {result.overall_score:g} of 100; {answered_line(result)}.", width)
    lines.append(None)
    lines.append(Text("Capability profile", style="bold"))
    lines += _profile(result, options)
    lines.append(None)
    risks = top_risks(result)
    lines.append(Text("Top risks", style="bold"))
    for i, risk in enumerate(risks, 1):
        lines += wrapped(f"  {i}. ", risk.title, width)
    if not risks:
        lines.append(Text("  None of this stage's risks shows in your answers.", style="dim"))
    lines.append(None)
    steps = result.roadmap[:TOP]
    if steps:
        lines.append(Text("Next steps", style="bold"))
        for i, step in enumerate(steps, 1):
            lines += wrapped(f"  {i}. ", _step(step, arrow), width)
        lines.append(None)
    lines.append(Text("Export the leadership report:", style="bold"))
    lines.append(Unwrapped(Text(f"  {command}", style="bold green")))
    lines += wrapped("", f"Answers are in {out}; add evidence there whenever you like.", width, style="dim")
    return draw(lines, options, reserve=None)


def answered_line(result: Result) -> str:
    c = result.completeness
    others = [
        f"{n} {what}"
        for n, what in ((c.unknown, "don't know"), (c.not_applicable, "not applicable"), (c.unanswered, "unanswered"))
        if n
    ]
    extra = f" ({', '.join(others)})" if others else ""
    return f"{c.answered} of {c.questions - c.skipped} questions that apply answered{extra}"


def _profile(result: Result, options: ScreenOptions) -> list[Line]:
    score_width = 5
    room = max(12, options.width - BAR_WIDTH - score_width - 5)
    titles = [d.title for d in result.dimensions]
    if any(len(t) > room for t in titles):  # all lose their "(...)" asides, so the column reads evenly
        titles = [t.split(" (")[0] for t in titles]
    titles = [clip(t, room, options.unicode) for t in titles]
    label_width = max(len(t) for t in titles)
    lines: list[Line] = []
    for dim, title in zip(result.dimensions, titles, strict=True):
        score = "n/a" if dim.score is None else f"{dim.score:g}"
        lines.append(
            Text.assemble(
                f"  {title:<{label_width}} ",
                (bar(dim.score, BAR_WIDTH, options.unicode), "cyan"),
                f" {score:>{score_width - 1}}",
            )
        )
    return lines


def _step(step: RoadmapItem, arrow: str) -> str:
    unlocks = f" (needed for stage {step.stage})" if step.stage is not None else ""
    if step.current == UNKNOWN:  # the target is only a floor; what to do first is to find out
        return f'{step.title}: find out where you stand; the answer was "don\'t know"{unlocks}'
    return f"{step.title}: {step.current_label} {arrow} {step.target_label}{unlocks}"
