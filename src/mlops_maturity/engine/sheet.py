"""The answer sheet: what each answer counts as once ``applies_when`` conditions are applied.

``Sheet.met`` is the one definition of a met criterion; placement, gaps, risks
and the roadmap all ask it.
"""

from __future__ import annotations

from typing import NamedTuple

from mlops_maturity.engine.answers import Answer
from mlops_maturity.engine.conditions import evaluate
from mlops_maturity.engine.questionnaire import NOT_APPLICABLE, UNKNOWN, Criterion, Question, Questionnaire
from mlops_maturity.engine.result import AnswerStatus, CriterionStatus

STATUS_LABELS = {
    UNKNOWN: "don't know",
    NOT_APPLICABLE: "not applicable",
    "unanswered": "not answered",
    "skipped": "does not apply yet",
}


class Effective(NamedTuple):
    """What one answer counts as, after conditions are applied.

    A named tuple rather than a frozen dataclass: one is built per question per
    assessment, and a tuple is several times cheaper to build.
    """

    status: AnswerStatus
    answer: str
    rank: int | None
    given: Answer | None

    def label(self, question: Question) -> str:
        if self.rank is not None:
            return question.options[self.rank].label
        return STATUS_LABELS[self.answer]


_UNANSWERED = Effective("unanswered", "unanswered", None, None)


def _as_given(question: Question, given: Answer | None) -> Effective:
    """What an answer counts as when its question applies."""
    value = given.answer if given is not None else None
    if value is None:  # keeps what was given (evidence without an answer), so no output loses it
        return _UNANSWERED if given is None else Effective("unanswered", "unanswered", None, given)
    if value in (UNKNOWN, NOT_APPLICABLE):
        return Effective(UNKNOWN if value == UNKNOWN else NOT_APPLICABLE, value, None, given)  # type: ignore[arg-type]
    return Effective("answered", value, question.rank(value), given)


class Sheet:
    """The effective answer of every question of one questionnaire."""

    def __init__(self, questionnaire: Questionnaire, given: dict[str, Answer]) -> None:
        self.q = questionnaire
        self.given = given
        self.effective: dict[str, Effective] = {}
        self._busy: set[str] = set()
        effective = self.effective
        for question in questionnaire.questions:
            # Most questions have no condition; they need no cycle guard and no recursion.
            if question.applies_when is None:
                effective[question.id] = _as_given(question, given.get(question.id))
            elif question.id not in effective:
                self.resolve(question.id)

    def rank(self, qid: str) -> int | None:
        return self.resolve(qid).rank

    def option_rank(self, qid: str, option: str) -> int:
        return self.q.by_id[qid].rank(option)

    def resolve(self, qid: str) -> Effective:
        eff = self.effective.get(qid)
        if eff is not None:
            return eff
        if qid in self._busy:  # a cycle in applies_when: treat the answer as absent
            return Effective("skipped", "skipped", None, None)
        self._busy.add(qid)
        question = self.q.by_id[qid]
        given = self.given.get(qid)
        if question.applies_when is not None and not evaluate(question.applies_when, self.rank, self.option_rank):
            eff = Effective("skipped", "skipped", None, given)
        else:
            eff = _as_given(question, given)
        self._busy.discard(qid)
        self.effective[qid] = eff
        return eff

    def met(self, criterion: Criterion) -> bool:
        """The one definition of a met criterion: answered, at least the required option."""
        rank = self.effective[criterion.question].rank
        return rank is not None and rank >= self.q.by_id[criterion.question].rank(criterion.at_least)

    def criterion(self, criterion: Criterion) -> CriterionStatus:
        question = self.q.by_id[criterion.question]
        eff = self.effective[criterion.question]
        return CriterionStatus(
            question=question.id,
            title=question.title,
            required=criterion.at_least,
            required_label=question.option(criterion.at_least).label,
            current=eff.answer,
            current_label=eff.label(question),
            met=self.met(criterion),
        )
