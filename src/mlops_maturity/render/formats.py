"""Every output format: one ``str`` Enum per command, each member rendered by ``render/<command>/<member>.py``.

The module is imported when its format is chosen, so a format costs only what it
uses; ``tests/render/test_formats.py`` checks that every member has its module and
``render`` function, so a new member without a renderer fails a test, not a user.
"""

from __future__ import annotations

import importlib
from enum import Enum
from typing import TYPE_CHECKING, NoReturn, cast

if TYPE_CHECKING:
    from mlops_maturity.engine.organisation.compare import Comparison
    from mlops_maturity.engine.organisation.portfolio import Portfolio
    from mlops_maturity.engine.respondents.view import ConsensusView
    from mlops_maturity.errors import MaturityError
    from mlops_maturity.render.options import RenderOptions
    from mlops_maturity.render.scan import ScanReport
    from mlops_maturity.render.score import ScoreReport


class ScoreFormat(str, Enum):
    """Output formats of ``score``."""

    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    junit = "junit"


class CompareFormat(str, Enum):
    """Output formats of ``compare``."""

    text = "text"
    json = "json"
    markdown = "markdown"


class PortfolioFormat(str, Enum):
    """Output formats of ``portfolio``."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class ReportFormat(str, Enum):
    """Output formats of ``report``: Markdown, or one self-contained HTML page made from it."""

    markdown = "markdown"
    html = "html"


class ConsensusFormat(str, Enum):
    """Output formats of ``consensus``."""

    text = "text"
    json = "json"
    markdown = "markdown"


class ScanFormat(str, Enum):
    """Output formats of ``scan``."""

    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    sarif = "sarif"


def assert_never(value: NoReturn) -> NoReturn:
    """Unreachable when every member is handled; mypy reports the member that is not."""
    raise AssertionError(f"unhandled format: {value!r}")


# Formats a terminal or a CI log shows as they are: their renderers get every value inert (``inert.py``),
# so no team name, file name or label can start a line, forge a workflow command or send a control sequence.
# (Markdown and HTML escape by construction on their own; JSON, SARIF and JUnit XML by their rules.)
SHOWN_AS_IS = frozenset({"text", "github"})


def _render(command: str, fmt: Enum, *args: object) -> str:
    """What ``render/<command>/<format>.py``'s ``render`` returns, its module imported only now."""
    module = importlib.import_module(f"mlops_maturity.render.{command}.{fmt.value}")
    if fmt.value in SHOWN_AS_IS:
        from mlops_maturity.inert import inert_all

        args = inert_all(args)
    return cast(str, module.render(*args))


def render_score(fmt: ScoreFormat, report: ScoreReport, options: RenderOptions) -> str:
    return _render("score", fmt, report, options)


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
    return _render("compare", fmt, comparison, options)


def render_portfolio(fmt: PortfolioFormat, portfolio: Portfolio, options: RenderOptions) -> str:
    return _render("portfolio", fmt, portfolio, options)


def render_consensus(fmt: ConsensusFormat, view: ConsensusView, options: RenderOptions) -> str:
    return _render("consensus", fmt, view, options)


def render_scan(fmt: ScanFormat, report: ScanReport, options: RenderOptions) -> str:
    return _render("scan", fmt, report, options)
