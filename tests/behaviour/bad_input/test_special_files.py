"""Links out of a folder, named pipes and other special files, wherever the tool finds files to read.

A questionnaire folder, like a report template folder, is read only from inside itself: a link
to a token file or to ``/etc/passwd`` is refused, and its target's text never reaches the
output. A named pipe never makes a command wait: one found in a folder (or named outright) is
refused by name, exit 2. These files cannot live in git, so each test makes its own.

Every command runs as a real process with a short time limit, so a command that would hang
fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import DATA, EXAMPLES, SCANQ, TINY, Run

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and links need a POSIX system")

SECRET = "ghp_s3cr3tT0kenThatMustNeverBePrinted"
PASSWD = "".join(f"user{i}:x:{1000 + i}:{1000 + i}:User {i},,,:/home/user{i}:/bin/bash\n" for i in range(24))
TEAM = EXAMPLES / "stage2-first-deployment.yaml"
FRAUD = DATA / "report" / "fraud.yaml"
REPORT_Q = DATA / "questionnaires" / "report"


def run(*args: str | Path, limit: float = 20) -> Run:
    """The CLI as a process that is killed after ``limit`` seconds (a hang is a failure, not a stall)."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "mlops_maturity", *map(str, args)],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"mlops-maturity {' '.join(map(str, args))} still ran after {limit}s")
    return Run(proc.returncode, proc.stdout, proc.stderr)


def _copy(source: Path, tmp_path: Path, name: str = "q") -> Path:
    folder = tmp_path / name
    shutil.copytree(source, folder)
    return folder


@pytest.fixture
def secrets(tmp_path: Path) -> tuple[Path, Path]:
    """A token file and a password-file look-alike, outside every folder the tests read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    token, passwd = outside / "token", outside / "passwd"
    token.write_text(SECRET + "\n")
    passwd.write_text(PASSWD)
    return token, passwd


# --- links out of a questionnaire folder (item 2) ---------------------------------------------------


@pytest.mark.parametrize("part", ["questions/zz.yaml", "stages.yaml", "questionnaire.yaml", "rules.yaml"])
@pytest.mark.parametrize("which", ["token", "passwd"])
def test_a_link_out_of_a_questionnaire_folder_is_refused_and_its_target_not_printed(
    tmp_path: Path, secrets: tuple[Path, Path], part: str, which: str
) -> None:
    folder = _copy(TINY, tmp_path)
    target = secrets[0] if which == "token" else secrets[1]
    (folder / part).unlink(missing_ok=True)
    (folder / part).symlink_to(target)
    for result in (run("validate", folder), run("score", TEAM, "--questionnaire", folder)):
        assert result.code == 2, result
        assert f"{folder / part}: links to {target}, outside the questionnaire folder {folder}" in result.err
        assert SECRET not in result.err + result.out
        assert "user1:x" not in result.err + result.out
        assert "Traceback" not in result.err


def test_a_questions_folder_that_links_out_is_refused(tmp_path: Path) -> None:
    folder = _copy(TINY, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (folder / "questions").rename(elsewhere)
    (folder / "questions").symlink_to(elsewhere, target_is_directory=True)
    result = run("validate", folder)
    assert result.code == 2, result
    assert f"{folder / 'questions' / 'deploy.yaml'}: links to {elsewhere / 'deploy.yaml'}, outside" in result.err


def test_a_probes_file_that_links_out_is_refused(tmp_path: Path, secrets: tuple[Path, Path]) -> None:
    folder = _copy(SCANQ, tmp_path)
    (folder / "probes.yaml").unlink()
    (folder / "probes.yaml").symlink_to(secrets[1])
    result = run("validate", folder)
    assert result.code == 2, result
    assert f"{folder / 'probes.yaml'}: links to {secrets[1]}, outside the questionnaire folder" in result.err
    assert "user1:x" not in result.err


def test_links_inside_the_folder_are_followed(tmp_path: Path) -> None:
    folder = _copy(TINY, tmp_path)
    (folder / "shared").mkdir()
    (folder / "stages.yaml").rename(folder / "shared" / "stages.yaml")
    (folder / "stages.yaml").symlink_to(Path("shared") / "stages.yaml")
    linked = tmp_path / "linked-q"
    linked.symlink_to(folder, target_is_directory=True)  # the folder itself may be reached through a link
    for where in (folder, linked):
        result = run("validate", where)
        assert result.code == 0, result.err


def test_a_file_that_is_not_what_it_should_be_is_quoted_short(tmp_path: Path) -> None:
    """A question file that holds a long text (a pasted file, say): at most a short, escaped excerpt is printed."""
    folder = _copy(TINY, tmp_path)
    (folder / "questions" / "zz.yaml").write_text(PASSWD)
    result = run("validate", folder)
    assert result.code == 2, result
    start, length = PASSWD[:20], len(" ".join(PASSWD.split("\n")).rstrip())  # YAML folds the lines into one
    assert f"{folder / 'questions' / 'zz.yaml'}:1: expected a mapping (key: value), got '{start}" in result.err
    assert f"({length:,} characters)" in result.err
    assert "user2:x" not in result.err
    assert len(result.err) < 400, result.err


# --- named pipes and other special files (item 8) ---------------------------------------------------


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_a_named_pipe_in_a_questionnaire_folder_is_refused_not_waited_on(tmp_path: Path) -> None:
    folder = _copy(TINY, tmp_path)
    pipe = _fifo(folder / "questions" / "more.yaml")
    result = run("validate", folder)
    assert result.code == 2, result
    assert f"{pipe}: a named pipe (FIFO), not a regular file; expected a YAML file" in result.err


@pytest.mark.parametrize("part", ["questionnaire.yaml", "stages.yaml", "rules.yaml"])
def test_a_named_pipe_as_a_questionnaire_part_is_refused(tmp_path: Path, part: str) -> None:
    folder = _copy(TINY, tmp_path)
    (folder / part).unlink()
    _fifo(folder / part)
    result = run("score", TEAM, "--questionnaire", folder)
    assert result.code == 2, result
    assert f"{folder / part}: a named pipe (FIFO), not a regular file" in result.err


@pytest.mark.parametrize("command", ["portfolio", "validate", "consensus"])
def test_a_named_pipe_in_a_folder_of_answers_files_is_refused_by_name(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    shutil.copy(TEAM, folder / "team.yaml")
    pipe = _fifo(folder / "zz-pipe.yaml")
    result = run(command, folder)
    assert result.code == 2, result
    assert f"{pipe}: a named pipe (FIFO), not a regular file; expected a YAML file" in result.err


def test_a_named_pipe_given_as_the_answers_file_is_refused(tmp_path: Path) -> None:
    pipe = _fifo(tmp_path / "team.yaml")
    result = run("score", pipe)
    assert result.code == 2, result
    assert result.err == f"error: {pipe}: a named pipe (FIFO), not a regular file; expected a YAML file\n"


def test_a_device_given_as_the_answers_file_is_refused(tmp_path: Path) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null here")
    result = run("score", "/dev/null")
    assert result.code == 2, result
    assert "/dev/null: a device, not a regular file; expected a YAML file" in result.err


@pytest.mark.parametrize("name", ["report.md.j2", "sections/summary.md.j2"])
def test_a_named_pipe_as_a_template_is_refused_not_silently_replaced(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "templates"
    (folder / "sections").mkdir(parents=True)
    pipe = _fifo(folder / name)
    result = run("report", FRAUD, "--questionnaire", REPORT_Q, "--template-dir", folder)
    assert result.code == 2, result
    assert result.out == ""
    assert f"{pipe}: a named pipe (FIFO), not a regular file; expected a template file" in result.err
