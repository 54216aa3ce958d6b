"""Where the respondents of one team disagree, ranked by how much each disagreement moves the placement.

For each question in dispute, the team's placement is worked out twice, with every
other answer as the team gave it: once with the most pessimistic answer a respondent
gave there (the lowest option, or "don't know" when someone did not know or said it
does not apply) and once with the most optimistic (the highest option). The questions
are ranked by the difference: stage first, then level, then overall score, then the
spread of the options. The disagreement index is the share of the questions answered
(by at least one respondent) on which the respondents disagree, in percent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mlops_maturity.engine.model.answers import Answer, Answers, ConsensusRecord
from mlops_maturity.engine.model.disagreements import (
    Disagreement,
    PlacementPoint,
    RespondentRef,
    Respondents,
    SplitAnswer,
)
from mlops_maturity.engine.model.questionnaire import UNKNOWN, Questionnaire
from mlops_maturity.engine.respondents.consensus import name_key, split_kinds, spread
from mlops_maturity.engine.scoring.placement import place
from mlops_maturity.engine.scoring.profile import dimension_points, overall_score
from mlops_maturity.engine.scoring.sheet import Sheet, answer_label

UNANSWERED = "unanswered"

# One respondent's answers to the questions in dispute: (name, question id -> answer id).
Voices = Sequence[tuple[str, Mapping[str, str]]]


def placement(q: Questionnaire, given: Mapping[str, Answer]) -> PlacementPoint:
    """Stage, level and overall score of a set of answers (what ``assess`` computes, without the rest)."""
    sheet = Sheet(q, dict(given))
    stage, level = place(q, sheet)
    score = overall_score(q, [p.score for p in dimension_points(q, sheet)])
    lv = q.levels[level]
    return PlacementPoint(stage=q.stages[stage].number, level=lv.id, level_name=lv.name, overall_score=score)


def disagreements(
    q: Questionnaire,
    team: Mapping[str, Answer],
    voices: Voices,
    evidence: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[Disagreement, ...]:
    """Every question in dispute, the ones that move the placement most first.

    ``evidence`` (respondent -> question id -> text) is shown beside each answer when
    the respondents' own files are at hand.
    """
    found: list[tuple[tuple[float, ...], Disagreement]] = []
    for position, question in enumerate(q.questions):
        values = [answers.get(question.id) for _, answers in voices]
        kinds = split_kinds(question, values)
        if not kinds:
            continue
        options = [v for v in values if v is not None and v in question.option_ids]
        best = max(options, key=question.rank)
        doubt = any(v is not None and v not in question.option_ids for v in values)
        worst = UNKNOWN if doubt else min(options, key=question.rank)
        low = placement(q, {**team, question.id: Answer(answer=worst)})
        high = placement(q, {**team, question.id: Answer(answer=best)})
        answer = team.get(question.id)
        team_value = answer.answer if answer is not None and answer.answer is not None else UNANSWERED
        width = spread(question, values)
        found.append(
            (
                (
                    low.stage - high.stage,
                    q.level_rank[low.level] - q.level_rank[high.level],
                    -abs(high.overall_score - low.overall_score),
                    -width,
                    position,
                ),
                Disagreement(
                    question=question.id,
                    title=question.title,
                    dimension=question.dimension,
                    kinds=kinds,
                    spread=width,
                    team_answer=team_value,
                    team_label=answer_label(question, team_value),
                    answers=tuple(
                        SplitAnswer(
                            respondent=name,
                            answer=value or UNANSWERED,
                            label=answer_label(question, value or UNANSWERED),
                            evidence=(evidence or {}).get(name, {}).get(question.id),
                        )
                        for (name, _), value in zip(voices, values, strict=True)
                    ),
                    low=low,
                    high=high,
                ),
            )
        )
    return tuple(d for _, d in sorted(found, key=lambda pair: pair[0]))


def index(disputed: int, answered: int) -> float:
    """The disagreement index: questions in dispute per hundred questions answered by anyone."""
    return round(100 * disputed / answered, 1) if answered else 0.0


def disputed_count(q: Questionnaire, record: ConsensusRecord) -> int:
    """How many questions a team file's respondents disagree on (what the index counts, without the ranking)."""
    voices = [r.answers if r is not None else {} for r in record.respondents.values()]
    return sum(1 for x in q.questions if split_kinds(x, [v.get(x.id) for v in voices]))


def respondents_summary(q: Questionnaire, answers: Answers) -> Respondents | None:
    """For a team file merged by ``consensus``: its respondents and where they disagree; ``None`` otherwise."""
    record = answers.consensus
    if record is None:
        return None
    names = sorted(record.respondents, key=lambda n: (name_key(n), n))
    entries = {n: record.respondents[n] for n in names}
    voices = [(n, entry.answers if entry is not None else {}) for n, entry in entries.items()]
    found = disagreements(q, answers.given, voices)
    return Respondents(
        count=len(names),
        respondents=tuple(RespondentRef(name=n, role=e.role if e is not None else None) for n, e in entries.items()),
        questions_answered=len(answers.given),
        disagreement_index=index(len(found), len(answers.given)),
        disagreements=found,
    )
