"""Write answers files: the ``init`` template and the file the survey keeps up to date."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Mapping

from mlops_maturity.answers import Answer
from mlops_maturity.questionnaire import NOT_APPLICABLE, UNKNOWN, Question, Questionnaire

WRAP = 88


def quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render_answers_file(
    q: Questionnaire,
    team: str = "",
    assessed_on: dt.date | None = None,
    given: Mapping[str, Answer] | None = None,
    with_help: bool = True,
    schema_hint: str | None = None,
) -> str:
    """An answers file listing every question; unanswered ones are left empty."""
    given = given or {}
    lines = []
    if schema_hint:
        lines.append(f"# yaml-language-server: $schema={schema_hint}")
    lines += [
        f"# Answers to the {q.title} questionnaire ({q.id} {q.version}).",
        '# Put one option id after each question id; "unknown" means don\'t know.',
        "# Long form, to add evidence (a link or a sentence) or a not_applicable reason:",
        "#   some.question:",
        "#     answer: option_id",
        '#     evidence: "https://... or one sentence"',
        "# Then: mlops-maturity score THIS_FILE",
        f"questionnaire: {q.id}",
        f"team: {quote(team)}",
        f"assessed_on: {assessed_on.isoformat() if assessed_on else ''}".rstrip()
        + ("" if assessed_on else "  # YYYY-MM-DD"),
        "answers:",
    ]
    dimension = None
    for question in q.questions:
        if question.dimension != dimension:
            dimension = question.dimension
            lines += ["", f"  # == {q.dimension_by_id[dimension].title} =="]
        lines.append("")
        if with_help:
            lines += _comment(question)
        lines += _answer_lines(question, given.get(question.id))
    return "\n".join(lines) + "\n"


def _comment(question: Question) -> list[str]:
    out = textwrap.wrap(f"{question.title}: {question.text}", WRAP, initial_indent="  # ", subsequent_indent="  #   ")
    out += textwrap.wrap(question.help, WRAP, initial_indent="  #   ", subsequent_indent="  #   ")
    width = max(len(o.id) for o in question.options)
    for option in question.options:
        out.append(f"  #   - {option.id.ljust(width)}  {option.label}")
    out.append(f"  #   - {UNKNOWN.ljust(width)}  don't know")
    if question.allow_not_applicable:
        out.append(f"  #   - {NOT_APPLICABLE.ljust(width)}  does not apply to us (give a reason)")
    if question.applies_when is not None:
        out.append("  #   (skipped when its condition does not hold; see `mlops-maturity questions`)")
    return out


def _answer_lines(question: Question, answer: Answer | None) -> list[str]:
    if answer is None or answer.answer is None:
        return [f"  {question.id}:"]
    if not answer.evidence and not answer.reason:
        return [f"  {question.id}: {answer.answer}"]
    out = [f"  {question.id}:", f"    answer: {answer.answer}"]
    if answer.evidence:
        out.append(f"    evidence: {quote(answer.evidence)}")
    if answer.reason:
        out.append(f"    reason: {quote(answer.reason)}")
    return out
