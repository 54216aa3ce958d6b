"""What the answers say beyond the placement: contradictions (warnings), notes, every answer's record."""

from __future__ import annotations

from mlops_maturity.engine.model.conditions import PlacementAtom, QuestionAtom, atoms, evaluate
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import AnswerRecord, AnswerStatus, Completeness, ConsistencyFinding, Finding
from mlops_maturity.engine.scoring.placement import Placement
from mlops_maturity.engine.scoring.sheet import STATUS_LABELS, Sheet

IGNORED_ANSWER = "ignored_answer"  # an answer to a question that does not apply to the team
WAITING_ANSWERS = "waiting_answers"  # answers kept aside until a "don't know" they depend on is known
EVIDENCE_WITHOUT_ANSWER = "evidence_without_answer"  # evidence written down for a question left unanswered


def contradictions(q: Questionnaire, sheet: Sheet, placed: Placement) -> tuple[ConsistencyFinding, ...]:
    """The consistency rules whose condition holds; each names the questions it looks at."""

    def placement(atom: PlacementAtom) -> bool:
        if atom.stage_at_least is not None:
            return placed.stage >= atom.stage_at_least
        if atom.stage_at_most is not None:
            return placed.stage <= atom.stage_at_most
        if atom.level_at_least is not None:
            return placed.level >= q.level_rank[atom.level_at_least]
        return placed.level <= q.level_rank[atom.level_at_most or ""]

    return tuple(
        ConsistencyFinding(
            id=rule.id,
            message=rule.message,
            questions=tuple(dict.fromkeys(a.question for a in atoms(rule.when) if isinstance(a, QuestionAtom))),
        )
        for rule in q.rules
        if evaluate(rule.when, sheet.rank, sheet.option_rank, placement)
    )


def warnings(
    findings: tuple[ConsistencyFinding, ...], records: tuple[AnswerRecord, ...], sheet: Sheet
) -> list[Finding]:
    """Contradictions: the consistency rules that fired."""
    return [
        Finding(rule=f.id, message=f"{f.message} ({', '.join(f.questions)})", questions=f.questions) for f in findings
    ]


def _answered(sheet: Sheet, qid: str) -> bool:
    given = sheet.effective[qid].given
    return given is not None and given.answer is not None


def _ignored(q: Questionnaire, records: tuple[AnswerRecord, ...], sheet: Sheet) -> list[Finding]:
    """One note per condition: the answers given to questions it rules out (a pilot answering monitoring)."""
    by_gate: dict[tuple[str, ...], list[str]] = {}
    for r in records:
        condition = q.by_id[r.question].applies_when
        if r.status == "skipped" and condition is not None and _answered(sheet, r.question):
            gate = tuple(dict.fromkeys(a.question for a in atoms(condition) if isinstance(a, QuestionAtom)))
            by_gate.setdefault(gate, []).append(r.question)
    out = []
    for gate, held in by_gate.items():
        said = "; ".join(f"{q.by_id[g].title} is “{sheet.effective[g].label(q.by_id[g])}”" for g in gate)
        out.append(
            Finding(
                rule=IGNORED_ANSWER,
                message=f"{len(held)} answer(s) set aside: their questions do not apply while {said}: "
                + ", ".join(held),
                questions=(*gate, *held),
            )
        )
    return out


def notes(q: Questionnaire, records: tuple[AnswerRecord, ...], sheet: Sheet) -> list[Finding]:
    """Things worth saying that contradict nothing: answers set or kept aside, evidence with no answer."""
    out = _ignored(q, records, sheet)
    waiting: dict[tuple[str, ...], list[str]] = {}
    for r in records:
        if r.status == "pending" and r.answer != "pending":
            waiting.setdefault(r.waits_on, []).append(r.question)
    for gates, held in waiting.items():
        names = ", ".join(f"{q.by_id[g].title!r}" for g in gates)
        out.append(
            Finding(
                rule=WAITING_ANSWERS,
                message=f"{len(held)} answer(s) are kept but not scored until {names} is answered: {', '.join(held)}",
                questions=(*gates, *held),
            )
        )
    for r in records:
        if r.status == "unanswered" and r.evidence:
            out.append(
                Finding(
                    rule=EVIDENCE_WITHOUT_ANSWER,
                    message=f"{r.question!r} has evidence but no answer; add `answer:` so it counts",
                    questions=(r.question,),
                )
            )
    return out


def records(q: Questionnaire, sheet: Sheet) -> tuple[AnswerRecord, ...]:
    """Every question asked of the team, with what it counts as; a pending question shows the answer it keeps aside.

    A question about a kind of system the team does not run is not asked, and a scope question
    shows only when the file answers it (otherwise its default stands, unsaid).
    """
    out = []
    for question in q.questions:
        eff = sheet.effective[question.id]
        given = eff.given
        if eff.status == "out_of_scope" or (question.scope and (given is None or given.answer is None)):
            continue
        answer, label = eff.answer, eff.label(question)
        if eff.status == "pending" and given is not None and given.answer in question.valid_answers():
            answer = given.answer
            label = question.option(answer).label if answer in question.option_ids else STATUS_LABELS[answer]
        out.append(
            AnswerRecord(
                question=question.id,
                dimension=question.dimension,
                title=question.title,
                text=question.text,
                status=eff.status,
                answer=answer,
                label=label,
                points=question.options[eff.rank].points if eff.rank is not None else 0.0,
                max_points=question.max_points,
                evidence=given.evidence if given is not None else None,
                reason=given.reason if given is not None else None,
                waits_on=sheet.waits_on(question.id) if eff.status == "pending" else (),
            )
        )
    return tuple(out)


def completeness(q: Questionnaire, records: tuple[AnswerRecord, ...]) -> Completeness:
    """How many of the questions asked were answered; scope questions (what the team runs) are not counted."""
    asked = [r for r in records if not q.by_id[r.question].scope]
    counts = {s: sum(r.status == s for r in asked) for s in AnswerStatus.__args__}  # type: ignore[attr-defined]
    applicable = len(asked) - counts["skipped"] - counts["pending"] - counts["not_applicable"]
    return Completeness(
        questions=len(asked),
        answered=counts["answered"],
        unknown=counts["unknown"],
        not_applicable=counts["not_applicable"],
        unanswered=counts["unanswered"],
        skipped=counts["skipped"],
        pending=counts["pending"],
        applicable=applicable,
        ratio=round(counts["answered"] / applicable, 2) if applicable else 1.0,
    )
