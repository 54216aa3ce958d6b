"""One error root, caught in one place (the CLI) and mapped to exit code 2."""

from __future__ import annotations

from dataclasses import dataclass

# A file with thousands of mistakes (a list pasted into the wrong place, a generated file gone wrong)
# would otherwise print megabytes; past this many, the rest are counted, not shown.
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as we can."""

    file: str
    message: str
    line: int | None = None
    path: str = ""
    hidden: int = 0  # for the last line of a long list: how many problems it stands for

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" {self.path}:" if self.path else ""
        return f"{where}:{key} {self.message}"


class MaturityError(Exception):
    """Bad input or usage: the CLI prints it and exits 2."""

    exit_code = 2

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = shown(problems)

    def __str__(self) -> str:
        if not self.problems:
            return self.args[0]  # type: ignore[no-any-return]
        return "\n".join(str(p) for p in self.problems)


def shown(problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
    """The first ``MAX_PROBLEMS`` problems, then one line that counts the rest."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = problems[MAX_PROBLEMS:]
    files = {p.file for p in rest}
    where = " in this file" if len(files) == 1 else f" in {len(files):,} files"
    message = f"and {len(rest):,} more problems{where}, not shown; fix these first"
    more = Problem(rest[0].file, message, hidden=len(rest))
    return (*problems[:MAX_PROBLEMS], more)


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
