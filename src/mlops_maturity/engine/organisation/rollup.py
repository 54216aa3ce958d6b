"""Roll summary rows up into the organisation view (pure: rows in, a ``Portfolio`` out).

A team is known by the ``team`` field of its files (the file name when that is
empty). Its latest file places it; its files of different dates form its trend.
Latest means the newest ``assessed_on``; files without one count as older than
any dated file, and ties fall back to file-name order, so the result never
depends on the order the files were read in. A tie is not the data's word on
which file is newer, so the trend takes one file per date (the one the tie
gives), leaves undated files out, and a note names the files it chose between. Respondents' files of one team and
date arrive already merged into one row (``files/portfolio/rounds.py``), which
counts as one assessment of as many files and respondents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import QuestionnaireRef
from mlops_maturity.engine.organisation.portfolio import (
    CommonGap,
    DimensionStats,
    FileProblem,
    LevelCount,
    NotAssessed,
    Portfolio,
    StageCount,
    TeamSummary,
    Trend,
    TrendPoint,
)
from mlops_maturity.engine.organisation.rows import FileError, Row
from mlops_maturity.engine.organisation.shared_investments import shared_investments


@dataclass(frozen=True, slots=True)
class _Point:
    """What a team's trend keeps of a file that is not its latest: no scores per dimension, no gaps."""

    file: str
    assessed_on: str | None
    stage: int
    level: int
    overall_score: float


@dataclass(slots=True)
class _Team:
    latest: Row
    history: list[_Point]
    files: int


# A team whose latest file answers less than this share of the questions that apply is "not assessed yet":
# a blank `init` template is not a team at stage 0, and would drag every count and common gap with it.
ASSESSED = 0.5


def _age(row: Row | _Point) -> tuple[bool, str, str]:
    return (row.assessed_on is not None, row.assessed_on or "", row.file)


def roll_up(q: Questionnaire, items: Iterable[Row | FileError], min_stage: int | None = None) -> Portfolio:
    """Consume the rows as they come, keeping a full row only for each team's latest file."""
    by_team: dict[str, _Team] = {}
    errors: list[FileProblem] = []
    files = 0
    for item in items:
        if isinstance(item, FileError):
            files += 1
            errors.append(FileProblem(file=item.file, message=item.message))
            continue
        files += item.sources
        point = _Point(item.file, item.assessed_on, item.stage, item.level, item.overall_score)
        team = by_team.get(item.team)
        if team is None:
            by_team[item.team] = _Team(item, [point], item.sources)
            continue
        team.history.append(point)
        team.files += item.sources
        if _age(item) >= _age(team.latest):  # on a tie the later file wins, as a stable sort would have it
            team.latest = item
    names = sorted(by_team, key=lambda t: (t.casefold(), t))
    histories = {name: sorted(by_team[name].history, key=_age) for name in names}
    counts = {name: by_team[name].files for name in names}
    newest = [by_team[name].latest for name in names]
    del by_team
    latest = [row for row in newest if row.responded >= ASSESSED]
    blank = [row for row in newest if row.responded < ASSESSED]
    left_out = {row.team for row in blank}
    stage_counts = {s.number: 0 for s in q.stages}
    level_counts = [0] * len(q.levels)
    for row in latest:
        stage_counts[row.stage] += 1
        if row.level_high == row.level:
            level_counts[row.level] += 1
    teams = tuple(_team(q, row, counts[row.team]) for row in latest)
    return Portfolio(
        questionnaire=QuestionnaireRef.of(q),
        files=files,
        teams=teams,
        not_assessed=tuple(NotAssessed(team=r.team, file=r.file, answered=r.responded) for r in blank),
        stage_distribution={str(n): c for n, c in stage_counts.items()},
        level_distribution={lv.id: c for lv, c in zip(q.levels, level_counts, strict=True)},
        stages=tuple(StageCount(number=s.number, name=s.name, teams=stage_counts[s.number]) for s in q.stages),
        levels=tuple(LevelCount(id=lv.id, name=lv.name, teams=c) for lv, c in zip(q.levels, level_counts, strict=True)),
        level_undetermined=sum(row.level_high != row.level for row in latest),
        dimensions=_dimension_stats(q, latest),
        common_gaps=_common_gaps(q, latest),
        investments=shared_investments(q, teams),
        min_stage=min_stage,
        below_min_stage=tuple(r.team for r in latest if min_stage is not None and r.stage < min_stage),
        single_respondent=tuple(r.team for r in latest if r.respondents == 1),
        trends=tuple(
            trend
            for team, points in histories.items()
            if team not in left_out and (trend := _trend(q, team, points)) is not None
        ),
        notes=tuple(_notes(histories)),
        errors=tuple(errors),
    )


