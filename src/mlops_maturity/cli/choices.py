"""Choices for command-line flags, as ``str`` enums (cheap to import); output formats are in ``render.formats``."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


class QuestionsFormat(str, Enum):
    text = "text"
    json = "json"
    yaml = "yaml"


class SchemaKind(str, Enum):
    answers = "answers"
    questionnaire = "questionnaire"
    result = "result"


def parse_choice(kind: type[E], flag: str, value: str | E) -> E:
    """``value`` as a member of ``kind``, or the tool's usual "choose one of" usage error."""
    if isinstance(value, kind):
        return value
    for member in kind:
        if member.value == value:
            return member
    from mlops_maturity.errors import UsageError

    raise UsageError(f"{flag} {value!r}: choose one of: {', '.join(m.value for m in kind)}")


def metavar(kind: type[Enum]) -> str:
    """How help shows a choice: ``[text|json|yaml]``."""
    return "[" + "|".join(m.value for m in kind) + "]"


class FailOn(str, Enum):
    """``scan --fail-on``: the verdict that makes the scan exit 1 (``unverified`` includes ``contradicted``)."""

    contradicted = "contradicted"
    unverified = "unverified"
