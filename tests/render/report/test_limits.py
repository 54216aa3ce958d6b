"""The template budgets: how a value is weighed, and the room a real report leaves in each budget."""

from __future__ import annotations

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.report import render
from mlops_maturity.render.report.limits import MAX_BUILT_CHARS, MAX_STEPS, weight

from support import EXAMPLES


def test_weight_counts_what_printing_would_make_without_printing() -> None:
    big = "x" * 1_000
    assert weight(big) == 1_000
    assert weight([big] * 3) >= 3_000  # a reference repeated weighs as often as it repeats
    nested: list[object] = [big]
    for _ in range(40):  # a list doubled by reference forty times: weighed in 40 steps, never printed
        nested = [nested, nested]
    assert weight(nested) > 2**40 * 1_000
    assert weight(None) >= 1 and weight(10**3000) > 900


EXAMPLE_TEAMS = ["stage1-pilot.yaml", "stage3-platform-serving.yaml", "stage5-full-automation.yaml"]


@pytest.mark.parametrize("example", EXAMPLE_TEAMS)
def test_a_shipped_report_uses_a_small_part_of_each_budget(example: str, monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[tuple[int, int]] = []
    original = render.render_template

    def spy(env: render.ReportSandbox, name: str, context: dict[str, object]) -> str:
        text = original(env, name, context)
        used.append((MAX_STEPS - env.budget.steps_left, MAX_BUILT_CHARS - env.budget.built_left))
        return text

    monkeypatch.setattr("mlops_maturity.render.report.render_template", spy)
    from mlops_maturity.render.report import render_report

    q = load_questionnaire()
    render_report(assess(q, load_answers(EXAMPLES / example, q)), chart_name="chart.svg")
    assert len(used) == 2
    for steps, built in used:
        assert 0 < steps < MAX_STEPS // 100
        assert 0 < built < MAX_BUILT_CHARS // 100
