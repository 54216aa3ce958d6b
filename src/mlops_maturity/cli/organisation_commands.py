"""The typer commands across assessments and teams: compare, portfolio, consensus. Each returns its exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlops_maturity.choices import CompareFormat, ConsensusFormat, PortfolioFormat
from mlops_maturity.cli.options.choices import parse_choice
from mlops_maturity.cli.options.parameters import QuestionnaireOpt, format_option


def compare(
    old: Annotated[
        Path,
        typer.Argument(
            help="The older answers file (or saved `score --format json`).", show_default=False, metavar="OLD"
        ),
    ],
    new: Annotated[
        Path,
        typer.Argument(
            help="The newer answers file (or saved `score --format json`).", show_default=False, metavar="NEW"
        ),
    ],
    fmt: Annotated[CompareFormat, format_option(CompareFormat)] = CompareFormat.text,
    questionnaire: QuestionnaireOpt = None,
) -> int:
    """Show what changed between two assessments of the same team."""
    from mlops_maturity.cli.commands.compare import run

    return run(old, new, parse_choice(CompareFormat, "--format", fmt), questionnaire).write()


def portfolio(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Answers files, and directories searched for *.yaml / *.yml.", show_default=False, metavar="PATH"
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the report here (Markdown unless --format says otherwise), with the SVG heat map beside it.",
            metavar="OUT.md",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        PortfolioFormat | None,
        format_option(
            PortfolioFormat,
            "Output format (default: text; with -o, html for OUT.html and markdown otherwise).",
            show_default=False,
        ),
    ] = None,
    min_stage: Annotated[
        int | None, typer.Option("--min-stage", help="Exit 1 when any team is below this stage.", metavar="N", min=0)
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Worker processes [default: one per core for large portfolios].",
            metavar="N",
            min=1,
            show_default=False,
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> int:
    """Roll many teams' answers files up into one organisation view."""
    from mlops_maturity.cli.commands.portfolio import PortfolioOptions, run

    options = PortfolioOptions(
        fmt=None if fmt is None else parse_choice(PortfolioFormat, "--format", fmt),
        out=out,
        min_stage=min_stage,
        jobs=jobs,
        questionnaire=questionnaire,
    )
    return run(list(paths), options).write()


def consensus(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="The answers files of one team's respondents, one file each, or the folder that holds them.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the team answers file here; every other command reads it.",
            metavar="TEAM.yaml",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[ConsensusFormat, format_option(ConsensusFormat)] = ConsensusFormat.text,
    anonymous: Annotated[
        bool,
        typer.Option(
            "--anonymous",
            help="Name the respondents Respondent 1, 2, ..., leave out their roles, and take their names out of the "
            "evidence quoted (docs/respondents.md says what it cannot recognise).",
        ),
    ] = False,
    questionnaire: QuestionnaireOpt = None,
) -> int:
    """Merge several respondents' answers into the team's, and show where they disagree.

    Each team answer is the highest option that more than half of the
    respondents chose or went beyond (docs/respondents.md).
    """
    from mlops_maturity.cli.commands.consensus import ConsensusOptions, run

    options = ConsensusOptions(
        fmt=parse_choice(ConsensusFormat, "--format", fmt), out=out, anonymous=anonymous, questionnaire=questionnaire
    )
    return run(list(files), options).write()
