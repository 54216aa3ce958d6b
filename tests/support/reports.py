"""Build a ``ScoreReport`` from an answers file, as ``score`` does, for the format tests."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.scoring.gates import Thresholds, evaluate_checks
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.render.score import ScoreReport

from support import DATA

PARTIAL = DATA / "answers" / "tiny-partial.yaml"
TOP = DATA / "answers" / "tiny-top.yaml"


def report_for(
    q: Questionnaire, path: Path, thresholds: Thresholds | None = None, baseline: Path | None = None
) -> ScoreReport:
    answers = load_answers(path, q)
    result = assess(q, answers)
    old = assess(q, load_answers(baseline, q)) if baseline is not None else None
    checks = evaluate_checks(q, result, thresholds or Thresholds(), old)
    return ScoreReport(result=result, checks=checks, file=f"answers/{path.name}", lines=answers.lines)
