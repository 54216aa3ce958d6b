"""``mlops-maturity portfolio``: many teams' answers files rolled up into one organisation view."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.choices import PortfolioFormat
from mlops_maturity.cli.options.paths import check_output_file, make_folder_for
from mlops_maturity.cli.options.thresholds import parse_thresholds
from mlops_maturity.cli.output import BAD_INPUT, BELOW_THRESHOLD, OK, Output
from mlops_maturity.engine.organisation.rollup import roll_up
from mlops_maturity.errors import UsageError
from mlops_maturity.files.portfolio.reader import answers_files, read_rows
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.writing import write_atomic
from mlops_maturity.render.formats import render_portfolio
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.terminal import color_enabled, unicode_ok, width


@dataclass(frozen=True)
class PortfolioOptions:
    fmt: PortfolioFormat | None = None  # default: markdown when writing a file, text otherwise
    out: Path | None = None
    min_stage: int | None = None
    jobs: int | None = None
    questionnaire: Path | None = None


def heatmap_path(out: Path) -> Path:
    """Where the SVG heat map goes: beside the report, ``team-report.md`` -> ``team-report-heatmap.svg``."""
    return out.with_name(f"{out.stem}-heatmap.svg")


def run(paths: list[Path], options: PortfolioOptions) -> Output:
    if not paths:
        raise UsageError("give at least one answers file or directory of answers files")
    if options.jobs is not None and options.jobs < 1:
        raise UsageError(f"--jobs {options.jobs}: give 1 or more worker processes")
    out = options.out
    if out is not None:
        check_output_file(out, "-o", "portfolio.md")
    q = load_questionnaire(options.questionnaire)
    parse_thresholds(q, options.min_stage, None, ())
    portfolio = roll_up(q, read_rows(q, answers_files(paths), options.jobs), options.min_stage)

    fmt = options.fmt or _default_format(out)
    text = fmt == PortfolioFormat.text and out is None
    # Markdown links the heat map as a file beside it; the HTML page carries it inline.
    svg = heatmap_path(out) if out is not None and fmt == PortfolioFormat.markdown else None
    rendered = render_portfolio(
        fmt,
        portfolio,
        RenderOptions(
            color=text and color_enabled(),
            width=width(),
            unicode=unicode_ok() or out is not None,
            heatmap=svg.name if svg is not None else None,
        ),
    )
    messages: list[str] = []
    if out is not None:
        make_folder_for(out, "-o", "portfolio.md")
        write_atomic(out, rendered)
        written = f"{out} and {svg}" if svg is not None else f"{out}"
        if svg is not None:
            from mlops_maturity.render.portfolio.heatmap import render_svg

            write_atomic(svg, render_svg(portfolio))
        messages.append(f"wrote {written}: {len(portfolio.teams)} teams from {portfolio.files} files")
        rendered = ""
    messages += [line for e in portfolio.errors for line in e.message.split("\n")]  # inert lines (rows.FileError)
    if not text and portfolio.below_min_stage:  # the text report shows them itself
        messages.append(f"below stage {options.min_stage}: {', '.join(portfolio.below_min_stage)}")
    if portfolio.errors:
        messages.append(
            f"{len(portfolio.errors)} of {portfolio.files} files left out, each named above with what is wrong; "
            "the others were rolled up"
        )
        code = BAD_INPUT
    else:
        code = BELOW_THRESHOLD if portfolio.below_min_stage else OK
    return Output(stdout=rendered, stderr=tuple(messages), code=code)


def _default_format(out: Path | None) -> PortfolioFormat:
    """Text for a terminal; with -o, HTML for a name ending in .html, else Markdown."""
    if out is None:
        return PortfolioFormat.text
    return PortfolioFormat.html if out.suffix.lower() in (".html", ".htm") else PortfolioFormat.markdown
