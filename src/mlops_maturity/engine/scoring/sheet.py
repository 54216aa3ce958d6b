"""The answer sheet: what each answer counts as once ``applies_when`` conditions are applied.

``Sheet.met`` is the one definition of a met criterion; placement, gaps, risks
and the roadmap all ask it.

A question whose condition does not hold is *skipped* when the answers it depends on
settle it (nothing is in production, so drift is not watched), and *pending* when it
would hold if an answer that is "don't know" or missing turned out well: its answer is
kept and shown, but counts for nothing until the question it waits on is answered.
Either way it scores like a question that does not apply, which keeps every score
monotone: finding out an answer can only add.
"""

from __future__ import annotations

from typing import NamedTuple

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.conditions import QuestionAtom, atoms, evaluate
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, UNKNOWN, Question, Questionnaire
from mlops_maturity.engine.model.result import AnswerStatus, CriterionStatus, ReadingStatus
from mlops_maturity.engine.model.stages import Criterion, Reading
from mlops_maturity.engine.scoring.systems import EVERY, criterion_applies, criterion_met, missing_kinds, systems_of

STATUS_LABELS = {
    UNKNOWN: "don't know",
    NOT_APPLICABLE: "not applicable",
    "unanswered": "not answered",
    "skipped": "does not apply yet",
    "pending": "waits for another answer",
    "out_of_scope": "not about what the team runs",
}


def answer_label(question: Question, value: str) -> str:
    """How an answer reads: its option's label, or what "unknown", "not applicable" and the like mean."""
    return question.option(value).label if value in question.option_ids else STATUS_LABELS[value]


OUT_OF_PLAY = frozenset(("skipped", "pending", "out_of_scope"))  # questions that do not apply, or may not


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


_OUT_OF_SCOPE = Effective("out_of_scope", "out_of_scope", None, None)


def _as_given(question: Question, given: Answer | None) -> Effective:
    """What an answer counts as when its question applies; a scope question not answered takes its default."""
    value = given.answer if given is not None else None
    if value is None and question.default is not None:
        return Effective("answered", question.default, question.rank(question.default), given)
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
        self.systems = EVERY
        if questionnaire.system_kinds:
            for question in questionnaire.questions:
                if question.scope:
                    self.resolve(question.id)
            self.systems = systems_of(questionnaire, self.rank)
        for question in questionnaire.questions:
            if question.id in effective:
                continue
            if question.applies_when is None and not question.systems:  # most: no cycle guard, no recursion
                effective[question.id] = _as_given(question, given.get(question.id))
            else:
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
        if question.systems and self.systems.in_scope.isdisjoint(question.systems):
            eff = _OUT_OF_SCOPE._replace(given=given)
        elif question.applies_when is not None and not evaluate(question.applies_when, self.rank, self.option_rank):
            waiting = evaluate(question.applies_when, self._hopeful_rank, self.option_rank)
            status: AnswerStatus = "pending" if waiting else "skipped"
            eff = Effective(status, status, None, given)
        else:
            eff = _as_given(question, given)
        self._busy.discard(qid)
        self.effective[qid] = eff
        return eff

    def _hopeful_rank(self, qid: str) -> int | None:
        """The rank of an answer, or the best rank where the answer is not known yet (don't know, missing, pending)."""
        eff = self.resolve(qid)
        if eff.status in ("unknown", "unanswered", "pending"):
            return len(self.q.by_id[qid].options) - 1
        return eff.rank

    def waits_on(self, qid: str) -> tuple[str, ...]:
        """The questions not known yet that a pending question's condition depends on."""

        condition = self.q.by_id[qid].applies_when
        if condition is None:
            return ()
        found = (a.question for a in atoms(condition) if isinstance(a, QuestionAtom))
        return tuple(dict.fromkeys(g for g in found if self.resolve(g).status in ("unknown", "unanswered", "pending")))

    def met(self, criterion: Criterion) -> bool:
        """The one definition of a met criterion: its readings answered at least the options they require.

        Without system kinds, any reading will do; with them, see ``systems.criterion_met``.
        """
        return criterion_met(criterion, self.systems, self.reading_met)

    def applies(self, criterion: Criterion) -> bool:
        """False for a criterion read only for kinds of system the team does not run, or only on questions
        about such kinds (who owns the data pipelines, for a team whose only system has none)."""
        if not criterion_applies(criterion, self.systems):
            return False
        return not all(self.effective[r.question].status == "out_of_scope" for r in criterion.readings)

    def reading_met(self, reading: Reading | Criterion) -> bool:
        rank = self.effective[reading.question].rank
        return rank is not None and rank >= self.q.by_id[reading.question].rank(reading.at_least)

    def shown_reading(self, criterion: Criterion) -> Reading | Criterion:
        """The reading a gap names: an unmet one of a kind that counts, else one that is met, else one in play."""
        readings = criterion.readings
        counted = self.systems.counted(r.kind for r in readings if r.kind is not None)
        missing = next((r for r in readings if r.kind in counted and not self.reading_met(r)), None)
        if missing is not None and not self.met(criterion):
            return missing
        met = next((r for r in readings if self.reading_met(r)), None)
        if met is not None:
            return met
        return next((r for r in readings if self.effective[r.question].status not in OUT_OF_PLAY), readings[0])

    def missing_readings(self, criterion: Criterion) -> tuple[Reading | Criterion, ...]:
        """What an unmet criterion asks for: one reading for each kind that counts and meets none of its own
        (a team with models and an LLM application live needs both), or the reading shown when it has no kinds."""
        if self.met(criterion):
            return ()
        missing = missing_kinds(criterion, self.systems, self.reading_met)
        if not missing:
            return (self.shown_reading(criterion),)
        out = []
        for kind in missing:
            of_kind = [r for r in criterion.readings if r.kind == kind]
            in_play = (r for r in of_kind if self.effective[r.question].status not in OUT_OF_PLAY)
            out.append(next(in_play, of_kind[0]))
        return tuple(out)

    def criterion(self, criterion: Criterion) -> CriterionStatus:
        reading = self.shown_reading(criterion)
        shown = self.reading_status(reading)
        return CriterionStatus(
            **{**dict(shown), "met": self.met(criterion)},
            role=criterion.role,
            source=criterion.source,
            alternatives=tuple(
                self.reading_status(r) for r in criterion.readings if r is not reading and self._counts(r)
            ),
        )

    def _counts(self, reading: Reading | Criterion) -> bool:
        """A reading for every team, or for a kind of system that counts for this team."""
        return reading.kind is None or reading.kind in self.systems.counted((reading.kind,))

    def reading_status(self, reading: Reading | Criterion) -> ReadingStatus:
        """One reading and where the team's answer stands against it."""
        question = self.q.by_id[reading.question]
        eff = self.effective[reading.question]
        return ReadingStatus(
            question=question.id,
            title=question.title,
            required=reading.at_least,
            required_label=question.option(reading.at_least).label,
            current=eff.answer,
            current_label=eff.label(question),
            met=self.reading_met(reading),
        )
