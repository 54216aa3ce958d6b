"""Every ``score --format`` renders through the one interface, deterministically."""

from __future__ import annotations

import pytest

from mlops_maturity.checks import Thresholds
from mlops_maturity.choices import Format
from mlops_maturity.formats import RenderOptions, render, renderer
from mlops_maturity.questionnaire import Questionnaire
from reports import PARTIAL, report_for


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_renders_a_nonempty_string(fmt: Format, tiny: Questionnaire) -> None:
    report = report_for(tiny, PARTIAL, Thresholds(min_stage=2))
    text = render(fmt, report, RenderOptions())
    assert isinstance(text, str)
    assert text.endswith("\n")
    assert "tiny" in text or "Tiny" in text or "deploy" in text


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_is_deterministic(fmt: Format, tiny: Questionnaire) -> None:
    first = render(fmt, report_for(tiny, PARTIAL, Thresholds(min_stage=2)))
    second = render(fmt, report_for(tiny, PARTIAL, Thresholds(min_stage=2)))
    assert first == second


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_has_its_own_module(fmt: Format) -> None:
    assert renderer(fmt).__module__ == f"mlops_maturity.formats.{fmt.value}"
