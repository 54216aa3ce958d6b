"""``mlops-maturity compare`` through its real entry point."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from support import DATA, TINY, Run

QDIR = DATA / "questionnaires" / "org"
BEFORE = DATA / "compare" / "before.yaml"
AFTER = DATA / "compare" / "after.yaml"

Cli = Callable[..., Run]


def test_json_has_the_contract_keys(cli: Cli) -> None:
    data = json.loads(cli("compare", BEFORE, AFTER, "--questionnaire", QDIR, "-f", "json").out)
    assert data["team"] == "Alpha"
    assert data["stage"]["from"] == 0 and data["stage"]["to"] == 1
    assert data["level"]["from"] == "high" and data["level"]["to"] == "low"
    assert data["overall_score"]["from"] == 66.7 and data["overall_score"]["to"] == 54.1
    assert data["dimensions"][0] == {"id": "build", "title": "Build and test", "from": 25.0, "to": 50.0, "delta": 25.0}
    assert data["gaps_closed"] == ["build.tests"] and data["gaps_opened"] == ["build.registry"]
    assert {"question", "from", "to"} <= set(data["changed_answers"][0])


def test_a_saved_result_can_stand_for_either_side(cli: Cli, tmp_path: Path) -> None:
    saved = tmp_path / "q1.json"
    saved.write_text(cli("score", BEFORE, "--questionnaire", QDIR, "-f", "json").out, encoding="utf-8")
    from_files = cli("compare", BEFORE, AFTER, "--questionnaire", QDIR, "-f", "json")
    from_saved = cli("compare", saved, AFTER, "--questionnaire", QDIR, "-f", "json")
    assert from_saved.code == 0, from_saved.err
    assert from_saved.out == from_files.out


def test_a_saved_result_of_another_major_version_is_refused(cli: Cli, tmp_path: Path) -> None:
    data = json.loads(cli("score", BEFORE, "--questionnaire", QDIR, "-f", "json").out)
    data["questionnaire"]["version"] = "1.4.0"
    saved = tmp_path / "old.json"
    saved.write_text(json.dumps(data), encoding="utf-8")
    run = cli("compare", saved, AFTER, "--questionnaire", QDIR)
    assert run.code == 2
    assert run.err == (
        f"error: cannot compare {saved} (questionnaire org 1.4.0) with {AFTER} (org 2.1.0): a new major version "
        "changes what the answers mean; score both answers files with the same questionnaire (--questionnaire DIR) "
        "and compare those\n"
    )


def test_files_of_different_questionnaires_are_refused(cli: Cli) -> None:
    other = DATA / "compare" / "other-questionnaire.yaml"
    run = cli("compare", BEFORE, other, "--questionnaire", TINY)
    assert run.code == 2
    assert run.err == (
        f"error: cannot compare {BEFORE} (questionnaire 'org') with {other} (questionnaire 'tiny'): "
        "compare two assessments made with the same questionnaire\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", "not a JSON object"),
        ('{"schema_version": 7}', "result schema_version 7"),
        ('{"schema_version": 2, "team": "x"}', "not a result saved by `mlops-maturity score --format json`"),
    ],
)
def test_a_bad_saved_result_exits_2(cli: Cli, tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    run = cli("compare", bad, AFTER, "--questionnaire", QDIR)
    assert run.code == 2
    assert run.err.startswith(f"error: {bad}: ") and message in run.err


def test_a_missing_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    run = cli("compare", tmp_path / "nope.yaml", AFTER, "--questionnaire", QDIR)
    assert (run.code, run.err) == (2, f"error: {tmp_path / 'nope.yaml'}: no such file\n")


REVERSED = "the newer file is dated 2026-03-31, before the older one (2026-06-30); the arguments are OLD then NEW"


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_reversed_dates_are_said_first_on_stderr_and_in_the_output(cli: Cli, fmt: str) -> None:
    run = cli("compare", AFTER, BEFORE, "--questionnaire", QDIR, "-f", fmt)
    assert run.err.splitlines()[0] == f"warning: {REVERSED}"
    if fmt == "json":
        assert json.loads(run.out)["mismatches"] == [REVERSED]
    elif fmt == "markdown":
        assert run.out.splitlines()[2] == "> **Warning:** " + REVERSED.replace("(", "\\(").replace(")", "\\)")
    else:
        assert " ".join(run.out.split()).startswith(f"warning: {REVERSED}")


def test_another_team_is_said_first(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(BEFORE.read_text(encoding="utf-8").replace("team: Alpha", "team: Beta"), encoding="utf-8")
    run = cli("compare", other, AFTER, "--questionnaire", QDIR)
    first = "warning: the two files name different teams: 'Beta' (older) and 'Alpha' (newer)"
    assert run.err.splitlines()[0] == first
    assert " ".join(run.out.split()).startswith(first)
