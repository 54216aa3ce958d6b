"""The commands about one team's assessment: score, report, survey."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Annotated, Any

import typer

from mlops_maturity.cli.app import app, emit
from mlops_maturity.cli.choices import parse_choice
from mlops_maturity.cli.help import HelpCommand
from mlops_maturity.cli.parameters import QuestionnaireOpt, ScanOpt, format_option, score_parameter
from mlops_maturity.cli.score_options import SCORE_FLAGS, score_options
from mlops_maturity.render.formats import ReportFormat


def score(file: Path, **values: Any) -> None:
    """Score a filled-in answers file; thresholds turn it into a CI gate.

    With --format github, the Markdown summary is also appended to the file
    named by $GITHUB_STEP_SUMMARY when that variable is set.
    """
    from mlops_maturity.cli.commands.score import run

    emit(run(file, score_options(values)))


# The signature typer reads is built from the one declaration of score's options.
_SCORE_PARAMETERS = [
    inspect.Parameter(
        "file",
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        annotation=Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False, metavar="FILE")],
    ),
    *(score_parameter(flag) for flag in SCORE_FLAGS),
]
score.__signature__ = inspect.Signature(_SCORE_PARAMETERS, return_annotation=None)  # type: ignore[attr-defined]
score.__annotations__ = {p.name: p.annotation for p in _SCORE_PARAMETERS}
app.command(cls=HelpCommand)(score)


@app.command(cls=HelpCommand)
def report(
    file: Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False, metavar="FILE")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the report to OUT.md and its chart to OUT.svg beside it, or to one self-contained page "
            "OUT.html. Without it the report goes to stdout.",
            metavar="OUT",
            show_default=False,
        ),
    ] = None,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir",
            help="Folder with your own report.md.j2 or single sections; the rest comes from the shipped templates.",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    target_stage: Annotated[
        int | None,
        typer.Option(
            "--target-stage",
            help="Plan the roadmap to stage N instead of the next stage; N runs from 1 to the questionnaire's "
            "top stage (1 to 5 with the shipped one).",
            metavar="N",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        format_option(
            ReportFormat,
            "markdown, or html for one page to circulate (default: html for OUT.html).",
            show_default=False,
        ),
    ] = None,
    scan: ScanOpt = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Write the leadership report: a one-minute summary for leaders, then the detail for the team.

    Markdown by default; --format html (or -o OUT.html) gives one self-contained
    page that prints cleanly to PDF.
    """
    from mlops_maturity.cli.commands.report import ReportOptions, run

    options = ReportOptions(
        out=out,
        template_dir=template_dir,
        target_stage=target_stage,
        questionnaire=questionnaire,
        fmt=None if fmt is None else parse_choice(ReportFormat, "--format", fmt),
        scan=scan,
    )
    emit(run(file, options))


@app.command(cls=HelpCommand)
def survey(
    out: Annotated[
        str,
        typer.Option(
            "--out",
            "-o",
            help="Answers file to write, or to resume if it exists. With --respondent, a folder (DIR/) means "
            "DIR/NAME.yaml.",
            metavar="FILE",
        ),
    ] = "mlops-answers.yaml",
    team: Annotated[
        str | None, typer.Option("--team", help="Team name (asked at the start when not given).", metavar="NAME")
    ] = None,
    respondent: Annotated[
        str | None,
        typer.Option("--respondent", help="Who is answering, when several people of the team answer.", metavar="NAME"),
    ] = None,
    role: Annotated[
        str | None, typer.Option("--role", help="The respondent's role, such as 'data scientist'.", metavar="ROLE")
    ] = None,
    scan: Annotated[
        Path | None,
        typer.Option(
            "--scan",
            help="Scan this repository first: what its files show becomes each open question's default.",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Answer the questionnaire interactively; every answer is saved as you go.

    Type an option's number and Enter. u: don't know, n: does not apply (where
    offered), ?: help, b: back, q: save and quit, Enter: keep the answer given
    before. Run again with the same --out to resume.
    """
    from mlops_maturity.cli.commands.survey import main as run_survey

    emit(run_survey(out, team, questionnaire, respondent=respondent, role=role, scan=scan))
