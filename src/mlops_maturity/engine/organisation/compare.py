"""What changed between two assessments of one team (pure: two results in, a comparison out).

Gaps are compared criterion by criterion over every stage up to the one after
the higher of the two placements: a gap is closed when a criterion missed
before is met now, and opened when a criterion met before is missed now. The
next stage's new entry criteria are not "opened" gaps; they were never met.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from mlops_maturity.engine.model.frozen import Frozen
from mlops_maturity.engine.model.result import AnswerRecord, QuestionnaireRef, Result
from mlops_maturity.errors import AssessmentError

SCHEMA_VERSION = 1


class _Change(Frozen):
    model_config = ConfigDict(populate_by_name=True)


class StageChange(_Change):
    from_: int = Field(alias="from")
    to: int
    from_name: str
    to_name: str


class LevelChange(_Change):
    from_: str = Field(alias="from")
    to: str
    from_name: str
    to_name: str


class ScoreChange(_Change):
    from_: float = Field(alias="from")
    to: float
    delta: float


class DimensionChange(_Change):
    id: str
    title: str
    from_: float | None = Field(alias="from")
    to: float | None
    delta: float | None = Field(description="null when either side is not applicable")


class DateChange(_Change):
    from_: str | None = Field(alias="from")
    to: str | None


class AnswerChange(_Change):
    question: str
    title: str
    dimension: str
    from_: str | None = Field(alias="from", description="option id or status; null when the question did not exist")
    to: str | None
    from_label: str | None
    to_label: str | None
    direction: Literal["up", "down", "changed"] = Field(description="up or down by the options' points")


class GapChange(Frozen):
    question: str
    title: str
    stage: int
    required: str
    required_label: str


class Comparison(Frozen):
    schema_version: int = SCHEMA_VERSION
    questionnaire: QuestionnaireRef
    old_version: str = Field(description="questionnaire version the older result was scored with")
    team: str
    assessed_on: DateChange
    stage: StageChange
    level: LevelChange
    overall_score: ScoreChange
    dimensions: tuple[DimensionChange, ...]
    gaps_closed: tuple[str, ...]
    gaps_opened: tuple[str, ...]
    gaps_closed_detail: tuple[GapChange, ...]
    gaps_opened_detail: tuple[GapChange, ...]
    changed_answers: tuple[AnswerChange, ...]
    new_warnings: tuple[str, ...]
    resolved_warnings: tuple[str, ...]
    mismatches: tuple[str, ...] = Field(
        default=(), description="why the two may not be two assessments of one team in order; shown first"
    )
    notes: tuple[str, ...]


def check_comparable(old: Result, new: Result, old_name: str, new_name: str) -> None:
    """Refuse results of different questionnaires or major versions: their scores mean different things."""
    a, b = old.questionnaire, new.questionnaire
    if a.id != b.id:
        raise AssessmentError(
            f"cannot compare {old_name} (questionnaire {a.id!r}) with {new_name} (questionnaire {b.id!r}): "
            "compare two assessments made with the same questionnaire"
        )
    if a.version.split(".")[0] != b.version.split(".")[0]:
        raise AssessmentError(
            f"cannot compare {old_name} (questionnaire {a.id} {a.version}) with {new_name} ({b.id} {b.version}): "
            "a new major version changes what the answers mean; score both answers files with the same "
            "questionnaire (--questionnaire DIR) and compare those"
        )


def compare(old: Result, new: Result) -> Comparison:
    closed, opened = _gaps(old, new, closed=True), _gaps(old, new, closed=False)
    return Comparison(
        questionnaire=new.questionnaire,
        old_version=old.questionnaire.version,
        team=new.team or old.team,
        assessed_on=DateChange(from_=old.assessed_on, to=new.assessed_on),
        stage=StageChange(
            from_=old.stage.number, to=new.stage.number, from_name=old.stage.name, to_name=new.stage.name
        ),
        level=LevelChange(from_=old.level.id, to=new.level.id, from_name=old.level.name, to_name=new.level.name),
        overall_score=ScoreChange(
            from_=old.overall_score, to=new.overall_score, delta=round(new.overall_score - old.overall_score, 1)
        ),
        dimensions=_dimensions(old, new),
        gaps_closed=tuple(dict.fromkeys(g.question for g in closed)),
        gaps_opened=tuple(dict.fromkeys(g.question for g in opened)),
        gaps_closed_detail=closed,
        gaps_opened_detail=opened,
        changed_answers=_answers(old, new),
        new_warnings=tuple(w for w in new.warnings if w not in set(old.warnings)),
        resolved_warnings=tuple(w for w in old.warnings if w not in set(new.warnings)),
        mismatches=tuple(mismatches(old, new)),
        notes=tuple(_notes(old, new)),
    )


def _dimensions(old: Result, new: Result) -> tuple[DimensionChange, ...]:
    before = {d.id: d.score for d in old.dimensions}
    out = []
    for dim in new.dimensions:
        a, b = before.get(dim.id), dim.score
        delta = round(b - a, 1) if a is not None and b is not None else None
        out.append(DimensionChange(id=dim.id, title=dim.title, from_=a, to=b, delta=delta))
    return tuple(out)


def _gaps(old: Result, new: Result, *, closed: bool) -> tuple[GapChange, ...]:
    horizon = max(old.stage.number, new.stage.number) + 1
    was = {(s.number, c.question, c.required): c.met for s in old.stages for c in s.criteria}
    out = []
    for stage in new.stages:
        if stage.number > horizon:
            break
        for c in stage.criteria:
            before = was.get((stage.number, c.question, c.required))
            if before is None or before == c.met or c.met != closed:
                continue
            out.append(
                GapChange(
                    question=c.question,
                    title=c.title,
                    stage=stage.number,
                    required=c.required,
                    required_label=c.required_label,
                )
            )
    return tuple(out)


def _answers(old: Result, new: Result) -> tuple[AnswerChange, ...]:
    before = {r.question: r for r in old.answers}
    after = {r.question: r for r in new.answers}
    out = []
    for qid in [*after, *(q for q in before if q not in after)]:
        a, b = before.get(qid), after.get(qid)
        if a is not None and b is not None and a.answer == b.answer:
            continue
        ref = b or a
        assert ref is not None
        out.append(
            AnswerChange(
                question=qid,
                title=ref.title,
                dimension=ref.dimension,
                from_=a.answer if a else None,
                to=b.answer if b else None,
                from_label=a.label if a else None,
                to_label=b.label if b else None,
                direction=_direction(a, b),
            )
        )
    return tuple(out)


def _direction(a: AnswerRecord | None, b: AnswerRecord | None) -> Literal["up", "down", "changed"]:
    if a is None or b is None or a.max_points != b.max_points or a.points == b.points:
        return "changed"
    return "up" if b.points > a.points else "down"


def mismatches(
    old: Result,
    new: Result,
    old_role: str = "older",
    new_role: str = "newer",
    hint: str = "the arguments are OLD then NEW",
) -> list[str]:
    """What makes ``old`` and ``new`` look like two different teams, or one team's assessments in the wrong order."""
    found = []
    if old.team and new.team and old.team != new.team:
        found.append(f"the two files name different teams: {old.team!r} ({old_role}) and {new.team!r} ({new_role})")
    if old.assessed_on and new.assessed_on and new.assessed_on < old.assessed_on:
        found.append(
            f"the {new_role} file is dated {new.assessed_on}, before the {old_role} one ({old.assessed_on}); {hint}"
        )
    return found


def _notes(old: Result, new: Result) -> list[str]:
    notes = []
    voices = _voices(old, new)
    if voices:
        notes.append(voices)
    if old.questionnaire.version != new.questionnaire.version:
        notes.append(
            f"scored with questionnaire versions {old.questionnaire.version} and {new.questionnaire.version}; "
            "questions added or removed in between show as changed answers"
        )
    return notes


def _voices(old: Result, new: Result) -> str | None:
    """When the two assessments were not answered by the same people, part of any change is who answered."""
    was, now = old.respondents, new.respondents
    if was is None and now is None:
        return None
    before = {r.name for r in was.respondents} if was is not None else set()
    after = {r.name for r in now.respondents} if now is not None else set()
    if before == after:
        return None

    def people(names: set[str]) -> str:
        return f"merges {len(names)} respondents ({', '.join(sorted(names))})" if names else "is one answers file"

    return (
        f"the older assessment {people(before)} and the newer {people(after)}; "
        "part of any change may come from who answered"
    )
