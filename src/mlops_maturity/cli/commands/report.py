"""``mlops-maturity report``: the leadership report, to stdout or to OUT.md with OUT.svg beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.cli.commands.output import Output
from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.questionnaire import Questionnaire
from mlops_maturity.errors import InputFileError, UsageError
from mlops_maturity.files.answers_reader import load_answers
from mlops_maturity.files.questionnaire_loader import load_questionnaire
from mlops_maturity.files.yaml_reader import write_atomic
from mlops_maturity.render.report import render_report


@dataclass(frozen=True)
class ReportOptions:
    out: Path | None = None
    template_dir: Path | None = None
    target_stage: int | None = None
    questionnaire: Path | None = None


def run(file: Path, options: ReportOptions) -> Output:
    q = load_questionnaire(options.questionnaire)
    _check_target(q, options.target_stage)
    template_dir = _check_template_dir(options.template_dir)
    out = None if options.out is None or str(options.out) == "-" else options.out
    chart = _chart_path(out) if out is not None else None
    result = assess(q, load_answers(file, q), target_stage=options.target_stage)
    report = render_report(
        result,
        chart_name=chart.name if chart else None,
        template_dir=template_dir,
        target_stage=options.target_stage,
    )
    notes = tuple(_unused_note(path, meant) for path, meant in report.unused)
    if out is None:
        return Output(stdout=report.markdown, stderr=notes)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputFileError(f"{out.parent}: cannot create the folder: {exc.strerror or exc}") from None
    if chart is not None and report.svg is not None:
        write_atomic(chart, report.svg)
    write_atomic(out, report.markdown)
    return Output(stderr=(*notes, f"wrote {out} and {chart}"))


def _unused_note(path: Path, meant: list[str]) -> str:
    hint = f"; did you mean {' or '.join(meant)}?" if meant else ""
    return f"note: {path} was not used: no template includes it and it replaces no shipped one{hint}"


def _check_target(q: Questionnaire, target: int | None) -> None:
    first, top = q.stages[1].number, q.top_stage
    if target is not None and not first <= target <= top:
        raise UsageError(f"--target-stage {target}: no such stage; choose a stage from {first} to {top}")


def _check_template_dir(path: Path | None) -> Path | None:
    if path is not None and not path.is_dir():
        raise UsageError(f"--template-dir {path}: not a directory; give a folder that holds report.md.j2")
    return path


def _chart_path(out: Path) -> Path:
    if out.is_dir():
        raise UsageError(f"-o {out}: is a directory; give a file name such as {out / 'report.md'}")
    chart = out.with_suffix(".svg")
    if chart == out:
        raise UsageError(f"-o {out}: the report is Markdown; give a name ending in .md (the chart goes to NAME.svg)")
    return chart
