"""Finding and reading many answers files, in one process or several."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.organisation.rows import FileError, Row
from mlops_maturity.errors import UsageError
from mlops_maturity.files.portfolio.fast_answers_check import QuickChecker
from mlops_maturity.files.portfolio.fast_yaml import quick_parse
from mlops_maturity.files.portfolio.reader import answers_files, discover, read_rows
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.yaml_reader import read_text

from support import DATA, EXAMPLES, ROOT, read_one

ORG_Q = load_questionnaire(DATA / "questionnaires" / "org")
ORG = DATA / "portfolio" / "org"
BROKEN = DATA / "portfolio" / "broken"


def test_directories_are_searched_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", "notes.txt", ".hidden.yaml", "sub/c.yaml", ".git/d.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    found = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.yml", "b.yaml", "sub/c.yaml"]


def test_questionnaire_folders_beside_the_assessments_are_skipped(tmp_path: Path) -> None:
    for name in ("team.yaml", "custom-q/questionnaire.yaml", "custom-q/questions/deploy.yaml", "custom-q/stages.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])] == ["team.yaml"]


def test_a_file_given_twice_is_read_once() -> None:
    beta = ORG / "beta.yaml"
    found = discover([beta, ORG, Path(str(beta))])
    assert found.count(beta) == 1
    assert found[0] == beta


def test_an_empty_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no answers files"):
        discover([tmp_path])


def test_a_missing_file_becomes_an_error_row(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert discover([missing]) == [missing]
    assert read_one(ORG_Q, missing) == FileError(str(missing), f"{missing}: no such file")


def test_an_invalid_answer_is_reported_with_file_and_line() -> None:
    error = read_one(ORG_Q, BROKEN / "bad-option.yaml")
    assert isinstance(error, FileError)
    assert error.message == (
        f"{BROKEN / 'bad-option.yaml'}:4: answers.build.tests: 'weekly' is not an option; "
        "choose one of: none, manual, automated, unknown"
    )


def test_files_outside_the_fast_shape_are_read_by_the_full_parser() -> None:
    delta = read_one(ORG_Q, ORG / "delta.yaml")  # flow-style answers mapping
    assert isinstance(delta, Row)
    assert (delta.team, delta.stage, delta.gaps) == ("Delta <script>&|*", 3, ())


def test_invalid_yaml_is_an_error_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  a: [\n")
    error = read_one(ORG_Q, bad)
    assert isinstance(error, FileError)
    assert error.message.startswith(f"{bad}:")


def test_worker_processes_give_the_same_rows_in_the_same_order() -> None:
    paths = discover([ORG, BROKEN]) * 40  # 280 files in chunks across two workers
    one = list(read_rows(ORG_Q, paths, jobs=1))
    two = list(read_rows(ORG_Q, paths, jobs=2))
    assert one == two
    assert len(one) == 280
    assert sum(isinstance(r, FileError) for r in one) == 40


def test_the_shipped_examples_and_the_benchmark_files_take_the_fast_path(
    shipped: Questionnaire, tmp_path: Path
) -> None:
    """A silent fall-back to the slow path would keep results right but lose the speed; catch it here."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from portfolio_bench import generate
    finally:
        sys.path.pop(0)
    checker = QuickChecker(shipped)
    files = sorted(EXAMPLES.glob("*.yaml")) + generate(shipped, tmp_path, 40, 10)
    assert len(files) >= 45
    for path in files:
        doc = quick_parse(read_text(path), str(path))
        assert doc is not None, path
        assert checker.check(doc.data) is not None, path


@pytest.mark.parametrize("top", [".", "./", "sub", "./sub", "sub/", "sub//./"])
def test_file_names_read_as_paths_would_name_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, top: str) -> None:
    for name in ("a.yaml", "sub/b.yml", "sub/deeper/c.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    monkeypatch.chdir(tmp_path)
    expected = (
        ["a.yaml", "sub/b.yml", "sub/deeper/c.yaml"] if top in (".", "./") else ["sub/b.yml", "sub/deeper/c.yaml"]
    )
    assert answers_files([Path(top)]) == [str(Path(n)) for n in expected]
    assert discover([Path(top)]) == [Path(n) for n in expected]


def test_rows_keep_the_file_name_they_were_given() -> None:
    name = str(ORG / "beta.yaml")
    row = read_one(ORG_Q, name)
    assert isinstance(row, Row)
    assert row.file is name
