"""The first thing every output says: where the team is placed, where its delivery stands, what holds it back.

Plain sentences, no markup: each format wraps them as it needs (rich text, Markdown via
``md``, workflow commands), so the wording of the placement lives in one place.
"""

from __future__ import annotations

from mlops_maturity.engine.model.result import Gap, Result


def placement(result: Result) -> str:
    stage = result.stage
    return f"Stage {stage.number} of {stage.top}: {stage.name}"


def delivery(result: Result) -> str | None:
    """Where the delivery setup stands, when its defining criteria reach above the placement."""
    stage = result.stage
    if stage.delivery.number <= stage.number:
        return None
    following = stage.number + 1
    named = ", ".join(g.title for g in result.gaps if g.stage == following)
    return (
        f"The delivery setup already matches stage {stage.delivery.number} ({stage.delivery.name}); "
        f"the placement rises to stage {following} once these basics are in place too: {named}."
    )


def foundational(result: Result) -> list[str]:
    """One line per foundational gap: a basic of a lower stage that the team carries."""
    return [gap_line(g) for g in result.foundational_gaps]


def gap_line(gap: Gap) -> str:
    return f"{gap.title} (a basic of stage {gap.stage}): now “{gap.current_label}”, needs “{gap.required_label}”"


def foundational_intro(result: Result) -> str | None:
    count = len(result.foundational_gaps)
    if not count:
        return None
    noun = "a basic" if count == 1 else f"{count} basics"
    return f"Placed at stage {result.stage.number} while missing {noun} of a lower stage (foundational gaps):"
