"""The sandboxed Jinja environment: filters, template lookup, and errors that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.result import Result
from mlops_maturity.errors import TemplateError
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.report import render_report
from mlops_maturity.render.report.render import environment, number, percent, render_template

from support import DATA as SUPPORT_DATA

DATA = SUPPORT_DATA

REPORT_Q = DATA / "questionnaires" / "report"


@pytest.fixture(scope="module")
def fraud() -> Result:
    q = load_questionnaire(REPORT_Q)
    return assess(q, load_answers(DATA / "report" / "fraud.yaml", q))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(57.49999, "57.5"), (60.0, "60"), (100, "100"), (0.04, "0"), (33.35, "33.4"), (None, "n/a"), (99.96, "100")],
)
def test_number(value: float | None, expected: str) -> None:
    assert number(value) == expected


@pytest.mark.parametrize(("ratio", "expected"), [(0.0, "0%"), (0.4, "40%"), (0.91, "91%"), (1.0, "100%")])
def test_percent(ratio: float, expected: str) -> None:
    assert percent(ratio) == expected


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return folder


def test_values_are_escaped_unless_marked(tmp_path: Path, fraud: Result) -> None:
    folder = _write(tmp_path, "report.md.j2", "{{ text }} {{ text | md }} {{ '*x*' | raw }} {{ 57.49999 | num }}\n")
    out = render_template(environment(folder), "report.md.j2", {"text": "<a>_b_"})
    assert out == "&lt;a&gt;\\_b\\_ &lt;a&gt;\\_b\\_ *x* 57.5\n"


def test_svg_templates_escape_for_xml(tmp_path: Path) -> None:
    folder = _write(tmp_path, "chart.svg.j2", "<text>{{ text }}</text>\n")
    out = render_template(environment(folder, svg=True), "chart.svg.j2", {"text": '<b> & "q"'})
    assert out == "<text>&lt;b&gt; &amp; &#34;q&#34;</text>\n"


def test_a_section_override_keeps_every_other_section(tmp_path: Path, fraud: Result) -> None:
    _write(tmp_path, "sections/roadmap.md.j2", "## Roadmap\n\nOur own plan for {{ result.team }}.\n")
    out = render_report(fraud, template_dir=tmp_path).markdown
    assert "Our own plan for Fraud detection." in out
    assert "## In one minute" in out and "## Appendix: every answer" in out
    assert "Owner: ___" not in out


def test_a_user_report_can_wrap_the_shipped_one(tmp_path: Path, fraud: Result) -> None:
    _write(tmp_path, "report.md.j2", "Prepared for the board.\n\n{% include 'shipped/report.md.j2' %}\n")
    out = render_report(fraud, template_dir=tmp_path).markdown
    assert out.startswith("Prepared for the board.\n\n# Report test questionnaire: Fraud detection\n")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("line one\n{{ result.__class__ }}\n", "report.md.j2:2: blocked by the template sandbox: "),
        ("{{ result.model_config.__class__.__mro__ }}\n", "report.md.j2:1: blocked by the template sandbox: "),
        ("{{ cycler.__init__.__globals__ }}\n", "report.md.j2:1: blocked by the template sandbox: "),
        (
            "\n\n{{ result.teem }}\n",
            "report.md.j2:3: 'mlops_maturity.engine.model.result.Result object' has no attribute 'teem'",
        ),
        ("{{ missing }}\n", "report.md.j2:1: 'missing' is undefined"),
        ("{% if %}\n", "report.md.j2:1: template syntax error: "),
        ("{% include 'nowhere.md.j2' %}\n", "template 'nowhere.md.j2' not found"),
        ("{{ 1 // 0 }}\n", "report.md.j2:1: the template failed: ZeroDivisionError"),
        ("{{ range(10**9) | list }}\n", "report.md.j2:1: over a template limit: range() gives at most 100,000 numbers"),
    ],
)
def test_template_failures_are_clear_errors(tmp_path: Path, fraud: Result, template: str, message: str) -> None:
    _write(tmp_path, "report.md.j2", template)
    with pytest.raises(TemplateError) as caught:
        render_report(fraud, template_dir=tmp_path)
    assert message in str(caught.value)
