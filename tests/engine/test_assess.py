from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result


def answers(given: dict[str, str | Answer], team: str = "t") -> Answers:
    full = {k: v if isinstance(v, Answer) else Answer(answer=v) for k, v in given.items()}
    return Answers(file="a.yaml", questionnaire=None, team=team, assessed_on=None, given=full)


def score(q: Questionnaire, **given: str | Answer) -> Result:
    return assess(q, answers({k.replace("__", "."): v for k, v in given.items()}))


def test_nothing_answered_is_stage_zero(tiny: Questionnaire) -> None:
    result = score(tiny)
    assert (result.stage.number, result.level.id, result.overall_score) == (0, "no", 0.0)
    assert result.unanswered == ("deploy.prod", "deploy.who")
    assert (result.completeness.skipped, result.completeness.pending) == (0, 1)  # deploy.auto waits on deploy.prod
    assert result.gaps[0].question == "deploy.prod"


def test_placement_is_cumulative(tiny: Questionnaire) -> None:
    # Strong at stage 2's criteria but missing stage 1's basics: stays at 0, and says which basic.
    result = score(tiny, deploy__prod="none", deploy__who="platform")
    assert result.stage.number == 0
    assert [g.question for g in result.gaps] == ["deploy.prod"]
    assert result.stages[2].criteria[0].met is True


def test_progress_and_gaps_to_next_stage(tiny: Questionnaire) -> None:
    result = score(tiny, deploy__prod="one", deploy__who="platform", deploy__auto="scripted")
    assert result.stage.number == 1
    assert result.stage.progress_to_next == 0.5
    assert [(g.question, g.current, g.required, g.stage) for g in result.gaps] == [
        ("deploy.auto", "scripted", "automated", 2)
    ]
    assert result.roadmap[0].reason == "gap"


def test_top_stage(tiny: Questionnaire) -> None:
    result = score(tiny, deploy__prod="many", deploy__who="platform", deploy__auto="automated")
    assert (result.stage.number, result.stage.next, result.stage.progress_to_next) == (2, None, 1.0)
    assert result.level.id == "high"
    assert result.overall_score == 100.0
    assert result.gaps == () and result.roadmap == ()


def test_dimension_score_is_weighted_by_question_weight_and_points(tiny: Questionnaire) -> None:
    # prod one: 1/2 * w1; who platform: 1/1 * w2; auto scripted: 1/4 * w1  -> (0.5 + 2 + 0.25) / 4
    result = score(tiny, deploy__prod="one", deploy__who="platform", deploy__auto="scripted")
    assert result.dimensions[0].score == round(100 * 2.75 / 4, 1)


def test_unknown_scores_nothing_meets_nothing_and_is_listed(tiny: Questionnaire) -> None:
    result = score(tiny, deploy__prod="one", deploy__who="unknown", deploy__auto="automated")
    assert result.stage.number == 1
    assert result.unknown == ("deploy.who",)
    assert result.completeness.unknown == 1
    assert next(r for r in result.answers if r.question == "deploy.who").label == "don't know"


def test_not_applicable_leaves_the_average_and_meets_no_criterion(tiny: Questionnaire) -> None:
    na = Answer(answer="not_applicable", reason="batch only")
    result = score(tiny, deploy__prod="one", deploy__who="platform", deploy__auto=na)
    assert result.dimensions[0].score == round(100 * 2.5 / 3, 1)
    assert result.stage.number == 1
    assert result.completeness.not_applicable == 1


def test_skipped_question_counts_zero_and_its_answer_is_set_aside_with_a_note(tiny: Questionnaire) -> None:
    result = score(tiny, deploy__prod="none", deploy__who="data_scientists", deploy__auto="automated")
    record = next(r for r in result.answers if r.question == "deploy.auto")
    assert record.status == "skipped"
    assert result.consistency == () and result.warnings == ()
    (note,) = result.notes
    assert note.rule == "ignored_answer" and note.questions == ("deploy.prod", "deploy.auto")


