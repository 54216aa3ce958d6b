"""What every ``scan`` format renders: the scan, the questionnaire it was read against, and verdicts if any."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from mlops_maturity.engine.model.questionnaire import Question, Questionnaire
from mlops_maturity.render.wording import plural
from mlops_maturity.scan.verdicts.findings import Finding, ScanResult
from mlops_maturity.scan.verdicts.verdicts import Verdict, most_telling_first


@dataclass(frozen=True)
class ScanReport:
    scan: ScanResult
    questionnaire: Questionnaire
    verdicts: tuple[Verdict, ...] | None = None  # with --answers
    answers_file: str | None = None  # as given on the command line
    answer_lines: Mapping[str, int] = field(default_factory=dict)  # question id -> line in the answers file
    base: str = ""  # the scanned folder as seen from where the command runs, for CI annotations ("" if the same)

    def located(self, path: str) -> str:
        """A finding's path as CI tools want it: from where the command runs, not from the scanned folder."""
        return posixpath.normpath(posixpath.join(self.base, path)) if self.base else path

    def by_question(self) -> Iterator[tuple[Question, list[Finding]]]:
        """Questions that have findings, in questionnaire order, each with its findings (strong first)."""
        grouped: dict[str, list[Finding]] = {}
        for finding in self.scan.findings:
            grouped.setdefault(finding.question, []).append(finding)
        for question in self.questionnaire.questions:
            if question.id in grouped:
                found = grouped[question.id]
                yield question, sorted(found, key=lambda f: (f.strength != "strong", f.path, f.line, f.probe))


def summary(report: ScanReport) -> str:
    """One line: how much was read and found."""
    scan = report.scan
    strong = sum(f.strength == "strong" for f in scan.findings)
    questions = len({f.question for f in scan.findings})
    skipped = ", ".join(f"{n} {reason}" for reason, n in scan.skipped.items())
    parts = [
        f"{plural(scan.files_listed, 'file')} listed ({'git ls-files' if scan.listing == 'git' else 'folder walk'})",
        f"{scan.files_read} read",
    ]
    if skipped:
        parts.append(f"skipped: {skipped}")
    found = f"{plural(len(scan.findings), 'finding')} ({strong} strong) for {plural(questions, 'question')}"
    if scan.dismissed:
        found += f", {len(scan.dismissed)} dismissed by annotations"
    return f"{'; '.join(parts)}. {found}."


def ordered_verdicts(report: ScanReport) -> list[Verdict]:
    """Verdicts worth reading first first; within a status, questionnaire order."""
    return most_telling_first(report.verdicts or ())
