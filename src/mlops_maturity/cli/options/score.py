"""``score``'s options, declared once.

Both ways into ``score`` are built from :data:`SCORE_FLAGS`: the typer command
(``cli/team_commands.py``, which also gives help and usage errors) and the fast parser
for plain CI calls (``cli/fast_path.py``, which skips typer). Adding an option
means adding a field to :class:`ScoreOptions` and a line to ``SCORE_FLAGS``; a
test checks that the two name the same fields. Nothing here imports typer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from mlops_maturity.choices import ScoreFormat
from mlops_maturity.cli.options.flags import QUESTIONNAIRE_FLAG, SCAN_FLAG, STEP_SUMMARY_ENV, Flag, checked_values

SCORE_FLAGS: tuple[Flag, ...] = (
    Flag("fmt", ("--format", "-f"), "format", "Output format.", choices=ScoreFormat, default=ScoreFormat.text),
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
    SCAN_FLAG,
    QUESTIONNAIRE_FLAG,
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
    given = checked_values("score", SCORE_FLAGS, values)
    summary = os.environ.get(STEP_SUMMARY_ENV)
    return ScoreOptions(**given, step_summary=Path(summary) if summary else None)  # type: ignore[arg-type]


def field_names() -> set[str]:
    """The ``ScoreOptions`` fields a flag can set (every field but those taken from the environment)."""
    return {f.name for f in fields(ScoreOptions)} - {"step_summary"}
