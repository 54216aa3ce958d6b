"""``scan --format markdown``: what the repository shows, as tables for a pull request or a report.

Every value from the repository or the annotations goes through the one
Markdown escaper (a matched line could hold HTML, links or table pipes); the
only text not escaped is this module's own literals. (Written without
f-strings, so that the Markdown builder of the render package can take it over.)
"""

from __future__ import annotations

from mlops_maturity.engine.model.repository_evidence import VERDICT_LABELS
from mlops_maturity.render.markdown import code, escape
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.scan import ScanReport, ordered_verdicts, summary


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render(report: ScanReport, options: RenderOptions) -> str:
    scan = report.scan
    lines = ["## What the repository shows", "", "Scanned " + code(scan.root) + ": " + escape(summary(report)), ""]
    if report.verdicts is not None:
        lines += ["### Against " + code(report.answers_file or "the answers"), ""]
        lines += [_row(["verdict", "question", "answer", "the repository shows", "detail"]), "|---|---|---|---|---|"]
        for v in ordered_verdicts(report):
            if v.status == "consistent" and not v.findings:
                continue
            answer = code(v.answer) if v.answer else "—"
            shown = code(v.shown) if v.shown else "—"
            lines.append(_row([escape(VERDICT_LABELS[v.status]), code(v.question), answer, shown, escape(v.message)]))
        lines.append("")
    if scan.findings:
        lines += ["### Findings", "", _row(["question", "supports at least", "strength", "where", "probe", "line"])]
        lines.append("|---|---|---|---|---|---|")
        for question, findings in report.by_question():
            for f in findings:
                strength = f.strength + (" (" + escape(f.note) + ")" if f.note else "")
                lines.append(
                    _row([code(question.id), code(f.supports), strength, code(f.where), code(f.probe), escape(f.text)])
                )
        lines.append("")
    else:
        lines += ["No probe found anything. Absence is weak evidence: the practice may live elsewhere.", ""]
    if scan.dismissed:
        lines += ["### Dismissed by annotations", ""]
        for d in scan.dismissed:
            f = d.finding
            lines.append(
                "- " + code(f.where) + " " + code(f.probe) + ": " + escape(d.reason) + " (" + code(d.annotation) + ")"
            )
        lines.append("")
    if scan.notes:
        lines += ["### Notes", ""] + ["- " + escape(note) for note in scan.notes] + [""]
    return "\n".join(lines)
