"""The shipped questionnaire's JSON snapshot: fresh, equal to the YAML, ignored whenever it cannot be trusted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mlops_maturity.files.questionnaire import loader, snapshot
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.questionnaire.shipped import default_questionnaire_dir

from support import ROOT

SHIPPED = default_questionnaire_dir()
IN_REPOSITORY = ROOT / "questionnaires" / "mlops-maturity"  # where scripts/regenerate.py writes, never site-packages


def test_the_installed_questionnaire_is_the_repository_one() -> None:
    """A non-editable install tests a copy: after an edit, this says to reinstall instead of testing stale data."""
    for path in sorted(IN_REPOSITORY.rglob("*")):
        if path.is_file():
            installed = SHIPPED / path.relative_to(IN_REPOSITORY)
            assert installed.read_bytes() == path.read_bytes(), (
                f"{installed} differs from {path}: reinstall (pip install .) or use the editable install "
                "the README describes for development"
            )


def test_the_snapshot_rebuilds_the_same_questionnaire() -> None:
    from_yaml = load_questionnaire(SHIPPED)
    rebuilt = snapshot.load_snapshot(SHIPPED)
    assert rebuilt is not None
    assert rebuilt == from_yaml
    assert rebuilt.model_dump() == from_yaml.model_dump()
    assert [type(q.applies_when) for q in rebuilt.questions] == [type(q.applies_when) for q in from_yaml.questions]
    assert [type(r.when) for r in rebuilt.rules] == [type(r.when) for r in from_yaml.rules]


def test_the_default_questionnaire_comes_from_the_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_yaml(directory: Path) -> None:
        raise AssertionError(f"parsed the YAML in {directory}")

    loader._load_default.cache_clear()
    monkeypatch.setattr(loader, "_load", no_yaml)
    try:
        assert load_questionnaire().id == "mlops-maturity"
    finally:
        loader._load_default.cache_clear()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "q"
    shutil.copytree(SHIPPED, target)
    return target


def test_an_edited_questionnaire_is_read_from_its_yaml(copy: Path) -> None:
    assert snapshot.load_snapshot(copy) is not None
    head = copy / "questionnaire.yaml"
    head.write_text(head.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert snapshot.load_snapshot(copy) is None


def test_a_new_question_file_makes_the_snapshot_stale(copy: Path) -> None:
    shutil.copy(next((copy / "questions").glob("*.yaml")), copy / "questions" / "zz-extra.yaml")
    assert snapshot.load_snapshot(copy) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: "{not json",
        lambda doc: json.dumps({**doc, "format": 99}),
        lambda doc: json.dumps({**doc, "questionnaire": []}),
        lambda doc: json.dumps({**doc, "questionnaire": {**doc["questionnaire"], "rules": [{"bogus": 1}]}}),
        lambda doc: json.dumps({k: v for k, v in doc.items() if k != "questionnaire"}),
        lambda doc: "\udcff",
    ],
    ids=["syntax", "format", "not-a-mapping", "unknown-key", "missing", "undecodable"],
)
def test_a_damaged_snapshot_is_ignored(copy: Path, damage: object) -> None:
    path = copy / snapshot.SNAPSHOT_FILE
    doc = json.loads(path.read_text(encoding="utf-8"))
    text = damage(doc)  # type: ignore[operator]
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    assert snapshot.load_snapshot(copy) is None


def test_a_folder_the_user_names_never_uses_a_snapshot(copy: Path) -> None:
    path = copy / snapshot.SNAPSHOT_FILE
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["questionnaire"]["title"] = "Forged"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert snapshot.load_snapshot(copy) is not None  # the digest still matches ...
    assert load_questionnaire(copy).title != "Forged"  # ... but only the shipped folder is read from it
