"""``mlops-maturity schema``: print a JSON Schema."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.choices import SchemaKind
from mlops_maturity.cli.output import Output
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.schemas import answers_schema, model_schema, to_json


def run(kind: SchemaKind, questionnaire: Path | None) -> Output:
    if kind == SchemaKind.answers:
        schema = answers_schema(load_questionnaire(questionnaire))
    else:
        schema = model_schema(kind.value)
    return Output(stdout=to_json(schema))
