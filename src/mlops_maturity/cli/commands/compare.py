"""``mlops-maturity compare``: what changed between two assessments of the same team."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.choices import CompareFormat
from mlops_maturity.cli.output import Output
from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.engine.organisation.compare import check_comparable, compare
from mlops_maturity.errors import InputFileError
from mlops_maturity.files.answers.reader import check_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.yaml_reader import Document, load_file
from mlops_maturity.render.formats import render_compare
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.terminal import color_enabled, unicode_ok, width


def run(old: Path, new: Path, fmt: CompareFormat, questionnaire: Path | None) -> Output:
    q = load_questionnaire(questionnaire)
    docs = {path: load_file(path) for path in (old, new) if not _is_result(path)}
    declared = {path: _declared(doc) for path, doc in docs.items()}
    if len(docs) == 2 and None not in declared.values() and declared[old] != declared[new]:
        raise InputFileError(
            f"cannot compare {old} (questionnaire {declared[old]!r}) with {new} (questionnaire {declared[new]!r}): "
            "compare two assessments made with the same questionnaire"
        )
    before, after = (_result(path, docs.get(path), q) for path in (old, new))
    check_comparable(before, after, str(old), str(new))
    comparison = compare(before, after)
    text = fmt == CompareFormat.text
    rendered = render_compare(
        fmt, comparison, RenderOptions(color=text and color_enabled(), width=width(), unicode=unicode_ok())
    )
    warnings = tuple(f"warning: {m}" for m in comparison.mismatches)  # first, whatever the format
    return Output(stdout=rendered, stderr=warnings + (() if text else tuple(f"note: {n}" for n in comparison.notes)))


def _is_result(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def _declared(doc: Document) -> str | None:
    value = doc.data.get("questionnaire") if isinstance(doc.data, dict) else None
    return value if isinstance(value, str) else None


def _result(path: Path, doc: Document | None, q: Questionnaire) -> Result:
    """An answers file scored now, or a result saved earlier with ``score --format json``."""
    if doc is not None:
        return assess(q, check_answers(doc, q))
    from mlops_maturity.files.saved_result import read_result

    return read_result(path)
