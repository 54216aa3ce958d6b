"""One team's answers scored into a result: a pure function, no I/O.

The stage and the level are placed in ``placement.py``; the capability profile is
measured in ``profile.py`` and never moves them; risks and disciplines come from
``advice.py``, the roadmap from ``roadmap.py``, warnings and notes from
``consistency.py``. Respondents' disagreements are added by ``engine/assess.py``.
"""

from __future__ import annotations

from typing import Literal

from mlops_maturity.engine.model.answers import Answers
from mlops_maturity.engine.model.placement import LevelPlacement, StagePlacement, StageRef
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Gap, LevelStatus, QuestionnaireRef, Result, StageStatus, SystemStage
from mlops_maturity.engine.model.stages import Criterion, Stage
from mlops_maturity.engine.scoring import consistency
from mlops_maturity.engine.scoring.advice import build_disciplines, build_risks
from mlops_maturity.engine.scoring.investments import rank_investments
from mlops_maturity.engine.scoring.placement import foundational, place, stage_of_kind
from mlops_maturity.engine.scoring.profile import dimension_points, dimension_scores, overall_score
from mlops_maturity.engine.scoring.roadmap import build_roadmap
from mlops_maturity.engine.scoring.sheet import Sheet
from mlops_maturity.engine.scoring.uncertainty import placement_range


def score_team(questionnaire: Questionnaire, answers: Answers, target_stage: int | None = None) -> Result:
    """Score one team's answers. ``target_stage`` widens the gaps to every stage up to it."""
    q = questionnaire
    sheet = Sheet(q, answers.given)
    placed = place(q, sheet)
    stages = tuple(
        StageStatus(
            number=s.number,
            name=s.name,
            met=all(sheet.met(c) for c in s.criteria if sheet.applies(c)),
            criteria=tuple(sheet.criterion(c) for c in s.criteria if sheet.applies(c)),
        )
        for s in q.stages
    )
    levels = tuple(
        LevelStatus(
            id=lv.id, name=lv.name, met=i <= placed.level, criteria=tuple(sheet.criterion(c) for c in lv.criteria)
        )
        for i, lv in enumerate(q.levels)
    )
    current, top = q.stage(placed.stage), q.top_stage
    target = min(max(placed.stage + 1, target_stage if target_stage is not None else 0), top)
    nxt = q.stages[placed.stage + 1] if placed.stage < top else None
    following = [c for c in nxt.criteria if sheet.applies(c)] if nxt is not None else []
    progress = sum(sheet.met(c) for c in following) / len(following) if following else 1.0
    base = foundational(q, sheet, placed.stage)
    foundational_gaps = tuple(gap for number, c in base for gap in _gaps(q, sheet, number, c))
    gaps = tuple(
        gap
        for s in q.stages[placed.stage + 1 : target + 1]
        for c in s.criteria
        if sheet.applies(c) and not sheet.met(c)
        for gap in _gaps(q, sheet, s.number, c)
    )
    points = dimension_points(q, sheet)
    dimensions = dimension_scores(q, points)
    level = q.levels[placed.level]
    contradictions = consistency.contradictions(q, sheet, placed)
    records = consistency.records(q, sheet)
    warnings = consistency.warnings(contradictions, records, sheet)
    risks, in_view = build_risks(q, current, sheet, target)
    disciplines = build_disciplines(q, current, sheet, target)
    unknown = frozenset(r.question for r in records if r.status in ("unknown", "unanswered"))
    open_range = placement_range(q, answers.given, placed, records)
    return Result(
        questionnaire=QuestionnaireRef.of(q),
        team=answers.team,
        assessed_on=answers.assessed_on.isoformat() if answers.assessed_on else None,
        stage=StagePlacement(
            number=current.number,
            id=current.id,
            name=current.name,
            summary=_told(current, sheet, "summary"),
            meaning=_told(current, sheet, "meaning"),
            progress_to_next=round(progress, 2),
            next=StageRef(number=nxt.number, name=nxt.name) if nxt is not None else None,
            top=top,
            delivery=StageRef(number=current.number, name=current.name),
        ),
        level=LevelPlacement(
            id=level.id,
            name=level.name,
            description=level.description,
            meaning=level.meaning,
            determined=open_range.level.low == open_range.level.high,
        ),
        range=open_range,
        systems=_systems(q, sheet, answers),
        overall_score=overall_score(q, [p.score for p in points]),
        dimensions=dimensions,
        target_stage=target,
        gaps=gaps,
        foundational_gaps=foundational_gaps,
        risks=risks,
        risks_in_view=in_view,
        disciplines=disciplines,
        investments=rank_investments(current, disciplines, risks, gaps, unknown),
        roadmap=build_roadmap(q, current, open_range.deciding, foundational_gaps, gaps, dimensions, sheet, target),
        stages=stages,
        levels=levels,
        consistency=contradictions,
        completeness=consistency.completeness(q, records),
        answers=records,
        unanswered=tuple(r.question for r in records if r.status == "unanswered"),
        unknown=tuple(r.question for r in records if r.status == "unknown"),
        warnings=tuple(w.message for w in warnings),
        warning_details=tuple(warnings),
        notes=tuple(consistency.notes(q, records, sheet)),
    )


def _gaps(q: Questionnaire, sheet: Sheet, stage: int, criterion: Criterion) -> list[Gap]:
    """An unmet criterion's gaps: one per answer it still needs (one per kind of system that counts)."""
    out = []
    for reading in sheet.missing_readings(criterion):
        status = sheet.reading_status(reading)
        out.append(
            Gap(
                question=status.question,
                title=status.title,
                dimension=q.by_id[status.question].dimension,
                current=status.current,
                current_label=status.current_label,
                required=status.required,
                required_label=status.required_label,
                stage=stage,
                role=criterion.role,
            )
        )
    return out


def _systems(q: Questionnaire, sheet: Sheet, answers: Answers) -> tuple[SystemStage, ...] | None:
    """Each kind of system the team runs, with its own stage; None unless a scope question is answered."""
    scope = [x.id for x in q.questions if x.scope]
    if not any((a := answers.given.get(qid)) is not None and a.answer is not None for qid in scope):
        return None
    out = []
    for kind in q.system_kinds:
        if kind.id in sheet.systems.in_scope:
            number = stage_of_kind(q, sheet, kind.id)
            out.append(
                SystemStage(
                    kind=kind.id,
                    title=kind.title,
                    live=kind.id in sheet.systems.live,
                    stage=number,
                    stage_name=q.stage(number).name,
                    part_of=kind.part_of,
                )
            )
    return tuple(out)


def _told(stage: Stage, sheet: Sheet, part: Literal["summary", "meaning"]) -> str | None:
    """The stage's summary (or meaning) for what the team runs: its own words for the kinds they speak for,
    then the reading of each other kind that counts."""
    speaks_for = set(stage.summary_kinds if part == "summary" else stage.meaning_kinds)
    counted = sheet.systems.counted({r.kind for r in stage.readings} | speaks_for)
    own = getattr(stage, part) if not speaks_for or counted & speaks_for else None
    extra = [getattr(r, part) for r in stage.readings if r.kind in counted and getattr(r, part)]
    said = [text for text in (own, *extra) if text]
    return " ".join(said) if said else getattr(stage, part)
