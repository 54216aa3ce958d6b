"""Where the stage and the level are decided: every rung up to them has all its criteria met."""

from __future__ import annotations

from collections.abc import Sequence

from mlops_maturity.engine.questionnaire import Questionnaire
from mlops_maturity.engine.sheet import Sheet


def place(q: Questionnaire, sheet: Sheet) -> tuple[int, int]:
    """Stage number and level index reached: every rung up to them has all its criteria met."""
    return (
        cumulative([all(sheet.met(c) for c in s.criteria) for s in q.stages]),
        cumulative([all(sheet.met(c) for c in lv.criteria) for lv in q.levels]),
    )


def cumulative(met: Sequence[bool]) -> int:
    """Index of the last rung reached with every rung below it met (rung 0 always is)."""
    reached = 0
    for i in range(1, len(met)):
        if not met[i]:
            break
        reached = i
    return reached
