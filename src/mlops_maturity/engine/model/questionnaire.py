"""The questionnaire: dimensions, questions, stages, levels and rules, as data."""

from functools import cached_property
from itertools import pairwise
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from mlops_maturity.engine.model.conditions import Condition
from mlops_maturity.engine.model.frozen import Frozen, OptionId, QuestionId, Slug, Text, Version
from mlops_maturity.engine.model.stages import Level, Rule, Stage

UNKNOWN = "unknown"
NOT_APPLICABLE = "not_applicable"
RESERVED_ANSWERS = (UNKNOWN, NOT_APPLICABLE)


class Option(Frozen):
    id: OptionId
    label: Text
    points: float = Field(ge=0, le=1000)


class Question(Frozen):
    """One question. Options run from least to most mature.

    ``retired_options`` names option ids an earlier version of the questionnaire had and
    this one dropped (``changed_in`` says which version), so an old answers file gets a
    message that says what happened rather than only "not an option".
    """

    id: QuestionId
    dimension: Slug
    title: Text
    text: Text
    help: Text
    options: tuple[Option, ...] = Field(min_length=2)
    weight: float = Field(default=1.0, gt=0, le=100)
    allow_not_applicable: bool = False
    applies_when: Condition | None = None
    retired_options: tuple[OptionId, ...] = ()
    changed_in: Version | None = None
    outcome: bool = Field(default=False, description="a result to watch, not a practice a team adopts")
    scope: bool = Field(
        default=False,
        description="a fact about what the team runs (which systems); it scores nothing and has a default",
    )
    default: OptionId | None = Field(
        default=None, description="for a scope question: the answer assumed when an answers file gives none"
    )
    systems: tuple[Slug, ...] = Field(
        default=(), description="the system kinds the question is about; out of scope for a team that runs none of them"
    )

    @model_validator(mode="before")
    @classmethod
    def _default_points(cls, data: Any) -> Any:
        """An option without ``points`` is worth its position (0, 1, 2, ...)."""
        if isinstance(data, dict) and isinstance(data.get("options"), list):
            options = []
            for i, option in enumerate(data["options"]):
                if isinstance(option, dict) and "points" not in option:
                    option = {**option, "points": i}
                options.append(option)
            data = {**data, "options": options}
        return data

    @field_validator("options")
    @classmethod
    def _ordered_unique(cls, options: tuple[Option, ...]) -> tuple[Option, ...]:
        ids = [o.id for o in options]
        for reserved in RESERVED_ANSWERS:
            if reserved in ids:
                raise ValueError(f"option id {reserved!r} is reserved for every question; remove it")
        if "null" in ids:  # `q: null` in an answers file reads as no answer, so this option could never be chosen
            raise ValueError("option id 'null' reads as an empty value in YAML; choose another id")
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate option ids: {', '.join(duplicates)}")
        points = [o.points for o in options]
        if any(b <= a for a, b in pairwise(points)):
            raise ValueError("options must be listed least mature first, with strictly increasing points")
        return options

    @cached_property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def rank(self, option_id: str) -> int:
        return self.option_ids.index(option_id)

    def option(self, option_id: str) -> Option:
        return self.options[self.rank(option_id)]

    @property
    def max_points(self) -> float:
        return self.options[-1].points

    @cached_property
    def weighted_points(self) -> tuple[float, ...]:
        """What each option adds to its dimension's weighted sum (``weight * points / max_points``)."""
        return tuple(self.weight * o.points / self.max_points for o in self.options)

    def valid_answers(self) -> tuple[str, ...]:
        if self.scope:  # a fact the team always knows: no "don't know", no "not applicable"
            return self.option_ids
        extra = (UNKNOWN, NOT_APPLICABLE) if self.allow_not_applicable else (UNKNOWN,)
        return (*self.option_ids, *extra)


class Dimension(Frozen):
    id: Slug
    title: Text
    description: Text
    weight: float = Field(default=1.0, gt=0, le=100)
    scored: bool = Field(default=True, description="false for a dimension of scope questions, which has no score")


class SystemKind(Frozen):
    """A kind of system a team may run (models it trains, applications on LLMs), told by scope questions.

    A question about a kind is out of scope for a team that does not run it; a criterion's reading
    for a kind counts once the kind is live (or, when nothing is live, once it is in scope).
    """

    id: Slug
    title: Text
    in_scope_when: Condition
    live_when: Condition
    part_of: tuple[Slug, ...] = Field(
        default=(),
        description="broader kinds this one belongs to (predictive models are trained models): their readings "
        "also count when the stage of this kind alone is worked out",
    )


class ScoreBand(Frozen):
    """A range of capability scores drawn in one colour: from ``start`` up to the next band's start."""

    id: Slug
    label: Annotated[str, Field(min_length=1, max_length=40)]
    start: float = Field(ge=0, lt=100)
    colour: Annotated[str, Field(pattern=r"^#[0-9a-f]{6}$")]


# Built without validation: constants need no checking, and building ScoreBand's validator at import
# would cost every `score` run a few milliseconds (a test checks that they validate).
DEFAULT_BANDS = tuple(
    ScoreBand.model_construct(id=band, label=band, start=start, colour=colour)
    for band, start, colour in (
        ("missing", 0.0, "#cf222e"),
        ("weak", 25.0, "#e16f24"),
        ("fair", 50.0, "#bf8700"),
        ("strong", 75.0, "#1a7f37"),
    )
)


def _bands_in_order(bands: tuple[ScoreBand, ...]) -> tuple[ScoreBand, ...]:
    if bands[0].start != 0:
        raise ValueError("the first score band starts at 0")
    if any(b.start <= a.start for a, b in pairwise(bands)):
        raise ValueError("score bands are listed lowest first, each starting above the one before")
    ids = [b.id for b in bands]
    if len(set(ids)) != len(ids):
        raise ValueError("score band ids must be unique")
    return bands


class Questionnaire(Frozen):
    id: Slug
    version: Version
    title: Text
    description: Text
    dimensions: tuple[Dimension, ...] = Field(min_length=1)
    questions: tuple[Question, ...] = Field(min_length=1)
    stages: tuple[Stage, ...] = Field(min_length=2)
    levels: tuple[Level, ...] = Field(min_length=2)
    rules: tuple[Rule, ...] = ()
    system_kinds: tuple[SystemKind, ...] = Field(default=(), max_length=8)
    score_bands: tuple[ScoreBand, ...] = Field(default=DEFAULT_BANDS, min_length=1, max_length=8)

    @field_validator("score_bands")
    @classmethod
    def _ordered_bands(cls, bands: tuple[ScoreBand, ...]) -> tuple[ScoreBand, ...]:
        return _bands_in_order(bands)

    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def dimension_by_id(self) -> dict[str, Dimension]:
        return {d.id: d for d in self.dimensions}

    @cached_property
    def _by_dimension(self) -> dict[str, tuple[Question, ...]]:
        grouped: dict[str, list[Question]] = {d.id: [] for d in self.dimensions}
        for question in self.questions:
            grouped.setdefault(question.dimension, []).append(question)
        return {d: tuple(qs) for d, qs in grouped.items()}

    def questions_of(self, dimension: str) -> tuple[Question, ...]:
        """The questions of one dimension, in questionnaire order."""
        return self._by_dimension.get(dimension, ())

    @cached_property
    def level_rank(self) -> dict[str, int]:
        return {level.id: i for i, level in enumerate(self.levels)}

    @property
    def top_stage(self) -> int:
        return self.stages[-1].number

    def stage(self, number: int) -> Stage:
        return self.stages[number - self.stages[0].number]
