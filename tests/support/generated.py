"""Every file the project generates from its own code and data, and how each is made.

``scripts/regenerate.py`` writes them; ``tests/content/test_generated.py`` only checks that each
file in the repository is what its maker makes now (OpenSSF Scorecard's generate/validate split).
A maker is a function of nothing: it sets up what it needs (a questionnaire, a temporary folder,
the terminal's width) itself, so the generator and the check cannot see different outputs.

Paths are relative to the repository's root. A ``Section`` is the part of a file between two
marker lines; the rest of that file is written by hand.
"""

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.organisation.portfolio import Portfolio
from mlops_maturity.engine.scoring.gates import Thresholds
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.report import Report, render_report

from support import DATA, EXAMPLES, ROOT, SCAN_ANSWERS, SCAN_REPO, SCANQ, TINY
from support.artefact import Artefact, cli_output
from support.generated_docs import docs_and_data
from support.generated_survey import survey

# --- help pages ------------------------------------------------------------------------------------


def _help(command: str) -> Callable[[], str]:
    return lambda: cli_output(*([command] if command else []), "--help")


def help_pages() -> list[Artefact]:
    from mlops_maturity.cli.app import COMMANDS

    names = ["", *(c.__name__ for c in COMMANDS)]
    return [Artefact(f"tests/golden/help/{name or 'root'}.txt", _help(name)) for name in names]


# --- reports -----------------------------------------------------------------------------------------

REPORT_TEAMS = ("pilot", "fraud", "platform")
SHIPPED_REPORTS = (
    "stage1-pilot",
    "stage3-platform-serving",
    "stage5-full-automation",
    "stage3-llm-rag-assistant",
    "stage3-mixed-forecasts-and-llm",
)
SAMPLE_REPORT = "stage3-platform-serving"
# Samples in docs/sample-report/: a team of trained models, a RAG assistant, and a team that runs both kinds.
SAMPLE_REPORTS = (SAMPLE_REPORT, "stage3-llm-rag-assistant", "stage3-mixed-forecasts-and-llm")


def team_report(team: str) -> Report:
    q = load_questionnaire(DATA / "questionnaires" / "report")
    return render_report(assess(q, load_answers(DATA / "report" / f"{team}.yaml", q)), chart_name=f"{team}.svg")


def shipped_report(example: str, chart_name: str | None = None) -> Report:
    q = load_questionnaire()
    return render_report(
        assess(q, load_answers(EXAMPLES / f"{example}.yaml", q)), chart_name=chart_name or f"{example}.svg"
    )


def _svg(report: Callable[[], Report]) -> Callable[[], str]:
    def make() -> str:
        svg = report().svg
        assert svg is not None
        return svg

    return make


def reports() -> list[Artefact]:
    out = []
    for team in REPORT_TEAMS:
        out += [
            Artefact(f"tests/golden/report/{team}.md", lambda t=team: team_report(t).markdown),  # type: ignore[misc]
            Artefact(f"tests/golden/report/{team}.svg", _svg(lambda t=team: team_report(t))),  # type: ignore[misc]
        ]
    for example in SHIPPED_REPORTS:
        md, svg = f"tests/golden/report/shipped/{example}.md", f"tests/golden/report/shipped/{example}.svg"
        out += [
            Artefact(md, lambda e=example: shipped_report(e).markdown),  # type: ignore[misc]
            Artefact(svg, _svg(lambda e=example: shipped_report(e))),  # type: ignore[misc]
        ]
    for example in SAMPLE_REPORTS:
        sample = f"docs/sample-report/{example}"
        out += [
            Artefact(f"{sample}.md", lambda e=example: shipped_report(e).markdown),  # type: ignore[misc]
            Artefact(f"{sample}.svg", _svg(lambda e=example: shipped_report(e))),  # type: ignore[misc]
        ]
    return out


# --- score formats on the tiny questionnaire -----------------------------------------------------------


def _tiny_score(fmt: str, thresholds: Thresholds) -> Callable[[], str]:
    def make() -> str:
        from mlops_maturity.choices import ScoreFormat
        from mlops_maturity.render.formats import render_score

        from support.reports import PARTIAL, report_for

        report = report_for(load_questionnaire(TINY), PARTIAL, thresholds)
        return render_score(ScoreFormat(fmt), report, RenderOptions())

    return make


def score_formats() -> list[Artefact]:
    gates = Thresholds(min_stage=2, min_level="low")
    return [
        Artefact("tests/golden/score-tiny-partial.github.txt", _tiny_score("github", Thresholds(min_stage=2))),
        Artefact("tests/golden/score-tiny-partial.md", _tiny_score("markdown", gates)),
        Artefact("tests/golden/score-tiny-partial.junit.xml", _tiny_score("junit", gates)),
    ]


