"""The methodology page's criteria tables are generated from the shipped questionnaire; they cannot drift."""

from __future__ import annotations

from mlops_maturity.engine.model.questionnaire import Questionnaire

from support import ROOT

METHODOLOGY = ROOT / "docs" / "methodology.md"


def test_every_criterion_cites_its_source(shipped: Questionnaire) -> None:
    for rung in (*shipped.stages, *shipped.levels):
        for criterion in rung.criteria:
            assert criterion.source and criterion.source.startswith("Seed 00"), criterion


def test_the_page_names_the_version_it_describes(shipped: Questionnaire) -> None:
    assert f"version {shipped.version}" in METHODOLOGY.read_text(encoding="utf-8")