def test_consistency_rule_is_reported_not_fixed(tiny: Questionnaire) -> None:
    result = score(tiny, deploy__prod="one", deploy__who="data_scientists", deploy__auto="automated")
    assert [f.id for f in result.consistency] == ["automated_but_by_hand"]
    assert result.consistency[0].questions == ("deploy.auto", "deploy.who")
    assert result.warnings[0].startswith("Automated deployment is claimed")
    assert result.stage.number == 1


def test_placement_rule_uses_computed_stage_and_level(tiny: Questionnaire) -> None:
    result = score(tiny, deploy__prod="many", deploy__who="data_scientists", deploy__auto="manual")
    assert (result.stage.number, result.level.id) == (1, "high")
    assert [f.id for f in result.consistency] == ["high_at_low_stage"]


def test_risks_and_disciplines_are_tied_to_answers(tiny: Questionnaire) -> None:
    result = score(tiny, deploy__prod="one", deploy__who="data_scientists", deploy__auto="scripted")
    (risk,) = result.risks
    assert [(s.question, s.current) for s in risk.signals] == [
        ("deploy.prod", "one"),
        ("deploy.who", "data_scientists"),
    ]
    (discipline,) = result.disciplines
    assert [(s.question, s.target) for s in discipline.improves] == [
        ("deploy.auto", "automated"),
        ("deploy.who", "platform"),
    ]


def test_target_stage_widens_gaps(tiny: Questionnaire) -> None:
    given = answers({"deploy.prod": "none"})
    assert [g.stage for g in assess(tiny, given).gaps] == [1]
    wide = assess(tiny, given, target_stage=2)
    assert wide.target_stage == 2
    assert [(g.question, g.stage) for g in wide.gaps] == [("deploy.prod", 1), ("deploy.who", 2), ("deploy.auto", 2)]


def _sheets(q: Questionnaire) -> st.SearchStrategy[dict[str, int | None]]:
    """Each question: None (unanswered), -1 (unknown) or an option index."""
    return st.fixed_dictionaries(
        {
            x.id: st.one_of(st.none(), st.integers(0, len(x.options) - 1))
            if x.scope  # a fact the team knows: never "don't know"
            else st.one_of(st.none(), st.just(-1), st.integers(0, len(x.options) - 1))
            for x in q.questions
        }
    )


def _to_answers(q: Questionnaire, sheet: dict[str, int | None]) -> Answers:
    given: dict[str, str | Answer] = {}
    for qid, value in sheet.items():
        if value is not None:
            given[qid] = "unknown" if value == -1 else q.by_id[qid].options[value].id
    return answers(given)


def check_monotone(q: Questionnaire, sheet: dict[str, int | None], which: int) -> None:
    """Raising a practice answer never lowers anything (scope answers say what the team runs: facts, not maturity)."""
    practices = sorted(qid for qid in sheet if not q.by_id[qid].scope)
    qid = practices[which % len(practices)]
    current = sheet[qid]
    top = len(q.by_id[qid].options) - 1
    if current is not None and current >= top:
        return
    raised = {**sheet, qid: 0 if current is None or current == -1 else current + 1}
    before = assess(q, _to_answers(q, sheet))
    after = assess(q, _to_answers(q, raised))
    assert after.stage.number >= before.stage.number, (qid, current)
    assert after.stage.delivery.number >= before.stage.delivery.number, (qid, current)
    assert q.level_rank[after.level.id] >= q.level_rank[before.level.id], (qid, current)
    for old, new in zip(before.dimensions, after.dimensions, strict=True):
        assert old.score is None or new.score is None or new.score >= old.score


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_raising_an_answer_never_lowers_stage_level_or_scores_tiny(tiny: Questionnaire, data: st.DataObject) -> None:
    check_monotone(tiny, data.draw(_sheets(tiny)), data.draw(st.integers(0, 1000)))


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_raising_an_answer_never_lowers_stage_level_or_scores_shipped(
    shipped: Questionnaire, data: st.DataObject
) -> None:
    sheet = data.draw(_sheets(shipped))
    result = assess(shipped, _to_answers(shipped, sheet))
    assert 0 <= result.overall_score <= 100
    assert all(d.score is None or 0 <= d.score <= 100 for d in result.dimensions)
    check_monotone(shipped, sheet, data.draw(st.integers(0, 10_000)))
