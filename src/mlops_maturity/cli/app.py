"""The typer application: the app, its root options, and the three modules that declare its commands.

Each command is one thin function (in ``app_team``, ``app_questionnaire`` and
``app_organisation``, ``app_evidence``) that imports what it needs when it runs, so ``score`` pays
only for what it uses.
"""

from __future__ import annotations

from typing import Annotated, NoReturn

import typer

from mlops_maturity import __version__
from mlops_maturity.cli.commands.output import Output
from mlops_maturity.cli.help import HelpGroup

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


def _version(value: bool) -> None:
    if value:
        print(f"mlops-maturity {__version__}")
        raise typer.Exit()


@app.callback()
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


def emit(output: Output) -> NoReturn:
    raise typer.Exit(output.write())


# Each module below declares its commands on ``app``; importing them registers the commands, in this order
# (the order of the help's command list).
# isort: off
from mlops_maturity.cli import app_team  # noqa: E402, F401
from mlops_maturity.cli import app_questionnaire  # noqa: E402, F401
from mlops_maturity.cli import app_organisation  # noqa: E402, F401
from mlops_maturity.cli import app_evidence  # noqa: E402, F401
# isort: on
