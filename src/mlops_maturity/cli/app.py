"""The typer application: one thin function per command.

Only typer and the standard library are imported at the top; each command
imports what it needs when it runs, so ``score`` pays only for what it uses.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from mlops_maturity import __version__
from mlops_maturity.cli.choices import FailOn, QuestionsFormat, SchemaKind
from mlops_maturity.cli.commands.output import Output
from mlops_maturity.cli.score_options import QUESTIONNAIRE_ENV, SCORE_FLAGS, Flag, score_options
from mlops_maturity.render.formats import CompareFormat, PortfolioFormat, ScanFormat, ScoreFormat

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
        envvar=QUESTIONNAIRE_ENV,
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


def _score_parameter(flag: Flag) -> inspect.Parameter:
    """The typer parameter of one declared ``score`` option."""
    types: dict[str, tuple[Any, Any]] = {
        "format": (ScoreFormat, ScoreFormat.text),
        "natural": (int | None, None),
        "text": (str | None, None),
        "path": (Path | None, None),
        "repeat": (list[str] | None, None),
        "switch": (bool, False),
    }
    kind, default = types[flag.kind]
    extra: dict[str, Any] = {"min": 0} if flag.kind == "natural" else {}
    if flag.envvar:
        extra.update(envvar=flag.envvar, show_default=False)
    option = typer.Option(*flag.names, help=flag.help, metavar=flag.metavar, **extra)
    return inspect.Parameter(
        flag.field, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=Annotated[kind, option]
    )


def score(file: Path, **values: Any) -> None:
    """Score a filled-in answers file; thresholds turn it into a CI gate.

    With --format github, the Markdown summary is also appended to the file
    named by $GITHUB_STEP_SUMMARY when that variable is set.
    """
    from mlops_maturity.cli.commands.score import run

    _emit(run(file, score_options(values)))


# The signature typer reads is built from the one declaration of score's options.
_SCORE_PARAMETERS = [
    inspect.Parameter(
        "file",
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        annotation=Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False)],
    ),
    *(_score_parameter(flag) for flag in SCORE_FLAGS),
]
score.__signature__ = inspect.Signature(_SCORE_PARAMETERS, return_annotation=None)  # type: ignore[attr-defined]
score.__annotations__ = {p.name: p.annotation for p in _SCORE_PARAMETERS}
app.command()(score)


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
    from mlops_maturity.cli.commands.report import ReportOptions, run

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
    from mlops_maturity.cli.commands.survey import main as run_survey

    _emit(run_survey(out, team, questionnaire))


@app.command()
def questions(
    fmt: Annotated[QuestionsFormat, typer.Option("--format", "-f", help="Output format.")] = QuestionsFormat.text,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Print the questionnaire: dimensions, questions and their options."""
    from mlops_maturity.cli.commands.questions import run

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
    from mlops_maturity.cli.commands.init import run

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
    from mlops_maturity.cli.commands.validate import run

    _emit(run(list(paths or ()), questionnaire))


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which schema to print.", show_default=False)],
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Print a JSON Schema (draft 2020-12) for answers files, questionnaires or results."""
    from mlops_maturity.cli.commands.schema import run

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
    from mlops_maturity.cli.commands.compare import run

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
        PortfolioFormat | None,
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
    from mlops_maturity.cli.commands.portfolio import PortfolioOptions, run

    _emit(
        run(
            list(paths), PortfolioOptions(fmt=fmt, out=out, min_stage=min_stage, jobs=jobs, questionnaire=questionnaire)
        )
    )


@app.command()
def scan(
    directory: Annotated[
        Path, typer.Argument(help="Folder to scan (a git checkout reads only tracked files).", show_default=False)
    ] = Path(),
    fmt: Annotated[ScanFormat, typer.Option("--format", "-f", help="Output format.")] = ScanFormat.text,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Set the findings against this answers file: supported, shows more, unverified, contradicted.",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when an answer is contradicted (or, with unverified, also unverified). Needs --answers.",
            show_default=False,
        ),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            help="Propose answers into FILE (new or partial) with their evidence; answers already given are kept.",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Find evidence of MLOps practices in a repository's files, offline; nothing is run or fetched.

    Findings point at file and line. A `.mlops-maturity.yaml` at the top of the
    folder can dismiss findings or make them count as weak, with a reason; every
    dismissal is listed. See docs/scan.md.
    """
    from mlops_maturity.cli.commands.scan import ScanOptions, run

    _emit(
        run(directory, ScanOptions(fmt=fmt, answers=answers, fail_on=fail_on, write=write, questionnaire=questionnaire))
    )
