"""Where the stage and the level are decided.

A team is placed at the highest stage N for which

1. every *defining* criterion of every stage from 1 to N is met, and
2. every criterion of stage N itself, defining and supporting, is met.

Supporting criteria of the stages below N that are not met are carried as
*foundational gaps*: named first in every output, never averaged away. The
*delivery setup* is the highest stage whose defining criteria, and those of every
stage below it, are met: where the way the team delivers stands, whatever its
gaps. Each condition only asks for "at least" an option, so raising any answer
can never lower the stage, the level or the delivery setup. Levels follow the
same rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from mlops_maturity.engine.model.questionnaire import Criterion, Questionnaire
from mlops_maturity.engine.scoring.sheet import Sheet


class Placement(NamedTuple):
    stage: int
    level: int
    delivery: int  # the delivery setup: the highest stage whose defining criteria (and all below) are met


def place(q: Questionnaire, sheet: Sheet) -> Placement:
    stage, delivery = rung([s.criteria for s in q.stages], sheet)
    level, _ = rung([lv.criteria for lv in q.levels], sheet)
    return Placement(stage, level, delivery)


def rung(criteria: Sequence[Sequence[Criterion]], sheet: Sheet) -> tuple[int, int]:
    """The rung placed at and the rung the defining criteria alone reach (rung 0 is always reached)."""
    placed = reached = 0
    for index in range(1, len(criteria)):
        own = criteria[index]
        if not all(sheet.met(c) for c in own if c.role == "defining"):
            break
        reached = index
        if all(sheet.met(c) for c in own):
            placed = index
    return placed, reached


def foundational(q: Questionnaire, sheet: Sheet, stage: int) -> list[tuple[int, Criterion]]:
    """Supporting criteria of the stages up to ``stage`` that are not met, lowest stage first."""
    return [(s.number, c) for s in q.stages[1 : stage + 1] for c in s.criteria if not sheet.met(c)]
