"""Rolling rows up: latest file per team, distributions, shared gaps, trends, thresholds, errors."""

from __future__ import annotations

from mlops_maturity.engine.organisation.rollup import roll_up
from mlops_maturity.engine.organisation.rows import FileError, Row
from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support import DATA

ORG = load_questionnaire(DATA / "questionnaires" / "org")


def row(
    team: str,
    stage: int,
    gaps: tuple[str, ...] = (),
    *,
    file: str = "",
    on: str | None = None,
    level: int = 0,
    overall: float = 10.0,
    dims: tuple[float | None, ...] = (10.0, 20.0, 30.0),
) -> Row:
    return Row(file or f"{team}.yaml", team, on, stage, level, stage, level, overall, dims, gaps)


def test_latest_file_places_the_team_and_older_ones_form_its_trend() -> None:
    p = roll_up(
        ORG,
        [
            row("A", 2, file="a/q2.yaml", on="2026-06-30", overall=40.0),
            row("A", 1, file="a/q1.yaml", on="2026-03-31", overall=20.5),
            row("B", 0, on="2026-01-01"),
        ],
    )
    assert [(t.team, t.stage, t.file, t.files) for t in p.teams] == [("A", 2, "a/q2.yaml", 2), ("B", 0, "B.yaml", 1)]
    assert len(p.trends) == 1
    trend = p.trends[0]
    assert [h.file for h in trend.history] == ["a/q1.yaml", "a/q2.yaml"]
    assert (trend.stage_change, trend.overall_change) == (1, 19.5)
    assert p.notes == ()


def test_undated_files_count_as_oldest_and_say_so() -> None:
    p = roll_up(ORG, [row("A", 2, file="b.yaml"), row("A", 1, file="a.yaml", on="2026-01-01")])
    assert p.teams[0].file == "a.yaml"
    assert p.trends == ()  # an undated file cannot be placed in time: one date is no trend
    assert p.notes == (
        "team 'A': 1 file without an assessed_on date (b.yaml) cannot be placed in time: left out of its "
        "placement and its trend",
    )


def test_files_of_one_date_are_no_trend_and_the_note_says_which_places_the_team() -> None:
    """Three files dated 2026-09-30 said "3 → 3 → 3, 2026-09-30 to 2026-09-30" (issue 22, item 15)."""
    p = roll_up(ORG, [row("A", 3, file=f"{name}.yaml", on="2026-09-30") for name in ("b", "c", "a")])
    assert p.trends == ()
    assert p.teams[0].file == "c.yaml"
    assert p.notes == (
        "team 'A': 3 assessments dated 2026-09-30, so which is newer is not known: c.yaml, the last by file name, "
        "places the team; give each assessment its own date",
    )


def test_a_trend_takes_one_point_per_date() -> None:
    rows = [
        row("A", 1, file="a/q1-x.yaml", on="2026-03-31", overall=20.0),
        row("A", 1, file="a/q1-y.yaml", on="2026-03-31", overall=25.0),
        row("A", 2, file="a/q2.yaml", on="2026-06-30", overall=40.0),
    ]
    p = roll_up(ORG, rows)
    (trend,) = p.trends
    assert [(h.file, h.assessed_on) for h in trend.history] == [
        ("a/q1-y.yaml", "2026-03-31"),
        ("a/q2.yaml", "2026-06-30"),
    ]
    assert (trend.stage_change, trend.overall_change) == (1, 15.0)
    assert p.notes == (
        "team 'A': 2 assessments dated 2026-03-31, so which is newer is not known: a/q1-y.yaml, the last by file "
        "name, stands for 2026-03-31 in its trend; give each assessment its own date",
    )