def _team(q: Questionnaire, row: Row, files: int) -> TeamSummary:
    stage, level = q.stage(row.stage), q.levels[row.level]
    return TeamSummary(
        team=row.team,
        file=row.file,
        assessed_on=row.assessed_on,
        stage=row.stage,
        stage_name=stage.name,
        level=level.id,
        level_name=level.name,
        stage_high=row.stage_high,
        level_determined=row.level_high == row.level,
        overall_score=row.overall_score,
        dimensions={d.id: s for d, s in zip(q.dimensions, row.dimensions, strict=True)},
        gaps=tuple(q.by_id[g].id for g in row.gaps),  # the questionnaire's strings, not a worker's copies
        files=files,
        respondents=row.respondents,
        disagreement_index=row.disagreement,
    )


def _dimension_stats(q: Questionnaire, latest: list[Row]) -> tuple[DimensionStats, ...]:
    out = []
    for i, dim in enumerate(q.dimensions):
        scores = [s for row in latest if (s := row.dimensions[i]) is not None]
        out.append(
            DimensionStats(
                id=dim.id,
                title=dim.title,
                mean=round(sum(scores) / len(scores), 1) if scores else None,
                min=min(scores) if scores else None,
                max=max(scores) if scores else None,
                teams=len(scores),
            )
        )
    return tuple(out)


def _common_gaps(q: Questionnaire, latest: list[Row]) -> tuple[CommonGap, ...]:
    """Gaps ranked by how many teams share them, then by how many teams closing one alone moves up."""
    teams: dict[str, list[str]] = defaultdict(list)
    alone: dict[str, list[str]] = defaultdict(list)
    for row in latest:
        for gap in row.gaps:
            teams[gap].append(row.team)
        if len(row.gaps) == 1:
            alone[row.gaps[0]].append(row.team)
    position = {question.id: i for i, question in enumerate(q.questions)}
    ranked = sorted(teams, key=lambda g: (-len(teams[g]), -len(alone[g]), position[g]))
    rank = {gap: i for i, gap in enumerate(ranked)}
    # Closing gaps in ranked order, a team moves up when its lowest-ranked gap is closed.
    moved: dict[str, list[str]] = defaultdict(list)
    for row in latest:
        if row.gaps:
            moved[max(row.gaps, key=rank.__getitem__)].append(row.team)
    return tuple(
        CommonGap(
            question=gap,
            title=q.by_id[gap].title,
            dimension=q.by_id[gap].dimension,
            teams=len(teams[gap]),
            team_names=tuple(teams[gap]),
            unlocks=tuple(alone[gap]),
            unlocks_with_above=tuple(moved[gap]),
        )
        for gap in ranked
    )


def _by_date(points: list[_Point]) -> dict[str, list[_Point]]:
    """The dated points of a team, grouped by date, oldest date first (``points`` are sorted by age)."""
    grouped: dict[str, list[_Point]] = {}
    for p in points:
        if p.assessed_on is not None:
            grouped.setdefault(p.assessed_on, []).append(p)
    return grouped


def _trend(q: Questionnaire, team: str, points: list[_Point]) -> Trend | None:
    """A trend needs two dates: one point per date (the last by file name of its files), undated files left out."""
    dated = [same_day[-1] for same_day in _by_date(points).values()]
    if len(dated) < 2:
        return None
    first, last = dated[0], dated[-1]
    return Trend(
        team=team,
        history=tuple(
            TrendPoint(
                file=p.file,
                assessed_on=p.assessed_on,
                stage=p.stage,
                level=q.levels[p.level].id,
                overall_score=p.overall_score,
            )
            for p in dated
        ),
        stage_change=last.stage - first.stage,
        overall_change=round(last.overall_score - first.overall_score, 1),
    )


def _notes(histories: dict[str, list[_Point]]) -> list[str]:
    """Where the dates do not say which file is newer: what was taken, and why."""
    notes = []
    for team, points in histories.items():
        if len(points) < 2:
            continue
        undated = [p for p in points if p.assessed_on is None]
        if undated and len(undated) == len(points):
            notes.append(
                f"team {team!r}: {len(points)} assessments and none has an assessed_on date, so which is newest is "
                f"not known: {points[-1].file}, the last by file name, places the team, and there is no trend"
            )
            continue
        if undated:
            count = f"{len(undated)} file{'s' if len(undated) != 1 else ''}"
            notes.append(
                f"team {team!r}: {count} without an assessed_on date ({', '.join(p.file for p in undated)}) "
                "cannot be placed in time: left out of its placement and its trend"
            )
        for day, same_day in _by_date(points).items():
            if len(same_day) > 1:
                role = "places the team" if same_day[-1] is points[-1] else f"stands for {day} in its trend"
                notes.append(
                    f"team {team!r}: {len(same_day)} assessments dated {day}, so which is newer is not known: "
                    f"{same_day[-1].file}, the last by file name, {role}; give each assessment its own date"
                )
    return notes
