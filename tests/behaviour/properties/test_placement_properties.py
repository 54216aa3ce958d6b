"""The placement rule and the range "don't know" leaves open, as properties over generated questionnaires and answers.

What ``engine/scoring/placement.py`` promises: the stage is the highest whose defining facts (and those of every
stage below) the answers show, so no team is placed below a stage whose summary is true of it; both ends of the
range only rise when an answer rises; whatever the unknown answers turn out to be, the placement lands inside
the range printed; and each answer named as deciding the range does decide it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import UNKNOWN, Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.engine.scoring.placement import place
from mlops_maturity.engine.scoring.sheet import Sheet
from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support.questionnaire_strategies import questionnaires
from support.strategies import answers_of, given_answers, raisable

SOME = settings(max_examples=40, deadline=None)
SHEETS = 4
SHIPPED = load_questionnaire()


def _placement(q: Questionnaire, result: Result) -> tuple[int, int]:
    return result.stage.number, q.level_rank[result.level.id]


def _range(q: Questionnaire, result: Result) -> tuple[tuple[int, int], tuple[int, int]]:
    r = result.range
    return (r.stage.low, r.stage.high), (q.level_rank[r.level.low], q.level_rank[r.level.high])


def _check_placement_rule(q: Questionnaire, given: dict[str, Answer]) -> None:
    sheet = Sheet(q, given)
    stage, level = place(q, sheet)
    defining = [[c for c in s.criteria if c.role == "defining"] for s in q.stages]
    assert all(sheet.met(c) for rung in defining[1 : stage + 1] for c in rung), "the placed stage's facts hold"
    if stage < q.top_stage:
        assert not all(sheet.met(c) for c in defining[stage + 1]), "not placed below a stage whose facts hold"
    result = assess(q, answers_of(q, given))
    assert {(g.stage, g.question) for g in result.foundational_gaps} == {
        (s.number, reading.question)
        for s in q.stages[1 : stage + 1]
        for c in s.criteria
        if c.role == "supporting" and sheet.applies(c) and not sheet.met(c)
        for reading in sheet.missing_readings(c)
    }
    levels = [lv.criteria for lv in q.levels]
    assert all(sheet.met(c) for rung in levels[1 : level + 1] for c in rung if c.role == "defining")


@SOME
@given(q=questionnaires(), data=st.data())
def test_the_stage_is_the_highest_whose_defining_facts_hold(q: Questionnaire, data: st.DataObject) -> None:
    for _ in range(SHEETS):
        _check_placement_rule(q, data.draw(given_answers(q, texts_too=False)))


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_shipped_questionnaire_places_by_its_defining_facts(data: st.DataObject) -> None:
    _check_placement_rule(SHIPPED, data.draw(given_answers(SHIPPED, texts_too=False)))


@SOME
@given(q=questionnaires(), data=st.data())
def test_both_ends_of_the_range_only_rise_when_an_answer_rises(q: Questionnaire, data: st.DataObject) -> None:
    for _ in range(SHEETS):
        given = data.draw(given_answers(q, texts_too=False))
        candidates = [x for x in q.questions if raisable(x, given.get(x.id))]
        if not candidates:
            continue
        question = data.draw(st.sampled_from(candidates))
        new = data.draw(st.sampled_from(raisable(question, given.get(question.id))))
        before = _range(q, assess(q, answers_of(q, given)))
        after = _range(q, assess(q, answers_of(q, {**given, question.id: Answer(answer=new)})))
        if (given.get(question.id) or Answer()).answer not in (None, UNKNOWN):
            # from an option (or "not applicable", which meets nothing) to a higher one: each end can only rise
            assert after[0][0] >= before[0][0] and after[0][1] >= before[0][1]
            assert after[1][0] >= before[1][0] and after[1][1] >= before[1][1]
        else:  # an unknown found out: the range can only narrow around what it was
            assert after[0][0] >= before[0][0] and after[0][1] <= before[0][1]
            assert after[1][0] >= before[1][0] and after[1][1] <= before[1][1]


def _check_unknowns_stay_inside(q: Questionnaire, given: dict[str, Answer], data: st.DataObject) -> None:
    result = assess(q, answers_of(q, given))
    (low, high), (level_low, level_high) = _range(q, result)
    assert (low, level_low) == _placement(q, result), "the placement is the range's lower end"
    # a scope question left unanswered takes its default: what the team runs is never unknown
    unknown = [x for x in q.questions if not x.scope and (given.get(x.id) or Answer()).answer in (None, UNKNOWN)]
    if not unknown:
        assert (low, level_low) == (high, level_high) and not result.range.deciding
    found_out = {x.id: Answer(answer=data.draw(st.sampled_from(x.option_ids))) for x in unknown}
    stage, level = _placement(q, assess(q, answers_of(q, {**given, **found_out})))
    assert low <= stage <= high and level_low <= level <= level_high
    best = {x.id: Answer(answer=x.option_ids[-1]) for x in unknown}
    assert _placement(q, assess(q, answers_of(q, {**given, **best}))) == (high, level_high)
    for d in result.range.deciding:
        question = q.by_id[d.question]
        with_needs = _placement(q, assess(q, answers_of(q, {**given, **best, d.question: Answer(answer=d.needs)})))
        assert with_needs == (high, level_high), "the option named lifts the team to the top of the range"
        held = _placement(q, assess(q, answers_of(q, {**given, **best, d.question: Answer(answer=UNKNOWN)})))
        assert held == (d.holds_stage, q.level_rank[d.holds_level]) and held != (high, level_high)
        if question.rank(d.needs) > 0:
            below = question.option_ids[question.rank(d.needs) - 1]
            assert _placement(q, assess(q, answers_of(q, {**given, **best, d.question: Answer(answer=below)}))) != (
                high,
                level_high,
            ), "no lesser option would do"


@SOME
@given(q=questionnaires(), data=st.data())
def test_whatever_the_unknowns_turn_out_to_be_the_placement_stays_in_the_range(
    q: Questionnaire, data: st.DataObject
) -> None:
    for _ in range(SHEETS):
        _check_unknowns_stay_inside(q, data.draw(given_answers(q, texts_too=False)), data)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_on_the_shipped_questionnaire_the_unknowns_stay_in_the_range(data: st.DataObject) -> None:
    _check_unknowns_stay_inside(SHIPPED, data.draw(given_answers(SHIPPED, texts_too=False)), data)
