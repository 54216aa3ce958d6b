"""Comparing two results: placement, scores, gaps, answers and warnings, and what is refused."""

from __future__ import annotations

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.result import Result
from mlops_maturity.engine.organisation.compare import Comparison, check_comparable, compare
from mlops_maturity.errors import AssessmentError
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support import DATA

ORG = load_questionnaire(DATA / "questionnaires" / "org")
BEFORE = assess(ORG, load_answers(DATA / "compare" / "before.yaml", ORG))
AFTER = assess(ORG, load_answers(DATA / "compare" / "after.yaml", ORG))


def _compare() -> Comparison:
    return compare(BEFORE, AFTER)


def test_placement_and_scores() -> None:
    c = _compare()
    assert (c.team, c.assessed_on.from_, c.assessed_on.to) == ("Alpha", "2026-03-31", "2026-06-30")
    assert (c.stage.from_, c.stage.to, c.stage.from_name, c.stage.to_name) == (0, 1, "Start", "Pilot")
    assert (c.level.from_, c.level.to) == ("high", "low")
    assert (c.overall_score.from_, c.overall_score.to, c.overall_score.delta) == (66.7, 54.1, -12.6)
    assert [(d.id, d.from_, d.to, d.delta) for d in c.dimensions] == [
        ("build", 25.0, 50.0, 25.0),
        ("run", 75.0, 100.0, 25.0),
        ("people", 83.3, 33.3, -50.0),
    ]


def test_gaps_closed_and_opened_up_to_the_stage_after_the_higher_placement() -> None:
    c = _compare()
    assert c.gaps_closed == ("build.tests",)
    assert c.gaps_opened == ("build.registry",)
    assert [(g.stage, g.required) for g in c.gaps_closed_detail] == [(1, "manual")]
    assert [(g.stage, g.required, g.required_label) for g in c.gaps_opened_detail] == [
        (2, "shared_folder", "In a shared folder")
    ]


def test_every_changed_answer_with_its_direction() -> None:
    assert [(a.question, a.from_, a.to, a.direction) for a in _compare().changed_answers] == [
        ("build.tests", "none", "automated", "up"),
        ("build.registry", "shared_folder", "none", "down"),
        ("run.monitoring", "dashboards", "alerts", "up"),
        ("people.owner", "data_scientists", "platform_team", "up"),
        ("people.oncall", "yes", "unknown", "down"),
    ]


def test_warnings_new_and_resolved() -> None:
    c = _compare()
    warning = "A deployment pipeline is claimed while nothing is tested. (run.deploy, build.tests)"
    assert c.resolved_warnings == (warning,)
    assert c.new_warnings == ()
    assert compare(AFTER, BEFORE).new_warnings == c.resolved_warnings


def test_the_same_file_twice_changes_nothing() -> None:
    c = compare(BEFORE, BEFORE)
    assert (c.gaps_closed, c.gaps_opened, c.changed_answers, c.new_warnings) == ((), (), (), ())
    assert all(d.delta == 0 for d in c.dimensions)


def test_json_uses_from_and_to() -> None:
    data = _compare().model_dump(by_alias=True)
    assert data["stage"] == {"from": 0, "to": 1, "from_name": "Start", "to_name": "Pilot"}
    assert data["changed_answers"][0]["from"] == "none"


def test_mismatches_for_swapped_dates_and_other_team_notes_for_minor_version() -> None:
    old = AFTER.model_copy(update={"team": "Beta"})
    new = BEFORE.model_copy(update={"questionnaire": BEFORE.questionnaire.model_copy(update={"version": "2.2.0"})})
    comparison = compare(old, new)
    assert comparison.mismatches == (
        "the two files name different teams: 'Beta' (older) and 'Alpha' (newer)",
        "the newer file is dated 2026-03-31, before the older one (2026-06-30); the arguments are OLD then NEW",
    )
    assert comparison.notes == (
        "scored with questionnaire versions 2.1.0 and 2.2.0; questions added or removed in between show as "
        "changed answers",
    )


def _with(result: Result, **questionnaire: str) -> Result:
    return result.model_copy(update={"questionnaire": result.questionnaire.model_copy(update=questionnaire)})


def test_a_different_questionnaire_is_refused() -> None:
    with pytest.raises(AssessmentError, match=r"cannot compare old\.json \(questionnaire 'other'\) with new\.yaml"):
        check_comparable(_with(BEFORE, id="other"), AFTER, "old.json", "new.yaml")


def test_a_different_major_version_is_refused_a_minor_one_is_not() -> None:
    with pytest.raises(AssessmentError, match="a new major version changes what the answers mean"):
        check_comparable(_with(BEFORE, version="1.9.0"), AFTER, "old.json", "new.yaml")
    check_comparable(_with(BEFORE, version="2.0.0"), AFTER, "old.json", "new.yaml")
