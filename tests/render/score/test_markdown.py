"""``score --format markdown``: the compact CI summary."""

from __future__ import annotations

import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.scoring.gates import Thresholds
from mlops_maturity.render.markdown import escape
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score.markdown import render

from support.reports import PARTIAL, TOP, report_for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fraud detection", "Fraud detection"),
        ("a | b", "a \\| b"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert\\(1\\)&gt;"),
        (
            "R&D *bold* _it_ `code` [link](x) ~strike~",
            "R&amp;D \\*bold\\* \\_it\\_ \\`code\\` \\[link\\]\\(x\\) \\~strike\\~",
        ),
        ("two\nlines\r\nhere", "two lines here"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_escape_keeps_user_text_literal(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_summary_with_a_failed_threshold(tiny: Questionnaire) -> None:
    text = render(report_for(tiny, PARTIAL, Thresholds(min_stage=2, min_level="low")), RenderOptions())
    assert "| `min-stage` | ❌ fail | stage 1 \\(One\\); required at least 2 |" in text
    assert "| `min-level` | ✅ pass |" in text
    assert "2. Automated deployment (`deploy.auto`): not known → Automated" in text


def test_team_name_cannot_inject_markup(tiny: Questionnaire) -> None:
    text = render(report_for(tiny, PARTIAL), RenderOptions())
    assert text.splitlines()[0] == '## MLOps maturity: Fraud &amp; &lt;Risk&gt; \\| "ops"'


def test_top_stage_has_no_gaps_and_says_so(tiny: Questionnaire) -> None:
    text = render(report_for(tiny, TOP), RenderOptions())
    assert "**Stage 2 of 2: Two** · top stage reached" in text
    assert "Top gaps" not in text
    assert "Threshold" not in text  # no thresholds given, no table


def test_ascii_when_unicode_is_off(tiny: Questionnaire) -> None:
    text = render(report_for(tiny, PARTIAL, Thresholds(min_stage=2)), RenderOptions(unicode=False))
    assert "| `min-stage` | FAIL |" in text
    assert "not known -> Automated" in text
    assert not any(ord(ch) > 127 for ch in text)
