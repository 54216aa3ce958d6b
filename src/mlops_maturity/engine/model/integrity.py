"""Cross-reference checks on a questionnaire whose files each parsed on their own.

Each problem is returned with a ``Where``: (section, index, key path...), which
the loader turns into file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mlops_maturity.engine.model.conditions import Condition, PlacementAtom, QuestionAtom, atoms, is_monotone
from mlops_maturity.engine.model.integrity_systems import check_systems
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.stages import Criterion

Where = tuple[str | int, ...]
Found = tuple[Where, str]


@dataclass(frozen=True)
class Known:
    """What is known of the parts that failed to parse, so that checking the rest reports no follow-on errors.

    A question that failed to parse still exists: references to it are not
    "unknown question". A section whose file failed is absent from the
    questionnaire checked and is not cross-checked at all.
    """

    broken_questions: frozenset[str] = frozenset()  # ids of questions that exist but did not parse
    question_dimensions: frozenset[str] = frozenset()  # dimensions named by question files that did not parse
    all_questions: bool = True  # False when a questions file could not be read: any id may exist
    dimensions: bool = True
    stages: bool = True
    levels: bool = True


def check_integrity(q: Questionnaire, known: Known | None = None) -> list[Found]:
    """Cross-reference problems; with ``known``, only those the broken parts cannot have caused."""
    known = known or Known()
    found = list(_ids(q, known))
    if found:  # with a duplicate id every reference to it is ambiguous; report only the duplicates
        return found
    for check in (_dimensions, _questions, _cycles, _stages, _levels, _rules):
        found.extend(check(q, known))
    if known.dimensions and known.all_questions:
        found.extend(check_systems(q))
    return found


def _duplicates(kind: str, section: str, ids: Iterable[tuple[int, str]], key: str = "id") -> Iterator[Found]:
    seen: dict[str, int] = {}
    for index, value in ids:
        if value in seen:
            yield (section, index, key), f"duplicate {kind} id {value!r}"
        seen.setdefault(value, index)


def _ids(q: Questionnaire, known: Known) -> Iterator[Found]:
    yield from _duplicates("dimension", "dimension", enumerate(d.id for d in q.dimensions))
    yield from _duplicates("question", "question", enumerate(x.id for x in q.questions))
    yield from _duplicates("level", "level", enumerate(level.id for level in q.levels))
    yield from _duplicates("rule", "rule", enumerate(r.id for r in q.rules))
    risks = [(i, r.id) for i, s in enumerate(q.stages) for r in s.risks]
    yield from _duplicates("risk", "stage", risks, "risks")
    disciplines = [(i, d.id) for i, s in enumerate(q.stages) for d in s.disciplines]
    yield from _duplicates("discipline", "stage", disciplines, "disciplines")


def _dimensions(q: Questionnaire, known: Known) -> Iterator[Found]:
    if not known.dimensions:
        return
    used = {x.dimension for x in q.questions} | known.question_dimensions
    for i, dim in enumerate(q.dimensions):
        if dim.id not in used and known.all_questions:
            yield ("dimension", i, "id"), f"dimension {dim.id!r} has no questions (add questions/{dim.id}.yaml)"
    declared = ", ".join(q.dimension_by_id)
    for i, question in enumerate(q.questions):
        if question.dimension not in q.dimension_by_id:
            yield ("question", i, "id"), f"dimension {question.dimension!r} is not declared; declared: {declared}"


def _questions(q: Questionnaire, known: Known) -> Iterator[Found]:
    for i, question in enumerate(q.questions):
        revived = sorted(set(question.retired_options) & set(question.option_ids))
        if revived:
            yield ("question", i, "retired_options"), f"{', '.join(revived)}: retired, yet still an option; remove one"
        if question.applies_when is None:
            continue
        where: Where = ("question", i, "applies_when")
        yield from _condition(q, known, question.applies_when, where, allow_placement=False)
        if not is_monotone(question.applies_when):
            yield (
                where,
                "applies_when may use only at_least, all_of and any_of: a better answer must never hide a question",
            )


def _cycles(q: Questionnaire, known: Known) -> Iterator[Found]:
    """applies_when may not depend, directly or through others, on the question itself.

    This is also what keeps every stage and level reachable: criteria and applies_when
    use only ``at_least``, so with the most mature answer everywhere every condition
    holds, every question applies and every criterion is met, unless a cycle skips one.
    """
    needs = {
        x.id: {a.question for a in atoms(x.applies_when) if isinstance(a, QuestionAtom) and a.question in q.by_id}
        for x in q.questions
        if x.applies_when is not None
    }
    for i, question in enumerate(q.questions):
        seen: set[str] = set()
        todo = list(needs.get(question.id, ()))
        while todo:
            current = todo.pop()
            if current == question.id:
                yield (
                    ("question", i, "applies_when"),
                    f"applies_when of {question.id!r} depends on itself through other questions",
                )
                break
            if current not in seen:
                seen.add(current)
                todo.extend(needs.get(current, ()))


def _condition(q: Questionnaire, known: Known, cond: Condition, where: Where, allow_placement: bool) -> Iterator[Found]:
    for atom in atoms(cond):
        if isinstance(atom, PlacementAtom):
            if not allow_placement:
                yield where, "stage_*/level_* conditions are only allowed in consistency rules"
                continue
            for level in (atom.level_at_least, atom.level_at_most):
                if level is not None and known.levels and level not in q.level_rank:
                    yield where, f"unknown level {level!r}; choose one of: {', '.join(q.level_rank)}"
            for stage in (atom.stage_at_least, atom.stage_at_most):
                if stage is not None and known.stages and not q.stages[0].number <= stage <= q.top_stage:
                    yield where, f"stage {stage} does not exist; stages run {q.stages[0].number} to {q.top_stage}"
            continue
        yield from _reference(q, known, atom.question, atom.option, where)


def _reference(q: Questionnaire, known: Known, qid: str, option: str | None, where: Where) -> Iterator[Found]:
    question = q.by_id.get(qid)
    if question is None:
        if known.all_questions and qid not in known.broken_questions:
            yield where, f"unknown question {qid!r}"
    elif option is not None and option not in question.option_ids:
        yield where, f"{option!r} is not an option of {qid!r}; choose one of: {', '.join(question.option_ids)}"


def _criteria(
    q: Questionnaire, known: Known, section: str, index: int, criteria: tuple[Criterion, ...]
) -> Iterator[Found]:
    seen: set[str] = set()
    for k, criterion in enumerate(criteria):
        where: Where = (section, index, "criteria", k)
        yield from _reference(q, known, criterion.question, criterion.at_least, where)
        for j, reading in enumerate(criterion.alternatives):
            yield from _reference(q, known, reading.question, reading.at_least, (*where, "alternatives", j))
        # a criterion's own question and its readings for every team name it; a reading for one kind of
        # system may ask the same question as another criterion's (the index: built, then refreshed)
        named = [criterion.question, *(r.question for r in criterion.alternatives if r.kind is None)]
        for qid in dict.fromkeys(named):
            if qid in seen:
                yield where, f"question {qid!r} appears twice in these criteria"
            seen.add(qid)


def _stages(q: Questionnaire, known: Known) -> Iterator[Found]:
    for i, stage in enumerate(q.stages):
        if stage.number != i:
            yield ("stage", i, "number"), f"stages must be numbered 0, 1, 2, ... in order; expected {i}"
        if i == 0 and stage.criteria:
            yield ("stage", i, "criteria"), "stage 0 is where every team starts: it takes no criteria"
        if i > 0 and not stage.criteria:
            yield ("stage", i, "criteria"), f"stage {stage.number} has no entry criteria"
        elif i > 0 and all(c.role == "supporting" for c in stage.criteria):
            yield (
                ("stage", i, "criteria"),
                f"stage {stage.number} has no defining criterion: give at least one `role: defining` "
                "(what the stage is), or supporting basics could never hold the team back",
            )
        if i > 0 and not stage.risks:
            yield ("stage", i), f"stage {stage.number} has no risks"
        if i > 0 and not stage.disciplines:
            yield ("stage", i), f"stage {stage.number} has no disciplines"
        yield from _criteria(q, known, "stage", i, stage.criteria)
        risk_ids = {r.id for r in stage.risks}
        for k, risk in enumerate(stage.risks):
            for qid in risk.questions:
                yield from _reference(q, known, qid, None, ("stage", i, "risks", k, "questions"))
            if risk.when is not None:
                yield from _condition(q, known, risk.when, ("stage", i, "risks", k, "when"), allow_placement=False)
        for k, discipline in enumerate(stage.disciplines):
            for rid in discipline.addresses:
                if rid not in risk_ids:
                    choices = ", ".join(sorted(risk_ids))
                    yield (
                        ("stage", i, "disciplines", k, "addresses"),
                        f"risk {rid!r} is not a risk of stage {stage.number}; choose one of: {choices}",
                    )
            for qid in discipline.improves:
                yield from _reference(q, known, qid, None, ("stage", i, "disciplines", k, "improves"))


def _levels(q: Questionnaire, known: Known) -> Iterator[Found]:
    if q.levels and q.levels[0].criteria:
        yield ("level", 0, "criteria"), "the first level is where every team starts: it takes no criteria"
    for i, level in enumerate(q.levels):
        if i > 0 and not level.criteria:
            yield ("level", i, "criteria"), f"level {level.id!r} has no entry criteria"
        yield from _criteria(q, known, "level", i, level.criteria)


def _rules(q: Questionnaire, known: Known) -> Iterator[Found]:
    for i, rule in enumerate(q.rules):
        yield from _condition(q, known, rule.when, ("rule", i, "when"), allow_placement=True)
