"""The HTML forms of the report and the portfolio: one page, made from the same Markdown, that fetches nothing."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

from mlops_maturity.cli.commands.report import HTML_CHART
from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.render.html import CSP, page
from mlops_maturity.render.report import render_report

from support import DATA, EXAMPLES, Run

REPORT_Q = DATA / "questionnaires" / "report"
ORG_Q = DATA / "questionnaires" / "org"
Cli = Callable[..., Run]


def _text(markup: str) -> str:
    """What a reader sees: the page's text without tags, entities decoded, white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _no_fetch(page_text: str) -> None:
    assert "<script" not in page_text.lower()
    assert not re.search(r"""(src|href)=["'](?!data:)""", page_text), "only data: images, no links out"
    assert f'content="{CSP}"' in page_text


def test_the_report_page_is_one_self_contained_file(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "team.html"
    run = cli("report", EXAMPLES / "stage3-platform-serving.yaml", "-o", out)
    assert (run.code, run.err) == (0, f"wrote {out}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.html"]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    _no_fetch(text)
    assert text.count('<img class="chart"') == 1 and "data:image/svg+xml;base64," in text
    assert "prefers-color-scheme: dark" in text and "@media print" in text


def test_the_page_says_what_the_markdown_says(cli: Cli, shipped: Questionnaire) -> None:
    path = EXAMPLES / "stage2-first-deployment.yaml"
    markdown = render_report(assess(shipped, load_answers(path, shipped)), chart_name=HTML_CHART).markdown
    page_text = cli("report", path, "--format", "html").out
    body = page_text.split("<main>")[1].split("</main>")[0]
    expected = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    assert _text(body).replace("☐", "[ ]") == _text(expected)


def test_user_text_stays_text_in_the_page(cli: Cli) -> None:
    page_text = cli("report", DATA / "report" / "platform.yaml", "--questionnaire", REPORT_Q, "-f", "html").out
    _no_fetch(page_text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_text and "<script>" not in page_text
    assert "<title>Report test questionnaire: Search &amp; ranking &lt;core&gt; | [EU] *team*</title>" in page_text
    assert "<a " not in page_text


def test_an_image_the_page_cannot_carry_is_shown_as_its_description() -> None:
    text = page("t", "![a picture](https://evil.example/pixel.png) and ![chart](c.svg)", {"c.svg": "<svg/>"})
    assert "evil.example" not in text and "[a picture]" in text
    assert text.count("data:image/svg+xml;base64,") == 1


def test_the_portfolio_page_carries_its_heat_map(cli: Cli, tmp_path: Path) -> None:
    run = cli("portfolio", DATA / "portfolio" / "org", "--questionnaire", ORG_Q, "--format", "html")
    assert run.code == 0, run.err
    _no_fetch(run.out)
    assert "<title>Org test questionnaire across teams</title>" in run.out
    assert run.out.count('<img class="chart"') == 1
    assert "Delta &lt;script&gt;&amp;|*" in run.out
