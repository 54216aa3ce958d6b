"""JSON Schemas (draft 2020-12): answers (with this questionnaire's ids), questionnaire, result."""

from __future__ import annotations

import json
from typing import Any

from mlops_maturity.engine.questionnaire import Question, Questionnaire

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def answers_schema(q: Questionnaire) -> dict[str, Any]:
    """Enumerates the real question ids and option ids, so editors complete them and reject typos."""
    return {
        "$schema": DRAFT,
        "title": f"Answers to the {q.title} questionnaire ({q.id} {q.version})",
        "type": "object",
        "additionalProperties": False,
        "required": ["answers"],
        "properties": {
            "questionnaire": {"const": q.id, "description": "Id of the questionnaire these answers belong to."},
            "team": {"type": ["string", "null"], "maxLength": 200},
            "assessed_on": {"type": ["string", "null"], "format": "date", "description": "YYYY-MM-DD"},
            "answers": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": False,
                "properties": {x.id: _answer(x) for x in q.questions},
            },
        },
    }


def _answer(question: Question) -> dict[str, Any]:
    valid = list(question.valid_answers())
    labels = "; ".join(f"{o.id}: {o.label}" for o in question.options)
    long_form: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["answer"],
        "properties": {
            "answer": {"enum": [*valid, None]},
            "evidence": {"type": ["string", "null"], "maxLength": 2000},
            "reason": {"type": ["string", "null"], "maxLength": 2000},
        },
    }
    return {
        "title": question.title,
        "description": f"{question.text} Options, least mature first: {labels}.",
        "anyOf": [{"type": "null"}, {"enum": valid}, long_form],
    }


def model_schema(kind: str) -> dict[str, Any]:
    if kind == "result":
        from mlops_maturity.engine.result import Result

        schema = Result.model_json_schema(mode="serialization")
    else:
        schema = Questionnaire.model_json_schema()
    return {"$schema": DRAFT, **schema}


def to_json(schema: dict[str, Any]) -> str:
    """The one way a schema is written, so that ``schema answers`` and ``init`` produce the same bytes."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
