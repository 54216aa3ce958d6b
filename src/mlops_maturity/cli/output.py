"""What a command hands back to the CLI: text for stdout, messages for stderr, an exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from mlops_maturity.inert import inert

OK = 0
BELOW_THRESHOLD = 1
BAD_INPUT = 2


@dataclass(frozen=True)
class Output:
    """``stderr`` holds lines, one message each: they are printed inert (``inert.py``), so a team name or a
    file name in one cannot start a line of its own or send the terminal a control sequence."""

    stdout: str = ""
    stderr: tuple[str, ...] = ()
    code: int = OK

    def write(self) -> int:
        """Print the result to stdout and the messages to stderr; return the exit code."""
        if self.stdout:
            sys.stdout.write(self.stdout)
            sys.stdout.flush()
        for line in self.stderr:
            print(inert(line), file=sys.stderr)
        return self.code
