"""Typer parameters shared by several commands: the questionnaire option, choices, and ``score``'s declared flags."""

from __future__ import annotations

import inspect
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from mlops_maturity.cli.choices import metavar, parse_choice
from mlops_maturity.cli.score_options import QUESTIONNAIRE_ENV, SCAN_HELP, Flag
from mlops_maturity.render.formats import ScoreFormat

QuestionnaireOpt = Annotated[
    Path | None,
    typer.Option(
        "--questionnaire",
        help="Questionnaire folder to use instead of the shipped one.",
        metavar="DIR",
        show_default=False,
        # One variable points a whole CI setup (pre-commit hooks included) at an organisation's questionnaire.
        envvar=QUESTIONNAIRE_ENV,
    ),
]


ScanOpt = Annotated[Path | None, typer.Option("--scan", help=SCAN_HELP, metavar="DIR", show_default=False)]


def choice_parts(kind: type[Enum], flag: str) -> dict[str, Any]:
    """Parse a choice ourselves, so a wrong one gets the tool's "choose one of" message (exit 2), and complete it."""

    def complete(incomplete: str) -> list[str]:
        return [m.value for m in kind if m.value.startswith(incomplete)]

    def parser(value: str) -> str:
        # The value, checked; each command turns it into the member with parse_choice, since typers differ
        # (0.16 converts a parser's result to the enum by its text, 0.29 passes it on as it is).
        # A named function, not a partial: older typers read the parser's __name__.
        return str(parse_choice(kind, flag, value).value)

    return {"parser": parser, "autocompletion": complete, "metavar": metavar(kind)}


def format_option(kind: type[Enum], help: str = "Output format.", **extra: Any) -> Any:
    return typer.Option("--format", "-f", help=help, **choice_parts(kind, "--format"), **extra)


def score_parameter(flag: Flag) -> inspect.Parameter:
    """The typer parameter of one declared ``score`` option."""
    types: dict[str, tuple[Any, Any]] = {
        "format": (ScoreFormat, ScoreFormat.text),
        "natural": (int | None, None),
        "text": (str | None, None),
        "path": (Path | None, None),
        "repeat": (list[str] | None, None),
        "switch": (bool, False),
    }
    kind, default = types[flag.kind]
    extra: dict[str, Any] = {"min": 0} if flag.kind == "natural" else {}
    if flag.envvar:
        extra.update(envvar=flag.envvar, show_default=False)
    if flag.kind == "format":
        option = format_option(ScoreFormat, flag.help, **extra)
    else:
        option = typer.Option(*flag.names, help=flag.help, metavar=flag.metavar, **extra)
    return inspect.Parameter(
        flag.field, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=Annotated[kind, option]
    )
