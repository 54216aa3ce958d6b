"""``compare --format text``: what moved, for a terminal."""

from __future__ import annotations

from rich.padding import Padding
from rich.text import Text

from mlops_maturity.cut import clip
from mlops_maturity.engine.organisation.compare import Comparison
from mlops_maturity.render.console import console, without_trailing_blanks
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.wording import signed


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:g}"


def render(comparison: Comparison, options: RenderOptions) -> str:
    c = comparison
    out, buffer = console(RenderOptions(color=options.color, width=options.width, unicode=options.unicode))
    arrow, up, down, dot = ("→", "↑", "↓", "•") if options.unicode else ("->", "+", "-", "*")
    dates = f"{c.assessed_on.from_ or 'undated'} {arrow} {c.assessed_on.to or 'undated'}"
    for mismatch in c.mismatches:
        out.print(Text(f"warning: {mismatch}", style="bold yellow"))
    out.print(
        Text.assemble(
            (c.team or "(team not named)", "bold"), f"  {dates}  ({c.questionnaire.id} {c.questionnaire.version})"
        )
    )
    s = c.stage
    moved = s.to - s.from_
    style = "bold green" if moved > 0 else "bold red" if moved < 0 else "bold"
    out.print(
        Text.assemble(
            "Stage: ", f"{s.from_} {s.from_name} {arrow} ", (f"{s.to} {s.to_name}", style), f"  ({signed(moved)})"
        )
    )
    out.print(Text.assemble("Level: ", f"{c.level.from_name} {arrow} ", (c.level.to_name, "bold")))
    o = c.overall_score
    out.print(f"Overall capability score: {o.from_:g} {arrow} {o.to:g}  ({signed(o.delta)})")
    changed = [d for d in c.dimensions if d.from_ != d.to]
    if changed:
        out.print()
        out.print(Text("Capabilities that moved:", style="bold"))
        width = min(options.width - 30, max(len(d.title) for d in changed))
        for d in changed:
            delta = "" if d.delta is None else f"  ({signed(d.delta)})"
            title = clip(d.title, width, options.unicode)
            out.print(f"  {title:<{width}}  {_score(d.from_):>5} {arrow} {_score(d.to):>5}{delta}")
        if len(changed) < len(c.dimensions):
            out.print(f"  ({len(c.dimensions) - len(changed)} unchanged)")
    for title, gaps, mark, mark_style in (
        ("Gaps closed (criteria met now):", c.gaps_closed_detail, up, "green"),
        ("Gaps opened (criteria met before, missed now):", c.gaps_opened_detail, down, "red"),
    ):
        if gaps:
            out.print()
            out.print(Text(title, style="bold"))
            for g in gaps:
                out.print(Text.assemble("  ", (mark, mark_style), " ", (g.title, "bold"), f" ({g.question})"))
                out.print(Padding(Text(f"stage {g.stage} asks for: {g.required_label}"), (0, 0, 0, 4), expand=False))
    if c.changed_answers:
        out.print()
        out.print(Text(f"Changed answers ({len(c.changed_answers)}):", style="bold"))
        for a in c.changed_answers:
            mark, mark_style = {"up": (up, "green"), "down": (down, "red")}.get(a.direction, (dot, ""))
            out.print(Text.assemble("  ", (mark, mark_style), " ", (a.title, "bold"), f" ({a.question})"))
            before, after = a.from_label or "not in this version", a.to_label or "not in this version"
            out.print(Padding(Text(f"{before} {arrow} {after}"), (0, 0, 0, 4), expand=False))
    else:
        out.print()
        out.print("No answer changed.")
    for title, warnings, style in (
        ("New warnings:", c.new_warnings, "yellow"),
        ("Warnings resolved:", c.resolved_warnings, "green"),
    ):
        if warnings:
            out.print()
            out.print(Text(title, style=f"bold {style}"))
            for w in warnings:
                out.print(Text(f"  ! {w}", style=style))
    for note in c.notes:
        out.print(Text(f"note: {note}", style="dim"))
    return without_trailing_blanks(buffer.getvalue())
