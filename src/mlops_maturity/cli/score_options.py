"""``score``'s options, declared once.

Both ways into ``score`` are built from :data:`SCORE_FLAGS`: the typer command
(``cli/app.py``, which also gives help and usage errors) and the fast parser
for plain CI calls (``cli/fast_score.py``, which skips typer). Adding an option
means adding a field to :class:`ScoreOptions` and a line to ``SCORE_FLAGS``; a
test checks that the two name the same fields. Nothing here imports typer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Literal, NamedTuple

from mlops_maturity.render.formats import ScoreFormat

QUESTIONNAIRE_ENV = "MLOPS_MATURITY_QUESTIONNAIRE"
STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"
SCAN_HELP = "Set the answers against this repository's files (see `scan`); the placement does not change."

# How a flag's value is read: an output format, a whole number from 0, free text, a path,
# free text that may be repeated, or a switch that takes no value.
Kind = Literal["format", "natural", "text", "path", "repeat", "switch"]


class Flag(NamedTuple):
    """One command-line option of ``score``: which ``ScoreOptions`` field it sets and how it is written."""

    field: str
    names: tuple[str, ...]
    kind: Kind
    help: str
    metavar: str | None = None
    envvar: str | None = None


SCORE_FLAGS: tuple[Flag, ...] = (
    Flag("fmt", ("--format", "-f"), "format", "Output format."),
    Flag(
        "min_stage",
        ("--min-stage",),
        "natural",
        "Exit 1 below this stage (0 to 5 with the shipped questionnaire).",
        "N",
    ),
    Flag("min_level", ("--min-level",), "text", "Exit 1 below this level: no, low or high MLOps.", "[no|low|high]"),
    Flag(
        "min_dimension",
        ("--min-dimension",),
        "repeat",
        "Exit 1 when dimension ID scores below SCORE. Repeatable.",
        "ID=SCORE",
    ),
    Flag(
        "baseline",
        ("--baseline",),
        "path",
        "Exit 1 when stage, level or any dimension dropped against this older answers file.",
        "OLD_FILE",
    ),
    Flag("require_complete", ("--require-complete",), "switch", "Treat unanswered questions as an error (exit 2)."),
    Flag(
        "scan",
        ("--scan",),
        "path",
        SCAN_HELP,
        "DIR",
    ),
    Flag(
        "questionnaire",
        ("--questionnaire",),
        "path",
        "Questionnaire folder to use instead of the shipped one.",
        "DIR",
        QUESTIONNAIRE_ENV,
    ),
)


@dataclass(frozen=True)
class ScoreOptions:
    fmt: ScoreFormat = ScoreFormat.text
    min_stage: int | None = None
    min_level: str | None = None
    min_dimension: tuple[str, ...] = ()
    baseline: Path | None = None
    require_complete: bool = False
    scan: Path | None = None
    questionnaire: Path | None = None
    step_summary: Path | None = None  # $GITHUB_STEP_SUMMARY; written with --format github only


def score_options(values: Mapping[str, object]) -> ScoreOptions:
    """Options from parsed flag values (by field name), plus the job summary file GitHub names in the environment."""
    known = {f.field for f in SCORE_FLAGS}
    unknown = set(values) - known
    if unknown:  # a parser and this table disagree: a bug, not a user's mistake
        raise ValueError(f"not options of score: {', '.join(sorted(unknown))}")
    given = {name: value for name, value in values.items() if value is not None}
    if "fmt" in given:  # a member from the fast parser, the checked value from typer's (as typers differ)
        from mlops_maturity.cli.choices import parse_choice

        given["fmt"] = parse_choice(ScoreFormat, "--format", given["fmt"])  # type: ignore[arg-type]
    repeated = given.get("min_dimension")
    if isinstance(repeated, list):
        given["min_dimension"] = tuple(repeated)
    summary = os.environ.get(STEP_SUMMARY_ENV)
    return ScoreOptions(**given, step_summary=Path(summary) if summary else None)  # type: ignore[arg-type]


def field_names() -> set[str]:
    """The ``ScoreOptions`` fields a flag can set (every field but those taken from the environment)."""
    return {f.name for f in fields(ScoreOptions)} - {"step_summary"}
