"""Loading a questionnaire folder: one file per concern, every problem located, in file order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlops_maturity.cli.commands.validate import questionnaire_problems
from mlops_maturity.engine.model.questionnaire import DEFAULT_BANDS
from mlops_maturity.errors import QuestionnaireError
from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support import TINY


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "q"
    shutil.copytree(TINY, folder)
    return folder


def test_questions_come_in_the_order_of_their_dimensions(copy: Path) -> None:
    head = copy / "questionnaire.yaml"
    text = head.read_text(encoding="utf-8").replace(
        "dimensions:\n", "dimensions:\n  - {id: early, title: Early, description: Comes first.}\n"
    )
    head.write_text(text, encoding="utf-8")
    (copy / "questions" / "zz_early.yaml").write_text(
        "dimension: early\nquestions:\n  - id: early.q\n    title: T\n    text: T?\n    help: H.\n"
        "    options: [{id: a, label: A}, {id: b, label: B}]\n",
        encoding="utf-8",
    )
    q = load_questionnaire(copy)
    assert q.questions[0].id == "early.q"


def test_rules_are_optional_and_bands_default(copy: Path) -> None:
    (copy / "rules.yaml").unlink(missing_ok=True)
    q = load_questionnaire(copy)
    assert q.rules == () and q.score_bands == DEFAULT_BANDS


def test_a_question_may_not_name_its_own_dimension(copy: Path) -> None:
    path = copy / "questions" / "deploy.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - id: deploy.prod\n", "  - id: deploy.prod\n    dimension: deploy\n"
        ),
        encoding="utf-8",
    )
    (problem,) = questionnaire_problems(copy)
    assert problem.file == str(path) and problem.line == 4
    assert problem.message == "a question takes its dimension from the file ('deploy'); remove this key"


def test_every_problem_of_every_file_is_reported_in_file_order(copy: Path) -> None:
    (copy / "levels.yaml").write_text("levels: nope\n", encoding="utf-8")
    (copy / "stages.yaml").write_text(
        "stages:\n  - {number: 0, id: s, name: S, summary: S, colour: red}\n", encoding="utf-8"
    )
    problems = questionnaire_problems(copy)
    assert [Path(p.file).name for p in problems] == ["levels.yaml", "stages.yaml", "stages.yaml"]
    assert "expected a list" in problems[0].message
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(copy)
    assert caught.value.problems == tuple(problems)


def test_a_folder_without_question_files(copy: Path) -> None:
    shutil.rmtree(copy / "questions")
    messages = [p.message for p in questionnaire_problems(copy)]
    assert "no question files (questions/*.yaml)" in messages


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError, match="not a questionnaire folder"):
        load_questionnaire(tmp_path / "missing")
