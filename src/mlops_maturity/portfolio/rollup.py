"""Roll summary rows up into the organisation view (pure: rows in, a ``Portfolio`` out).

A team is known by the ``team`` field of its files (the file name when that is
empty). Its latest file places it; all of its files form its trend. Latest
means the newest ``assessed_on``; files without one count as older than any
dated file, and ties fall back to file-name order, so the result never
depends on the order the files were read in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from mlops_maturity.portfolio.model import (
    CommonGap,
    DimensionStats,
    FileProblem,
    LevelCount,
    Portfolio,
    StageCount,
    TeamSummary,
    Trend,
    TrendPoint,
)
from mlops_maturity.portfolio.rows import FileError, Row
from mlops_maturity.questionnaire import Questionnaire
from mlops_maturity.result import QuestionnaireRef


def _age(row: Row) -> tuple[bool, str, str]:
    return (row.assessed_on is not None, row.assessed_on or "", row.file)


def roll_up(q: Questionnaire, items: Iterable[Row | FileError], min_stage: int | None = None) -> Portfolio:
    by_team: dict[str, list[Row]] = defaultdict(list)
    errors: list[FileProblem] = []
    files = 0
    for item in items:
        files += 1
        if isinstance(item, FileError):
            errors.append(FileProblem(file=item.file, message=item.message))
        else:
            by_team[item.team].append(item)
    names = sorted(by_team, key=lambda t: (t.casefold(), t))
    histories = {team: sorted(by_team[team], key=_age) for team in names}
    latest = [histories[team][-1] for team in names]
    stage_counts = {s.number: 0 for s in q.stages}
    level_counts = [0] * len(q.levels)
    for row in latest:
        stage_counts[row.stage] += 1
        level_counts[row.level] += 1
    return Portfolio(
        questionnaire=QuestionnaireRef(id=q.id, version=q.version, title=q.title),
        files=files,
        teams=tuple(_team(q, row, len(histories[row.team])) for row in latest),
        stage_distribution={str(n): c for n, c in stage_counts.items()},
        level_distribution={lv.id: c for lv, c in zip(q.levels, level_counts, strict=True)},
        stages=tuple(StageCount(number=s.number, name=s.name, teams=stage_counts[s.number]) for s in q.stages),
        levels=tuple(LevelCount(id=lv.id, name=lv.name, teams=c) for lv, c in zip(q.levels, level_counts, strict=True)),
        dimensions=_dimension_stats(q, latest),
        common_gaps=_common_gaps(q, latest),
        min_stage=min_stage,
        below_min_stage=tuple(r.team for r in latest if min_stage is not None and r.stage < min_stage),
        trends=tuple(_trend(q, team, rows) for team, rows in histories.items() if len(rows) > 1),
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
        overall_score=row.overall_score,
        dimensions={d.id: s for d, s in zip(q.dimensions, row.dimensions, strict=True)},
        gaps=row.gaps,
        files=files,
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


def _trend(q: Questionnaire, team: str, rows: list[Row]) -> Trend:
    first, last = rows[0], rows[-1]
    return Trend(
        team=team,
        history=tuple(
            TrendPoint(
                file=r.file,
                assessed_on=r.assessed_on,
                stage=r.stage,
                level=q.levels[r.level].id,
                overall_score=r.overall_score,
            )
            for r in rows
        ),
        stage_change=last.stage - first.stage,
        overall_change=round(last.overall_score - first.overall_score, 1),
    )


def _notes(histories: dict[str, list[Row]]) -> list[str]:
    notes = []
    for team, rows in histories.items():
        dates = [r.assessed_on for r in rows]
        if len(rows) > 1 and (None in dates or len(set(dates)) < len(dates)):
            notes.append(
                f"team {team!r}: {len(rows)} files, not all with distinct assessed_on dates; "
                f"undated files count as the oldest and ties go by file name, so {rows[-1].file} is taken as latest"
            )
    return notes
