"""``score`` without typer: the call CI makes on every push, parsed by hand.

Typer 0.2x builds a pydantic TypeAdapter for every option it parses; together
with its own import that costs more than the scoring itself. This module reads
only the plain spellings of the options declared in ``score_options.py``.
Anything else (help, an unknown or misspelt option, a value that is not plainly
valid, ``--``, a second file) makes :func:`score_call` return None and the typer
app takes the call, so help and usage errors always come from one place.
``tests/test_fast_score.py`` runs both paths over the same command lines.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mlops_maturity.cli.score_options import SCORE_FLAGS, Flag, ScoreOptions, score_options
from mlops_maturity.render.formats import ScoreFormat

_BY_NAME = {name: flag for flag in SCORE_FLAGS for name in flag.names}
_FORMATS = {f.value: f for f in ScoreFormat}
_NATURAL = re.compile(r"0|[1-9][0-9]{0,8}")


def score_call(args: list[str]) -> tuple[Path, ScoreOptions] | None:
    """The answers file and options of a plain ``score`` call, or None to let typer parse it."""
    if not args or args[0] != "score":
        return None
    values: dict[str, object] = {}
    repeated: dict[str, list[str]] = {}
    files: list[str] = []
    rest = iter(args[1:])
    for token in rest:
        if not token.startswith("-") or token == "-":
            files.append(token)
            continue
        name, eq, inline = token.partition("=")
        flag = _BY_NAME.get(name)
        if flag is None or (eq and not name.startswith("--")):
            return None
        if flag.kind == "switch":
            if eq:
                return None
            values[flag.field] = True
            continue
        raw = inline if eq else next(rest, None)
        value = None if raw is None else _value(flag, raw)
        if value is None:
            return None
        if flag.kind == "repeat":
            repeated.setdefault(flag.field, []).append(str(value))
        else:
            values[flag.field] = value
    if len(files) != 1:
        return None
    values.update(repeated)
    for flag in SCORE_FLAGS:
        if flag.envvar and flag.field not in values and (env := os.environ.get(flag.envvar)):
            values[flag.field] = Path(env) if flag.kind == "path" else env
    return Path(files[0]), score_options(values)


def _value(flag: Flag, raw: str) -> object | None:
    if flag.kind == "format":
        return _FORMATS.get(raw)
    if flag.kind == "natural":
        return int(raw) if _NATURAL.fullmatch(raw) else None
    if not raw or raw.startswith("-"):
        return None
    return Path(raw) if flag.kind == "path" else raw
