"""Output paths given on the command line, checked the same way by every command that writes a file."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.errors import UsageError


def check_output_file(path: Path, flag: str, example: str, *, folder_may_be_made: bool = False, hint: str = "") -> None:
    """Refuse a path that is a folder, or (unless the command makes it) one whose folder does not exist.

    The message names the flag and a file name that would do (``example`` inside the folder given).
    """
    if path.is_dir():
        raise UsageError(f"{flag} {path}: is a directory; give a file name such as {path / example}{hint}")
    parent = path.parent if str(path.parent) else Path()
    if not folder_may_be_made and not parent.is_dir():
        raise UsageError(f"{flag} {path}: the folder {parent} does not exist; create it or choose another file")
