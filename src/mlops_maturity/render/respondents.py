"""How disagreements between respondents are put into words, the same in every format (plain text)."""

from __future__ import annotations

from mlops_maturity.engine.model.disagreements import Disagreement, RespondentRef, Respondents
from mlops_maturity.render.wording import number, plural

TOP = 5  # disagreements shown by score and report; consensus shows them all


def who(respondent: RespondentRef) -> str:
    return f"{respondent.name} ({respondent.role})" if respondent.role else respondent.name


def stages(low: int, high: int) -> str:
    """``stage 2``, or ``stages 2-3`` when the respondents' own placements differ."""
    return f"stage {low}" if low == high else f"stages {low}-{high}"


def how(d: Disagreement) -> str:
    """The kind of disagreement: ``options 3 apart; some don't know``."""
    parts = []
    if "spread" in d.kinds:
        parts.append(f"options {d.spread} apart")
    if "unknown" in d.kinds:
        parts.append("some don't know")
    if "not_applicable" in d.kinds:
        parts.append("some say it does not apply")
    return "; ".join(parts)


def moves(d: Disagreement, arrow: str = "→") -> str:
    """What the question moves between its most pessimistic and most optimistic answer."""
    low, high = d.low, d.high
    if low.stage != high.stage:
        return f"decides the stage: {low.stage} {arrow} {high.stage}"
    if low.level != high.level:
        return f"decides the level: {low.level_name} {arrow} {high.level_name}"
    if low.overall_score != high.overall_score:
        return f"moves the overall score {number(low.overall_score)} {arrow} {number(high.overall_score)}"
    return "does not move the placement"


def answered(d: Disagreement) -> str:
    """``Ana: Automated alerts; Ben: None``."""
    return "; ".join(f"{a.respondent}: {a.label}" for a in d.answers)


def headline(r: Respondents) -> str:
    names = ", ".join(who(x) for x in r.respondents)
    return f"Team answers merged from {plural(r.count, 'respondent')}: {names}."


def extent(disputed: int, answered_count: int, index: float) -> str:
    if not disputed:
        return f"They agree on all {answered_count} questions answered (no two options two or more apart)."
    return (
        f"They disagree on {disputed} of the {answered_count} questions answered (disagreement index {number(index)}%)."
    )
