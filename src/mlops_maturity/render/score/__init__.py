"""Output formats of ``score``: one module per format, each with ``render(report, options) -> str``."""

from __future__ import annotations

from dataclasses import dataclass, field

from mlops_maturity.engine.model.result import Result
from mlops_maturity.engine.scoring.gates import Check


@dataclass(frozen=True)
class ScoreReport:
    """Everything a format may show: the result, the gates, and where answers sit in the file."""

    result: Result
    checks: tuple[Check, ...] = ()
    file: str = ""
    lines: dict[str, int] = field(default_factory=dict)
    # Said before anything else (text, Markdown, annotations): e.g. a --baseline that is another team's file.
    warnings_first: tuple[str, ...] = ()
