"""``scan --write``: put a scan's proposals into an answers file, never over an answer a person gave.

A new (or empty) file is written from the template with the proposals filled
in. An existing file is edited in place (``answers_update``), so its comments
and layout stay; only questions without an answer get one. "unknown" is an
answer too, and is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import UsageError
from mlops_maturity.files.answers.editing import editing
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.answers.update import update_answers_text
from mlops_maturity.files.answers.writer import render_answers_file
from mlops_maturity.files.writing import write_atomic
from mlops_maturity.files.yaml_reader import parse, read_text
from mlops_maturity.scan.verdicts.findings import ScanResult
from mlops_maturity.scan.verdicts.proposals import proposals


@dataclass(frozen=True)
class Prefilled:
    proposed: tuple[str, ...]  # question ids given an answer now
    kept: tuple[str, ...]  # question ids a person had answered, with a proposal that was not used
    rewritten: bool  # the file could not be edited in place and was written afresh


def prefill(path: Path, questionnaire: Questionnaire, scan: ScanResult) -> Prefilled:
    if path.is_dir():
        raise UsageError(f"{path}: is a directory; give --write an answers file name")
    with editing(path, "scan --write"):  # not while a survey edits the same file
        return _prefill(path, questionnaire, scan)


def _prefill(path: Path, questionnaire: Questionnaire, scan: ScanResult) -> Prefilled:
    text = read_text(path) if path.exists() else ""
    doc = parse(text, str(path)) if text.strip() else None
    team, assessed_on, given = "", None, {}
    if doc is not None and doc.data is not None:
        previous = check_answers(doc, questionnaire)
        team, assessed_on, given = previous.team, previous.assessed_on, dict(previous.given)
    new = proposals(questionnaire, scan, given)
    every = proposals(questionnaire, scan, {})
    kept = tuple(q for q in every if q in given and given[q].answer != every[q].answer)
    merged: dict[str, Answer] = {q.id: a for q in questionnaire.questions if (a := given.get(q.id) or new.get(q.id))}
    updated = None
    if doc is not None and doc.data is not None:
        updated = update_answers_text(text, questionnaire, team, assessed_on, merged)
    rewritten = doc is not None and doc.data is not None and updated is None
    if updated is None:
        updated = render_answers_file(questionnaire, team=team, assessed_on=assessed_on, given=merged)
    if updated != text:
        write_atomic(path, updated)
    return Prefilled(proposed=tuple(new), kept=kept, rewritten=rewritten)
