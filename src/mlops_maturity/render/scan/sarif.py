"""``scan --format sarif``: SARIF 2.1.0, so that findings show in GitHub code scanning and other SARIF viewers.

Each probe is a rule (its remediation is the rule's help, its docs link the
help URI); each finding is a result at its line, a note when strong and level
``none`` when weak. A dismissed finding stays in the log with a suppression
that carries the annotation's reason, as SARIF intends. With an answers file,
contradicted, unverified and "shows more" verdicts are results of their own.
Paths are relative to where the command runs (``%SRCROOT%``), percent-encoded.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from mlops_maturity import TOOL, __version__
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.scan import ScanReport
from mlops_maturity.scan.verdicts.findings import Finding, ProbeInfo
from mlops_maturity.scan.verdicts.verdicts import Verdict

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/mlops-maturity/"
VERDICT_RULES = {
    "contradicted": ("error", "The repository contradicts an answer", "Correct the answer, or dismiss the finding."),
    "unverified": ("note", "No finding backs a high answer", "Point the answer's evidence at where it is done."),
    "shows_more": ("note", "The repository shows more than an answer", "Raise the answer if the evidence holds."),
}


def render(report: ScanReport, options: RenderOptions) -> str:
    return json.dumps(as_data(report), indent=2, ensure_ascii=False) + "\n"


def as_data(report: ScanReport) -> dict[str, Any]:
    scan = report.scan
    rules = [_rule(p, report) for p in scan.probes]
    index = {p.id: i for i, p in enumerate(scan.probes)}
    results = [_result(f, report, index) for f in scan.findings]
    for dismissal in scan.dismissed:
        result = _result(dismissal.finding, report, index)
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": dismissal.reason}]
        results.append(result)
    if report.verdicts is not None:
        for status, (level, title, help_text) in VERDICT_RULES.items():
            index[f"verdict/{status}"] = len(rules)
            rules.append(
                {
                    "id": f"verdict/{status}",
                    "name": status.title().replace("_", ""),
                    "shortDescription": {"text": title},
                    "help": {"text": help_text},
                    "defaultConfiguration": {"level": level},
                }
            )
        results += [r for v in report.verdicts if (r := _verdict(v, report, index)) is not None]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": TOOL, "version": __version__, "informationUri": INFORMATION_URI, "rules": rules}},
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [{"level": "note", "message": {"text": n}} for n in scan.notes],
            }
        ],
        "results": results,
        "properties": {
            "root": scan.root,
            "listing": scan.listing,
            "filesListed": scan.files_listed,
            "filesRead": scan.files_read,
        },
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(probe: ProbeInfo, report: ScanReport) -> dict[str, Any]:
    question = report.questionnaire.by_id.get(probe.question)
    about = f"Supports at least '{probe.supports}' for {probe.question}"
    if question is not None:
        about += f" ({question.title}: {question.text})"
    tags = ["mlops", probe.question] + ([probe.practice] if probe.practice else [])
    return {
        "id": probe.id,
        "name": "".join(part.title() for part in probe.id.split("-")),
        "shortDescription": {"text": probe.title},
        "fullDescription": {"text": about},
        "help": {"text": probe.remediation, "markdown": f"{probe.remediation}\n\n[Documentation]({probe.docs})"},
        "helpUri": probe.docs,
        "defaultConfiguration": {"level": "note"},
        "properties": {"question": probe.question, "supports": probe.supports, "tags": tags},
    }


def _location(path: str, line: int | None, snippet: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line or 1}
    if snippet:
        region["snippet"] = {"text": snippet}
    artifact = {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _result(finding: Finding, report: ScanReport, index: dict[str, int]) -> dict[str, Any]:
    weak = f" (weak: {finding.note})" if finding.note else (" (weak)" if finding.strength == "weak" else "")
    key = "\0".join((finding.probe, finding.path, finding.text))
    return {
        "ruleId": finding.probe,
        "ruleIndex": index[finding.probe],
        "level": "note" if finding.strength == "strong" else "none",
        "message": {"text": f"Supports at least '{finding.supports}' for {finding.question}{weak}."},
        "locations": [_location(report.located(finding.path), finding.line, finding.text)],
        "partialFingerprints": {"mlopsMaturityFinding/v1": hashlib.sha256(key.encode()).hexdigest()},
        "properties": {"question": finding.question, "supports": finding.supports, "strength": finding.strength},
    }


def _verdict(verdict: Verdict, report: ScanReport, index: dict[str, int]) -> dict[str, Any] | None:
    if verdict.status not in VERDICT_RULES:
        return None
    rule = f"verdict/{verdict.status}"
    first = verdict.findings[0] if verdict.findings else None
    if first is not None:
        location = _location(report.located(first.path), first.line, first.text)
    elif report.answers_file and _inside(report.answers_file):
        location = _location(report.answers_file.replace(os.sep, "/"), report.answer_lines.get(verdict.question))
    else:
        return None  # code scanning needs a location inside the repository
    return {
        "ruleId": rule,
        "ruleIndex": index[rule],
        "level": VERDICT_RULES[verdict.status][0],
        "message": {"text": f"{verdict.question}: {verdict.message}"},
        "locations": [location],
        "properties": {"question": verdict.question, "answer": verdict.answer, "shown": verdict.shown},
    }


def _inside(path: str) -> bool:
    """True for a relative path that stays below where the command runs."""
    return not PurePath(path).is_absolute() and not os.path.normpath(path).startswith("..")
