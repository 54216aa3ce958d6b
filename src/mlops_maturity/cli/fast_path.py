"""``score`` and ``report`` without typer: the calls CI makes on every push, parsed by hand.

Typer 0.2x builds a pydantic TypeAdapter for every option it parses; together
with its own import that costs more than scoring. This module reads only the
plain spellings of the options a command declares (``options/score.py``,
``options/report.py``). Anything else (help, an unknown or misspelt option, a
value that is not plainly valid, ``--``, a second file) makes :func:`plain_call`
return None and the typer app takes the call, so help and usage errors always
come from one place. ``tests/cli/test_fast_path.py`` runs both paths over the same
command lines, generated ones included.

Why a second parser is kept (``benchmarks/startup.py``): ``score --format json``
costs 0.91 billion instructions this way and 1.09 billion through typer, 1.39x
and 1.66x the smallest program that validates one pydantic model; the goal is
1.5x. Every CI run of ``score`` and ``report`` pays it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from mlops_maturity.cli.options.flags import Flag

_NATURAL = re.compile(r"0|[1-9][0-9]{0,8}")


class PlainCall(NamedTuple):
    command: str  # "score" or "report"
    file: Path
    values: dict[str, object]  # parsed flag values by options field, for score_options / report_options


def plain_call(args: list[str]) -> PlainCall | None:
    """The command, answers file and flag values of a plain call, or None to let typer parse it."""
    if not args or args[0] not in ("score", "report"):
        return None
    flags = _flags(args[0])
    by_name = {name: flag for flag in flags for name in flag.names}
    values: dict[str, object] = {}
    repeated: dict[str, list[str]] = {}
    files: list[str] = []
    rest = iter(args[1:])
    for token in rest:
        if not token.startswith("-") or token == "-":
            files.append(token)
            continue
        name, eq, inline = token.partition("=")
        flag = by_name.get(name)
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
    for flag in flags:
        if flag.envvar and flag.field not in values and (env := os.environ.get(flag.envvar)):
            values[flag.field] = Path(env) if flag.kind == "path" else env
    return PlainCall(args[0], Path(files[0]), values)


def _flags(command: str) -> tuple[Flag, ...]:
    if command == "score":
        from mlops_maturity.cli.options.score import SCORE_FLAGS

        return SCORE_FLAGS
    from mlops_maturity.cli.options.report import REPORT_FLAGS

    return REPORT_FLAGS


def _value(flag: Flag, raw: str) -> object | None:
    if flag.kind == "format":
        return next((m for m in flag.choices or () if m.value == raw), None)
    if flag.kind in ("natural", "number"):
        return int(raw) if _NATURAL.fullmatch(raw) else None
    if not raw or raw.startswith("-"):
        return None
    return Path(raw) if flag.kind == "path" else raw
