"""What a command hands back to the CLI: text for stdout, messages for stderr, an exit code."""

from __future__ import annotations

from dataclasses import dataclass

OK = 0
BELOW_THRESHOLD = 1
BAD_INPUT = 2


@dataclass(frozen=True)
class Output:
    stdout: str = ""
    stderr: tuple[str, ...] = ()
    code: int = OK
