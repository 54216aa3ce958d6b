"""Choices for command-line flags, as ``str`` enums (cheap to import); output formats are in ``render.formats``."""

from __future__ import annotations

from enum import Enum


class QuestionsFormat(str, Enum):
    text = "text"
    json = "json"
    yaml = "yaml"


class SchemaKind(str, Enum):
    answers = "answers"
    questionnaire = "questionnaire"
    result = "result"


class FailOn(str, Enum):
    """``scan --fail-on``: the verdict that makes the scan exit 1 (``unverified`` includes ``contradicted``)."""

    contradicted = "contradicted"
    unverified = "unverified"
