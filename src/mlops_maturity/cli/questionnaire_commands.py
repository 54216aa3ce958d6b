"""The typer commands about the questionnaire and its files: questions, init, validate, schema; each returns a code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlops_maturity.choices import QuestionsFormat, SchemaKind
from mlops_maturity.cli.options.choices import parse_choice
from mlops_maturity.cli.options.parameters import QuestionnaireOpt, choice_parts, format_option


def questions(
    fmt: Annotated[QuestionsFormat, format_option(QuestionsFormat)] = QuestionsFormat.text,
    questionnaire: QuestionnaireOpt = None,
) -> int:
    """Print the questionnaire: dimensions, questions and their options."""
    from mlops_maturity.cli.commands.questions import run

    return run(parse_choice(QuestionsFormat, "--format", fmt), questionnaire).write()


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
) -> int:
    """Write an answers template: every question, its options and help as comments.

    Its first line points editors at a JSON Schema of the questionnaire, written
    beside it, so that they complete ids and flag typos (see docs/editors.md).
    """
    from mlops_maturity.cli.commands.init import run

    return run(out, force, team, questionnaire, schema, no_schema).write()


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
) -> int:
    """Check answers files and questionnaire folders; report every problem."""
    from mlops_maturity.cli.commands.validate import run

    return run(list(paths or ()), questionnaire).write()


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
) -> int:
    """Print a JSON Schema (draft 2020-12) for answers files, questionnaires or results."""
    from mlops_maturity.cli.commands.schema import run

    return run(parse_choice(SchemaKind, "kind", kind), questionnaire).write()
