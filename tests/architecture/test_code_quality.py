"""mypy --strict and ruff run with the test suite, so CI enforces them."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from support import ROOT


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "mypy"],
        [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks", "scripts"],
        [sys.executable, "-m", "ruff", "format", "--check", "src", "tests", "benchmarks", "scripts"],
    ],
    ids=["mypy", "ruff-check", "ruff-format"],
)
def test_static_checks_pass(command: list[str]) -> None:
    if not (ROOT / "src").is_dir() or shutil.which(command[0]) is None:
        pytest.fail("run the tests from a checkout of the repository")
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
