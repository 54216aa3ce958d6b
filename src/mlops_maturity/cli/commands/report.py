"""``mlops-maturity report``: the leadership report, as Markdown (with OUT.svg beside OUT.md) or one HTML page."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.choices import ReportFormat
from mlops_maturity.cli.options.paths import check_output_file, make_folder_for
from mlops_maturity.cli.options.report import ReportOptions
from mlops_maturity.cli.output import Output
from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import UsageError
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.writing import write_atomic
from mlops_maturity.render.report import render_report

HTML_CHART = "capability-chart.svg"  # the name the page's Markdown uses for the chart it carries inline


def run(file: Path, options: ReportOptions) -> Output:
    q = load_questionnaire(options.questionnaire)
    _check_target(q, options.target_stage)
    template_dir = _check_template_dir(options.template_dir)
    out = None if options.out is None or str(options.out) == "-" else options.out
    fmt = options.fmt or (
        ReportFormat.html if out is not None and out.suffix.lower() in HTML_SUFFIXES else ReportFormat.markdown
    )
    html = fmt == ReportFormat.html
    chart = _chart_path(out) if out is not None and not html else None
    answers = load_answers(file, q)
    result = assess(q, answers, target_stage=options.target_stage)
    if options.scan is not None:
        from mlops_maturity.scan.io.run import with_repository

        result = with_repository(result, options.scan, q, options.questionnaire, answers)
    report = render_report(
        result,
        chart_name=HTML_CHART if html else (chart.name if chart else None),
        template_dir=template_dir,
        target_stage=options.target_stage,
    )
    notes = tuple(_unused_note(path, meant) for path, meant in report.unused)
    text = report.markdown
    if html:
        from mlops_maturity.render.html import page

        title = f"{result.questionnaire.title}: {result.team}" if result.team else result.questionnaire.title
        text = page(title, report.markdown, {HTML_CHART: report.svg or ""})
    if out is None:
        return Output(stdout=text, stderr=notes)
    make_folder_for(out, "-o", "report.md")
    if chart is not None and report.svg is not None:
        write_atomic(chart, report.svg)
    write_atomic(out, text)
    return Output(stderr=(*notes, f"wrote {out}" if chart is None else f"wrote {out} and {chart}"))


HTML_SUFFIXES = (".html", ".htm")


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
    check_output_file(out, "-o", "report.md")
    chart = out.with_suffix(".svg")
    if chart == out:
        raise UsageError(f"-o {out}: the report is Markdown; give a name ending in .md (the chart goes to NAME.svg)")
    return chart
