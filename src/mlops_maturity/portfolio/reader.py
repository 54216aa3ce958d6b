"""Read many answers files into summary rows: discover, parse fast, score lean, in parallel when it pays.

Only the rows travel on: no file text, document or result is kept once its
row exists, so memory grows with the number of rows, not with file sizes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from mlops_maturity.answers import check_answers
from mlops_maturity.errors import MaturityError, UsageError
from mlops_maturity.portfolio.quickcheck import QuickChecker
from mlops_maturity.portfolio.quickyaml import quick_parse
from mlops_maturity.portfolio.rows import FileError, Row, summarize, summarize_given
from mlops_maturity.questionnaire import Questionnaire
from mlops_maturity.yamlio import MAX_FILE_BYTES, parse, read_text

SUFFIXES = (".yaml", ".yml")
# Below this many files one process is faster: forking and collecting workers costs
# about as much as scoring a few hundred files (see benchmarks/portfolio_bench.py).
PARALLEL_MIN_FILES = 400
CHUNK = 100


def discover(paths: Sequence[Path]) -> list[Path]:
    """Files as given, and every ``*.yaml``/``*.yml`` under each directory (sorted, hidden entries skipped)."""
    found: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            candidates = _walk(path)
            if not candidates:
                raise UsageError(f"{path}: no answers files (*.yaml, *.yml) in this directory")
        else:
            candidates = [path]  # a missing file becomes a FileError, not a usage error
        for candidate in candidates:
            key = os.path.normcase(os.path.abspath(candidate))  # noqa: PTH100 - resolve() costs a stat per part
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk(top: Path) -> list[Path]:
    # os.walk reuses the directory entries' types, where Path.rglob plus is_file() stats every file.
    out: list[Path] = []
    for folder, dirs, files in os.walk(top):
        if "questionnaire.yaml" in files and folder != str(top):
            dirs[:] = []  # a questionnaire folder kept beside the assessments is not a team's answers
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder)
        out += [base / f for f in sorted(files) if f.endswith(SUFFIXES) and not f.startswith(".")]
    return out


class Reader:
    """Turns answers files into rows for one questionnaire, taking the fast path whenever it applies."""

    def __init__(self, q: Questionnaire) -> None:
        self.q = q
        self.checker = QuickChecker(q)

    def read(self, path: Path) -> Row | FileError:
        """One file to one row; every problem becomes a ``FileError`` naming the file."""
        name = str(path)
        try:
            text = _read_quickly(path) or read_text(path)
            doc = quick_parse(text, name)
            checked = self.checker.check(doc.data) if doc is not None else None
            if checked is not None:
                team = checked.team or path.stem
                return summarize_given(self.q, name, team, checked.assessed_on, checked.given)
            return summarize(self.q, check_answers(doc or parse(text, name), self.q))
        except MaturityError as exc:
            return FileError(name, str(exc))


def _read_quickly(path: Path) -> str | None:
    """The file's text in one open and read; ``None`` for anything ``read_text`` must explain."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES or b"\0" in raw:
            return None
        return raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def read_one(q: Questionnaire, path: Path) -> Row | FileError:
    return Reader(q).read(path)


def read_rows(q: Questionnaire, paths: Sequence[Path], jobs: int | None = None) -> Iterator[Row | FileError]:
    """Rows in the order of ``paths``; ``jobs`` worker processes (default: one per core when it pays)."""
    workers = _workers(len(paths), jobs)
    if workers <= 1:
        reader = Reader(q)
        return (reader.read(p) for p in paths)
    return _parallel(q, paths, workers)


def _workers(count: int, jobs: int | None) -> int:
    # Workers inherit the loaded questionnaire by forking; where fork is not available (Windows)
    # or not safe (macOS), starting fresh interpreters would cost more than it saves.
    if not sys.platform.startswith("linux") or (jobs is None and count < PARALLEL_MIN_FILES):
        return 1
    wanted = jobs if jobs is not None else len(os.sched_getaffinity(0))  # the cores this process may use
    return max(1, min(wanted, -(-count // CHUNK)))


_WORKER: Reader | None = None


def _init_worker(q: Questionnaire) -> None:
    global _WORKER
    _WORKER = Reader(q)


def _read_chunk(paths: Sequence[Path]) -> list[Row | FileError]:
    assert _WORKER is not None
    return [_WORKER.read(p) for p in paths]


def _parallel(q: Questionnaire, paths: Sequence[Path], workers: int) -> Iterator[Row | FileError]:
    import multiprocessing  # only large portfolios pay for these imports
    from concurrent.futures import ProcessPoolExecutor

    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(q,)) as pool:
        for rows in pool.map(_read_chunk, chunks):
            yield from rows
