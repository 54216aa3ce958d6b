"""The portfolio's models share one set of field names per class, and still copy and compare as models."""

from __future__ import annotations

import sys

from mlops_maturity.engine.organisation.portfolio import TeamSummary, TrendPoint


def point(file: str, score: float = 40.0) -> TrendPoint:
    return TrendPoint(file=file, assessed_on="2026-03-31", stage=1, level="low", overall_score=score)


def test_instances_share_their_set_of_field_names() -> None:
    a, b = point("a.yaml"), point("b.yaml")
    assert a.model_fields_set is b.model_fields_set
    assert a.model_fields_set == {"file", "assessed_on", "stage", "level", "overall_score"}
    assert sys.getsizeof(a.model_fields_set) > 8 * sys.getsizeof(a.overall_score)  # what sharing saves


def test_a_copy_gets_its_own_set_and_leaves_the_shared_one_alone() -> None:
    a = point("a.yaml")
    shared = set(a.model_fields_set)
    b = a.model_copy(update={"overall_score": 55.0})
    assert (b.overall_score, b.file) == (55.0, "a.yaml")
    assert b.model_fields_set is not a.model_fields_set
    assert a.model_fields_set == shared == point("c.yaml").model_fields_set


def test_models_compare_and_serialise_by_value() -> None:
    assert point("a.yaml") == point("a.yaml") != point("a.yaml", 41.0)
    assert point("a.yaml").model_dump_json() == (
        '{"file":"a.yaml","assessed_on":"2026-03-31","stage":1,"level":"low","overall_score":40.0}'
    )


def test_each_class_has_its_own_set() -> None:
    summary = TeamSummary(
        team="A",
        file="a.yaml",
        assessed_on=None,
        stage=0,
        stage_name="Start",
        level="no",
        level_name="None",
        overall_score=0.0,
        dimensions={},
        gaps=(),
        files=1,
    )
    assert "team" in summary.model_fields_set
    assert "team" not in point("a.yaml").model_fields_set
