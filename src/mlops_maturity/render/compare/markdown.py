"""``compare --format markdown``: the change between two assessments, for a pull request or a wiki."""

from __future__ import annotations

from mlops_maturity.engine.compare import Comparison
from mlops_maturity.render.markdown import code, escape
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.wording import signed


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:g}"


def render(comparison: Comparison, options: RenderOptions) -> str:
    c = comparison
    s, lv, o = c.stage, c.level, c.overall_score
    lines = [
        f"# {escape(c.team) if c.team else 'MLOps maturity'}: what changed",
        "",
        f"From {c.assessed_on.from_ or 'an undated assessment'} to {c.assessed_on.to or 'an undated assessment'}, "
        f"questionnaire {code(c.questionnaire.id)} version {c.questionnaire.version}.",
        "",
        "| | Before | Now | Change |",
        "|---|---|---|---:|",
        f"| Stage | {s.from_} · {escape(s.from_name)} | {s.to} · {escape(s.to_name)} | {signed(s.to - s.from_)} |",
        f"| Level | {escape(lv.from_name)} | {escape(lv.to_name)} | {'same' if lv.from_ == lv.to else 'changed'} |",
        f"| Overall score | {o.from_:g} | {o.to:g} | {signed(o.delta)} |",
        "",
        "## Capabilities",
        "",
        "| Dimension | Before | Now | Change |",
        "|---|---:|---:|---:|",
        *(
            f"| {escape(d.title)} | {_score(d.from_)} | {_score(d.to)} | "
            f"{'n/a' if d.delta is None else signed(d.delta)} |"
            for d in c.dimensions
        ),
    ]
    for title, gaps in (("Gaps closed", c.gaps_closed_detail), ("Gaps opened", c.gaps_opened_detail)):
        lines += ["", f"## {title}", ""]
        if not gaps:
            lines.append("None.")
        for g in gaps:
            lines.append(
                f"- {escape(g.title)} ({code(g.question)}): stage {g.stage} asks for {escape(g.required_label)}"
            )
    lines += ["", "## Changed answers", ""]
    if c.changed_answers:
        lines += ["| Question | Before | Now | Direction |", "|---|---|---|---|"]
        for a in c.changed_answers:
            before = escape(a.from_label) if a.from_label else "not in this version"
            after = escape(a.to_label) if a.to_label else "not in this version"
            lines.append(f"| {escape(a.title)} ({code(a.question)}) | {before} | {after} | {a.direction} |")
    else:
        lines.append("No answer changed.")
    if c.new_warnings or c.resolved_warnings:
        lines += ["", "## Consistency warnings", ""]
        lines += [f"- New: {escape(w)}" for w in c.new_warnings]
        lines += [f"- Resolved: {escape(w)}" for w in c.resolved_warnings]
    if c.notes:
        lines += ["", *(f"> Note: {escape(n)}" for n in c.notes)]
    return "\n".join(lines) + "\n"
