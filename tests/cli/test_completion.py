"""Shell completion (typer's, through our entry point) for bash, zsh and fish."""

from __future__ import annotations

import pytest

from support import run_process

VAR = "_MLOPS_MATURITY_COMPLETE"


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F _mlops_maturity_completion mlops-maturity"),
        ("zsh", "#compdef mlops-maturity"),
        ("fish", "complete --command mlops-maturity"),
    ],
)
def test_completion_script_for_each_shell(shell: str, marker: str) -> None:
    run = run_process(env={VAR: f"source_{shell}"})
    assert run.code == 0
    assert marker in run.out


def test_bash_completes_commands() -> None:
    run = run_process(env={VAR: "complete_bash", "COMP_WORDS": "mlops-maturity sc", "COMP_CWORD": "1"})
    assert sorted(run.out.split()) == ["scan", "schema", "score"]


def test_bash_completes_score_formats() -> None:
    run = run_process(
        env={VAR: "complete_bash", "COMP_WORDS": "mlops-maturity score a.yaml --format ", "COMP_CWORD": "4"}
    )
    assert run.out.split() == ["text", "json", "markdown", "github", "junit"]


def test_fish_completes_schema_kinds() -> None:
    env = {
        VAR: "complete_fish",
        "_TYPER_COMPLETE_ARGS": "mlops-maturity schema ",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    assert run_process(env=env).out.split() == ["answers", "questionnaire", "result"]
