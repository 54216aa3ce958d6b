"""What ``mlops-maturity consensus`` reports: the team's placement, each respondent's, and where they disagree."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field

from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.disagreements import Disagreement
from mlops_maturity.engine.model.frozen import Frozen
from mlops_maturity.engine.model.questionnaire import NOT_APPLICABLE, Questionnaire
from mlops_maturity.engine.model.result import QuestionnaireRef, Result
from mlops_maturity.engine.respondents.anonymous import ANONYMOUS_NOTE
from mlops_maturity.engine.respondents.consensus import RULE, Merged, Round
from mlops_maturity.engine.respondents.disagreement import disagreements, index
from mlops_maturity.engine.scoring.scorecard import score_team

SCHEMA_VERSION = 1


class Placed(Frozen):
    """A placement: the team's, or one respondent's own answers scored alone."""

    stage: int
    stage_name: str
    level: str
    level_name: str
    overall_score: float
    delivery: int = Field(description="the delivery setup (see `score`)")
    answered: int = Field(description="questions answered with an option")
    unknown: int = Field(description="questions answered don't know")


class RespondentPlacement(Placed):
    name: str
    role: str | None
    file: str | None = Field(description="null with --anonymous")


class Span(Frozen):
    """The lowest and the highest of the respondents' own placements."""

    stage_low: int
    stage_high: int
    level_low: str
    level_high: str
    level_low_name: str
    level_high_name: str


class ConsensusView(Frozen):
    schema_version: int = SCHEMA_VERSION
    questionnaire: QuestionnaireRef
    team: str
    assessed_on: str | None
    rule: str
    anonymous: bool
    team_placement: Placed
    respondents: tuple[RespondentPlacement, ...]
    span: Span
    questions_answered: int = Field(description="questions at least one respondent answered")
    disagreement_index: float = Field(description="share of the questions answered that are in dispute, in percent")
    disagreements: tuple[Disagreement, ...] = Field(description="every question in dispute, most decisive first")
    written: str | None = Field(default=None, description="the team answers file written with -o")
    notes: tuple[str, ...] = ()


def _placed(result: Result) -> Placed:
    c = result.completeness
    return Placed(
        stage=result.stage.number,
        stage_name=result.stage.name,
        level=result.level.id,
        level_name=result.level.name,
        overall_score=result.overall_score,
        delivery=result.stage.delivery.number,
        answered=c.answered,
        unknown=c.unknown,
    )


def build_view(
    q: Questionnaire, round_: Round, merged: Merged, *, anonymous: bool = False, written: str | None = None
) -> ConsensusView:
    """The report of one round: ``merged.voices`` are the respondents as shown (anonymised or not)."""
    date = round_.assessed_on
    team = score_team(q, Answers(file="", questionnaire=q.id, team=round_.team, assessed_on=date, given=merged.given))
    own = []
    for voice in merged.voices:
        given = dict(voice.given)
        alone = score_team(
            q, Answers(file=voice.file, questionnaire=q.id, team=round_.team, assessed_on=None, given=given)
        )
        own.append(
            RespondentPlacement(
                **_placed(alone).model_dump(), name=voice.name, role=voice.role, file=None if anonymous else voice.file
            )
        )
    by_stage = sorted(own, key=lambda r: r.stage)
    by_level = sorted(own, key=lambda r: q.level_rank[r.level])
    span = Span(
        stage_low=by_stage[0].stage,
        stage_high=by_stage[-1].stage,
        level_low=by_level[0].level,
        level_high=by_level[-1].level,
        level_low_name=by_level[0].level_name,
        level_high_name=by_level[-1].level_name,
    )
    evidence = {
        v.name: {
            qid: text
            for qid, a in v.given.items()
            if (text := " ".join(t for t in (a.reason if a.answer == NOT_APPLICABLE else None, a.evidence) if t))
        }
        for v in merged.voices
    }
    found = disagreements(q, merged.given, [(v.name, _values(v.given)) for v in merged.voices], evidence)
    notes = list(round_.notes)
    if anonymous:
        notes.append(ANONYMOUS_NOTE)
    if len(merged.voices) == 1:
        notes.append("one respondent: the team answers are that person's; ask the others to answer too")
    placed = _placed(team)
    if not span.stage_low <= placed.stage <= span.stage_high:
        notes.append(
            f"the team lands at stage {placed.stage}, outside the respondents' own stages "
            f"({span.stage_low} to {span.stage_high}): each question is merged on its own, so the team's answers "
            "can meet, or miss, a combination of criteria that no one respondent's answers do"
        )
    return ConsensusView(
        questionnaire=QuestionnaireRef.of(q),
        team=round_.team,
        assessed_on=date.isoformat() if date else None,
        rule=RULE,
        anonymous=anonymous,
        team_placement=placed,
        respondents=tuple(own),
        span=span,
        questions_answered=len(merged.given),
        disagreement_index=index(len(found), len(merged.given)),
        disagreements=found,
        written=written,
        notes=tuple(notes),
    )


def _values(given: Mapping[str, Answer]) -> dict[str, str]:
    return {qid: a.answer for qid, a in given.items() if a.answer is not None}
