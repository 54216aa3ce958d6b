"""``score --format junit``: JUnit XML for the test tabs of GitLab, Jenkins and Azure DevOps.

The gates given on the command line (``--min-stage``, ``--min-level``,
``--min-dimension``, ``--baseline``) are the tests: one test case each, a
failure when it is not met. The entry criteria of the next stage are
information, not tests: one test case each, passed when met and ``<skipped>``
with the gap as its message when not, so a build that meets its gates is never
marked unstable. Without any gate nothing fails. Bad input becomes one test
case with an ``<error>`` (see :func:`render_error`), so the CI's report step
shows the real problem instead of failing to parse an empty file.

The output is valid against the Jenkins/Surefire ``junit-10.xsd`` that GitLab
and Azure DevOps also read (``tests/data/junit/junit-10.xsd``). That schema has
no ``file`` or ``line`` on a test case, so the location is in the message text.
The XML is built with ElementTree, so every user string is escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from mlops_maturity import TOOL
from mlops_maturity.engine.model.result import Result, StageStatus
from mlops_maturity.errors import MaturityError
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport

SUITE = TOOL

# Characters XML 1.0 cannot hold at all, even escaped; a YAML string can contain them.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(report: ScoreReport, options: RenderOptions) -> str:
    result = report.result
    root, suite = _suite(_suite_name(result))
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
    for check in report.checks:
        case = _case(suite, f"{SUITE}.thresholds", check.id)
        if not check.passed:
            _child(case, "failure", check.message, _located(report.file, None, check.message), "threshold")
    nxt = _next_stage(result)
    if nxt is not None:
        for c in nxt.criteria:
            case = _case(suite, f"{SUITE}.stage-{nxt.number}", f"{c.title} ({c.question})")
            if not c.met:
                message = (
                    f"not yet met (information, not a gate): {c.question}: now {c.current_label}; "
                    f"stage {nxt.number} needs at least: {c.required_label}"
                )
                _child(case, "skipped", message, _located(report.file, report.lines.get(c.question), message), None)
    return _finish(root, suite)


def render_error(error: MaturityError, file: str) -> str:
    """The whole output for bad input: one test case that errored with the located message(s)."""
    root, suite = _suite(SUITE)
    case = _case(suite, f"{SUITE}.input", file or "answers file")
    problems = error.problems
    first = str(problems[0]) if problems else str(error)
    _child(case, "error", first, str(error), "bad input")
    return _finish(root, suite)


def _suite(name: str) -> tuple[ET.Element, ET.Element]:
    root = ET.Element("testsuites", name=SUITE)
    return root, ET.SubElement(root, "testsuite", name=clean(name))


def _finish(root: ET.Element, suite: ET.Element) -> str:
    cases = suite.findall("testcase")
    counts = {kind: sum(case.find(kind) is not None for case in cases) for kind in ("failure", "error", "skipped")}
    totals = (("tests", len(cases)), ("failures", counts["failure"]), ("errors", counts["error"]))
    for key, count in (*totals, ("skipped", counts["skipped"]), ("time", 0)):
        suite.set(key, str(count))
    for key, count in (*totals, ("time", 0)):  # the schema has no "skipped" on <testsuites>
        root.set(key, str(count))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite_name(result: Result) -> str:
    return f"{SUITE}: {result.team}" if result.team else SUITE


def _next_stage(result: Result) -> StageStatus | None:
    if result.stage.next is None:
        return None
    return next((s for s in result.stages if s.number == result.stage.next.number), None)


def _located(file: str, line: int | None, message: str) -> str:
    """The message with where it points, as compilers print it: ``file:line: message``."""
    if not file:
        return message
    return f"{file}:{line}: {message}" if line else f"{file}: {message}"


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=clean(classname), name=clean(name), time="0")


def _child(case: ET.Element, tag: str, message: str, body: str, kind: str | None) -> None:
    child = ET.SubElement(case, tag, message=clean(message))
    if kind:
        child.set("type", kind)
    child.text = clean(body)
