"""The typer application: its root options and every command, registered here in the order help lists them.

No command module registers itself by being imported (as in pre-commit's ``main.py``): ``COMMANDS`` is
the one list. Each command is a thin function that parses its flags, runs the command's module (imported
only when it runs, so a command pays only for what it uses) and returns the exit code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from mlops_maturity import __version__
from mlops_maturity.cli.help import HelpCommand, HelpGroup
from mlops_maturity.cli.organisation_commands import compare, consensus, portfolio
from mlops_maturity.cli.questionnaire_commands import init, questions, schema, validate
from mlops_maturity.cli.repository_commands import scan
from mlops_maturity.cli.team_commands import badge, report, score, survey

COMMANDS: tuple[Callable[..., int], ...] = (
    score,
    report,
    survey,
    questions,
    init,
    validate,
    schema,
    compare,
    portfolio,
    badge,
    consensus,
    scan,
)


def _version(value: bool) -> None:
    if value:
        print(f"mlops-maturity {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Assess how mature an ML team's MLOps is, what will hurt next, and what to do about it.

    Start with `mlops-maturity survey` (interactive) or `mlops-maturity init`
    (a file to fill in), then `mlops-maturity score FILE` and
    `mlops-maturity report FILE`.
    """


def build_app() -> typer.Typer:
    """The typer app with every command of ``COMMANDS``, in that order."""
    app = typer.Typer(
        name="mlops-maturity",
        help="Assess how mature an ML team's MLOps is, what will hurt next, and what to do about it.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        cls=HelpGroup,
        context_settings={"help_option_names": ["-h", "--help"]},
        add_completion=True,
    )
    app.callback()(_root)
    for command in COMMANDS:
        app.command(cls=HelpCommand)(command)
    return app
