"""Every command's help: laid out by the tool, with examples; each page is pinned by ``tests/golden/help/``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mlops_maturity.cli.app import COMMANDS as APP_COMMANDS

from support import EXAMPLES, Run

Cli = Callable[..., Run]
COMMANDS = ["", *(command.__name__ for command in APP_COMMANDS)]


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "root")
def test_help_page(cli: Cli, command: str) -> None:
    run = cli(*([command] if command else []), "--help")
    assert run.code == 0
    assert run.err == ""
    # What typer's Rich pages got wrong: swallowed "[default: ...]", type labels instead of metavars.
    for wrong in ("<bool>", "<list[", "<path>", " .\n", "{"):
        assert wrong not in run.out


def test_every_command_has_a_help_page() -> None:
    assert {"score", "report", "survey", "scan", "consensus", "portfolio", "badge"} <= set(COMMANDS)


@pytest.mark.parametrize("command", ["score", "report", "survey", "portfolio", "consensus", "scan"])
def test_help_shows_examples(cli: Cli, command: str) -> None:
    out = cli(command, "--help").out
    examples = out.split("Examples:\n", 1)[1].splitlines()
    assert examples
    assert all(line.startswith(f"  mlops-maturity {command}") for line in examples if line)


def test_help_lists_the_level_choices_and_the_stage_range(cli: Cli) -> None:
    assert "--min-level [no|low|high]" in cli("score", "--help").out
    assert "1 to 5 with the shipped one" in " ".join(cli("report", "--help").out.split())


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (["score", EXAMPLES / "stage1-pilot.yaml"], "text, json, markdown, github, junit"),
        (
            ["compare", EXAMPLES / "stage1-pilot.yaml", EXAMPLES / "stage2-first-deployment.yaml"],
            "text, json, markdown",
        ),
        (["portfolio", EXAMPLES], "text, json, markdown, html"),
        (["questions"], "text, json, yaml"),
    ],
)
def test_a_bad_format_gets_the_plain_choose_one_of_message(cli: Cli, args: list[object], choices: str) -> None:
    run = cli(*args, "--format", "xml")
    assert run.code == 2
    assert run.out == ""
    assert run.err == f"error: --format 'xml': choose one of: {choices}\n"


def test_a_bad_schema_kind_gets_the_same_message(cli: Cli) -> None:
    run = cli("schema", "answer")
    assert (run.code, run.err) == (2, "error: kind 'answer': choose one of: answers, questionnaire, result\n")
