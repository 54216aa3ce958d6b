"""Lists and mappings that are empty, too short or too long are described in the tool's words, once.

Pydantic says "Dictionary should have at least 1 item after validation, not 0"; the tool says what
is empty and what to give. A list found empty only because every one of its items was wrong adds
no line of its own: the items' errors say it all.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from support import SCAN_REPO, SCANQ, TINY, Run

Cli = Callable[..., Run]


def _repository(tmp_path: Path, annotations: str) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(SCAN_REPO, repo)
    (repo / ".mlops-maturity.yaml").write_text(annotations)
    return repo


def test_every_annotation_wrong_gives_their_errors_and_nothing_about_an_empty_list(cli: Cli, tmp_path: Path) -> None:
    repo = _repository(tmp_path, "annotations:\n  - {reason: x}\n  - {probes: [zz], bogus: 1}\n")
    run = cli("scan", repo, "--questionnaire", SCANQ)
    assert run.code == 2
    file = repo / ".mlops-maturity.yaml"
    assert run.err.splitlines() == [
        f"error: {file}:2: annotations[0]: say which findings: give probes, questions or paths (or several)",
        f"{file}:3: annotations[1].reason: required key is missing",
        f"{file}:3: annotations[1].bogus: unknown key 'bogus'; "
        "valid keys here: probes, questions, paths, action, reason",
    ]


def test_an_empty_annotations_list(cli: Cli, tmp_path: Path) -> None:
    repo = _repository(tmp_path, "annotations: []\n")
    run = cli("scan", repo, "--questionnaire", SCANQ)
    assert run.code == 2
    assert run.err == f"error: {repo / '.mlops-maturity.yaml'}:1: annotations: is empty; give at least one annotation\n"


def test_an_empty_answers_mapping(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text("team: T\nanswers: {}\n")
    run = cli("score", path, "--questionnaire", TINY)
    assert run.code == 2
    assert run.err == f"error: {path}:2: answers: is empty; give at least one answer (key: value)\n"


def test_too_many_annotations(cli: Cli, tmp_path: Path) -> None:
    repo = _repository(tmp_path, "annotations:\n" + "  - {paths: [x], reason: r}\n" * 501)
    run = cli("scan", repo, "--questionnaire", SCANQ)
    assert run.code == 2
    assert run.err == (
        f"error: {repo / '.mlops-maturity.yaml'}:1: annotations: has 501 annotations; at most 500 are allowed here\n"
    )


def test_a_list_too_short_as_written_is_said_even_when_its_items_are_wrong_too(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "q"
    shutil.copytree(TINY, folder)
    (folder / "stages.yaml").write_text("stages:\n  - {number: 0, id: s, name: S, summary: S, colour: red}\n")
    run = cli("validate", folder)
    assert run.code == 2
    assert run.err.splitlines()[:2] == [
        f"{folder / 'stages.yaml'}:1: stages: has 1 stage; give at least 2",
        f"{folder / 'stages.yaml'}:2: stages[0].colour: unknown key 'colour'; valid keys here: number, id, name, "
        "summary, meaning, summary_kinds, meaning_kinds, readings, criteria, risks, disciplines",
    ]
