"""``mlops-maturity score``: score an answers file, apply the CI gates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.answers import load_answers
from mlops_maturity.checks import evaluate_checks, parse_thresholds
from mlops_maturity.choices import Format
from mlops_maturity.commands.output import BELOW_THRESHOLD, OK, Output
from mlops_maturity.errors import AnswersError
from mlops_maturity.formats import RenderOptions, ScoreReport, render
from mlops_maturity.loader import load_questionnaire
from mlops_maturity.scoring import assess
from mlops_maturity.terminal import color_enabled, unicode_ok, width


@dataclass(frozen=True)
class ScoreOptions:
    fmt: Format = Format.text
    min_stage: int | None = None
    min_level: str | None = None
    min_dimension: tuple[str, ...] = ()
    baseline: Path | None = None
    require_complete: bool = False
    questionnaire: Path | None = None


def run(file: Path, options: ScoreOptions) -> Output:
    q = load_questionnaire(options.questionnaire)
    thresholds = parse_thresholds(q, options.min_stage, options.min_level, options.min_dimension)
    answers = load_answers(file, q)
    result = assess(q, answers)
    if options.require_complete and result.unanswered:
        listed = ", ".join(result.unanswered)
        raise AnswersError(
            f"{file}: {len(result.unanswered)} question(s) not answered, and --require-complete was given: {listed}. "
            'Answer them ("unknown" is an answer) or drop --require-complete'
        )
    baseline = assess(q, load_answers(options.baseline, q)) if options.baseline is not None else None
    checks = evaluate_checks(q, result, thresholds, baseline)
    report = ScoreReport(result=result, checks=checks, file=str(file), lines=answers.lines)
    text = options.fmt == Format.text
    rendered = render(
        options.fmt,
        report,
        RenderOptions(color=text and color_enabled(), width=width(), unicode=unicode_ok()),
    )
    failed = [c for c in checks if not c.passed]
    messages = () if text else tuple(f"below threshold: {c.id}: {c.message}" for c in failed)
    if result.unanswered and not text:
        messages += (f"note: {len(result.unanswered)} question(s) not answered: {', '.join(result.unanswered)}",)
    return Output(stdout=rendered, stderr=messages, code=BELOW_THRESHOLD if failed else OK)
