"""The questionnaire's cross-references: every rule of ``engine/model/integrity.py`` triggered by name."""

from __future__ import annotations

from typing import Any

import pytest

from mlops_maturity.engine.model.conditions import AllOf, PlacementAtom, QuestionAtom
from mlops_maturity.engine.model.integrity import Known, check_integrity
from mlops_maturity.engine.model.questionnaire import Dimension, Questionnaire
from mlops_maturity.engine.model.stages import Criterion, Risk


def _with(q: Questionnaire, **update: Any) -> Questionnaire:
    return q.model_copy(update=update)


def _stage(q: Questionnaire, index: int, **update: Any) -> Questionnaire:
    stages = list(q.stages)
    stages[index] = stages[index].model_copy(update=update)
    return _with(q, stages=tuple(stages))


def test_the_tiny_questionnaire_is_clean(tiny: Questionnaire) -> None:
    assert check_integrity(tiny) == []


def test_stages_must_be_numbered_in_order(tiny: Questionnaire) -> None:
    assert (("stage", 2, "number"), "stages must be numbered 0, 1, 2, ... in order; expected 2") in check_integrity(
        _stage(tiny, 2, number=5)
    )


def test_stage_0_takes_no_criteria(tiny: Questionnaire) -> None:
    found = check_integrity(_stage(tiny, 0, criteria=(Criterion(question="deploy.prod", at_least="one"),)))
    assert (("stage", 0, "criteria"), "stage 0 is where every team starts: it takes no criteria") in found


def test_a_stage_needs_a_defining_criterion(tiny: Questionnaire) -> None:
    supporting = (Criterion(question="deploy.prod", at_least="one", role="supporting"),)
    (where, message), *_ = check_integrity(_stage(tiny, 1, criteria=supporting))
    assert where == ("stage", 1, "criteria") and message.startswith("stage 1 has no defining criterion")


def test_a_dimension_without_questions(tiny: Questionnaire) -> None:
    extra = Dimension(id="lonely", title="Lonely", description="No questions.")
    found = check_integrity(_with(tiny, dimensions=(*tiny.dimensions, extra)))
    assert (("dimension", 1, "id"), "dimension 'lonely' has no questions (add questions/lonely.yaml)") in found


def test_an_undeclared_dimension(tiny: Questionnaire) -> None:
    question = tiny.questions[0].model_copy(update={"dimension": "ghost"})
    found = check_integrity(_with(tiny, questions=(question, *tiny.questions[1:])))
    assert (("question", 0, "id"), "dimension 'ghost' is not declared; declared: deploy") in found


def test_a_placement_condition_in_applies_when(tiny: Questionnaire) -> None:
    gated = tiny.questions[2].model_copy(update={"applies_when": PlacementAtom(stage_at_least=1)})
    found = check_integrity(_with(tiny, questions=(*tiny.questions[:2], gated)))
    assert (
        ("question", 2, "applies_when"),
        "stage_*/level_* conditions are only allowed in consistency rules",
    ) in found


def test_a_duplicate_criterion(tiny: Questionnaire) -> None:
    twice = (Criterion(question="deploy.prod", at_least="one"), Criterion(question="deploy.prod", at_least="many"))
    found = check_integrity(_stage(tiny, 1, criteria=twice))
    assert (("stage", 1, "criteria", 1), "question 'deploy.prod' appears twice in these criteria") in found


def test_a_risk_condition_naming_an_unknown_option(tiny: Questionnaire) -> None:
    risk = Risk(id="r1", title="R", description="D", when=QuestionAtom(question="deploy.prod", at_most="few"))
    (where, message), *_ = check_integrity(_stage(tiny, 1, risks=(risk,)))
    assert where == ("stage", 1, "risks", 0, "when")
    assert message == "'few' is not an option of 'deploy.prod'; choose one of: none, one, many"


def test_a_risk_condition_may_not_test_the_placement(tiny: Questionnaire) -> None:
    when = AllOf(all_of=(QuestionAtom(question="deploy.prod", at_most="one"), PlacementAtom(stage_at_most=1)))
    risk = Risk(id="r1", title="R", description="D", when=when)
    assert check_integrity(_stage(tiny, 1, risks=(risk,)))[0][1].startswith("stage_*/level_* conditions")


def test_a_retired_option_cannot_still_be_an_option(tiny: Questionnaire) -> None:
    question = tiny.questions[0].model_copy(update={"retired_options": ("one",)})
    found = check_integrity(_with(tiny, questions=(question, *tiny.questions[1:])))
    assert (("question", 0, "retired_options"), "one: retired, yet still an option; remove one") in found


def test_duplicate_ids_are_reported_alone(tiny: Questionnaire) -> None:
    found = check_integrity(_with(tiny, questions=(*tiny.questions, tiny.questions[0])))
    assert found == [(("question", 3, "id"), "duplicate question id 'deploy.prod'")]


def test_a_broken_part_causes_no_follow_on_errors(tiny: Questionnaire) -> None:
    criterion = Criterion(question="deploy.missing", at_least="x")
    broken = _stage(tiny, 1, criteria=(criterion,))
    assert check_integrity(broken, Known(broken_questions=frozenset({"deploy.missing"}))) == []
    assert check_integrity(broken) == [(("stage", 1, "criteria", 0), "unknown question 'deploy.missing'")]


@pytest.mark.parametrize("field", ["at_most", "equals"])
def test_applies_when_must_be_monotone(tiny: Questionnaire, field: str) -> None:
    gated = tiny.questions[2].model_copy(
        update={"applies_when": QuestionAtom(question="deploy.prod", **{field: "one"})}
    )
    found = check_integrity(_with(tiny, questions=(*tiny.questions[:2], gated)))
    assert any(where == ("question", 2, "applies_when") and "only at_least" in m for where, m in found)
