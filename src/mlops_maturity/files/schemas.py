"""JSON Schemas (draft 2020-12): answers (with this questionnaire's ids), questionnaire, result."""

from __future__ import annotations

import json
from typing import Any

from mlops_maturity.engine.model.answers import DATE_PATTERN, MAX_TEAM_CHARS, MAX_TEXT_CHARS
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, UNKNOWN, Question, Questionnaire

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def answers_schema(q: Questionnaire) -> dict[str, Any]:
    """Enumerates the real question ids and option ids, so editors complete them and reject typos.

    It accepts exactly what ``validate`` accepts (``tests/files/test_schemas.py`` holds the two
    equal over generated files), with the limits taken from ``engine/model/answers.py``.
    """
    name = {"type": ["string", "null"], "maxLength": MAX_TEAM_CHARS}
    return {
        "$schema": DRAFT,
        "title": f"Answers to the {q.title} questionnaire ({q.id} {q.version})",
        "type": "object",
        "additionalProperties": False,
        "required": ["answers"],
        # One person's answers name their respondent; a team file merged by consensus names them all.
        "not": {
            "required": ["respondent", "consensus"],
            "properties": {"respondent": {"type": "string"}, "consensus": {"type": "object"}},
        },
        "properties": {
            "questionnaire": {
                "enum": [q.id, None],
                "description": "Id of the questionnaire these answers belong to.",
            },
            "team": name,
            "respondent": {**name, "description": "The one person who gave these answers."},
            "role": {**name, "description": "That person's role in the team."},
            "assessed_on": {
                "type": ["string", "null"],
                "pattern": DATE_PATTERN,
                "format": "date",
                "description": "YYYY-MM-DD",
            },
            "answers": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": False,
                "properties": {x.id: _answer(x) for x in q.questions},
            },
            "consensus": {"anyOf": [{"type": "null"}, _consensus(q)]},
        },
    }


def _consensus(q: Questionnaire) -> dict[str, Any]:
    """The block ``mlops-maturity consensus`` writes into a team file: each respondent, their answers in dispute."""
    respondent = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "role": {"type": ["string", "null"], "maxLength": MAX_TEAM_CHARS},
            "answers": {
                "type": "object",
                "additionalProperties": False,
                "properties": {x.id: {"enum": list(x.valid_answers())} for x in q.questions},
            },
        },
    }
    return {
        "type": "object",
        "description": "Written by `mlops-maturity consensus`: who was merged into these team answers.",
        "additionalProperties": False,
        "required": ["respondents"],
        "properties": {
            "respondents": {
                "type": "object",
                "minProperties": 1,
                "propertyNames": {"maxLength": MAX_TEAM_CHARS, "pattern": r"\S"},
                "additionalProperties": {"anyOf": [{"type": "null"}, respondent]},
            }
        },
    }


def _answer(question: Question) -> dict[str, Any]:
    labels = "; ".join(f"{o.id}: {o.label}" for o in question.options)
    short = [*question.option_ids, UNKNOWN]  # not_applicable needs a reason, so only the long form takes it
    text = {"type": ["string", "null"], "maxLength": MAX_TEXT_CHARS}
    long_form: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"answer": {"enum": [*question.valid_answers(), None]}, "evidence": text, "reason": text},
    }
    if question.allow_not_applicable:
        long_form["if"] = {"properties": {"answer": {"const": NOT_APPLICABLE}}, "required": ["answer"]}
        long_form["then"] = {"required": ["reason"], "properties": {"reason": {"type": "string", "pattern": r"\S"}}}
    return {
        "title": question.title,
        "description": f"{question.text} Options, least mature first: {labels}.",
        "anyOf": [{"type": "null"}, {"enum": short}, long_form],
    }


def model_schema(kind: str) -> dict[str, Any]:
    if kind == "result":
        from mlops_maturity.engine.model.result import Result

        schema = Result.model_json_schema(mode="serialization")
    else:
        schema = Questionnaire.model_json_schema()
    return {"$schema": DRAFT, **schema}


def to_json(schema: dict[str, Any]) -> str:
    """The one way a schema is written, so that ``schema answers`` and ``init`` produce the same bytes."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
