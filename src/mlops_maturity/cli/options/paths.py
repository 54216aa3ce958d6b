"""Output paths given on the command line, checked and prepared the same way by every command that writes a file.

Every file a command writes may go into a folder that does not exist yet (a CI job's ``docs/``): the folder
is made as ``mkdir -p`` would, just before the write, so nothing is made when the command fails first.
"""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.errors import InputFileError, UsageError


def check_output_file(path: Path, flag: str, example: str, *, hint: str = "") -> None:
    """Refuse a path that is a folder; the message names the flag and a file name inside it that would do."""
    if path.is_dir():
        raise UsageError(f"{flag} {path}: is a directory; give a file name such as {path / example}{hint}")


def make_folder_for(path: Path, flag: str, example: str) -> None:
    """Check ``path`` as above, then create the folder it goes in."""
    check_output_file(path, flag, example)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputFileError(f"{path.parent}: cannot create the folder: {exc.strerror or exc}") from None
