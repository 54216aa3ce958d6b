"""``score --format github``: workflow commands that annotate the answers file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.scoring.gates import Thresholds
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score.github import command, escape_data, escape_property, render

from support.reports import PARTIAL, TOP, report_for


def test_data_escaping() -> None:
    assert escape_data("100% done\r\n::error::x") == "100%25 done%0D%0A::error::x"


def test_property_escaping_also_covers_separators() -> None:
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_command_layout() -> None:
    assert (
        command("warning", "msg", "dir/a, b.yaml", 7, "t: x")
        == "::warning file=dir/a%2C b.yaml,line=7,title=t%3A x::msg"
    )
    assert command("notice", "msg") == "::notice::msg"
    assert command("error", "msg", "a.yaml", None) == "::error file=a.yaml::msg"


def test_annotations_point_at_the_answer(tiny: Questionnaire) -> None:
    text = render(report_for(tiny, PARTIAL, Thresholds(min_stage=2)), RenderOptions())
    assert text.splitlines() == [
        "::error file=answers/tiny-partial.yaml,title=mlops-maturity%3A threshold not met%3A min-stage::"
        "stage 1 (One); required at least 2",
        "::warning file=answers/tiny-partial.yaml,line=6,title=mlops-maturity%3A gap to stage 2%3A Who deploys::"
        "deploy.who: now “Data scientists by hand”; stage 2 needs at least: A platform team",
        "::warning file=answers/tiny-partial.yaml,line=7,"
        "title=mlops-maturity%3A gap to stage 2%3A Automated deployment::"
        "deploy.auto: not known; stage 2 needs at least: Automated",
        "::notice file=answers/tiny-partial.yaml,line=7,title=mlops-maturity%3A don't know%3A Automated deployment::"
        'deploy.auto is answered "don\'t know": it scores nothing and meets no criterion',
        'mlops-maturity: Fraud & <Risk> | "ops": stage 1 of 2 (One), level Low MLOps, overall score 12.5/100; '
        "1 check(s) failed",
    ]


def test_baseline_failures_say_what_dropped(tiny: Questionnaire) -> None:
    text = render(report_for(tiny, PARTIAL, baseline=TOP), RenderOptions())
    errors = [line for line in text.splitlines() if line.startswith("::error")]
    assert [e.split("::")[2] for e in errors] == [
        "stage dropped from 2 (Two) to 1 (One)",
        "level dropped from High MLOps to Low MLOps",
        "Deployment dropped from 100 to 12.5 (-87.5)",
    ]
    assert all("title=mlops-maturity%3A worse than the baseline%3A baseline%3A" in e for e in errors)


def test_no_line_can_start_a_command_from_user_text(tiny: Questionnaire) -> None:
    report = report_for(tiny, PARTIAL)
    hostile = report.result.model_copy(update={"team": "x\n::set-env name=A::b\r\n%0A"})
    text = render(replace(report, result=hostile), RenderOptions())
    for line in text.splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice ", "mlops-maturity: "))
    assert text.splitlines()[-1].startswith("mlops-maturity: x ::set-env name=A::b %0A: stage 1")


def test_clean_top_stage_team_gets_only_the_summary_line(tiny: Questionnaire) -> None:
    text = render(report_for(tiny, TOP, Thresholds(min_stage=2)), RenderOptions())
    assert (
        text
        == "mlops-maturity: Fraud: stage 2 of 2 (Two), level High MLOps, overall score 100/100; every check passed\n"
    )


def test_warnings_point_at_the_answers_they_are_about(tiny: Questionnaire, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "answers:\n  deploy.prod: one\n  deploy.who: data_scientists\n  deploy.auto: automated\n", encoding="utf-8"
    )
    lines = render(report_for(tiny, answers), RenderOptions()).splitlines()
    contradiction = [line for line in lines if line.startswith("::warning ") and "gap to stage" not in line]
    assert contradiction == [
        "::warning file=answers/a.yaml,line=4,title=mlops-maturity%3A warning%3A automated_but_by_hand::"
        "Automated deployment is claimed while data scientists deploy by hand. (deploy.auto, deploy.who)"
    ]
    answers.write_text(
        "answers:\n  deploy.prod: none\n  deploy.who: platform\n  deploy.auto: manual\n", encoding="utf-8"
    )
    lines = render(report_for(tiny, answers), RenderOptions()).splitlines()
    assert not [line for line in lines if line.startswith("::warning ") and "gap to stage" not in line]
    assert [line for line in lines if "ignored_answer" in line] == [
        "::notice file=answers/a.yaml,line=2,title=mlops-maturity%3A note%3A ignored_answer::"
        "1 answer(s) set aside: their questions do not apply while Models in production is “None”: deploy.auto"
    ]
