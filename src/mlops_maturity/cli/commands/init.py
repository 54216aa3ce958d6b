"""``mlops-maturity init``: write an answers template to fill in by hand.

Beside the template goes ``mlops-answers.schema.json``, the JSON Schema of the
questionnaire in use, and the template's first line points editors at it
(``# yaml-language-server: $schema=...``) so that they complete question and
option ids and flag typos. ``--schema URL`` points at a published copy instead,
``--no-schema`` leaves both out.
"""

from __future__ import annotations

import os
from pathlib import Path

from mlops_maturity.cli.options.paths import check_output_file, make_folder_for
from mlops_maturity.cli.output import Output
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import UsageError
from mlops_maturity.files.answers.writer import fits_limits, render_answers_file
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.schemas import answers_schema, to_json
from mlops_maturity.files.writing import write_atomic
from mlops_maturity.files.yaml_reader import MAX_FILE_BYTES, MAX_NODES

SCHEMA_FILE = "mlops-answers.schema.json"


def run(
    out: Path,
    force: bool,
    team: str,
    questionnaire: Path | None,
    schema: str | None = None,
    no_schema: bool = False,
) -> Output:
    q = load_questionnaire(questionnaire)
    to_stdout = str(out) == "-"
    if no_schema and schema is not None:
        raise UsageError("--schema and --no-schema exclude each other; give one of them")
    if not to_stdout:
        check_output_file(out, "-o", "mlops-answers.yaml")
        if out.exists() and not force:
            raise UsageError(f"{out}: already exists; pass --force to overwrite it, or -o to write elsewhere")
    schema_path: Path | None = None
    hint: str | None = None
    if no_schema:
        pass
    elif schema is not None and "://" in schema:
        hint = schema
    elif to_stdout:
        hint = schema  # a path named by the user; nothing is written beside stdout
    else:
        schema_path = Path(schema) if schema is not None else out.parent / SCHEMA_FILE
        hint = Path(os.path.relpath(schema_path.resolve(), out.resolve().parent)).as_posix()
    text, messages = _template(q, team, hint)
    if to_stdout:
        return Output(stdout=text, stderr=tuple(messages))
    if schema_path is not None:
        messages.append(_write_schema(schema_path, q, force))
    make_folder_for(out, "-o", "mlops-answers.yaml")
    write_atomic(out, text)
    return Output(
        stderr=(
            f"wrote {out}: {len(q.questions)} questions to answer.",
            *messages,
            f"Fill it in, then run: mlops-maturity score {out}",
        )
    )


def _template(q: Questionnaire, team: str, hint: str | None) -> tuple[str, list[str]]:
    """The template, kept inside the limits every command reads an answers file with (``docs/reliability.md``).

    A very large questionnaire's help can push the template past the size limit; the help is then
    left out (``mlops-maturity questions`` prints it). One with too many questions for any answers
    file is refused here rather than written and then refused by every other command.
    """
    text = render_answers_file(q, team=team, schema_hint=hint)
    if fits_limits(text, len(q.questions)):
        return text, []
    bare = render_answers_file(q, team=team, schema_hint=hint, with_help=False)
    if fits_limits(bare, len(q.questions)):
        size = len(text.encode("utf-8")) // 1024
        return bare, [
            f"note: the questions' help is left out of the template: with it the file would be {size:,} KiB, "
            f"over the {MAX_FILE_BYTES // 1024:,} KiB an answers file may be; `mlops-maturity questions` prints it"
        ]
    raise UsageError(
        f"questionnaire {q.id} has {len(q.questions):,} questions, too many for one answers file "
        f"(at most {MAX_FILE_BYTES // 1024:,} KiB and {MAX_NODES:,} values); split it into smaller questionnaires"
    )


def _write_schema(path: Path, q: Questionnaire, force: bool) -> str:
    text = to_json(answers_schema(q))
    check_output_file(path, "--schema", "mlops-answers.schema.json")
    if path.exists():
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current == text:
            return f"{path}: schema already up to date."
        if not force:
            raise UsageError(
                f"{path}: exists and is not the schema of questionnaire {q.id} {q.version}; "
                "pass --force to replace it, --schema to write it elsewhere, or --no-schema"
            )
    make_folder_for(path, "--schema", "mlops-answers.schema.json")
    write_atomic(path, text)
    return f"wrote {path}: the JSON Schema editors use to check the answers (see docs/editors.md)."