# --- portfolio -------------------------------------------------------------------------------------------


def org_portfolio() -> Portfolio:
    """The portfolio of ``tests/data/portfolio``, its paths relative to the repository whatever the checkout."""
    from mlops_maturity.engine.organisation.rollup import roll_up
    from mlops_maturity.files.portfolio.reader import discover, read_rows

    q = load_questionnaire(DATA / "questionnaires" / "org")
    files = discover([DATA / "portfolio" / "org", DATA / "portfolio" / "broken"])
    p = roll_up(q, read_rows(q, files), min_stage=1)
    return Portfolio.model_validate_json(p.model_dump_json().replace(str(DATA) + "/", "tests/data/"))


def _portfolio(fmt: str, options: RenderOptions) -> Callable[[], str]:
    def make() -> str:
        from mlops_maturity.choices import PortfolioFormat
        from mlops_maturity.render.formats import render_portfolio

        return render_portfolio(PortfolioFormat(fmt), org_portfolio(), options)

    return make


def _heatmap() -> str:
    from mlops_maturity.render.portfolio.heatmap import render_svg

    return render_svg(org_portfolio())


def portfolio() -> list[Artefact]:
    return [
        Artefact("tests/golden/portfolio.txt", _portfolio("text", RenderOptions(width=100))),
        Artefact("tests/golden/portfolio-ascii-60.txt", _portfolio("text", RenderOptions(width=60, unicode=False))),
        Artefact("tests/golden/portfolio.md", _portfolio("markdown", RenderOptions(heatmap="portfolio-heatmap.svg"))),
        Artefact("tests/golden/portfolio.json", _portfolio("json", RenderOptions())),
        Artefact("tests/golden/portfolio-heatmap.svg", _heatmap),
    ]


# --- commands run on test data ----------------------------------------------------------------------------

SCAN_ANNOTATIONS = """\
annotations:
  - probes: [dockerfile]
    reason: "The Dockerfile serves a demo, not the model"
  - paths: ["docs/**"]
    action: weak
    reason: Docs are docs
  - probes: [tracking-calls]
    paths: ["nowhere/**"]
    reason: matches nothing
"""
SCAN_SUFFIXES = {"text": "txt", "json": "json", "markdown": "md", "github": "github.txt", "sarif": "sarif.json"}


def _scan(fmt: str, verdicts: bool) -> Callable[[], str]:
    """``scan`` of a copy of the fixture repository named ``repo`` (so no folder of this machine shows)."""

    def make() -> str:
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(SCAN_REPO, Path(tmp) / "repo")
            extra: list[str] = []
            if verdicts:
                (Path(tmp) / "repo" / ".mlops-maturity.yaml").write_text(SCAN_ANNOTATIONS, encoding="utf-8")
                (Path(tmp) / "answers.yaml").write_text(SCAN_ANSWERS, encoding="utf-8")
                extra = ["--answers", "answers.yaml"]
            return cli_output("scan", "repo", "--format", fmt, *extra, "--questionnaire", SCANQ, cwd=Path(tmp))

    return make


def _compare(fmt: str) -> Callable[[], str]:
    before, after = DATA / "compare" / "before.yaml", DATA / "compare" / "after.yaml"
    return lambda: cli_output(
        "compare", before, after, "--questionnaire", DATA / "questionnaires" / "org", "--format", fmt
    )


def _consensus(fmt: str) -> Callable[[], str]:
    respondents = sorted((EXAMPLES / "consensus" / "respondents").glob("*.yaml"))
    relative = [p.relative_to(ROOT) for p in respondents]  # relative names keep this machine's folders out
    return lambda: cli_output("consensus", *relative, "--format", fmt, cwd=ROOT)


def commands() -> list[Artefact]:
    out = []
    for fmt, suffix in SCAN_SUFFIXES.items():
        out.append(Artefact(f"tests/golden/scan/basic.{suffix}", _scan(fmt, verdicts=False)))
        out.append(Artefact(f"tests/golden/scan/verdicts.{suffix}", _scan(fmt, verdicts=True)))
    for fmt, suffix in (("text", "txt"), ("markdown", "md"), ("json", "json")):
        out.append(Artefact(f"tests/golden/compare.{suffix}", _compare(fmt)))
        out.append(Artefact(f"tests/golden/consensus/example.{suffix}", _consensus(fmt)))
    return out


def artefacts() -> list[Artefact]:
    """Every generated file, in the order ``scripts/regenerate.py`` writes them."""
    return [*docs_and_data(), *help_pages(), *reports(), *score_formats(), *portfolio(), *commands(), *survey()]
