"""Shared fixtures: the CLI through its real entry point, and the questionnaires."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.cli import main
from mlops_maturity.loader import load_questionnaire
from mlops_maturity.questionnaire import Questionnaire

from support import GOLDEN, SURVEY, TINY, Run


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="Rewrite tests/golden/ from the current output.")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(name, text)``: compare with ``tests/golden/<name>``, or rewrite it with --update-goldens."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-goldens"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"{path} is missing; run pytest --update-goldens to create it"
        assert text == path.read_text(encoding="utf-8")

    return check


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
