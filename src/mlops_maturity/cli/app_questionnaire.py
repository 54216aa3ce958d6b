"""The commands about the questionnaire and its files: questions, init, validate, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlops_maturity.cli.app import app, emit
from mlops_maturity.cli.choices import QuestionsFormat, SchemaKind, parse_choice
from mlops_maturity.cli.help import HelpCommand
from mlops_maturity.cli.parameters import QuestionnaireOpt, choice_parts, format_option


@app.command(cls=HelpCommand)
def questions(
    fmt: Annotated[QuestionsFormat, format_option(QuestionsFormat)] = QuestionsFormat.text,
    questionnaire: QuestionnaireOpt = None,
) -> None:
    """Print the questionnaire: dimensions, questions and their options."""
    from mlops_maturity.cli.commands.questions import run

    emit(run(parse_choice(QuestionsFormat, "--format", fmt), questionnaire))


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

    emit(run(out, force, team, questionnaire, schema, no_schema))


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

    emit(run(list(paths or ()), questionnaire))


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

    emit(run(parse_choice(SchemaKind, "kind", kind), questionnaire))
