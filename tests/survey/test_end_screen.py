"""The end screen: stage, level, profile, risks, next steps and the export command."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.answers import Answer, Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.survey.end_screen import command_lines, headline, report_command, slug, summary, top_risks
from mlops_maturity.survey.layout import ScreenOptions

from support import EXAMPLES


def result(q: Questionnaire, team: str = "Team", **given: str) -> Result:
    answers = {k.replace("__", "."): Answer(answer=v) for k, v in given.items()}
    return assess(q, Answers(file="a.yaml", questionnaire=q.id, team=team, assessed_on=None, given=answers))


@pytest.mark.parametrize(
    ("team", "expected"),
    [
        ("Fraud detection", "fraud-detection"),
        ("  Risk & Pricing / EU ", "risk-pricing-eu"),
        ("Équipe données", "equipe-donnees"),
        ("!!!", "team"),
    ],
)
def test_slug(team: str, expected: str) -> None:
    assert slug(team) == expected


def test_report_command_quotes_what_the_shell_would_split() -> None:
    assert (
        report_command(Path("my answers.yaml"), "A", None) == "mlops-maturity report 'my answers.yaml' -o a-report.md"
    )
    assert report_command(Path("a.yaml"), "B", Path("our q")) == (
        "mlops-maturity report a.yaml -o b-report.md --questionnaire 'our q'"
    )


def test_top_risks_are_the_ones_the_answers_make_real(survey_q: Questionnaire) -> None:
    res = result(survey_q, ship__prod="one", ship__method="pipeline", watch__drift="manual", watch__owner="nobody")
    assert [r.id for r in top_risks(res)] == ["silent_drift", "no_owner", "slow_answers"]
    res = result(survey_q, ship__prod="one", ship__method="manual", watch__drift="manual", ship__latency="none")
    assert [r.id for r in top_risks(res)] == ["hand_deploys", "silent_drift", "no_owner"]  # three at most


def test_stage_zero_with_no_risks_says_so(survey_q: Questionnaire) -> None:
    text = summary(result(survey_q, ship__prod="none"), "CMD", "a.yaml", ScreenOptions())
    assert "Stage 0 of 2: Getting started" in text
    assert "  None of this stage's risks shows in your answers." in text
    assert "  CMD\n" in text


def test_ascii_summary(survey_q: Questionnaire) -> None:
    res = result(survey_q, "Équipe [b]", ship__prod="one", ship__method="manual")
    text = summary(res, "CMD", "a.yaml", ScreenOptions(unicode=False))
    assert "Équipe [b] - Survey test" in text  # user text shown as typed, not as markup
    assert text.replace("Équipe", "").isascii()
    assert (
        "  1. Deployment method: Copied by hand -> A pipeline deploys it after checks\n     pass (needed for stage 2)\n"
    ) in text
    assert "  Shipping models ###................. 16.7\n" in text


def test_the_export_command_is_never_broken_inside_an_argument(survey_q: Questionnaire) -> None:
    long_name = "x" * 120 + ".yaml"
    command = f"mlops-maturity report {long_name} -o t-report.md"
    text = summary(result(survey_q, ship__prod="one"), command, "a.yaml", ScreenOptions(width=80))
    assert f"    {long_name} \\\n" in text  # too long to fit, but whole
    block = text.split("Export the leadership report:\n", 1)[1].split("\nAnswers are in")[0]
    assert block.replace(" \\\n    ", " ").strip() == command  # pasted, the continuations make it one command


@pytest.mark.parametrize("width", [40, 60, 80])
def test_the_export_command_fits_the_width_and_breaks_between_arguments(width: int) -> None:
    command = "mlops-maturity report assessments/fraud/2026-11-22.yaml -o fraud-detection-and-risk-report.md"
    lines = command_lines(command, width)
    assert all(len(line) <= width for line in lines)
    assert " ".join(line.strip().removesuffix(" \\").strip() for line in lines) == command
    if width < 80:
        assert len(lines) > 1


@pytest.mark.parametrize("pad", range(0, 40))
def test_an_option_and_its_value_stay_on_one_line(pad: int) -> None:
    """``-o fraud-report.md`` was cut in two when a path's length put the break between them (issue 22, item 16)."""
    command = report_command(Path("/tmp/" + "x" * pad + "/answers.yaml"), "Fraud", Path("/srv/q"))
    lines = [line.strip().removesuffix(" \\").strip() for line in command_lines(command, 60)]
    assert any(line.endswith("-o fraud-report.md") or "-o fraud-report.md " in line for line in lines), lines
    assert any("--questionnaire /srv/q" in line for line in lines), lines


def _long_titles(q: Questionnaire) -> Questionnaire:
    data = q.model_dump(exclude_none=True)
    data["dimensions"][0]["title"] = "Shipping models to production (Continuous Delivery and Deployment)"
    data["dimensions"][1]["title"] = "Watching models (Continuous Monitoring)"
    return Questionnaire.model_validate(data)


def test_long_dimension_titles_lose_their_asides_then_an_ellipsis(survey_q: Questionnaire) -> None:
    res = result(_long_titles(survey_q), ship__prod="one")
    profile = summary(res, "CMD", "a.yaml", ScreenOptions(width=80)).split("Capability profile\n")[1].split("\n\n")[0]
    assert profile.splitlines() == [
        "  Shipping models to production ███░░░░░░░░░░░░░░░░░ 16.7",
        "  Watching models               ░░░░░░░░░░░░░░░░░░░░    0",
    ]
    narrow = summary(res, "CMD", "a.yaml", ScreenOptions(width=50)).split("Capability profile\n")[1]
    assert narrow.splitlines()[0] == "  Shipping models to… ███░░░░░░░░░░░░░░░░░ 16.7"  # the one cut mark


def test_a_dont_know_step_says_to_find_out(survey_q: Questionnaire) -> None:
    res = result(survey_q, ship__prod="one", ship__method="unknown")
    text = summary(res, "CMD", "a.yaml", ScreenOptions(width=100))
    assert (
        '  1. Deployment method: find out where you stand; the answer was "don\'t know" (needed for stage 2)\n' in text
    )


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("stage*.yaml")), ids=lambda p: p.stem)
def test_the_headline_fits_80x24(shipped: Questionnaire, example: Path) -> None:
    res = assess(shipped, load_answers(example, shipped))
    command = report_command(example, res.team, None)
    text = headline(res, command, str(example), ScreenOptions(width=80, height=24))
    lines = text.splitlines()
    assert len(lines) <= 22  # with the prompt line, on screen at 80x24
    assert lines[1].startswith(f"Stage {res.stage.number} of 5: ")
    assert any(line.startswith(f"Level: {res.level.name}") for line in lines)
    listed = {g.question for g in res.foundational_gaps[:3]} | {d.question for d in res.range.deciding[:3]}
    if res.roadmap and res.roadmap[0].question not in listed:
        index = lines.index("Next investment")
        assert lines[index + 1].startswith(f"  {res.roadmap[0].title}: ")
    elif res.roadmap:  # the first step is on screen already, as a basic to put in place or an answer to find
        assert "Next investment" not in lines
        assert any(res.roadmap[0].title in line for line in lines)
    assert any(line.strip().startswith("mlops-maturity report ") for line in lines)
    assert lines[-1].startswith("Enter: the full result")
