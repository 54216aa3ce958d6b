"""The shipped questionnaire as it was before it asked about LLM systems, built from the loaded model.

Issue 23 promises that a team of trained models sees exactly today's questionnaire and gets exactly
today's result. "Today's questionnaire" is this copy: the shipped one with every LLM part taken out,
so the promise can be tested on every file that does not say which systems it runs.

Taken out: the dimensions of scope and LLM questions (``systems``, ``llm``) and their questions; the
system kinds; every criterion reading of an LLM kind (``llm``, ``retrieval``), and a criterion left
with no reading; the stage readings for kinds and the kinds a summary or meaning speaks for; every
risk, rule and discipline that mentions an LLM or scope question (or, for a discipline, an LLM risk);
the ``systems`` tags of questions, risks and disciplines and the ``kind`` of criteria and readings.

A risk, rule or discipline that mentions an LLM question is an LLM one and goes whole: if one of them
shows for a trained-only team, the two results differ, which is the leak the test is there to find.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from mlops_maturity.engine.model.conditions import Condition, QuestionAtom, atoms
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.stages import Criterion, Reading, Stage

LLM_DIMENSIONS = frozenset(("systems", "llm"))
LLM_KINDS = frozenset(("llm", "retrieval"))


def llm_questions(q: Questionnaire) -> frozenset[str]:
    return frozenset(x.id for x in q.questions if x.dimension in LLM_DIMENSIONS)


def _mentions(condition: Condition | None, removed: frozenset[str]) -> bool:
    if condition is None:
        return False
    return any(isinstance(a, QuestionAtom) and a.question in removed for a in atoms(condition))


def _criterion(criterion: Criterion) -> Criterion | None:
    """The criterion with its LLM readings gone and no kinds; None when no reading is left."""
    kept: list[Reading | Criterion] = [r for r in criterion.readings if r.kind not in LLM_KINDS]
    if not kept:
        return None
    first, *rest = kept
    return criterion.model_copy(
        update={
            "question": first.question,
            "at_least": first.at_least,
            "kind": None,
            "alternatives": tuple(Reading(question=r.question, at_least=r.at_least, source=r.source) for r in rest),
        }
    )


def _criteria(criteria: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
    return tuple(c for c in map(_criterion, criteria) if c is not None)


def _stage(stage: Stage, removed: frozenset[str]) -> Stage:
    risks = tuple(r for r in stage.risks if not _mentions(r.when, removed) and removed.isdisjoint(r.questions))
    dropped_risks = {r.id for r in stage.risks} - {r.id for r in risks}
    disciplines = tuple(
        d for d in stage.disciplines if removed.isdisjoint(d.improves) and dropped_risks.isdisjoint(d.addresses)
    )
    return stage.model_copy(
        update={
            "summary_kinds": (),
            "meaning_kinds": (),
            "readings": (),
            "criteria": _criteria(stage.criteria),
            "risks": tuple(r.model_copy(update={"systems": ()}) for r in risks),
            "disciplines": tuple(d.model_copy(update={"systems": ()}) for d in disciplines),
        }
    )


def without_llm(q: Questionnaire) -> Questionnaire:
    """The questionnaire with every LLM part taken out (see the module's docstring)."""
    removed = llm_questions(q)
    questions = tuple(x.model_copy(update={"systems": ()}) for x in q.questions if x.id not in removed)
    return Questionnaire(
        id=q.id,
        version=q.version,
        title=q.title,
        description=q.description,
        dimensions=tuple(d for d in q.dimensions if d.id not in LLM_DIMENSIONS),
        questions=questions,
        stages=tuple(_stage(s, removed) for s in q.stages),
        levels=tuple(lv.model_copy(update={"criteria": _criteria(lv.criteria)}) for lv in q.levels),
        rules=tuple(r for r in q.rules if not _mentions(r.when, removed)),
        system_kinds=(),
        score_bands=q.score_bands,
    )


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


def write_folder(q: Questionnaire, folder: Path) -> Path:
    """Write ``q`` as a questionnaire folder that ``--questionnaire`` reads (one YAML file per part)."""
    (folder / "questions").mkdir(parents=True)

    def write(path: Path, data: Any) -> None:
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")

    head = {
        "id": q.id,
        "version": q.version,
        "title": q.title,
        "description": q.description,
        "score_bands": [_dump(b) for b in q.score_bands],
        "dimensions": [_dump(d) for d in q.dimensions],
    }
    if q.system_kinds:
        head["system_kinds"] = [_dump(k) for k in q.system_kinds]
    write(folder / "questionnaire.yaml", head)
    for d in q.dimensions:
        questions = [{k: v for k, v in _dump(x).items() if k != "dimension"} for x in q.questions_of(d.id)]
        write(folder / "questions" / f"{d.id}.yaml", {"dimension": d.id, "questions": questions})
    write(folder / "stages.yaml", {"stages": [_dump(s) for s in q.stages]})
    write(folder / "levels.yaml", {"levels": [_dump(lv) for lv in q.levels]})
    write(folder / "rules.yaml", {"rules": [_dump(r) for r in q.rules]})
    return folder
