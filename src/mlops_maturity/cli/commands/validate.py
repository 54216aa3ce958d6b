"""``mlops-maturity validate``: check answers files and questionnaire folders, all problems at once.

A folder is taken for what it holds: a questionnaire folder (it has
``questionnaire.yaml``), or a folder of answers files and questionnaire folders
at any depth (``examples/``, ``assessments/``, ``questionnaires/``), found by the
rule ``portfolio`` reads folders by (``files/portfolio/reader.py``'s
``folder_contents``); anything else is one problem that says what a valid folder
looks like.
"""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.cli.output import BAD_INPUT, OK, Output
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import MaturityError, Problem, QuestionnaireError
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.portfolio.reader import folder_contents
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.questionnaire.shipped import default_questionnaire_dir
from mlops_maturity.inert import inert
from mlops_maturity.scan.io.probes_file import probes_problems

QUESTIONNAIRE_FILE = "questionnaire.yaml"
# Any of these makes a folder a questionnaire folder, complete or not (validate then says what is missing).
QUESTIONNAIRE_PARTS = (QUESTIONNAIRE_FILE, "stages.yaml", "levels.yaml", "questions")
NOT_RECOGNISED = (
    "a folder with no questionnaire.yaml, no questionnaire folders and no answers files (*.yaml, *.yml) in it; "
    "give answers files, a folder of them, or a questionnaire folder (questionnaire.yaml, stages.yaml, "
    "levels.yaml and questions/*.yaml)"
)


def run(paths: list[Path], questionnaire: Path | None) -> Output:
    if not paths:
        paths = [questionnaire or default_questionnaire_dir()]
    targets: list[Path] = []
    problems: list[str] = []
    for path in paths:
        expanded = expand(path)
        if expanded:
            targets += expanded
        else:
            problems.append(str(Problem(str(path), NOT_RECOGNISED)))
    unrecognised = count = len(problems)
    ok: list[str] = []
    notes: list[str] = []
    failed = unrecognised
    for target in targets:
        found = _check(target, questionnaire, notes)
        if found:
            problems += [str(p) for p in found]
            count += sum(p.hidden or 1 for p in found)  # a long list ends with a line that counts the rest
            failed += 1
        else:
            ok.append(f"ok: {inert(str(target))}")  # stdout is not made inert for us, as stderr is
    if problems:
        checked = len(targets) + unrecognised
        summary = f"{count:,} problem{'s' if count != 1 else ''} in {failed} of {checked} path(s)"
        return Output(stdout="".join(f"{line}\n" for line in ok), stderr=(*notes, *problems, summary), code=BAD_INPUT)
    return Output(stdout="".join(f"{line}\n" for line in ok), stderr=tuple(notes), code=OK)


def expand(path: Path) -> list[Path]:
    """What ``path`` stands for: itself, or the questionnaire folders and answers files under the folder it names."""
    if not path.is_dir() or any((path / part).exists() for part in QUESTIONNAIRE_PARTS):
        return [path]
    files, folders = folder_contents(path)
    return [Path(f) for f in folders] + [Path(f) for f in files]


def _check(path: Path, questionnaire: Path | None, notes: list[str]) -> list[Problem]:
    if path.is_dir():
        return questionnaire_problems(path)
    try:
        notes += load_answers(path, load_questionnaire(questionnaire)).evidence_notes()
    except MaturityError as exc:
        return list(exc.problems) or [Problem(str(path), str(exc).removeprefix(f"{path}: "))]
    return []


def questionnaire_problems(directory: Path) -> list[Problem]:
    """Every problem in a questionnaire folder, its probes included (empty when it is valid)."""
    try:
        questionnaire: Questionnaire | None = load_questionnaire(directory)
    except QuestionnaireError as exc:
        found = list(exc.problems) or [Problem(str(directory), str(exc))]
        return found + probes_problems(directory, None) if directory.is_dir() else found
    return probes_problems(directory, questionnaire)
