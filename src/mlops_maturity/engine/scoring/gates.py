"""CI gates: thresholds and baselines evaluated against a result (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result


@dataclass(frozen=True)
class Check:
    """One gate: ``id`` is stable (``min-stage``, ``min-dimension:monitoring``, ``baseline:stage``,
    ``baseline:dimension:monitoring``)."""

    id: str
    passed: bool
    message: str


@dataclass(frozen=True)
class Thresholds:
    """What a CI run asks for, as typed values the CLI has checked against the questionnaire."""

    min_stage: int | None = None
    min_level: str | None = None
    min_dimension: dict[str, float] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return self.min_stage is not None or self.min_level is not None or bool(self.min_dimension)


def evaluate_checks(
    q: Questionnaire, result: Result, thresholds: Thresholds, baseline: Result | None = None
) -> tuple[Check, ...]:
    checks: list[Check] = []
    stage = result.stage
    span = result.range
    if thresholds.min_stage is not None:
        wanted = thresholds.min_stage
        open_ = (
            f" (the lower bound: unknown answers leave stages {span.stage.low} to {span.stage.high} open)"
            if span.stage.high > span.stage.low
            else ""
        )
        checks.append(
            Check(
                "min-stage",
                stage.number >= wanted,
                f"stage {stage.number} ({stage.name}){open_}; required at least {wanted}",
            )
        )
    if thresholds.min_level is not None:
        wanted_level = q.levels[q.level_rank[thresholds.min_level]]
        ok = q.level_rank[result.level.id] >= q.level_rank[wanted_level.id]
        said = (
            f"level not determined: compared at its lower bound, {result.level.name} "
            f"(unknown answers leave {span.level.low_name} to {span.level.high_name} open)"
            if not result.level.determined
            else f"level {result.level.name}"
        )
        checks.append(Check("min-level", ok, f"{said}; required at least {wanted_level.name}"))
    scores = {d.id: d for d in result.dimensions}
    for dim_id, wanted_score in thresholds.min_dimension.items():
        dim = scores[dim_id]
        if dim.score is None:
            checks.append(Check(f"min-dimension:{dim_id}", True, f"{dim.title}: every question not applicable"))
        else:
            checks.append(
                Check(
                    f"min-dimension:{dim_id}",
                    dim.score >= wanted_score,
                    f"{dim.title} scores {dim.score:g}; required at least {wanted_score:g}",
                )
            )
    if baseline is not None:
        checks.extend(_baseline(q, result, baseline))
    return tuple(checks)


def _baseline(q: Questionnaire, new: Result, old: Result) -> list[Check]:
    """One check each for stage, level and every dimension scored in both; a failure says what dropped."""
    was_stage, now_stage = old.stage, new.stage
    stage_ok = now_stage.number >= was_stage.number
    out = [
        Check(
            "baseline:stage",
            stage_ok,
            f"stage {now_stage.number} ({now_stage.name}); baseline {was_stage.number}"
            if stage_ok
            else f"stage dropped from {was_stage.number} ({was_stage.name}) to {now_stage.number} ({now_stage.name})",
        )
    ]
    # A level the questionnaire no longer has counts as its lowest, so a renamed level never blocks a merge.
    level_ok = q.level_rank[new.level.id] >= q.level_rank.get(old.level.id, 0)
    out.append(
        Check(
            "baseline:level",
            level_ok,
            f"level {new.level.name}; baseline {old.level.name}"
            if level_ok
            else f"level dropped from {old.level.name} to {new.level.name}",
        )
    )
    before = {d.id: d.score for d in old.dimensions}
    for dim in new.dimensions:
        was = before.get(dim.id)
        if was is None or dim.score is None:
            continue
        ok = dim.score >= was
        message = (
            f"{dim.title} scores {dim.score:g}; baseline {was:g}"
            if ok
            else f"{dim.title} dropped from {was:g} to {dim.score:g} ({round(dim.score - was, 1):+g})"
        )
        out.append(Check(f"baseline:dimension:{dim.id}", ok, message))
    return out
