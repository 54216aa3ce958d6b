"""Respondents' files in a portfolio (``files/portfolio/rounds.py``): merged by round, with memory kept bounded."""

from __future__ import annotations

import gc
import re
import sys
import tracemalloc
from pathlib import Path

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.organisation.rollup import roll_up
from mlops_maturity.engine.organisation.rows import FileError, RespondentFile, Row
from mlops_maturity.files.portfolio.reader import answers_files, read_rows
from mlops_maturity.files.portfolio.rounds import merge_rounds

from support import EXAMPLES, ROOT, read_one

SMALL = 40
RESPONDENTS = sorted((EXAMPLES / "consensus" / "respondents").glob("*.yaml"))


def _rounds(q: Questionnaire, folder: Path, files: int) -> None:
    """Four respondents per team, all answering on one date."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from portfolio_bench import generate
    finally:
        sys.path.pop(0)
    for i, path in enumerate(generate(q, folder, files, files // 4)):
        text = re.sub(r"(?m)^assessed_on: .*$", "assessed_on: 2026-09-30", path.read_text(encoding="utf-8"))
        text = re.sub(r"(?m)^(team: .*)$", rf'\1\nrespondent: "P{i % 4}"', text, count=1)
        path.write_text(text, encoding="utf-8")


def _peak(q: Questionnaire, folder: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        portfolio = roll_up(q, read_rows(q, answers_files([folder]), jobs=1))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert portfolio.errors == () and {t.respondents for t in portfolio.teams} == {4}
    return peak


def test_respondents_files_are_held_by_name_and_merged_one_round_at_a_time(
    shipped: Questionnaire, tmp_path: Path
) -> None:
    small, large = tmp_path / "small", tmp_path / "large"
    _rounds(shipped, small, SMALL)
    _rounds(shipped, large, 10 * SMALL)
    _peak(shipped, small)  # imports and caches are not per file
    per_file = (_peak(shipped, large) - _peak(shipped, small)) / (9 * SMALL)
    # Measured at about 680 bytes, most of it the team summaries the result keeps (four files a team); a round
    # kept whole (every respondent's answers) would be tens of KiB a file.
    assert per_file < 1_500, f"reading and merging rounds peaks {per_file:.0f} bytes higher per extra file"


def test_rows_pass_through_and_rounds_follow_in_team_order(shipped: Questionnaire) -> None:
    plain = read_one(shipped, EXAMPLES / "stage1-pilot.yaml")
    assert isinstance(plain, Row)
    broken = FileError("x.yaml", "x.yaml: broken")
    voices = [RespondentFile(str(p), "Store demand forecasting", "2026-09-30") for p in reversed(RESPONDENTS)]
    out = list(merge_rounds(shipped, [voices[0], plain, broken, *voices[1:]]))
    assert out[:2] == [plain, broken]
    (merged,) = out[2:]
    assert isinstance(merged, Row)
    assert (merged.team, merged.respondents, merged.sources, merged.disagreement) == (
        "Store demand forecasting",
        4,
        4,
        5.1,
    )
    assert merged.file == str(RESPONDENTS[0])


def test_a_single_respondent_file_read_alone_is_its_own_round(shipped: Questionnaire) -> None:
    row = read_one(shipped, RESPONDENTS[0])
    assert isinstance(row, Row) and (row.respondents, row.sources, row.disagreement) == (1, 1, None)
