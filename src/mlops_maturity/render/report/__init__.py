"""The leadership report: Markdown from Jinja templates, plus an SVG chart beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.engine.model.result import Result
from mlops_maturity.render.markdown import url_path
from mlops_maturity.render.report.chart import build_chart
from mlops_maturity.render.report.render import (
    CHART_TEMPLATE,
    REPORT_TEMPLATE,
    environment,
    render_template,
    shipped_names,
)
from mlops_maturity.render.report.template_files import unused_templates


@dataclass(frozen=True)
class Report:
    markdown: str
    svg: str | None
    unused: tuple[tuple[Path, list[str]], ...] = ()  # template files never read, with the names meant


def render_report(
    result: Result,
    *,
    chart_name: str | None = None,
    template_dir: Path | None = None,
    target_stage: int | None = None,
) -> Report:
    """Render the report; with ``chart_name`` the Markdown links the SVG by that file name.

    ``target_stage`` is the stage the user asked to plan for; the result holds
    the stage actually planned for, which differs when the team is already there.
    """
    chart_file = url_path(chart_name) if chart_name is not None else None
    env = environment(template_dir)
    steps = {item.question: number for number, item in enumerate(result.roadmap, 1)}
    markdown = render_template(
        env,
        REPORT_TEMPLATE,
        {"result": result, "chart_file": chart_file, "target_requested": target_stage, "steps": steps},
    )
    svg = None
    if chart_name is not None:
        svg = render_template(
            environment(template_dir, svg=True),
            CHART_TEMPLATE,
            {"result": result, "chart": build_chart(result)},
        )
    if env.user_templates is None:
        return Report(markdown=markdown, svg=svg)
    unused = unused_templates(env.user_templates.folder, env.user_templates.loaded, shipped_names())
    return Report(markdown=markdown, svg=svg, unused=tuple(unused))
