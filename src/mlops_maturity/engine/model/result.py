"""The result of an assessment: what ``score --format json`` prints and templates receive."""

from typing import Annotated, Literal

from pydantic import Field

from mlops_maturity.engine.model.answers import DATE_PATTERN
from mlops_maturity.engine.model.frozen import Frozen
from mlops_maturity.engine.model.questionnaire import DEFAULT_BANDS, Questionnaire, Role, ScoreBand, Slug, Version
from mlops_maturity.engine.model.repository_evidence import RepositoryEvidence

SCHEMA_VERSION = 2  # 2: score bands, structured warnings

AnswerStatus = Literal["answered", "unknown", "not_applicable", "unanswered", "skipped", "pending"]


class QuestionnaireRef(Frozen):
    """Which questionnaire scored the team, and the score bands every chart of its results uses."""

    id: Slug
    version: Version
    title: str
    score_bands: tuple[ScoreBand, ...] = DEFAULT_BANDS

    @classmethod
    def of(cls, q: Questionnaire) -> "QuestionnaireRef":
        return cls(id=q.id, version=q.version, title=q.title, score_bands=q.score_bands)


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


class DimensionScore(Frozen):
    id: str
    title: str
    score: float | None = Field(ge=0, le=100, description="null when every question was not applicable")
    weight: float
    answered: int
    questions: int


class CriterionStatus(Frozen):
    question: str
    title: str
    required: str
    required_label: str
    current: str
    current_label: str
    met: bool
    role: Role = "defining"
    source: str | None = None


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
    reason: Literal["foundational", "gap", "capability"]


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
    ratio: float = Field(ge=0, le=1, description="answered / (questions - skipped - not_applicable)")


class ConsistencyFinding(Frozen):
    id: str
    message: str
    questions: tuple[str, ...]


class Finding(Frozen):
    """A warning or a note, with what it is about: the rule that found it and the questions involved."""

    rule: str
    message: str
    questions: tuple[str, ...]


class RespondentRef(Frozen):
    name: str
    role: str | None = None


class SplitAnswer(Frozen):
    """What one respondent answered to a question the team disagrees on."""

    respondent: str
    answer: str = Field(description="option id, unknown, not_applicable, or unanswered")
    label: str
    evidence: str | None = Field(default=None, description="their own evidence or reason, when their file is at hand")


class PlacementPoint(Frozen):
    stage: int
    level: str
    level_name: str
    overall_score: float


DisagreementKind = Literal["spread", "unknown", "not_applicable"]


class Disagreement(Frozen):
    """A question the respondents answer differently enough to talk about."""

    question: str
    title: str
    dimension: str
    kinds: tuple[DisagreementKind, ...] = Field(
        description="spread: options two or more apart; unknown: some know and others answered don't know; "
        "not_applicable: some say it does not apply while others chose an option"
    )
    spread: int = Field(ge=0, description="option ranks between the lowest and the highest option given")
    team_answer: str
    team_label: str
    answers: tuple[SplitAnswer, ...]
    low: PlacementPoint = Field(description="the team's placement with the most pessimistic answer given here")
    high: PlacementPoint = Field(description="the team's placement with the most optimistic answer given here")


class Respondents(Frozen):
    """Who answered a team file merged by ``consensus``, and where they disagree."""

    count: int
    respondents: tuple[RespondentRef, ...]
    questions_answered: int = Field(description="questions at least one respondent answered")
    disagreement_index: float = Field(
        ge=0, le=100, description="share of the questions answered on which the respondents disagree, in percent"
    )
    disagreements: tuple[Disagreement, ...] = Field(
        description="ranked by how much each moves the placement (stage, level, overall score), then by spread"
    )


class Result(Frozen):
    schema_version: int = SCHEMA_VERSION
    questionnaire: QuestionnaireRef
    team: str
    assessed_on: Annotated[str, Field(pattern=DATE_PATTERN)] | None
    stage: StagePlacement
    level: LevelPlacement
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
