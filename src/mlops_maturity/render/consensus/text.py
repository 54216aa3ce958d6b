"""``consensus --format text``: the team, each respondent, and where they disagree, for a terminal."""

from __future__ import annotations

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlops_maturity.engine.respondents.view import ConsensusView
from mlops_maturity.render import respondents as words
from mlops_maturity.render.console import console, hanging, together, without_trailing_blanks
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.wording import number, plural

MAX_SHOWN = 20
TABLE_WIDTH = 64  # narrower, the table of respondents would cut its last columns off


def render(view: ConsensusView, options: RenderOptions) -> str:
    v = view
    out, buffer = console(options)
    arrow, sep, dot, (opening, closing) = ("→", "·", "•", "“”") if options.unicode else ("->", "-", "*", '""')
    date = "  " + together(f"{sep}  {v.assessed_on}") if v.assessed_on else ""
    ref = together(f"{sep}  {v.questionnaire.id} {v.questionnaire.version}")
    out.print(Text.assemble((v.team or "(team not named)", "bold"), f"  {ref}{date}"))
    out.print(f"Team answers merged from {plural(len(v.respondents), 'respondent')}: {v.rule}.")
    out.print()
    t = v.team_placement
    out.print(
        Text.assemble(
            "Team placement: ",
            (f"stage {t.stage}", "bold cyan"),
            f" ({t.stage_name}) {sep} ",
            (t.level_name, "bold magenta"),
            f" {sep} ",
            together(f"overall {number(t.overall_score)} / 100"),
        )
    )
    s = v.span
    levels = s.level_low_name if s.level_low == s.level_high else f"{s.level_low_name} to {s.level_high_name}"
    out.print(f"Each respondent alone: {words.stages(s.stage_low, s.stage_high)}, {levels}")
    if options.width >= TABLE_WIDTH:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, padding=(0, 1, 0, 2))
        table.add_column("Respondent", overflow="fold")
        for title in ("Stage", "Level", "Score", "Don't know"):
            table.add_column(title, no_wrap=True, justify="right" if title != "Level" else "left")
        for r in v.respondents:
            table.add_row(_who(r.name, r.role), str(r.stage), r.level_name, number(r.overall_score), str(r.unknown))
        out.print(table)
    else:  # a table would drop its last columns: one line each, every value named
        for r in v.respondents:
            parts = (f"stage {r.stage}", r.level_name, f"overall {number(r.overall_score)}", f"{r.unknown} don't know")
            said = ", ".join(together(part) for part in parts)
            out.print(hanging(f"  {dot} ", Text.assemble((_who(r.name, r.role), "bold"), ": ", said)))
    out.print()
    out.print(Text(words.extent(len(v.disagreements), v.questions_answered, v.disagreement_index), style="bold"))
    for i, d in enumerate(v.disagreements[:MAX_SHOWN], 1):
        out.print(hanging(f" {i:>2}. ", Text.assemble((d.title, "bold"), f" ({d.question}): ", together(words.how(d)))))
        body = [f"{words.moves(d, arrow)}; team answer: {d.team_label}"]
        for a in d.answers:
            said = f"{a.respondent}: {a.label}"
            body.append(f"{said}: {opening}{a.evidence}{closing}" if a.evidence else said)
        out.print(Padding(Text("\n".join(body)), (0, 0, 0, 6), expand=False))
    if len(v.disagreements) > MAX_SHOWN:
        out.print(f"  ... and {len(v.disagreements) - MAX_SHOWN} more (see --format json or markdown)")
    if v.written:
        out.print()
        out.print(f"Team answers written to {v.written}; every command reads it, e.g. mlops-maturity score {v.written}")
    for note in v.notes:
        out.print(hanging("note: ", Text(note, style="dim")))
    return without_trailing_blanks(buffer.getvalue())


def _who(name: str, role: str | None) -> str:
    return f"{name} ({role})" if role else name