def test_an_investment_is_shared_only_when_it_helps_two_teams_or_more() -> None:
    """ "Fund once, for many teams" listed disciplines that each concerned one team (issue 22, item 15)."""
    alone = roll_up(ORG, [row("A", 1, ("build.registry",)), row("B", 3)])
    assert alone.investments == ()
    shared = roll_up(ORG, [row("A", 1, ("build.registry",)), row("B", 1, ("build.registry", "run.deploy"))])
    assert [(i.id, i.helps, i.carries_up) for i in shared.investments] == [("keep", ("A", "B"), ("A",))]


def test_distributions_cover_every_stage_and_level() -> None:
    p = roll_up(ORG, [row("A", 1, level=1), row("B", 1), row("C", 3, level=2)])
    assert p.stage_distribution == {"0": 0, "1": 2, "2": 0, "3": 1}
    assert p.level_distribution == {"no": 1, "low": 1, "high": 1}
    assert [(s.name, s.teams) for s in p.stages] == [("Start", 0), ("Pilot", 2), ("Deployed", 0), ("Platform", 1)]


def test_dimension_statistics_skip_not_applicable_scores() -> None:
    p = roll_up(ORG, [row("A", 0, dims=(10.0, None, 0.0)), row("B", 0, dims=(25.0, None, 100.0))])
    stats = [(d.id, d.mean, d.min, d.max, d.teams) for d in p.dimensions]
    assert stats == [("build", 17.5, 10.0, 25.0, 2), ("run", None, None, None, 0), ("people", 50.0, 0.0, 100.0, 2)]


def test_common_gaps_are_ranked_by_teams_then_by_teams_they_move_up() -> None:
    p = roll_up(
        ORG,
        [
            row("A", 2, ("people.owner", "build.tests")),
            row("B", 1, ("build.registry",)),
            row("C", 0, ("build.tests",)),
            row("D", 3),
            row("E", 1, ("run.deploy", "build.registry")),
            row("F", 1, ("run.deploy", "build.registry")),
        ],
    )
    assert [(g.question, g.teams, g.team_names) for g in p.common_gaps] == [
        ("build.registry", 3, ("B", "E", "F")),
        ("build.tests", 2, ("A", "C")),  # C moves up once it alone is closed, so it beats run.deploy
        ("run.deploy", 2, ("E", "F")),
        ("people.owner", 1, ("A",)),
    ]
    assert [g.unlocks for g in p.common_gaps] == [("B",), ("C",), (), ()]
    assert [g.unlocks_with_above for g in p.common_gaps] == [("B",), ("C",), ("E", "F"), ("A",)]
    assert p.common_gaps[0].title == "Registry"
    assert p.common_gaps[0].dimension == "build"


def test_ties_keep_questionnaire_order() -> None:
    p = roll_up(ORG, [row("A", 0, ("people.oncall",)), row("B", 0, ("build.tests",))])
    assert [g.question for g in p.common_gaps] == ["build.tests", "people.oncall"]


def test_teams_below_the_minimum_stage() -> None:
    p = roll_up(ORG, [row("A", 2), row("B", 0), row("C", 1)], min_stage=2)
    assert p.below_min_stage == ("B", "C")
    assert roll_up(ORG, [row("A", 2)], min_stage=2).below_min_stage == ()
    assert roll_up(ORG, [row("A", 0)]).below_min_stage == ()


def test_errors_are_listed_and_the_rest_rolled_up() -> None:
    p = roll_up(ORG, [FileError("bad.yaml", "bad.yaml:3: nope"), row("A", 1)])
    assert [(e.file, e.message) for e in p.errors] == [("bad.yaml", "bad.yaml:3: nope")]
    assert (p.files, len(p.teams)) == (2, 1)


def test_teams_sort_by_name_ignoring_case() -> None:
    p = roll_up(ORG, [row("beta", 0), row("Alpha", 0), row("alpha", 0)])
    assert [t.team for t in p.teams] == ["Alpha", "alpha", "beta"]


def test_nothing_to_roll_up() -> None:
    p = roll_up(ORG, [])
    assert (p.teams, p.common_gaps, p.trends, p.files) == ((), (), (), 0)
    assert all(d.mean is None for d in p.dimensions)
