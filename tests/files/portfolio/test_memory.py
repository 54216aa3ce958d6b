"""Portfolio memory grows with what it reports, not with the work of reading the files.

What is fair to keep per answers file is its entry in the result: a trend point (a small
model, the file's name and its score), or, for a team's latest file, the team's summary.
Everything else (the file's text, its parsed document and answers, the full row, a Path,
a pending future) must be gone once the file is read. These tests measure, with
tracemalloc, how much more a portfolio of 10N files needs than one of N files, per file.

Measured on CPython 3.11 with pydantic 2.14, per extra file: reading and rolling up peak
about 1,230 bytes higher (20 files per team); the result keeps about 2,650 bytes a team (one
file per team). Most of that is pydantic's own set of field names in every model (about 730
bytes): sharing one set per class through pydantic's private attributes saved it, but 10,000
files cost about 12 MiB either way, which nobody feels, so the models are plain ones now.
The bounds below still fail when a file's text, document or full row is kept (tens of KiB).
"""

from __future__ import annotations

import gc
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.choices import PortfolioFormat
from mlops_maturity.cli.commands.portfolio import PortfolioOptions, run
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.organisation.portfolio import Portfolio
from mlops_maturity.engine.organisation.rollup import roll_up
from mlops_maturity.files.portfolio import reader
from mlops_maturity.files.portfolio.reader import answers_files, read_rows

from support import ROOT

SMALL = 40  # files in the small portfolio; the large one has ten times as many


def _generate(q: Questionnaire, folder: Path, files: int, teams: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from portfolio_bench import generate
    finally:
        sys.path.pop(0)
    generate(q, folder, files, teams)


def _roll_up(q: Questionnaire, folder: Path) -> Portfolio:
    return roll_up(q, read_rows(q, answers_files([folder]), jobs=1))


def _measure(action: Callable[..., object], *args: object) -> tuple[int, int]:
    """Bytes still held by what ``action(*args)`` returns, and the peak while it ran."""
    gc.collect()
    tracemalloc.start()
    try:
        result = action(*args)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return kept, peak


def _portfolios(q: Questionnaire, tmp_path: Path, files_per_team: int) -> tuple[Path, Path]:
    small, large = tmp_path / "small", tmp_path / "large"
    _generate(q, small, SMALL, max(1, SMALL // files_per_team))
    _generate(q, large, 10 * SMALL, max(1, 10 * SMALL // files_per_team))
    return small, large


def test_reading_peaks_at_the_result_and_a_run_at_its_output(shipped: Questionnaire, tmp_path: Path) -> None:
    """Twenty files per team: nearly every file is one trend point in the result."""
    small, large = _portfolios(shipped, tmp_path, files_per_team=20)
    options = PortfolioOptions(fmt=PortfolioFormat.json, jobs=1)
    run([small], options)  # imports, compiled patterns and caches are not per file
    reading = [_measure(_roll_up, shipped, folder)[1] for folder in (small, large)]
    whole = [_measure(run, [folder], options)[1] for folder in (small, large)]
    per_file = (reading[1] - reading[0]) / (9 * SMALL)
    assert per_file < 2_000, f"reading and rolling up peak {per_file:.0f} bytes higher per extra file"
    per_file = (whole[1] - whole[0]) / (9 * SMALL)
    assert per_file < 3_000, f"a portfolio run (JSON output included) peaks {per_file:.0f} bytes higher per extra file"


def test_the_result_keeps_one_summary_per_team(shipped: Questionnaire, tmp_path: Path) -> None:
    """One file per team: each file is a team summary, with a score for each of 11 dimensions."""
    small, large = _portfolios(shipped, tmp_path, files_per_team=1)
    _roll_up(shipped, small)  # imports, compiled patterns and caches are not per team
    kept = [_measure(_roll_up, shipped, folder)[0] for folder in (small, large)]
    per_team = (kept[1] - kept[0]) / (9 * SMALL)
    assert per_team < 4_000, f"the portfolio keeps {per_team:.0f} bytes per extra team"


class _InlineExecutor:
    """Stands in for the process pool: runs each chunk at once and counts futures not yet collected."""

    in_flight = 0
    most_in_flight = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __enter__(self) -> _InlineExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        cls = _InlineExecutor
        cls.in_flight += 1
        cls.most_in_flight = max(cls.most_in_flight, cls.in_flight)
        future: Future[Any] = Future()
        future.set_result(fn(*args))
        collect = future.result

        def result(timeout: float | None = None) -> Any:
            cls.in_flight -= 1
            return collect(timeout)

        future.result = result  # type: ignore[method-assign]
        return future


def test_parallel_reading_keeps_a_few_chunks_in_flight(
    shipped: Questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _generate(shipped, tmp_path, 30, 10)
    paths = answers_files([tmp_path]) * 20  # 600 names: six chunks of 100
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", _InlineExecutor)
    monkeypatch.setattr(reader, "_WORKER", reader.Reader(shipped))  # chunks run here, so this is the worker
    rows: Iterator[object] = reader._parallel(shipped, paths, workers=2)
    assert [getattr(r, "file", None) for r in rows] == paths
    assert _InlineExecutor.in_flight == 0
    assert _InlineExecutor.most_in_flight == 4  # two chunks per worker, not all six
