"""``scan --format text``: findings by question, verdicts, dismissals and notes, for a terminal.

Matched lines come from the scanned repository, so control characters (an
escape sequence could rewrite the terminal) and bidirectional overrides are
removed before they are shown.
"""

from __future__ import annotations

from collections.abc import Callable

from mlops_maturity.engine.model.repository_evidence import VERDICT_LABELS
from mlops_maturity.render.markdown import one_line
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.scan import ScanReport, ordered_verdicts, summary
from mlops_maturity.scan.verdicts.findings import Finding

_COLOURS = {"strong": "32", "weak": "33", "contradicted": "31", "unverified": "33", "shows_more": "36"}


def render(report: ScanReport, options: RenderOptions) -> str:
    def paint(text: str, key: str) -> str:
        code = _COLOURS.get(key)
        return f"\x1b[{code}m{text}\x1b[0m" if options.color and code else text

    scan = report.scan
    lines = [f"Scanned {one_line(scan.root)}: {summary(report)}"]
    for question, findings in report.by_question():
        lines += ["", f"{question.id}  {one_line(question.title)}"]
        widths = (max(len(f.supports) for f in findings), max(len(f.where) for f in findings))
        for finding in findings:
            lines.append(_finding(finding, widths, paint))
    if not scan.findings:
        lines += ["", "No probe found anything. Absence is weak evidence: the practice may live in another repository."]
    if report.verdicts is not None:
        lines += ["", f"Against {one_line(report.answers_file or 'the answers')}:"]
        shown = [v for v in ordered_verdicts(report) if v.status != "consistent" or v.findings]
        width = max((len(VERDICT_LABELS[v.status]) for v in shown), default=0)
        for verdict in shown:
            label = paint(VERDICT_LABELS[verdict.status].ljust(width), verdict.status)
            lines.append(f"  {label}  {verdict.question}: {one_line(verdict.message)}")
    if scan.dismissed:
        lines += ["", "Dismissed by annotations:"]
        for dismissal in scan.dismissed:
            finding = dismissal.finding
            lines.append(
                f"  {finding.where}  {finding.probe}: {one_line(dismissal.reason)} ({one_line(dismissal.annotation)})"
            )
    if scan.notes:
        lines += ["", "Notes:"] + [f"  {one_line(note)}" for note in scan.notes]
    return "\n".join(lines) + "\n"


def _finding(finding: Finding, widths: tuple[int, int], paint: Callable[[str, str], str]) -> str:
    strength = paint(finding.strength.ljust(6), finding.strength)
    supports, where = finding.supports.ljust(widths[0]), one_line(finding.where).ljust(widths[1])
    text = f"  {strength}  >= {supports}  {where}  {finding.probe}: {one_line(finding.text)}"
    if finding.note:
        text += f"  ({one_line(finding.note)})"
    return text
