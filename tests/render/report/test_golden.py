"""The structure a reader (or GitHub) sees in the reports of three example teams.

The reports themselves are pinned by golden files (``tests/golden/report/``), made by
``tests/support/generated.py`` and checked by ``tests/content/test_generated.py``.
"""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from mlops_maturity.render.report import Report

from support import DATA as SUPPORT_DATA
from support import ROOT
from support.generated import team_report

DATA = SUPPORT_DATA
TEAMS = ("pilot", "fraud", "platform")
EXAMPLES = ROOT / "examples"
SHIPPED_EXAMPLES = ("stage1-pilot", "stage3-platform-serving", "stage5-full-automation")
MD = MarkdownIt("commonmark").enable("table")
SECTIONS = ["In one minute", "For the team", "Appendix: every answer and what it rests on"]
TEAM_SECTIONS = [
    "Where the team stands",
    "Roadmap",
    "Key risks at stage {stage}",
    "Disciplines that remove them",
    "Unknowns to resolve",
    "Capability profile",
]


def _report(team: str) -> Report:
    return team_report(team)


def _headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]


def _text(tokens: list[Token]) -> str:
    return "".join(c.content for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "text")


@pytest.mark.parametrize(("team", "stage"), [("pilot", 1), ("fraud", 2), ("platform", 4)])
def test_sections_come_in_order_under_one_title(team: str, stage: int) -> None:
    headings = _headings(MD.parse(_report(team).markdown))
    assert [h for h in headings if h[0] == "h1"] == [("h1", headings[0][1])]
    assert headings[0][1].startswith("Report test questionnaire: ")  # the questionnaire's own title
    assert [text for tag, text in headings if tag == "h2"] == SECTIONS
    team = headings[headings.index(("h2", "For the team")) + 1 : headings.index(("h2", SECTIONS[2]))]
    assert [text for _, text in team] == [s.format(stage=stage) for s in TEAM_SECTIONS]
    assert all(tag in ("h1", "h2", "h3") for tag, _ in headings)


def test_full_heading_outline_of_one_team() -> None:
    assert _headings(MD.parse(_report("fraud").markdown)) == [
        ("h1", "Report test questionnaire: Fraud detection"),
        ("h2", "In one minute"),
        ("h2", "For the team"),
        ("h3", "Where the team stands"),
        ("h3", "Roadmap"),
        ("h3", "Key risks at stage 2"),
        ("h3", "Disciplines that remove them"),
        ("h3", "Unknowns to resolve"),
        ("h3", "Capability profile"),
        ("h2", "Appendix: every answer and what it rests on"),
        ("h3", "Use cases and sponsorship"),
        ("h3", "Deployment and serving \\(Continuous Delivery\\)"),
        ("h3", "Monitoring"),
        ("h3", "Training pipeline and retraining"),
        ("h3", "Delivery outcomes"),
    ]


def test_hostile_free_text_stays_text() -> None:
    markdown = _report("platform").markdown
    tokens = MD.parse(markdown)
    inline = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [t for t in tokens if t.type == "html_block"]
    assert not [c for c in inline if c.type in ("html_inline", "link_open")]
    assert [c.attrGet("src") for c in inline if c.type == "image"] == ["platform.svg"]
    title = tokens[1].children
    assert title is not None and "".join(c.content for c in title) == (
        "Report test questionnaire: Search & ranking <core> | [EU] *team*"
    )
    text = _text(tokens)
    assert "# 11 of 12 models live <script>alert(1)</script> see [the wiki](https://evil.example/x)" in text
    assert "Airflow DAG `retrain_weekly` runs every Sunday_night" in text
    assert _table_shapes(tokens) == [(3, 5), (4, 5), (6, 3), (3, 3), (4, 3), (3, 3), (3, 3), (3, 3)]


def _table_shapes(tokens: list[Token]) -> list[tuple[int, int]]:
    """(rows, cells per row) of every table; a stray ``|`` would give a row a different width."""
    shapes: list[tuple[int, int]] = []
    widths: list[int] = []
    for t in tokens:
        if t.type == "table_open":
            widths = []
        elif t.type == "tr_open":
            widths.append(0)
        elif t.type in ("th_open", "td_open"):
            widths[-1] += 1
        elif t.type == "table_close":
            assert len(set(widths)) == 1, widths
            shapes.append((len(widths), widths[0]))
    return shapes


def test_roadmap_is_a_task_list_with_owners() -> None:
    roadmap = _report("fraud").markdown.split("### Roadmap\n")[1].split("\n### ")[0]
    steps = [line for line in roadmap.splitlines() if line.startswith("- [ ] ")]
    assert len(steps) == 2  # the gap, then the one capability step a stage-2 discipline improves
    assert all(line.endswith(" Owner: ___") for line in steps)
    assert steps[0] == (
        "- [ ] **1. Serving ownership**: move from “The data scientists who built it” to “A platform or IT team”. "
        "Unlocks stage 3. Owner: ___"
    )
