"""``mlops-maturity score``: score an answers file, apply the CI gates."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlops_maturity.answers import load_answers
from mlops_maturity.checks import Check, evaluate_checks, parse_thresholds
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
    step_summary: Path | None = None  # $GITHUB_STEP_SUMMARY; written with --format github only

    @classmethod
    def from_cli(cls, **fields: Any) -> ScoreOptions:
        """Options as given on the command line, plus the job summary file GitHub names in the environment."""
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        return cls(**fields, step_summary=Path(summary) if summary else None)


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
    old = load_answers(options.baseline, q, drop_stale=True) if options.baseline is not None else None
    baseline = assess(q, old) if old is not None else None
    checks = evaluate_checks(q, result, thresholds, baseline)
    report = ScoreReport(result=result, checks=checks, file=str(file), lines=answers.lines)
    text = options.fmt == Format.text
    rendered = render(
        options.fmt,
        report,
        RenderOptions(color=text and color_enabled(), width=width(), unicode=unicode_ok()),
    )
    failed = [c for c in checks if not c.passed]
    messages = () if text else tuple(_failure(c, options.baseline) for c in failed)
    if old is not None and old.ignored:
        messages = (
            f"note: the baseline {options.baseline} answers {len(old.ignored)} question(s) or option(s) this "
            f"questionnaire no longer has; compared without them: {', '.join(old.ignored)}",
            *messages,
        )
    if result.unanswered and not text:
        messages += (f"note: {len(result.unanswered)} question(s) not answered: {', '.join(result.unanswered)}",)
    if options.fmt == Format.github and options.step_summary is not None:
        messages += _append_summary(options.step_summary, render(Format.markdown, report))
    return Output(stdout=rendered, stderr=messages, code=BELOW_THRESHOLD if failed else OK)


def _failure(check: Check, baseline: Path | None) -> str:
    if check.id.startswith("baseline:"):
        return f"worse than the baseline {baseline}: {check.message}"
    return f"below threshold: {check.id}: {check.message}"


def _append_summary(path: Path, markdown: str) -> tuple[str, ...]:
    """Add to the job summary; a failure to write it is reported but does not change the verdict.

    The runner owns this file and other steps' text is already in it, so it is
    appended to in one write rather than replaced (``write_atomic`` would do
    the latter).
    """
    try:
        with path.open("a", encoding="utf-8", newline="\n") as handle:
            handle.write(markdown + "\n")
    except OSError as exc:
        return (f"warning: could not write the job summary to {path}: {exc.strerror or exc}",)
    return ()
