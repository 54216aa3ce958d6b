"""An organisation's own questionnaire folder: a copy of the shipped one works exactly like it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.files.questionnaire.shipped import default_questionnaire_dir

from support import EXAMPLES, ROOT, Run

Cli = Callable[..., Run]
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(default_questionnaire_dir(), tmp_path / "our-questionnaire"))


def test_the_examples_exist() -> None:
    assert len(EXAMPLE_FILES) >= 5


def test_a_copy_validates(cli: Cli, copy: Path) -> None:
    assert cli("validate", copy) == Run(0, f"ok: {copy}\n", "")


@pytest.mark.parametrize("fmt", ["json", "markdown", "github", "junit"])
def test_a_copy_scores_exactly_like_the_shipped_one(cli: Cli, copy: Path, fmt: str) -> None:
    for path in EXAMPLE_FILES:
        shipped = cli("score", path, "-f", fmt, "--min-stage", "3")
        copied = cli("score", path, "-f", fmt, "--min-stage", "3", "--questionnaire", copy)
        assert copied == shipped, path


def test_the_copy_is_used_by_every_command(cli: Cli, copy: Path) -> None:
    for args in (["questions", "-f", "json"], ["schema", "answers"], ["init", "-o", "-"], ["validate"]):
        assert cli(*args, "--questionnaire", copy).code == 0, args
    assert cli("questions", "-f", "json", "--questionnaire", copy).out == cli("questions", "-f", "json").out


def test_two_injected_problems_are_both_reported(cli: Cli, copy: Path) -> None:
    head = copy / "questionnaire.yaml"
    head.write_text(head.read_text(encoding="utf-8") + "owner: platform team\n", encoding="utf-8")
    stages = copy / "stages.yaml"
    text = stages.read_text(encoding="utf-8")
    first_criterion = text.index("question: ", text.index("criteria:"))
    stages.write_text(
        text[:first_criterion] + "question: no.such_question" + text[text.index("\n", first_criterion) :],
        encoding="utf-8",
    )
    run = cli("validate", copy)
    assert run.code == 2
    problems = run.err.splitlines()
    assert len(problems) == 3, problems
    assert problems[0].startswith(f"{head}:")
    assert problems[0].endswith(
        "owner: unknown key 'owner'; valid keys here: "
        "id, version, title, description, dimensions, score_bands, system_kinds"
    )
    assert problems[1].startswith(f"{stages}:")
    assert problems[1].endswith("unknown question 'no.such_question'")
    assert problems[2] == "2 problems in 1 of 1 path(s)"
    assert cli("score", EXAMPLE_FILES[0], "--questionnaire", copy).code == 2


def test_the_questionnaire_can_come_from_the_environment(cli: Cli, copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (copy / "stages.yaml").write_text("stages: []\n", encoding="utf-8")
    monkeypatch.setenv("MLOPS_MATURITY_QUESTIONNAIRE", str(copy))
    run = cli("validate")
    assert run.code == 2
    assert run.err.startswith(f"{copy / 'stages.yaml'}:1: stages:")


ACME = ROOT / "docs" / "custom-questionnaire"


def test_the_worked_example_validates(cli: Cli) -> None:
    run = cli("validate", ACME / "questionnaire", ACME / "answers.yaml", "--questionnaire", ACME / "questionnaire")
    assert run == Run(0, f"ok: {ACME / 'questionnaire'}\nok: {ACME / 'answers.yaml'}\n", "")


def test_the_worked_example_makes_its_three_changes(cli: Cli) -> None:
    run = cli("score", ACME / "answers.yaml", "-f", "json", "--questionnaire", ACME / "questionnaire")
    assert run.code == 0
    result = json.loads(run.out)
    assert result["questionnaire"]["id"] == "acme-mlops-maturity"
    assert {d["id"]: d["weight"] for d in result["dimensions"]}["monitoring"] == 2.0
    review = next(a for a in result["answers"] if a["question"] == "collaboration.model_risk_review")
    assert (review["answer"], review["dimension"]) == ("on_request", "collaboration")
    risk = next(r for r in result["risks"] if r["id"] == "unreviewed_models")
    assert [s["question"] for s in risk["signals"]] == ["collaboration.model_risk_review"]
    assert "independent_model_review" in [d["id"] for d in result["disciplines"]]


def test_the_worked_example_schema_is_current(cli: Cli) -> None:
    printed = cli("schema", "answers", "--questionnaire", ACME / "questionnaire").out
    assert (ACME / "mlops-answers.schema.json").read_text(encoding="utf-8") == printed


def test_advice_for_an_undeclared_kind_of_system_is_reported_where_it_is(cli: Cli, copy: Path) -> None:
    stages = copy / "stages.yaml"
    text = stages.read_text(encoding="utf-8")
    assert text.count("systems: [trained]") >= 2
    stages.write_text(text.replace("systems: [trained]", "systems: [trainde]", 1), encoding="utf-8")
    run = cli("validate", copy)
    assert run.code == 2
    line = text[: text.index("systems: [trained]")].count("\n") + 1
    assert f"{stages}:{line}:" in run.err
    assert "unknown system kind 'trainde'; declared: llm, predictive, retrieval, trained" in run.err
