"""What to do next: the stage's risks and disciplines tied to answers, and the ordered roadmap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlops_maturity.questionnaire import NOT_APPLICABLE, Question, Questionnaire, Stage
from mlops_maturity.result import DimensionScore, DisciplineResult, Gap, RiskResult, RoadmapItem, Signal

if TYPE_CHECKING:
    from mlops_maturity.scoring import Effective

CAPABILITY_STEPS = 5


def next_target(q: Questionnaire, question: Question, eff: Effective, stage: int) -> tuple[int, int | None] | None:
    """The option to aim for and the stage that asks for it; ``None`` at the top or when not applicable.

    The nearest higher stage whose criterion this answer misses sets the target;
    otherwise it is simply the next option up. An unknown or missing answer gets a
    target only from a criterion: "find out" comes before "improve".
    """
    if eff.status == NOT_APPLICABLE or eff.rank == len(question.options) - 1:
        return None
    current = -1 if eff.rank is None else eff.rank
    for s in q.stages[stage + 1 :]:
        for criterion in s.criteria:
            if criterion.question == question.id and question.rank(criterion.at_least) > current:
                return question.rank(criterion.at_least), s.number
    if eff.rank is None:  # nothing to aim for until the team finds out where it stands
        return None
    return current + 1, None


def _signal(question: Question, eff: Effective, target: int | None = None) -> Signal:
    return Signal(
        question=question.id,
        title=question.title,
        current=eff.answer,
        current_label=eff.label(question),
        target=question.options[target].id if target is not None else None,
        target_label=question.options[target].label if target is not None else None,
    )


def build_risks(q: Questionnaire, stage: Stage, effective: dict[str, Effective]) -> tuple[RiskResult, ...]:
    """The current stage's risks, each with the answers that make it real for this team.

    Any answer short of the top option keeps a risk alive; each signal carries the
    step the roadmap would take next for that answer, so a risk reads as something to do.
    """
    out = []
    for risk in stage.risks:
        signals = []
        for qid in risk.questions:
            question, eff = q.by_id[qid], effective[qid]
            if eff.status != NOT_APPLICABLE and eff.rank != len(question.options) - 1:
                target = next_target(q, question, eff, stage.number)
                signals.append(_signal(question, eff, target[0] if target is not None else None))
        out.append(RiskResult(id=risk.id, title=risk.title, description=risk.description, signals=tuple(signals)))
    return tuple(out)


def build_disciplines(
    q: Questionnaire, stage: Stage, effective: dict[str, Effective], number: int
) -> tuple[DisciplineResult, ...]:
    """The current stage's disciplines, each with the answers it would move and where to."""
    out = []
    for discipline in stage.disciplines:
        improves = []
        for qid in discipline.improves:
            question = q.by_id[qid]
            target = next_target(q, question, effective[qid], number)
            if target is not None:
                improves.append(_signal(question, effective[qid], target[0]))
        out.append(
            DisciplineResult(
                id=discipline.id,
                title=discipline.title,
                description=discipline.description,
                addresses=discipline.addresses,
                improves=tuple(improves),
            )
        )
    return tuple(out)


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
