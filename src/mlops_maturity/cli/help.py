"""Help pages written by us, the same with every typer and click the package allows.

Typer's own help changes with its version: 0.29's Rich panels swallow
``[default: ...]`` as markup and label flags ``<bool>`` and arguments
``<list[Path]>``; older releases lay pages out differently again. These classes
lay out usage, text, arguments, options, commands and examples from the
parameters' plain attributes (names, metavar, help, default, env var), which
every release has, through click's ``HelpFormatter``. ``tests/golden/help/``
pins each page.
"""

from __future__ import annotations

import inspect
from enum import Enum
from pathlib import Path
from typing import Any, get_args

from typer.core import TyperCommand, TyperGroup

from mlops_maturity import TOOL

PROG = TOOL

# A few calls that show what a command is for; listed under "Examples:".
EXAMPLES: dict[str, tuple[str, ...]] = {
    "score": (
        f"{PROG} score mlops-answers.yaml",
        f"{PROG} score mlops-answers.yaml --min-stage 3 --min-level low --format github",
    ),
    "report": (
        f"{PROG} report mlops-answers.yaml -o fraud-report.md",
        f"{PROG} report mlops-answers.yaml -o fraud-report.html",
        f"{PROG} report mlops-answers.yaml --target-stage 4 > plan.md",
    ),
    "survey": (
        f"{PROG} survey",
        f"{PROG} survey --out assessments/fraud/2026-11-22.yaml --team 'Fraud detection'",
    ),
    "portfolio": (
        f"{PROG} portfolio assessments/",
        f"{PROG} portfolio assessments/ -o portfolio.md --min-stage 2",
    ),
    "badge": (f"{PROG} badge mlops-answers.yaml -o badge.svg",),
    "consensus": (f"{PROG} consensus assessments/fraud/2026-11/ -o assessments/fraud/2026-11.yaml",),
    "scan": (
        f"{PROG} scan",
        f"{PROG} scan . --answers mlops-answers.yaml --fail-on contradicted --format sarif > mlops.sarif",
        f"{PROG} scan . --write mlops-answers.yaml",
    ),
}


def _usage_pieces(params: list[Any]) -> list[str]:
    pieces = ["[OPTIONS]"]
    for param in params:
        if param.param_type_name != "argument":
            continue
        name = _argument_name(param)
        pieces.append(name if param.required else f"[{name}]")
    return pieces


def _argument_name(param: Any) -> str:
    name = param.metavar or param.name.upper()
    return f"{name}..." if param.nargs != 1 else str(name)


def _option_name(param: Any) -> str:
    names = sorted(param.opts, key=lambda opt: (opt.startswith("--"), opt))
    names += sorted(getattr(param, "secondary_opts", ()))
    text = ", ".join(names)
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return text
    return f"{text} {param.metavar or param.name.upper()}"


def _default(param: Any) -> str | None:
    if getattr(param, "show_default", True) is False or getattr(param, "is_flag", False):
        return None
    value = param.default
    if value is None or value in ((), [], "") or callable(value):
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Path):
        return str(value)
    return str(value)


def _declared_help(command: Any) -> dict[str, str]:
    """Each parameter's help as declared on the command's function.

    Click 8.5 gave arguments a ``help`` of their own, and typers before it set
    theirs before calling click's constructor, which then resets it to None;
    the declaration still has it.
    """
    function = getattr(getattr(command, "callback", None), "__wrapped__", None)
    if function is None:
        return {}
    try:
        parameters = inspect.signature(function, eval_str=True).parameters
    except (NameError, TypeError, ValueError):
        return {}
    found = {}
    for name, parameter in parameters.items():
        for info in get_args(parameter.annotation)[1:]:
            if isinstance(getattr(info, "help", None), str):
                found[name] = info.help
    return found


def _describe(param: Any, declared: dict[str, str]) -> str:
    extra = []
    default = _default(param)
    if default is not None:
        extra.append(f"default: {default}")
    if param.envvar and getattr(param, "show_envvar", True):
        extra.append(f"env var: {param.envvar}")
    if param.required and param.param_type_name == "option":
        extra.append("required")
    help_text = " ".join((param.help or declared.get(param.name or "", "")).split())
    return f"{help_text}  [{'; '.join(extra)}]" if extra else help_text


def _rows(params: list[Any], kind: str, declared: dict[str, str]) -> list[tuple[str, str]]:
    rows = []
    for param in params:
        if param.param_type_name != kind or getattr(param, "hidden", False):
            continue
        name = _argument_name(param) if kind == "argument" else _option_name(param)
        rows.append((name, _describe(param, declared)))
    return rows


def _write_page(command: Any, ctx: Any, formatter: Any, commands: list[tuple[str, str]]) -> None:
    params = command.get_params(ctx)
    formatter.write_usage(
        ctx.command_path, " ".join(_usage_pieces(params) + (["COMMAND [ARGS]..."] if commands else []))
    )
    if command.help:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(inspect.cleandoc(command.help))
    declared = _declared_help(command)
    for title, rows in (
        ("Arguments", _rows(params, "argument", declared)),
        ("Options", _rows(params, "option", declared)),
    ):
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)
    if commands:
        with formatter.section("Commands"):
            formatter.write_dl(commands)
    examples = EXAMPLES.get(command.name or "", ())
    if examples:
        with formatter.section("Examples"):
            for example in examples:  # never wrapped: a reader copies it whole
                formatter.write(f"{' ' * formatter.current_indent}{example}\n")


class HelpCommand(TyperCommand):
    """A command whose help and usage lines are laid out by :func:`_write_page`."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _write_page(self, ctx, formatter, [])

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(_usage_pieces(self.get_params(ctx))))


class HelpGroup(TyperGroup):
    """The root: its options and one line per command."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        commands = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not getattr(command, "hidden", False):
                commands.append((name, _first_sentence(command.help or "")))
        _write_page(self, ctx, formatter, commands)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, "[OPTIONS] COMMAND [ARGS]...")


def _first_sentence(text: str) -> str:
    first = inspect.cleandoc(text).split("\n\n")[0]
    return " ".join(first.split())
