"""``score --format junit``: JUnit XML that CI test tabs read."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.scoring.gates import Thresholds
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score.junit import clean, render

from support.reports import PARTIAL, TOP, report_for


def test_gates_are_the_tests_and_next_stage_criteria_are_skipped_information(tiny: Questionnaire) -> None:
    text = render(report_for(tiny, PARTIAL, Thresholds(min_stage=2, min_level="low")), RenderOptions())
    root = ET.fromstring(text)
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == (
        "4",
        "1",
        "0",
        "2",
    )
    assert (root.get("tests"), root.get("failures")) == ("4", "1")

    def outcome(case: ET.Element) -> str:
        return next((child.tag for child in case if child.tag in ("failure", "skipped", "error")), "passed")

    cases = [(c.get("classname"), c.get("name"), outcome(c)) for c in suite.iter("testcase")]
    assert cases == [
        ("mlops-maturity.thresholds", "min-stage", "failure"),
        ("mlops-maturity.thresholds", "min-level", "passed"),
        ("mlops-maturity.stage-2", "Who deploys (deploy.who)", "skipped"),
        ("mlops-maturity.stage-2", "Automated deployment (deploy.auto)", "skipped"),
    ]
    skipped = suite.findall("testcase")[3].find("skipped")
    assert skipped is not None
    assert skipped.get("message") == (
        "not yet met (information, not a gate): deploy.auto: now don't know; stage 2 needs at least: Automated"
    )
    assert (skipped.text or "").startswith("answers/tiny-partial.yaml:7: not yet met")


def test_without_gates_nothing_fails(tiny: Questionnaire) -> None:
    suite = ET.fromstring(render(report_for(tiny, PARTIAL), RenderOptions())).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == (
        "2",
        "0",
        "0",
        "2",
    )
    assert suite.find("testcase/failure") is None


def test_team_names_are_escaped(tiny: Questionnaire) -> None:
    text = render(report_for(tiny, PARTIAL), RenderOptions())
    assert 'name="mlops-maturity: Fraud &amp; &lt;Risk&gt; | &quot;ops&quot;"' in text
    suite = ET.fromstring(text).find("testsuite")
    assert suite is not None
    assert suite.get("name") == 'mlops-maturity: Fraud & <Risk> | "ops"'


def test_characters_xml_cannot_hold_are_replaced(tiny: Questionnaire) -> None:
    report = report_for(tiny, PARTIAL)
    odd = report.result.model_copy(update={"team": "a\x00b\x1bc\ufffe"})
    text = render(replace(report, result=odd), RenderOptions())
    suite = ET.fromstring(text).find("testsuite")
    assert suite is not None
    assert suite.get("name") == "mlops-maturity: a\ufffdb\ufffdc\ufffd"
    assert clean("tab\tnew\nline") == "tab\tnew\nline"


def test_top_stage_without_thresholds_is_an_empty_passing_suite(tiny: Questionnaire) -> None:
    suite = ET.fromstring(render(report_for(tiny, TOP), RenderOptions())).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("0", "0")
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props == {
        "team": "Fraud",
        "questionnaire": "tiny 1.0.0",
        "stage": "2",
        "stage_name": "Two",
        "level": "high",
        "overall_score": "100",
    }
