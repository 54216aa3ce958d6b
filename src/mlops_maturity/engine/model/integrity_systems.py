"""Cross-reference checks for system kinds and scope questions (see ``engine/scoring/systems.py``)."""

from __future__ import annotations

from collections.abc import Iterator

from mlops_maturity.engine.model.conditions import QuestionAtom, atoms, is_monotone
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.stages import Discipline, Risk

Where = tuple[str | int, ...]
Found = tuple[Where, str]


def check_systems(q: Questionnaire) -> Iterator[Found]:
    kinds = {k.id for k in q.system_kinds}
    scope = {x.id for x in q.questions if x.scope}
    named = ", ".join(sorted(kinds)) or "(none declared in questionnaire.yaml)"
    seen: set[str] = set()
    for i, kind in enumerate(q.system_kinds):
        if kind.id in seen:
            yield ("system_kind", i, "id"), f"duplicate system kind id {kind.id!r}"
        seen.add(kind.id)
        for other in kind.part_of:
            if other not in kinds or other == kind.id:
                yield ("system_kind", i, "part_of"), f"part_of names {other!r}, not another declared kind: {named}"
        for key, condition in (("in_scope_when", kind.in_scope_when), ("live_when", kind.live_when)):
            if not is_monotone(condition):
                yield ("system_kind", i, key), f"{key} may use only at_least, all_of and any_of"
            for atom in atoms(condition):
                if isinstance(atom, QuestionAtom) and atom.question not in scope:
                    yield ("system_kind", i, key), f"{atom.question!r} is not a scope question (scope: true)"
    for s, stage in enumerate(q.stages):
        tagged: tuple[tuple[str, tuple[Risk | Discipline, ...]], ...] = (
            ("risks", stage.risks),
            ("disciplines", stage.disciplines),
        )
        for group, items in tagged:
            for i, item in enumerate(items):
                unknown_kinds = [k for k in item.systems if k not in kinds]
                if unknown_kinds:
                    where_item: Where = ("stage", s, group, i, "systems")
                    yield where_item, f"unknown system kind {', '.join(map(repr, unknown_kinds))}; declared: {named}"
    dimensions = q.dimension_by_id
    for i, question in enumerate(q.questions):
        where: Where = ("question", i)
        unknown = [k for k in question.systems if k not in kinds]
        if unknown:
            yield (*where, "systems"), f"unknown system kind {', '.join(map(repr, unknown))}; declared: {named}"
        if question.scope:
            if question.default is None or question.default not in question.option_ids:
                yield (*where, "default"), f"a scope question needs a default, one of: {', '.join(question.option_ids)}"
            if question.systems:
                yield (*where, "systems"), "a scope question says which systems the team runs: it takes no systems"
            dimension = dimensions.get(question.dimension)
            if dimension is not None and dimension.scored:
                yield (
                    (*where, "scope"),
                    f"scope questions belong to a dimension with scored: false, not {dimension.id!r}",
                )
        elif question.default is not None:
            yield (*where, "default"), "only a scope question (scope: true) has a default"
        dimension = dimensions.get(question.dimension)
        if dimension is not None and not dimension.scored and not question.scope:
            yield (*where, "scope"), f"dimension {dimension.id!r} is not scored: its questions must be scope questions"
    for i, stage in enumerate(q.stages):
        declared = (
            ("summary_kinds", stage.summary_kinds),
            ("meaning_kinds", stage.meaning_kinds),
            ("readings", [r.kind for r in stage.readings]),
        )
        for key, used in declared:
            wrong = [k for k in used if k not in kinds]
            if wrong:
                yield ("stage", i, key), f"unknown system kind {', '.join(map(repr, wrong))}; declared: {named}"
        for k, criterion in enumerate(stage.criteria):
            for j, reading in enumerate(criterion.readings):
                if reading.kind is not None and reading.kind not in kinds:
                    place: Where = (
                        ("stage", i, "criteria", k) if j == 0 else ("stage", i, "criteria", k, "alternatives", j - 1)
                    )
                    yield (*place, "kind"), f"unknown system kind {reading.kind!r}; declared: {named}"
