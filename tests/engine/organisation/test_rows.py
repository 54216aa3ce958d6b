"""The lean per-file summary must agree with the full assessment."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.organisation.rows import Row, summarize, team_of
from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support import DATA, TINY

ORG = load_questionnaire(DATA / "questionnaires" / "org")
SMALL = [ORG, load_questionnaire(TINY)]


def _answers(q: Questionnaire, picks: list[int], team: str = "t") -> Answers:
    given = {}
    for question, pick in zip(q.questions, picks, strict=False):
        choices = [*question.option_ids, "unknown", None]
        if question.allow_not_applicable:
            choices.append("not_applicable")
        value = choices[pick % len(choices)]
        if value is not None:
            given[question.id] = Answer(answer=value, reason="r" if value == "not_applicable" else None)
    return Answers(file="teams/x.yaml", questionnaire=q.id, team=team, assessed_on=None, given=given)


def _agree(q: Questionnaire, answers: Answers) -> None:
    row, result = summarize(q, answers), assess(q, answers)
    assert row.stage == result.stage.number
    assert q.levels[row.level].id == result.level.id
    assert row.overall_score == result.overall_score
    # a row keeps a score (or None) for every dimension; a result lists those the team is asked about
    scored = {d.id: d.score for d in result.dimensions}
    by_id = dict(zip((d.id for d in q.dimensions), row.dimensions, strict=True))
    assert {k: v for k, v in by_id.items() if k in scored} == scored
    assert all(v is None for k, v in by_id.items() if k not in scored)
    assert row.gaps == tuple(dict.fromkeys(g.question for g in result.gaps))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SMALL), st.lists(st.integers(0, 10), min_size=8, max_size=8))
def test_summary_matches_assess_on_small_questionnaires(q: Questionnaire, picks: list[int]) -> None:
    _agree(q, _answers(q, picks))


def test_summary_matches_assess_on_the_shipped_questionnaire(shipped: Questionnaire) -> None:
    for seed in range(60):
        picks = [(seed * 7 + i * (seed % 5 + 1)) % 6 for i in range(len(shipped.questions))]
        _agree(shipped, _answers(shipped, picks))


def test_a_full_org_row() -> None:
    answers = _answers(ORG, [2, 1, 1, 1, 1, 0], team="Alpha")
    assert summarize(ORG, answers) == Row(
        file="teams/x.yaml",
        team="Alpha",
        assessed_on=None,
        stage=2,
        level=1,
        stage_high=2,
        level_high=1,
        overall_score=39.6,
        dimensions=(75.0, 50.0, 16.7),
        gaps=("people.owner",),
    )


def test_team_falls_back_to_the_file_name() -> None:
    answers = _answers(ORG, [0] * 6, team="")
    assert team_of(answers) == "x"
    assert team_of(answers.model_copy(update={"file": str(Path("a") / "b.c.yaml")})) == "b.c"
