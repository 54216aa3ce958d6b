"""The current stage's risks and disciplines, each tied to the answers that make it real for this team."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlops_maturity.engine.questionnaire import NOT_APPLICABLE, Question, Questionnaire, Stage
from mlops_maturity.engine.result import DisciplineResult, RiskResult, Signal

if TYPE_CHECKING:
    from mlops_maturity.engine.sheet import Effective


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
