"""``scan --format github``: workflow commands that annotate the lines the findings are on.

Without an answers file, each probe's first strong finding is a notice. With
one, the verdicts speak instead: a contradiction is an error on the line that
refutes the answer, the repository showing more is a notice on its evidence,
and an unverified answer is a notice on the answer's line in the answers
file. Paths are given from where the command runs, which is what GitHub reads.
"""

from __future__ import annotations

from collections.abc import Iterable

from mlops_maturity import TOOL
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.scan import ScanReport, summary
from mlops_maturity.render.score.github import command


def render(report: ScanReport, options: RenderOptions) -> str:
    return "".join(f"{line}\n" for line in _lines(report))


def _lines(report: ScanReport) -> Iterable[str]:
    scan = report.scan
    if report.verdicts is None:
        seen: set[str] = set()
        for finding in scan.findings:
            if finding.strength != "strong" or finding.probe in seen:
                continue
            seen.add(finding.probe)
            probe = scan.probe(finding.probe)
            yield command(
                "notice",
                f"{probe.title}: supports at least {finding.supports} for {finding.question}",
                report.located(finding.path),
                finding.line,
                f"{TOOL}: evidence for {finding.question}",
            )
    else:
        for verdict in report.verdicts:
            first = verdict.findings[0] if verdict.findings else None
            if verdict.status == "contradicted" and first is not None:
                yield command(
                    "error",
                    f"{verdict.question}: {verdict.message}",
                    report.located(first.path),
                    first.line,
                    f"{TOOL}: answer contradicted: {verdict.question}",
                )
            elif verdict.status == "shows_more" and first is not None:
                yield command(
                    "notice",
                    f"{verdict.question}: {verdict.message}",
                    report.located(first.path),
                    first.line,
                    f"{TOOL}: the repository shows more: {verdict.question}",
                )
            elif verdict.status == "unverified":
                yield command(
                    "notice",
                    f"{verdict.question}: {verdict.message}",
                    report.answers_file or "",
                    report.answer_lines.get(verdict.question),
                    f"{TOOL}: unverified: {verdict.question}",
                )
    for dismissal in scan.dismissed:
        finding = dismissal.finding
        yield " ".join(f"{TOOL}: dismissed {finding.probe} at {finding.where}: {dismissal.reason}".split())
    # Plain log lines start with the tool's name and stay on one line, so none can read as a command.
    yield " ".join(f"{TOOL}: scanned {scan.root}: {summary(report)}".split())
