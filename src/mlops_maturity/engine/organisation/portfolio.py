"""The organisation view: what ``portfolio --format json`` prints and the renderers draw."""

from __future__ import annotations

from pydantic import Field

from mlops_maturity.engine.model.frozen import Frozen
from mlops_maturity.engine.model.result import QuestionnaireRef

SCHEMA_VERSION = 1
# A gap or an investment is shared, and worth closing or funding once, when it concerns this many teams or more.
SHARED = 2


class TeamSummary(Frozen):
    """A team's latest assessment."""

    team: str
    file: str
    assessed_on: str | None
    stage: int
    stage_name: str
    level: str
    level_name: str
    stage_high: int = Field(
        description="the stage with every don't-know or unanswered question at its most mature option; "
        "equal to stage when no unknown answer leaves it open",
    )
    level_determined: bool = Field(
        default=True,
        description="false when unknown outcome answers leave the level open; level is then its lower bound",
    )
    overall_score: float
    dimensions: dict[str, float | None] = Field(description="dimension id -> score, null when not applicable")
    gaps: tuple[str, ...] = Field(description="questions that keep the team from its next stage")
    files: int = Field(description="how many answers files of this team were read")
    respondents: int = Field(
        default=1,
        description="people whose answers place the team: the respondents merged (a team file from `consensus`, "
        "or respondents' files of one date), 1 for a single answers file",
    )
    disagreement_index: float | None = Field(
        default=None,
        description="share of the questions answered on which those respondents disagree, in percent; "
        "null for a single respondent",
    )


class NotAssessed(Frozen):
    """A team whose latest file answers less than half of the questions that apply: a template, not an assessment."""

    team: str
    file: str
    answered: float = Field(description="share of the questions that apply that have an answer, 0 to 1")


class StageCount(Frozen):
    number: int
    name: str
    teams: int


class LevelCount(Frozen):
    id: str
    name: str
    teams: int


class DimensionStats(Frozen):
    id: str
    title: str
    mean: float | None
    min: float | None
    max: float | None
    teams: int = Field(description="teams with a score in this dimension")


class CommonGap(Frozen):
    """A stage criterion that teams miss; one that ``SHARED`` teams or more miss is a candidate for one investment."""

    question: str
    title: str
    dimension: str
    teams: int = Field(description="how many teams miss it on the way to their next stage")
    team_names: tuple[str, ...]
    unlocks: tuple[str, ...] = Field(description="teams that reach their next stage once this gap alone is closed")
    unlocks_with_above: tuple[str, ...] = Field(
        description="teams that reach their next stage once this gap and every gap ranked above it are closed "
        "(and not before)"
    )


class SharedInvestment(Frozen):
    """A discipline that moves the same next step for several teams: fund it once (``engine/shared_investments``)."""

    id: str
    title: str
    initiative: str | None
    stage: int = Field(description="the stage whose discipline it is: the teams it helps are at this stage")
    carries_up: tuple[str, ...] = Field(description="teams it takes to their next stage on its own")
    helps: tuple[str, ...] = Field(description="teams whose gaps to the next stage it moves")


class TrendPoint(Frozen):
    file: str
    assessed_on: str | None
    stage: int
    level: str
    overall_score: float


class Trend(Frozen):
    """Several files of one team, oldest first."""

    team: str
    history: tuple[TrendPoint, ...]
    stage_change: int
    overall_change: float


class FileProblem(Frozen):
    file: str
    message: str


class Portfolio(Frozen):
    schema_version: int = SCHEMA_VERSION
    questionnaire: QuestionnaireRef
    files: int = Field(description="answers files read, valid or not")
    teams: tuple[TeamSummary, ...]
    not_assessed: tuple[NotAssessed, ...] = Field(
        default=(),
        description="teams that answered less than half of the questions that apply, left out of every count",
    )
    stage_distribution: dict[str, int]
    level_distribution: dict[str, int] = Field(description="level id -> teams, counting only determined levels")
    stages: tuple[StageCount, ...]
    levels: tuple[LevelCount, ...] = Field(description="teams per level, counting only determined levels")
    level_undetermined: int = Field(default=0, description="teams whose unknown answers leave the level open")
    dimensions: tuple[DimensionStats, ...]
    common_gaps: tuple[CommonGap, ...]
    investments: tuple[SharedInvestment, ...] = ()
    min_stage: int | None
    below_min_stage: tuple[str, ...]
    single_respondent: tuple[str, ...] = Field(
        default=(), description="teams whose latest assessment is one person's answers"
    )
    trends: tuple[Trend, ...]
    notes: tuple[str, ...]
    errors: tuple[FileProblem, ...]
