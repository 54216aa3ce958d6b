"""``score --format github``: GitHub Actions workflow commands that annotate the answers file.

Failed thresholds are errors, gaps to the next stage and answers that contradict
each other are warnings, "don't know" answers are notices; each points at the
line of its answer. The Markdown summary goes to ``$GITHUB_STEP_SUMMARY``,
which the ``score`` command writes (a formatter does no I/O).
"""

from __future__ import annotations

from collections.abc import Iterable

from mlops_maturity import TOOL
from mlops_maturity.engine.model.repository_evidence import VERDICT_LABELS
from mlops_maturity.engine.model.result import Result
from mlops_maturity.errors import MaturityError
from mlops_maturity.inert import inert
from mlops_maturity.render import headline, verdicts
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport


def escape_data(text: str) -> str:
    """The message part of a workflow command: ``%``, CR and LF would end or corrupt it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): ``:`` and ``,`` also separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, file: str = "", line: int | None = None, title: str = "") -> str:
    props = []
    if file:
        props.append(f"file={escape_property(file)}")
        if line:
            props.append(f"line={line}")
    if title:
        props.append(f"title={escape_property(title)}")
    head = f"::{kind} {','.join(props)}" if props else f"::{kind}"
    return f"{head}::{escape_data(message)}"


def render(report: ScoreReport, options: RenderOptions) -> str:
    return "".join(f"{line}\n" for line in _lines(report))


def render_error(error: MaturityError, file: str) -> str:
    """Bad input as error annotations: one per located problem, on the file and line it names."""
    title = f"{TOOL}: invalid input"
    if not error.problems:
        return command("error", str(error), inert(file), None, title) + "\n"
    lines = []
    for p in error.problems:  # inert like the rest of this format (render/formats.py)
        message = inert(f"{p.path}: {p.message}" if p.path else p.message)
        lines.append(command("error", message, inert(p.file), p.line, title) + "\n")
    return "".join(lines)


def _lines(report: ScoreReport) -> Iterable[str]:
    result = report.result
    file = report.file

    def at(question: str | None) -> int | None:
        return report.lines.get(question) if question else None

    for warning in report.warnings_first:
        yield command("warning", warning, file, None, f"{TOOL}: baseline")
    for check in report.checks:
        if not check.passed:
            title = "worse than the baseline" if check.id.startswith("baseline:") else "threshold not met"
            yield command("error", check.message, file, None, f"{TOOL}: {title}: {check.id}")
    for gap in result.foundational_gaps:
        yield command(
            "warning",
            f"{gap.question}: {headline.gap_line(gap)}",
            file,
            at(gap.question),
            f"{TOOL}: foundational gap (stage {gap.stage}): {gap.title}",
        )
    for gap in result.gaps:
        yield command(
            "warning",
            f"{gap.question}: {headline.standing(gap)}; stage {gap.stage} needs at least: {gap.required_label}",
            file,
            at(gap.question),
            f"{TOOL}: gap to stage {gap.stage}: {gap.title}",
        )
    for detail in result.warning_details:
        question = detail.questions[0] if detail.questions else None
        yield command("warning", detail.message, file, at(question), f"{TOOL}: warning: {detail.rule}")
    for note in result.notes:
        question = note.questions[0] if note.questions else None
        yield command("notice", note.message, file, at(question), f"{TOOL}: note: {note.rule}")
    deciding = {d.question: d for d in result.range.deciding}
    for d in result.range.deciding:
        yield command(
            "warning",
            f"{d.question}: {headline.deciding_line(result, d)}",
            file,
            at(d.question),
            f"{TOOL}: find out first: {d.title}",
        )
    for record in result.answers:
        if record.status == "unknown" and record.question not in deciding:
            yield command(
                "notice",
                f'{record.question} is answered "don\'t know": it scores nothing and meets no criterion',
                file,
                at(record.question),
                f"{TOOL}: don't know: {record.title}",
            )
    if result.repository is not None:
        for seen in result.repository.with_status("contradicted", "shows_more"):
            kind = "warning" if seen.status == "contradicted" else "notice"
            title = f"{TOOL}: {VERDICT_LABELS[seen.status]}: {seen.title}"
            yield command(kind, verdicts.line(seen), file, at(seen.question), title)
    if result.unanswered:
        count = len(result.unanswered)
        yield command(
            "notice",
            f"{count} question(s) not answered: {', '.join(result.unanswered)}",
            file,
            None,
            f"{TOOL}: not answered",
        )
    stage = result.stage
    failed = sum(not c.passed for c in report.checks)
    verdict = f"; {failed} check(s) failed" if failed else ("; every check passed" if report.checks else "")
    # A plain log line, on one line whatever the team is called, so it can never read as a command.
    yield " ".join(
        (
            f"{TOOL}: {result.team or '(team not named)'}: stage {stage.number} of {stage.top} ({stage.name}), "
            f"level {headline.level_name(result)}, overall score {result.overall_score:g}/100{_held(result)}{verdict}"
        ).split()
    )


def _held(result: Result) -> str:
    parts = []
    span = result.range.stage
    if span.high > span.low:
        parts.append(f"stage {span.low} to {span.high} open on answers not known")
    if result.foundational_gaps:
        parts.append(f"{len(result.foundational_gaps)} foundational gap(s)")
    return "".join(f", {part}" for part in parts)
