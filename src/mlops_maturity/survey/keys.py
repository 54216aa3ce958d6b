"""What a line typed at a question means: an option, a key, or a polite "try again"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mlops_maturity.cut import clip
from mlops_maturity.engine.model.questionnaire import UNKNOWN, Question

ActionKind = Literal["choose", "not_applicable", "keep", "back", "help", "quit", "invalid"]

BACK, HELP, QUIT, UNKNOWN_KEY, NOT_APPLICABLE_KEY = "b", "?", "q", "u", "n"
MAX_ECHO = 20


@dataclass(frozen=True)
class Action:
    kind: ActionKind
    value: str = ""  # the option id for "choose", the message for "invalid"


def offers_unknown(question: Question) -> bool:
    """False for a scope question (what the team runs): a fact the team always knows."""
    return UNKNOWN in question.valid_answers()


def choices_hint(question: Question) -> str:
    """The keys valid at this question, for messages: ``a number from 1 to 4, or u, ?, b, q``."""
    keys = [
        *([UNKNOWN_KEY] if offers_unknown(question) else []),
        *([NOT_APPLICABLE_KEY] if question.allow_not_applicable else []),
        HELP,
        BACK,
        QUIT,
    ]
    return f"a number from 1 to {len(question.options)}, or {', '.join(keys)}"


def interpret(raw: str, question: Question, has_answer: bool) -> Action:
    """Turn one typed line into an action; anything unexpected becomes ``invalid`` with a hint."""
    text = raw.strip().lower()
    if text == "":
        if has_answer:
            return Action("keep")
        return Action("invalid", f"Type {choices_hint(question)}, then Enter.")
    if text.isdecimal():  # what int() reads: '２' is 2, while '¹' (a digit to isdigit()) is not a number
        number = int(text) if len(text) <= 4 else 0  # int() refuses numbers past 4,300 digits
        if 1 <= number <= len(question.options):
            return Action("choose", question.options[number - 1].id)
        return Action("invalid", f"There is no option {_shown(raw)}. Type {choices_hint(question)}.")
    if text == UNKNOWN_KEY and not offers_unknown(question):
        return Action("invalid", f"Your team knows this one; type {choices_hint(question)}.")
    simple: dict[str, Action] = {
        UNKNOWN_KEY: Action("choose", UNKNOWN),
        BACK: Action("back"),
        HELP: Action("help"),
        "h": Action("help"),
        QUIT: Action("quit"),
    }
    if text in simple:
        return simple[text]
    if text == NOT_APPLICABLE_KEY:
        if question.allow_not_applicable:
            return Action("not_applicable")
        return Action("invalid", f"This question always applies; type {choices_hint(question)}.")
    return Action("invalid", f"{_shown(raw)!r} is not one of the choices. Type {choices_hint(question)}.")


def _shown(raw: str) -> str:
    """What was typed, cut short enough to echo in a hint."""
    shown = raw.strip()
    return clip(shown, MAX_ECHO, unicode=False)  # echoed inside a hint that may reach an ASCII terminal
