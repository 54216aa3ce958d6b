"""``score --format markdown``: the compact summary a CI job page shows (also GitHub's step summary)."""

from __future__ import annotations

from mlops_maturity.engine.model.disagreements import Respondents
from mlops_maturity.engine.model.repository_evidence import RepositoryEvidence
from mlops_maturity.engine.model.result import Result
from mlops_maturity.render import headline, verdicts
from mlops_maturity.render import respondents as words
from mlops_maturity.render.markdown import BLANK, Markdown, code, join, md
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport

MAX_GAPS = 5


def render(report: ScoreReport, options: RenderOptions) -> Markdown:
    result = report.result
    arrow = md("→") if options.unicode else md("->")
    team = md("{}", result.team) if result.team else md("(team not named)")
    first = [line for w in report.warnings_first for line in (md("> **Warning:** {}", w), BLANK)]
    lines = [md("## MLOps maturity: {}", team), BLANK, *first, *_headline(result, options)]
    if result.respondents is not None:
        lines += [BLANK, *_disagreements(result.respondents, arrow)]
    if report.checks:
        lines += [BLANK, md("| Threshold | Result | Detail |"), md("| --- | --- | --- |")]
        for check in report.checks:
            if check.passed:
                mark = md("✅ pass") if options.unicode else md("pass")
            else:
                mark = md("❌ fail") if options.unicode else md("FAIL")
            lines.append(md("| {} | {} | {} |", code(check.id), mark, check.message))
    lines += [BLANK, md("| Capability | Score |"), md("| --- | ---: |")]
    for dim in result.dimensions:
        lines.append(md("| {} | {} |", dim.title, md("n/a") if dim.score is None else md("{:g}", dim.score)))
    if result.gaps:
        lines += [BLANK, md("**Top gaps to stage {}**", result.target_stage), BLANK]
        for i, gap in enumerate(result.gaps[:MAX_GAPS], 1):
            lines.append(
                md(
                    "{}. {} ({}): {} {} {}",
                    i,
                    gap.title,
                    code(gap.question),
                    headline.current(gap),
                    arrow,
                    gap.required_label,
                )
            )
        if len(result.gaps) > MAX_GAPS:
            lines.append(md("{} more in {}.", len(result.gaps) - MAX_GAPS, code("mlops-maturity score --format json")))
    if result.repository is not None:
        lines += [BLANK, *_repository(result.repository)]
    if result.warnings:
        count = len(result.warnings)
        noun = md("warnings") if count != 1 else md("warning")
        lines += [BLANK, md("{} {}: answers that contradict each other or were ignored.", count, noun)]
    ref = result.questionnaire
    lines += [BLANK, md("<sub>Questionnaire {} {}</sub>", ref.id, ref.version)]
    return md("{}\n", join(lines))


def _disagreements(r: Respondents, arrow: Markdown) -> list[Markdown]:
    """A team file merged by ``consensus``: who answered, and the five disagreements that matter most."""
    lines = [
        md("{} {}", words.headline(r), words.extent(len(r.disagreements), r.questions_answered, r.disagreement_index))
    ]
    if not r.disagreements:
        return lines
    lines += [BLANK, md("**Where the team disagrees** (most decisive first)"), BLANK]
    lines += [
        md(
            "{}. {} ({}): {}; {}. {}",
            i,
            d.title,
            code(d.question),
            words.how(d),
            words.moves(d, arrow),
            words.answered(d),
        )
        for i, d in enumerate(r.disagreements[: words.TOP], 1)
    ]
    if len(r.disagreements) > words.TOP:
        lines.append(md("{} more in {}.", len(r.disagreements) - words.TOP, code("mlops-maturity score --format json")))
    return lines


def _repository(e: RepositoryEvidence) -> list[Markdown]:
    """``--scan DIR``: refuted and exceeded answers one per line; the unverified named together."""
    lines = [md("**What the repository shows.** {}", verdicts.headline(e))]
    shown = [c for status in ("contradicted", "shows_more") for c in e.with_status(status)]
    if shown:
        lines += [BLANK, *(md("- {}", verdicts.line(c)) for c in shown[: 2 * verdicts.TOP])]
    unverified = e.with_status("unverified")
    if unverified:
        lines += [BLANK, md("No evidence in the files for: {}.", "; ".join(c.title for c in unverified))]
    return lines


def _headline(result: Result, options: RenderOptions) -> list[Markdown]:
    stage = result.stage
    if stage.next is None:
        progress = md("top stage reached")
    else:
        pct = round(stage.progress_to_next * 100)
        progress = md("{}% of the entry criteria of stage {} met", pct, stage.next.number)
    sep = md(" · ") if options.unicode else md(" - ")
    lines = [md("**{}**{}{}", headline.placement(result), sep, progress), BLANK]
    for line in (headline.stage_range(result), headline.systems(result)):
        if line:
            lines += [md("{}", line), BLANK]
    lines += [
        md(
            "**Level:** {}{}**Overall capability score:** {:g} / 100",
            headline.level_name(result),
            sep,
            result.overall_score,
        ),
        BLANK,
    ]
    detail = headline.level_range(result)
    if detail:
        lines += [md("The level is not determined: {}.", detail), BLANK]
    lines += [md("<sub>{}</sub>", headline.AXES), BLANK]
    found = headline.deciding(result)
    if found:
        lines += [md("**Find out first** (each of these decides part of what is open):"), BLANK]
        lines += [*(md("- {}", line) for line in found[:MAX_GAPS]), BLANK]
        if len(found) > MAX_GAPS:
            lines += [md("{} more in {}.", len(found) - MAX_GAPS, code("mlops-maturity score --format json")), BLANK]
    intro = headline.foundational_intro(result)
    if intro:
        lines += [md("**{}**", intro), BLANK, *(md("- {}", line) for line in headline.foundational(result)), BLANK]
    return [*lines, md("{}.", headline.counts(result))]
