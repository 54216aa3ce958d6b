"""Golden placement: every example lands where its first comment says it must."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.answers.reader import load_answers

from support import EXAMPLES

EXPECTED = re.compile(r"^# Expected: stage (\d) \((.+)\), (No|Low|High) MLOps$")
FILES = sorted(EXAMPLES.glob("stage*.yaml"))


def test_there_are_examples_at_clearly_different_stages() -> None:
    stages = {int(EXPECTED.match(f.read_text().splitlines()[0]).group(1)) for f in FILES}  # type: ignore[union-attr]
    assert len(FILES) >= 3 and len(stages) >= 3


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_example_lands_where_it_says(shipped: Questionnaire, path: Path) -> None:
    match = EXPECTED.match(path.read_text().splitlines()[0])
    assert match, f"{path.name}: first line must be '# Expected: stage N (Name), Level MLOps'"
    result = assess(shipped, load_answers(path, shipped))
    assert result.stage.number == int(match.group(1))
    assert result.stage.name == match.group(2)
    assert result.level.name == f"{match.group(3)} MLOps"
    assert result.warnings == ()
