"""``mlops-maturity init``: the template and the schema that editors check it against."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.schemas import answers_schema

from support import TINY, Run

Cli = Callable[..., Run]
MODELINE = "# yaml-language-server: $schema="


def test_writes_the_schema_beside_the_template_and_points_at_it(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "team" / "answers.yaml"
    out.parent.mkdir()
    run = cli("init", "-o", out, "--questionnaire", TINY)
    assert run.code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == MODELINE + "mlops-answers.schema.json"
    schema = json.loads((out.parent / "mlops-answers.schema.json").read_text(encoding="utf-8"))
    assert schema == answers_schema(load_questionnaire(TINY))
    assert f"wrote {out.parent / 'mlops-answers.schema.json'}:" in run.err


def test_schema_file_equals_the_schema_command(cli: Cli, tmp_path: Path) -> None:
    assert cli("init", "-o", tmp_path / "a.yaml", "--questionnaire", TINY).code == 0
    printed = cli("schema", "answers", "--questionnaire", TINY).out
    assert (tmp_path / "mlops-answers.schema.json").read_text(encoding="utf-8") == printed


def test_schema_elsewhere_is_referenced_relative_to_the_template(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "teams").mkdir()
    (tmp_path / "schemas").mkdir()
    assert cli("init", "-o", "teams/a.yaml", "--schema", "schemas/answers.json", "--questionnaire", TINY).code == 0
    assert (
        (tmp_path / "teams" / "a.yaml").read_text(encoding="utf-8").startswith(MODELINE + "../schemas/answers.json\n")
    )
    assert (tmp_path / "schemas" / "answers.json").is_file()


def test_schema_url_writes_no_schema_file(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    assert cli("init", "-o", out, "--schema", "https://example.org/answers.json", "--questionnaire", TINY).code == 0
    assert out.read_text(encoding="utf-8").startswith(MODELINE + "https://example.org/answers.json\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_no_schema(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    assert cli("init", "-o", out, "--no-schema", "--questionnaire", TINY).code == 0
    assert MODELINE not in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_stdout_gets_a_modeline_only_when_asked(cli: Cli) -> None:
    assert MODELINE not in cli("init", "-o", "-", "--questionnaire", TINY).out
    assert cli("init", "-o", "-", "--schema", "s.json", "--questionnaire", TINY).out.startswith(MODELINE + "s.json\n")


def test_second_template_reuses_an_identical_schema(cli: Cli, tmp_path: Path) -> None:
    assert cli("init", "-o", tmp_path / "a.yaml", "--questionnaire", TINY).code == 0
    run = cli("init", "-o", tmp_path / "b.yaml", "--questionnaire", TINY)
    assert run.code == 0
    assert f"{tmp_path / 'mlops-answers.schema.json'}: schema already up to date." in run.err


def test_a_different_file_in_the_way_is_not_overwritten(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "mlops-answers.schema.json"
    other.write_text("{}\n", encoding="utf-8")
    run = cli("init", "-o", tmp_path / "a.yaml", "--questionnaire", TINY)
    assert run.code == 2
    assert run.err == (
        f"error: {other}: exists and is not the schema of questionnaire tiny 1.0.0; "
        "pass --force to replace it, --schema to write it elsewhere, or --no-schema\n"
    )
    assert other.read_text(encoding="utf-8") == "{}\n"
    assert not (tmp_path / "a.yaml").exists()
    assert cli("init", "-o", tmp_path / "a.yaml", "--force", "--questionnaire", TINY).code == 0
    assert json.loads(other.read_text(encoding="utf-8"))["properties"]["questionnaire"] == {
        "enum": ["tiny", None],
        "description": "Id of the questionnaire these answers belong to.",
    }


def test_schema_and_no_schema_conflict(cli: Cli, tmp_path: Path) -> None:
    run = cli("init", "-o", tmp_path / "a.yaml", "--schema", "x.json", "--no-schema", "--questionnaire", TINY)
    assert (run.code, run.err) == (2, "error: --schema and --no-schema exclude each other; give one of them\n")


def test_the_template_scores_once_one_answer_is_filled_in(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    assert cli("init", "-o", out, "--questionnaire", TINY).code == 0
    out.write_text(
        out.read_text(encoding="utf-8").replace("  deploy.prod:\n", "  deploy.prod: one\n"), encoding="utf-8"
    )
    run = cli("score", out, "-f", "json", "--questionnaire", TINY)
    assert run.code == 0
    assert json.loads(run.out)["unanswered"] == ["deploy.who", "deploy.auto"]


def test_a_team_name_with_undecodable_bytes_is_written_readably(cli: Cli, tmp_path: Path) -> None:
    # Python decodes bytes in argv that are not UTF-8 as lone surrogates, which UTF-8 cannot store.
    out = tmp_path / "answers.yaml"
    assert cli("init", "-o", out, "--no-schema", "--team", "ab\udcff", "--questionnaire", TINY).code == 0
    assert 'team: "ab\ufffd"' in out.read_text(encoding="utf-8").splitlines()
    assert [p.name for p in tmp_path.iterdir()] == ["answers.yaml"]
