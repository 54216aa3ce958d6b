"""The options of the commands CI runs most (``score``, ``report``), declared once for both ways in.

The typer command (which also gives help and usage errors) and the parser for
plain calls (``cli/fast_path.py``, which skips typer) are both built from a
command's tuple of :class:`Flag`. Nothing here imports typer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Literal, NamedTuple

QUESTIONNAIRE_ENV = "MLOPS_MATURITY_QUESTIONNAIRE"
STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"

# How a flag's value is read: one of a set of choices (an output format), a whole number from 0
# (typer refuses a negative one), a whole number the command checks itself (the fast path reads only
# those from 0 and leaves the rest to typer and then the command), free text, a path, free text
# that may be repeated, or a switch that takes no value.
Kind = Literal["format", "natural", "number", "text", "path", "repeat", "switch"]


class Flag(NamedTuple):
    """One command-line option: which options field it sets, how it is written, and its help."""

    field: str
    names: tuple[str, ...]
    kind: Kind
    help: str
    metavar: str | None = None
    envvar: str | None = None
    choices: type[Enum] | None = None  # for a "format" flag
    default: Enum | None = None  # for a "format" flag; None leaves the choice to the command


QUESTIONNAIRE_FLAG = Flag(
    "questionnaire",
    ("--questionnaire",),
    "path",
    "Questionnaire folder to use instead of the shipped one.",
    "DIR",
    QUESTIONNAIRE_ENV,
)
SCAN_FLAG = Flag(
    "scan",
    ("--scan",),
    "path",
    "Set the answers against this repository's files (see `scan`); the placement does not change.",
    "DIR",
)


def checked_values(command: str, flags: Sequence[Flag], values: Mapping[str, object]) -> dict[str, object]:
    """Parsed flag values (by field name) as the options fields want them; unset ones left out."""
    unknown = set(values) - {f.field for f in flags}
    if unknown:  # a parser and the declaration disagree: a bug, not a user's mistake
        raise ValueError(f"not options of {command}: {', '.join(sorted(unknown))}")
    given = {name: value for name, value in values.items() if value is not None}
    for flag in flags:
        value = given.get(flag.field)
        if value is None:
            continue
        if flag.kind == "format" and flag.choices is not None:
            # a member from the fast parser, the checked text from typer's (as typers differ)
            from mlops_maturity.cli.options.choices import parse_choice

            given[flag.field] = parse_choice(flag.choices, flag.names[0], value)  # type: ignore[arg-type]
        elif flag.kind == "repeat" and isinstance(value, list):
            given[flag.field] = tuple(value)
    return given
