"""The shipped questionnaire meets the content bar of the assessment model."""

from __future__ import annotations

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire


def _all(q: Questionnaire, index: int) -> Answers:
    given = {x.id: Answer(answer=x.options[index].id) for x in q.questions}
    return Answers(file="-", questionnaire=q.id, team="", assessed_on=None, given=given)


def _asked(q: Questionnaire, **scope: str) -> int:
    """How many questions a team running these systems is asked (scope questions aside)."""
    from mlops_maturity.engine.model.answers import Answer
    from mlops_maturity.engine.scoring.sheet import Sheet

    sheet = Sheet(q, {f"systems.{k}": Answer(answer=v) for k, v in scope.items()})
    return sum(not x.scope and sheet.effective[x.id].status != "out_of_scope" for x in q.questions)


def test_size_and_identity(shipped: Questionnaire) -> None:
    """About 40 to 70 questions (the assessment model) for a team of one kind; a mixed team answers both sides."""
    assert shipped.id == "mlops-maturity"
    assert 40 <= _asked(shipped) <= 70  # a team that trains models: the file says nothing else
    assert 40 <= _asked(shipped, trained_models="none", llm_apps="live", retrieval="indexed") <= 70
    assert _asked(shipped, llm_apps="live", retrieval="indexed") <= 75
    assert [s.number for s in shipped.stages] == [0, 1, 2, 3, 4, 5]
    assert [lv.id for lv in shipped.levels] == ["no", "low", "high"]


def test_stage_names_follow_the_five_stage_model(shipped: Questionnaire) -> None:
    assert [s.name for s in shipped.stages[1:]] == [
        "ML pilot",
        "First deployment",
        "IT/platform does the serving",
        "Continuous integration of the training pipeline",
        "Full automation and monitoring",
    ]


def test_every_stage_has_three_risks_and_three_disciplines(shipped: Questionnaire) -> None:
    for stage in shipped.stages[1:]:
        assert len(stage.risks) >= 3, stage.name
        assert len(stage.disciplines) >= 3, stage.name
        assert all(d.improves for d in stage.disciplines)


def test_every_question_has_help_and_concrete_options(shipped: Questionnaire) -> None:
    for question in shipped.questions:
        assert question.text.endswith("?"), question.id
        assert len(question.help) > 40, question.id
        assert (2 if question.scope else 3) <= len(question.options) <= 6, question.id
        assert len(question.title) <= 45, question.id


def test_least_and_most_mature_extremes(shipped: Questionnaire) -> None:
    low = assess(shipped, _all(shipped, 0))
    assert low.stage.number in (0, 1) and low.level.id == "no"
    high = assess(shipped, _all(shipped, -1))
    assert (high.stage.number, high.level.id, high.overall_score) == (5, "high", 100.0)
    assert high.consistency == ()


def test_stage_and_level_criteria_never_rest_on_optional_questions(shipped: Questionnaire) -> None:
    for rung in (*shipped.stages, *shipped.levels):
        for criterion in rung.criteria:
            assert not shipped.by_id[criterion.question].allow_not_applicable, criterion.question
