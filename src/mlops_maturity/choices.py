"""Choices for command-line flags, as ``str`` enums (cheap to import)."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    """Output formats of ``score``."""

    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    junit = "junit"


class QuestionsFormat(str, Enum):
    text = "text"
    json = "json"
    yaml = "yaml"


class CompareFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class SchemaKind(str, Enum):
    answers = "answers"
    questionnaire = "questionnaire"
    result = "result"
