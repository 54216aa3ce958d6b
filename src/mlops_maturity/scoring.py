"""The scoring engine: a pure function from (questionnaire, answers) to a result.

Placement is staged and cumulative: a team is at stage N when it meets the
entry criteria of every stage from 1 to N. Dimension scores are a separate,
continuous profile and never move the stage. No I/O happens here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from mlops_maturity.answers import Answer, Answers
from mlops_maturity.conditions import PlacementAtom, QuestionAtom, atoms, evaluate
from mlops_maturity.questionnaire import NOT_APPLICABLE, UNKNOWN, Criterion, Question, Questionnaire
from mlops_maturity.result import (
    AnswerRecord,
    AnswerStatus,
    Completeness,
    ConsistencyFinding,
    CriterionStatus,
    DimensionScore,
    Gap,
    LevelPlacement,
    LevelStatus,
    QuestionnaireRef,
    Result,
    StagePlacement,
    StageRef,
    StageStatus,
)
from mlops_maturity.roadmap import build_disciplines, build_risks, build_roadmap

STATUS_LABELS = {
    UNKNOWN: "don't know",
    NOT_APPLICABLE: "not applicable",
    "unanswered": "not answered",
    "skipped": "does not apply yet",
}


class Effective(NamedTuple):
    """What one answer counts as, after conditions are applied.

    A named tuple rather than a frozen dataclass: one is built per question per
    assessment, and a tuple is several times cheaper to build.
    """

    status: AnswerStatus
    answer: str
    rank: int | None
    given: Answer | None

    def label(self, question: Question) -> str:
        if self.rank is not None:
            return question.options[self.rank].label
        return STATUS_LABELS[self.answer]


_UNANSWERED = Effective("unanswered", "unanswered", None, None)


def _as_given(question: Question, given: Answer | None) -> Effective:
    """What an answer counts as when its question applies."""
    value = given.answer if given is not None else None
    if value is None:
        return _UNANSWERED
    if value in (UNKNOWN, NOT_APPLICABLE):
        return Effective(UNKNOWN if value == UNKNOWN else NOT_APPLICABLE, value, None, given)  # type: ignore[arg-type]
    return Effective("answered", value, question.rank(value), given)


class Sheet:
    """The effective answer of every question of one questionnaire."""

    def __init__(self, questionnaire: Questionnaire, given: dict[str, Answer]) -> None:
        self.q = questionnaire
        self.given = given
        self.effective: dict[str, Effective] = {}
        self._busy: set[str] = set()
        effective = self.effective
        for question in questionnaire.questions:
            # Most questions have no condition; they need no cycle guard and no recursion.
            if question.applies_when is None:
                effective[question.id] = _as_given(question, given.get(question.id))
            elif question.id not in effective:
                self.resolve(question.id)

    def rank(self, qid: str) -> int | None:
        return self.resolve(qid).rank

    def option_rank(self, qid: str, option: str) -> int:
        return self.q.by_id[qid].rank(option)

    def resolve(self, qid: str) -> Effective:
        eff = self.effective.get(qid)
        if eff is not None:
            return eff
        if qid in self._busy:  # a cycle in applies_when: treat the answer as absent
            return Effective("skipped", "skipped", None, None)
        self._busy.add(qid)
        question = self.q.by_id[qid]
        given = self.given.get(qid)
        if question.applies_when is not None and not evaluate(question.applies_when, self.rank, self.option_rank):
            eff = Effective("skipped", "skipped", None, given)
        else:
            eff = _as_given(question, given)
        self._busy.discard(qid)
        self.effective[qid] = eff
        return eff

    def met(self, criterion: Criterion) -> bool:
        """The one definition of a met criterion: answered, at least the required option."""
        rank = self.effective[criterion.question].rank
        return rank is not None and rank >= self.q.by_id[criterion.question].rank(criterion.at_least)

    def criterion(self, criterion: Criterion) -> CriterionStatus:
        question = self.q.by_id[criterion.question]
        eff = self.effective[criterion.question]
        return CriterionStatus(
            question=question.id,
            title=question.title,
            required=criterion.at_least,
            required_label=question.option(criterion.at_least).label,
            current=eff.answer,
            current_label=eff.label(question),
            met=self.met(criterion),
        )


def place(q: Questionnaire, sheet: Sheet) -> tuple[int, int]:
    """Stage number and level index reached: every rung up to them has all its criteria met."""
    return (
        _cumulative([all(sheet.met(c) for c in s.criteria) for s in q.stages]),
        _cumulative([all(sheet.met(c) for c in lv.criteria) for lv in q.levels]),
    )


class DimensionPoints(NamedTuple):
    """One dimension's score (``None`` when every question was not applicable) and its coverage."""

    score: float | None
    answered: int
    questions: int


def dimension_points(q: Questionnaire, sheet: Sheet) -> tuple[DimensionPoints, ...]:
    """Weighted average of the chosen options' points per dimension, in the questionnaire's order."""
    out = []
    for dim in q.dimensions:
        total = weight = 0.0
        answered = count = 0
        for question in q.questions_of(dim.id):
            count += 1
            eff = sheet.effective[question.id]
            if eff.status == NOT_APPLICABLE:
                continue
            weight += question.weight
            if eff.rank is not None:
                answered += 1
                total += question.weighted_points[eff.rank]
        out.append(DimensionPoints(round(100 * total / weight, 1) if weight else None, answered, count))
    return tuple(out)


def overall_score(q: Questionnaire, scores: Sequence[float | None]) -> float:
    """Dimension scores averaged with the dimensions' weights; unscored dimensions left out."""
    scored = [(s, d.weight) for d, s in zip(q.dimensions, scores, strict=True) if s is not None]
    return round(sum(s * w for s, w in scored) / sum(w for _, w in scored), 1) if scored else 0.0


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
    dimensions = _dimensions(q, sheet)
    level = q.levels[level_index]
    findings = _consistency(q, sheet, stage_number, level_index)
    records = _records(q, sheet)
    warnings = [f"{f.message} ({', '.join(f.questions)})" for f in findings]
    warnings += [
        f"the answer to {r.question!r} was ignored: the question does not apply to this team yet"
        for r in records
        if r.status == "skipped" and sheet.effective[r.question].given is not None
    ]
    return Result(
        questionnaire=QuestionnaireRef(id=q.id, version=q.version, title=q.title),
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
        warnings=tuple(warnings),
    )


def _cumulative(met: Sequence[bool]) -> int:
    """Index of the last rung reached with every rung below it met (rung 0 always is)."""
    reached = 0
    for i in range(1, len(met)):
        if not met[i]:
            break
        reached = i
    return reached


def _dimensions(q: Questionnaire, sheet: Sheet) -> tuple[DimensionScore, ...]:
    return tuple(
        DimensionScore(
            id=dim.id, title=dim.title, score=p.score, weight=dim.weight, answered=p.answered, questions=p.questions
        )
        for dim, p in zip(q.dimensions, dimension_points(q, sheet), strict=True)
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
