"""Every file the tool writes goes through here: whole or not at all, and never through a link.

A file is written to a temporary file beside it and renamed over it, so a reader
(or a process killed mid-write) sees the old file or the new one, never half of
one. The temporary file has an unguessable name and is created with
``O_EXCL | O_NOFOLLOW``: in a folder other people can write to, a link planted
where the temporary file will be cannot make the tool write somewhere else. A
target that is itself a link is refused rather than replaced, so a link planted
at the target's name cannot send the output anywhere either, and the user's
own link is never silently turned into a plain file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from mlops_maturity.errors import InputFileError

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_APPEND = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_ATTEMPTS = 8  # a clash of 64 random bits happens only when someone is guessing


def temporary_name(path: Path) -> Path:
    """A fresh hidden name beside ``path``, 64 random bits long, that another user cannot predict."""
    return path.parent / f".{path.name}.{os.urandom(8).hex()}.tmp"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, LF line ends) to ``path`` so that readers see the old file or the new one, never half."""
    path = Path(path)
    mode = _mode_to_keep(path)
    data = text.encode("utf-8")
    tmp, fd = _create_temporary(path)
    try:
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # an answers file kept private stays private
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        _refuse_link(path)  # checked again just before the rename, which itself never follows a link
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:  # an interruption or a bug: still leave no temporary file behind
        tmp.unlink(missing_ok=True)
        raise


def append_text(path: Path, text: str) -> None:
    """Add ``text`` to the end of a file (one the caller does not own, such as a CI job summary).

    A link there is not followed. Raises ``OSError``: the caller decides whether a failure matters.
    """
    fd = os.open(path, _APPEND, 0o666)
    try:
        data = memoryview(text.encode("utf-8"))
        while data:
            data = data[os.write(fd, data) :]
    finally:
        os.close(fd)


def _create_temporary(path: Path) -> tuple[Path, int]:
    for _ in range(_ATTEMPTS):
        tmp = temporary_name(path)
        try:
            return tmp, os.open(tmp, _CREATE, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise InputFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
    raise InputFileError(  # pragma: no cover - needs someone to guess 64 random bits eight times
        f"{path}: cannot write: every temporary name tried beside it was taken; is someone else writing there?"
    )


def check_target(path: Path) -> None:
    """Refuse, before any work is done, a target ``write_atomic`` would refuse (a link, a folder, a pipe)."""
    _mode_to_keep(path)


def _mode_to_keep(path: Path) -> int | None:
    """The permission bits of the file being replaced (None when there is none yet); a link is refused."""
    _refuse_link(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"{path}: is a directory; give a file name to write to")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"{path}: is not a regular file (a named pipe, a device or a socket); give a file name")
    return stat.S_IMODE(info.st_mode) & 0o777


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise InputFileError(
            f"{path}: is a symbolic link; the tool replaces files, never what a link points to: "
            "write to the link's target by its own name, or remove the link"
        )
