"""The roadmap's ordering rules (``engine/scoring/roadmap.py``), one test per rule, on the shipped questionnaire."""

from __future__ import annotations

from typing import Any

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.engine.scoring.roadmap import CAPABILITY_STEPS
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.yaml_reader import Document, load_file

from support import DATA


def _answers(name: str, **changes: str) -> dict[str, Any]:
    data = load_file(DATA / "profiles" / f"{name}.yaml").data
    assert isinstance(data, dict)
    return {**data["answers"], **{k.replace("__", "."): v for k, v in changes.items()}}


def _plan(q: Questionnaire, name: str, target: int | None = None, **changes: str) -> Result:
    document = Document("team.yaml", {"answers": _answers(name, **changes)}, {})
    return assess(q, check_answers(document, q), target_stage=target)


def test_rule_1_foundational_gaps_come_first_lowest_stage_first(shipped: Questionnaire) -> None:
    result = _plan(shipped, "regional_bank_it_serving", strategy__decision_link="case_by_case")
    assert result.stage.number == 3
    first = [(i.reason, i.question, i.stage) for i in result.roadmap[:2]]
    assert first == [("foundational", "strategy.mandate", 1), ("foundational", "strategy.decision_link", 2)]


def test_rule_2_gaps_follow_in_stage_then_questionnaire_order(shipped: Questionnaire) -> None:
    result = _plan(shipped, "retail_first_model", target=4)
    gaps = [(i.stage, i.question) for i in result.roadmap if i.reason == "gap"]
    assert [s for s, _ in gaps] == sorted(s for s, _ in gaps)
    order = [c.question for s in shipped.stages for c in s.criteria]
    for stage in {s for s, _ in gaps}:
        questions = [q for s, q in gaps if s == stage]
        assert questions == sorted(questions, key=order.index)


def test_rule_3_capability_steps_come_from_the_stages_disciplines(shipped: Questionnaire) -> None:
    result = _plan(shipped, "startup_pilot")
    allowed = {q for d in shipped.stages[1].disciplines for q in d.improves}
    steps = [i for i in result.roadmap if i.reason == "capability"]
    assert steps and {i.question for i in steps} <= allowed
    assert "features.store" not in {i.question for i in steps}  # a pilot is not sent to build a feature store


def test_rule_3_weakest_dimension_first(shipped: Questionnaire) -> None:
    result = _plan(shipped, "startup_pilot")
    scores = {d.id: d.score or 0.0 for d in result.dimensions}
    steps = [scores[i.dimension] for i in result.roadmap if i.reason == "capability"]
    assert steps == sorted(steps)


def test_rule_3_never_an_outcome_and_never_a_question_out_of_play(shipped: Questionnaire) -> None:
    for name in ("startup_pilot", "unknown_gate", "retail_first_model", "regulated_insurer"):
        result = _plan(shipped, name)
        out = {r.question for r in result.answers if r.status in ("skipped", "pending")}
        for item in result.roadmap:
            if item.reason == "capability":
                assert not shipped.by_id[item.question].outcome and item.question not in out, (name, item)


def test_rule_3_at_most_five_capability_steps(shipped: Questionnaire) -> None:
    for name in ("startup_pilot", "retail_first_model", "transition_platform"):
        steps = [i for i in _plan(shipped, name).roadmap if i.reason == "capability"]
        assert len(steps) <= CAPABILITY_STEPS


def test_no_target_lies_beyond_the_stage_planned_for(shipped: Questionnaire) -> None:
    result = _plan(shipped, "retail_first_model")
    assert result.target_stage == 3
    for item in result.roadmap:
        question = shipped.by_id[item.question]
        asked = [
            question.rank(c.at_least) for s in shipped.stages[1:4] for c in s.criteria if c.question == question.id
        ]
        current = question.rank(item.current) if item.current in question.option_ids else -1
        assert question.rank(item.target) <= max([current + 1, *asked]), item
        assert item.stage is None or item.stage <= 3


def test_a_dont_know_gets_a_target_only_from_a_criterion(shipped: Questionnaire) -> None:
    result = _plan(shipped, "retail_first_model", features__reuse="unknown", deployment__serving_owner="unknown")
    items = {i.question: i for i in result.roadmap}
    assert "features.reuse" not in items
    assert items["deployment.serving_owner"].reason == "gap" and items["deployment.serving_owner"].target == "shared"


def test_a_question_two_stages_ask_more_of_is_one_step(shipped: Questionnaire) -> None:
    """The mixed example's prompt releases are a basic of stage 3 (versioned) and a criterion of stage 4 (a release
    pipeline): one step, where the basic comes, aiming at what stage 4 asks, and saying so."""
    from mlops_maturity.files.answers.reader import load_answers

    from support import EXAMPLES

    result = assess(shipped, load_answers(EXAMPLES / "stage3-mixed-forecasts-and-llm.yaml", shipped))
    asked = [g.question for g in (*result.foundational_gaps, *result.gaps)]
    assert asked.count("llm.prompt_release") == 2  # the case is there
    steps = [i for i in result.roadmap if i.question == "llm.prompt_release"]
    assert len(steps) == 1
    stage4 = next(g for g in result.gaps if g.question == "llm.prompt_release")
    assert (steps[0].reason, steps[0].stage, steps[0].target, steps[0].then_stage) == (
        "foundational",
        3,
        stage4.required,
        4,
    )
    questions = [i.question for i in result.roadmap]
    assert len(questions) == len(set(questions))
