"""What a questionnaire says of its stages and levels: criteria and their readings, risks, disciplines, rules."""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from mlops_maturity.engine.model.conditions import Condition
from mlops_maturity.engine.model.frozen import Frozen, OptionId, QuestionId, Slug, Text

Role = Literal["defining", "supporting"]


class Reading(Frozen):
    """Another answer that meets a criterion: ``question`` answered at least ``at_least``.

    A reading with a ``kind`` is how the criterion reads for that kind of system; one without
    is an alternative that meets it for every team.
    """

    question: QuestionId
    at_least: OptionId
    kind: Slug | None = None
    source: Text | None = Field(default=None, description="why this answer meets the criterion too")


class Criterion(Frozen):
    """Entry criterion: ``question`` answered at least ``at_least``, or any of its ``alternatives``.

    A *defining* criterion is what the stage is (a model in production, engineers
    running serving): the defining criteria of a stage and of every stage below it
    place a team there. A *supporting* criterion is a basic that belongs to the stage
    (a leader's goal, a decision rule): it never moves the placement; a team that
    misses one carries it as a named foundational gap (see ``engine/scoring/placement.py``).
    ``alternatives`` are other facts that show the same thing (a model in production
    shows that a pilot ran), so a team is met where it stands whichever it answered.
    """

    question: QuestionId
    at_least: OptionId
    kind: Slug | None = Field(default=None, description="the kind of system the criterion's own question reads for")
    alternatives: tuple[Reading, ...] = Field(default=(), max_length=8)
    role: Role = "defining"
    source: Text | None = Field(default=None, description="where the criterion comes from, e.g. a seed and sentence")

    @property
    def readings(self) -> "tuple[Reading | Criterion, ...]":
        """The criterion's own question first, then its alternatives."""
        return (self, *self.alternatives)


class Risk(Frozen):
    """A risk of a stage, shown when ``when`` holds for the team's answers (its *signals* are what holds).

    Without ``when``, the risk holds when any of ``questions`` is answered below its most mature option.
    """

    id: Slug
    title: Text
    description: Text
    questions: tuple[QuestionId, ...] = ()
    when: Condition | None = None
    source: Text | None = None
    systems: tuple[Slug, ...] = Field(
        default=(), description="the kinds of system the risk is about; none for every team (as on a question)"
    )

    @model_validator(mode="after")
    def _has_signals(self) -> "Risk":
        if not self.questions and self.when is None:
            raise ValueError("a risk needs `when` (the answers that make it real) or `questions`")
        return self


class Discipline(Frozen):
    id: Slug
    title: Text
    description: Text
    initiative: Annotated[str, Field(min_length=1, max_length=120)] | None = Field(
        default=None, description="the discipline as something to fund, in a few words"
    )
    addresses: tuple[Slug, ...] = Field(min_length=1)
    improves: tuple[QuestionId, ...] = Field(min_length=1)
    systems: tuple[Slug, ...] = Field(
        default=(), description="the kinds of system the discipline is for; none for every team (as on a question)"
    )


class StageReading(Frozen):
    """How a stage reads for one kind of system: said after (or, for a team without the stage's own kinds,
    instead of) the stage's summary and meaning."""

    kind: Slug
    summary: Text
    meaning: Text | None = None


class Stage(Frozen):
    number: int = Field(ge=0, le=20)
    id: Slug
    name: Text
    summary: Text
    meaning: Text | None = Field(default=None, description="what the stage means for the business, in plain words")
    summary_kinds: tuple[Slug, ...] = Field(
        default=(), description="the kinds of system the summary speaks for; none: every team"
    )
    meaning_kinds: tuple[Slug, ...] = Field(
        default=(), description="the kinds of system the meaning speaks for; none: every team"
    )
    readings: tuple[StageReading, ...] = Field(default=(), max_length=8)
    criteria: tuple[Criterion, ...] = ()
    risks: tuple[Risk, ...] = ()
    disciplines: tuple[Discipline, ...] = ()


class Level(Frozen):
    id: Slug
    name: Text
    description: Text
    meaning: Text | None = Field(default=None, description="what the level means for the business, in plain words")
    criteria: tuple[Criterion, ...] = ()


class Rule(Frozen):
    """A consistency rule: when ``when`` holds, the answers contradict each other."""

    id: Slug
    when: Condition
    message: Text
