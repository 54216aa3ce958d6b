"""Read many answers files into summary rows: discover, parse fast, score lean, in parallel when it pays.

Only the rows travel on: no file text, document or result is kept once its
row exists, files are named by plain strings (which the rows then share), and
worker processes have at most two chunks each in flight, so what grows with the
number of files is the rows, and ``roll_up`` keeps only a small part of each.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.organisation.rows import FileError, RespondentFile, Row, summarize, summarize_given, team_of
from mlops_maturity.errors import MaturityError, UsageError
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.portfolio.fast_answers_check import QuickChecker
from mlops_maturity.files.portfolio.fast_yaml import quick_parse
from mlops_maturity.files.portfolio.rounds import merge_rounds
from mlops_maturity.files.yaml_reader import MAX_FILE_BYTES, parse, read_text

SUFFIXES = (".yaml", ".yml")
# Below this many files one process is faster: forking and collecting workers costs
# about as much as scoring a few hundred files (see benchmarks/portfolio_bench.py).
PARALLEL_MIN_FILES = 400
CHUNK = 100
FIRST_READ = 64 * 1024
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def discover(paths: Sequence[Path]) -> list[Path]:
    """Files as given, and every ``*.yaml``/``*.yml`` under each directory (sorted, hidden entries skipped)."""
    return [Path(f) for f in answers_files(paths)]


def answers_files(paths: Sequence[Path]) -> list[str]:
    """What ``discover`` finds, as plain strings: 8 bytes a file beyond the name the row keeps anyway."""
    found: list[str] = []
    # A single walk never meets a file twice; only overlapping arguments need the (per-file) check.
    seen: set[str] | None = set() if len(paths) > 1 else None
    for path in paths:
        if path.is_dir():
            candidates = _walk(path)
            if not candidates:
                raise UsageError(f"{path}: no answers files (*.yaml, *.yml) in this directory")
        else:
            candidates = [str(path)]  # a missing file becomes a FileError, not a usage error
        for candidate in candidates:
            if seen is not None:
                key = os.path.normcase(os.path.abspath(candidate))  # noqa: PTH100 - resolve() costs a stat per part
                if key in seen:
                    continue
                seen.add(key)
            found.append(candidate)
    return found


def folder_contents(top: Path) -> tuple[list[str], list[str]]:
    """The answers files and the questionnaire folders under ``top``, by the one rule for folders.

    ``portfolio`` and ``validate`` both read a folder so: every ``*.yaml``/``*.yml`` at any depth, sorted,
    hidden entries skipped, and a folder holding ``questionnaire.yaml`` taken as a questionnaire (not
    looked into: ``portfolio`` leaves it out, ``validate`` checks it as a questionnaire).
    """
    questionnaires: list[str] = []
    return _walk(top, questionnaires), questionnaires


def _walk(top: Path, questionnaires: list[str] | None = None) -> list[str]:
    # os.walk reuses the directory entries' types, where Path.rglob plus is_file() stats every file;
    # names are joined as text (a Path per file costs time, and pathlib interns every part).
    root = str(top)  # already normal: no trailing separator, no "//" or "/./"
    skip = len(root) + 1 if root == os.curdir else 0  # "./sub/a.yaml" reads as "sub/a.yaml", as a Path has it
    out: list[str] = []
    for folder, dirs, files in os.walk(root):
        if "questionnaire.yaml" in files and folder != root:
            dirs[:] = []  # a questionnaire folder kept beside the assessments is not a team's answers
            if questionnaires is not None:
                questionnaires.append(folder[skip:])
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = folder[skip:]
        names = (f for f in sorted(files) if f.endswith(SUFFIXES) and not f.startswith("."))
        out += [os.path.join(base, f) for f in names]  # noqa: PTH118 - see above
    return out


class Reader:
    """Turns answers files into rows for one questionnaire, taking the fast path whenever it applies."""

    def __init__(self, q: Questionnaire) -> None:
        self.q = q
        self.checker = QuickChecker(q)

    def read(self, path: Path | str) -> Row | FileError | RespondentFile:
        """One file to one row; every problem becomes a ``FileError`` naming the file.

        A file that names its respondent is one voice of its team's round: it comes back
        as a ``RespondentFile`` (names only), merged once every file has been read.
        """
        name = str(path)  # the row keeps this very string: a name given as text is not copied
        try:
            text = _read_quickly(name) or read_text(Path(name))
            doc = quick_parse(text, name)
            checked = self.checker.check(doc.data) if doc is not None else None
            if checked is not None:
                team = checked.team or Path(name).stem
                return summarize_given(self.q, name, team, checked.assessed_on, checked.given)
            answers = check_answers(doc or parse(text, name), self.q)
            if answers.respondent is not None:
                date = answers.assessed_on.isoformat() if answers.assessed_on else None
                return RespondentFile(name, team_of(answers), date)
            return summarize(self.q, answers)
        except MaturityError as exc:
            return FileError(name, str(exc))


def _read_quickly(name: str) -> str | None:
    """The file's text, read with one open; ``None`` for anything ``read_text`` must explain."""
    try:
        # Not blocking, so a named pipe among the files is refused (by read_text) instead of waited on.
        with os.fdopen(os.open(name, _READ), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            # A read of the whole 1 MiB limit allocates (and maps) that much for every file,
            # several times the cost of the read itself; answers files fit in the first block.
            raw = handle.read(FIRST_READ)
            if len(raw) == FIRST_READ:
                raw += handle.read(MAX_FILE_BYTES + 1 - FIRST_READ)
        if len(raw) > MAX_FILE_BYTES or b"\0" in raw:
            return None
        return raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def read_rows(q: Questionnaire, paths: Sequence[Path | str], jobs: int | None = None) -> Iterator[Row | FileError]:
    """Rows in the order of ``paths``, then one row per round of respondents' files (see ``merge_rounds``);
    ``jobs`` worker processes (default: one per core when it pays)."""
    workers = _workers(len(paths), jobs)
    if workers <= 1:
        reader = Reader(q)
        return merge_rounds(q, (reader.read(p) for p in paths))
    return merge_rounds(q, _parallel(q, paths, workers))


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


def _read_chunk(paths: Sequence[Path | str]) -> list[Row | FileError | RespondentFile]:
    assert _WORKER is not None
    return [_WORKER.read(p) for p in paths]


def _parallel(
    q: Questionnaire, paths: Sequence[Path | str], workers: int
) -> Iterator[Row | FileError | RespondentFile]:
    """Chunks to the workers, rows back in order, with at most two chunks per worker in flight.

    ``pool.map`` would submit every chunk at once and hold each one's rows until their turn
    came, so memory would grow with the number of files; here it stays at a few chunks.
    """
    import multiprocessing  # only large portfolios pay for these imports
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(q,)) as pool:
        pending: deque[Future[list[Row | FileError | RespondentFile]]] = deque()
        for start in range(0, len(paths), CHUNK):
            pending.append(pool.submit(_read_chunk, paths[start : start + CHUNK]))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
