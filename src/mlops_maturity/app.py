"""The typer application: one thin function per command.

Only typer and the standard library are imported at the top; each command
imports what it needs when it runs, so ``score`` pays only for what it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from mlops_maturity import __version__
from mlops_maturity.choices import CompareFormat, Format, QuestionsFormat, SchemaKind
from mlops_maturity.commands.output import Output

app = typer.Typer(
    name="mlops-maturity",
    help="Assess how mature an ML team's MLOps is, what will hurt next, and what to do about it.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
)

QuestionnaireOpt = Annotated[
    Path | None,
    typer.Option(
        "--questionnaire",
        help="Questionnaire folder to use instead of the shipped one.",
        metavar="DIR",
        show_default=False,
        # One variable points a whole CI setup (pre-commit hooks included) at an organisation's questionnaire.
        envvar="MLOPS_MATURITY_QUESTIONNAIRE",
    ),
]


def _version(value: bool) -> None:
    if value:
        print(f"mlops-maturity {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Assess how mature an ML team's MLOps is, what will hurt next, and what to do about it.

    Start with `mlops-maturity survey` (interactive) or `mlops-maturity init`
    (a file to fill in), then `mlops-maturity score FILE` and
    `mlops-maturity report FILE`.
    """


def _emit(output: Output) -> NoReturn:
    raise typer.Exit(output.write())


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    min_stage: Annotated[
        int | None, typer.Option("--min-stage", help="Exit 1 below this stage.", metavar="N", min=0)
    ] = None,
    min_level: Annotated[
        str | None, typer.Option("--min-level", help="Exit 1 below this level (no, low, high).", metavar="LEVEL")
    ] = None,
    min_dimension: Annotated[
        list[str] | None,
        typer.Option(
            "--min-dimension", help="Exit 1 when dimension ID scores below SCORE. Repeatable.", metavar="ID=SCORE"
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Exit 1 when stage, level or any dimension dropped against this older answers file.",
            metavar="OLD_FILE",
        ),
    ] = None,
    require_complete: Annotated[
        bool, typer.Option("--require-complete", help="Treat unanswered questions as an error (exit 2).")
    ] = False,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Score a filled-in answers file; thresholds turn it into a CI gate.

    With --format github, the Markdown summary is also appended to the file
    named by $GITHUB_STEP_SUMMARY when that variable is set.
    """
    from mlops_maturity.commands.score import ScoreOptions, run

    options = ScoreOptions.from_cli(
        fmt=fmt,
        min_stage=min_stage,
        min_level=min_level,
        min_dimension=tuple(min_dimension or ()),
        baseline=baseline,
        require_complete=require_complete,
        questionnaire=questionnaire,
    )
    _emit(run(file, options))


@app.command()
def report(
    file: Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False)],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the report to OUT.md and its chart to OUT.svg beside it. Without it the Markdown goes to "
            "stdout and the chart is left out.",
            metavar="OUT.md",
            show_default=False,
        ),
    ] = None,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir",
            help="Folder with your own report.md.j2 or single sections; the rest comes from the shipped templates.",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    target_stage: Annotated[
        int | None,
        typer.Option("--target-stage", help="Plan the roadmap to stage N instead of the next stage.", metavar="N"),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Write the leadership report: stage, level, risks, roadmap and evidence, in Markdown."""
    from mlops_maturity.commands.report import ReportOptions, run

    options = ReportOptions(out=out, template_dir=template_dir, target_stage=target_stage, questionnaire=questionnaire)
    _emit(run(file, options))


@app.command()
def survey(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Answers file to write, or to resume if it exists.", metavar="FILE")
    ] = Path("mlops-answers.yaml"),
    team: Annotated[
        str | None, typer.Option("--team", help="Team name (asked at the start when not given).", metavar="NAME")
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Answer the questionnaire interactively; every answer is saved as you go.

    Type an option's number and Enter. u: don't know, n: does not apply (where
    offered), ?: help, b: back, q: save and quit, Enter: keep the answer given
    before. Run again with the same --out to resume.
    """
    from mlops_maturity.commands.survey import main as run_survey

    _emit(run_survey(out, team, questionnaire))


@app.command()
def questions(
    fmt: Annotated[QuestionsFormat, typer.Option("--format", "-f", help="Output format.")] = QuestionsFormat.text,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Print the questionnaire: dimensions, questions and their options."""
    from mlops_maturity.commands.questions import run

    _emit(run(fmt, questionnaire))


@app.command()
def init(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Where to write the template ('-' for stdout).", metavar="FILE")
    ] = Path("mlops-answers.yaml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    team: Annotated[str, typer.Option("--team", help="Team name to write into the template.")] = "",
    schema: Annotated[
        str | None,
        typer.Option(
            "--schema",
            help="JSON Schema for editors: a file to write (default: mlops-answers.schema.json beside FILE) "
            "or a URL to point at.",
            metavar="FILE|URL",
            show_default=False,
        ),
    ] = None,
    no_schema: Annotated[
        bool, typer.Option("--no-schema", help="Write neither the schema file nor the line that points at it.")
    ] = False,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Write an answers template: every question, its options and help as comments.

    Its first line points editors at a JSON Schema of the questionnaire, written
    beside it, so that they complete ids and flag typos (see docs/editors.md).
    """
    from mlops_maturity.commands.init import run

    _emit(run(out, force, team, questionnaire, schema, no_schema))


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Answers files and questionnaire folders (default: the questionnaire in use).", show_default=False
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Check answers files and questionnaire folders; report every problem."""
    from mlops_maturity.commands.validate import run

    _emit(run(list(paths or ()), questionnaire))


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which schema to print.", show_default=False)],
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Print a JSON Schema (draft 2020-12) for answers files, questionnaires or results."""
    from mlops_maturity.commands.schema import run

    _emit(run(kind, questionnaire))


@app.command()
def compare(
    old: Annotated[
        Path, typer.Argument(help="The older answers file (or saved `score --format json`).", show_default=False)
    ],
    new: Annotated[
        Path, typer.Argument(help="The newer answers file (or saved `score --format json`).", show_default=False)
    ],
    fmt: Annotated[CompareFormat, typer.Option("--format", "-f", help="Output format.")] = CompareFormat.text,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Show what changed between two assessments of the same team."""
    from mlops_maturity.commands.compare import run

    _emit(run(old, new, fmt, questionnaire))


@app.command()
def portfolio(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Answers files, and directories searched for *.yaml / *.yml.", show_default=False),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the report here (Markdown unless --format says otherwise), with the SVG heat map beside it.",
            metavar="OUT.md",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        CompareFormat | None,
        typer.Option("--format", "-f", help="Output format [default: text, or markdown with -o].", show_default=False),
    ] = None,
    min_stage: Annotated[
        int | None, typer.Option("--min-stage", help="Exit 1 when any team is below this stage.", metavar="N", min=0)
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Worker processes [default: one per core for large portfolios].",
            metavar="N",
            min=1,
            show_default=False,
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Roll many teams' answers files up into one organisation view."""
    from mlops_maturity.commands.portfolio import PortfolioOptions, run

    _emit(
        run(
            list(paths), PortfolioOptions(fmt=fmt, out=out, min_stage=min_stage, jobs=jobs, questionnaire=questionnaire)
        )
    )
