"""The current stage's risks and disciplines, each tied to the answers that make it real for this team."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlops_maturity.engine.model.conditions import QuestionAtom, atoms, evaluate
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, Question, Questionnaire
from mlops_maturity.engine.model.result import DisciplineResult, RiskResult, Signal
from mlops_maturity.engine.model.stages import Risk, Stage
from mlops_maturity.engine.scoring.sheet import OUT_OF_PLAY

if TYPE_CHECKING:
    from mlops_maturity.engine.scoring.sheet import Effective, Sheet


def next_target(
    q: Questionnaire, question: Question, eff: Effective, horizon: int, sheet: Sheet
) -> tuple[int, int | None] | None:
    """The option to aim for and the stage that asks for it; ``None`` when there is nothing to aim for.

    The lowest stage up to ``horizon`` (the stage being planned for) whose criterion
    this answer misses sets the target, so a basic below the placement comes first
    and nothing beyond the horizon is ever asked for. Otherwise the target is the
    next option up. An unknown or missing answer gets a target only from a
    criterion ("find out" comes first), and a question that does not apply, or may
    not, gets none.
    """
    if eff.status == NOT_APPLICABLE or eff.status in OUT_OF_PLAY or eff.rank == len(question.options) - 1:
        return None
    current = -1 if eff.rank is None else eff.rank
    for s in q.stages[1 : horizon + 1]:
        for criterion in s.criteria:
            if sheet.met(criterion):  # met by another of its readings: nothing to raise here
                continue
            for reading in criterion.readings:
                if reading.question == question.id and question.rank(reading.at_least) > current:
                    return question.rank(reading.at_least), s.number
    if eff.rank is None:
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


def build_risks(
    q: Questionnaire, stage: Stage, sheet: Sheet, horizon: int
) -> tuple[tuple[RiskResult, ...], tuple[RiskResult, ...]]:
    """The stage's risks the answers make real, each with those answers; and the others, kept in view.

    A signal that is a low answer carries the step the roadmap would take next for it,
    so a risk reads as something to do; a signal that is a high answer (tooling bought
    before any model is live) carries none.
    """
    supported: list[RiskResult] = []
    in_view: list[RiskResult] = []
    for risk in stage.risks:
        if _not_run(sheet, risk.systems) or _out_of_scope(sheet, _risk_questions(risk)):  # not said at all
            continue
        signals = tuple(_signals(q, risk, sheet, horizon))
        result = RiskResult(id=risk.id, title=risk.title, description=risk.description, signals=signals)
        (supported if signals else in_view).append(result)
    return tuple(supported), tuple(in_view)


def _signals(q: Questionnaire, risk: Risk, sheet: Sheet, horizon: int) -> list[Signal]:
    effective = sheet.effective
    if risk.when is None:  # the plain form: any answer short of the best keeps the risk real
        out = []
        for qid in risk.questions:
            question, eff = q.by_id[qid], effective[qid]
            if eff.status != NOT_APPLICABLE and eff.status not in OUT_OF_PLAY and eff.rank != len(question.options) - 1:
                target = next_target(q, question, eff, horizon, sheet)
                out.append(_signal(question, eff, target[0] if target is not None else None))
        return out
    if not evaluate(risk.when, sheet.rank, sheet.option_rank):
        return []
    found: dict[str, Signal] = {}
    for atom in atoms(risk.when):
        if not isinstance(atom, QuestionAtom) or atom.question in found:
            continue
        if evaluate(atom, sheet.rank, sheet.option_rank):
            question, eff = q.by_id[atom.question], effective[atom.question]
            target = next_target(q, question, eff, horizon, sheet) if atom.at_least is None else None
            found[atom.question] = _signal(question, eff, target[0] if target is not None else None)
    return list(found.values())


def build_disciplines(q: Questionnaire, stage: Stage, sheet: Sheet, horizon: int) -> tuple[DisciplineResult, ...]:
    """The current stage's disciplines, each with the answers it would move and where to."""
    out = []
    for discipline in stage.disciplines:
        if _not_run(sheet, discipline.systems) or _out_of_scope(sheet, discipline.improves):
            continue
        improves = []
        for qid in discipline.improves:
            question = q.by_id[qid]
            target = next_target(q, question, sheet.effective[qid], horizon, sheet)
            if target is not None:
                improves.append(_signal(question, sheet.effective[qid], target[0]))
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


def _risk_questions(risk: Risk) -> tuple[str, ...]:
    found = [a.question for a in atoms(risk.when) if isinstance(a, QuestionAtom)] if risk.when is not None else []
    return (*risk.questions, *found)


def _not_run(sheet: Sheet, kinds: tuple[str, ...]) -> bool:
    """True for advice about kinds of system of which the team runs none (the rule for a question's ``systems``)."""
    return bool(kinds) and sheet.systems.in_scope.isdisjoint(kinds)


def _out_of_scope(sheet: Sheet, questions: tuple[str, ...]) -> bool:
    """True when every question is about a kind of system the team does not run."""
    return bool(questions) and all(sheet.effective[qid].status == "out_of_scope" for qid in questions)
