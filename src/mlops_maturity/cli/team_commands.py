"""The typer commands about one team's assessment: score, report, survey, badge. Each returns its exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from mlops_maturity.cli.options.parameters import QuestionnaireOpt, with_flags
from mlops_maturity.cli.options.report import REPORT_FLAGS, report_options
from mlops_maturity.cli.options.score import SCORE_FLAGS, score_options


def score(file: Path, **values: Any) -> int:
    """Score a filled-in answers file; thresholds turn it into a CI gate.

    With --format github, the Markdown summary is also appended to the file
    named by $GITHUB_STEP_SUMMARY when that variable is set.
    """
    from mlops_maturity.cli.commands.score import run

    return run(file, score_options(values)).write()


with_flags(score, SCORE_FLAGS)


def report(file: Path, **values: Any) -> int:
    """Write the leadership report: a one-minute summary for leaders, then the detail for the team.

    Markdown by default; --format html (or -o OUT.html) gives one self-contained
    page that prints cleanly to PDF.
    """
    from mlops_maturity.cli.commands.report import run

    return run(file, report_options(values)).write()


with_flags(report, REPORT_FLAGS)


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
) -> int:
    """Answer the questionnaire interactively; every answer is saved as you go.

    Type an option's number and Enter. u: don't know, n: does not apply (where
    offered), ?: help, b: back, q: save and quit, Enter: keep the answer given
    before. Run again with the same --out to resume.
    """
    from mlops_maturity.cli.commands.survey import main as run_survey

    return run_survey(out, team, questionnaire, respondent=respondent, role=role, scan=scan).write()


def badge(
    file: Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False, metavar="FILE")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write the SVG here ('-' or none: stdout).", metavar="FILE.svg", show_default=False
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> int:
    """Draw a README badge, "MLOps stage 3 · level Low", as a local SVG coloured by the stage."""
    from mlops_maturity.cli.commands.badge import run

    return run(file, out, questionnaire).write()
