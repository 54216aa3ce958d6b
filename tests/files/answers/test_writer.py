"""The answers file writer: what it writes reads back as the same answers."""

from __future__ import annotations

import datetime as dt

import pytest

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.answers.writer import render_answers_file

from support import parse_answers


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


# Found by the properties over generated questionnaires (tests/behaviour/properties/test_engine_properties.py).
AWKWARD = "DEL\x7f C1\x8a NEL\x85 LS\u2028 PS\u2029 BOM\ufeff NUL\x00 \ufffe end \u2028"


@pytest.mark.parametrize("text", [AWKWARD, " \u2028", "0\x850", "line one\nline two", 'say "yes": #1'])
def test_any_text_reads_back_exactly(tiny: Questionnaire, text: str) -> None:
    given = {
        "deploy.prod": Answer(answer="one", evidence=text),
        "deploy.auto": Answer(answer="not_applicable", reason=text + "!"),
    }
    answers = parse_answers(render_answers_file(tiny, team=text, given=given), "a.yaml", tiny)
    assert (answers.given, answers.team) == (given, text.strip())


def test_text_utf8_cannot_hold_becomes_the_replacement_character(tiny: Questionnaire) -> None:
    # A lone surrogate is what Python makes of undecodable bytes in argv (``init --team $'\xff'``).
    answers = parse_answers(render_answers_file(tiny, team="ab\udcff"), "a.yaml", tiny)
    assert answers.team == "ab\ufffd"


def _changed(q: Questionnaire, first_question: dict[str, object], **head: object) -> Questionnaire:
    """``q`` with its first question and head fields changed, validated afresh (copies keep cached lookups)."""
    data = q.model_dump()
    data["questions"][0].update(first_question)
    return Questionnaire.model_validate({**data, **head})


def test_questionnaire_text_with_line_breaks_stays_inside_its_comment(tiny: Questionnaire) -> None:
    options = [{"id": "none", "label": "None\nanswers: {}\x00\u2028x: 1"}, {"id": "one", "label": "One"}]
    q = _changed(tiny, {"help": "one\x85two", "options": options}, title="T\nitle")
    text = render_answers_file(q, given={"deploy.prod": Answer(answer="one")})
    assert "  #   - none  None answers: {}\ufffd x: 1" in text.splitlines()
    assert "# Answers to the T itle questionnaire (tiny 1.0.0)." in text.splitlines()
    assert parse_answers(text, "a.yaml", q).given == {"deploy.prod": Answer(answer="one")}


def test_ids_yaml_reads_as_another_type_are_quoted(tiny: Questionnaire) -> None:
    # The option id ``null`` is refused by the questionnaire model, but a questionnaire id may be
    # ``null`` (written quoted) and option ids may look like booleans or numbers: all stay strings.
    options = [{"id": "no", "label": "N"}, {"id": "true", "label": "T"}, {"id": "1", "label": "One"}]
    q = _changed(tiny, {"options": options}, id="null")
    for option in ("no", "true", "1"):
        text = render_answers_file(q, given={"deploy.prod": Answer(answer=option)})
        assert 'questionnaire: "null"' in text.splitlines()
        answers = parse_answers(text, "a.yaml", q)
        assert (answers.questionnaire, answers.given) == ("null", {"deploy.prod": Answer(answer=option)})
