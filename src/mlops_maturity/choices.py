"""Every choice a command offers, as ``str`` enums in one place: output formats, schema kinds, scan gates.

A base module: cheap to import, importing nothing of the package, so the CLI, the renderers and the
engine can all name the same members. Parsing a flag's text into a member is the CLI's job
(``cli/options/parameters.py``); turning a member into output is ``render/formats.py``'s.
"""

from __future__ import annotations

from enum import Enum


class ScoreFormat(str, Enum):
    """Output formats of ``score``."""

    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    junit = "junit"


class ReportFormat(str, Enum):
    """Output formats of ``report``: Markdown, or one self-contained HTML page made from it."""

    markdown = "markdown"
    html = "html"


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


class QuestionsFormat(str, Enum):
    """Output formats of ``questions``."""

    text = "text"
    json = "json"
    yaml = "yaml"


class SchemaKind(str, Enum):
    """What ``schema`` describes."""

    answers = "answers"
    questionnaire = "questionnaire"
    result = "result"


class FailOn(str, Enum):
    """``scan --fail-on``: the verdict that makes the scan exit 1 (``unverified`` includes ``contradicted``)."""

    contradicted = "contradicted"
    unverified = "unverified"
