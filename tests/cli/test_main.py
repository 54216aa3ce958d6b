from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity import __version__
from mlops_maturity.engine.model.questionnaire import Questionnaire

from support import TINY, Run, run_process

Cli = Callable[..., Run]

GOOD = "team: Fraud\nanswers:\n  deploy.prod: one\n  deploy.who: platform\n  deploy.auto: scripted\n"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "team.yaml"
    path.write_text(GOOD)
    return path


def test_version_names_the_tool_and_the_questionnaire(cli: Cli, shipped: Questionnaire) -> None:
    """Output headers say "mlops-maturity 2.0.0", the questionnaire's version: --version says which is which."""
    expected = (
        f"mlops-maturity {__version__}\n"
        f"questionnaire {shipped.id} {shipped.version} (shipped; every output names the questionnaire and version "
        "it used)\n"
    )
    assert cli("--version") == Run(0, expected, "")
    assert run_process("--version").out == expected


def test_help_as_a_process() -> None:
    result = run_process("--help")
    assert result.code == 0
    for command in ("score", "questions", "init", "validate", "schema"):
        assert command in result.out


def test_score_text(cli: Cli, good: Path) -> None:
    result = cli("score", good, "--questionnaire", TINY)
    assert result.code == 0
    assert "Stage 1 of 2: One" in result.out
    assert "Automated deployment: Scripted → Automated" in result.out or "Scripted -> Automated" in result.out
    assert "\x1b[" not in result.out  # not a terminal: no colour codes


def test_score_json_is_deterministic_and_has_contract_keys(cli: Cli, good: Path) -> None:
    first = cli("score", good, "--questionnaire", TINY, "--format", "json")
    second = cli("score", good, "--questionnaire", TINY, "--format", "json")
    assert first.code == 0 and first.out == second.out
    data = json.loads(first.out)
    for key in (
        "schema_version",
        "questionnaire",
        "team",
        "stage",
        "level",
        "overall_score",
        "dimensions",
        "gaps",
        "risks",
        "disciplines",
        "unanswered",
        "warnings",
    ):
        assert key in data
    assert data["stage"] == {**data["stage"], "number": 1, "name": "One", "progress_to_next": 0.5}
    assert data["gaps"] == [
        {
            "question": "deploy.auto",
            "title": "Automated deployment",
            "dimension": "deploy",
            "current": "scripted",
            "current_label": "Scripted",
            "required": "automated",
            "required_label": "Automated",
            "stage": 2,
            "role": "defining",
        }
    ]


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        (["--min-stage", "1"], 0),
        (["--min-stage", "2"], 1),
        (["--min-level", "low"], 0),
        (["--min-level", "high"], 1),
        (["--min-dimension", "deploy=60"], 0),
        (["--min-dimension", "deploy=70"], 1),
    ],
)
def test_thresholds(cli: Cli, good: Path, flags: list[str], code: int) -> None:
    result = cli("score", good, "--questionnaire", TINY, "--format", "json", *flags)
    assert result.code == code
    assert ("below threshold" in result.err) == (code == 1)


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--min-level", "medium"], "--min-level 'medium': choose one of: no, low, high"),
        (["--min-stage", "9"], "--min-stage 9: stages run from 0 to 2"),
        (["--min-dimension", "deploy"], "write it as ID=SCORE"),
        (["--min-dimension", "ops=3"], "unknown dimension 'ops'; choose one of: deploy"),
        (["--format", "pdf"], "pdf"),
    ],
)
def test_bad_flags_exit_2(cli: Cli, good: Path, flags: list[str], message: str) -> None:
    result = cli("score", good, "--questionnaire", TINY, *flags)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_require_complete(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "partial.yaml"
    path.write_text("answers:\n  deploy.prod: one\n")
    assert cli("score", path, "--questionnaire", TINY).code == 0
    result = cli("score", path, "--questionnaire", TINY, "--require-complete")
    assert result.code == 2
    assert "2 question(s) not answered" in result.err and "deploy.who, deploy.auto" in result.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("answers:\n  deploy.prod: [one\n", "invalid YAML"),
        (
            "answers:\n  deploy.prod: weekly\n",
            "bad.yaml:2: answers.deploy.prod: 'weekly' is not an option; choose one of: none, one, many, unknown",
        ),
        ("answers:\n  deploy.nope: one\n", "bad.yaml:2: answers.deploy.nope: unknown question id 'deploy.nope'"),
    ],
)
def test_bad_answers_file_one_message_exit_2(cli: Cli, tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    result = cli("score", path, "--questionnaire", TINY)
    assert result.code == 2
    assert result.out == ""
    assert expected in result.err
    assert str(path) in result.err
    assert "Traceback" not in result.err


def test_missing_file_and_directory(cli: Cli, tmp_path: Path) -> None:
    assert "no such file" in cli("score", tmp_path / "nope.yaml").err
    assert "is a directory" in cli("score", tmp_path).err


def test_init_round_trips_and_refuses_to_overwrite(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    result = cli("init", "-o", out, "--questionnaire", TINY, "--team", 'Team "Q"')
    assert result.code == 0 and "wrote" in result.err
    text = out.read_text()
    assert "  deploy.prod:\n" in text and "many  Many" in text
    scored = cli("score", out, "--questionnaire", TINY, "--format", "json")
    data = json.loads(scored.out)
    assert data["team"] == 'Team "Q"'
    assert data["unanswered"] == ["deploy.prod", "deploy.who"]
    again = cli("init", "-o", out, "--questionnaire", TINY)
    assert again.code == 2 and "--force" in again.err
    assert cli("init", "-o", out, "--questionnaire", TINY, "--force").code == 0


def test_init_to_stdout(cli: Cli) -> None:
    result = cli("init", "-o", "-", "--questionnaire", TINY)
    assert result.code == 0 and result.out.startswith("# ") and "answers:" in result.out


def test_questions_json_shape(cli: Cli) -> None:
    data = json.loads(cli("questions", "--format", "json", "--questionnaire", TINY).out)
    assert data["questionnaire"] == {"id": "tiny", "version": "1.0.0", "title": "Tiny"}
    assert data["dimensions"][0]["id"] == "deploy"
    first = data["questions"][0]
    assert (first["id"], first["dimension"]) == ("deploy.prod", "deploy")
    assert [o["id"] for o in first["options"]] == ["none", "one", "many"]
    assert [o["points"] for o in data["questions"][2]["options"]] == [0, 1, 4]


def test_questions_text_and_yaml(cli: Cli) -> None:
    assert "1. none: None" in cli("questions", "--questionnaire", TINY).out
    assert "id: deploy.prod" in cli("questions", "--format", "yaml", "--questionnaire", TINY).out


@pytest.mark.parametrize("kind", ["answers", "questionnaire", "result"])
def test_schema(cli: Cli, kind: str) -> None:
    result = cli("schema", kind, "--questionnaire", TINY)
    data = json.loads(result.out)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_validate_reports_every_problem(cli: Cli, tmp_path: Path, good: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  deploy.prod: x\n  deploy.who: y\n")
    result = cli("validate", good, bad, "--questionnaire", TINY)
    assert result.code == 2
    assert f"ok: {good}" in result.out
    assert f"{bad}:2:" in result.err and f"{bad}:3:" in result.err
    assert "2 problems in 1 of 2 path(s)" in result.err
    assert cli("validate", TINY).code == 0


def test_no_arguments_shows_help(cli: Cli) -> None:
    result = cli()
    assert "Usage" in result.out + result.err
