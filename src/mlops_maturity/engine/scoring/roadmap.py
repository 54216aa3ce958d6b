"""The ordered roadmap: foundational gaps first, then the gaps to the target stage, then the weakest capabilities.

Each rule of the order is one function below, tested by name in ``tests/engine/scoring/test_roadmap.py``:

1. ``foundational`` steps: supporting criteria of stages already reached, lowest stage first;
2. ``gap`` steps: criteria of the stages up to the target, in stage and then questionnaire order;
3. ``capability`` steps: among the answers the current stage's disciplines improve (the
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

from mlops_maturity.engine.model.questionnaire import Question, Questionnaire, Stage
from mlops_maturity.engine.model.result import DimensionScore, Gap, RoadmapItem
from mlops_maturity.engine.scoring.advice import next_target
from mlops_maturity.engine.scoring.sheet import OUT_OF_PLAY

if TYPE_CHECKING:
    from mlops_maturity.engine.scoring.sheet import Effective

CAPABILITY_STEPS = 5


def build_roadmap(
    q: Questionnaire,
    stage: Stage,
    foundational_gaps: tuple[Gap, ...],
    gaps: tuple[Gap, ...],
    dimensions: tuple[DimensionScore, ...],
    effective: dict[str, Effective],
    horizon: int,
) -> tuple[RoadmapItem, ...]:
    items = [*_from_gaps(foundational_gaps, "foundational"), *_from_gaps(gaps, "gap")]
    planned = {i.question for i in items}
    disciplined = {qid for d in stage.disciplines for qid in d.improves}
    items += weakest_capabilities(q, dimensions, effective, horizon, planned, disciplined)
    return tuple(items)


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
    effective: dict[str, Effective],
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
            q, [x for x in q.questions_of(dim.id) if x.id in candidates and x.id not in planned], effective, horizon
        )
        if step is None:
            continue
        question, rank, unlocks = step
        eff = effective[question.id]
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
    q: Questionnaire, questions: list[Question], effective: dict[str, Effective], horizon: int
) -> tuple[Question, int, int | None] | None:
    """The lowest-scoring practice question with a step to take (heavier questions first on a tie)."""
    best: tuple[tuple[float, float], Question, int, int | None] | None = None
    for question in questions:
        eff = effective[question.id]
        if question.outcome or eff.status in OUT_OF_PLAY:
            continue
        target = next_target(q, question, eff, horizon)
        if target is None:
            continue
        ratio = question.options[eff.rank].points / question.max_points if eff.rank is not None else 0.0
        key = (ratio, -question.weight)
        if best is None or key < best[0]:
            best = (key, question, *target)
    return None if best is None else best[1:]
