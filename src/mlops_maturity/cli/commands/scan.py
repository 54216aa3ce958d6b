"""``mlops-maturity scan``: evidence from a repository's own files, offline, for each question it bears on.

``--answers FILE`` sets the findings against a team's answers (supported, the
repository shows more, unverified, contradicted); ``--fail-on`` turns that
into a CI gate. ``--write FILE`` proposes answers for the questions a file
leaves open, each with its evidence, never replacing an answer given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.choices import FailOn, ScanFormat
from mlops_maturity.cli.output import BELOW_THRESHOLD, OK, Output
from mlops_maturity.engine.model.answers import Answers
from mlops_maturity.errors import UsageError
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.formats import render_scan
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.scan import ScanReport
from mlops_maturity.render.terminal import color_enabled, unicode_ok, width
from mlops_maturity.scan.io.prefill import Prefilled, prefill
from mlops_maturity.scan.io.run import scan_repository
from mlops_maturity.scan.verdicts.verdicts import failing, verdicts


@dataclass(frozen=True)
class ScanOptions:
    fmt: ScanFormat = ScanFormat.text
    answers: Path | None = None
    fail_on: FailOn | None = None
    write: Path | None = None
    questionnaire: Path | None = None


def run(directory: Path, options: ScanOptions) -> Output:
    if options.fail_on is not None and options.answers is None:
        raise UsageError("--fail-on needs --answers FILE: the verdicts it gates on compare findings with answers")
    q = load_questionnaire(options.questionnaire)
    answers: Answers | None = load_answers(options.answers, q) if options.answers is not None else None
    scan = scan_repository(directory, q, options.questionnaire)
    found = verdicts(q, answers, scan) if answers is not None else None
    messages: list[str] = []
    if options.write is not None:
        messages += _prefilled(options.write, prefill(options.write, q, scan))
    report = ScanReport(
        scan=scan,
        questionnaire=q,
        verdicts=found,
        answers_file=str(options.answers) if options.answers is not None else None,
        answer_lines=answers.lines if answers is not None else {},
        base=_base(directory),
    )
    text = options.fmt == ScanFormat.text
    rendered = render_scan(
        options.fmt, report, RenderOptions(color=text and color_enabled(), width=width(), unicode=unicode_ok())
    )
    code = OK
    if found is not None and options.fail_on is not None:
        failed = failing(found, options.fail_on.value)
        if failed:
            code = BELOW_THRESHOLD
            messages.append(
                f"scan --fail-on {options.fail_on.value}: {len(failed)} answer(s) failed: "
                + ", ".join(f"{v.question} ({v.status})" for v in failed)
            )
    return Output(stdout=rendered, stderr=tuple(messages), code=code)


def _base(directory: Path) -> str:
    """The scanned folder relative to the working directory, for paths CI tools resolve ("" when the same)."""
    relative = os.path.relpath(directory.resolve(), Path.cwd().resolve())
    if relative == "." or relative.startswith(".."):
        return "" if relative == "." else directory.resolve().as_posix()
    return Path(relative).as_posix()


def _prefilled(path: Path, done: Prefilled) -> list[str]:
    lines = []
    if done.rewritten:
        lines.append(f"note: {path} is laid out in a way that cannot be edited in place; it was written afresh")
    if done.proposed:
        lines.append(
            f"wrote {path}: {len(done.proposed)} answer(s) proposed from the scan, each with its evidence; "
            f"check them, then run: mlops-maturity score {path}"
        )
    else:
        lines.append(f"{path}: no answer to propose (nothing found for the questions it leaves open)")
    if done.kept:
        lines.append(f"kept the answers a person gave for: {', '.join(done.kept)} (the scan suggests otherwise)")
    return lines
