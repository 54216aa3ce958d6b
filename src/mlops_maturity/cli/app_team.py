"""The commands about one team's assessment: score, report, survey."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from mlops_maturity.cli.app import app, emit
from mlops_maturity.cli.help import HelpCommand
from mlops_maturity.cli.parameters import QuestionnaireOpt, with_flags
from mlops_maturity.cli.report_options import REPORT_FLAGS, report_options
from mlops_maturity.cli.score_options import SCORE_FLAGS, score_options


def score(file: Path, **values: Any) -> None:
    """Score a filled-in answers file; thresholds turn it into a CI gate.

    With --format github, the Markdown summary is also appended to the file
    named by $GITHUB_STEP_SUMMARY when that variable is set.
    """
    from mlops_maturity.cli.commands.score import run

    emit(run(file, score_options(values)))


app.command(cls=HelpCommand)(with_flags(score, SCORE_FLAGS))


def report(file: Path, **values: Any) -> None:
    """Write the leadership report: a one-minute summary for leaders, then the detail for the team.

    Markdown by default; --format html (or -o OUT.html) gives one self-contained
    page that prints cleanly to PDF.
    """
    from mlops_maturity.cli.commands.report import run

    emit(run(file, report_options(values)))


app.command(cls=HelpCommand)(with_flags(report, REPORT_FLAGS))


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
