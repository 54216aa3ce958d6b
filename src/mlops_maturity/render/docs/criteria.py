"""The criteria tables of a questionnaire in Markdown: the part of ``docs/methodology.md`` generated from the YAML."""

from __future__ import annotations

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.stages import Criterion
from mlops_maturity.render.markdown import Markdown, code, join, md


def _row(q: Questionnaire, rung: Markdown, criterion: Criterion) -> Markdown:
    question = q.by_id[criterion.question]
    kinds = {k.id: k.title for k in q.system_kinds}
    also = [
        md(" or {} ({}) at least {}", q.by_id[r.question].title, code(r.question), code(r.at_least))
        for r in criterion.alternatives
        if r.kind is None
    ]
    other_kinds = sorted({kinds[r.kind] for r in criterion.alternatives if r.kind is not None})
    if other_kinds:
        also.append(md("; read for {} too (see the table of readings per kind)", ", ".join(other_kinds).lower()))
    return md(
        "| {} | {} ({}){} | {} | {} | {} ({}) | {} |",
        rung,
        question.title,
        code(question.id),
        join(also, ""),
        criterion.role,
        kinds[criterion.kind].lower() if criterion.kind is not None else md("every team"),
        question.option(criterion.at_least).label,
        code(criterion.at_least),
        criterion.source or "",
    )


def criteria_markdown(q: Questionnaire) -> Markdown:
    """Every stage and level criterion with its role, the option it needs and where it comes from."""
    lines = [
        md("Criteria of {} version {}, generated from its YAML:", code(q.id), q.version),
        md(""),
        md("| stage | question | role | for | needs at least | source |"),
        md("|---|---|---|---|---|---|"),
    ]
    for stage in q.stages[1:]:
        lines += [_row(q, md("{} {}", stage.number, stage.name), c) for c in stage.criteria]
    lines += [
        md(""),
        md("| level | question | role | for | needs at least | source |"),
        md("|---|---|---|---|---|---|"),
    ]
    for level in q.levels[1:]:
        lines += [_row(q, md("{}", level.name), c) for c in level.criteria]
    return md("{}\n", join(lines))
