"""``report``'s options, declared once, for the typer command and the plain-call parser alike (see ``flags.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.choices import ReportFormat
from mlops_maturity.cli.options.flags import QUESTIONNAIRE_FLAG, SCAN_FLAG, Flag, checked_values

REPORT_FLAGS: tuple[Flag, ...] = (
    Flag(
        "out",
        ("--out", "-o"),
        "path",
        "Write the report to OUT.md and its chart to OUT.svg beside it, or to one self-contained page OUT.html. "
        "Without it the report goes to stdout.",
        "OUT",
    ),
    Flag(
        "template_dir",
        ("--template-dir",),
        "path",
        "Folder with your own report.md.j2 or single sections; the rest comes from the shipped templates.",
        "DIR",
    ),
    Flag(
        "target_stage",
        ("--target-stage",),
        "number",
        "Plan the roadmap to stage N instead of the next stage; N runs from 1 to the questionnaire's top stage "
        "(1 to 5 with the shipped one).",
        "N",
    ),
    Flag(
        "fmt",
        ("--format", "-f"),
        "format",
        "markdown, or html for one page to circulate (default: html for OUT.html).",
        choices=ReportFormat,
    ),
    SCAN_FLAG,
    QUESTIONNAIRE_FLAG,
)


@dataclass(frozen=True)
class ReportOptions:
    out: Path | None = None
    template_dir: Path | None = None
    target_stage: int | None = None
    fmt: ReportFormat | None = None  # default: html when OUT ends in .html or .htm, else markdown
    scan: Path | None = None  # the team's repository, to set the answers against
    questionnaire: Path | None = None


def report_options(values: Mapping[str, object]) -> ReportOptions:
    return ReportOptions(**checked_values("report", REPORT_FLAGS, values))  # type: ignore[arg-type]
