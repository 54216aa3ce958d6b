"""CI gates: threshold flags checked against the questionnaire, baselines that say what dropped."""

from __future__ import annotations

import pytest

from mlops_maturity.cli.options.thresholds import parse_thresholds
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.scoring.gates import Check, Thresholds, evaluate_checks
from mlops_maturity.errors import UsageError

from support.reports import PARTIAL, TOP, report_for


def test_parse_thresholds(tiny: Questionnaire) -> None:
    assert parse_thresholds(tiny, 1, "low", ("deploy=50", "deploy=62.5")) == Thresholds(1, "low", {"deploy": 62.5})


@pytest.mark.parametrize(
    ("stage", "level", "dims", "message"),
    [
        (3, None, (), "--min-stage 3: stages run from 0 to 2"),
        (None, "medium", (), "--min-level 'medium': choose one of: no, low, high"),
        (None, None, ("deploy",), "--min-dimension 'deploy': write it as ID=SCORE, for example monitoring=50"),
        (None, None, ("ship=5",), "--min-dimension 'ship=5': unknown dimension 'ship'; choose one of: deploy"),
        (None, None, ("deploy=lots",), "--min-dimension 'deploy=lots': 'lots' is not a number from 0 to 100"),
        (None, None, ("deploy=101",), "--min-dimension 'deploy=101': scores run from 0 to 100"),
    ],
)
def test_bad_threshold_flags_name_the_choices(
    tiny: Questionnaire, stage: int | None, level: str | None, dims: tuple[str, ...], message: str
) -> None:
    with pytest.raises(UsageError) as caught:
        parse_thresholds(tiny, stage, level, dims)
    assert str(caught.value) == message


def test_thresholds_pass_and_fail(tiny: Questionnaire) -> None:
    result = report_for(tiny, PARTIAL).result
    checks = evaluate_checks(tiny, result, Thresholds(1, "high", {"deploy": 12.5}))
    assert checks == (
        Check("min-stage", True, "stage 1 (One); required at least 1"),
        Check("min-level", False, "level Low MLOps; required at least High MLOps"),
        Check("min-dimension:deploy", True, "Deployment scores 12.5; required at least 12.5"),
    )


def test_baseline_drop_names_what_dropped(tiny: Questionnaire) -> None:
    checks = report_for(tiny, PARTIAL, baseline=TOP).checks
    assert checks == (
        Check("baseline:stage", False, "stage dropped from 2 (Two) to 1 (One)"),
        Check("baseline:level", False, "level dropped from High MLOps to Low MLOps"),
        Check("baseline:dimension:deploy", False, "Deployment dropped from 100 to 12.5 (-87.5)"),
    )


def test_baseline_improvement_passes(tiny: Questionnaire) -> None:
    checks = report_for(tiny, TOP, baseline=PARTIAL).checks
    assert checks == (
        Check("baseline:stage", True, "stage 2 (Two); baseline 1"),
        Check("baseline:level", True, "level High MLOps; baseline Low MLOps"),
        Check("baseline:dimension:deploy", True, "Deployment scores 100; baseline 12.5"),
    )


def test_no_thresholds_no_checks(tiny: Questionnaire) -> None:
    assert report_for(tiny, PARTIAL).checks == ()
