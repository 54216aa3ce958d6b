"""The result of an assessment: what ``score --format json`` prints and templates receive."""

from typing import Annotated, Literal

from pydantic import Field

from mlops_maturity.engine.model.answers import DATE_PATTERN
from mlops_maturity.engine.model.disagreements import Respondents
from mlops_maturity.engine.model.frozen import Frozen, Slug, Version
from mlops_maturity.engine.model.placement import LevelPlacement, PlacementRange, StagePlacement
from mlops_maturity.engine.model.questionnaire import DEFAULT_BANDS, Questionnaire, ScoreBand
from mlops_maturity.engine.model.repository_evidence import RepositoryEvidence
from mlops_maturity.engine.model.stages import Role

SCHEMA_VERSION = 2  # 2: score bands, structured warnings

AnswerStatus = Literal["answered", "unknown", "not_applicable", "unanswered", "skipped", "pending", "out_of_scope"]


class QuestionnaireRef(Frozen):
    """Which questionnaire scored the team, and the score bands every chart of its results uses."""

    id: Slug
    version: Version
    title: str
    score_bands: tuple[ScoreBand, ...] = DEFAULT_BANDS

    @classmethod
    def of(cls, q: Questionnaire) -> "QuestionnaireRef":
        return cls(id=q.id, version=q.version, title=q.title, score_bands=q.score_bands)


class DimensionScore(Frozen):
    id: str
    title: str
    score: float | None = Field(ge=0, le=100, description="null when every question was not applicable")
    weight: float
    answered: int
    questions: int


class ReadingStatus(Frozen):
    """One answer that would meet a criterion, and where the team's answer stands."""

    question: str
    title: str
    required: str
    required_label: str
    current: str
    current_label: str
    met: bool


class CriterionStatus(ReadingStatus):
    """A criterion, shown by the reading that is met (or else the first one in play); ``met`` is the criterion's."""

    role: Role = "defining"
    source: str | None = None
    alternatives: tuple[ReadingStatus, ...] = Field(default=(), description="the criterion's other readings")


class StageStatus(Frozen):
    number: int
    name: str
    met: bool = Field(description="every criterion of this stage is met")
    criteria: tuple[CriterionStatus, ...]


class LevelStatus(Frozen):
    id: str
    name: str
    met: bool
    criteria: tuple[CriterionStatus, ...]


class Gap(Frozen):
    question: str
    title: str
    dimension: str
    current: str
    current_label: str
    required: str
    required_label: str
    stage: int
    role: Role = "defining"


class Signal(Frozen):
    """An answer that makes a risk real, or that a discipline would change."""

    question: str
    title: str
    current: str
    current_label: str
    target: str | None = None
    target_label: str | None = None


class RiskResult(Frozen):
    id: str
    title: str
    description: str
    signals: tuple[Signal, ...]


class DisciplineResult(Frozen):
    id: str
    title: str
    description: str
    addresses: tuple[str, ...]
    improves: tuple[Signal, ...]


class Investment(Frozen):
    """A discipline of the current stage phrased as something to fund (see ``engine/scoring/investments.py``)."""

    id: str
    title: str
    description: str
    initiative: str | None = Field(description="the discipline as something to fund, in a few words")
    removes: tuple[str, ...] = Field(description="titles of the risks, made real by the answers, that it removes")
    moves: tuple[str, ...] = Field(description="the questions whose answers it would move")
    closes: int = Field(description="how many of the gaps to the next stage it closes")
    gaps: int = Field(description="how many gaps to the next stage there are")
    unlocks: int | None = Field(description="the stage it unlocks on its own, if it closes every gap to it")
    unknown: int = Field(description="how many of the answers it would move are still don't know or unanswered")


