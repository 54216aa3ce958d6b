"""The survey's state machine: order, skips, back, keep, resume, not applicable."""

from __future__ import annotations

from typing import Any

import pytest

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.survey.flow import Flow, Position


def ids(flow: Flow) -> list[str]:
    return [flow.q.questions[i].id for i in flow.applicable()]


def test_starts_at_the_first_question_and_skips_what_does_not_apply(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q)
    assert flow.current is not None and flow.current.id == "ship.prod"
    assert ids(flow) == ["ship.prod", "ship.latency", "watch.owner"]
    assert flow.position() == Position(1, 3, 0, 1, 2, "Shipping models")


def test_an_answer_that_meets_a_condition_brings_its_questions_in(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q)
    flow.choose("one")
    assert flow.current is not None and flow.current.id == "ship.method"
    assert flow.position() == Position(2, 5, 1, 1, 2, "Shipping models")


def test_the_least_mature_answer_skips_the_conditional_questions(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q)
    flow.choose("none")
    assert flow.current is not None and flow.current.id == "ship.latency"
    flow.choose("unknown")
    assert flow.current is not None and flow.current.id == "watch.owner"
    assert flow.position() == Position(3, 3, 2, 2, 2, "Watching models")
    flow.choose("rota")
    assert flow.done and flow.current is None
    assert flow.to_save() == {
        "ship.prod": Answer(answer="none"),
        "ship.latency": Answer(answer="unknown"),
        "watch.owner": Answer(answer="rota"),
    }


def test_back_goes_to_the_previous_question_that_applies(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q)
    flow.choose("none")
    assert flow.back() is True
    assert flow.current is not None and flow.current.id == "ship.prod"
    assert flow.current_choice() == "1"
    assert flow.back() is False  # already first
    assert flow.current.id == "ship.prod"


def test_back_from_the_end_reaches_the_last_question(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q, {"ship.prod": Answer(answer="none"), "ship.latency": Answer(answer="none")})
    flow.choose("nobody")
    assert flow.done
    assert flow.back() is True
    assert flow.current is not None and flow.current.id == "watch.owner"


def test_keep_moves_on_only_when_there_is_an_answer(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q)
    assert flow.keep() is False
    flow.choose("one")
    flow.back()
    assert flow.keep() is True
    assert flow.current is not None and flow.current.id == "ship.method"


def test_changing_an_answer_jumps_back_to_the_first_unanswered_question(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q)
    flow.choose("one")
    flow.choose("scripted")
    flow.choose("none")  # latency; now at drift
    flow.back()
    flow.back()
    flow.back()  # at prod
    flow.choose("many")
    assert flow.current is not None and flow.current.id == "watch.drift"
    assert flow.given["ship.method"] == Answer(answer="scripted")


def test_an_answer_to_a_question_that_stops_applying_is_kept_in_memory_but_not_saved(
    survey_q: Questionnaire,
) -> None:
    flow = Flow(survey_q)
    flow.choose("one")
    flow.choose("pipeline")
    flow.back()
    flow.back()
    flow.choose("none")
    assert "ship.method" not in flow.to_save()
    flow.back()
    flow.choose("one")  # the condition holds again: the old answer is back
    assert flow.to_save()["ship.method"] == Answer(answer="pipeline")


def test_not_applicable_needs_a_reason_and_keeps_it(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q, {"ship.prod": Answer(answer="none")})
    assert flow.current is not None and flow.current.id == "ship.latency"
    with pytest.raises(ValueError, match="needs a reason"):
        flow.choose("not_applicable", "  ")
    flow.choose("not_applicable", " batch only ")
    assert flow.given["ship.latency"] == Answer(answer="not_applicable", reason="batch only")
    flow.back()
    assert (flow.current_choice(), flow.current_reason()) == ("n", "batch only")


def test_options_outside_the_question_are_refused(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q)
    with pytest.raises(ValueError, match=r"'rota' is not a valid answer to 'ship\.prod'"):
        flow.choose("rota")
    with pytest.raises(ValueError, match="not a valid answer"):
        flow.choose("not_applicable", "why")  # ship.prod does not allow it


def test_evidence_survives_a_changed_answer(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q, {"ship.prod": Answer(answer="none", evidence="wiki/page")})
    flow.back()
    assert flow.current is not None and flow.current.id == "ship.prod"
    flow.choose("many")
    assert flow.given["ship.prod"] == Answer(answer="many", evidence="wiki/page")


def test_resume_starts_at_the_first_unanswered_question(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q, {"ship.prod": Answer(answer="one"), "ship.method": Answer(answer="manual")})
    assert flow.current is not None and flow.current.id == "ship.latency"
    assert flow.answered_count() == 2
    assert flow.current_choice() is None


def test_resume_fills_holes_in_order(survey_q: Questionnaire) -> None:
    flow = Flow(survey_q, {"ship.prod": Answer(answer="one"), "ship.latency": Answer(answer="written")})
    assert flow.current is not None and flow.current.id == "ship.method"
    flow.choose("manual")
    assert flow.current is not None and flow.current.id == "watch.drift"


def test_a_complete_file_resumes_at_the_end(survey_q: Questionnaire) -> None:
    given = {"ship.prod": "none", "ship.latency": "none", "watch.owner": "author"}
    flow = Flow(survey_q, {k: Answer(answer=v) for k, v in given.items()})
    assert flow.done
    with pytest.raises(ValueError, match="finished"):
        flow.position()


def _gate_first_on_last(q: Questionnaire) -> Questionnaire:
    data: dict[str, Any] = q.model_dump(exclude_none=True)
    data["questions"][0]["applies_when"] = {"question": "watch.owner", "at_least": "author"}
    return Questionnaire.model_validate(data)


def test_an_answer_that_opens_an_earlier_question_wraps_round_to_it(survey_q: Questionnaire) -> None:
    flow = Flow(_gate_first_on_last(survey_q))
    assert flow.current is not None and flow.current.id == "ship.latency"
    flow.choose("none")
    flow.choose("rota")
    assert flow.current is not None and flow.current.id == "ship.prod"
