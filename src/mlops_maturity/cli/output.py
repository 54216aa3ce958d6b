"""What a command hands back to the CLI: text for stdout, messages for stderr, an exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass

OK = 0
BELOW_THRESHOLD = 1
BAD_INPUT = 2


@dataclass(frozen=True)
class Output:
    stdout: str = ""
    stderr: tuple[str, ...] = ()
    code: int = OK

    def write(self) -> int:
        """Print the result to stdout and the messages to stderr; return the exit code."""
        if self.stdout:
            sys.stdout.write(self.stdout)
            sys.stdout.flush()
        for line in self.stderr:
            print(line, file=sys.stderr)
        return self.code
