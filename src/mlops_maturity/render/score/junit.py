"""``score --format junit``: JUnit XML for the test tabs of GitLab, Jenkins and Azure DevOps.

One test suite: a test case per threshold given on the command line and per
entry criterion of the next stage; a failed threshold or an unmet criterion is
a failure. The XML is built with ElementTree, so every user string is escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from mlops_maturity.engine.result import Result, StageStatus
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport

SUITE = "mlops-maturity"

# Characters XML 1.0 cannot hold at all, even escaped; a YAML string can contain them.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(report: ScoreReport, options: RenderOptions) -> str:
    result = report.result
    root = ET.Element("testsuites")
    suite = ET.SubElement(root, "testsuite", name=clean(_suite_name(result)))
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("team", result.team),
        ("questionnaire", f"{result.questionnaire.id} {result.questionnaire.version}"),
        ("stage", str(result.stage.number)),
        ("stage_name", result.stage.name),
        ("level", result.level.id),
        ("overall_score", f"{result.overall_score:g}"),
    ):
        ET.SubElement(properties, "property", name=name, value=clean(value))
    cases = 0
    failures = 0
    for check in report.checks:
        case = _case(suite, f"{SUITE}.thresholds", check.id, report.file, None)
        if not check.passed:
            _fail(case, check.message, "threshold")
            failures += 1
        cases += 1
    nxt = _next_stage(result)
    if nxt is not None:
        for c in nxt.criteria:
            name = f"{c.title} ({c.question})"
            case = _case(suite, f"{SUITE}.stage-{nxt.number}", name, report.file, report.lines.get(c.question))
            if not c.met:
                _fail(
                    case,
                    f"{c.question}: now {c.current_label}; stage {nxt.number} needs at least: {c.required_label}",
                    "criterion",
                )
                failures += 1
            cases += 1
    for key, count in (("tests", cases), ("failures", failures), ("errors", 0), ("skipped", 0), ("time", 0)):
        suite.set(key, str(count))
        root.set(key, str(count))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite_name(result: Result) -> str:
    return f"{SUITE}: {result.team}" if result.team else SUITE


def _next_stage(result: Result) -> StageStatus | None:
    if result.stage.next is None:
        return None
    return next((s for s in result.stages if s.number == result.stage.next.number), None)


def _case(suite: ET.Element, classname: str, name: str, file: str, line: int | None) -> ET.Element:
    case = ET.SubElement(suite, "testcase", classname=clean(classname), name=clean(name), time="0")
    if file:
        case.set("file", clean(file))
    if line:
        case.set("line", str(line))
    return case


def _fail(case: ET.Element, message: str, kind: str) -> None:
    failure = ET.SubElement(case, "failure", message=clean(message), type=kind)
    failure.text = clean(message)
