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
from mlops_maturity.cli.choices import QuestionsFormat, SchemaKind, parse_choice
from mlops_maturity.cli.commands.output import Output
from mlops_maturity.cli.help import HelpCommand, HelpGroup
from mlops_maturity.cli.parameters import QuestionnaireOpt, choice_parts, format_option, score_parameter
from mlops_maturity.cli.score_options import SCORE_FLAGS, score_options
from mlops_maturity.render.formats import CompareFormat, ConsensusFormat, PortfolioFormat, ReportFormat

app = typer.Typer(
    name="mlops-maturity",
    help="Assess how mature an ML team's MLOps is, what will hurt next, and what to do about it.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=HelpGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
)


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
        annotation=Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False, metavar="FILE")],
    ),
    *(score_parameter(flag) for flag in SCORE_FLAGS),
]
score.__signature__ = inspect.Signature(_SCORE_PARAMETERS, return_annotation=None)  # type: ignore[attr-defined]
score.__annotations__ = {p.name: p.annotation for p in _SCORE_PARAMETERS}
app.command(cls=HelpCommand)(score)


@app.command(cls=HelpCommand)
def report(
    file: Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False, metavar="FILE")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the report to OUT.md and its chart to OUT.svg beside it, or to one self-contained page "
            "OUT.html. Without it the report goes to stdout.",
            metavar="OUT",
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
        typer.Option(
            "--target-stage",
            help="Plan the roadmap to stage N instead of the next stage; N runs from 1 to the questionnaire's "
            "top stage (1 to 5 with the shipped one).",
            metavar="N",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        format_option(
            ReportFormat,
            "markdown, or html for one page to circulate (default: html for OUT.html).",
            show_default=False,
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Write the leadership report: a one-minute summary for leaders, then the detail for the team.

    Markdown by default; --format html (or -o OUT.html) gives one self-contained
    page that prints cleanly to PDF.
    """
    from mlops_maturity.cli.commands.report import ReportOptions, run

    options = ReportOptions(
        out=out,
        template_dir=template_dir,
        target_stage=target_stage,
        questionnaire=questionnaire,
        fmt=None if fmt is None else parse_choice(ReportFormat, "--format", fmt),
    )
    _emit(run(file, options))


@app.command(cls=HelpCommand)
def survey(
    out: Annotated[
        str,
        typer.Option(
            "--out",
            "-o",
            help="Answers file to write, or to resume if it exists. With --respondent, a folder (DIR/) means "
            "DIR/NAME.yaml.",
            metavar="FILE",
        ),
    ] = "mlops-answers.yaml",
    team: Annotated[
        str | None, typer.Option("--team", help="Team name (asked at the start when not given).", metavar="NAME")
    ] = None,
    respondent: Annotated[
        str | None,
        typer.Option("--respondent", help="Who is answering, when several people of the team answer.", metavar="NAME"),
    ] = None,
    role: Annotated[
        str | None, typer.Option("--role", help="The respondent's role, such as 'data scientist'.", metavar="ROLE")
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Answer the questionnaire interactively; every answer is saved as you go.

    Type an option's number and Enter. u: don't know, n: does not apply (where
    offered), ?: help, b: back, q: save and quit, Enter: keep the answer given
    before. Run again with the same --out to resume.
    """
    from mlops_maturity.cli.commands.survey import main as run_survey

    _emit(run_survey(out, team, questionnaire, respondent=respondent, role=role))


@app.command(cls=HelpCommand)
def questions(
    fmt: Annotated[QuestionsFormat, format_option(QuestionsFormat)] = QuestionsFormat.text,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Print the questionnaire: dimensions, questions and their options."""
    from mlops_maturity.cli.commands.questions import run

    _emit(run(parse_choice(QuestionsFormat, "--format", fmt), questionnaire))


@app.command(cls=HelpCommand)
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


@app.command(cls=HelpCommand)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Answers files and questionnaire folders (default: the questionnaire in use).",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Check answers files and questionnaire folders; report every problem."""
    from mlops_maturity.cli.commands.validate import run

    _emit(run(list(paths or ()), questionnaire))


@app.command(cls=HelpCommand)
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="Which schema to print: answers, questionnaire or result.",
            show_default=False,
            **{**choice_parts(SchemaKind, "kind"), "metavar": "KIND"},
        ),
    ],
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Print a JSON Schema (draft 2020-12) for answers files, questionnaires or results."""
    from mlops_maturity.cli.commands.schema import run

    _emit(run(parse_choice(SchemaKind, "kind", kind), questionnaire))


@app.command(cls=HelpCommand)
def compare(
    old: Annotated[
        Path,
        typer.Argument(
            help="The older answers file (or saved `score --format json`).", show_default=False, metavar="OLD"
        ),
    ],
    new: Annotated[
        Path,
        typer.Argument(
            help="The newer answers file (or saved `score --format json`).", show_default=False, metavar="NEW"
        ),
    ],
    fmt: Annotated[CompareFormat, format_option(CompareFormat)] = CompareFormat.text,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Show what changed between two assessments of the same team."""
    from mlops_maturity.cli.commands.compare import run

    _emit(run(old, new, parse_choice(CompareFormat, "--format", fmt), questionnaire))


@app.command(cls=HelpCommand)
def portfolio(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Answers files, and directories searched for *.yaml / *.yml.", show_default=False, metavar="PATH"
        ),
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
        format_option(
            PortfolioFormat,
            "Output format (default: text; with -o, html for OUT.html and markdown otherwise).",
            show_default=False,
        ),
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
            list(paths),
            PortfolioOptions(
                fmt=None if fmt is None else parse_choice(PortfolioFormat, "--format", fmt),
                out=out,
                min_stage=min_stage,
                jobs=jobs,
                questionnaire=questionnaire,
            ),
        )
    )


@app.command(cls=HelpCommand)
def badge(
    file: Annotated[Path, typer.Argument(help="Answers file (YAML).", show_default=False, metavar="FILE")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write the SVG here ('-' or none: stdout).", metavar="FILE.svg", show_default=False
        ),
    ] = None,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Draw a README badge, "MLOps stage 3 · Low", as a local SVG coloured by the stage."""
    from mlops_maturity.cli.commands.badge import run

    _emit(run(file, out, questionnaire))


@app.command(cls=HelpCommand)
def consensus(
    files: Annotated[
        list[Path],
        typer.Argument(help="The answers files of one team's respondents, one file each.", show_default=False),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the team answers file here; every other command reads it.",
            metavar="TEAM.yaml",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[ConsensusFormat, format_option(ConsensusFormat)] = ConsensusFormat.text,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Name the respondents Respondent 1, 2, ... and leave out their roles.")
    ] = False,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Merge several respondents' answers into the team's, and show where they disagree.

    Each team answer is the highest option that more than half of the
    respondents chose or went beyond (docs/respondents.md).
    """
    from mlops_maturity.cli.commands.consensus import ConsensusOptions, run

    options = ConsensusOptions(
        fmt=parse_choice(ConsensusFormat, "--format", fmt), out=out, anonymous=anonymous, questionnaire=questionnaire
    )
    _emit(run(list(files), options))
