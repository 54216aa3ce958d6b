"""The first things every output says, in one set of words: placement, what is open, what holds it, how much rests on.

Plain sentences, no markup: each format wraps them as it needs (rich text, Markdown via
``md``, workflow commands, the survey's screen, the badge). ``score``, ``report``, the
survey, the badge and the portfolio all take their headline, the range "don't know" leaves
open, the foundational gaps, the counts and the axes note from here, so no two outputs of
one answers file can tell different stories (``tests/behaviour/test_one_story.py``).
"""

from __future__ import annotations

from mlops_maturity.engine.model.placement import DecidingAnswer
from mlops_maturity.engine.model.result import CriterionStatus, Gap, ReadingStatus, Result

NOT_KNOWN = frozenset(("unknown", "unanswered"))

AXES = "Two measures: the stage is how the team builds and runs models; the level, how well its delivery works today."


def placement(result: Result) -> str:
    stage = result.stage
    return f"Stage {stage.number} of {stage.top}: {stage.name}"


def stage_span(low: int, high: int, unicode: bool = True) -> str:
    """A stage, or the range unknown answers leave open: ``3``, ``3–5``."""
    return str(low) if high <= low else f"{low}{'–' if unicode else '-'}{high}"


def team_level(name: str, determined: bool) -> str:
    return name if determined else "not determined"


def short(result: Result, unicode: bool = True) -> str:
    """The placement in a few words, for a badge: ``stage 3 · level Low``, ``stage 3–5 · level open``."""
    span = result.range.stage
    level = result.level.name.removesuffix(" MLOps").strip() or result.level.name
    dot = "·" if unicode else "-"
    level = level if result.level.determined else "open"
    return f"stage {stage_span(span.low, span.high, unicode)} {dot} level {level}"


def stage_range(result: Result) -> str | None:
    """What the unknown answers leave open above the placement, or None when nothing is open."""
    span = result.range.stage
    if span.high <= span.low:
        return None
    count = sum(d.holds_stage < span.high for d in result.range.deciding)
    return (
        f"{_answers(count)} not known {_decide(count)} between stage {span.low} and stage {span.high}; "
        f"stage {span.low} is what the known answers earn"
    )


def level_name(result: Result) -> str:
    """The level, or "not determined" when unknown outcome answers leave it open (never a guess)."""
    return team_level(result.level.name, result.level.determined)


def level_range(result: Result) -> str | None:
    """Why the level is not determined, or None when it is."""
    if result.level.determined:
        return None
    span = result.range.level
    count = sum(d.holds_level != span.high for d in result.range.deciding)
    return f"{_answers(count)} not known {_decide(count)} between {span.low_name} and {span.high_name}"


def level_line(result: Result) -> str:
    detail = level_range(result)
    return f"Level: {level_name(result)}" + (f": {detail}" if detail else "")


def deciding(result: Result) -> list[str]:
    """One line per answer to find out, the one holding the team lowest first."""
    return [deciding_line(result, d) for d in result.range.deciding]


def deciding_line(result: Result, d: DecidingAnswer) -> str:
    said = "don't know" if d.status == "unknown" else "not answered"
    top = result.range
    holds = []
    if d.holds_stage < top.stage.high:
        holds.append(f"stage {d.holds_stage}")
    if d.holds_level != top.level.high:
        holds.append(f"the level at {_level_name(result, d.holds_level)}")
    return f"{d.title} ({said}): holds {' and '.join(holds) or 'the result'} unless it is at least “{d.needs_label}”"


def foundational_intro(result: Result) -> str | None:
    gaps = result.foundational_gaps
    if not gaps:
        return None
    unknown = sum(g.current in NOT_KNOWN for g in gaps)
    if len(gaps) == 1:
        said = "is not known; find it out first" if unknown else "is missing; put it in place first"
        return f"A basic of the stages reached {said}:"
    if unknown == len(gaps):
        return f"{len(gaps)} basics of the stages reached are not known; find them out first:"
    why = "are missing" if not unknown else f"are missing ({len(gaps) - unknown}) or not known ({unknown})"
    return f"{len(gaps)} basics of the stages reached {why}; put them in place first:"


def foundational(result: Result) -> list[str]:
    """One line per foundational gap: a basic of a stage reached that the answers do not show."""
    return [gap_line(g) for g in result.foundational_gaps]


def gap_line(gap: Gap) -> str:
    return f"{gap.title} (a basic of stage {gap.stage}): {standing(gap)}, needs “{gap.required_label}”"


def standing(answer: Gap | ReadingStatus | CriterionStatus) -> str:
    """``now “Weekly”`` or ``not known``."""
    return current(answer) if answer.current in NOT_KNOWN else f"now “{answer.current_label}”"


def current(answer: Gap | ReadingStatus | CriterionStatus) -> str:
    """The answer a gap or criterion starts from: its label, or "not known" (a don't-know is never shown as a fact)."""
    return "not known" if answer.current in NOT_KNOWN else answer.current_label


def counts(result: Result) -> str:
    """How much of the questionnaire the result rests on, said the same way everywhere."""
    c = result.completeness
    open_ = [part for part in (_n(c.unknown, "don't know"), _n(c.unanswered, "not answered")) if part]
    line = f"Based on {c.answered} of {c.applicable} questions that apply" + (f" ({', '.join(open_)})" if open_ else "")
    aside = [
        part
        for part in (
            _n(c.not_applicable, "marked not applicable"),
            _n(c.pending, "waiting for another answer"),
            _n(c.skipped, "not asked of this team"),
        )
        if part
    ]
    return line + (f"; {', '.join(aside)}" if aside else "")


def systems(result: Result) -> str | None:
    """Which kinds of system the team runs, each with its own stage, when the answers say."""
    if not result.systems:
        return None
    said = {(s.kind, s.stage, s.live) for s in result.systems}
    shown = [s for s in result.systems if not any((k, s.stage, s.live) in said for k in s.part_of)]
    if len(shown) < 2:
        return None  # one kind: its stage is the team's
    parts = [f"{s.title.lower()} at stage {s.stage}{'' if s.live else ' (not yet in production)'}" for s in shown]
    return "Each kind alone: " + "; ".join(parts)


FILTERS = {
    "stage_range": stage_range,
    "level_name": level_name,
    "level_range": level_range,
    "deciding": deciding,
    "foundational_intro": foundational_intro,
    "foundational": foundational,
    "counts": counts,
    "systems": systems,
    "now": current,
}
"""The headline's words as report template filters (``result | level_name``, ``gap | now``)."""


def _answers(count: int) -> str:
    return "1 answer" if count == 1 else f"{count} answers"


def _decide(count: int) -> str:
    return "decides" if count == 1 else "decide"


def _n(count: int, what: str) -> str | None:
    return f"{count} {what}" if count else None


def _level_name(result: Result, level_id: str) -> str:
    return next((lv.name for lv in result.levels if lv.id == level_id), level_id)
