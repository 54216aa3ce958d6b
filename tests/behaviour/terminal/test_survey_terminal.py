"""The survey end to end, through a real pseudo-terminal (pexpect) and as a process without one."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.answers.reader import load_answers

from support import SURVEY, run_process
from support.pty_survey import finish, spawn

pytestmark = pytest.mark.slow


def test_ctrl_c_keeps_answers_then_resume_and_finish(
    tmp_path: Path, survey_q: Questionnaire, children: list[pexpect.spawn]
) -> None:
    out = tmp_path / "answers.yaml"
    child = spawn(out)
    children.append(child)
    child.expect("about 1 minute")
    child.expect("Team name: ")
    child.sendline("Fraud detection")
    child.expect("Question 1 of 3")
    child.expect("> ")
    child.sendline("2")
    child.expect("Question 2 of 5")
    child.expect("> ")
    child.sendline("x")
    child.expect("'x' is not one of the choices")
    child.expect("> ")
    child.sendline("3")
    child.expect("Question 3 of 5")
    child.expect("> ")
    child.sendcontrol("c")
    child.expect("Stopped. 2 of 5 answers are saved in")
    assert finish(child) == 130
    saved = load_answers(out, survey_q)
    assert saved.team == "Fraud detection"
    assert saved.given == {"ship.prod": Answer(answer="one"), "ship.method": Answer(answer="pipeline")}

    child = spawn(out)
    children.append(child)
    child.expect("Welcome back")
    child.expect("Press Enter to start. ")
    child.sendline("")
    child.expect("Question 3 of 5")
    child.expect("> ")
    child.sendline("n")
    child.expect("Why does it not apply")
    child.sendline("batch scoring only")
    child.expect("Question 4 of 5")
    child.expect("> ")
    child.sendline("?")
    child.expect("Why it matters: Drift shows up")
    child.expect("> ")
    child.sendline("u")
    child.expect("Question 5 of 5")
    child.expect("> ")
    child.sendline("3")
    child.expect("That was the last question")
    child.expect("> ")
    child.sendline("")
    child.expect("Stage 1 of 2: First model live")
    child.expect("1 answer not known decides between stage 1 and stage 2")
    child.expect("Level: Low MLOps")
    child.expect("Find out first")  # the roadmap's first step: said once, as the answer to find out
    child.expect("Drift monitoring \\(don't know\\): holds stage 1")
    child.expect("mlops-maturity report ")
    child.expect("-o fraud-detection-report.md")
    child.expect("Enter: the full result")
    child.expect("> ")
    child.sendline("")
    child.expect("Top risks")
    child.expect("Next steps")
    child.expect("-o fraud-detection-report.md")
    assert finish(child) == 0

    scored = run_process("score", out, "--questionnaire", SURVEY, "--require-complete")
    assert scored.code == 0, scored.err
    assert "Stage 1 of 2: First model live" in scored.out


def test_q_saves_and_says_how_to_resume(tmp_path: Path, children: list[pexpect.spawn]) -> None:
    out = tmp_path / "answers.yaml"
    child = spawn(out, "--team", "T")
    children.append(child)
    child.expect("Press Enter to start. ")
    child.sendline("")
    child.expect("> ")
    child.sendline("1")
    child.expect("Question 2 of 3")
    child.expect("> ")
    child.sendline("q")
    child.expect("1 of 3 answers are saved in")
    child.expect("To carry on from question 2, run:")
    child.expect("mlops-maturity survey")
    child.expect("--out ")  # on the same line, or the next when the path is long
    assert finish(child) == 0
    assert "  ship.prod:\n    answer: none\n    evidence:\n" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_keep_every_answer(
    tmp_path: Path, survey_q: Questionnaire, children: list[pexpect.spawn], signum: int, code: int
) -> None:
    out = tmp_path / "answers.yaml"
    child = spawn(out, "--team", "T")
    children.append(child)
    child.expect("Press Enter to start. ")
    child.sendline("")
    child.expect("> ")
    child.sendline("2")
    child.expect("Question 2 of 5")
    child.expect("> ")
    child.kill(signum)
    assert finish(child) == code
    assert load_answers(out, survey_q).given == {"ship.prod": Answer(answer="one")}
    assert not list(tmp_path.glob(".*.tmp"))


def test_ascii_terminal(tmp_path: Path, children: list[pexpect.spawn]) -> None:
    child = spawn(tmp_path / "a.yaml", "--team", "Équipe", env={"PYTHONIOENCODING": "ascii"})
    children.append(child)
    child.expect("Press Enter to start. ")
    child.sendline("")
    child.expect("> ")
    screen = child.before
    assert "Survey test - ?quipe" in screen
    assert "........ " in screen and "0% answered" in screen
    assert screen.isascii()
    child.sendcontrol("c")
    assert finish(child) == 130


def test_without_a_terminal_it_points_to_init_and_score(tmp_path: Path) -> None:
    result = run_process("survey", "--out", tmp_path / "a.yaml", "--questionnaire", SURVEY)
    assert result.code == 2
    assert result.err == (
        "error: survey is interactive and needs a terminal, but stdin is not one. To fill in answers without a "
        "terminal, write a template with `mlops-maturity init -o FILE`, edit it, then run "
        "`mlops-maturity score FILE`.\n"
    )
    assert not (tmp_path / "a.yaml").exists()


def _one_left(tmp_path: Path) -> tuple[Path, str]:
    """The stage 3 example without its last answer: the survey resumes at the last question."""
    from support import EXAMPLES

    text = (EXAMPLES / "stage3-platform-serving.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.startswith("  ") and not line.startswith("    "))
    out = tmp_path / "answers.yaml"
    kept = lines[:last] + [line for line in lines[last + 1 :] if not line.startswith("    ")]
    start = kept.index("answers:\n") + 1
    scope = ["  systems.trained_models: live\n", "  systems.llm_apps: none\n", "  systems.fine_tuning: none\n"]
    out.write_text("".join(kept[:start] + scope + kept[start:]))  # what the team runs, said: one question left
    return out, lines[last].split(":")[0].strip()


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_headline_is_on_an_80x24_screen_when_the_survey_ends(tmp_path: Path) -> None:
    """A real terminal of 80x24 (tmux), read back with capture-pane: what the user sees at the end."""
    out, _ = _one_left(tmp_path)
    session = f"mm-{os.getpid()}"
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "COLUMNS", "LINES", "TMUX")}
    env.update(NO_COLOR="1", TERM="xterm")
    command = f"{shlex.quote(sys.executable)} -m mlops_maturity survey --out {shlex.quote(str(out))}; sleep 30"

    def tmux(*args: str) -> str:
        run = subprocess.run(["tmux", "-L", session, *args], capture_output=True, text=True, env=env, timeout=30)
        return run.stdout

    def screen_after(keys: list[str], wanted: str, scrollback: bool = False) -> str:
        for key in keys:
            tmux("send-keys", "-t", session, key)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            # The full result is longer than 24 lines: its top is read back from the scrollback.
            text = tmux("capture-pane", "-p", "-t", session, *(["-S", "-"] if scrollback else []))
            if wanted in text:
                return text
            time.sleep(0.2)
        raise AssertionError(f"{wanted!r} never showed; the screen was:\n{text}")

    tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", command)
    try:
        screen_after([], "Press Enter to start")
        screen_after(["Enter"], "% answered")
        screen_after(["1", "Enter"], "That was the last question")
        text = screen_after(["Enter"], "Enter: the full result")
        shown = [line.rstrip() for line in text.splitlines()]
        assert any(line.startswith("Stage 3 of 5: ") or line.startswith("Stage ") for line in shown)
        assert any(line.startswith("Level: ") for line in shown)
        assert "Next investment" in shown
        assert any(line.strip().startswith("mlops-maturity report ") for line in shown)
        assert shown[0].startswith("Store demand forecasting")  # the top of the headline has not scrolled away
        assert "Top risks" not in text
        full = screen_after(["Enter"], "Top risks", scrollback=True)
        assert "Next steps" in full
    finally:
        tmux("kill-server")


def test_ctrl_d_says_goodbye_on_its_own_line(tmp_path: Path, children: list[pexpect.spawn]) -> None:
    out = tmp_path / "answers.yaml"
    child = spawn(out, "--team", "Fraud")
    children.append(child)
    child.expect("Press Enter to start. ")
    child.sendline("")
    child.expect("Question 1 of 3")
    child.expect("> ")
    child.sendeof()
    child.expect("answers are saved")
    assert child.before.replace("\r", "").startswith("\n"), repr(child.before)
    assert finish(child) == 0


def test_a_respondent_is_written_to_the_folder_under_their_name(
    tmp_path: Path, survey_q: Questionnaire, children: list[pexpect.spawn]
) -> None:
    # A path ending in "/" is a folder; str(Path) would drop the slash, so the argument is given as typed.
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable,
        [
            *(
                "-m",
                "mlops_maturity",
                "survey",
                "--out",
                "round/",
                "--respondent",
                "Ana Lima",
                "--role",
                "data scientist",
            ),
            *("--team", "Fraud", "--questionnaire", str(SURVEY)),
        ],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
        cwd=tmp_path,
    )
    children.append(child)
    child.expect("Press Enter to start")
    child.sendline("")
    child.expect("Question 1 of 3")
    child.expect("> ")
    child.sendline("3")
    child.expect("> ")
    child.sendline("q")
    child.expect("answers are saved in round/Ana-Lima.yaml")
    assert finish(child) == 0
    saved = load_answers(tmp_path / "round" / "Ana-Lima.yaml", survey_q)
    assert (saved.team, saved.respondent, saved.role) == ("Fraud", "Ana Lima", "data scientist")
    assert saved.given == {"ship.prod": Answer(answer="many")}
