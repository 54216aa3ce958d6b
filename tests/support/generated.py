"""Every file the project generates from its own code and data, and how each is made.

``scripts/regenerate.py`` writes them; ``tests/content/test_generated.py`` only checks that each
file in the repository is what its maker makes now (OpenSSF Scorecard's generate/validate split).
A maker is a function of nothing: it sets up what it needs (a questionnaire, a temporary folder,
the terminal's width) itself, so the generator and the check cannot see different outputs.

Paths are relative to the repository's root. A ``Section`` is the part of a file between two
marker lines; the rest of that file is written by hand.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.cli import main
from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.organisation.portfolio import Portfolio
from mlops_maturity.engine.scoring.gates import Thresholds
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.report import Report, render_report

from support import DATA, EXAMPLES, ROOT, SCAN_ANSWERS, SCAN_REPO, SCANQ, SURVEY, TINY

PLAIN_TERMINAL = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}


@dataclass(frozen=True)
class Section:
    """The lines between ``start`` and ``end`` (markers included, unchanged) in a hand-written file."""

    start: str
    end: str


@dataclass(frozen=True)
class Artefact:
    path: str
    make: Callable[[], str]
    section: Section | None = None
    also: tuple[tuple[Section, Callable[[], str]], ...] = ()  # more generated sections of the same file

    def expected(self, current: str) -> str:
        """What the file should hold, given what it holds now (only a section's inside is generated)."""
        if self.section is None:
            return self.make()
        out = current
        for section, make in ((self.section, self.make), *self.also):
            out = self._fill(out, section, make)
        return out

    def _fill(self, current: str, section: Section, make: Callable[[], str]) -> str:
        head, found, rest = current.partition(section.start)
        _, found_end, tail = rest.partition(section.end)
        if not (found and found_end):
            raise AssertionError(f"{self.path} lost its markers {section.start.strip()!r}")
        return head + section.start + make() + section.end + tail


@contextlib.contextmanager
def _environment(env: dict[str, str], cwd: Path | None = None) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in env}
    before = Path.cwd()
    os.environ.update(env)
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class _Captured(io.StringIO):
    """A captured stream that says it is UTF-8, as a terminal or a CI log is."""

    encoding = "utf-8"


def cli_output(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """What ``mlops-maturity ARGS`` prints on stdout, run in-process; it must succeed."""
    out, err = _Captured(), _Captured()
    with (
        _environment({**PLAIN_TERMINAL, **(env or {})}, cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main([str(a) for a in args])
    if code != 0:
        raise AssertionError(f"mlops-maturity {' '.join(map(str, args))} exited {code}: {err.getvalue()}")
    return out.getvalue()


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


# --- the survey ----------------------------------------------------------------------------------------------

SURVEY_INPUTS = ["Fraud & Risk", "2", "3", "n", "batch only", "u", "3", ""]


def finished_survey() -> tuple[str, str]:
    """The answers file and the end screen of a survey answered to the end, in a folder of its own."""
    import datetime as dt

    from mlops_maturity.cli.commands.survey import run

    from support.scripted_io import Script

    with tempfile.TemporaryDirectory() as tmp, _environment({}, Path(tmp)):
        shutil.copytree(SURVEY, "q")  # relative paths keep this machine's folders out
        script = Script(list(SURVEY_INPUTS))
        output = run(Path("answers.yaml"), None, Path("q"), script, script.layout, today=dt.date(2026, 11, 22))
        assert output.code == 0 and output.stderr == (), output
        return Path("answers.yaml").read_text(encoding="utf-8"), output.stdout


def _screen(name: str) -> Callable[[], str]:
    def make() -> str:
        from mlops_maturity.survey import screen
        from mlops_maturity.survey.flow import Position
        from mlops_maturity.survey.layout import ScreenOptions
        from mlops_maturity.survey.screen import QuestionView

        q = load_questionnaire(SURVEY)
        unicode = ScreenOptions(color=False, unicode=True, width=80, height=24)
        if name == "welcome":
            return screen.welcome(q, "mlops-answers.yaml", 3, 0, 1, unicode)
        view: dict[str, object] = {
            "title": q.title,
            "team": "Fraud detection",
            "question": q.by_id["ship.latency"],
            "position": Position(3, 5, 2, 1, 2, "Shipping models"),
            "current": None,
        }
        if name == "question-help":
            view.update(current="n", reason="batch only", notice="There is no option 7.", show_help=True)
        if name == "question-ascii":
            view.update(current="2")
            return screen.question(QuestionView(**view), ScreenOptions(color=False, unicode=False, width=80, height=24))  # type: ignore[arg-type]
        return screen.question(QuestionView(**view), unicode)  # type: ignore[arg-type]

    return make


SCREENS = ("question", "question-help", "question-ascii", "welcome")


def survey() -> list[Artefact]:
    return [
        Artefact("tests/golden/survey/answers.yaml", lambda: finished_survey()[0]),
        Artefact("tests/golden/survey/summary.txt", lambda: finished_survey()[1]),
        *(
            Artefact(f"tests/golden/survey/{n}.txt", _screen(n))
            for n in ("question", "question-help", "question-ascii", "welcome")
        ),
    ]


# --- documentation and data derived from the questionnaire ------------------------------------------------

CRITERIA = Section("<!-- criteria: generated by scripts/regenerate.py -->\n", "<!-- criteria end -->\n")
LLM_TABLES = Section("<!-- llm tables: generated by scripts/regenerate.py -->\n", "<!-- llm tables end -->\n")
PROBES = Section("<!-- probes:start -->\n", "<!-- probes:end -->\n")
IN_REPOSITORY = ROOT / "questionnaires" / "mlops-maturity"


def _criteria() -> str:
    from mlops_maturity.render.docs.criteria import criteria_markdown

    return criteria_markdown(load_questionnaire(IN_REPOSITORY))


def _llm_tables() -> str:
    from support.llm_tables import llm_tables

    return llm_tables(load_questionnaire(IN_REPOSITORY))


def _probes() -> str:
    from mlops_maturity.render.docs.probe_table import probe_table
    from mlops_maturity.scan.io.probes_file import load_probes

    q = load_questionnaire(IN_REPOSITORY)
    return probe_table(q, load_probes(IN_REPOSITORY, q))


def _snapshot() -> str:
    from mlops_maturity.files.questionnaire.snapshot import render_snapshot

    return render_snapshot(load_questionnaire(IN_REPOSITORY), IN_REPOSITORY)


def docs_and_data() -> list[Artefact]:
    from mlops_maturity.files.questionnaire.snapshot import SNAPSHOT_FILE

    return [
        Artefact("docs/methodology.md", _criteria, CRITERIA, also=((LLM_TABLES, _llm_tables),)),
        Artefact("docs/scan.md", _probes, PROBES),
        Artefact(f"questionnaires/mlops-maturity/{SNAPSHOT_FILE}", _snapshot),
    ]


def artefacts() -> list[Artefact]:
    """Every generated file, in the order ``scripts/regenerate.py`` writes them."""
    return [*docs_and_data(), *help_pages(), *reports(), *score_formats(), *portfolio(), *commands(), *survey()]
