"""``mlops-maturity questions``: the questionnaire as text, JSON or YAML."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from mlops_maturity.choices import QuestionsFormat
from mlops_maturity.cli.output import Output
from mlops_maturity.engine.model.condition_words import asked_when
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.yaml_reader import dump
from mlops_maturity.inert import inert_all


def as_data(q: Questionnaire) -> dict[str, Any]:
    """The contract's shape; options least mature first."""
    return {
        "questionnaire": {"id": q.id, "version": q.version, "title": q.title},
        "dimensions": [{"id": d.id, "title": d.title, "description": d.description} for d in q.dimensions],
        "questions": [
            {
                "id": x.id,
                "dimension": x.dimension,
                "title": x.title,
                "text": x.text,
                "help": x.help,
                "allow_not_applicable": x.allow_not_applicable,
                "conditional": x.applies_when is not None,
                "asked_when": asked_when(x.applies_when, q),
                "options": [{"id": o.id, "label": o.label, "points": o.points} for o in x.options],
            }
            for x in q.questions
        ],
    }


def as_text(q: Questionnaire) -> str:
    """The questionnaire for a terminal: every text of it inert (``inert.py``), an organisation's own too."""
    q = inert_all(q)
    lines = [f"{q.title} ({q.id} {q.version}): {len(q.questions)} questions in {len(q.dimensions)} dimensions"]
    for dim in q.dimensions:
        lines += ["", f"== {dim.title} ({dim.id}) =="]
        for x in (x for x in q.questions if x.dimension == dim.id):
            lines += ["", f"{x.id}"]
            lines += textwrap.wrap(x.text, 88, initial_indent="  ", subsequent_indent="  ")
            for i, option in enumerate(x.options, 1):
                lines.append(f"    {i}. {option.id}: {option.label}")
            extras = "unknown" + (", not_applicable (with a reason)" if x.allow_not_applicable else "")
            lines.append(f"    also: {extras}")
            condition = asked_when(x.applies_when, q)
            if condition is not None:
                lines += textwrap.wrap(f"({condition})", 88, initial_indent="    ", subsequent_indent="     ")
    return "\n".join(lines) + "\n"


def run(fmt: QuestionsFormat, questionnaire: Path | None) -> Output:
    q = load_questionnaire(questionnaire)
    if fmt == QuestionsFormat.json:
        return Output(stdout=json.dumps(as_data(q), indent=2, ensure_ascii=False) + "\n")
    if fmt == QuestionsFormat.yaml:
        return Output(stdout=dump(as_data(q)))
    return Output(stdout=as_text(q))
