"""The answers file writer: what it writes reads back as the same answers."""

from __future__ import annotations

import datetime as dt

from mlops_maturity.answers import Answer, parse_answers
from mlops_maturity.answers_writer import render_answers_file
from mlops_maturity.questionnaire import Questionnaire


def _body(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_evidence_slots_write_the_long_form_with_an_empty_evidence_key(tiny: Questionnaire) -> None:
    given = {"deploy.prod": Answer(answer="one")}
    text = render_answers_file(tiny, team="A", assessed_on=dt.date(2026, 1, 2), given=given, evidence_slots=True)
    assert _body(text) == [
        "questionnaire: tiny",
        'team: "A"',
        "assessed_on: 2026-01-02",
        "answers:",
        "  deploy.prod:",
        "    answer: one",
        "    evidence:",
        "  deploy.who:",
        "  deploy.auto:",
    ]
    answers = parse_answers(text, "a.yaml", tiny)
    assert answers.given == {"deploy.prod": Answer(answer="one")}


def test_short_form_without_evidence_slots(tiny: Questionnaire) -> None:
    given = {"deploy.prod": Answer(answer="one")}
    assert "  deploy.prod: one" in _body(render_answers_file(tiny, given=given))


def test_reason_and_evidence_are_kept_and_quoted(tiny: Questionnaire) -> None:
    given = {
        "deploy.prod": Answer(answer="one", evidence='see "runbook": #7'),
        "deploy.auto": Answer(answer="not_applicable", reason="batch: only"),
    }
    text = render_answers_file(tiny, given=given, evidence_slots=True)
    assert '    evidence: "see \\"runbook\\": #7"' in text
    assert '    reason: "batch: only"' in text
    assert parse_answers(text, "a.yaml", tiny).given == given


def test_an_empty_template_reads_back_with_no_answers(tiny: Questionnaire) -> None:
    assert parse_answers(render_answers_file(tiny), "a.yaml", tiny).given == {}