class RoadmapItem(Frozen):
    question: str
    title: str
    dimension: str
    current: str
    current_label: str
    target: str
    target_label: str
    stage: int | None = Field(description="the stage this step helps unlock, or whose basic it fixes, if any")
    reason: Literal["unknown", "foundational", "gap", "capability"] = Field(
        description="unknown: find out an answer that decides the range; foundational: a basic of a stage reached; "
        "gap: a criterion of a stage to reach; capability: the weakest capabilities"
    )
    then_stage: int | None = Field(
        default=None,
        description="a later stage to reach that asks more of the same answer: the target is what that stage needs, "
        "so one step covers both",
    )


class AnswerRecord(Frozen):
    question: str
    dimension: str
    title: str
    text: str
    status: AnswerStatus
    answer: str
    label: str
    points: float
    max_points: float
    evidence: str | None = None
    reason: str | None = None
    waits_on: tuple[str, ...] = Field(default=(), description="for a pending question: the answers it waits on")


class Completeness(Frozen):
    questions: int
    answered: int
    unknown: int
    not_applicable: int
    unanswered: int
    skipped: int
    pending: int = Field(default=0, description="questions that may apply once an unknown answer is known")
    applicable: int = Field(
        default=0, description="questions that apply: every question asked, less skipped, pending and not applicable"
    )
    ratio: float = Field(ge=0, le=1, description="answered / applicable")


class ConsistencyFinding(Frozen):
    id: str
    message: str
    questions: tuple[str, ...]


class Finding(Frozen):
    """A warning or a note, with what it is about: the rule that found it and the questions involved."""

    rule: str
    message: str
    questions: tuple[str, ...]


class SystemStage(Frozen):
    """One kind of system the team runs, and the stage its answers earn for that kind alone."""

    kind: str
    title: str
    live: bool = Field(description="in production; a kind only in development or pilot is false")
    stage: int
    stage_name: str
    part_of: tuple[str, ...] = Field(default=(), description="the broader kinds this kind belongs to")


class Result(Frozen):
    schema_version: int = SCHEMA_VERSION
    questionnaire: QuestionnaireRef
    team: str
    assessed_on: Annotated[str, Field(pattern=DATE_PATTERN)] | None
    stage: StagePlacement
    level: LevelPlacement
    range: PlacementRange = Field(description="what the don't-know and unanswered questions leave open")
    systems: tuple[SystemStage, ...] | None = Field(
        default=None,
        description="the kinds of system the team says it runs, each with its own stage; absent when the answers "
        "do not say (a file written before the questionnaire asked)",
    )
    overall_score: float = Field(ge=0, le=100)
    dimensions: tuple[DimensionScore, ...]
    target_stage: int
    gaps: tuple[Gap, ...]
    foundational_gaps: tuple[Gap, ...] = Field(
        description="supporting criteria of stages at or below the placement that are not met: basics to fix first"
    )
    risks: tuple[RiskResult, ...] = Field(description="the stage's risks that the team's answers make real")
    risks_in_view: tuple[RiskResult, ...] = Field(
        default=(), description="the stage's other risks: no answer supports them now"
    )
    disciplines: tuple[DisciplineResult, ...]
    investments: tuple[Investment, ...] = Field(default=(), description="the three disciplines to fund next, ranked")
    roadmap: tuple[RoadmapItem, ...]
    stages: tuple[StageStatus, ...]
    levels: tuple[LevelStatus, ...]
    consistency: tuple[ConsistencyFinding, ...]
    completeness: Completeness
    answers: tuple[AnswerRecord, ...]
    unanswered: tuple[str, ...]
    unknown: tuple[str, ...]
    warnings: tuple[str, ...] = Field(description="every warning's message; warning_details says what each is about")
    warning_details: tuple[Finding, ...]
    notes: tuple[Finding, ...] = Field(default=(), description="things worth knowing that contradict nothing")
    respondents: Respondents | None = Field(
        default=None, description="for a team file merged from several respondents: who, and where they disagree"
    )
    repository: RepositoryEvidence | None = Field(
        default=None, description="with --scan DIR: what the repository's files say about each answer they bear on"
    )
