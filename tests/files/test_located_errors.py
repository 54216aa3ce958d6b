"""pydantic's errors, turned into messages with the file, the line and the key path of the data."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from mlops_maturity.engine.model.questionnaire import Question, Questionnaire
from mlops_maturity.errors import Problem
from mlops_maturity.files.located_errors import pydantic_problems
from mlops_maturity.files.yaml_reader import parse


def _problems(text: str, model: type[Any]) -> tuple[Problem, ...]:
    doc = parse(text, "f.yaml")
    with pytest.raises(ValidationError) as caught:
        model.model_validate(doc.data)
    return pydantic_problems(doc, caught.value, model)


QUESTION = (
    "id: a.b\ntitle: T\ntext: T?\nhelp: H.\ndimension: d\noptions:\n  - {id: x, label: X}\n  - {id: y, label: Y}\n"
)


def test_an_unknown_key_lists_the_valid_ones_with_its_line() -> None:
    (problem,) = _problems(QUESTION + "colour: red\n", Question)
    assert (problem.line, problem.path) == (9, "colour")
    assert problem.message.startswith("unknown key 'colour'; valid keys here: id, dimension, title")


def test_a_missing_key_is_named() -> None:
    (problem,) = _problems(QUESTION.replace("help: H.\n", ""), Question)
    assert (problem.path, problem.message) == ("help", "required key is missing")


def test_a_wrong_type_says_what_it_got() -> None:
    (problem,) = _problems(
        QUESTION.replace("options:\n  - {id: x, label: X}\n  - {id: y, label: Y}\n", "options: 3\n"), Question
    )
    assert (problem.line, problem.message) == (6, "expected a list, got '3'")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            "id: A.B\n",
            "'A.B' is not a valid question id: use lower-case letters, digits, '_' and '-', in parts joined by '.'",
        ),
        ("id: a.b\n", None),
    ],
)
def test_pattern_errors_explain_the_form(bad: str, message: str | None) -> None:
    text = QUESTION.replace("id: a.b\n", bad)
    if message is None:
        Question.model_validate(parse(text, "f.yaml").data)
        return
    (problem,) = _problems(text, Question)
    assert problem.message == message


def test_a_version_error_says_how_to_write_one() -> None:
    problems = _problems("id: q\nversion: 2.0\ntitle: T\ndescription: D\n", Questionnaire)
    assert "'2.0' is not a version: write three whole numbers joined by dots, such as 1.2.0" in {
        p.message for p in problems
    }


def test_union_tags_are_dropped_from_the_path() -> None:
    """pydantic puts the union member's tag in the location (applies_when.all_of.all_of); the data has it once."""
    (problem,) = _problems(QUESTION + "applies_when: {all_of: []}\n", Question)
    assert (problem.path, problem.line) == ("applies_when.all_of", 9)
