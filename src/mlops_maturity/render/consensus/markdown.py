"""``consensus --format markdown``: the team, each respondent, and where they disagree, for a wiki or a PR."""

from __future__ import annotations

from mlops_maturity.engine.respondents.view import ConsensusView
from mlops_maturity.render import respondents as words
from mlops_maturity.render.markdown import BLANK, Markdown, code, join, md
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.wording import number


def render(view: ConsensusView, options: RenderOptions) -> Markdown:
    v = view
    arrow = "→" if options.unicode else "->"
    t, s = v.team_placement, v.span
    lines = [
        md("# {}: where the team stands, and where it disagrees", v.team)
        if v.team
        else md("# Where the team disagrees"),
        BLANK,
        md(
            "Questionnaire {} version {}{}. The team answers merge {} respondents: {}.",
            code(v.questionnaire.id),
            v.questionnaire.version,
            md(", assessed on {}", v.assessed_on) if v.assessed_on else md(""),
            len(v.respondents),
            v.rule,
        ),
        BLANK,
        md("| | Stage | Level | Overall score | Answered | Don't know |"),
        md("|---|---|---|---:|---:|---:|"),
        md(
            "| **Team** | **{} · {}** | **{}** | **{}** | {} | {} |",
            t.stage,
            t.stage_name,
            t.level_name,
            number(t.overall_score),
            t.answered,
            t.unknown,
        ),
    ]
    for r in v.respondents:
        lines.append(
            md(
                "| {} | {} · {} | {} | {} | {} | {} |",
                _who(r.name, r.role),
                r.stage,
                r.stage_name,
                r.level_name,
                number(r.overall_score),
                r.answered,
                r.unknown,
            )
        )
    levels = s.level_low_name if s.level_low == s.level_high else md("{} to {}", s.level_low_name, s.level_high_name)
    lines += [
        BLANK,
        md("Each respondent's own answers place the team at {}, {}.", words.stages(s.stage_low, s.stage_high), levels),
        BLANK,
        md("## Where the team disagrees"),
        BLANK,
        _extent(v),
    ]
    for i, d in enumerate(v.disagreements, 1):
        lines += [
            BLANK,
            md("### {}. {} ({})", i, d.title, code(d.question)),
            BLANK,
            md("{}; {}. Team answer: **{}**.", words.how(d).capitalize(), words.moves(d, arrow), d.team_label),
            BLANK,
        ]
        for a in d.answers:
            if a.evidence:
                lines.append(md("- **{}**: {}: “{}”", a.respondent, a.label, a.evidence))
            else:
                lines.append(md("- **{}**: {}", a.respondent, a.label))
    if v.written:
        lines += [BLANK, md("Team answers written to {}.", code(v.written))]
    if v.notes:
        lines += [BLANK, *(md("> Note: {}", n) for n in v.notes)]
    return md("{}\n", join(lines))


def _extent(v: ConsensusView) -> Markdown:
    extent = words.extent(len(v.disagreements), v.questions_answered, v.disagreement_index)
    if not v.disagreements:
        return md("{}", extent)
    return md(
        "{} Most decisive first: what each one moves, from its most pessimistic to its most optimistic answer.", extent
    )


def _who(name: str, role: str | None) -> Markdown:
    return md("{} ({})", name, role) if role else md("{}", name)
