"""The one-minute summary of every shipped example stays within what a leader reads in a minute."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.render import headline
from mlops_maturity.render.report import render_report

from support import EXAMPLES

SHIPPED = sorted(EXAMPLES.glob("stage*.yaml"))
MAX_LINES = 40
MAX_WORDS = 250
MORE_WORDS_PER_KIND = 30


def _report(q: Questionnaire, path: Path) -> str:
    return render_report(assess(q, load_answers(path, q)), chart_name="chart.svg").markdown


def _summary(markdown: str) -> str:
    return markdown.split("## In one minute\n")[1].split("\n## ")[0].strip()


def _words(markdown: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_the_summary_fits_one_screen(shipped: Questionnaire, path: Path) -> None:
    summary = _summary(_report(shipped, path))
    assert len(summary.strip().splitlines()) <= MAX_LINES
    result = assess(shipped, load_answers(path, shipped))
    kinds = headline.systems(result) is not None  # a team running two kinds reads its stage for each
    assert len(_words(summary)) < MAX_WORDS + (MORE_WORDS_PER_KIND if kinds else 0), len(_words(summary))
    assert "![Capability scores out of 100](chart.svg)" in summary  # the chart, right there


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_the_summary_answers_where_what_hurts_and_what_to_fund(shipped: Questionnaire, path: Path) -> None:
    result = assess(shipped, load_answers(path, shipped))
    summary = _summary(_report(shipped, path))
    assert summary.startswith(f"**{result.team} is at stage {result.stage.number} of 5, ")
    assert "**What will hurt next**" in summary and "**Fund next**" in summary
    for risk in result.risks[:3]:
        assert risk.title in summary
    for investment in result.investments:
        assert (investment.initiative or investment.title) in summary


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_no_question_label_is_repeated_before_the_appendix(shipped: Questionnaire, path: Path) -> None:
    body = _report(shipped, path).split("## Appendix")[0]
    for dimension in shipped.dimensions:  # a dimension's title may begin like a question's ("Data ingestion")
        body = body.replace(_escaped(dimension.title), "")
    result = assess(shipped, load_answers(path, shipped))
    # A basic still missing that the next stage asks more of is also a row of that stage's criteria table.
    both = {g.question for g in result.foundational_gaps} & {g.question for g in result.gaps}
    for question in shipped.questions:
        most = 3 if question.id in both else 2
        assert len(re.findall(re.escape(_escaped(question.title)) + r"(?![a-z])", body)) <= most, question.title


def _escaped(title: str) -> str:
    return title.replace("(", "\\(").replace(")", "\\)")  # as the Markdown escapes it


def test_foundational_gaps_are_in_the_summary(shipped: Questionnaire, tmp_path: Path) -> None:
    text = (EXAMPLES / "stage3-platform-serving.yaml").read_text(encoding="utf-8")
    path = tmp_path / "team.yaml"
    path.write_text(text.replace("strategy.mandate: tracked_goal", "strategy.mandate: interest"), encoding="utf-8")
    summary = _summary(_report(shipped, path))
    intro = "**Fix first.** A basic of the stages reached is missing; put it in place first:"
    assert intro in summary
    assert "- Leadership mandate \\(a basic of stage 1\\): now “Leaders are interested" in summary


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_roadmap_tasks_are_practices_and_outcomes_are_results_to_watch(shipped: Questionnaire, path: Path) -> None:
    result = assess(shipped, load_answers(path, shipped))
    assert not [item for item in result.roadmap if shipped.by_id[item.question].outcome]
    markdown = _report(shipped, path)
    roadmap = markdown.split("### Roadmap\n")[1].split("\n### ")[0]
    outcome_titles = [q.title for q in shipped.questions if q.outcome]
    assert not [title for title in outcome_titles if title in roadmap]
    if result.stage.number < 5 or result.level.id != "high":
        assert "| Result to watch |" in markdown
