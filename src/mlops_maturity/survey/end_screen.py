"""The screen that ends the survey: stage, level, profile, top risks, next steps, export command."""

from __future__ import annotations

import re
import shlex
import unicodedata
from pathlib import Path

from rich.text import Text

from mlops_maturity.cut import clip
from mlops_maturity.engine.model.questionnaire import UNKNOWN
from mlops_maturity.engine.model.result import Result, RiskResult, RoadmapItem
from mlops_maturity.inert import inert_all
from mlops_maturity.render import headline as say
from mlops_maturity.render.console import bar
from mlops_maturity.survey.layout import Line, ScreenOptions, Spare, Unwrapped, draw, wrapped

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


def command_lines(command: str, width: int, indent: str = "  ") -> list[str]:
    """A shell command laid out to fit ``width``: broken between arguments with `` \\``, never inside one.

    The terminal would wrap a long line anywhere, inside a file name too; a
    line continuation keeps every piece whole and the command still pastes.
    """
    if len(indent) + len(command) <= width:
        return [indent + command]
    lines: list[str] = []
    line = ""
    for word in _words(shlex.split(command), width - len(indent) * 2 - 2):
        candidate = f"{line} {word}" if line else word
        # the first line has the indent, the others twice; every line but the last ends with " \"
        room = width - len(indent) * (1 if not lines else 2) - 2
        if line and len(candidate) > room:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return [
        (indent if i == 0 else indent * 2) + text + (" \\" if i < len(lines) - 1 else "")
        for i, text in enumerate(lines)
    ]


def _words(parts: list[str], room: int) -> list[str]:
    """The command's arguments, quoted; an option and its value as one where the two fit on a line together,
    so that ``-o report.md`` is not cut in two."""
    words: list[str] = []
    for part in parts:
        word = shlex.quote(part)
        pair = f"{words[-1]} {word}" if words else ""
        if (
            words
            and words[-1].startswith("-")
            and " " not in words[-1]
            and not part.startswith("-")
            and len(pair) <= room
        ):
            words[-1] = pair
        else:
            words.append(word)
    return words


def top_risks(result: Result) -> list[RiskResult]:
    """The stage's risks that the team's own answers make real, in the questionnaire's order.

    A risk whose every answer is already at the top is not shown: naming it
    would tell the team to fix what they have fixed.
    """
    return [r for r in result.risks if r.signals][:TOP]


MORE = "Enter: the full result (capability profile, risks, every next step) · q: quit"


def headline(result: Result, command: str, out: str, options: ScreenOptions) -> str:
    """What must be on screen when the survey ends, within 80x24: placement, what holds it, the next investment.

    The full result (:func:`summary`) is one key away; this is what a user who
    reads nothing else should leave with.
    """
    result, command, out = inert_all((result, command, out))
    width = options.width
    lines: list[Line] = [*_placement(result, options), *foundations(result, options)]
    if result.warnings:
        count = len(result.warnings)
        said = f"{count} warning{'s' if count != 1 else ''}: answers that contradict each other (Enter shows them)."
        lines += wrapped("", said, width, style="yellow")
    lines.append(None)
    step = result.roadmap[0] if result.roadmap else None
    listed = {g.question for g in result.foundational_gaps[:TOP]} | {d.question for d in result.range.deciding[:TOP]}
    if step is not None and step.question not in listed:  # a first step already on screen is not said twice
        lines.append(Text("Next investment", style="bold"))
        lines += wrapped("  ", _step(step, "→" if options.unicode else "->"), width)
        lines.append(None)
    lines.append(Text("Export the leadership report:", style="bold"))
    lines += [Unwrapped(Text(line, style="bold green")) for line in command_lines(command, width)]
    lines += wrapped("", f"Answers are in {out}.", width, style="dim")
    lines.append(None)
    lines += wrapped("", MORE if options.unicode else MORE.replace("·", "-"), width, style="dim")
    return draw(lines, options, reserve=2)


def foundations(result: Result, options: ScreenOptions, top: int = TOP) -> list[Line]:
    """What the placement rests on, in ``score``'s words: the answers to find out, the missing basics."""
    width = options.width
    lines: list[Line] = []
    found = say.deciding(result)
    if found:
        lines.append(Text("Find out first (each decides part of what is open):", style="bold cyan"))
        for line in found[:top]:
            lines += wrapped("  ? ", line, width, max_lines=2)
        if len(found) > top:
            lines.append(Text(f"  ... and {len(found) - top} more in the full result", style="dim"))
    intro = say.foundational_intro(result)
    if intro:
        lines += wrapped("", intro, width, style="bold yellow")
        for line in say.foundational(result)[:top]:
            lines += wrapped("  ! ", line, width, max_lines=2)
        if len(result.foundational_gaps) > top:
            lines.append(Text(f"  ... and {len(result.foundational_gaps) - top} more in the full result", style="dim"))
    return lines


def _placement(result: Result, options: ScreenOptions) -> list[Line]:
    """Team, stage, the way to the next one, level, score: the opening lines of both closing screens."""
    width, dot = options.width, options.dot
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
    open_range = say.stage_range(result)
    if open_range:
        lines += wrapped("", open_range, width, style="cyan")
    kinds = say.systems(result)
    if kinds:  # the full result shows it too: it goes first when the screen is short
        lines += [Spare(line) for line in wrapped("", kinds, width, style="cyan")]
    lines.append(Text.assemble("Level: ", (say.level_name(result), "bold magenta")))
    detail = say.level_range(result)
    if detail:
        lines += wrapped("  ", detail, width, style="dim")
    lines += [Spare(line) for line in wrapped("", say.AXES, width, style="dim")]
    lines += wrapped("", f"Capability score {result.overall_score:g} of 100. {say.counts(result)}.", width)
    return lines


def summary(result: Result, command: str, out: str, options: ScreenOptions) -> str:
    result, command, out = inert_all((result, command, out))
    width = options.width
    arrow = "→" if options.unicode else "->"
    lines: list[Line] = [*_placement(result, options), *foundations(result, options)]
    lines.append(None)
    lines.append(Text("Capability profile", style="bold"))
    lines += _profile(result, options)
    if result.warnings:
        lines.append(None)
        lines.append(Text("Warnings", style="bold yellow"))
        for warning in result.warnings:
            lines += wrapped("  ! ", warning, width, style="yellow")
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
    lines += [Unwrapped(Text(line, style="bold green")) for line in command_lines(command, width)]
    lines += wrapped("", f"Answers are in {out}; add evidence there whenever you like.", width, style="dim")
    return draw(lines, options, reserve=None)


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
