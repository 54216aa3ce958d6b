"""Where the stage and the level are decided, and how far "don't know" answers leave them open.

A team is placed at the highest stage N whose *defining* criteria, and those of every stage
below it, are met: what the stage is (a pilot running, models live, engineers running
serving, a tested training pipeline, continuous delivery and monitoring), earned in order,
never averaged. A *supporting* criterion (a basic that belongs to a stage, such as a
leader's stated goal) never moves the placement: one that is not met at or below N is a
*foundational gap*, named first in every output. So no team is placed below a stage whose
defining facts its answers show, and a stage's summary, which states only what its
defining criteria guarantee, is true of every team placed there. Levels follow the same
rule with their own criteria, all of them defining.

Every criterion asks for "at least" an option, so raising any answer never lowers the
stage or the level. A "don't know" meets no criterion; :func:`bounds` places the team
again with every unknown answer at its most mature option, and the two placements are the
range the unknowns leave open. Any answers given to the unknowns land inside that range.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import UNKNOWN, Questionnaire
from mlops_maturity.engine.model.stages import Criterion
from mlops_maturity.engine.scoring.sheet import Sheet
from mlops_maturity.engine.scoring.systems import Systems, criterion_applies, criterion_met


class Placement(NamedTuple):
    stage: int
    level: int


def place(q: Questionnaire, sheet: Sheet) -> Placement:
    return Placement(rung([s.criteria for s in q.stages], sheet), rung([lv.criteria for lv in q.levels], sheet))


def rung(criteria: Sequence[Sequence[Criterion]], sheet: Sheet, met: Callable[[Criterion], bool] | None = None) -> int:
    """The highest rung whose defining criteria, and those of every rung below, are met (rung 0 always is)."""
    met = met or sheet.met
    reached = 0
    for index in range(1, len(criteria)):
        if not all(met(c) for c in criteria[index] if c.role == "defining"):
            break
        reached = index
    return reached


def foundational(q: Questionnaire, sheet: Sheet, stage: int) -> list[tuple[int, Criterion]]:
    """Supporting criteria of the stages up to ``stage`` that are not met, lowest stage first."""
    return [
        (s.number, c)
        for s in q.stages[1 : stage + 1]
        for c in s.criteria
        if c.role == "supporting" and sheet.applies(c) and not sheet.met(c)
    ]


def unknown_questions(q: Questionnaire, given: Mapping[str, Answer]) -> tuple[str, ...]:
    """The questions the team is asked whose answer is not known: "don't know", or not answered at all.

    Scope questions always have an answer (their default), and a question about a kind of
    system the team does not run is not asked.
    """
    sheet = Sheet(q, dict(given))
    known = {qid for qid, a in given.items() if a.answer is not None and a.answer != UNKNOWN}
    return tuple(
        x.id
        for x in q.questions
        if x.id not in known and not x.scope and sheet.effective[x.id].status != "out_of_scope"
    )


def hoped(q: Questionnaire, given: Mapping[str, Answer], unknown: Sequence[str]) -> dict[str, Answer]:
    """The answers with each of ``unknown`` at its most mature option."""
    out = dict(given)
    for qid in unknown:
        question = q.by_id[qid]
        out[qid] = Answer(answer=question.option_ids[-1])
    return out


class Bounds(NamedTuple):
    low: Placement  # every unknown meets nothing: the placement the answers earn
    high: Placement  # every unknown at its most mature option
    deciding: tuple[tuple[str, Placement], ...]  # unknowns that alone hold the team below ``high``, and where


def bounds(q: Questionnaire, given: Mapping[str, Answer], low: Placement, *, deciding: bool = True) -> Bounds:
    """The range the unknown answers leave open, and (with ``deciding``) the unknowns that each decide part of it."""
    unknown = unknown_questions(q, given)
    if not unknown:
        return Bounds(low, low, ())
    hopeful = hoped(q, given, unknown)
    high = place(q, Sheet(q, hopeful))
    if high == low or not deciding:
        return Bounds(low, high, ())
    found = []
    for qid in unknown:
        held = place(q, Sheet(q, {**hopeful, qid: given.get(qid) or Answer(answer=UNKNOWN)}))
        if held != high:
            found.append((qid, held))
    found.sort(key=lambda pair: (pair[1].stage, pair[1].level))
    return Bounds(low, high, tuple(found))


def stage_of_kind(q: Questionnaire, sheet: Sheet, kind: str) -> int:
    """The stage the answers earn for one kind of system alone, with the broader kinds it is part of, as if
    the team ran nothing else: a criterion read only for other kinds does not hold it back."""
    declared = next(k for k in q.system_kinds if k.id == kind)
    kinds = frozenset((kind, *declared.part_of))
    alone = Systems(kinds & sheet.systems.in_scope, kinds & sheet.systems.live)

    def met(criterion: Criterion) -> bool:
        if not criterion_applies(criterion, alone) or not sheet.applies(criterion):
            return True
        return criterion_met(criterion, alone, sheet.reading_met)

    return rung([s.criteria for s in q.stages], sheet, met)
