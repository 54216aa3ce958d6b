"""A blank ``init`` template is not a team at stage 0: it is listed as "not assessed yet", outside every count."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from support import EXAMPLES, Run

Cli = Callable[..., Run]


@pytest.fixture
def org(tmp_path: Path, cli: Cli) -> Path:
    for example in sorted(EXAMPLES.glob("stage*.yaml")):
        shutil.copy(example, tmp_path / example.name)
    assert cli("init", "-o", tmp_path / "new-team.yaml", "--team", "New team", "--no-schema").code == 0
    return tmp_path


def test_a_blank_template_is_left_out_of_the_distribution(cli: Cli, org: Path) -> None:
    data = json.loads(cli("portfolio", org, "-f", "json").out)
    assert [t["team"] for t in data["not_assessed"]] == ["New team"]
    assert data["not_assessed"][0]["answered"] == 0.0
    assert "New team" not in [t["team"] for t in data["teams"]]
    assert data["stage_distribution"] == {"0": 0, "1": 1, "2": 1, "3": 3, "4": 1, "5": 1}
    assert sum(data["level_distribution"].values()) == 7
    assert all("New team" not in gap["team_names"] for gap in data["common_gaps"])


def test_less_than_half_answered_is_not_assessed(cli: Cli, org: Path, tmp_path: Path) -> None:
    # Stage 1's example with its answers cut to the first few is "not assessed"; whole, it is a team.
    text = (EXAMPLES / "stage1-pilot.yaml").read_text(encoding="utf-8")
    head, answers = text.split("answers:\n", 1)
    few = "".join(answers.splitlines(keepends=True)[:5])
    (org / "stage1-pilot.yaml").write_text(head + "answers:\n" + few, encoding="utf-8")
    data = json.loads(cli("portfolio", org, "-f", "json").out)
    blank = {t["team"]: t["answered"] for t in data["not_assessed"]}
    assert sorted(blank) == ["Customer retention analytics", "New team"]
    assert 0 < blank["Customer retention analytics"] < 0.5
    assert len(data["teams"]) == 6


def test_text_and_markdown_list_them_apart(cli: Cli, org: Path) -> None:
    text = cli("portfolio", org).out
    assert text.splitlines()[0].startswith("Portfolio: 7 teams, 1 not assessed yet from 8 files")
    assert "Not assessed yet (answered less than half of the questions; not counted above):" in text
    assert "New team" in text.split("Not assessed yet")[1]
    markdown = cli("portfolio", org, "-f", "markdown").out
    assert "**Not assessed yet** (fewer than half of the questions that apply answered): " in markdown
    assert "answered): New team (0%)." in markdown
