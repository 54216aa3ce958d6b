"""The typer command that looks at the team's repository itself: scan. It returns its exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlops_maturity.choices import FailOn, ScanFormat
from mlops_maturity.cli.options.choices import parse_choice
from mlops_maturity.cli.options.parameters import QuestionnaireOpt, choice_parts, format_option


def scan(
    directory: Annotated[
        Path,
        typer.Argument(
            help="Folder to scan (a git checkout reads only tracked files).", show_default=False, metavar="DIR"
        ),
    ] = Path(),
    fmt: Annotated[ScanFormat, format_option(ScanFormat)] = ScanFormat.text,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Set the findings against this answers file: supported, shows more, unverified, contradicted.",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when an answer is contradicted (or, with unverified, also unverified). Needs --answers.",
            show_default=False,
            **choice_parts(FailOn, "--fail-on"),
        ),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            help="Propose answers into FILE (new or partial) with their evidence; answers already given are kept.",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> int:
    """Find evidence of MLOps practices in a repository's files, offline; nothing is run or fetched.

    Findings point at file and line. A `.mlops-maturity.yaml` at the top of the
    folder can dismiss findings or make them count as weak, with a reason; every
    dismissal is listed. See docs/scan.md.
    """
    from mlops_maturity.cli.commands.scan import ScanOptions, run

    options = ScanOptions(
        fmt=parse_choice(ScanFormat, "--format", fmt),
        answers=answers,
        fail_on=None if fail_on is None else parse_choice(FailOn, "--fail-on", fail_on),
        write=write,
        questionnaire=questionnaire,
    )
    return run(directory, options).write()
