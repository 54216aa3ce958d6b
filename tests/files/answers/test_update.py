"""Saving into an existing answers file edits only what changed and keeps the team's own text."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.answers.update import update_answers_text
from mlops_maturity.files.answers.writer import render_answers_file

from support import parse_answers

DAY = dt.date(2026, 11, 22)

HAND_WRITTEN = """\
# Platform team's assessment; reviewed with Dana on Monday.
questionnaire: survey-test
team: "Fraud"   # the fraud squad, not the whole department
assessed_on: 2026-11-22
answers:
  # We ship one model today.
  ship.prod: one    # checked with ops
  ship.method:
    # the release script, see wiki
    answer: scripted
    evidence: "https://wiki/release"  # a link, not a sentence
  watch.owner: author
# end of file, keep this line
"""


def _changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def _given(text: str, q: Questionnaire) -> dict[str, Answer]:
    return parse_answers(text, "a.yaml", q).given


def _edit(q: Questionnaire, changes: dict[str, Answer], team: str = "Fraud", text: str = HAND_WRITTEN) -> str:
    """``text`` saved with ``changes`` made to its answers; the new text must read back as intended."""
    answers = {**_given(text, q), **changes}
    new = update_answers_text(text, q, team, DAY, answers)
    assert new is not None
    assert _given(new, q) == answers
    return new


def test_nothing_changed_leaves_the_text_as_it_is(survey_q: Questionnaire) -> None:
    same = _given(HAND_WRITTEN, survey_q)
    assert update_answers_text(HAND_WRITTEN, survey_q, "Fraud", DAY, same) == HAND_WRITTEN


def test_a_changed_answer_rewrites_its_entry_and_nothing_else(survey_q: Questionnaire) -> None:
    new = _edit(survey_q, {"ship.prod": Answer(answer="many")})
    removed, added = _changed_lines(HAND_WRITTEN, new)
    assert removed == ["  ship.prod: one    # checked with ops"]
    assert added == ["  ship.prod:    # checked with ops", "    answer: many", "    evidence:"]


def test_comments_inside_a_rewritten_long_entry_are_kept_after_it(survey_q: Questionnaire) -> None:
    new = _edit(survey_q, {"ship.method": Answer(answer="pipeline", evidence="CI job")})
    assert '  ship.method:\n    answer: pipeline\n    evidence: "CI job"\n    # the release script, see wiki\n' in new


def test_new_answers_go_at_the_end_of_the_answers_and_the_team_keeps_its_comment(survey_q: Questionnaire) -> None:
    new = _edit(survey_q, {"ship.latency": Answer(answer="written")}, team="Fraud Squad")
    removed, added = _changed_lines(HAND_WRITTEN, new)
    assert removed == ['team: "Fraud"   # the fraud squad, not the whole department']
    assert added == [
        'team: "Fraud Squad"   # the fraud squad, not the whole department',
        "",
        "  ship.latency:",
        "    answer: written",
        "    evidence:",
    ]
    assert new.index("ship.latency") < new.index("# end of file")
    assert parse_answers(new, "a.yaml", survey_q).team == "Fraud Squad"


def test_missing_team_and_date_are_added_above_the_answers(survey_q: Questionnaire) -> None:
    text = "answers:\n  ship.prod: one\n"
    new = update_answers_text(text, survey_q, "Ops", DAY, {"ship.prod": Answer(answer="one")})
    assert new == 'team: "Ops"\nassessed_on: 2026-11-22\nanswers:\n  ship.prod: one\n'


def test_windows_line_endings_stay_windows_line_endings(survey_q: Questionnaire) -> None:
    text = HAND_WRITTEN.replace("\n", "\r\n")
    new = _edit(survey_q, {"ship.prod": Answer(answer="none"), "ship.latency": Answer(answer="alerted")}, text=text)
    assert new.count("\n") == new.count("\r\n") > text.count("\r\n")


def test_layouts_it_cannot_edit_safely_are_left_to_a_full_rewrite(survey_q: Questionnaire) -> None:
    answers = {"ship.prod": Answer(answer="many")}
    for text in (
        "answers: {ship.prod: one}\n",  # flow style
        'answers:\n  "ship\\x2eprod": one\n',  # a key with an escape in it
        "answers:\n  ship.prod: one\r  # a lone CR is a line break to YAML\n",
        "answers: [1]\n",  # not even an answers file
        "answers:\n  ship.prod: nope\n",  # not a valid one
    ):
        assert update_answers_text(text, survey_q, "", DAY, answers) is None, text


def test_quoted_keys_are_edited_in_place(survey_q: Questionnaire) -> None:
    text = "answers:\n  'ship.prod': one  # ok\n  \"watch.owner\": rota\n"
    answers = {"ship.prod": Answer(answer="many"), "watch.owner": Answer(answer="rota")}
    new = update_answers_text(text, survey_q, "", None, answers)
    assert new == 'answers:\n  ship.prod:  # ok\n    answer: many\n    evidence:\n  "watch.owner": rota\n'


COMMENTS = st.sampled_from(["", "  # why", " # TODO: ask 'ops' \"now\"", "\t# tab"])


@st.composite
def answer_sets(draw: st.DrawFn, q: Questionnaire) -> dict[str, Answer]:
    out = {}
    for question in q.questions:
        choice = draw(st.sampled_from([None, *[o.id for o in question.options], "unknown"]))
        if choice is not None:
            evidence = draw(st.sampled_from([None, "a link", 'say "hi" # not a comment']))
            out[question.id] = Answer(answer=choice, evidence=evidence)
    return out


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_edit_reads_back_as_a_full_rewrite_would_and_keeps_every_comment(
    survey_q: Questionnaire, data: st.DataObject
) -> None:
    first = data.draw(answer_sets(survey_q))
    base = render_answers_file(survey_q, team="T", assessed_on=DAY, given=first, evidence_slots=True)
    # Sprinkle hand-written comments: on lines of their own and at the ends of key lines.
    lines = []
    for line in base.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            lines.append(line + data.draw(COMMENTS))
            if data.draw(st.booleans()):
                lines.append("    # note " + str(len(lines)))
        else:
            lines.append(line)
    text = "\n".join(lines) + "\n"
    assert _given(text, survey_q) == _given(base, survey_q)  # comments change no answer
    second = data.draw(answer_sets(survey_q))
    team = data.draw(st.sampled_from(["T", "New team", ""]))
    new = update_answers_text(text, survey_q, team, DAY, second)
    fresh = render_answers_file(survey_q, team=team, assessed_on=DAY, given=second, evidence_slots=True)
    expected = parse_answers(fresh, "a.yaml", survey_q)
    assert new is not None
    got = parse_answers(new, "a.yaml", survey_q)
    assert (got.team, got.given) == (expected.team, expected.given)
    assert _comments(new) == _comments(text)  # every hand-written comment is still there, once


def _comments(text: str) -> Counter[str]:
    return Counter(re.findall(r"# (?:why|TODO: ask 'ops' \"now\"|tab|note \d+)", text))
