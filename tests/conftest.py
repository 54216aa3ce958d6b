"""Shared fixtures: the CLI through its real entry point, and the questionnaires."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.cli import main
from mlops_maturity.loader import load_questionnaire
from mlops_maturity.questionnaire import Questionnaire

from support import TINY, Run


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


GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", default=False, help="rewrite tests/golden/ from the current output"
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """``golden(name, text)``: compare with ``tests/golden/<name>``, or rewrite it under ``--update-goldens``."""
    update = bool(request.config.getoption("--update-goldens"))

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="\n")
            return
        assert path.exists(), f"{path} is missing; run pytest --update-goldens to create it"
        assert actual == path.read_text(encoding="utf-8"), f"output differs from {path} (pytest --update-goldens)"

    return check
