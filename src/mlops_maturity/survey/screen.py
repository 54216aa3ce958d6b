"""The survey's screens, drawn with rich into strings: welcome, question, finish line.

Every piece of user or questionnaire text goes in as ``rich.text.Text``, never
as markup, so a team called ``[bold]`` is shown as typed, and made inert first
(``inert.py``: each screen function takes its arguments through ``inert_all``),
so no label or name can send the terminal a control sequence. Screens fit the
terminal's height where they can: blank lines are dropped before anything
else is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text

from mlops_maturity.cut import clip
from mlops_maturity.engine.model.questionnaire import Question, Questionnaire
from mlops_maturity.inert import inert, inert_all
from mlops_maturity.render.console import bar
from mlops_maturity.survey.flow import Position
from mlops_maturity.survey.keys import BACK, HELP, NOT_APPLICABLE_KEY, QUIT, UNKNOWN_KEY, offers_unknown
from mlops_maturity.survey.layout import Line, ScreenOptions, Spare, draw, wrapped

SECONDS_PER_QUESTION = 11  # the pace that fits about 55 questions into a ten-minute call
PROMPT = "> "


@dataclass(frozen=True)
class QuestionView:
    """Everything a question screen shows."""

    title: str
    team: str
    question: Question
    position: Position
    current: str | None  # the current answer as typed (``2``, ``u``, ``n``), if any
    reason: str = ""  # why a "does not apply" answer does not apply
    notice: str = ""
    show_help: bool = False
    percent: int | None = None  # the share answered to draw; the session keeps it from going backwards
    proposed: str | None = None  # the scan's proposal as typed (``3``), for a question still unanswered
    proposed_from: str = ""  # where the scan found it: ``dvc.lock:7 (dvc-lock)``
    default: str | None = None  # a scope question's default as typed, for a question still unanswered


def minutes(questions: int) -> str:
    n = max(1, math.ceil(questions * SECONDS_PER_QUESTION / 60))
    return f"about {n} minute{'s' if n != 1 else ''}"


def welcome(
    q: Questionnaire,
    out: str,
    remaining: int,
    answered: int,
    resume_at: int | None,
    options: ScreenOptions,
    team: str = "",
    proposed: int | None = None,
) -> str:
    """First screen: what this is, how long, where the answers go, the keys.

    ``proposed``: with ``--scan``, how many questions the repository's files suggest an answer to.
    """
    q, out, team = inert_all((q, out, team))
    lines: list[Line] = [Text(q.title, style="bold")]
    if team:
        lines.append(Text.assemble("Team: ", (team, "bold")))
    if answered and resume_at is not None:
        lines += wrapped(
            "",
            f"Welcome back. {out} already holds {answered} answers; the survey picks up at question "
            f"{resume_at}, with {remaining} to go ({minutes(remaining)}).",
            options.width,
        )
    elif answered:
        lines += wrapped("", f"Every question in {out} already has an answer.", options.width)
    else:
        total = len(q.questions)
        # The count the first question screen shows; some answers bring in questions that do not apply yet.
        more = f" (up to {total - remaining} more if your answers call for them)" if remaining < total else ""
        lines += wrapped(
            "",
            f"{remaining} short questions in {len(q.dimensions)} sections{more}, {minutes(remaining)}.",
            options.width,
        )
    if proposed is not None:
        lines += wrapped(
            "",
            f"The repository's files suggest answers to {proposed} question{'s' if proposed != 1 else ''}: "
            "each is marked as the default, and Enter accepts it with where it was found.",
            options.width,
            style="cyan",
        )
    lines.append(None)
    lines += wrapped(
        "",
        f"Each answer is saved to {out} the moment you give it; nothing leaves this machine. "
        "At the end you get your stage, level, biggest risks and next steps. "
        "Evidence (a link or a sentence behind an answer) is best added to the file afterwards.",
        options.width,
    )
    lines.append(None)
    lines.append(Text("Type an option's number and press Enter. Other keys:", style="bold"))
    keys = [
        (UNKNOWN_KEY, "don't know (where offered)"),
        (HELP, "why the question matters"),
        (BACK, "back to the previous question"),
        (QUIT, "save and quit; run again to resume"),
        (NOT_APPLICABLE_KEY, "does not apply (where offered; asks why)"),
        ("Enter", "keep the answer already given"),
    ]
    for key, meaning in keys:
        lines.append(Text.assemble((f"  {key:<7}", "bold cyan"), meaning))
    lines.append(Text("Ctrl-C stops at any time and keeps every answer given so far.", style="dim"))
    lines.append(None)
    return draw(lines, options)


def question(view: QuestionView, options: ScreenOptions) -> str:
    """One question with its header: section, question k of n, overall progress.

    Help that would push the question off the top of a small window is cut
    short (with "…") until the whole screen fits above the prompt.
    """
    view = inert_all(view)
    limit = shown_help_lines(view, options)
    return _question(view, options, None if limit == help_length(view, options) else limit)


def shown_help_lines(view: QuestionView, options: ScreenOptions) -> int:
    """How many lines of the help fit on the question screen (all of them when it is not cut)."""
    full = help_length(view, options)
    if not view.show_help:
        return full
    limit = full
    text = _question(view, options, None)
    while text.count("\n") + 1 > options.height and limit > 0:
        limit -= 1
        text = _question(view, options, limit)
    return limit


def help_length(view: QuestionView, options: ScreenOptions) -> int:
    return len(wrapped("  Why it matters: ", view.question.help, options.width))


def _question(view: QuestionView, options: ScreenOptions, help_lines: int | None) -> str:
    """``help_lines``: how many lines of help to show, cut with a hint to read the rest (None: all of it)."""
    pos, qn = view.position, view.question
    width = options.width
    lines: list[Line] = []
    counter = f"Question {pos.number} of {pos.total}"
    head = f"{view.title} {options.dot} {view.team}" if view.team else view.title
    room = width - len(counter) - 2
    if len(head) > room:
        head = clip(head, max(0, room), options.unicode)
    lines.append(Text.assemble((head, "bold"), " " * (width - len(head) - len(counter)), (counter, "bold")))
    lines.append(Text(f"Section {pos.section} of {pos.sections}: {pos.section_title}", style="cyan"))
    pct = round(100 * pos.answered / pos.total) if pos.total else 100
    if view.percent is not None:
        pct = view.percent
    lines.append(Text(f"{bar(pct, width - 16, options.unicode)} {pct:>3}% answered", style="dim"))
    lines.append(None)
    lines.append(Text(qn.title, style="bold"))
    lines += wrapped("", qn.text, width)
    if view.show_help:
        lines.append(None)
        if help_lines != 0:
            lines += wrapped(
                "  Why it matters: ", qn.help, width, style="italic", prefix_style="bold", max_lines=help_lines
            )
        if help_lines is not None:  # cut to fit: say how to read the rest
            lines.append(Text(f"  {HELP} again: the whole help, on a screen of its own", style="dim"))
        top = wrapped("  Most mature:    ", qn.options[-1].label, width, style="italic", prefix_style="bold")
        lines += [Spare(t) for t in top]  # the last option says the same
    lines.append(None)
    marker = "▸" if options.unicode else ">"
    choices = [(str(i), o.label) for i, o in enumerate(qn.options, 1)]
    if offers_unknown(qn):
        choices.append((UNKNOWN_KEY, "Don't know"))
    if qn.allow_not_applicable:
        choices.append((NOT_APPLICABLE_KEY, "Does not apply to us (you will be asked why)"))
    chosen = view.current or view.proposed or view.default
    for key, label in choices:
        mark = marker if key == chosen else " "
        style = ("bold green" if view.current else "bold cyan") if key == chosen else ""
        lines += wrapped(f" {mark} {key:>2}  ", label, width, style=style, prefix_style="bold cyan")
    lines.append(None)
    if view.current is not None:
        lines.append(Spare(Text(f"Your answer so far is marked {marker}; press Enter to keep it.", style="green")))
        if view.reason:
            lines += wrapped("Reason given: ", view.reason, width, style="green")
    elif view.proposed is not None:
        found = f", found at {view.proposed_from}" if view.proposed_from else ""
        lines += wrapped(
            "", f"The repository shows {marker} {view.proposed}{found}. Enter accepts it.", width, style="cyan"
        )
    elif view.default is not None:
        lines += wrapped(
            "", f"A file that does not say is read as {marker} {view.default}; Enter accepts it.", width, style="cyan"
        )
    if view.notice:
        lines += wrapped("", view.notice, width, style="yellow")
    lines.append(Text(keys_line(qn, options), style="dim"))
    return draw(lines, options)


def keys_line(qn: Question, options: ScreenOptions) -> str:
    sep = f" {options.dot} "
    parts = [f"1-{len(qn.options)} answer", *([f"{UNKNOWN_KEY} don't know"] if offers_unknown(qn) else [])]
    if qn.allow_not_applicable:
        parts.append("n does not apply")
    parts += ["? help", "b back", "q save & quit"]
    return sep.join(parts)


def finished(out: str, total: int, options: ScreenOptions) -> str:
    """Between the last answer and the result: a last chance to go back."""
    out = inert(out)
    lines: list[Line] = [
        Text("That was the last question.", style="bold"),
        *wrapped("", f"All {total} questions that apply to your team are answered and saved in {out}.", options.width),
        None,
        Text("Press Enter to see your result, b to go back, q to quit without it.", style="dim"),
    ]
    return draw(lines, options)
