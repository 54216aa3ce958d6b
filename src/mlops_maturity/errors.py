"""One error root, caught in one place (the CLI) and mapped to exit code 2."""

from __future__ import annotations

from dataclasses import dataclass

from mlops_maturity.inert import inert

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
        """One line, whatever the file, key or message hold (``inert.py``): it cannot forge a line of its own."""
        where = inert(self.file) if self.line is None else f"{inert(self.file)}:{self.line}"
        key = f" {inert(self.path)}:" if self.path else ""
        return f"{where}:{key} {inert(self.message)}"


class MaturityError(Exception):
    """Bad input or usage: the CLI prints it and exits 2.

    The message is one line; several problems are several :class:`Problem` s, one line each.
    """

    exit_code = 2

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = shown(problems)

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> tuple[str, ...]:
        """What the CLI prints, one line each, every one inert (``inert.py``)."""
        if not self.problems:
            return (inert(str(self.args[0])),)
        return tuple(str(p) for p in self.problems)


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


class FilesError(InputFileError):
    """Several files failed together: every problem of each, then one line that counts them."""

    def lines(self) -> tuple[str, ...]:
        return (*super().lines(), inert(str(self.args[0])))


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
