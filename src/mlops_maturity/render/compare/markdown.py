"""``compare --format markdown``: the change between two assessments, for a pull request or a wiki."""

from __future__ import annotations

from mlops_maturity.engine.organisation.compare import Comparison
from mlops_maturity.render.markdown import BLANK, Markdown, code, join, md
from mlops_maturity.render.options import RenderOptions


def _signed(value: float) -> Markdown:
    """``+3``, ``-1.5``, ``0``: a change with its sign."""
    return md("{:+g}", value) if value else md("0")


def _score(value: float | None) -> Markdown:
    return md("n/a") if value is None else md("{:g}", value)


def render(comparison: Comparison, options: RenderOptions) -> Markdown:
    c = comparison
    s, lv, o = c.stage, c.level, c.overall_score
    undated = "an undated assessment"
    lines = [
        md("# {}: what changed", c.team) if c.team else md("# MLOps maturity: what changed"),
        BLANK,
        *(line for m in c.mismatches for line in (md("> **Warning:** {}", m), BLANK)),
        md(
            "From {} to {}, questionnaire {} version {}.",
            c.assessed_on.from_ or undated,
            c.assessed_on.to or undated,
            code(c.questionnaire.id),
            c.questionnaire.version,
        ),
        BLANK,
        md("| | Before | Now | Change |"),
        md("|---|---|---|---:|"),
        md("| Stage | {} · {} | {} · {} | {} |", s.from_, s.from_name, s.to, s.to_name, _signed(s.to - s.from_)),
        md("| Level | {} | {} | {} |", lv.from_name, lv.to_name, "same" if lv.from_ == lv.to else "changed"),
        md("| Overall score | {:g} | {:g} | {} |", o.from_, o.to, _signed(o.delta)),
        BLANK,
        md("## Capabilities"),
        BLANK,
        md("| Dimension | Before | Now | Change |"),
        md("|---|---:|---:|---:|"),
        *(
            md(
                "| {} | {} | {} | {} |",
                d.title,
                _score(d.from_),
                _score(d.to),
                "n/a" if d.delta is None else _signed(d.delta),
            )
            for d in c.dimensions
        ),
    ]
    for title, gaps in ((md("Gaps closed"), c.gaps_closed_detail), (md("Gaps opened"), c.gaps_opened_detail)):
        lines += [BLANK, md("## {}", title), BLANK]
        if not gaps:
            lines.append(md("None."))
        for g in gaps:
            lines.append(md("- {} ({}): stage {} asks for {}", g.title, code(g.question), g.stage, g.required_label))
    lines += [BLANK, md("## Changed answers"), BLANK]
    if c.changed_answers:
        lines += [md("| Question | Before | Now | Direction |"), md("|---|---|---|---|")]
        for a in c.changed_answers:
            before = a.from_label or "not in this version"
            after = a.to_label or "not in this version"
            lines.append(md("| {} ({}) | {} | {} | {} |", a.title, code(a.question), before, after, a.direction))
    else:
        lines.append(md("No answer changed."))
    if c.new_warnings or c.resolved_warnings:
        lines += [BLANK, md("## Consistency warnings"), BLANK]
        lines += [md("- New: {}", w) for w in c.new_warnings]
        lines += [md("- Resolved: {}", w) for w in c.resolved_warnings]
    if c.notes:
        lines += [BLANK, *(md("> Note: {}", n) for n in c.notes)]
    return md("{}\n", join(lines))
