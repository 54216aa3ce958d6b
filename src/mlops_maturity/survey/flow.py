"""The survey as a state machine: which question is current, what was answered, what comes next.

Pure: no I/O, no clock. Which questions apply is decided by the engine's own
``Sheet``, so the survey skips exactly the questions that ``score`` treats as
skipped.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, UNKNOWN, Question, Questionnaire
from mlops_maturity.engine.scoring.sheet import OUT_OF_PLAY, Sheet


@dataclass(frozen=True)
class Position:
    """Where the survey stands, for the header of a question screen."""

    number: int  # 1-based among the questions that apply
    total: int  # questions that apply, given the answers so far
    answered: int  # of those, how many have an answer
    section: int  # 1-based among the dimensions
    sections: int
    section_title: str


class Flow:
    """The current question and the answers so far; every move keeps every answer."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        given: dict[str, Answer] | None = None,
        proposed: dict[str, Answer] | None = None,
    ) -> None:
        self.q = questionnaire
        self.given: dict[str, Answer] = dict(given or {})
        # What a scan of the team's repository proposes (``survey --scan DIR``): the default of a question
        # still unanswered, which Enter accepts with its evidence; never an answer until then.
        self.proposed: dict[str, Answer] = dict(proposed or {})
        self.index: int | None = None
        self._sheet: Sheet | None = None
        self.index = self._next_unanswered(-1)

    @property
    def current(self) -> Question | None:
        return None if self.index is None else self.q.questions[self.index]

    @property
    def done(self) -> bool:
        return self.index is None

    def sheet(self) -> Sheet:
        if self._sheet is None:
            self._sheet = Sheet(self.q, self.given)
        return self._sheet

    def applies(self, i: int) -> bool:
        return self.sheet().effective[self.q.questions[i].id].status not in OUT_OF_PLAY

    def applicable(self) -> list[int]:
        return [i for i in range(len(self.q.questions)) if self.applies(i)]

    def answer_of(self, i: int) -> Answer | None:
        given = self.given.get(self.q.questions[i].id)
        return given if given is not None and given.answer is not None else None

    def is_answered(self, i: int) -> bool:
        return self.answer_of(i) is not None

    def answered_count(self) -> int:
        return sum(self.is_answered(i) for i in self.applicable())

    def to_save(self) -> dict[str, Answer]:
        """Answers worth writing: those of questions that still apply.

        An answer to a question that no longer applies stays in memory (changing
        the earlier answer back brings it back) but is not written, because
        ``score`` would ignore it with a warning.
        """
        keep = {self.q.questions[i].id for i in self.applicable()}
        return {qid: a for qid, a in self.given.items() if qid in keep and a.answer is not None}

    def choose(self, value: str, reason: str | None = None) -> None:
        """Answer the current question and move to the next one still unanswered."""
        question = self._require_current()
        if value not in question.valid_answers():
            raise ValueError(f"{value!r} is not a valid answer to {question.id!r}")
        if value == NOT_APPLICABLE and not (reason or "").strip():
            raise ValueError("not_applicable needs a reason")
        old = self.given.get(question.id)
        self.given[question.id] = Answer(
            answer=value,
            evidence=old.evidence if old is not None else None,
            reason=reason.strip() if value == NOT_APPLICABLE and reason else None,
        )
        self._sheet = None
        self.index = self._after(self.index)

    def keep(self) -> bool:
        """Leave the current answer as it is, or accept the scan's proposal, and move on; False when neither."""
        if self.index is None:
            return False
        if not self.is_answered(self.index):
            proposal = self.proposal() or self.default()
            if proposal is None:
                return False
            self.given[self.q.questions[self.index].id] = proposal
            self._sheet = None
        self.index = self._after(self.index)
        return True

    def proposal(self) -> Answer | None:
        """The scan's proposal for the current question, while it has no answer."""
        if self.index is None or self.is_answered(self.index):
            return None
        return self.proposed.get(self.q.questions[self.index].id)

    def default(self) -> Answer | None:
        """A scope question's default, the answer ``score`` takes when a file does not say, while it has none.

        An answers file from before the scope questions resumes with Enter keeping what it always meant.
        """
        if self.index is None or self.is_answered(self.index) or self.proposal() is not None:
            return None
        question = self.q.questions[self.index]
        return Answer(answer=question.default) if question.scope and question.default else None

    def default_choice(self) -> str | None:
        """The default as the user would type it: ``3``."""
        default = self.default()
        if default is None or default.answer is None:
            return None
        return str(self._require_current().rank(default.answer) + 1)

    def proposal_choice(self) -> str | None:
        """The scan's proposal as the user would type it: ``3``."""
        proposal = self.proposal()
        if proposal is None or proposal.answer is None:
            return None
        return str(self._require_current().rank(proposal.answer) + 1)

    def back(self) -> bool:
        """Go to the previous question that applies; False when already at the first."""
        start = len(self.q.questions) if self.index is None else self.index
        for i in range(start - 1, -1, -1):
            if self.applies(i):
                self.index = i
                return True
        return False

    def position(self) -> Position:
        question = self._require_current()
        applicable = self.applicable()
        dims = [d.id for d in self.q.dimensions]
        return Position(
            number=applicable.index(self.index) + 1 if self.index in applicable else len(applicable),
            total=len(applicable),
            answered=sum(self.is_answered(i) for i in applicable),
            section=dims.index(question.dimension) + 1,
            sections=len(dims),
            section_title=self.q.dimension_by_id[question.dimension].title,
        )

    def current_choice(self) -> str | None:
        """The current question's answer as the user would type it: ``2``, ``u`` or ``n``."""
        question = self._require_current()
        given = self.answer_of(self.index) if self.index is not None else None
        if given is None or given.answer is None:
            return None
        if given.answer == UNKNOWN:
            return "u"
        if given.answer == NOT_APPLICABLE:
            return "n"
        return str(question.rank(given.answer) + 1)

    def current_reason(self) -> str:
        given = self.answer_of(self.index) if self.index is not None else None
        return (given.reason or "") if given is not None and given.answer == NOT_APPLICABLE else ""

    def _after(self, index: int | None) -> int | None:
        return self._next_unanswered(-1 if index is None else index)

    def _next_unanswered(self, after: int) -> int | None:
        """First unanswered question that applies after ``after``, wrapping round to the start.

        Wrapping matters when resuming a file with holes, or after going back and
        changing an answer that opens up a question further up.
        """
        n = len(self.q.questions)
        for i in itertools.chain(range(after + 1, n), range(after + 1)):
            if self.applies(i) and not self.is_answered(i):
                return i
        return None

    def _require_current(self) -> Question:
        if self.current is None:
            raise ValueError("the survey is finished; there is no current question")
        return self.current
