"""Where a result places the team: the stage, the level, and the range that unknown answers leave open."""

from typing import Literal

from pydantic import Field

from mlops_maturity.engine.model.frozen import Frozen


class StageRef(Frozen):
    number: int
    name: str


class StagePlacement(Frozen):
    number: int = Field(description="0 means the team has not yet met the first stage's entry criteria")
    id: str
    name: str
    summary: str
    meaning: str | None = None
    progress_to_next: float = Field(ge=0, le=1, description="share of the next stage's criteria already met")
    next: StageRef | None = Field(description="the next stage, or null at the top")
    top: int = Field(description="number of the highest stage")
    delivery: StageRef = Field(
        description="the delivery setup: the highest stage whose defining criteria, and those of every stage "
        "below it, are met; above `number` when supporting criteria of that stage are missing"
    )


class LevelPlacement(Frozen):
    id: str
    name: str
    description: str
    meaning: str | None = None
    determined: bool = Field(
        default=True, description="false when don't-know answers leave the level open: `id` is then its lower bound"
    )


class StageRange(Frozen):
    low: int = Field(description="the stage the known answers earn: the placement")
    high: int = Field(description="the stage with every don't-know or unanswered question at its most mature option")


class LevelRange(Frozen):
    low: str
    low_name: str
    high: str
    high_name: str


class DecidingAnswer(Frozen):
    """A question not answered, or answered "don't know", that on its own holds the team below the top of its range."""

    question: str
    title: str
    status: Literal["unknown", "unanswered"]
    holds_stage: int = Field(description="the stage this answer alone holds the team at, the other unknowns at best")
    holds_level: str
    needs: str = Field(description="the least option that, the other unknowns at best, reaches the top of the range")
    needs_label: str


class PlacementRange(Frozen):
    """How far the unknown answers leave the placement open; any answers to them land inside it."""

    stage: StageRange
    level: LevelRange
    deciding: tuple[DecidingAnswer, ...] = Field(
        description="the unknown answers that decide the range, the one holding the team lowest first"
    )
