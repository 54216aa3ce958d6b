"""Realistic teams, described in plain facts, land where seed 000 and seed 002 put them, under every honest reading.

Each profile under ``tests/data/profiles/`` states the team's facts, the stage and level the seeds give it
with the sentence that decides it, its answers, and alternative answers a real respondent could give to an
ambiguous question. The test fails when any profile, or any of its alternative readings, moves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.yaml_reader import Document, load_file

from support import DATA

PROFILES = sorted((DATA / "profiles").glob("*.yaml"))


def _profile(path: Path) -> dict[str, Any]:
    data = load_file(path).data
    assert isinstance(data, dict) and data["facts"] and data["decided_by"] and data["alternatives"], path
    return data


def _score(q: Questionnaire, path: Path, answers: dict[str, Any]) -> Result:
    document = {"questionnaire": q.id, "team": path.stem, "answers": answers}
    return assess(q, check_answers(Document(str(path), document, {}), q))


def _placement(q: Questionnaire, result: Result) -> tuple[int, str]:
    return result.stage.number, result.level.id


def test_there_are_at_least_twelve_profiles() -> None:
    assert len(PROFILES) >= 12


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_the_profile_lands_where_the_seeds_put_it(shipped: Questionnaire, path: Path) -> None:
    profile = _profile(path)
    expected = profile["expected"]
    result = _score(shipped, path, profile["answers"])
    assert _placement(shipped, result) == (int(expected["stage"]), expected["level"]), profile["decided_by"]
    if "range" in expected:  # what the don't-know answers leave open: [stage low, high], [level low, high]
        r = result.range
        (stage_low, stage_high), levels = expected["range"]
        assert [[r.stage.low, r.stage.high], [r.level.low, r.level.high]] == [[int(stage_low), int(stage_high)], levels]
    assert [g.question for g in result.foundational_gaps] == expected["foundational"]
    rules = {w.rule for w in result.warning_details}
    assert "ignored_answer" not in rules, "a profile answers only the questions that apply to it"
    if "warnings" in expected:
        assert rules == set(expected["warnings"])
    if "risks" in expected:
        assert {r.id for r in result.risks} == set(expected["risks"])
    if "pending_at_least" in expected:
        assert result.completeness.pending >= int(expected["pending_at_least"])


def _alternatives() -> list[tuple[Path, dict[str, str]]]:
    return [(path, alt) for path in PROFILES for alt in _profile(path)["alternatives"]]


@pytest.mark.parametrize(
    ("path", "alternative"), _alternatives(), ids=lambda v: v.stem if isinstance(v, Path) else v["question"]
)
def test_an_honest_alternative_reading_gives_the_same_placement(
    shipped: Questionnaire, path: Path, alternative: dict[str, str]
) -> None:
    profile = _profile(path)
    answers = dict(profile["answers"])
    assert alternative["question"] in shipped.by_id and alternative["why"]
    if alternative["answer"] == "unanswered":
        answers.pop(alternative["question"])
    else:
        assert alternative["answer"] != answers.get(alternative["question"]), "an alternative must differ"
        answers[alternative["question"]] = alternative["answer"]
    expected = profile["expected"]
    result = _score(shipped, path, answers)
    assert _placement(shipped, result) == (int(expected["stage"]), expected["level"]), alternative["why"]


def _moves() -> list[tuple[Path, dict[str, Any]]]:
    return [(path, move) for path in PROFILES for move in _profile(path).get("known_moves", [])]


@pytest.mark.parametrize(("path", "move"), _moves(), ids=lambda v: v.stem if isinstance(v, Path) else v["question"])
def test_a_reading_known_to_move_the_team_moves_it_where_it_says(
    shipped: Questionnaire, path: Path, move: dict[str, Any]
) -> None:
    """Readings that still move a team are data too, each with the reason the move is accepted."""
    profile = _profile(path)
    answers = {**profile["answers"], move["question"]: move["answer"]}
    result = _score(shipped, path, answers)
    to = move["moves_to"]
    assert move["why"] and _placement(shipped, result) == (int(to["stage"]), to["level"])
    expected = profile["expected"]
    assert (int(to["stage"]), to["level"]) != (int(expected["stage"]), expected["level"])
