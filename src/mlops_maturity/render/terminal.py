"""What the terminal can show: colour (NO_COLOR, FORCE_COLOR), width, Unicode."""

from __future__ import annotations

import os
import sys
from typing import TextIO

MAX_WIDTH = 100


def color_enabled(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def width() -> int:
    import shutil  # it imports the compression modules; a JSON run never asks for the width

    return min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH)


def unicode_ok(stream: TextIO | None = None) -> bool:
    encoding = (getattr(stream or sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return encoding in ("utf8", "utf16", "utf32") and os.environ.get("MLOPS_MATURITY_ASCII") is None
