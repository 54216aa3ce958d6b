"""A condition said in words, where a question is shown: "only when “Models in production” is at least “One or two”"."""

from __future__ import annotations

from mlops_maturity.engine.model.conditions import AllOf, AnyOf, Condition, PlacementAtom
from mlops_maturity.engine.model.questionnaire import Questionnaire

_COMPARISONS = {"at_least": "is at least", "at_most": "is at most", "equals": "is"}


def in_words(condition: Condition, q: Questionnaire) -> str:
    """The condition as a phrase, with each question's title and each option's label quoted."""
    if isinstance(condition, AllOf | AnyOf):
        parts = [_part(c, q) for c in (condition.all_of if isinstance(condition, AllOf) else condition.any_of)]
        return (" and " if isinstance(condition, AllOf) else " or ").join(parts)
    if isinstance(condition, PlacementAtom):
        return str(condition)  # only consistency rules may compare the placement; questions never do
    question = q.by_id.get(condition.question)
    if question is None or condition.option not in question.option_ids:
        return f"{condition.question} {_COMPARISONS[condition.comparison]} {condition.option}"
    return f"“{question.title}” {_COMPARISONS[condition.comparison]} “{question.option(condition.option).label}”"


def _part(condition: Condition, q: Questionnaire) -> str:
    words = in_words(condition, q)
    return f"({words})" if isinstance(condition, AllOf | AnyOf) else words


def asked_when(condition: Condition | None, q: Questionnaire) -> str | None:
    """ "asked only when ...", or None for a question every team answers."""
    return None if condition is None else f"asked only when {in_words(condition, q)}"
