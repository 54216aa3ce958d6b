"""Verdicts: what a scan's findings say about each answer, as a pure function of (questionnaire, answers, scan).

Evidence is a lower bound. A strong finding supports "at least" its option;
it can show more than an answer claims, and a probe may name answers it
plainly refutes (``contradicts``). Absence is weak evidence: a high answer
that no finding backs is "unverified", a notice and never an error. Weak
findings are listed but decide nothing. A verdict never changes the stage.

Statuses, for a question some probe looks for:

- ``supported``: strong evidence at or above the answer (or at the highest
  option any probe can show, when the answer is above that);
- ``shows_more``: strong evidence above the answer;
- ``contradicted``: a strong finding whose probe refutes the answer;
- ``unverified``: an answer a probe could back, and no strong finding does;
- ``consistent``: a low answer and nothing found above it;
- ``unanswered``: no option given (not answered, "unknown" or "not applicable").
"""

from __future__ import annotations

from mlops_maturity.engine.model.answers import Answers
from mlops_maturity.engine.model.frozen import Frozen
from mlops_maturity.engine.model.questionnaire import Question, Questionnaire
from mlops_maturity.engine.model.repository_evidence import VERDICT_ORDER, RepositoryCheck, RepositoryEvidence, Status
from mlops_maturity.engine.scoring.sheet import answer_label
from mlops_maturity.scan.verdicts.findings import Finding, ProbeInfo, ScanResult

SEVERITY: dict[str, int] = {  # for --fail-on: a gate on one status also fails on those above it
    "consistent": 0,
    "unanswered": 0,
    "supported": 0,
    "shows_more": 0,
    "unverified": 1,
    "contradicted": 2,
}


class Verdict(Frozen):
    question: str
    status: Status
    answer: str | None  # the answer given: an option id, "unknown", "not_applicable", or None
    shown: str | None  # the highest option strong findings support, if any
    findings: tuple[Finding, ...]  # what the verdict rests on
    message: str


def verdicts(questionnaire: Questionnaire, answers: Answers | None, scan: ScanResult) -> tuple[Verdict, ...]:
    """One verdict per question that some probe looks for, in questionnaire order."""
    probes: dict[str, list[ProbeInfo]] = {}
    for probe in scan.probes:
        probes.setdefault(probe.question, []).append(probe)
    out = []
    for question in questionnaire.questions:
        if question.id in probes:
            given = answers.given.get(question.id) if answers is not None else None
            found = [f for f in scan.findings if f.question == question.id and f.supports in question.option_ids]
            out.append(_verdict(question, given.answer if given else None, found, probes[question.id]))
    return tuple(out)


def shown_option(question: Question, findings: list[Finding]) -> tuple[str | None, list[Finding]]:
    """The highest option strong findings support, and the strong findings at that option."""
    strong = [f for f in findings if f.strength == "strong"]
    if not strong:
        return None, []
    top = max(question.rank(f.supports) for f in strong)
    option = question.option_ids[top]
    return option, [f for f in strong if f.supports == option]


def _verdict(question: Question, answer: str | None, findings: list[Finding], probes: list[ProbeInfo]) -> Verdict:
    shown, backing = shown_option(question, findings)

    def verdict(status: Status, message: str, rest: list[Finding] = backing) -> Verdict:
        return Verdict(
            question=question.id, status=status, answer=answer, shown=shown, findings=tuple(rest), message=message
        )

    at = _where(backing)
    if answer is None or answer not in question.option_ids:
        said = "not answered" if answer is None else f"answered {answer}"
        if shown is None:
            return verdict("unanswered", f"{said}; the probes found nothing")
        return verdict("unanswered", f"{said}; the repository shows at least {shown} ({at})")
    refuting = {p.id: p.title for p in probes if answer in p.contradicts}
    against = [f for f in findings if f.strength == "strong" and f.probe in refuting]
    if against:
        what = refuting[against[0].probe]
        return verdict("contradicted", f"answered {answer}, but: {what} ({_where(against)})", against)
    rank = question.rank(answer)
    if shown is not None and question.rank(shown) > rank:
        return verdict("shows_more", f"answered {answer}; the repository shows at least {shown} ({at})")
    reachable = [question.rank(p.supports) for p in probes if p.supports in question.option_ids]
    ceiling = min(rank, max(reachable))
    if shown is not None and question.rank(shown) >= ceiling:
        return verdict("supported", f"answer {answer} is backed by {at}")
    if rank >= min(reachable):
        lower = f"; it shows only {shown} ({at})" if shown is not None else ""
        target = question.option_ids[ceiling]
        return verdict("unverified", f"answered {answer}, but no finding shows {target} or above{lower}")
    return verdict("consistent", f"answered {answer}; nothing found above it")


def _where(findings: list[Finding], limit: int = 3) -> str:
    places = [f.where for f in findings[:limit]]
    more = len(findings) - limit
    return ", ".join(places) + (f" and {more} more" if more > 0 else "")


def failing(verdicts_: tuple[Verdict, ...], fail_on: str) -> tuple[Verdict, ...]:
    """The verdicts that fail a ``--fail-on`` gate: that status or a more severe one."""
    floor = SEVERITY[fail_on]
    return tuple(v for v in verdicts_ if SEVERITY[v.status] >= floor and SEVERITY[v.status] > 0)


MAX_WHERE = 5


def most_telling_first(found: tuple[Verdict, ...]) -> list[Verdict]:
    """Verdicts worth reading first first (``VERDICT_ORDER``); within a status, questionnaire order."""
    return sorted(found, key=lambda v: VERDICT_ORDER.index(v.status))


def repository_evidence(
    questionnaire: Questionnaire, scan: ScanResult, found: tuple[Verdict, ...]
) -> RepositoryEvidence:
    """The verdicts as a result carries them: most telling first, each with its places and labels."""
    questions = {q.id: q for q in questionnaire.questions}

    def label(question: Question, value: str | None) -> str | None:
        return answer_label(question, value) if value is not None else None

    checks = []
    for v in most_telling_first(found):
        question = questions[v.question]
        checks.append(
            RepositoryCheck(
                question=v.question,
                title=question.title,
                status=v.status,
                answer=v.answer,
                answer_label=label(question, v.answer),
                shown=v.shown,
                shown_label=label(question, v.shown),
                where=tuple(f.where for f in v.findings[:MAX_WHERE]),
                refuted_by=scan.probe(v.findings[0].probe).title if v.status == "contradicted" else None,
                message=v.message,
            )
        )
    counts = {status: sum(v.status == status for v in found) for status in VERDICT_ORDER}
    return RepositoryEvidence(
        root=scan.root,
        files_read=scan.files_read,
        findings=len(scan.findings),
        dismissed=len(scan.dismissed),
        counts={s: n for s, n in counts.items() if n},
        checks=tuple(checks),
    )
