"""Shared fixtures: the CLI through its real entry point, and the questionnaires."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.cli import main
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support import SURVEY, TINY, Run


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Call ``main(argv)`` in-process and capture what it prints."""

    def run(*args: str | Path) -> Run:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def shipped() -> Questionnaire:
    return load_questionnaire()


@pytest.fixture(scope="session")
def tiny() -> Questionnaire:
    return load_questionnaire(TINY)


@pytest.fixture(scope="session")
def survey_q() -> Questionnaire:
    """Two sections, a conditional question and one that allows "not applicable"."""
    return load_questionnaire(SURVEY)
