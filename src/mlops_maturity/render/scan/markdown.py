"""``scan --format markdown``: what the repository shows, as tables for a pull request or a report.

Built with the render package's one Markdown builder (:func:`md`), as ``report --scan`` is: every
value from the repository or the annotations is escaped as text, file names included (a name may hold
backticks and table pipes, which a code span would not stop from splitting a cell). Only ids the
probe and questionnaire models restrict to letters, digits, ``.``, ``_`` and ``-`` are shown as code.
"""

from __future__ import annotations

from mlops_maturity.engine.model.repository_evidence import VERDICT_LABELS
from mlops_maturity.render.markdown import Markdown, code, join, md
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.scan import ScanReport, ordered_verdicts, summary


def _row(cells: list[Markdown]) -> Markdown:
    return md("| {} |", join(cells, " | "))


def _id(value: str | None) -> Markdown:
    return code(value) if value else md("—")


def render(report: ScanReport, options: RenderOptions) -> str:
    scan = report.scan
    lines = [md("## What the repository shows"), md(""), md("Scanned {}: {}", scan.root, summary(report)), md("")]
    if report.verdicts is not None:
        lines += [md("### Against {}", report.answers_file or "the answers"), md("")]
        lines += [_row([md("verdict"), md("question"), md("answer"), md("the repository shows"), md("detail")])]
        lines.append(md("|---|---|---|---|---|"))
        for v in ordered_verdicts(report):
            if v.status == "consistent" and not v.findings:
                continue
            cells = [md("{}", VERDICT_LABELS[v.status]), code(v.question), _id(v.answer), _id(v.shown)]
            lines.append(_row([*cells, md("{}", v.message)]))
        lines.append(md(""))
    if scan.findings:
        header = _row([md("{}", c) for c in ("question", "supports at least", "strength", "where", "probe", "line")])
        lines += [md("### Findings"), md(""), header, md("|---|---|---|---|---|---|")]
        for question, findings in report.by_question():
            for f in findings:
                strength = md("{} ({})", f.strength, f.note) if f.note else md("{}", f.strength)
                cells = [code(question.id), code(f.supports), strength, md("{}", f.where), code(f.probe)]
                lines.append(_row([*cells, md("{}", f.text)]))
        lines.append(md(""))
    else:
        lines += [md("No probe found anything. Absence is weak evidence: the practice may live elsewhere."), md("")]
    if scan.dismissed:
        lines += [md("### Dismissed by annotations"), md("")]
        for d in scan.dismissed:
            f = d.finding
            lines.append(md("- {} {}: {} ({})", f.where, code(f.probe), d.reason, d.annotation))
        lines.append(md(""))
    if scan.notes:
        lines += [md("### Notes"), md("")] + [md("- {}", note) for note in scan.notes] + [md("")]
    return join(lines)
