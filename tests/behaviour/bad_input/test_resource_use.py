"""Small but bad input stays cheap: messages capped, suggestions bounded, values clipped, ``init`` inside the limits.

Sizes are asserted, never times: a file of 45,000 unknown ids gets 21 lines, not 45,000, and the
typo suggester runs for the ids shown only (counted, not timed). The large inputs are built here.
"""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.errors import MAX_PROBLEMS

from support import TINY, Run

Cli = Callable[..., Run]
UNKNOWN_IDS = 45_000


def _unknown_ids(tmp_path: Path) -> Path:
    path = tmp_path / "many.yaml"
    path.write_text("team: T\nanswers:\n" + "".join(f"  deploy.prd{i}: one\n" for i in range(UNKNOWN_IDS)))
    return path


@pytest.fixture
def close_matches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every id the typo suggester is asked about."""
    asked: list[str] = []
    original = difflib.get_close_matches

    def counted(word: str, *args: object, **kwargs: object) -> list[str]:
        asked.append(word)
        return original(word, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(difflib, "get_close_matches", counted)
    return asked


def test_thousands_of_unknown_ids_print_a_capped_list(cli: Cli, tmp_path: Path, close_matches: list[str]) -> None:
    path = _unknown_ids(tmp_path)
    run = cli("score", path, "--questionnaire", TINY)
    assert run.code == 2, run.err[:500]
    lines = run.err.splitlines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[0] == (
        f"error: {path}:3: answers.deploy.prd0: unknown question id 'deploy.prd0'; "
        "did you mean deploy.prod? run `mlops-maturity questions` for the list"
    )
    more = UNKNOWN_IDS - MAX_PROBLEMS
    assert lines[-1] == f"{path}: and {more:,} more problems in this file, not shown; fix these first"
    assert len(close_matches) == MAX_PROBLEMS  # one suggestion pass per id shown, none for the rest


def test_validate_counts_every_problem_and_shows_the_first(cli: Cli, tmp_path: Path) -> None:
    path = _unknown_ids(tmp_path)
    run = cli("validate", path, "--questionnaire", TINY)
    assert run.code == 2
    lines = run.err.splitlines()
    assert len(lines) == MAX_PROBLEMS + 2
    assert lines[-1] == f"{UNKNOWN_IDS:,} problems in 1 of 1 path(s)"


def test_the_cap_holds_in_every_output_format(cli: Cli, tmp_path: Path) -> None:
    path = _unknown_ids(tmp_path)
    for fmt in ("github", "junit", "json"):
        run = cli("score", path, "--questionnaire", TINY, "--format", fmt)
        assert run.code == 2
        assert len(run.out) + len(run.err) < 20_000, fmt


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("option", "answers:\n  deploy.prod: {value}\n"),
        ("question id", "answers:\n  ? deploy.{value}\n  : one\n"),  # a key this long must be written explicitly
        ("date", "assessed_on: {value}\nanswers:\n  deploy.prod: one\n"),
        ("questionnaire", "questionnaire: {value}\nanswers:\n  deploy.prod: one\n"),
        ("key", "? {value}\n: 1\nanswers:\n  deploy.prod: one\n"),
    ],
)
def test_a_huge_value_is_clipped_in_the_message(
    cli: Cli, tmp_path: Path, close_matches: list[str], where: str, text: str
) -> None:
    value = "a" * 900_000
    path = tmp_path / "big.yaml"
    path.write_text(text.format(value=value))
    run = cli("score", path, "--questionnaire", TINY)
    assert run.code == 2, where
    assert len(run.err) < 1_000, (where, run.err[:300])
    assert "(900,000 characters)" in run.err or "(900,007 characters)" in run.err, run.err
    assert close_matches == []  # an id that long is like no real id: it is not compared


def _huge_questionnaire(tmp_path: Path, dimensions: int = 10, per_dimension: int = 1_000, id_chars: int = 5) -> Path:
    """10,000 questions with help, in ten files that each stay inside the file limits."""
    pad = "x" * (id_chars - 5)
    folder = tmp_path / "huge-q"
    shutil.copytree(TINY, folder)
    head = folder / "questionnaire.yaml"
    head.write_text(
        head.read_text()
        + "".join(f"  - {{id: d{d}, title: Part {d}, description: Generated part {d}.}}\n" for d in range(dimensions))
    )
    for d in range(dimensions):
        lines = [f"dimension: d{d}", "questions:"]
        for i in range(per_dimension):
            lines += [
                f"  - id: d{d}.q{pad}{i:04d}",
                f"    title: Practice {i} of part {d}",
                f"    text: How far along is practice {i} of part {d} in this team today?",
                "    help: A generated question, one of many, to see how a large questionnaire is handled.",
                "    options:",
                "      - {id: no, label: Not yet}",
                "      - {id: yes, label: Yes}",
            ]
        (folder / "questions" / f"d{d}.yaml").write_text("\n".join(lines) + "\n")
    return folder


@pytest.mark.slow
def test_init_on_a_huge_questionnaire_writes_a_file_the_other_commands_accept(cli: Cli, tmp_path: Path) -> None:
    q = _huge_questionnaire(tmp_path)
    out = tmp_path / "answers.yaml"
    run = cli("init", "-o", out, "--questionnaire", q, "--no-schema")
    assert run.code == 0, run.err
    assert "note: the questions' help is left out of the template: with it the file would be" in run.err
    assert cli("validate", out, "--questionnaire", q).code == 0
    assert "d9.q0999:" in out.read_text()


@pytest.mark.slow
def test_init_refuses_a_questionnaire_too_large_for_any_answers_file(cli: Cli, tmp_path: Path) -> None:
    q = _huge_questionnaire(tmp_path, dimensions=9, per_dimension=1_000, id_chars=120)  # 9,000 long ids: over 1 MiB
    out = tmp_path / "answers.yaml"
    run = cli("init", "-o", out, "--questionnaire", q, "--no-schema")
    assert run.code == 2
    assert run.err == (
        "error: questionnaire tiny has 9,003 questions, too many for one answers file "
        "(at most 1,024 KiB and 50,000 values); split it into smaller questionnaires\n"
    )
    assert not out.exists()
