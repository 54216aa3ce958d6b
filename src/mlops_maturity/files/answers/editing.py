"""One editor of an answers file at a time: a second survey (or ``scan --write``) on the same file is refused.

The survey reads the file once and then saves its own copy after every answer,
so two surveys on one file would each overwrite the other's answers without a
word. While a survey or ``scan --write`` edits a file it holds a lock on a small
hidden file beside it (``.NAME.lock``); a second editor finds the lock taken and
stops before asking anything, naming the process that holds it. The operating
system releases the lock when the holder ends, however it ends (even killed),
so a crash never leaves a file locked. Where there are no such locks (Windows),
nothing is locked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mlops_maturity.errors import UsageError
from mlops_maturity.files.writing import check_target

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks to take
    fcntl = None  # type: ignore[assignment]

_OPEN = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def lock_file(path: Path) -> Path:
    return path.parent / f".{path.name}.lock"


@contextmanager
def editing(path: Path, what: str = "a survey") -> Iterator[None]:
    """Hold the edit lock of ``path`` (an answers file, existing or not) while the block runs."""
    check_target(path)
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    lock = lock_file(path)
    fd = _take(lock, path)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {what}\n".encode())
        yield
    finally:
        # Removed while still held, so a third editor never locks a file that is no longer at this name.
        lock.unlink(missing_ok=True)
        os.close(fd)


def _take(lock: Path, path: Path) -> int:
    while True:
        try:
            fd = os.open(lock, _OPEN, 0o644)
        except OSError as exc:
            raise UsageError(f"{path}: cannot lock it for editing ({lock}: {exc.strerror or exc})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise UsageError(
                f"{path}: {holder} is editing this file now; two editors would each overwrite the other's "
                "answers, so this one stops. Finish or quit the other first, or use another file"
            ) from None
        try:
            same = os.fstat(fd).st_ino == lock.lstat().st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the holder removed it between our open and our lock: try the new one


def _holder(fd: int) -> str:
    try:
        pid, _, what = os.pread(fd, 200, 0).decode("utf-8", "replace").strip().partition(" ")
    except OSError:
        return "another survey"
    if not pid.isdigit():
        return "another survey"
    return f"{what or 'another survey'} (process {pid})"
