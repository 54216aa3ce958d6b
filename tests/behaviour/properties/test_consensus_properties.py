"""Properties of the consensus rule over generated questionnaires and answers (see ``strategies.py``).

- N respondents who give the same answers give those answers, and the same placement;
- the order of the files does not matter;
- raising any one respondent's answer never lowers the team's stage, delivery setup or level;
- the team file reads back as what was merged, evidence, reasons and who answered what included.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.respondents.consensus import Voice, merge
from mlops_maturity.engine.respondents.disagreement import placement
from mlops_maturity.files.answers.team_writer import render_team_file

from support import parse_answers
from support.questionnaire_strategies import questionnaires
from support.strategies import answers_of, dates, given_answers, raisable, texts

SOME = settings(max_examples=35, deadline=None)
NAMES = ("Ana", "Ben", "Chloé", "Dev", "Eli")


def voices(sheets: list[dict[str, Answer]]) -> list[Voice]:
    return [Voice(name=NAMES[i], role=None, given=sheet) for i, sheet in enumerate(sheets)]


def rungs(q: Questionnaire, given: dict[str, Answer]) -> tuple[int, int, int]:
    result = assess(q, answers_of(q, given))
    return result.stage.number, result.stage.delivery.number, q.level_rank[result.level.id]


@SOME
@given(q=questionnaires(), data=st.data())
def test_n_copies_of_one_file_are_that_file(q: Questionnaire, data: st.DataObject) -> None:
    for _ in range(3):
        sheet = data.draw(given_answers(q))
        copies = data.draw(st.integers(1, 5))
        merged = merge(q, voices([sheet] * copies))
        assert {k: a.answer for k, a in merged.given.items()} == {k: a.answer for k, a in sheet.items()}
        assert merged.disputed == ()
        assert rungs(q, merged.given) == rungs(q, sheet)
        assert placement(q, merged.given) == placement(q, sheet)


@SOME
@given(q=questionnaires(), data=st.data())
def test_the_order_of_the_files_does_not_matter(q: Questionnaire, data: st.DataObject) -> None:
    for _ in range(3):
        sheets = data.draw(st.lists(given_answers(q), min_size=1, max_size=5))
        people = voices(sheets)
        shuffled = data.draw(st.permutations(people))
        assert merge(q, shuffled) == merge(q, people)


@SOME
@given(q=questionnaires(), data=st.data())
def test_raising_one_respondents_answer_never_lowers_the_team(q: Questionnaire, data: st.DataObject) -> None:
    for _ in range(3):
        sheets = data.draw(st.lists(given_answers(q, texts_too=False), min_size=1, max_size=5))
        who = data.draw(st.integers(0, len(sheets) - 1))
        sheet = sheets[who]
        candidates = [x for x in q.questions if raisable(x, sheet.get(x.id))]
        if not candidates:
            continue
        question = data.draw(st.sampled_from(candidates))
        raised = data.draw(st.sampled_from(raisable(question, sheet.get(question.id))))
        after = [*sheets[:who], {**sheet, question.id: Answer(answer=raised)}, *sheets[who + 1 :]]
        before_team, after_team = merge(q, voices(sheets)).given, merge(q, voices(after)).given
        old, new = rungs(q, before_team), rungs(q, after_team)
        assert all(n >= o for o, n in zip(old, new, strict=True)), (old, new)
        # Each team answer rises or stays: an option never falls, and never becomes a non-option.
        was, now = before_team.get(question.id), after_team.get(question.id)
        if was is not None and was.answer in question.option_ids:
            assert now is not None and now.answer in question.option_ids
            assert question.rank(str(now.answer)) >= question.rank(str(was.answer))


NAME_TEXT = texts(200).filter(lambda t: bool(t.strip()))


@SOME
@given(q=questionnaires(), data=st.data())
def test_the_team_file_reads_back_as_what_was_merged(q: Questionnaire, data: st.DataObject) -> None:
    sheets = data.draw(st.lists(given_answers(q), min_size=1, max_size=4))
    names = data.draw(st.lists(NAME_TEXT, min_size=len(sheets), max_size=len(sheets), unique=True))
    roles = data.draw(st.lists(st.one_of(st.none(), NAME_TEXT), min_size=len(sheets), max_size=len(sheets)))
    people = [Voice(name=n, role=r, given=s) for n, r, s in zip(names, roles, sheets, strict=True)]
    merged = merge(q, people)
    team, day = data.draw(texts(200, min_size=0)), data.draw(dates())
    text = render_team_file(q, team, day, merged.given, merged.record)
    loaded: Answers = parse_answers(text, "team.yaml", q)
    assert loaded.given == {
        k: Answer(answer=a.answer, evidence=a.evidence or None, reason=a.reason or None)
        for k, a in merged.given.items()
    }
    assert loaded.consensus == merged.record
    assert (loaded.team, loaded.assessed_on, loaded.respondent) == (team.strip(), day, None)
