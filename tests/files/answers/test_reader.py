from __future__ import annotations

import datetime as dt

import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import AnswersError

from support import parse_answers


def test_short_and_long_forms(tiny: Questionnaire) -> None:
    text = (
        "questionnaire: tiny\nteam: Fraud\nassessed_on: 2026-11-22\nanswers:\n"
        "  deploy.prod: many\n  deploy.auto:\n    answer: scripted\n    evidence: runbook\n"
    )
    answers = parse_answers(text, "a.yaml", tiny)
    assert answers.team == "Fraud"
    assert answers.assessed_on == dt.date(2026, 11, 22)
    assert answers.given["deploy.prod"].answer == "many"
    assert answers.given["deploy.auto"].evidence == "runbook"
    assert answers.lines == {"deploy.prod": 5, "deploy.auto": 6}


def test_empty_values_are_unanswered(tiny: Questionnaire) -> None:
    answers = parse_answers("answers:\n  deploy.prod:\n  deploy.auto: unknown\n", "a.yaml", tiny)
    assert set(answers.given) == {"deploy.auto"}


def _problems(text: str, q: Questionnaire) -> list[str]:
    with pytest.raises(AnswersError) as info:
        parse_answers(text, "team.yaml", q)
    return [str(p) for p in info.value.problems]


def test_unknown_option_names_file_line_and_choices(tiny: Questionnaire) -> None:
    assert _problems("answers:\n  deploy.prod: weekly\n", tiny) == [
        "team.yaml:2: answers.deploy.prod: 'weekly' is not an option; choose one of: none, one, many, unknown"
    ]


def test_unknown_question_suggests_close_ids(tiny: Questionnaire) -> None:
    (problem,) = _problems("answers:\n  deploy.prd: one\n", tiny)
    assert problem.startswith(
        "team.yaml:2: answers.deploy.prd: unknown question id 'deploy.prd'; did you mean deploy.prod?"
    )


def test_every_problem_is_reported(tiny: Questionnaire) -> None:
    problems = _problems("team: T\nanswers:\n  deploy.prod: x\n  nope: y\n  deploy.who: z\n", tiny)
    assert [p.split(":")[1] for p in problems] == ["3", "4", "5"]


def test_answers_to_another_questionnaire_are_one_problem_not_their_follow_on_errors(tiny: Questionnaire) -> None:
    (problem,) = _problems("questionnaire: other\nanswers:\n  deploy.prod: x\n  nope: y\n", tiny)
    assert problem == (
        "team.yaml:1: questionnaire: this file answers questionnaire 'other', but the questionnaire in use is 'tiny', "
        "so its answers were not checked; pass --questionnaire DIR for the right one"
    )


def test_yaml_that_is_not_an_answers_file_says_so(tiny: Questionnaire) -> None:
    (problem,) = _problems("stages: [build]\nbuild:\n  script: make\n", tiny)
    assert problem == (
        "team.yaml:1: YAML, but not an answers file: its top-level keys (stages, build) include none of "
        "questionnaire, team, assessed_on, answers; answers files are written by `mlops-maturity init` or `survey`"
    )


def test_not_applicable_rules(tiny: Questionnaire) -> None:
    (no_reason,) = _problems("answers:\n  deploy.auto: not_applicable\n", tiny)
    assert "needs a reason" in no_reason
    (not_allowed,) = _problems("answers:\n  deploy.prod:\n    answer: not_applicable\n    reason: batch\n", tiny)
    assert "cannot be answered not_applicable" in not_allowed
    ok = parse_answers("answers:\n  deploy.auto:\n    answer: not_applicable\n    reason: batch only\n", "a", tiny)
    assert ok.given["deploy.auto"].reason == "batch only"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("- a\n- b\n", "expected a mapping"),
        ("team: x\n", "answers: required key is missing"),
        ("answers: {}\n", "answers:"),
        ("answers: [a]\n", "expected a mapping"),
        ("answers:\n  deploy.prod: [one]\n", "answers.deploy.prod"),
        ("answers:\n  deploy.prod: one\ncolour: red\n", "unknown key 'colour'; the top-level keys are"),
        ("answers:\n  deploy.prod:\n    answer: one\n    proof: x\n", "an answer's keys are: answer, evidence, reason"),
        ("assessed_on: yesterday\nanswers:\n  deploy.prod: one\n", "assessed_on"),
    ],
)
def test_malformed_files(tiny: Questionnaire, text: str, expected: str) -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers(text, "f.yaml", tiny)
    assert expected in str(info.value)
