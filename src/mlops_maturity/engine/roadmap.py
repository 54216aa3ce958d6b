"""The ordered roadmap: gaps to the target stage first, then the weakest capabilities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlops_maturity.engine.advice import next_target
from mlops_maturity.engine.questionnaire import Questionnaire
from mlops_maturity.engine.result import DimensionScore, Gap, RoadmapItem

if TYPE_CHECKING:
    from mlops_maturity.engine.sheet import Effective

CAPABILITY_STEPS = 5


def build_roadmap(
    q: Questionnaire,
    gaps: tuple[Gap, ...],
    dimensions: tuple[DimensionScore, ...],
    effective: dict[str, Effective],
    stage: int,
) -> tuple[RoadmapItem, ...]:
    """Gaps to the target stage first, in stage and criteria order; then the weakest capabilities."""
    items = [
        RoadmapItem(
            question=g.question,
            title=g.title,
            dimension=g.dimension,
            current=g.current,
            current_label=g.current_label,
            target=g.required,
            target_label=g.required_label,
            stage=g.stage,
            reason="gap",
        )
        for g in gaps
    ]
    planned = {i.question for i in items}
    weakest = sorted((d for d in dimensions if d.score is not None and d.score < 100), key=lambda d: d.score or 0.0)
    for dim in weakest:
        if sum(i.reason == "capability" for i in items) >= CAPABILITY_STEPS:
            break
        candidates = [
            x
            for x in q.questions
            if x.dimension == dim.id and x.id not in planned and effective[x.id].status != "skipped"
        ]
        best = None
        for question in candidates:
            eff = effective[question.id]
            target = next_target(q, question, eff, stage)
            if target is None:
                continue
            ratio = question.options[eff.rank].points / question.max_points if eff.rank is not None else 0.0
            key = (ratio, -question.weight)
            if best is None or key < best[0]:
                best = (key, question, eff, target)
        if best is None:
            continue
        _, question, eff, (rank, unlocks) = best
        planned.add(question.id)
        items.append(
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
    return tuple(items)
