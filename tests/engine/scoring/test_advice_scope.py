"""Advice is for the systems a team runs: a team with only LLM applications is never told to build a
training pipeline, and a pilot of another kind adds no gap to a team placed by what it runs live."""

from __future__ import annotations

from typing import Any

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.yaml_reader import Document, load_file

from support import DATA

LLM_ONLY = sorted(  # teams that train nothing: no predictive models and no fine-tuning
    p.stem
    for p in (DATA / "profiles").glob("llm_*.yaml")
    if "systems.trained_models: none" in (text := p.read_text()) and "systems.fine_tuning: none" in text
)


def _answers(name: str) -> dict[str, Any]:
    data = load_file(DATA / "profiles" / f"{name}.yaml").data
    assert isinstance(data, dict)
    return dict(data["answers"])


def _result(q: Questionnaire, answers: dict[str, Any]) -> Result:
    return assess(q, check_answers(Document("team.yaml", {"answers": answers}, {}), q))


def _trained_advice(q: Questionnaire) -> set[str]:
    return {
        item.id
        for stage in q.stages
        for item in (*stage.risks, *stage.disciplines)
        if item.systems and set(item.systems) <= {"trained", "predictive"}
    }


def test_the_cases_are_there(shipped: Questionnaire) -> None:
    assert len(LLM_ONLY) >= 4
    assert len(_trained_advice(shipped)) >= 5


@pytest.mark.parametrize("name", LLM_ONLY)
def test_an_llm_only_team_gets_no_advice_about_training(shipped: Questionnaire, name: str) -> None:
    result = _result(shipped, _answers(name))
    said = {r.id for r in (*result.risks, *result.risks_in_view)} | {d.id for d in result.disciplines}
    said |= {i.id for i in result.investments}
    assert not said & _trained_advice(shipped)
    trained_only = {x.id for x in shipped.questions if x.systems and set(x.systems) <= {"trained", "predictive"}}
    assert not {i.question for i in result.roadmap} & trained_only


@pytest.mark.parametrize("name", LLM_ONLY)
def test_the_same_team_with_a_model_of_its_own_gets_it(shipped: Questionnaire, name: str) -> None:
    """The tags are what keep the advice out: a trained model in development brings the trained advice back
    wherever the stage has some, so the test above is not passing because the advice never shows."""
    result = _result(shipped, {**_answers(name), "systems.trained_models": "building"})
    stage = shipped.stage(result.stage.number)
    tagged = {item.id for item in (*stage.risks, *stage.disciplines) if item.systems == ("trained",)}
    said = {r.id for r in (*result.risks, *result.risks_in_view)} | {d.id for d in result.disciplines}
    assert tagged <= said


def test_a_pilot_of_another_kind_adds_no_gap(shipped: Questionnaire) -> None:
    answers = _answers("llm_support_copilot")
    live_only = _result(shipped, answers)
    with_pilot = _result(shipped, {**answers, "systems.trained_models": "building"})
    assert with_pilot.stage.number == live_only.stage.number
    assert [g.question for g in with_pilot.foundational_gaps] == [g.question for g in live_only.foundational_gaps]
    assert [g.question for g in with_pilot.gaps] == [g.question for g in live_only.gaps]
