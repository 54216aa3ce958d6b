"""Two surveys on one answers file: the second is refused before it asks anything, and no answer is lost.

Each survey runs as a real process in its own pseudo-terminal, as two people would run them.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pexpect
import pytest

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.answers.reader import load_answers

from support import SCAN_REPO, SCANQ, run_process
from support.pty_survey import finish, spawn

pytestmark = pytest.mark.slow

REFUSED = "is editing this file now; two editors would each overwrite the other's answers, so this one stops"


def _first_answer_given(out: Path, children: list[pexpect.spawn]) -> pexpect.spawn:
    first = spawn(out, "--team", "Fraud")
    children.append(first)
    first.expect("Press Enter to start. ")
    first.sendline("")
    first.expect("> ")
    first.sendline("2")
    first.expect("Question 2 of 5")
    first.expect("> ")
    return first


def test_a_second_survey_on_the_same_file_is_refused_and_the_first_loses_nothing(
    tmp_path: Path, survey_q: Questionnaire, children: list[pexpect.spawn]
) -> None:
    out = tmp_path / "answers.yaml"
    first = _first_answer_given(out, children)

    second = spawn(out)
    children.append(second)
    second.expect(f"a survey \\(process {first.pid}\\) {REFUSED}")
    assert finish(second) == 2

    first.sendline("3")  # the first survey goes on as if nothing happened
    first.expect("Question 3 of 5")
    first.expect("> ")
    first.sendline("q")
    assert finish(first) == 0
    saved = load_answers(out, survey_q)
    assert saved.given == {"ship.prod": Answer(answer="one"), "ship.method": Answer(answer="pipeline")}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml"]  # the lock file is gone too

    again = spawn(out)  # once the first has ended, the file is free
    children.append(again)
    again.expect("Welcome back")
    again.sendcontrol("c")
    finish(again)


def test_a_killed_survey_leaves_the_file_free(tmp_path: Path, children: list[pexpect.spawn]) -> None:
    out = tmp_path / "answers.yaml"
    first = _first_answer_given(out, children)
    first.kill(signal.SIGKILL)
    first.expect(pexpect.EOF)
    again = spawn(out)
    children.append(again)
    again.expect("Welcome back")
    again.sendcontrol("c")
    finish(again)


def test_scan_write_waits_for_no_one_and_overwrites_nothing(tmp_path: Path, children: list[pexpect.spawn]) -> None:
    """``scan --write`` edits answers files too: while a survey holds the file, it is refused the same way."""
    out = tmp_path / "answers.yaml"
    first = _first_answer_given(out, children)
    before = out.read_text(encoding="utf-8")
    run = run_process("scan", SCAN_REPO, "--questionnaire", SCANQ, "--write", out)
    assert run.code == 2, run
    assert f"a survey (process {first.pid}) {REFUSED}" in run.err
    assert out.read_text(encoding="utf-8") == before
    first.sendline("q")
    assert finish(first) == 0
