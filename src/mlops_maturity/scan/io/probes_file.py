"""Load ``probes.yaml`` from a questionnaire folder; every problem is located, and checked against the questions.

Probes name question and option ids, so a renamed option shows up here as a
located error (``probes.yaml:41: probes[3].supports: 'x' is not an option of
...``) rather than as a scan that silently finds less.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import InputFileError, Problem, QuestionnaireError
from mlops_maturity.files.located_errors import pydantic_problems
from mlops_maturity.files.questionnaire.shipped import PROBES_FILE, default_questionnaire_dir
from mlops_maturity.files.yaml_reader import Within, load_file
from mlops_maturity.scan.probes.model import ProbeSet, probe_set_problems


def probes_file(directory: Path | None) -> Path:
    return (directory if directory is not None else default_questionnaire_dir()) / PROBES_FILE


def load_probes(directory: Path | None, questionnaire: Questionnaire) -> ProbeSet:
    """The probes of a questionnaire folder (the shipped one when ``None``), checked against ``questionnaire``."""
    path = probes_file(directory)
    if not path.exists():  # a named pipe there is refused when read, not taken for no probes
        raise QuestionnaireError(
            f"{path.parent}: this questionnaire has no probes ({PROBES_FILE}), so there is nothing to scan for; "
            "see docs/scan.md to write some"
        )
    probes, problems = _read(path, questionnaire)
    if problems or probes is None:
        first = problems[0] if problems else Problem(str(path), "invalid probes")
        raise QuestionnaireError(str(first), tuple(problems))
    return probes


def probes_problems(directory: Path, questionnaire: Questionnaire | None) -> list[Problem]:
    """Every problem of the folder's probes file; none when it has no such file (probes are optional)."""
    path = directory / PROBES_FILE
    if not path.exists():
        return []
    return _read(path, questionnaire)[1]


def _read(path: Path, questionnaire: Questionnaire | None) -> tuple[ProbeSet | None, list[Problem]]:
    try:
        doc = load_file(path, inside=Within(path.parent, "questionnaire folder"))
    except InputFileError as exc:
        return None, list(exc.problems) or [Problem(str(path), str(exc).removeprefix(f"{path}: "))]
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "expected a mapping with the keys comments, contexts, probes")]
    try:
        probes = ProbeSet.model_validate(doc.data)
    except ValidationError as exc:
        return None, list(pydantic_problems(doc, exc, ProbeSet))
    problems = [doc.problem(loc, message) for loc, message in probe_set_problems(probes, questionnaire)]
    return probes, problems
