"""A survey as a real process in its own pseudo-terminal (pexpect), as a person would run it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

from support import SURVEY


def spawn(out: Path, *extra: str, env: dict[str, str] | None = None) -> pexpect.spawn:
    """``survey --out OUT`` on the small survey questionnaire, in an 80x24 terminal without colour."""
    full_env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", **(env or {})}
    for name in ("FORCE_COLOR", "COLUMNS", "LINES"):
        full_env.pop(name, None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "mlops_maturity", "survey", "--out", str(out), "--questionnaire", str(SURVEY), *extra],
        env=full_env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
        cwd=out.parent,
    )


def finish(child: pexpect.spawn) -> int:
    """Wait for the process to end; its exit code (128 + the signal when a signal ended it)."""
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus)
