"""A long-form answer with ``evidence:`` but no ``answer:`` is not answered, and every output says so."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from support import EXAMPLES, Run

Cli = Callable[..., Run]
EVIDENCE = "Feast repo fraud-features, used by 3 models"


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    text = (EXAMPLES / "stage3-platform-serving.yaml").read_text(encoding="utf-8")
    assert "  features.store: shared_tables\n" in text
    path = tmp_path / "answers.yaml"
    path.write_text(
        text.replace("  features.store: shared_tables\n", f'  features.store:\n    evidence: "{EVIDENCE}"\n')
    )
    return path


def _note(path: Path) -> str:
    line = path.read_text(encoding="utf-8").splitlines().index("  features.store:") + 1
    return (
        f"note: {path}:{line}: answers.features.store: evidence is given but no answer, so the question counts as not "
        "answered; add `answer:` with one of its options (`mlops-maturity questions` lists them)"
    )


def test_validate_says_so(cli: Cli, answers: Path) -> None:
    run = cli("validate", answers)
    assert run.code == 0
    assert run.err.splitlines() == [_note(answers)]


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_score_says_so_in_every_format(cli: Cli, answers: Path, fmt: str) -> None:
    run = cli("score", answers, "-f", fmt)
    assert run.code == 0
    assert _note(answers) in run.err.splitlines()


def test_the_evidence_is_kept_in_the_result(cli: Cli, answers: Path) -> None:
    record = next(
        a for a in json.loads(cli("score", answers, "-f", "json").out)["answers"] if a["question"] == "features.store"
    )
    assert (record["status"], record["evidence"]) == ("unanswered", EVIDENCE)


def test_the_report_quotes_it_under_to_resolve(cli: Cli, answers: Path) -> None:
    report = cli("report", answers).out
    to_resolve = report.split("### Unknowns to resolve", 1)[1]
    assert f"(evidence given but no answer: “{EVIDENCE}”)" in to_resolve
