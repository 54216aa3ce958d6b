"""The tables of ``docs/methodology.md``'s "LLM systems" section, generated from the questionnaire's YAML.

Which questions each kind of system is asked, and every stage criterion that reads differently for some
kind, each reading with the source it follows. ``scripts/regenerate.py`` writes them between their
markers; ``tests/content/test_generated.py`` checks they are current, so the page cannot drift from the
data. (Kept beside the other makers until the docs renderers take it in.)
"""

from __future__ import annotations

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.stages import Criterion, Reading
from mlops_maturity.render.markdown import Markdown, code, join, md


def _kinds(q: Questionnaire, ids: tuple[str, ...]) -> Markdown:
    titles = {k.id: k.title for k in q.system_kinds}
    return join((md("{} ({})", titles[k], code(k)) for k in ids), md(" or "))


def _asked(q: Questionnaire) -> list[Markdown]:
    """Each set of kinds a question can be tagged with, and the questions tagged so."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for question in q.questions:
        if not question.scope:
            groups.setdefault(question.systems, []).append(question.id)
    order = {k.id: i for i, k in enumerate(q.system_kinds)}
    lines = [md("| asked of a team that runs | questions |"), md("|---|---|")]
    for kinds, ids in sorted(groups.items(), key=lambda pair: (len(pair[0]), [order[k] for k in pair[0]])):
        who = _kinds(q, kinds) if kinds else md("any kind (every team)")
        lines.append(md("| {} | {} |", who, join((code(i) for i in ids), md(", "))))
    return lines


def _reading(q: Questionnaire, rung: Markdown, criterion: Criterion, reading: Reading | Criterion) -> Markdown:
    question = q.by_id[reading.question]
    titles = {k.id: k.title for k in q.system_kinds}
    return md(
        "| {} | {} | {} | {} | {} ({}): {} ({}) | {} |",
        rung,
        criterion.source or "",
        criterion.role,
        titles[reading.kind] if reading.kind is not None else "every team",
        question.title,
        code(question.id),
        question.option(reading.at_least).label,
        code(reading.at_least),
        reading.source if reading is not criterion and reading.source else md("the criterion itself"),
    )


def _readings(q: Questionnaire) -> list[Markdown]:
    lines = [
        md("| stage | criterion, from seed 000 | role | for | needs at least | this reading follows |"),
        md("|---|---|---|---|---|---|"),
    ]
    for stage in q.stages[1:]:
        rung = md("{} {}", stage.number, stage.name)
        for criterion in stage.criteria:
            if all(r.kind is None for r in criterion.readings):
                continue
            lines += [_reading(q, rung, criterion, r) for r in criterion.readings]
    return lines


def llm_tables(q: Questionnaire) -> Markdown:
    """The two generated tables of the "LLM systems" section."""
    lines = [
        md("Generated from {} version {}. Which questions each kind of system is asked:", code(q.id), q.version),
        md(""),
        *_asked(q),
        md(""),
        md("Stage criteria that read differently for some kinds of system, each reading with what it follows:"),
        md(""),
        *_readings(q),
    ]
    return md("{}\n", join(lines))
