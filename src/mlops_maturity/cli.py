"""Command-line entry point: parse, call one command function, print, exit.

Only typer and the standard library are imported here; each command imports
what it needs when it runs, so ``--version`` and ``score`` start fast.
"""

from __future__ import annotations

import os
import sys
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
    if output.stdout:
        sys.stdout.write(output.stdout)
        sys.stdout.flush()
    for line in output.stderr:
        print(line, file=sys.stderr)
    raise typer.Exit(output.code)


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
        typer.Option("--min-dimension", help="Exit 1 when dimension ID scores below SCORE. Repeatable.", metavar="ID=SCORE"),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Exit 1 when stage, level or any dimension dropped against this older answers file.", metavar="OLD_FILE"),
    ] = None,
    require_complete: Annotated[
        bool, typer.Option("--require-complete", help="Treat unanswered questions as an error (exit 2).")
    ] = False,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Score a filled-in answers file; thresholds turn it into a CI gate."""
    from mlops_maturity.commands.score import ScoreOptions, run

    options = ScoreOptions(
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
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Write an answers template: every question, its options and help as comments."""
    from mlops_maturity.commands.init import run

    _emit(run(out, force, team, questionnaire))


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Answers files and questionnaire folders (default: the questionnaire in use).", show_default=False),
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
    old: Annotated[Path, typer.Argument(help="The older answers file (or saved `score --format json`).", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The newer answers file (or saved `score --format json`).", show_default=False)],
    fmt: Annotated[CompareFormat, typer.Option("--format", "-f", help="Output format.")] = CompareFormat.text,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Show what changed between two assessments of the same team."""
    from mlops_maturity.commands.compare import run

    _emit(run(old, new, fmt, questionnaire))


@app.command()
def portfolio(
    paths: Annotated[
        list[Path], typer.Argument(help="Answers files, and directories searched for *.yaml / *.yml.", show_default=False)
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write the report here (Markdown unless --format says otherwise), "
                     "with the SVG heat map beside it.", metavar="OUT.md", show_default=False),
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
        typer.Option("--jobs", "-j", help="Worker processes [default: one per core for large portfolios].", metavar="N",
                     min=1, show_default=False),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Roll many teams' answers files up into one organisation view."""
    from mlops_maturity.commands.portfolio import PortfolioOptions, run

    _emit(run(list(paths), PortfolioOptions(fmt=fmt, out=out, min_stage=min_stage, jobs=jobs, questionnaire=questionnaire)))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; errors never escape as tracebacks."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # the one call that must not pay for typer
        print(f"mlops-maturity {__version__}")
        return 0
    from mlops_maturity.errors import MaturityError

    try:
        result = app(args=args, prog_name="mlops-maturity", standalone_mode=False)
    except MaturityError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        print("\naborted", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        return _usage_or_bug(exc)
    return result if isinstance(result, int) else 0


def _usage_or_bug(exc: Exception) -> int:
    show = getattr(exc, "show", None)
    if callable(show) and hasattr(exc, "exit_code"):  # click's usage errors, vendored or not
        show()
        return 2
    if os.environ.get("MLOPS_MATURITY_DEBUG"):
        raise exc
    print(
        f"internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in mlops-maturity. Run again with MLOPS_MATURITY_DEBUG=1 for a traceback and report it.",
        file=sys.stderr,
    )
    return 3


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at devnull so a closed pipe stays quiet.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
