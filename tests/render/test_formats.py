"""The format registry: every ``str`` Enum member reaches its own renderer, whose output is what users get."""

from __future__ import annotations

import importlib
from enum import Enum

import pytest

from mlops_maturity.choices import CompareFormat, ConsensusFormat, PortfolioFormat, ScanFormat, ScoreFormat
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.organisation.compare import compare
from mlops_maturity.engine.scoring.gates import Thresholds
from mlops_maturity.render import formats
from mlops_maturity.render.options import RenderOptions

from support.reports import PARTIAL, TOP, report_for


@pytest.mark.parametrize("fmt", list(ScoreFormat))
def test_every_score_format_is_rendered_by_its_own_module(fmt: ScoreFormat, tiny: Questionnaire) -> None:
    report = report_for(tiny, PARTIAL, Thresholds(min_stage=2))
    module = importlib.import_module(f"mlops_maturity.render.score.{fmt.value}")
    text = formats.render_score(fmt, report, RenderOptions())
    assert text == module.render(report, RenderOptions())
    assert text.endswith("\n")
    # the team is named in every format (escaped as that format requires): only the word "Fraud" survives every escape
    assert "Fraud" in text


@pytest.mark.parametrize("fmt", list(CompareFormat))
def test_every_compare_format_is_rendered_by_its_own_module(fmt: CompareFormat, tiny: Questionnaire) -> None:
    comparison = compare(report_for(tiny, PARTIAL).result, report_for(tiny, TOP).result)
    module = importlib.import_module(f"mlops_maturity.render.compare.{fmt.value}")
    assert formats.render_compare(fmt, comparison, RenderOptions()) == module.render(comparison, RenderOptions())


@pytest.mark.parametrize(
    ("command", "kind"),
    [
        ("score", ScoreFormat),
        ("compare", CompareFormat),
        ("portfolio", PortfolioFormat),
        ("consensus", ConsensusFormat),
        ("scan", ScanFormat),
    ],
)
def test_every_member_of_every_format_enum_has_its_renderer(command: str, kind: type[Enum]) -> None:
    """Each member has its module, as ``render/formats.py`` imports it (mypy checks the match is exhaustive)."""
    for fmt in kind:
        module = importlib.import_module(f"mlops_maturity.render.{command}.{fmt.value}")
        assert callable(module.render), f"render/{command}/{fmt.value}.py has no render()"


def test_an_unhandled_member_is_an_error_not_a_silent_empty_string() -> None:
    with pytest.raises(AssertionError, match="unhandled format"):
        formats.assert_never("pdf")  # type: ignore[arg-type]
