"""The declarative condition vocabulary: at_least, at_most, equals, any_of, all_of.

Conditions are data, never code. They gate questions (``applies_when``) and
express consistency rules. Stage and level criteria use the plainest form,
``{question, at_least}``, so that placement stays monotone.
"""

from collections.abc import Callable, Iterator
from typing import Annotated, Any

from pydantic import BaseModel, Discriminator, Field, Tag, model_validator

from mlops_maturity.engine.model.frozen import Frozen, OptionId, QuestionId


class QuestionAtom(Frozen):
    """True when ``question`` is answered with an option that compares as asked."""

    question: QuestionId
    at_least: OptionId | None = None
    at_most: OptionId | None = None
    equals: OptionId | None = None

    @model_validator(mode="after")
    def _one_comparison(self) -> "QuestionAtom":
        given = [k for k in ("at_least", "at_most", "equals") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of at_least, at_most, equals")
        return self

    @property
    def option(self) -> str:
        return self.at_least or self.at_most or self.equals or ""

    @property
    def comparison(self) -> str:
        return "at_least" if self.at_least else "at_most" if self.at_most else "equals"


class PlacementAtom(Frozen):
    """Compares the computed stage or level; only meaningful in consistency rules."""

    stage_at_least: int | None = Field(default=None, ge=0)
    stage_at_most: int | None = Field(default=None, ge=0)
    level_at_least: OptionId | None = None
    level_at_most: OptionId | None = None

    @model_validator(mode="after")
    def _one_comparison(self) -> "PlacementAtom":
        given = [k for k, v in self.__dict__.items() if v is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of stage_at_least, stage_at_most, level_at_least, level_at_most")
        return self


class AllOf(Frozen):
    all_of: tuple["Condition", ...] = Field(min_length=1)


class AnyOf(Frozen):
    any_of: tuple["Condition", ...] = Field(min_length=1)


def _kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        value = value.__dict__
    if not isinstance(value, dict):
        return None
    for key in ("all_of", "any_of", "question"):
        if key in value:
            return key
    if any(str(k).startswith(("stage_", "level_")) for k in value):
        return "placement"
    return None


Condition = Annotated[
    Annotated[QuestionAtom, Tag("question")]
    | Annotated[AllOf, Tag("all_of")]
    | Annotated[AnyOf, Tag("any_of")]
    | Annotated[PlacementAtom, Tag("placement")],
    Discriminator(
        _kind,
        custom_error_type="condition",
        custom_error_message="a condition is one of {question, at_least|at_most|equals}, {all_of: [...]}, "
        "{any_of: [...]}, {stage_at_least|stage_at_most|level_at_least|level_at_most: ...}",
    ),
]


def atoms(condition: Condition) -> Iterator[QuestionAtom | PlacementAtom]:
    """Every leaf of a condition, depth first."""
    if isinstance(condition, AllOf):
        for child in condition.all_of:
            yield from atoms(child)
    elif isinstance(condition, AnyOf):
        for child in condition.any_of:
            yield from atoms(child)
    else:
        yield condition


def is_monotone(condition: Condition) -> bool:
    """True when raising an answer can only turn the condition from false to true."""
    return all(isinstance(a, QuestionAtom) and a.at_least is not None for a in atoms(condition))


def evaluate(
    condition: Condition,
    rank: Callable[[str], int | None],
    option_rank: Callable[[str, str], int],
    placement: Callable[[PlacementAtom], bool] | None = None,
) -> bool:
    """Evaluate against answers given as ``rank(question) -> index or None``.

    ``None`` (unanswered, don't know, not applicable, skipped) satisfies no atom:
    a condition never holds on an answer the team did not give.
    """
    if isinstance(condition, AllOf):
        return all(evaluate(c, rank, option_rank, placement) for c in condition.all_of)
    if isinstance(condition, AnyOf):
        return any(evaluate(c, rank, option_rank, placement) for c in condition.any_of)
    if isinstance(condition, PlacementAtom):
        return placement(condition) if placement is not None else False
    current = rank(condition.question)
    if current is None:
        return False
    wanted = option_rank(condition.question, condition.option)
    if condition.at_least is not None:
        return current >= wanted
    if condition.at_most is not None:
        return current <= wanted
    return current == wanted
