"""The ordered roadmap: what to find out, the foundational gaps, the gaps to the target stage, the weakest capabilities.

Each rule of the order is one function below, tested by name in ``tests/engine/scoring/test_roadmap.py``:

1. ``unknown`` steps: the "don't know" or unanswered questions that decide how far the placement
   is open, the one holding the team lowest first (find out before building anything);
2. ``foundational`` steps: supporting criteria of stages already reached, lowest stage first;
3. ``gap`` steps: criteria of the stages up to the target, in stage and then questionnaire order;
   a question asked by two of these is one step, where it first comes (``one_step_per_question``);
4. ``capability`` steps: among the answers the current stage's disciplines improve (the
   practices that carry a team to its next stage, so a pilot is never sent to build a
   feature store), one in each of the weakest dimensions, weakest first, choosing there the
   lowest-scoring question that still has a step to take; never an outcome, never a
   question that does not apply, at most ``CAPABILITY_STEPS``.

Every target comes from ``advice.next_target``: what a criterion up to the planned stage
asks for, or else the next option up, so no step aims past the stage being planned for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from mlops_maturity.engine.model.placement import DecidingAnswer
from mlops_maturity.engine.model.questionnaire import Question, Questionnaire
from mlops_maturity.engine.model.result import DimensionScore, Gap, RoadmapItem
from mlops_maturity.engine.model.stages import Stage
from mlops_maturity.engine.scoring.advice import next_target
from mlops_maturity.engine.scoring.sheet import OUT_OF_PLAY, STATUS_LABELS

if TYPE_CHECKING:
    from mlops_maturity.engine.scoring.sheet import Sheet

CAPABILITY_STEPS = 5


def build_roadmap(
    q: Questionnaire,
    stage: Stage,
    deciding: tuple[DecidingAnswer, ...],
    foundational_gaps: tuple[Gap, ...],
    gaps: tuple[Gap, ...],
    dimensions: tuple[DimensionScore, ...],
    sheet: Sheet,
    horizon: int,
) -> tuple[RoadmapItem, ...]:
    items = _to_find_out(q, deciding)
    planned = {i.question for i in items}
    items += one_step_per_question(
        q,
        [
            i
            for i in (*_from_gaps(foundational_gaps, "foundational"), *_from_gaps(gaps, "gap"))
            if i.question not in planned
        ],
    )
    planned = {i.question for i in items}
    disciplined = {qid for d in stage.disciplines for qid in d.improves}
    items += weakest_capabilities(q, dimensions, sheet, horizon, planned, disciplined)
    return tuple(items)


def one_step_per_question(q: Questionnaire, items: list[RoadmapItem]) -> list[RoadmapItem]:
    """A question that a basic of a stage reached and a stage to reach (or two stages to reach) both ask
    more of is one step, where it comes first, aiming at the most either asks (``then_stage`` says which)."""
    out: dict[str, RoadmapItem] = {}
    for item in items:
        first = out.get(item.question)
        if first is None:
            out[item.question] = item
            continue
        rank = q.by_id[item.question].rank
        if rank(item.target) > rank(first.target):
            out[item.question] = first.model_copy(
                update={"target": item.target, "target_label": item.target_label, "then_stage": item.stage}
            )
    return list(out.values())


def _to_find_out(q: Questionnaire, deciding: tuple[DecidingAnswer, ...]) -> list[RoadmapItem]:
    return [
        RoadmapItem(
            question=d.question,
            title=d.title,
            dimension=q.by_id[d.question].dimension,
            current=d.status,
            current_label=STATUS_LABELS[d.status],
            target=d.needs,
            target_label=d.needs_label,
            stage=d.holds_stage + 1 if d.holds_stage < q.top_stage else None,
            reason="unknown",
        )
        for d in deciding
    ]


def _from_gaps(gaps: Iterable[Gap], reason: Literal["foundational", "gap"]) -> list[RoadmapItem]:
    return [
        RoadmapItem(
            question=g.question,
            title=g.title,
            dimension=g.dimension,
            current=g.current,
            current_label=g.current_label,
            target=g.required,
            target_label=g.required_label,
            stage=g.stage,
            reason=reason,
        )
        for g in gaps
    ]


def weakest_capabilities(
    q: Questionnaire,
    dimensions: tuple[DimensionScore, ...],
    sheet: Sheet,
    horizon: int,
    planned: set[str],
    candidates: set[str],
) -> list[RoadmapItem]:
    out: list[RoadmapItem] = []
    weakest = sorted((d for d in dimensions if d.score is not None and d.score < 100), key=lambda d: d.score or 0.0)
    for dim in weakest:
        if len(out) >= CAPABILITY_STEPS:
            break
        step = _best_step(
            q, [x for x in q.questions_of(dim.id) if x.id in candidates and x.id not in planned], sheet, horizon
        )
        if step is None:
            continue
        question, rank, unlocks = step
        eff = sheet.effective[question.id]
        planned.add(question.id)
        out.append(
            RoadmapItem(
                question=question.id,
                title=question.title,
                dimension=question.dimension,
                current=eff.answer,
                current_label=eff.label(question),
                target=question.options[rank].id,
                target_label=question.options[rank].label,
                stage=unlocks,
                reason="capability",
            )
        )
    return out


def _best_step(
    q: Questionnaire, questions: list[Question], sheet: Sheet, horizon: int
) -> tuple[Question, int, int | None] | None:
    """The lowest-scoring practice question with a step to take (heavier questions first on a tie)."""
    best: tuple[tuple[float, float], Question, int, int | None] | None = None
    for question in questions:
        eff = sheet.effective[question.id]
        if question.outcome or eff.status in OUT_OF_PLAY:
            continue
        target = next_target(q, question, eff, horizon, sheet)
        if target is None:
            continue
        ratio = question.options[eff.rank].points / question.max_points if eff.rank is not None else 0.0
        key = (ratio, -question.weight)
        if best is None or key < best[0]:
            best = (key, question, *target)
    return None if best is None else best[1:]
