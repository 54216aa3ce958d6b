"""Shared fixtures: the CLI through its real entry point, and the questionnaires."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.cli import main
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support import GOLDEN, SURVEY, TINY, Run


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the files under tests/golden/ from the current output instead of comparing with them",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare ``text`` with ``tests/golden/NAME``; ``pytest --update-goldens`` rewrites it instead."""
    update = bool(request.config.getoption("--update-goldens"))

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            return
        assert path.is_file(), f"no golden file {path}; run `pytest --update-goldens` and review the diff"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs; if the change is intended, run `pytest --update-goldens`"

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
