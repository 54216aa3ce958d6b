"""A process killed while writing leaves the old file or the new one, never a torn one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

WRITER = """
import sys
from pathlib import Path
from mlops_maturity.files.writing import write_atomic
path = Path(sys.argv[1])
i = 0
while True:
    i += 1
    write_atomic(path, (f"version {i}\\n" * 200_000) + "end\\n")
"""


def _whole(text: str) -> bool:
    lines = text.splitlines()
    return len(lines) == 200_001 and lines[-1] == "end" and len(set(lines[:-1])) == 1


def test_kill_during_writes_never_tears_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text(("version 0\n" * 200_000) + "end\n")
    for delay in (0.05, 0.13, 0.21, 0.34, 0.55):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)])
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert _whole(target.read_text()), f"torn file after a kill at {delay}s"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "report.md"]
    # A kill between creating the temporary file and renaming it may leave that temporary behind,
    # but never in place of the real file; it is hidden (leading dot) and named after the target.
    assert all(name.startswith(".report.md.") and name.endswith(".tmp") for name in leftovers)
