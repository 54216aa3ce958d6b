"""A scripted stand-in for the terminal: the survey's injected ``ask`` and ``show``."""

from __future__ import annotations

from collections.abc import Iterable

from mlops_maturity.survey.layout import ScreenOptions

PLAIN = ScreenOptions(color=False, unicode=True, width=80, height=24)


class Script:
    """Answers prompts from a list; an exception in the list is raised instead; running dry is EOF."""

    def __init__(self, inputs: Iterable[str | BaseException]) -> None:
        self.inputs = list(inputs)
        self.screens: list[str] = []
        self.notes: list[str] = []
        self.prompts: list[str] = []

    def ask(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.inputs:
            raise EOFError
        item = self.inputs.pop(0)
        if isinstance(item, BaseException):
            raise item
        return item

    def show(self, text: str) -> None:
        self.screens.append(text)

    def note(self, text: str) -> None:
        self.notes.append(text)

    @staticmethod
    def layout() -> ScreenOptions:
        return PLAIN
