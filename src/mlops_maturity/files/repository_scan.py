"""Scan a team's repository with a questionnaire's probes: what ``scan``, ``score --scan``, ``report --scan`` share."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.engine.answers import Answers
from mlops_maturity.engine.evidence import repository_evidence, verdicts
from mlops_maturity.engine.questionnaire import Questionnaire
from mlops_maturity.engine.result import Result
from mlops_maturity.engine.scan_findings import ScanResult
from mlops_maturity.errors import UsageError
from mlops_maturity.files.annotations_reader import read_annotations
from mlops_maturity.files.probes_loader import load_probes
from mlops_maturity.files.repo_scan import scan_folder


def scan_repository(directory: Path, q: Questionnaire, questionnaire_dir: Path | None) -> ScanResult:
    """Every finding of the questionnaire's probes in ``directory``, after its annotations."""
    if not directory.is_dir():
        raise UsageError(f"{directory}: not a folder; give the folder to scan (default: the current one)")
    probes = load_probes(questionnaire_dir, q)
    return scan_folder(directory, probes, read_annotations(directory), shown=str(directory))


def with_repository(
    result: Result, directory: Path, q: Questionnaire, questionnaire_dir: Path | None, answers: Answers
) -> Result:
    """``result`` carrying the team's answers set against what the repository's files show (``--scan DIR``)."""
    scan = scan_repository(directory, q, questionnaire_dir)
    return result.model_copy(update={"repository": repository_evidence(q, scan, verdicts(q, answers, scan))})
