"""The README is a contract with newcomers: its commands and examples must stay true."""

from __future__ import annotations

import re

from mlops_maturity.engine.model.questionnaire import Questionnaire

from support import ROOT, parse_answers

README = (ROOT / "README.md").read_text()
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, flags=re.S)


def _bash_blocks() -> list[str]:
    return [body.strip() for lang, body in BLOCKS if lang == "bash"]


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    test_command = next(b for b in _bash_blocks() if b.endswith("pytest"))
    ci = (ROOT / ".ci" / "run").read_text()
    assert test_command in ci.splitlines()


def test_the_try_it_command_scores_a_shipped_example() -> None:
    first = _bash_blocks()[0]
    example = re.search(r"mlops-maturity score (\S+)", first)
    assert example and (ROOT / example.group(1)).is_file()


def test_the_answers_example_is_valid(shipped: Questionnaire) -> None:
    (yaml_block,) = [body for lang, body in BLOCKS if lang == "yaml"]
    answers = parse_answers(yaml_block, "README.md", shipped)
    assert answers.given["monitoring.latency"].reason == "batch scoring only"


def test_the_sdist_ships_everything_the_tests_read() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = pyproject.split("[tool.hatch.build.targets.sdist]")[1].split("\n[")[0]
    included = set(re.findall(r'"([^"]+)"', block))
    read: set[str] = set()
    for path in (ROOT / "tests").rglob("*.py"):
        read |= set(re.findall(r'ROOT / "([^"/]+)', path.read_text(encoding="utf-8")))
    read -= {"pyproject.toml", "([^"}  # pyproject.toml is always in an sdist; the other is this test's own pattern
    assert read and read <= included, read - included


def test_the_try_it_command_writes_nothing_into_the_checkout() -> None:
    first = _bash_blocks()[0]
    outputs = re.findall(r"(?:-o|--out) (\S+)", first)
    assert outputs
    for out in outputs:
        path = (ROOT / out).resolve()
        assert ROOT not in path.parents, out  # only .venv/, which .gitignore lists, may appear in the checkout
