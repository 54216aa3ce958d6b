"""Every command that writes a file with ``-o`` makes its folder as ``mkdir -p`` would (a CI job's ``docs/``
may not exist yet), and refuses a folder given as the file, naming a file that would do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support import EXAMPLES, Run

Cli = Callable[..., Run]
EXAMPLE = EXAMPLES / "stage3-platform-serving.yaml"
RESPONDENTS = EXAMPLES / "consensus" / "respondents"

COMMANDS: dict[str, tuple[list[str | Path], str]] = {
    "init": (["init"], "mlops-answers.yaml"),
    "report": (["report", EXAMPLE], "report.md"),
    "badge": (["badge", EXAMPLE], "badge.svg"),
    "portfolio": (["portfolio", EXAMPLE], "portfolio.md"),
    "consensus": (["consensus", RESPONDENTS], "team.yaml"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_folder_is_made(cli: Cli, tmp_path: Path, command: str) -> None:
    args, name = COMMANDS[command]
    out = tmp_path / "docs" / "deep" / name
    run = cli(*args, "-o", out)
    assert run.code == 0, run.err
    assert out.is_file() and out.stat().st_size > 0
    assert str(out) in "".join((run.err + run.out).split())  # said where it went (consensus: in its text, wrapped)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_folder_is_not_a_file(cli: Cli, tmp_path: Path, command: str) -> None:
    args, name = COMMANDS[command]
    run = cli(*args, "-o", tmp_path)
    assert run.code == 2
    assert run.err.startswith(f"error: -o {tmp_path}: is a directory; give a file name such as {tmp_path / name}")
    assert list(tmp_path.iterdir()) == []
