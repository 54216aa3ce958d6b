"""``score`` without typer: the call CI makes on every push, parsed by hand.

Typer 0.2x builds a pydantic TypeAdapter for every option it parses; together
with its own import that costs more than the scoring itself. This module reads
only the plain spellings of ``score``'s options. Anything else (help, an
unknown or misspelt option, a value that is not plainly valid, ``--``, a
second file) makes :func:`score_call` return None and the typer app takes the
call, so help and usage errors always come from one place.

``tests/test_fastpath.py`` holds this table to the typer command's options and
runs both paths over the same command lines.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mlops_maturity.choices import Format

# option spelling -> ScoreOptions field; each takes one value
VALUE_OPTIONS = {
    "--format": "fmt",
    "-f": "fmt",
    "--min-stage": "min_stage",
    "--min-level": "min_level",
    "--min-dimension": "min_dimension",
    "--baseline": "baseline",
    "--questionnaire": "questionnaire",
}
FLAG_OPTIONS = {"--require-complete": "require_complete"}
QUESTIONNAIRE_ENV = "MLOPS_MATURITY_QUESTIONNAIRE"
_FORMATS = {f.value: f for f in Format}
_NATURAL = re.compile(r"0|[1-9][0-9]{0,8}")


def score_call(args: list[str]) -> tuple[Path, dict[str, object]] | None:
    """The answers file and ScoreOptions fields of a plain ``score`` call, or None to let typer parse it."""
    if not args or args[0] != "score":
        return None
    fields: dict[str, object] = {}
    dimensions: list[str] = []
    files: list[str] = []
    rest = iter(args[1:])
    for token in rest:
        if not token.startswith("-") or token == "-":
            files.append(token)
            continue
        name, eq, inline = token.partition("=")
        if name in FLAG_OPTIONS and not eq:
            fields[FLAG_OPTIONS[name]] = True
            continue
        field = VALUE_OPTIONS.get(name)
        if field is None or (eq and not name.startswith("--")):
            return None
        raw = inline if eq else next(rest, None)
        value = None if raw is None else _value(field, raw)
        if raw is None or value is None:
            return None
        if field == "min_dimension":
            dimensions.append(raw)
        else:
            fields[field] = value
    if len(files) != 1:
        return None
    fields["min_dimension"] = tuple(dimensions)
    if "questionnaire" not in fields and (env := os.environ.get(QUESTIONNAIRE_ENV)):
        fields["questionnaire"] = Path(env)
    return Path(files[0]), fields


def _value(field: str, raw: str) -> object | None:
    if field == "fmt":
        return _FORMATS.get(raw)
    if field == "min_stage":
        return int(raw) if _NATURAL.fullmatch(raw) else None
    if field in ("baseline", "questionnaire"):
        return Path(raw) if raw and not raw.startswith("-") else None
    return raw if raw and not raw.startswith("-") else None
