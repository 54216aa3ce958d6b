"""The methodology page quotes the shipped criteria; keep it in step with the questionnaire."""

from __future__ import annotations

from mlops_maturity.engine.questionnaire import Questionnaire

from support import ROOT

METHODOLOGY = (ROOT / "docs" / "methodology.md").read_text()


def test_every_stage_and_level_criterion_is_documented(shipped: Questionnaire) -> None:
    for rung in (*shipped.stages, *shipped.levels):
        for criterion in rung.criteria:
            assert f"`{criterion.question}` ≥ `{criterion.at_least}`" in METHODOLOGY, criterion


def test_documented_version_matches(shipped: Questionnaire) -> None:
    assert f"(version {shipped.version})" in METHODOLOGY
