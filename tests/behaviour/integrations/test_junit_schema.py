"""``score --format junit`` and ``--format github`` as CI systems read them: schema, gates, bad input.

``tests/data/junit/junit-10.xsd`` is the Jenkins/Surefire "junit-10.xsd"
(MIT, Gregory Boissinot), taken unchanged from the pytest 9.2.0 sdist on PyPI
(``testing/example_scripts/junit-10.xsd``), where pytest validates its own
``--junitxml`` output against it. GitLab and Azure DevOps read the same layout.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import xmlschema

from support import DATA, EXAMPLES, TINY, Run, run_process

Cli = Callable[..., Run]
SCHEMA = xmlschema.XMLSchema10(DATA / "junit" / "junit-10.xsd")
STAGE3 = EXAMPLES / "stage3-platform-serving.yaml"
PARTIAL = DATA / "answers" / "tiny-partial.yaml"
DUPLICATE = DATA / "bad" / "answers" / "duplicate-answer.yaml"


def _suite(xml: str) -> ET.Element:
    SCHEMA.validate(xml)
    suite = ET.fromstring(xml).find("testsuite")
    assert suite is not None
    return suite


def test_the_schema_rejects_what_it_should() -> None:
    # The schema really checks: a test case attribute it does not know is refused.
    bad = (
        '<testsuites><testsuite name="s" tests="1" failures="0" errors="0">'
        '<testcase name="c" line="3"/></testsuite></testsuites>'
    )
    assert not SCHEMA.is_valid(bad)


def test_a_met_gate_is_a_passing_build(cli: Cli) -> None:
    run = cli("score", STAGE3, "--format", "junit", "--min-stage", "3")
    assert run.code == 0
    suite = _suite(run.out)
    assert (suite.get("failures"), suite.get("errors")) == ("0", "0")
    assert suite.get("skipped") == "3"  # the three unmet stage-4 criteria, as information
    assert next(c.get("name") for c in suite.iter("testcase")) == "min-stage"


def test_an_unmet_gate_is_the_only_failure(cli: Cli) -> None:
    run = cli("score", STAGE3, "--format", "junit", "--min-stage", "4", "--min-level", "no")
    assert run.code == 1
    suite = _suite(run.out)
    failed = [c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None]
    assert failed == ["min-stage"]


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("stage*.yaml")), ids=lambda p: p.stem)
def test_every_example_is_valid_junit_with_and_without_gates(cli: Cli, example: Path) -> None:
    _suite(cli("score", example, "--format", "junit").out)
    _suite(cli("score", example, "--format", "junit", "--min-stage", "5", "--min-dimension", "monitoring=90").out)


def test_bad_input_is_a_junit_error_not_an_empty_file(cli: Cli) -> None:
    run = cli("score", DUPLICATE, "--format", "junit", "--questionnaire", TINY)
    assert run.code == 2
    suite = _suite(run.out)
    assert (suite.get("tests"), suite.get("errors"), suite.get("failures")) == ("1", "1", "0")
    error = suite.find("testcase/error")
    assert error is not None
    located = f"{DUPLICATE}:4: answers.deploy.prod: duplicate key 'deploy.prod' (first given on line 2)"
    assert error.get("message") == located
    assert run.err == f"error: {located}\n"


def test_a_missing_file_is_a_junit_error(cli: Cli) -> None:
    run = cli("score", "no-such.yaml", "--format", "junit")
    assert run.code == 2
    error = _suite(run.out).find("testcase/error")
    assert error is not None
    assert error.get("message") == "no-such.yaml: no such file"


def test_bad_input_is_an_error_annotation_on_the_answers_file(cli: Cli) -> None:
    run = cli("score", DUPLICATE, "--format", "github", "--questionnaire", TINY)
    assert run.code == 2
    assert run.out == (
        f"::error file={DUPLICATE},line=4,title=mlops-maturity%3A invalid input::"
        "answers.deploy.prod: duplicate key 'deploy.prod' (first given on line 2)\n"
    )
    assert run.err.startswith("error: ")


def test_every_problem_is_annotated(cli: Cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("questionnaire: tiny\nanswers:\n  deploy.prod: nine\n  deploy.whom: x\n", encoding="utf-8")
    run = cli("score", answers, "--format", "github", "--questionnaire", TINY)
    assert run.code == 2
    lines = run.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"::error file={answers},line=3,")
    assert lines[1].startswith(f"::error file={answers},line=4,")


@pytest.mark.slow
def test_bad_input_in_a_real_process_keeps_exit_2_and_the_report() -> None:
    run = run_process("score", DUPLICATE, "--format", "junit", "--questionnaire", TINY)
    assert run.code == 2
    assert "Traceback" not in run.err
    assert _suite(run.out).find("testcase/error") is not None
