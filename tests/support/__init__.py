"""Paths and helpers shared by the tests (importable, unlike conftest)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlops_maturity.engine.model.answers import Answers
    from mlops_maturity.engine.model.questionnaire import Questionnaire
    from mlops_maturity.engine.organisation.rows import FileError, Row

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"
TINY = DATA / "questionnaires" / "tiny"
SURVEY = DATA / "questionnaires" / "survey"
SCANQ = DATA / "questionnaires" / "scan"  # a small questionnaire with one probe of each kind
SCAN_REPO = DATA / "scan" / "basic"  # a small repository with evidence for SCANQ's probes
# Answers to SCANQ that the fixture repository supports, exceeds and contradicts.
SCAN_ANSWERS = """\
questionnaire: scanq
team: Toy
answers:
  data.versioning: cannot
  track.runs: tracker_all
  ship.container: files
  ci.tests: ci
  biz.value: measured
"""
GOLDEN = ROOT / "tests" / "golden"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_process(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``python -m mlops_maturity`` as a real process (no colour, fixed width)."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "mlops_maturity", *[str(a) for a in args]],
        capture_output=True,
        stdin=subprocess.DEVNULL,  # never the terminal pytest runs in: commands must not wait for input
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=60,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def parse_answers(text: str, file: str, questionnaire: Questionnaire) -> Answers:
    """An answers file's text, parsed and checked as ``load_answers`` does a file's."""
    from mlops_maturity.files.answers.reader import check_answers
    from mlops_maturity.files.yaml_reader import parse

    return check_answers(parse(text, file), questionnaire)


def read_one(q: Questionnaire, path: Path | str) -> Row | FileError:
    """One file's portfolio row, through the reader every portfolio uses."""
    from mlops_maturity.files.portfolio.reader import read_rows

    return next(read_rows(q, [path], jobs=1))
