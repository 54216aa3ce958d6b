"""One small summary row per answers file: what the portfolio needs, and nothing else.

A full ``assess`` builds a ``Result`` of many pydantic models (risks,
disciplines, roadmap, every answer) and costs over a millisecond; the portfolio
needs only the placement, the dimension scores and the gaps to the next stage.
``summarize`` computes those with the same functions ``assess`` uses
(``Sheet``, ``place``, ``dimension_points``, ``overall_score``), so the two
can never disagree; the tests compare them on random answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.respondents.disagreement import disputed_count, index
from mlops_maturity.engine.scoring.placement import bounds, place
from mlops_maturity.engine.scoring.profile import dimension_points, overall_score
from mlops_maturity.engine.scoring.sheet import Sheet


@dataclass(frozen=True, slots=True)
class Row:
    """The summary of one answers file (small and picklable: worker processes send it back)."""

    file: str
    team: str
    assessed_on: str | None
    stage: int
    level: int
    stage_high: int  # with every unknown answer at its most mature option (see engine/scoring/placement.py)
    level_high: int
    overall_score: float
    dimensions: tuple[float | None, ...]
    gaps: tuple[str, ...]
    responded: float = 1.0  # share of the questions that apply with an answer (don't know and n/a count)
    respondents: int = 1  # people whose answers this row places (a team file names them; one file is one person)
    sources: int = 1  # answers files this row stands for: several when respondents' files were merged here
    disagreement: float | None = None  # the disagreement index, where several respondents were merged


@dataclass(frozen=True, slots=True)
class RespondentFile:
    """An answers file that names its respondent: held back, by name only, to merge with its team's round."""

    file: str
    team: str
    assessed_on: str | None


@dataclass(frozen=True, slots=True)
class FileError:
    """An answers file that could not be read or is invalid; the message names file and line.

    The message is one line per problem, each inert (``inert.py``, as ``MaturityError`` prints them), joined by
    line breaks: the CLI prints each on a line of its own.
    """

    file: str
    message: str


def team_of(answers: Answers) -> str:
    """The team a file belongs to: its ``team`` field, or the file name without extension."""
    return answers.team or Path(answers.file).stem


def summarize(q: Questionnaire, answers: Answers) -> Row:
    row = summarize_given(q, answers.file, team_of(answers), answers.assessed_on, answers.given)
    record = answers.consensus
    if record is None:
        return row
    people = len(record.respondents)
    disagreement = index(disputed_count(q, record), len(answers.given)) if people > 1 else None
    return replace(row, respondents=people, disagreement=disagreement)


def summarize_given(
    q: Questionnaire, file: str, team: str, assessed_on: dt.date | None, given: dict[str, Answer]
) -> Row:
    """The row of one file's checked answers (the answers need not come as an ``Answers`` model)."""
    sheet = Sheet(q, given)
    placed = place(q, sheet)
    stage, level = placed
    high = bounds(q, given, placed, deciding=False).high
    scores = tuple(p.score for p in dimension_points(q, sheet))
    following = q.stages[stage + 1].criteria if stage + 1 < len(q.stages) else ()
    missed = (c for c in following if sheet.applies(c) and not sheet.met(c))
    gaps = tuple(dict.fromkeys(r.question for c in missed for r in sheet.missing_readings(c)))
    statuses = [e.status for qid, e in sheet.effective.items() if not q.by_id[qid].scope]
    applicable = len(statuses) - sum(statuses.count(s) for s in ("skipped", "pending", "out_of_scope"))
    responded = (applicable - statuses.count("unanswered")) / applicable if applicable else 1.0
    return Row(
        file=file,
        team=team,
        assessed_on=assessed_on.isoformat() if assessed_on else None,
        stage=stage,
        level=level,
        stage_high=high.stage,
        level_high=high.level,
        overall_score=overall_score(q, scores),
        dimensions=scores,
        gaps=gaps,
        responded=round(responded, 3),
    )
