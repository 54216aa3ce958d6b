"""Which files a scan may read, and reading one of them safely.

In a git checkout only tracked files count (``git ls-files``), so build
output, caches and local data stay out; elsewhere the folder is walked,
skipping version-control folders, virtualenvs, ``node_modules``, caches and
build output. Either way no symbolic link is followed, nothing but regular
files is opened, a file over ``MAX_FILE_BYTES`` is skipped without being read,
and one with a NUL byte in its first ``BINARY_SNIFF_BYTES`` is taken as binary.
Nothing in the scanned folder is ever executed: git runs with the settings
that could start a program (``core.fsmonitor``) turned off.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from mlops_maturity.cut import clip

MAX_FILE_BYTES = 1024 * 1024
BINARY_SNIFF_BYTES = 8192
MAX_FILES = 1_000_000
MAX_DEPTH = 64  # folders above a file; a deeper one is not scanned, in a walk or in git mode
TOO_DEEP = "nested too deep"
GIT_TIMEOUT_SECONDS = 60

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".bzr",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".eggs",
        "site-packages",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".ipynb_checkpoints",
        ".terraform",
    }
)
SKIP_PATHS = frozenset({".dvc/cache", ".dvc/tmp"})
# A folder holding one of these is a virtualenv (pyvenv.cfg), or says it is a cache (CACHEDIR.TAG, as cargo's target/).
SKIP_MARKERS = frozenset({"pyvenv.cfg", "CACHEDIR.TAG"})
# Python's build output; a folder merely named build/ may hold a Dockerfile or CI configuration, so it stays.
BUILD_OUTPUT = ("bdist.", "lib.", "temp.")


@dataclass
class Listing:
    """The files a scan considers, relative to its root, sorted; and what was left out."""

    paths: list[str]
    method: str  # "git" or "walk"
    skipped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


def list_files(root: Path) -> Listing:
    notes: list[str] = []
    tracked = _git_files(root, notes)
    if tracked is not None:
        skipped: Counter[str] = Counter()
        folders: dict[str, bool] = {}
        deep = [p for p in tracked if p.count("/") > MAX_DEPTH]
        if deep:  # as deep as the folder walk goes, and no deeper
            skipped[TOO_DEEP] += len(deep)
            many = f"{len(deep)} tracked files nested deeper than {MAX_DEPTH} folders were"
            one = f"1 tracked file nested deeper than {MAX_DEPTH} folders was"
            notes.append(f"{many if len(deep) > 1 else one} not scanned (the first: {clip(min(deep), 80)})")
        paths = [p for p in tracked if p.count("/") <= MAX_DEPTH and _inside(root, p, skipped, folders)]
        return Listing(sorted(paths), "git", skipped, notes)
    listing = _walk(root)
    listing.notes[:0] = notes
    return listing


def _git_files(root: Path, notes: list[str]) -> list[str] | None:
    """Tracked files under ``root``; None when git is missing or ``root`` is not in a checkout."""
    git = shutil.which("git")
    if git is None or not _in_checkout(root):
        return None
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_OPTIONAL_LOCKS"] = "0"  # a scan never writes to the repository, not even its index
    command = [git, "-c", "core.fsmonitor=false", "-c", "core.quotePath=false", "ls-files", "-z", "--cached"]
    try:
        proc = subprocess.run(
            command, cwd=root, env=env, capture_output=True, timeout=GIT_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        notes.append(f"git ls-files failed ({type(exc).__name__}); walked the folder instead")
        return None
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        notes.append(f"git ls-files failed ({reason[0] if reason else proc.returncode}); walked the folder instead")
        return None
    paths = [os.fsdecode(p) for p in proc.stdout.split(b"\0") if p]
    if not paths:
        notes.append("no file under this folder is tracked by git; walked the folder instead")
        return None
    return list(dict.fromkeys(paths))  # a file in conflict is listed once per stage


def _in_checkout(root: Path) -> bool:
    """A ``.git`` entry here or in a parent folder; cheaper than asking git, which would fail anyway."""
    absolute = root.resolve()
    return any(os.path.lexists(folder / ".git") for folder in (absolute, *absolute.parents))


def _inside(root: Path, path: str, skipped: Counter[str], folders: dict[str, bool]) -> bool:
    """False when a folder on the way to ``path`` is not a real folder (a symbolic link put there since)."""
    if _real_folder(str(root), path.rpartition("/")[0], folders):
        return True
    skipped["symlink"] += 1
    return False


def _real_folder(root: str, folder: str, known: dict[str, bool]) -> bool:
    """``folder`` and every folder above it are real folders, not symbolic links; each is asked once."""
    unknown = []  # from the deepest up to the first folder already known
    while folder and folder not in known:
        unknown.append(folder)
        folder = folder.rpartition("/")[0]
    found = known.get(folder, True)  # the scanned folder itself is real
    for name in reversed(unknown):
        if found:
            try:
                found = stat.S_ISDIR(os.lstat(os.path.join(root, name)).st_mode)  # noqa: PTH118 - once per folder
            except OSError:
                found = False
        known[name] = found
    return found


def _walk(root: Path) -> Listing:
    listing = Listing([], "walk")
    stack: list[tuple[str, int]] = [("", 0)]
    while stack:
        rel, depth = stack.pop()
        try:
            with os.scandir(root / rel if rel else root) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            listing.notes.append(f"{rel or '.'}: cannot list: {exc.strerror or exc}")
            continue
        if rel and (SKIP_MARKERS & {e.name for e in entries} or _is_build_output(rel, entries)):
            listing.skipped["skipped folder"] += 1
            continue
        for entry in entries:
            path = f"{rel}/{entry.name}" if rel else entry.name
            if entry.is_symlink():
                listing.skipped["symlink"] += 1
            elif entry.is_dir(follow_symlinks=False):
                if entry.name in SKIP_DIRS or entry.name.endswith(".egg-info") or path in SKIP_PATHS:
                    listing.skipped["skipped folder"] += 1
                elif depth >= MAX_DEPTH:
                    listing.notes.append(f"{path}: nested deeper than {MAX_DEPTH} folders; not scanned")
                else:
                    stack.append((path, depth + 1))
            elif entry.is_file(follow_symlinks=False):
                listing.paths.append(path)
                if len(listing.paths) >= MAX_FILES:
                    listing.notes.append(f"stopped listing after {MAX_FILES} files")
                    return _sorted(listing)
            else:
                listing.skipped["not a regular file"] += 1
    return _sorted(listing)


def _sorted(listing: Listing) -> Listing:
    listing.paths.sort()
    return listing


def _is_build_output(rel: str, entries: list[os.DirEntry[str]]) -> bool:
    name = rel.rpartition("/")[2]
    return name == "build" and any(e.name.startswith(BUILD_OUTPUT) for e in entries)


@dataclass(frozen=True)
class Read:
    """A file's bytes, or why they were not read."""

    data: bytes = b""
    skipped: str | None = None


def read_file(root: Path, path: str) -> Read:
    """The bytes of ``root/path`` if it is a small regular text file; never follows a final symbolic link."""
    full = os.path.join(root, path)  # noqa: PTH118 - a str, once per file read: Path objects cost more here
    try:  # open first and ask the open file: one system call less per file than lstat, then open
        fd = os.open(full, _OPEN_FLAGS)
    except OSError as exc:
        return Read(skipped="symlink" if exc.errno == errno.ELOOP else "unreadable")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Read(skipped="not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            return Read(skipped="too large")
        chunks = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError:
        return Read(skipped="unreadable")
    finally:
        os.close(fd)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        return Read(skipped="too large")
    if data.find(b"\0", 0, BINARY_SNIFF_BYTES) != -1:
        return Read(skipped="binary")
    return Read(data=data)


# No symbolic link at the end of the path (ELOOP), and a FIFO or device does not block the open.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def decode(data: bytes) -> str:
    """Text of a file: UTF-8, with a replacement character for each byte that is not."""
    return data.decode("utf-8", "replace").removeprefix("\ufeff")
