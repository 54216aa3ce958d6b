"""``mlops-maturity validate``: every problem of every file, in one run, without follow-on noise."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from support import DATA, EXAMPLES, ROOT, TINY, Run

Cli = Callable[..., Run]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the tiny questionnaire to break."""
    return Path(shutil.copytree(TINY, tmp_path / "q"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_copy_validates(cli: Cli, folder: Path) -> None:
    assert cli("validate", folder) == Run(0, f"ok: {folder}\n", "")


def test_two_problems_of_different_kinds_in_different_files(cli: Cli, folder: Path) -> None:
    edit(
        folder / "questions" / "deploy.yaml",
        "    help: Counting helps.\n",
        "    help: Counting helps.\n    colour: blue\n",
    )
    edit(
        folder / "stages.yaml",
        "{question: deploy.auto, at_least: automated}",
        "{question: deploy.autox, at_least: automated}",
    )
    run = cli("validate", folder)
    assert run.code == 2
    assert run.err.splitlines() == [
        f"{folder / 'questions' / 'deploy.yaml'}:7: questions[0].colour: unknown key 'colour'; valid keys here: "
        "id, dimension, title, text, help, options, weight, allow_not_applicable, applies_when, "
        "retired_options, changed_in, outcome, scope, default, systems",
        f"{folder / 'stages.yaml'}:16: stages[2].criteria[1]: unknown question 'deploy.autox'",
        "2 problems in 1 of 1 path(s)",
    ]


def test_a_broken_question_is_not_reported_again_as_missing(cli: Cli, folder: Path) -> None:
    # deploy.prod loses its options; the stage and level criteria that use it must not each add an error.
    edit(
        folder / "questions" / "deploy.yaml",
        "      - {id: none, label: None}\n      - {id: one, label: One}\n      - {id: many, label: Many}\n",
        "      - {id: none, label: None}\n",
    )
    run = cli("validate", folder)
    assert run.code == 2
    assert run.err.splitlines() == [
        f"{folder / 'questions' / 'deploy.yaml'}:7: questions[0].options: has 1 option; give at least 2",
        "1 problem in 1 of 1 path(s)",
    ]


def test_an_unreadable_questions_file_still_lets_the_other_files_be_checked(cli: Cli, folder: Path) -> None:
    edit(folder / "questions" / "deploy.yaml", "dimension: deploy\n", "dimension: deploy\n  bad: [\n")
    edit(folder / "stages.yaml", "    risks: [{id: r2, title: R2, description: D, questions: [deploy.auto]}]\n", "")
    edit(folder / "stages.yaml", "addresses: [r2]", "addresses: [r1]")
    lines = cli("validate", folder).err.splitlines()
    assert len(lines) == 4, lines
    assert lines[0].startswith(f"{folder / 'questions' / 'deploy.yaml'}:2: invalid YAML")
    assert lines[1:] == [
        f"{folder / 'stages.yaml'}:10: stages[2]: stage 2 has no risks",
        f"{folder / 'stages.yaml'}:17: stages[2].disciplines[0].addresses: risk 'r1' is not a risk of stage 2; "
        "choose one of: ",
        "3 problems in 1 of 1 path(s)",
    ]


def test_a_broken_stages_file_still_lets_rules_be_checked(cli: Cli, folder: Path) -> None:
    edit(
        folder / "stages.yaml",
        "  - {number: 0, id: start, name: Start, summary: Nothing yet.}\n",
        "  - {number: 0, id: start, name: Start, summary: Nothing yet., colour: red}\n",
    )
    edit(
        folder / "rules.yaml", "question: deploy.auto, at_least: automated", "question: deploy.auto, at_least: robotic"
    )
    assert cli("validate", folder).err.splitlines() == [
        f"{folder / 'rules.yaml'}:3: rules[0].when: 'robotic' is not an option of 'deploy.auto'; "
        "choose one of: manual, scripted, automated",
        f"{folder / 'stages.yaml'}:2: stages[0].colour: unknown key 'colour'; valid keys here: "
        "number, id, name, summary, meaning, summary_kinds, meaning_kinds, readings, criteria, risks, disciplines",
        "2 problems in 1 of 1 path(s)",
    ]


def test_duplicate_ids_are_reported_alone(cli: Cli, folder: Path) -> None:
    # Every reference to a duplicated id is ambiguous, so nothing else is checked until they are fixed.
    edit(folder / "stages.yaml", "risks: [{id: r2,", "risks: [{id: r1,")
    edit(folder / "levels.yaml", "{id: high,", "{id: low,")
    assert cli("validate", folder).err.splitlines() == [
        f"{folder / 'levels.yaml'}:4: levels[2].id: duplicate level id 'low'",
        f"{folder / 'stages.yaml'}:17: stages[2].risks: duplicate risk id 'r1'",
        "2 problems in 1 of 1 path(s)",
    ]


def test_a_stage_without_risks_or_disciplines(cli: Cli, folder: Path) -> None:
    edit(folder / "stages.yaml", "    risks: [{id: r2, title: R2, description: D, questions: [deploy.auto]}]\n", "")
    edit(
        folder / "stages.yaml",
        "    disciplines: [{id: d2, title: D2, description: D, addresses: [r2], improves: [deploy.prod]}]\n",
        "",
    )
    assert cli("validate", folder).err.splitlines() == [
        f"{folder / 'stages.yaml'}:10: stages[2]: stage 2 has no risks",
        f"{folder / 'stages.yaml'}:10: stages[2]: stage 2 has no disciplines",
        "2 problems in 1 of 1 path(s)",
    ]


def test_questions_that_wait_for_each_other(cli: Cli, folder: Path) -> None:
    # Neither question would ever be asked, so no stage above 0 could be reached.
    edit(
        folder / "questions" / "deploy.yaml",
        "    help: Counting helps.\n",
        "    help: Counting helps.\n    applies_when: {question: deploy.auto, at_least: scripted}\n",
    )
    assert cli("validate", folder).err.splitlines() == [
        f"{folder / 'questions' / 'deploy.yaml'}:7: questions[0].applies_when: "
        "applies_when of 'deploy.prod' depends on itself through other questions",
        f"{folder / 'questions' / 'deploy.yaml'}:25: questions[2].applies_when: "
        "applies_when of 'deploy.auto' depends on itself through other questions",
        "2 problems in 1 of 1 path(s)",
    ]


def test_answers_files_and_folders_together(cli: Cli, folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  deploy.prod: several\n  deploy.atuo: manual\n", encoding="utf-8")
    good = DATA / "answers" / "tiny-top.yaml"
    run = cli("validate", good, bad, folder, "--questionnaire", TINY)
    assert run.code == 2
    assert run.out == f"ok: {good}\nok: {folder}\n"
    assert run.err.splitlines() == [
        f"{bad}:2: answers.deploy.prod: 'several' is not an option; choose one of: none, one, many, unknown",
        f"{bad}:3: answers.deploy.atuo: unknown question id 'deploy.atuo'; did you mean deploy.auto, deploy.who? "
        "run `mlops-maturity questions` for the list",
        "2 problems in 1 of 3 path(s)",
    ]


def test_a_folder_of_questionnaires_is_validated_folder_by_folder(cli: Cli) -> None:
    run = cli("validate", ROOT / "questionnaires")
    assert (run.code, run.err) == (0, "")
    assert run.out == f"ok: {ROOT / 'questionnaires' / 'mlops-maturity'}\n"


def test_a_folder_of_answers_files_is_validated_file_by_file_at_any_depth(cli: Cli) -> None:
    """``validate examples/`` reads the folder as ``portfolio examples/`` does: every answers file under it."""
    from mlops_maturity.files.portfolio.reader import answers_files

    run = cli("validate", EXAMPLES)
    assert (run.code, run.err) == (0, "")
    checked = [line.removeprefix("ok: ") for line in run.out.splitlines()]
    assert checked == answers_files([EXAMPLES])  # the one rule for folders
    assert str(EXAMPLES / "consensus" / "respondents" / "ana-lima.yaml") in checked  # a subfolder's too
    assert len(checked) == 12  # seven teams (five of trained models, two with LLM systems), five consensus files


def test_a_questionnaire_folder_found_in_a_folder_is_checked_as_one(cli: Cli, tmp_path: Path) -> None:
    shutil.copytree(TINY, tmp_path / "org" / "our-questionnaire")
    team = tmp_path / "org" / "teams" / "fraud"
    team.mkdir(parents=True)
    (team / "2026-q3.yaml").write_text("team: Fraud\nanswers:\n  deploy.prod: one\n", encoding="utf-8")
    run = cli("validate", tmp_path / "org", "--questionnaire", TINY)
    assert (run.code, run.err) == (0, "")
    assert run.out.splitlines() == [f"ok: {tmp_path / 'org' / 'our-questionnaire'}", f"ok: {team / '2026-q3.yaml'}"]


def test_a_folder_of_something_else_says_what_was_meant(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("hello", encoding="utf-8")
    run = cli("validate", tmp_path)
    assert run.code == 2
    assert "no such file" not in run.err
    assert run.err.splitlines()[0].startswith(f"{tmp_path}: a folder with no questionnaire.yaml")
    assert "give answers files, a folder of them, or a questionnaire folder" in run.err


def test_a_broken_questionnaire_folder_is_still_one(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "stages.yaml").write_text("stages: []\n", encoding="utf-8")
    run = cli("validate", tmp_path)
    assert run.code == 2
    assert f"{tmp_path / 'questionnaire.yaml'}: no such file" in run.err


def test_a_date_in_another_format_says_use_yyyy_mm_dd(cli: Cli, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("team: x\nassessed_on: 30/09/2026\nanswers:\n  strategy.decision_link: unknown\n", "utf-8")
    expected = f"{answers}:2: assessed_on: '30/09/2026' is not a date; use YYYY-MM-DD, for example 2026-09-30"
    for command in ("validate", "score"):
        run = cli(command, answers)
        assert run.code == 2
        assert run.err.splitlines()[0] == (expected if command == "validate" else f"error: {expected}")
        assert "Input should be" not in run.err  # not pydantic's own words
