"""The capability profile: a 0-100 score per dimension and overall. It never moves the stage."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, Questionnaire
from mlops_maturity.engine.model.result import DimensionScore
from mlops_maturity.engine.scoring.sheet import Sheet


class DimensionPoints(NamedTuple):
    """One dimension's score (``None`` when every question was not applicable) and its coverage."""

    score: float | None
    answered: int
    questions: int


def dimension_points(q: Questionnaire, sheet: Sheet) -> tuple[DimensionPoints, ...]:
    """Weighted average of the chosen options' points per dimension, in the questionnaire's order.

    A question answered "not applicable", or about a kind of system the team does not run, is
    left out of its dimension; a dimension of scope questions has no score.
    """
    out = []
    for dim in q.dimensions:
        total = weight = 0.0
        answered = count = 0
        for question in q.questions_of(dim.id) if dim.scored else ():
            eff = sheet.effective[question.id]
            if eff.status == "out_of_scope":
                continue
            count += 1
            if eff.status == NOT_APPLICABLE:
                continue
            weight += question.weight
            if eff.rank is not None:
                answered += 1
                total += question.weighted_points[eff.rank]
        out.append(DimensionPoints(round(100 * total / weight, 1) if weight else None, answered, count))
    return tuple(out)


def overall_score(q: Questionnaire, scores: Sequence[float | None]) -> float:
    """Dimension scores averaged with the dimensions' weights; unscored dimensions left out."""
    scored = [(s, d.weight) for d, s in zip(q.dimensions, scores, strict=True) if s is not None]
    return round(sum(s * w for s, w in scored) / sum(w for _, w in scored), 1) if scored else 0.0


def dimension_scores(q: Questionnaire, points: tuple[DimensionPoints, ...]) -> tuple[DimensionScore, ...]:
    """The profile a result shows: every dimension with a question the team is asked (scope has none)."""
    return tuple(
        DimensionScore(
            id=dim.id, title=dim.title, score=p.score, weight=dim.weight, answered=p.answered, questions=p.questions
        )
        for dim, p in zip(q.dimensions, points, strict=True)
        if p.questions
    )
