"""A flag's text read as a member of one of the choice enums (``mlops_maturity/choices.py``), and shown in help."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


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
