"""The scoring engine: a pure function from (questionnaire, answers) to a result.

Placement is staged and cumulative: a team is at stage N when it meets the
entry criteria of every stage from 1 to N. Dimension scores are a separate,
continuous profile and never move the stage. No I/O happens here.
"""

from __future__ import annotations

from mlops_maturity.engine.advice import build_disciplines, build_risks
from mlops_maturity.engine.answers import Answer, Answers
from mlops_maturity.engine.conditions import PlacementAtom, QuestionAtom, atoms, evaluate
from mlops_maturity.engine.placement import place
from mlops_maturity.engine.profile import dimension_scores, overall_score
from mlops_maturity.engine.questionnaire import Questionnaire
from mlops_maturity.engine.result import (
    AnswerRecord,
    AnswerStatus,
    Completeness,
    ConsistencyFinding,
    Gap,
    LevelPlacement,
    LevelStatus,
    QuestionnaireRef,
    Result,
    StagePlacement,
    StageRef,
    StageStatus,
    WarningDetail,
)
from mlops_maturity.engine.roadmap import build_roadmap
from mlops_maturity.engine.sheet import Sheet

IGNORED_ANSWER = "ignored_answer"  # the rule id of a warning about an answer to a question that does not apply


def assess(questionnaire: Questionnaire, answers: Answers, target_stage: int | None = None) -> Result:
    """Score one team. ``target_stage`` widens the gaps to every stage up to it."""
    q = questionnaire
    sheet = Sheet(q, answers.given)
    stage_number, level_index = place(q, sheet)
    stages = tuple(
        StageStatus(
            number=s.number,
            name=s.name,
            met=s.number <= stage_number,
            criteria=tuple(sheet.criterion(c) for c in s.criteria),
        )
        for s in q.stages
    )
    level_status = tuple(
        LevelStatus(
            id=lv.id, name=lv.name, met=i <= level_index, criteria=tuple(sheet.criterion(c) for c in lv.criteria)
        )
        for i, lv in enumerate(q.levels)
    )

    current = q.stage(stage_number)
    top = q.top_stage
    target = max(stage_number + 1, min(target_stage if target_stage is not None else 0, top))
    nxt = stages[stage_number + 1] if stage_number < top else None
    progress = 1.0 if nxt is None else sum(c.met for c in nxt.criteria) / len(nxt.criteria)
    gaps = tuple(
        Gap(
            question=c.question,
            title=c.title,
            dimension=q.by_id[c.question].dimension,
            current=c.current,
            current_label=c.current_label,
            required=c.required,
            required_label=c.required_label,
            stage=s.number,
        )
        for s in stages[stage_number + 1 : target + 1]
        for c in s.criteria
        if not c.met
    )
    dimensions = dimension_scores(q, sheet)
    level = q.levels[level_index]
    findings = _consistency(q, sheet, stage_number, level_index)
    records = _records(q, sheet)
    details = [
        WarningDetail(rule=f.id, message=f"{f.message} ({', '.join(f.questions)})", questions=f.questions)
        for f in findings
    ]
    details += [
        WarningDetail(
            rule=IGNORED_ANSWER,
            message=f"the answer to {r.question!r} was ignored: the question does not apply to this team yet",
            questions=(r.question,),
        )
        for r in records
        if r.status == "skipped" and (sheet.effective[r.question].given or Answer()).answer is not None
    ]
    return Result(
        questionnaire=QuestionnaireRef.of(q),
        team=answers.team,
        assessed_on=answers.assessed_on.isoformat() if answers.assessed_on else None,
        stage=StagePlacement(
            number=current.number,
            id=current.id,
            name=current.name,
            summary=current.summary,
            progress_to_next=round(progress, 2),
            next=StageRef(number=nxt.number, name=nxt.name) if nxt is not None else None,
            top=top,
        ),
        level=LevelPlacement(id=level.id, name=level.name, description=level.description),
        overall_score=overall_score(q, [d.score for d in dimensions]),
        dimensions=dimensions,
        target_stage=min(target, top),
        gaps=gaps,
        risks=build_risks(q, current, sheet.effective),
        disciplines=build_disciplines(q, current, sheet.effective, stage_number),
        roadmap=build_roadmap(q, gaps, dimensions, sheet.effective, stage_number),
        stages=stages,
        levels=level_status,
        consistency=findings,
        completeness=_completeness(records),
        answers=records,
        unanswered=tuple(r.question for r in records if r.status == "unanswered"),
        unknown=tuple(r.question for r in records if r.status == "unknown"),
        warnings=tuple(d.message for d in details),
        warning_details=tuple(details),
    )


def _consistency(q: Questionnaire, sheet: Sheet, stage: int, level: int) -> tuple[ConsistencyFinding, ...]:
    def placement(atom: PlacementAtom) -> bool:
        if atom.stage_at_least is not None:
            return stage >= atom.stage_at_least
        if atom.stage_at_most is not None:
            return stage <= atom.stage_at_most
        if atom.level_at_least is not None:
            return level >= q.level_rank[atom.level_at_least]
        return level <= q.level_rank[atom.level_at_most or ""]

    return tuple(
        ConsistencyFinding(
            id=rule.id,
            message=rule.message,
            questions=tuple(dict.fromkeys(a.question for a in atoms(rule.when) if isinstance(a, QuestionAtom))),
        )
        for rule in q.rules
        if evaluate(rule.when, sheet.rank, sheet.option_rank, placement)
    )


def _records(q: Questionnaire, sheet: Sheet) -> tuple[AnswerRecord, ...]:
    out = []
    for question in q.questions:
        eff = sheet.effective[question.id]
        given = eff.given
        out.append(
            AnswerRecord(
                question=question.id,
                dimension=question.dimension,
                title=question.title,
                text=question.text,
                status=eff.status,
                answer=eff.answer,
                label=eff.label(question),
                points=question.options[eff.rank].points if eff.rank is not None else 0.0,
                max_points=question.max_points,
                evidence=given.evidence if given is not None else None,
                reason=given.reason if given is not None else None,
            )
        )
    return tuple(out)


def _completeness(records: tuple[AnswerRecord, ...]) -> Completeness:
    counts = {s: sum(r.status == s for r in records) for s in AnswerStatus.__args__}  # type: ignore[attr-defined]
    applicable = len(records) - counts["skipped"]
    return Completeness(
        questions=len(records),
        answered=counts["answered"],
        unknown=counts["unknown"],
        not_applicable=counts["not_applicable"],
        unanswered=counts["unanswered"],
        skipped=counts["skipped"],
        ratio=round(counts["answered"] / applicable, 2) if applicable else 1.0,
    )
