"""One error root, caught in one place (the CLI) and mapped to exit code 2."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as we can."""

    file: str
    message: str
    line: int | None = None
    path: str = ""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" {self.path}:" if self.path else ""
        return f"{where}:{key} {self.message}"


class MaturityError(Exception):
    """Bad input or usage: the CLI prints it and exits 2."""

    exit_code = 2

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems

    def __str__(self) -> str:
        if not self.problems:
            return self.args[0]  # type: ignore[no-any-return]
        return "\n".join(str(p) for p in self.problems)


class InputFileError(MaturityError):
    """A file could not be read, parsed or validated."""


class QuestionnaireError(InputFileError):
    """A questionnaire folder is invalid."""


class AnswersError(InputFileError):
    """An answers file is invalid against its questionnaire."""


class AssessmentError(MaturityError):
    """Inputs that each read well but cannot be assessed together: results of two questionnaires, respondents
    of different teams. Raised by the engine, which names the inputs as it was given them."""


class UsageError(MaturityError):
    """A flag or argument is wrong; raised by the CLI, which names the flag."""


class TemplateError(MaturityError):
    """A report template failed to render or broke the sandbox."""
