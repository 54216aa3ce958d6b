"""Several respondents in a result: who answered a team file merged by ``consensus``, and where they disagree."""

from typing import Literal

from pydantic import Field

from mlops_maturity.engine.model.frozen import Frozen


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
