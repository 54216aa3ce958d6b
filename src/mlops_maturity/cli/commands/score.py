"""``mlops-maturity score``: score an answers file, apply the CI gates."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.choices import ScoreFormat
from mlops_maturity.cli.options.score import ScoreOptions
from mlops_maturity.cli.options.thresholds import parse_thresholds
from mlops_maturity.cli.output import BELOW_THRESHOLD, OK, Output
from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.result import Result
from mlops_maturity.engine.scoring.gates import Check, evaluate_checks
from mlops_maturity.errors import AnswersError, MaturityError
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.formats import render_score, render_score_error
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport
from mlops_maturity.render.terminal import color_enabled, unicode_ok, width


def run(file: Path, options: ScoreOptions) -> Output:
    """Score ``file``; in a format a CI system parses, bad input is rendered in that format too (still exit 2)."""
    try:
        return _score(file, options)
    except MaturityError as exc:
        rendered = render_score_error(options.fmt, exc, str(file))
        if rendered is None:
            raise
        first, *more = exc.lines()
        return Output(stdout=rendered, stderr=(f"error: {first}", *more), code=exc.exit_code)


def _score(file: Path, options: ScoreOptions) -> Output:
    q = load_questionnaire(options.questionnaire)
    thresholds = parse_thresholds(q, options.min_stage, options.min_level, options.min_dimension)
    answers = load_answers(file, q)
    result = assess(q, answers)
    if options.scan is not None:
        from mlops_maturity.scan.io.run import with_repository

        result = with_repository(result, options.scan, q, options.questionnaire, answers)
    if options.require_complete and result.unanswered:
        listed = ", ".join(result.unanswered)
        raise AnswersError(
            f"{file}: {len(result.unanswered)} question(s) not answered, and --require-complete was given: {listed}. "
            'Answer them ("unknown" is an answer) or drop --require-complete'
        )
    old = load_answers(options.baseline, q, drop_stale=True) if options.baseline is not None else None
    baseline = assess(q, old) if old is not None else None
    checks = evaluate_checks(q, result, thresholds, baseline)
    first = _baseline_mismatches(options.baseline, baseline, result) if baseline is not None else ()
    report = ScoreReport(result=result, checks=checks, file=str(file), lines=answers.lines, warnings_first=first)
    text = options.fmt == ScoreFormat.text
    # Only the terminal summary needs the terminal's size and colours.
    shown = (
        RenderOptions(color=color_enabled(), width=width(), unicode=unicode_ok())
        if text
        else RenderOptions(unicode=unicode_ok())
    )
    rendered = render_score(options.fmt, report, shown)
    failed = [c for c in checks if not c.passed]
    messages = () if text else tuple(_failure(c, options.baseline) for c in failed)
    if old is not None and old.ignored:
        messages = (
            f"note: the baseline {options.baseline} answers {len(old.ignored)} question(s) or option(s) this "
            f"questionnaire no longer has; compared without them: {', '.join(old.ignored)}",
            *messages,
        )
    messages += tuple(answers.evidence_notes())
    if result.unanswered and not text:
        messages += (f"note: {len(result.unanswered)} question(s) not answered: {', '.join(result.unanswered)}",)
    if options.fmt == ScoreFormat.github and options.step_summary is not None:
        messages += _append_summary(options.step_summary, render_score(ScoreFormat.markdown, report, RenderOptions()))
    messages = (*(f"warning: {w}" for w in first), *messages)
    return Output(stdout=rendered, stderr=messages, code=BELOW_THRESHOLD if failed else OK)


def _baseline_mismatches(path: Path | None, baseline: Result, result: Result) -> tuple[str, ...]:
    """Another team's file, or a newer one, given as the baseline: said before anything else."""
    from mlops_maturity.engine.organisation.compare import mismatches

    hint = "the baseline should be the older assessment"
    return tuple(f"--baseline {path}: {m}" for m in mismatches(baseline, result, "baseline", "scored", hint))


def _failure(check: Check, baseline: Path | None) -> str:
    if check.id.startswith("baseline:"):
        return f"worse than the baseline {baseline}: {check.message}"
    return f"below threshold: {check.id}: {check.message}"


def _append_summary(path: Path, markdown: str) -> tuple[str, ...]:
    """Add to the job summary; a failure to write it is reported but does not change the verdict.

    The runner owns this file and other steps' text is already in it, so it is
    appended to rather than replaced (``write_atomic`` would do the latter).
    """
    from mlops_maturity.files.writing import append_text

    try:
        append_text(path, markdown + "\n")
    except OSError as exc:
        return (f"warning: could not write the job summary to {path}: {exc.strerror or exc}",)
    return ()
