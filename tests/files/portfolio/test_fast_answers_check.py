"""The fast answers check must agree with ``check_answers`` on everything it accepts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlops_maturity.errors import AnswersError
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.portfolio.fast_answers_check import QuickChecker
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.yaml_reader import Document

from support import DATA

ORG = load_questionnaire(DATA / "questionnaires" / "org")
CHECKER = QuickChecker(ORG)

IDS = st.sampled_from([*ORG.by_id, "build.test", "other"])
WORDS = st.sampled_from(
    ["none", "manual", "automated", "scripted", "pipeline", "alerts", "yes", "no", "unknown", "not_applicable", "", "x"]
)
TEXTS = st.one_of(st.none(), st.sampled_from(["", "  ", "because", "x" * 2000, "x" * 2001]), st.just({"a": "b"}))
LONG = st.dictionaries(
    st.sampled_from(["answer", "evidence", "reason", "note"]),
    st.one_of(WORDS, TEXTS),
    max_size=3,
)
VALUES = st.one_of(st.none(), WORDS, WORDS, LONG, LONG, st.just(["manual"]))
DOCS = st.fixed_dictionaries(
    {"answers": st.one_of(st.dictionaries(IDS, VALUES, max_size=6), st.none(), st.just("manual"))},
    optional={
        "questionnaire": st.sampled_from(["org", "tiny", None]),
        "team": st.sampled_from([None, "", " Alpha ", "x" * 200, "x" * 201]),
        "assessed_on": st.sampled_from([None, "2026-11-22", "2026-02-30", "2026-1-2", "0000-01-01", "22.11.2026"]),
        "extra": st.just("x"),
    },
)


@st.composite
def nearly_valid(draw: st.DrawFn) -> dict[str, Any]:
    """Documents that are mostly right, so the fast path is taken often and its edges are probed."""
    answers: dict[str, Any] = {}
    for question in ORG.questions:
        value = draw(st.sampled_from([*question.valid_answers(), None]))
        form = draw(st.sampled_from(["short", "short", "long", "long-reason", "odd"]))
        if form == "odd":
            answers[question.id] = draw(VALUES)
        elif form == "short":
            answers[question.id] = value
        else:
            answers[question.id] = {"answer": value, "reason": draw(TEXTS) if form == "long-reason" else None}
    doc: dict[str, Any] = {"answers": answers}
    for key, options in (("team", ["Alpha", "", None]), ("assessed_on", ["2026-11-22", "2026-13-01"])):
        if draw(st.booleans()):
            doc[key] = draw(st.sampled_from(options))
    return doc


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.one_of(DOCS, nearly_valid()))
def test_whatever_the_fast_check_accepts_check_answers_accepts_alike(data: dict[str, Any]) -> None:
    quick = CHECKER.check(data)
    if quick is None:
        return
    full = check_answers(Document("a.yaml", data), ORG)  # must not raise
    assert quick.team == full.team
    assert quick.assessed_on == full.assessed_on
    # Evidence without an answer is kept by check_answers (to be reported) and counts as not answered in both.
    answered = {k: v.answer for k, v in full.given.items() if v.answer is not None}
    assert {k: v.answer for k, v in quick.given.items()} == answered


def test_a_plain_valid_document_is_accepted() -> None:
    data = {
        "questionnaire": "org",
        "team": " Alpha ",
        "assessed_on": "2026-11-22",
        "answers": {
            "build.tests": "manual",
            "run.deploy": {"answer": "not_applicable", "reason": "batch only"},
            "run.monitoring": None,
            "people.owner": {"answer": "unknown", "evidence": "ask Sam"},
        },
    }
    checked = CHECKER.check(data)
    assert checked is not None
    assert (checked.team, checked.assessed_on) == ("Alpha", dt.date(2026, 11, 22))
    assert {k: v.answer for k, v in checked.given.items()} == {
        "build.tests": "manual",
        "run.deploy": "not_applicable",
        "people.owner": "unknown",
    }


def test_anything_doubtful_is_left_to_check_answers() -> None:
    for answers in ({"build.tests": "weekly"}, {"run.deploy": "not_applicable"}, {"nope": "x"}, {}):
        data = {"answers": answers}
        assert CHECKER.check(data) is None
        try:
            check_answers(Document("a.yaml", data), ORG)
        except AnswersError:
            continue
        raise AssertionError(f"check_answers accepted {answers}")
