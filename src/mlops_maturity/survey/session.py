"""The survey loop: show a screen, read a line, act, save. Input and output are injected.

``ask(prompt) -> str`` reads one line and ``show(screen)`` replaces what is on
the screen, so tests drive the whole survey with a list of strings. The loop
saves after every answer; whatever stops it (``q``, Ctrl-C, end of input, a
signal turned into ``Stopped``) finds every answer already on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from mlops_maturity.engine.model.answers import MAX_TEAM_CHARS, MAX_TEXT_CHARS, Answer
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE
from mlops_maturity.engine.model.repository_evidence import EVIDENCE_PREFIX
from mlops_maturity.survey import screen
from mlops_maturity.survey.flow import Flow, Position
from mlops_maturity.survey.help_page import help_is_cut, help_page
from mlops_maturity.survey.keys import interpret
from mlops_maturity.survey.layout import ScreenOptions
from mlops_maturity.survey.screen import PROMPT, QuestionView

Save = Callable[[str, dict[str, Answer]], None]


class SurveyIO(Protocol):
    def ask(self, prompt: str) -> str: ...

    def show(self, text: str) -> None:
        """Replace the screen with ``text``."""

    def note(self, text: str) -> None:
        """Add one line under what is shown."""


class Stopped(Exception):
    """Raised from a signal handler so that the loop unwinds; ``code`` is the exit code to use."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


Outcome = Literal["finished", "quit", "interrupted"]


@dataclass(frozen=True)
class Ending:
    outcome: Outcome
    code: int = 0
    at_prompt: bool = False  # stopped by Ctrl-D: the cursor still sits on the prompt line


@dataclass
class Session:
    flow: Flow
    io: SurveyIO
    save: Save
    layout: Callable[[], ScreenOptions]
    out: str
    team: str = ""
    scanned: bool = False  # with --scan: the welcome says how many answers the files suggest
    notice: str = field(default="", init=False)
    shown_percent: int = field(default=0, init=False)  # the progress bar never moves backwards
    shown_total: int | None = field(default=None, init=False)
    shown_number: int | None = field(default=None, init=False)  # the question number last shown
    moved_on: bool = field(default=False, init=False)  # the last key answered a question and moved on (not b)

    def run(self, ask_team: bool) -> Ending:
        """Welcome, team name, every question, the closing prompt; never raises on an interruption."""
        try:
            self._welcome(ask_team)
            self.save(self.team, self.flow.to_save())
            return self._loop()
        except KeyboardInterrupt:
            return Ending("interrupted", 130)
        except EOFError:  # Ctrl-D or a closed input: the same as q
            return Ending("quit", 0, at_prompt=True)
        except Stopped as exc:
            return Ending("interrupted", exc.code)

    def _welcome(self, ask_team: bool) -> None:
        flow = self.flow
        answered = flow.answered_count()
        remaining = len(flow.applicable()) - answered
        resume_at = flow.position().number if flow.current is not None else None
        proposed = len(flow.proposed) if self.scanned else None
        self.io.show(
            screen.welcome(flow.q, self.out, remaining, answered, resume_at, self.layout(), self.team, proposed)
        )
        if not ask_team:
            self.io.ask("Press Enter to start. ")
            return
        while True:
            team = " ".join(self.io.ask("Team name: ").split())
            if team and len(team) <= MAX_TEAM_CHARS:
                self.team = team
                return
            self.io.note(
                f"Please type your team's name (up to {MAX_TEAM_CHARS} characters); the file and the report use it."
            )

    def _loop(self) -> Ending:
        flow = self.flow
        show_help = False
        while True:
            question = flow.current
            if question is None:
                if self._closing():
                    return Ending("finished")
                if flow.current is None:
                    return Ending("quit")
                continue
            position = flow.position()
            notice = " ".join(filter(None, (self._count_change(position.total), self._back_to(position), self.notice)))
            self.shown_number, self.moved_on = position.number, False
            pct = round(100 * position.answered / position.total) if position.total else 100
            self.shown_percent = max(self.shown_percent, pct)
            view = QuestionView(
                title=flow.q.title,
                team=self.team,
                question=question,
                position=position,
                current=flow.current_choice(),
                reason=flow.current_reason(),
                notice=notice,
                show_help=show_help,
                percent=self.shown_percent,
                proposed=flow.proposal_choice(),
                proposed_from=_places(flow.proposal()),
                default=flow.default_choice(),
            )
            self.io.show(screen.question(view, self.layout()))
            self.notice, show_help = "", False
            offered = view.current or view.proposed or view.default
            action = interpret(self.io.ask(PROMPT), question, offered is not None)
            if action.kind in ("choose", "keep", "not_applicable"):
                self.moved_on = True
            if action.kind == "choose":
                flow.choose(action.value)
                self.save(self.team, flow.to_save())
            elif action.kind == "not_applicable":
                reason = self._reason()
                if reason:
                    flow.choose(NOT_APPLICABLE, reason)
                    self.save(self.team, flow.to_save())
                else:
                    self.notice = "Kept as it was: a 'does not apply' answer needs a reason."
            elif action.kind == "keep":
                accepting = view.current is None
                flow.keep()
                if accepting:  # the scan's proposal became an answer
                    self.save(self.team, flow.to_save())
            elif action.kind == "back":
                if not flow.back():
                    self.notice = "This is the first question; there is nothing before it."
            elif action.kind == "help":
                if help_is_cut(view, self.layout()):  # ? again: the whole help, on a screen of its own
                    self.io.show(help_page(view, self.layout()))
                    self.io.ask(PROMPT)
                else:
                    show_help = True
            elif action.kind == "quit":
                return Ending("quit")
            else:
                self.notice = action.value

    def _count_change(self, total: int) -> str:
        """Why "Question 31 of 58" follows "30 of 50": an answer made questions apply, or stop applying."""
        before, self.shown_total = self.shown_total, total
        if before is None or before == total:
            return ""
        n = abs(total - before)
        questions = (
            f"{n} more question{'s' if n != 1 else ''}" if total > before else f"{n} question{'s' if n != 1 else ''}"
        )
        applies = ("now " if total > before else "no longer ") + ("apply" if n != 1 else "applies")
        return f"{questions} {applies} after your last answer."

    def _back_to(self, position: Position) -> str:
        """Why "Question 5 of 58" follows "58 of 58": the survey came back to a question still without an answer."""
        if not self.moved_on or self.shown_number is None or position.number >= self.shown_number:
            return ""
        left = position.total - position.answered
        return (
            f"Back to question {position.number}: it has no answer yet "
            f"({left} question{'s' if left != 1 else ''} still open)."
        )

    def _reason(self) -> str:
        reason = " ".join(self.io.ask("Why does it not apply? One line, Enter to cancel: ").split())
        return reason[:MAX_TEXT_CHARS]

    def _closing(self) -> bool:
        """Every question is answered: show the result, go back, or quit. True shows the result."""
        total = len(self.flow.applicable())
        self.io.show(screen.finished(self.out, total, self.layout()))
        while True:
            answer = self.io.ask(PROMPT).strip().lower()
            if answer == "":
                return True
            if answer == "b":
                self.flow.back()
                return False
            if answer == "q":
                return False
            self.io.note("Press Enter for the result, b to go back, or q to quit.")


def _places(proposal: Answer | None) -> str:
    """Where a proposal was found, without the ``scan:`` mark its evidence carries in the file."""
    if proposal is None or not proposal.evidence:
        return ""
    return proposal.evidence.removeprefix(EVIDENCE_PREFIX)
