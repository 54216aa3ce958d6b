"""JSON Schemas: valid draft 2020-12, and the answers schema knows the real ids."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mlops_maturity.cli.choices import SchemaKind
from mlops_maturity.engine.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire_loader import load_questionnaire
from mlops_maturity.files.schemas import DRAFT, answers_schema, model_schema
from mlops_maturity.files.yaml_reader import load_file, parse

from support import DATA, EXAMPLES, TINY, Run

Cli = Callable[..., Run]
Validator = jsonschema.Draft202012Validator


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    return sorted(e.message for e in Validator(schema).iter_errors(data))


@pytest.mark.parametrize("kind", list(SchemaKind))
def test_every_schema_is_valid_draft_2020_12(cli: Cli, kind: SchemaKind) -> None:
    run = cli("schema", kind.value, "--questionnaire", TINY)
    assert run.code == 0
    schema = json.loads(run.out)
    assert schema["$schema"] == DRAFT
    Validator.check_schema(schema)


def test_answers_schema_accepts_valid_files(tiny: Questionnaire) -> None:
    schema = answers_schema(tiny)
    for path in sorted((DATA / "answers").glob("tiny-*.yaml")):
        assert errors(schema, load_file(path).data) == [], path


def test_answers_schema_rejects_an_unknown_question_id(tiny: Questionnaire) -> None:
    data = parse("answers:\n  deploy.prd: one\n", "a.yaml").data
    assert errors(answers_schema(tiny), data) == ["Additional properties are not allowed ('deploy.prd' was unexpected)"]


def test_answers_schema_rejects_an_unknown_option_id(tiny: Questionnaire) -> None:
    schema = answers_schema(tiny)
    for text in ("answers:\n  deploy.prod: several\n", "answers:\n  deploy.prod:\n    answer: several\n"):
        assert errors(schema, parse(text, "a.yaml").data) != [], text


def test_answers_schema_allows_not_applicable_only_where_the_question_does(tiny: Questionnaire) -> None:
    schema = answers_schema(tiny)
    ok = "answers:\n  deploy.auto:\n    answer: not_applicable\n    reason: batch only\n"
    bad = "answers:\n  deploy.prod: not_applicable\n"
    assert errors(schema, parse(ok, "a.yaml").data) == []
    assert errors(schema, parse(bad, "a.yaml").data) != []


def test_answers_schema_rejects_unknown_keys_and_wrong_questionnaire(tiny: Questionnaire) -> None:
    schema = answers_schema(tiny)
    assert errors(schema, {"answers": {"deploy.prod": "one"}, "teem": "x"}) == [
        "Additional properties are not allowed ('teem' was unexpected)"
    ]
    assert errors(schema, {"questionnaire": "other", "answers": {"deploy.prod": "one"}}) == ["'tiny' was expected"]


def test_answers_schema_enumerates_ids_for_completion(tiny: Questionnaire) -> None:
    answers = answers_schema(tiny)["properties"]["answers"]["properties"]
    assert list(answers) == ["deploy.prod", "deploy.who", "deploy.auto"]
    assert answers["deploy.prod"]["anyOf"][1] == {"enum": ["none", "one", "many", "unknown"]}


def test_the_init_template_is_valid_against_its_schema(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    assert cli("init", "-o", out, "--questionnaire", TINY).code == 0
    schema = json.loads((tmp_path / "mlops-answers.schema.json").read_text(encoding="utf-8"))
    assert errors(schema, load_file(out).data) == []


def test_result_schema_describes_real_results(cli: Cli) -> None:
    run = cli("score", DATA / "answers" / "tiny-partial.yaml", "-f", "json", "--questionnaire", TINY)
    assert errors(model_schema("result"), json.loads(run.out)) == []


def _example_answers() -> list[tuple[Path, Path | None]]:
    """Every answers file under examples/, with the questionnaire folder it belongs to (None: the shipped one)."""
    found: list[tuple[Path, Path | None]] = [(p, None) for p in sorted(EXAMPLES.glob("*.yaml"))]
    for folder in sorted(p.parent.parent for p in EXAMPLES.glob("*/questionnaire/questionnaire.yaml")):
        found += [(p, folder / "questionnaire") for p in sorted(folder.glob("*.yaml"))]
    return found


@pytest.mark.parametrize(("path", "questionnaire"), _example_answers(), ids=lambda v: getattr(v, "name", None))
def test_answers_schema_accepts_every_example(path: Path, questionnaire: Path | None) -> None:
    schema = answers_schema(load_questionnaire(questionnaire))
    assert errors(schema, load_file(path).data) == []


def test_shipped_answers_schema_rejects_unknown_ids(shipped: Questionnaire) -> None:
    schema = answers_schema(shipped)
    question = shipped.questions[0]
    good = {"answers": {question.id: question.options[-1].id}}
    assert errors(schema, good) == []
    assert errors(schema, {"answers": {question.id + "x": question.options[-1].id}}) != []
    assert errors(schema, {"answers": {question.id: "weekly"}}) != []
    assert errors(schema, {"answers": {question.id: {"answer": "weekly"}}}) != []
