"""Read a questionnaire folder from its YAML: one file per concern, every problem located.

Layout of a folder::

    questionnaire.yaml      id, version, title, description, dimensions
    questions/*.yaml        {dimension: ID, questions: [...]}, one file per dimension
    stages.yaml             {stages: [...]}   stage 0 first, entry criteria, risks, disciplines
    levels.yaml             {levels: [...]}   lowest first, entry criteria
    rules.yaml              {rules: [...]}    consistency rules (optional file)
    probes.yaml             {probes: [...]}   what ``scan`` looks for (optional file; see ``scan/io/probes_file.py``)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from mlops_maturity.engine.model.frozen import Frozen, Slug, Text, Version
from mlops_maturity.engine.model.integrity import Known, Where, check_integrity
from mlops_maturity.engine.model.questionnaire import (
    DEFAULT_BANDS,
    Dimension,
    Question,
    Questionnaire,
    ScoreBand,
    SystemKind,
)
from mlops_maturity.engine.model.stages import Level, Rule, Stage
from mlops_maturity.errors import InputFileError, Problem, QuestionnaireError
from mlops_maturity.files.located_errors import pydantic_problems
from mlops_maturity.files.yaml_reader import Document, Loc, Within, load_file

HEAD_FILE = "questionnaire.yaml"


class _Head(Frozen):
    id: Slug
    version: Version
    title: Text
    description: Text
    dimensions: tuple[Dimension, ...] = Field(min_length=1)
    score_bands: tuple[ScoreBand, ...] = Field(default=DEFAULT_BANDS, min_length=1, max_length=8)
    system_kinds: tuple[SystemKind, ...] = Field(default=(), max_length=8)


class _QuestionsFile(Frozen):
    dimension: Slug
    questions: tuple[dict[str, Any], ...] = Field(min_length=1)


class _Stages(Frozen):
    stages: tuple[Stage, ...] = Field(min_length=2)


class _Levels(Frozen):
    levels: tuple[Level, ...] = Field(min_length=2)


class _Rules(Frozen):
    rules: tuple[Rule, ...] = ()


@dataclass
class _Parts:
    problems: list[Problem]
    docs: dict[str, Document]
    question_docs: list[tuple[Document, int]]
    broken_questions: set[str] = field(default_factory=set)
    broken_dimensions: set[str] = field(default_factory=set)
    all_questions: bool = True
    within: Within | None = None  # every file read must lie inside the folder, links followed


def read_folder(directory: Path) -> Questionnaire:
    """Read and check every file of a questionnaire folder; a problem anywhere raises with all of them."""
    if not directory.is_dir():
        raise QuestionnaireError(f"{directory}: not a questionnaire folder (expected a directory with {HEAD_FILE})")
    parts = _Parts([], {}, [], within=Within(directory, "questionnaire folder"))
    head = _part(parts, directory / HEAD_FILE, _Head)
    stages = _part(parts, directory / "stages.yaml", _Stages)
    levels = _part(parts, directory / "levels.yaml", _Levels)
    rules = _part(parts, directory / "rules.yaml", _Rules, optional=True) or _Rules()
    questions = _questions(parts, directory)
    dims = {d.id: i for i, d in enumerate(head.dimensions)} if head is not None else {}
    order = sorted(range(len(questions)), key=lambda i: (dims.get(questions[i].dimension, len(dims)), i))
    questions = [questions[i] for i in order]
    parts.question_docs = [parts.question_docs[i] for i in order]
    dimensions: tuple[Dimension, ...] = head.dimensions if head is not None else ()
    stage_list: tuple[Stage, ...] = stages.stages if stages is not None else ()
    level_list: tuple[Level, ...] = levels.levels if levels is not None else ()
    if parts.problems:
        # Cross-check what did parse, so that one run reports every problem; a part that failed
        # is left out of the checks rather than reported again as missing references.
        partial = Questionnaire.model_construct(
            id="",
            version="",
            title="",
            description="",
            dimensions=dimensions,
            questions=tuple(questions),
            stages=stage_list,
            levels=level_list,
            rules=rules.rules,
            system_kinds=head.system_kinds if head is not None else (),
        )
        known = Known(
            broken_questions=frozenset(parts.broken_questions),
            question_dimensions=frozenset(parts.broken_dimensions),
            all_questions=parts.all_questions,
            dimensions=head is not None,
            stages=stages is not None,
            levels=levels is not None,
        )
        located = [_locate(parts, where, message) for where, message in check_integrity(partial, known)]
        _raise(directory, _in_file_order(parts.problems + located))
    assert head is not None and stages is not None and levels is not None
    try:
        questionnaire = Questionnaire(
            **head.model_dump(exclude={"dimensions"}),
            dimensions=dimensions,
            questions=tuple(questions),
            stages=stage_list,
            levels=level_list,
            rules=rules.rules,
        )
    except ValidationError as exc:  # pragma: no cover - the parts were valid one by one
        raise QuestionnaireError(f"{directory}: {exc}") from None
    located = [_locate(parts, where, message) for where, message in check_integrity(questionnaire)]
    if located:
        _raise(directory, _in_file_order(located))
    return questionnaire


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(dict.fromkeys(problems), key=lambda p: (p.file, p.line or 0))


def _raise(directory: Path, problems: list[Problem]) -> None:
    first = problems[0] if problems else Problem(str(directory), "invalid questionnaire")
    raise QuestionnaireError(str(first), tuple(problems))


def _part(parts: _Parts, path: Path, model: type[BaseModel], optional: bool = False) -> Any:
    if optional and not path.exists():
        return None
    doc = _read(parts, path)
    if doc is None:
        return None
    parts.docs[path.name] = doc
    if not isinstance(doc.data, dict):
        parts.problems.append(doc.problem((), f"expected a mapping with the keys {', '.join(model.model_fields)}"))
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        parts.problems.extend(pydantic_problems(doc, exc, model))
        return None


def _read(parts: _Parts, path: Path) -> Document | None:
    try:
        return load_file(path, inside=parts.within)
    except InputFileError as exc:
        parts.problems.extend(exc.problems or (Problem(str(path), str(exc).removeprefix(f"{path}: ")),))
        return None


def _questions(parts: _Parts, directory: Path) -> list[Question]:
    folder = directory / "questions"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        parts.problems.append(Problem(str(folder), "no question files (questions/*.yaml)"))
    questions: list[Question] = []
    for path in files:
        doc = _read(parts, path)
        if doc is None:
            parts.all_questions = False
            continue
        try:
            file = _QuestionsFile.model_validate(doc.data)
        except ValidationError as exc:
            parts.problems.extend(pydantic_problems(doc, exc, _QuestionsFile))
            _note_broken(parts, doc.data)
            continue
        for i, raw in enumerate(file.questions):
            if "dimension" in raw:
                message = f"a question takes its dimension from the file ({file.dimension!r}); remove this key"
                parts.problems.append(doc.problem(("questions", i, "dimension"), message))
                _note_broken(parts, {"dimension": file.dimension, "questions": [raw]})
                continue
            try:
                questions.append(Question.model_validate({**raw, "dimension": file.dimension}))
                parts.question_docs.append((doc, i))
            except ValidationError as exc:
                parts.problems.extend(pydantic_problems(doc, exc, Question, base=("questions", i)))
                _note_broken(parts, {"dimension": file.dimension, "questions": [raw]})
    return questions


def _note_broken(parts: _Parts, data: Any) -> None:
    """Remember the ids a file that failed validation still names; without them, any id may exist."""
    raw = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        parts.all_questions = False
        return
    if isinstance(data.get("dimension"), str):
        parts.broken_dimensions.add(data["dimension"])
    for item in raw:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            parts.broken_questions.add(item["id"])
        else:
            parts.all_questions = False


_SECTIONS = {
    "dimension": (HEAD_FILE, "dimensions"),
    "system_kind": (HEAD_FILE, "system_kinds"),
    "stage": ("stages.yaml", "stages"),
    "level": ("levels.yaml", "levels"),
    "rule": ("rules.yaml", "rules"),
}


def _locate(parts: _Parts, where: Where, message: str) -> Problem:
    section, index, *rest = where
    assert isinstance(index, int)
    if section == "question":
        doc, local = parts.question_docs[index]
        loc: Loc = ("questions", local, *rest)
    else:
        file, key = _SECTIONS[str(section)]
        doc, loc = parts.docs[file], (key, index, *rest)
    return doc.problem(loc, message)
