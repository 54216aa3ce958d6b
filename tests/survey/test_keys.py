"""What a typed line means at a question."""

from __future__ import annotations

import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.survey.keys import Action, interpret


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", Action("choose", "none")),
        (" 3 ", Action("choose", "many")),
        ("u", Action("choose", "unknown")),
        ("U", Action("choose", "unknown")),
        ("b", Action("back")),
        ("?", Action("help")),
        ("h", Action("help")),
        ("q", Action("quit")),
        ("Q", Action("quit")),
    ],
)
def test_keys(survey_q: Questionnaire, typed: str, expected: Action) -> None:
    assert interpret(typed, survey_q.by_id["ship.prod"], has_answer=False) == expected


def test_enter_keeps_an_answer_or_asks_again(survey_q: Questionnaire) -> None:
    question = survey_q.by_id["ship.prod"]
    assert interpret("", question, has_answer=True) == Action("keep")
    assert interpret("  ", question, has_answer=False) == Action(
        "invalid", "Type a number from 1 to 3, or u, ?, b, q, then Enter."
    )


def test_numbers_out_of_range(survey_q: Questionnaire) -> None:
    question = survey_q.by_id["ship.prod"]
    for typed in ("0", "4", "10"):
        assert interpret(typed, question, False) == Action(
            "invalid", f"There is no option {int(typed)}. Type a number from 1 to 3, or u, ?, b, q."
        )


def test_digits_other_than_decimal_ones_are_not_numbers(survey_q: Questionnaire) -> None:
    question = survey_q.by_id["ship.prod"]
    assert interpret("\uff12", question, False) == Action("choose", "one")  # a full-width 2, as CJK input types it
    assert interpret("\u00b9", question, False) == Action(  # superscript one: isdigit() says yes, int() says no
        "invalid", "'\u00b9' is not one of the choices. Type a number from 1 to 3, or u, ?, b, q."
    )
    assert interpret("9" * 5000, question, False).kind == "invalid"  # past int()'s digit limit


def test_not_applicable_only_where_the_question_allows_it(survey_q: Questionnaire) -> None:
    assert interpret("n", survey_q.by_id["ship.latency"], False) == Action("not_applicable")
    assert interpret("n", survey_q.by_id["ship.prod"], False) == Action(
        "invalid", "This question always applies; type a number from 1 to 3, or u, ?, b, q."
    )


def test_the_hint_lists_n_where_it_is_offered(survey_q: Questionnaire) -> None:
    assert interpret("x", survey_q.by_id["ship.latency"], False) == Action(
        "invalid", "'x' is not one of the choices. Type a number from 1 to 3, or u, n, ?, b, q."
    )


def test_long_or_odd_input_is_echoed_short_and_escaped(survey_q: Questionnaire) -> None:
    action = interpret("yes definitely, the second one", survey_q.by_id["ship.prod"], False)
    assert action.value.startswith("'yes definitely, t...' is not one of the choices.")
    action = interpret("\x1b[31mred", survey_q.by_id["ship.prod"], False)
    assert action.value.startswith("'\\x1b[31mred' is not one of the choices.")


def test_a_scope_question_takes_no_dont_know(shipped: Questionnaire) -> None:
    """What the team runs is a fact it knows: "u" is refused there, and not offered (it crashed the survey)."""
    question = shipped.by_id["systems.trained_models"]
    action = interpret("u", question, has_answer=False)
    assert action == Action("invalid", "Your team knows this one; type a number from 1 to 3, or ?, b, q.")
    assert interpret("u", shipped.by_id["deployment.method"], has_answer=False) == Action("choose", "unknown")
