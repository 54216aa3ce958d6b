"""The range "don't know" leaves open, as a result carries it: both ends, and the answers that decide it.

``placement.bounds`` places the team twice (unknowns meeting nothing, and unknowns at their
most mature option). This module names each end and, for every unknown answer that on its
own holds the team below the top of the range, the least option that would lift it there,
so that the roadmap's first steps and the survey's last screen can say what to go and ask.
"""

from __future__ import annotations

from collections.abc import Mapping

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.placement import DecidingAnswer, LevelRange, PlacementRange, StageRange
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import AnswerRecord
from mlops_maturity.engine.scoring.placement import Placement, bounds, hoped, place, unknown_questions
from mlops_maturity.engine.scoring.sheet import Sheet


def placement_range(
    q: Questionnaire, given: Mapping[str, Answer], low: Placement, records: tuple[AnswerRecord, ...]
) -> PlacementRange:
    found = bounds(q, given, low)
    status = {r.question: r.status for r in records}
    lo, hi = q.levels[found.low.level], q.levels[found.high.level]
    return PlacementRange(
        stage=StageRange(low=found.low.stage, high=found.high.stage),
        level=LevelRange(low=lo.id, low_name=lo.name, high=hi.id, high_name=hi.name),
        deciding=tuple(_deciding(q, given, qid, held, found.high, status.get(qid)) for qid, held in found.deciding),
    )


def _deciding(
    q: Questionnaire, given: Mapping[str, Answer], qid: str, held: Placement, top: Placement, status: str | None
) -> DecidingAnswer:
    question = q.by_id[qid]
    needs = lifting_option(q, given, qid, top)
    return DecidingAnswer(
        question=qid,
        title=question.title,
        status="unanswered" if status == "unanswered" else "unknown",
        holds_stage=held.stage,
        holds_level=q.levels[held.level].id,
        needs=needs,
        needs_label=question.option(needs).label,
    )


def lifting_option(q: Questionnaire, given: Mapping[str, Answer], question: str, top: Placement) -> str:
    """The least option of ``question`` that, with every other unknown at its best, reaches ``top``."""
    hopeful = hoped(q, given, unknown_questions(q, given))
    for option in q.by_id[question].option_ids:
        if place(q, Sheet(q, {**hopeful, question: Answer(answer=option)})) == top:
            return option
    return q.by_id[question].option_ids[-1]
