"""The declarative condition vocabulary: parsing, monotonicity, evaluation."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from mlops_maturity.engine.model.conditions import (
    AllOf,
    AnyOf,
    Condition,
    PlacementAtom,
    QuestionAtom,
    evaluate,
    is_monotone,
)

ADAPTER: TypeAdapter[Condition] = TypeAdapter(Condition)
RANKS = {"q.a": 1, "q.b": None}
OPTIONS = {"none": 0, "one": 1, "many": 2}


def _evaluate(data: object, placement: bool | None = None) -> bool:
    condition = ADAPTER.validate_python(data)
    return evaluate(
        condition,
        RANKS.__getitem__,
        lambda _q, option: OPTIONS[option],
        (lambda _atom: placement) if placement is not None else None,
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"question": "q.a", "at_least": "one"}, True),
        ({"question": "q.a", "at_least": "many"}, False),
        ({"question": "q.a", "at_most": "one"}, True),
        ({"question": "q.a", "equals": "none"}, False),
        ({"question": "q.b", "at_most": "many"}, False),  # an answer not given satisfies nothing
        ({"all_of": [{"question": "q.a", "at_least": "one"}, {"question": "q.b", "at_least": "none"}]}, False),
        ({"any_of": [{"question": "q.a", "at_least": "one"}, {"question": "q.b", "at_least": "none"}]}, True),
    ],
)
def test_evaluate(data: object, expected: bool) -> None:
    assert _evaluate(data) is expected


def test_a_placement_atom_is_false_without_a_placement_and_asks_it_otherwise() -> None:
    assert _evaluate({"stage_at_least": 2}) is False
    assert _evaluate({"stage_at_least": 2}, placement=True) is True


def test_the_discriminator_picks_the_model() -> None:
    assert isinstance(ADAPTER.validate_python({"all_of": [{"question": "q.a", "at_least": "one"}]}), AllOf)
    assert isinstance(ADAPTER.validate_python({"any_of": [{"question": "q.a", "at_least": "one"}]}), AnyOf)
    assert isinstance(ADAPTER.validate_python({"level_at_most": "low"}), PlacementAtom)


@pytest.mark.parametrize(
    "data",
    [
        {"question": "q.a"},
        {"question": "q.a", "at_least": "one", "at_most": "many"},
        {"stage_at_least": 1, "stage_at_most": 2},
        {"all_of": []},
        {"sometimes": True},
    ],
)
def test_malformed_conditions_are_refused(data: object) -> None:
    with pytest.raises(ValidationError):
        ADAPTER.validate_python(data)


def test_only_at_least_conditions_are_monotone() -> None:
    assert is_monotone(ADAPTER.validate_python({"any_of": [{"question": "q.a", "at_least": "one"}]}))
    assert not is_monotone(QuestionAtom(question="q.a", at_most="one"))
    assert not is_monotone(ADAPTER.validate_python({"all_of": [{"stage_at_least": 1}]}))
