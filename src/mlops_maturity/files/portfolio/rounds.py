"""Respondents' files in a portfolio: the files of one team and date merged into one assessment.

A file that names its ``respondent`` is one person's view. The reader hands it on as
a name only; once every file has been read, the files of each (team, assessed_on)
are read again, one round at a time, and merged by the rule of ``consensus``
(``engine/respondents/consensus.py``). So what is held while reading is a file name per such
file, and what is held while merging is one round's answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.organisation.rows import FileError, RespondentFile, Row, summarize_given
from mlops_maturity.engine.respondents.consensus import check_round, merge
from mlops_maturity.engine.respondents.disagreement import index
from mlops_maturity.errors import MaturityError
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.inert import inert


def merge_rounds(q: Questionnaire, items: Iterable[Row | FileError | RespondentFile]) -> Iterator[Row | FileError]:
    """Rows and errors as they come; then one row per round of respondents' files, in team and date order."""
    rounds: dict[tuple[str, str | None], list[str]] = {}
    for item in items:
        if isinstance(item, RespondentFile):
            rounds.setdefault((item.team, item.assessed_on), []).append(item.file)
        else:
            yield item
    for key in sorted(rounds, key=lambda k: (k[0].casefold(), k[0], k[1] or "")):
        yield from _merged(q, key[0], sorted(rounds.pop(key)))


def _merged(q: Questionnaire, team: str, files: list[str]) -> Iterator[Row | FileError]:
    """One round as one row; a round that cannot be merged is left out, each of its files named."""
    try:
        round_ = check_round([load_answers(Path(f), q) for f in files])
    except MaturityError as exc:
        named = {p.file: str(p) for p in exc.problems}
        for f in files:
            why = named.get(f) or f"{inert(f)}: left out with its round: {next(iter(named.values()), str(exc))}"
            yield FileError(f, why)
        return
    merged = merge(q, round_.voices)
    row = summarize_given(q, files[0], team, round_.assessed_on, merged.given)
    yield replace(
        row,
        respondents=len(files),
        sources=len(files),
        disagreement=index(len(merged.disputed), len(merged.given)) if len(files) > 1 else None,
    )
