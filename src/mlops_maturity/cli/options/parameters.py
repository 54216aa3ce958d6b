"""Typer parameters shared by several commands: the questionnaire option, choices, and the declared flags."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from mlops_maturity.cli.options.choices import metavar, parse_choice
from mlops_maturity.cli.options.flags import QUESTIONNAIRE_FLAG, Flag


def _path_option(flag: Flag) -> Any:
    return typer.Option(*flag.names, help=flag.help, metavar=flag.metavar, show_default=False, envvar=flag.envvar)


# One variable (its envvar) points a whole CI setup, pre-commit hooks included, at an organisation's questionnaire.
QuestionnaireOpt = Annotated[Path | None, _path_option(QUESTIONNAIRE_FLAG)]


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


def flag_parameter(flag: Flag) -> inspect.Parameter:
    """The typer parameter of one declared option (see ``flags.py``)."""
    types: dict[str, tuple[Any, Any]] = {
        "natural": (int | None, None),
        "number": (int | None, None),
        "text": (str | None, None),
        "path": (Path | None, None),
        "repeat": (list[str] | None, None),
        "switch": (bool, False),
    }
    extra: dict[str, Any] = {"min": 0} if flag.kind == "natural" else {}
    if flag.envvar:
        extra.update(envvar=flag.envvar, show_default=False)
    if flag.kind == "format" and flag.choices is not None:
        # with no default the command chooses (report: by the output file's name); help says so itself
        kind, default = (flag.choices, flag.default) if flag.default is not None else (str | None, None)
        option = format_option(flag.choices, flag.help, **extra, **({} if flag.default else {"show_default": False}))
    else:
        kind, default = types[flag.kind]
        option = typer.Option(*flag.names, help=flag.help, metavar=flag.metavar, **extra)
    return inspect.Parameter(
        flag.field, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=Annotated[kind, option]
    )


def with_flags(command: Callable[..., int], flags: Sequence[Flag]) -> Callable[..., int]:
    """``command(file, **values)`` with the signature typer reads, built from the one declaration of its flags."""
    parameters = [
        inspect.Parameter(
            "file",
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            annotation=Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False, metavar="FILE")],
        ),
        *(flag_parameter(flag) for flag in flags),
    ]
    command.__signature__ = inspect.Signature(parameters, return_annotation=int)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    return command
