"""Every output format reaches its renderer here: one ``match`` per command, checked exhaustive by mypy.

Each member of a command's format enum (``mlops_maturity/choices.py``) is rendered by
``render/<command>/<member>.py``, imported only when that format is chosen, so a format
costs only what it uses. A member added without its case is a mypy error
(``assert_never``), not a user's surprise.

Formats a terminal or a CI log shows as they are (text, github) get their input
through ``inert_all`` (``inert.py``), so no team name, file name or label can start
a line, forge a workflow command or send a control sequence. Markdown and HTML escape
by construction on their own; JSON, SARIF and JUnit XML by their own rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from mlops_maturity.choices import CompareFormat, ConsensusFormat, PortfolioFormat, ScanFormat, ScoreFormat
from mlops_maturity.inert import inert_all

if TYPE_CHECKING:
    from mlops_maturity.engine.organisation.compare import Comparison
    from mlops_maturity.engine.organisation.portfolio import Portfolio
    from mlops_maturity.engine.respondents.view import ConsensusView
    from mlops_maturity.errors import MaturityError
    from mlops_maturity.render.options import RenderOptions
    from mlops_maturity.render.scan import ScanReport
    from mlops_maturity.render.score import ScoreReport


def assert_never(value: NoReturn) -> NoReturn:
    """Unreachable when every member is handled; mypy reports the member that is not."""
    raise AssertionError(f"unhandled format: {value!r}")


def render_score(fmt: ScoreFormat, report: ScoreReport, options: RenderOptions) -> str:
    match fmt:
        case ScoreFormat.text:
            from mlops_maturity.render.score import text

            return text.render(inert_all(report), options)
        case ScoreFormat.json:
            from mlops_maturity.render.score import json

            return json.render(report, options)
        case ScoreFormat.markdown:
            from mlops_maturity.render.score import markdown

            return markdown.render(report, options)
        case ScoreFormat.github:
            from mlops_maturity.render.score import github

            return github.render(inert_all(report), options)
        case ScoreFormat.junit:
            from mlops_maturity.render.score import junit

            return junit.render(report, options)
        case _:
            assert_never(fmt)


def render_score_error(fmt: ScoreFormat, error: MaturityError, file: str) -> str | None:
    """Bad input in the format a CI system parses, or None where the plain message on stderr is the output."""
    match fmt:
        case ScoreFormat.text | ScoreFormat.json | ScoreFormat.markdown:
            return None
        case ScoreFormat.github:
            from mlops_maturity.render.score import github

            return github.render_error(error, file)
        case ScoreFormat.junit:
            from mlops_maturity.render.score import junit

            return junit.render_error(error, file)
        case _:
            assert_never(fmt)


def render_compare(fmt: CompareFormat, comparison: Comparison, options: RenderOptions) -> str:
    match fmt:
        case CompareFormat.text:
            from mlops_maturity.render.compare import text

            return text.render(inert_all(comparison), options)
        case CompareFormat.json:
            from mlops_maturity.render.compare import json

            return json.render(comparison, options)
        case CompareFormat.markdown:
            from mlops_maturity.render.compare import markdown

            return markdown.render(comparison, options)
        case _:
            assert_never(fmt)


def render_portfolio(fmt: PortfolioFormat, portfolio: Portfolio, options: RenderOptions) -> str:
    match fmt:
        case PortfolioFormat.text:
            from mlops_maturity.render.portfolio import text

            return text.render(inert_all(portfolio), options)
        case PortfolioFormat.json:
            from mlops_maturity.render.portfolio import json

            return json.render(portfolio, options)
        case PortfolioFormat.markdown:
            from mlops_maturity.render.portfolio import markdown

            return markdown.render(portfolio, options)
        case PortfolioFormat.html:
            from mlops_maturity.render.portfolio import html

            return html.render(portfolio, options)
        case _:
            assert_never(fmt)


def render_consensus(fmt: ConsensusFormat, view: ConsensusView, options: RenderOptions) -> str:
    match fmt:
        case ConsensusFormat.text:
            from mlops_maturity.render.consensus import text

            return text.render(inert_all(view), options)
        case ConsensusFormat.json:
            from mlops_maturity.render.consensus import json

            return json.render(view, options)
        case ConsensusFormat.markdown:
            from mlops_maturity.render.consensus import markdown

            return markdown.render(view, options)
        case _:
            assert_never(fmt)


def render_scan(fmt: ScanFormat, report: ScanReport, options: RenderOptions) -> str:
    match fmt:
        case ScanFormat.text:
            from mlops_maturity.render.scan import text

            return text.render(inert_all(report), options)
        case ScanFormat.json:
            from mlops_maturity.render.scan import json

            return json.render(report, options)
        case ScanFormat.markdown:
            from mlops_maturity.render.scan import markdown

            return markdown.render(report, options)
        case ScanFormat.github:
            from mlops_maturity.render.scan import github

            return github.render(inert_all(report), options)
        case ScanFormat.sarif:
            from mlops_maturity.render.scan import sarif

            return sarif.render(report, options)
        case _:
            assert_never(fmt)
