"""Where the stage and the level are decided: the placement rule of ``engine/scoring/placement.py``."""

from __future__ import annotations

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.stages import Criterion
from mlops_maturity.engine.scoring.placement import foundational, place, rung
from mlops_maturity.engine.scoring.sheet import Sheet


def _sheet(q: Questionnaire, **given: str) -> Sheet:
    return Sheet(q, {k.replace("__", "."): Answer(answer=v) for k, v in given.items()})


D = "defining"
S = "supporting"


def _rungs(*rungs: tuple[tuple[str, str, str], ...]) -> list[list[Criterion]]:
    return [[]] + [[Criterion(question=q, at_least=o, role=r) for q, o, r in criteria] for criteria in rungs]  # type: ignore[arg-type]


def test_every_rung_met_is_reached(tiny: Questionnaire) -> None:
    sheet = _sheet(tiny, deploy__prod="many", deploy__who="platform", deploy__auto="automated")
    assert place(tiny, sheet) == (2, 2)


def test_a_missing_defining_criterion_stops_the_climb(tiny: Questionnaire) -> None:
    criteria = _rungs((("deploy.prod", "one", D),), (("deploy.who", "platform", D),))
    assert rung(criteria, _sheet(tiny, deploy__prod="none", deploy__who="platform")) == 0


def test_a_missing_supporting_criterion_never_moves_the_placement(tiny: Questionnaire) -> None:
    lower = _rungs((("deploy.prod", "one", D), ("deploy.auto", "automated", S)), (("deploy.who", "platform", D),))
    own = _rungs((("deploy.prod", "one", D),), (("deploy.who", "platform", D), ("deploy.auto", "automated", S)))
    sheet = _sheet(tiny, deploy__prod="one", deploy__auto="manual", deploy__who="platform")
    assert rung(lower, sheet) == rung(own, sheet) == 2


def test_an_alternative_reading_meets_a_criterion(tiny: Questionnaire) -> None:
    either = Criterion.model_validate(
        {
            "question": "deploy.who",
            "at_least": "platform",
            "alternatives": [{"question": "deploy.prod", "at_least": "one"}],
        }
    )
    assert _sheet(tiny, deploy__prod="one", deploy__who="data_scientists").met(either)
    assert _sheet(tiny, deploy__prod="none", deploy__who="platform").met(either)
    assert not _sheet(tiny, deploy__prod="none", deploy__who="data_scientists").met(either)
    assert not _sheet(tiny, deploy__prod="unknown").met(either)


def test_foundational_gaps_are_the_unmet_supporting_criteria_up_to_the_stage(shipped: Questionnaire) -> None:
    sheet = _sheet(shipped, strategy__use_cases="pilot_running", strategy__mandate="interest")
    assert foundational(shipped, sheet, 0) == []
    assert [(n, c.question) for n, c in foundational(shipped, sheet, 1)] == [(1, "strategy.mandate")]


def test_pending_and_skipped_are_told_apart(tiny: Questionnaire) -> None:
    assert _sheet(tiny, deploy__prod="none").effective["deploy.auto"].status == "skipped"
    assert _sheet(tiny, deploy__prod="unknown").effective["deploy.auto"].status == "pending"
    assert _sheet(tiny).effective["deploy.auto"].status == "pending"
    assert _sheet(tiny, deploy__prod="unknown").waits_on("deploy.auto") == ("deploy.prod",)
