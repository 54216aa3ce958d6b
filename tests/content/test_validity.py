"""Each defect the validity review found (issue 12), held gone by a test that fails on the old engine or content."""

from __future__ import annotations

from typing import Any

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.errors import AnswersError
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.yaml_reader import Document, load_file

from support import DATA

PROFILES = DATA / "profiles"


def _profile_answers(name: str) -> dict[str, Any]:
    data = load_file(PROFILES / f"{name}.yaml").data
    assert isinstance(data, dict)
    return dict(data["answers"])


def _score(q: Questionnaire, answers: dict[str, Any]) -> Result:
    return assess(q, check_answers(Document("team.yaml", {"answers": answers}, {}), q))


def _profile(q: Questionnaire, name: str, **changes: str) -> Result:
    answers = _profile_answers(name)
    answers.update({k.replace("__", "."): v for k, v in changes.items()})
    return _score(q, answers)


PRODUCTION_ONLY = {
    "strategy.portfolio", "data.pipeline_owner", "features.serving_logic", "features.skew_check",
    "experiments.metadata", "versioning.rollback", "versioning.audit", "deployment.serving_owner",
    "deployment.environments", "deployment.method", "deployment.packaging", "deployment.rollout",
    "automation.retraining_trigger", "automation.continuous_training", "collaboration.model_owner",
    "collaboration.ops_load", "outcomes.manual_intervention", "outcomes.release_effort",
}  # fmt: skip


# 1. One early answer no longer sinks a production team to stage 0.
def test_a_production_team_missing_a_leaders_goal_is_placed_by_its_delivery_with_a_named_gap(
    shipped: Questionnaire,
) -> None:
    result = _profile(shipped, "regional_bank_it_serving")
    assert result.stage.number == 3
    assert [(g.question, g.stage, g.current) for g in result.foundational_gaps] == [("strategy.mandate", 1, "interest")]
    assert result.roadmap[0].question == "strategy.mandate" and result.roadmap[0].reason == "foundational"


def test_a_missing_basic_of_the_current_stage_is_named_first_and_never_holds_the_placement(
    shipped: Questionnaire,
) -> None:
    result = _profile(shipped, "many_models_no_decision_rules")
    assert result.stage.number == 2
    assert [(g.question, g.stage) for g in result.foundational_gaps] == [("strategy.decision_link", 2)]
    assert result.roadmap[0].question == "strategy.decision_link" and result.roadmap[0].reason == "foundational"


# 2. Stage texts assert nothing the answers contradict.
OLD_CLAIMS = ("nothing is yet used", "data science team deploys", "no pilot is running", "still an idea")


def test_no_stage_text_claims_what_a_placed_team_contradicts(shipped: Questionnaire) -> None:
    for name in ("many_models_no_decision_rules", "stage2_engineers_deploy", "pilot_without_goal", "unknown_gate"):
        summary = _profile(shipped, name).stage.summary.lower()
        assert not [claim for claim in OLD_CLAIMS if claim in summary], name


def test_every_stage_summary_says_only_what_its_criteria_guarantee(shipped: Questionnaire) -> None:
    """Each summary names its own criteria's subjects and no team of a lower stage's typical habits."""
    for stage in shipped.stages[1:]:
        assert "data scientists deploy" not in stage.summary.lower()
        assert "notebook" not in stage.summary.lower()


# 3 and 4. Stage 3 and High no longer exclude each other; High is reachable by teams sharing one backlog.
def test_a_cross_functional_team_that_runs_its_own_platform_reaches_stage_3_and_high(shipped: Questionnaire) -> None:
    result = _profile(shipped, "cross_functional_product")
    assert result.stage.number >= 3 and result.level.id == "high"


def test_separate_teams_planning_from_one_backlog_can_be_high(shipped: Questionnaire) -> None:
    result = _profile(shipped, "automated_org_joint_backlog", collaboration__team_model="joint_planning")
    assert result.level.id == "high"


# 5. Options honest teams can choose: partial coverage on the stage-3 questions, automated consumers.
def test_a_team_in_transition_counts_at_stage_3_with_a_few_legacy_models(shipped: Questionnaire) -> None:
    for question in ("deployment.serving_owner", "data.pipeline_owner"):
        assert "mostly_engineers" in shipped.by_id[question].option_ids
    assert "prod_most" in shipped.by_id["deployment.environments"].option_ids
    assert _profile(shipped, "transition_platform").stage.number == 3


def test_a_recommender_read_by_a_web_shop_has_a_defined_decision(shipped: Questionnaire) -> None:
    labels = " ".join(o.label for o in shipped.by_id["strategy.decision_link"].options)
    assert "consuming system" in labels
    assert _profile(shipped, "recsys_automated_consumer").stage.number == 3


def test_stage_3_asks_for_shared_versioning_not_a_registry_product(shipped: Questionnaire) -> None:
    (criterion,) = [c for c in shipped.stages[3].criteria if c.question == "versioning.registry"]
    assert criterion.at_least == "shared_versions"


def test_the_decisive_fact_comes_first_in_serving_options(shipped: Questionnaire) -> None:
    firsts = [o.label.split()[0] for o in shipped.by_id["deployment.serving_owner"].options]
    assert firsts == ["Data", "Data", "Engineers", "Engineers", "Engineers", "Engineers"]


# 6. Consistency warnings where one is due.
def test_tools_without_basics_get_a_warning_naming_the_answers(shipped: Questionnaire) -> None:
    result = _profile(shipped, "tools_without_basics")
    (warning,) = [w for w in result.warning_details if w.rule == "tools_without_basics"]
    assert {"deployment.models_in_production", "strategy.decision_link", "features.store"} <= set(warning.questions)


