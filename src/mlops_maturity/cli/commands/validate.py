"""``mlops-maturity validate``: check answers files and questionnaire folders, all problems at once."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.cli.commands.output import BAD_INPUT, OK, Output
from mlops_maturity.errors import MaturityError, Problem
from mlops_maturity.files.answers_reader import load_answers
from mlops_maturity.files.questionnaire_loader import load_questionnaire, questionnaire_problems
from mlops_maturity.files.shipped import default_questionnaire_dir


def run(paths: list[Path], questionnaire: Path | None) -> Output:
    if not paths:
        paths = [questionnaire or default_questionnaire_dir()]
    ok: list[str] = []
    problems: list[str] = []
    for path in paths:
        found = _check(path, questionnaire)
        if found:
            problems += [str(p) for p in found]
        else:
            ok.append(f"ok: {path}")
    if problems:
        count = len(problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in {len(paths) - len(ok)} of {len(paths)} path(s)"
        return Output(stdout="".join(f"{line}\n" for line in ok), stderr=(*problems, summary), code=BAD_INPUT)
    return Output(stdout="".join(f"{line}\n" for line in ok), code=OK)


def _check(path: Path, questionnaire: Path | None) -> list[Problem]:
    if path.is_dir():
        return questionnaire_problems(path)
    try:
        load_answers(path, load_questionnaire(questionnaire))
    except MaturityError as exc:
        return list(exc.problems) or [Problem(str(path), str(exc).removeprefix(f"{path}: "))]
    return []
