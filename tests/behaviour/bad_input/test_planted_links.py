"""A shared writable folder: links planted by someone else never make a command write elsewhere.

Each writer is run through the real CLI with its output in a folder where "another user" has
planted links: one at every temporary name the writer could be expected to use, one at the output
name itself. The file the links point to must never change, and a link at the output name is
refused by name rather than written through or silently replaced.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.cli.commands.survey import run as survey_run
from mlops_maturity.errors import MaturityError
from mlops_maturity.files.writing import temporary_name, write_atomic

from support import DATA, EXAMPLES, SCAN_REPO, SCANQ, SURVEY, TINY, Run
from support.scripted_io import Script

Cli = Callable[..., Run]
VICTIM_TEXT = "precious: do not overwrite\n"
TEAM = EXAMPLES / "stage2-first-deployment.yaml"


def _writers(shared: Path) -> dict[str, tuple[list[str | Path], list[str]]]:
    """command -> (its arguments, the names it writes in ``shared``)."""
    respondents = EXAMPLES / "consensus" / "respondents"
    return {
        "report": (["report", TEAM, "-o", shared / "report.md"], ["report.md", "report.svg"]),
        "init": (["init", "-o", shared / "answers.yaml", "--force", "--questionnaire", TINY], ["answers.yaml"]),
        "badge": (["badge", TEAM, "-o", shared / "badge.svg"], ["badge.svg"]),
        "portfolio": (["portfolio", TEAM, "-o", shared / "portfolio.md"], ["portfolio.md"]),
        "consensus": (["consensus", respondents, "-o", shared / "team.yaml"], ["team.yaml"]),
        "scan": (
            ["scan", SCAN_REPO, "--questionnaire", SCANQ, "--write", shared / "answers.yaml"],
            ["answers.yaml"],
        ),
    }


WRITERS = sorted(_writers(Path()))


def _plant(shared: Path, names: list[str], victim: Path) -> list[Path]:
    """Links at every predictable temporary name (the old ``.NAME.PID.tmp``) for each output."""
    links = []
    for name in names:
        link = shared / f".{name}.{os.getpid()}.tmp"
        link.symlink_to(victim)
        links.append(link)
    return links


@pytest.mark.parametrize("command", WRITERS)
def test_a_link_at_the_temporary_name_is_never_written_through(cli: Cli, tmp_path: Path, command: str) -> None:
    shared, victim = tmp_path / "shared", tmp_path / "victim.txt"
    shared.mkdir()
    victim.write_text(VICTIM_TEXT)
    args, names = _writers(shared)[command]
    _plant(shared, names, victim)
    run = cli(*args)
    assert run.code in (0, 1), run.err  # written (scan --write and report may end 0; nothing below exits 2)
    assert victim.read_text() == VICTIM_TEXT
    for name in names:
        written = shared / name
        assert written.is_file() and not written.is_symlink(), name
        assert written.read_text() != VICTIM_TEXT


@pytest.mark.parametrize("command", WRITERS)
def test_a_link_at_the_output_name_is_refused(cli: Cli, tmp_path: Path, command: str) -> None:
    shared, victim = tmp_path / "shared", tmp_path / "victim.txt"
    shared.mkdir()
    victim.write_text(VICTIM_TEXT)
    args, names = _writers(shared)[command]
    first = shared / names[0]
    first.symlink_to(victim)
    run = cli(*args)
    assert run.code == 2, run
    assert f"{first}: is a symbolic link; the tool replaces files, never what a link points to" in run.err
    assert "Traceback" not in run.err
    assert first.is_symlink() and victim.read_text() == VICTIM_TEXT


def test_the_survey_refuses_a_link_as_its_answers_file_before_the_first_question(tmp_path: Path) -> None:
    victim, link = tmp_path / "victim.txt", tmp_path / "answers.yaml"
    victim.write_text(VICTIM_TEXT)
    link.symlink_to(victim)
    io = Script(["Fraud", "2"])
    with pytest.raises(MaturityError, match="is a symbolic link; the tool replaces files"):
        survey_run(link, None, SURVEY, io, io.layout)
    assert io.prompts == []  # refused before anything was asked
    assert victim.read_text() == VICTIM_TEXT and link.is_symlink()


def test_temporary_names_cannot_be_predicted(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    names = {temporary_name(target).name for _ in range(200)}
    assert len(names) == 200
    assert all(n.startswith(".out.md.") and n.endswith(".tmp") for n in names)
    assert f".out.md.{os.getpid()}.tmp" not in names


def test_a_taken_temporary_name_is_skipped_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a guessed name (here: forced) is opened with O_EXCL | O_NOFOLLOW, so the link stays untouched."""
    victim, target = tmp_path / "victim.txt", tmp_path / "out.md"
    victim.write_text(VICTIM_TEXT)
    guessed = tmp_path / ".out.md.guessed.tmp"
    guessed.symlink_to(victim)
    names = iter([guessed, tmp_path / ".out.md.fresh.tmp"])
    monkeypatch.setattr("mlops_maturity.files.writing.temporary_name", lambda path: next(names))
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert victim.read_text() == VICTIM_TEXT and guessed.is_symlink()


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("old\n")
    path.chmod(0o600)
    write_atomic(path, "new\n")
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_writers_are_the_ones_the_cli_has() -> None:
    """A new command that writes a file must be added above."""
    sources = (DATA.parents[1] / "src" / "mlops_maturity").rglob("*.py")
    users = sorted(p.stem for p in sources if "write_atomic(" in p.read_text() and p.parent.name != "files")
    assert users == ["badge", "consensus", "init", "portfolio", "prefill", "report", "survey"]