def test_high_outcomes_at_stage_2_get_a_warning(shipped: Questionnaire) -> None:
    result = _profile(shipped, "automated_org_joint_backlog", deployment__environments="single")
    assert (result.stage.number, result.level.id) == (2, "high")
    assert "high_outcomes_before_platform" in {w.rule for w in result.warning_details}


def test_production_models_without_decision_rules_are_stage_2_with_the_basic_named(shipped: Questionnaire) -> None:
    result = _profile(shipped, "many_models_no_decision_rules")
    assert result.stage.number == 2
    assert [g.question for g in result.foundational_gaps] == ["strategy.decision_link"]


# 7. Production-only questions are not asked of teams with nothing in production.
def test_a_pilot_team_is_complete_without_answering_production_questions(shipped: Questionnaire) -> None:
    result = _profile(shipped, "startup_pilot")
    assert result.unanswered == () and result.completeness.ratio == 1.0
    assert {r.question for r in result.answers if r.status == "skipped"} == PRODUCTION_ONLY | {
        q.id for q in shipped.questions if q.dimension == "monitoring"
    }
    assert not [i for i in result.roadmap if i.question in PRODUCTION_ONLY]


# 8. "Don't know" on a gating question keeps the answers that depend on it, without calling them contradictions.
def test_an_unknown_gate_keeps_dependent_answers_aside_without_warnings(shipped: Questionnaire) -> None:
    result = _profile(shipped, "unknown_gate")
    assert result.warnings == ()
    pending = {r.question: r for r in result.answers if r.status == "pending"}
    assert pending["monitoring.drift"].answer == "scheduled_report"
    assert pending["monitoring.drift"].waits_on == ("deployment.models_in_production",)
    (note,) = [n for n in result.notes if n.rule == "waiting_answers"]
    assert "monitoring.drift" in note.questions


def test_answers_to_questions_ruled_out_are_one_note_not_a_warning_each(shipped: Questionnaire) -> None:
    result = _profile(shipped, "unknown_gate", deployment__models_in_production="none")
    assert "ignored_answer" not in {w.rule for w in result.warning_details}
    (note,) = [n for n in result.notes if n.rule == "ignored_answer"]
    assert note.questions[0] == "deployment.models_in_production" and "monitoring.drift" in note.questions
    assert note.message.startswith(f"{len(note.questions) - 1} answer(s) set aside")


# 9. Advice that fits.
def test_a_team_that_deploys_through_cd_is_not_told_manual_deployment_is_its_bottleneck(
    shipped: Questionnaire,
) -> None:
    result = _profile(
        shipped, "cross_functional_product", deployment__method="cd_pipeline", automation__model_chaining="untracked"
    )
    assert result.stage.number == 4
    assert "manual_deployment_bottleneck" not in {r.id for r in result.risks}
    assert "chained_models" in {r.id for r in result.risks}


def test_a_stage_2_team_gets_no_step_beyond_stage_3(shipped: Questionnaire) -> None:
    result = _profile(shipped, "retail_first_model")
    assert result.stage.number == 2
    assert all(i.stage is None or i.stage <= 3 for i in result.roadmap)
    targets = {(i.question, i.target) for i in result.roadmap}
    assert not targets & {("features.store", "store_all"), ("deployment.method", "cd_pipeline"),
                          ("monitoring.drift", "automated_alerts")}  # fmt: skip


def test_no_roadmap_step_recommends_copying_feature_code_by_hand(shipped: Questionnaire) -> None:
    labels = [o.label.lower() for o in shipped.by_id["features.serving_logic"].options]
    assert not [label for label in labels[1:] if "by hand" in label]


def test_risks_no_answer_supports_are_kept_in_view_not_listed(shipped: Questionnaire) -> None:
    result = _profile(shipped, "stage2_engineers_deploy")
    assert "ds_swamped_by_ops" in {r.id for r in result.risks}  # data scientists still keep the pipelines
    assert {r.id for r in result.risks_in_view} == {"untracked_models"}
    for risk in result.risks:
        assert risk.signals


def test_the_tooling_risk_looks_at_tooling_at_stage_0_and_stage_1(shipped: Questionnaire) -> None:
    tooled = _profile(shipped, "tools_without_basics")
    assert "big_bang_platform" in {r.id for r in tooled.risks}
    (risk,) = [r for r in tooled.risks if r.id == "big_bang_platform"]
    assert {s.question for s in risk.signals} >= {"features.store", "experiments.tracking"}
    early = _profile(shipped, "tools_without_basics", strategy__use_cases="ideas")
    assert early.stage.number == 0 and "tooling_before_use_case" in {r.id for r in early.risks}
    plain = _profile(shipped, "startup_pilot")
    assert "big_bang_platform" in {r.id for r in plain.risks_in_view}


# Placement rule properties on the shipped questionnaire.
def test_a_missing_supporting_criterion_of_the_stage_is_a_foundational_gap(shipped: Questionnaire) -> None:
    result = _profile(shipped, "regional_bank_it_serving", versioning__registry="files")
    assert result.stage.number == 3
    assert [g.question for g in result.foundational_gaps] == ["strategy.mandate", "versioning.registry"]


def test_old_answers_files_get_a_message_naming_the_reworded_question(shipped: Questionnaire) -> None:
    with pytest.raises(AnswersError, match=r"retired when it reworded the question in version 2\.0\.0"):
        _score(shipped, {"deployment.models_in_production": "several", "deployment.serving_owner": "platform_team"})
