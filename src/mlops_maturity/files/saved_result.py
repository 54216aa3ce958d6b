"""Read a result saved with ``score --format json``: input like any other, checked as strictly as an answers file.

A saved result is a file anyone can edit, so it gets the same treatment as an
answers file: a size limit, a nesting limit, no NaN or infinite numbers, no
whole numbers too long to print, no text longer than the tool ever writes, and
values that make sense together (a real date, a stage between 0 and the top,
at least one question). Every problem is reported at once, each with its key
path and, where the file can be read as YAML, its line (JSON is YAML, so the
answers-file reader locates the keys; only a bad file pays for that).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mlops_maturity.cut import excerpt
from mlops_maturity.engine.model.answers import MAX_TEAM_CHARS
from mlops_maturity.engine.model.result import SCHEMA_VERSION, Result
from mlops_maturity.errors import InputFileError, Problem
from mlops_maturity.files.yaml_reader import MAX_DEPTH, MAX_FILE_BYTES, Document, Loc, parse, read_text

MAX_RESULT_BYTES = 16 * 1024 * 1024  # a result is about 1 KB a question: room for 10,000 questions and more
MAX_RESULT_TEXT = 20_000  # longer than any text the tool writes into a result (a question is at most 4,000)
MAX_DIGITS = 15  # whole numbers in a result are counts and stage numbers, never this long

HINT = "save a result with `mlops-maturity score FILE --format json`, or compare the answers files themselves"


class _Refused(ValueError):
    """A JSON number the reader will not take, with the text it was written as."""

    def __init__(self, literal: str, reason: str) -> None:
        super().__init__(reason)
        self.literal, self.reason = literal, reason


def read_result(path: Path) -> Result:
    """The result saved in ``path``; anything else is an ``InputFileError`` listing every problem."""
    file = str(path)
    text = read_text(path, max_bytes=MAX_RESULT_BYTES, kind="JSON")
    data = _parse(text, file)
    if not isinstance(data, dict):
        raise InputFileError(f"{file}: not a JSON object; {HINT}")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise InputFileError(
            f"{file}: result schema_version {excerpt(version)}, but this version of mlops-maturity reads "
            f"{SCHEMA_VERSION}; score the answers file again"
        )
    found = list(_shape_problems(data))
    if found:
        _refuse(text, file, data, found)
    try:
        result = Result.model_validate(data)
    except ValidationError as exc:
        from mlops_maturity.files.located_errors import pydantic_problems

        problems = pydantic_problems(_located(text, file, data), exc, Result, quote_values=False)
        _refuse(text, file, data, [], problems)
    found = list(_sense_problems(result))
    if found:
        _refuse(text, file, data, found)
    return result


def _refuse(text: str, file: str, data: Any, found: list[tuple[Loc, str]], more: tuple[Problem, ...] = ()) -> None:
    doc = _located(text, file, data)
    problems = (*(doc.problem(loc, message) for loc, message in found), *more)
    header = Problem(file, f"not a result saved by `mlops-maturity score --format json` (edited or damaged): {HINT}")
    raise InputFileError(header.message, (header, *problems))


def _parse(text: str, file: str) -> Any:
    try:
        return json.loads(
            text,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
            parse_float=_finite_float,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        problem = Problem(file, f"invalid JSON: {exc.msg}; {HINT}", exc.lineno)
        raise InputFileError(str(problem), (problem,)) from None
    except _Refused as exc:
        message = exc.reason if exc.reason.startswith("a key") else f"{excerpt(exc.literal)} {exc.reason}"
        problem = Problem(file, message, _line_of_literal(text, exc.literal))
        raise InputFileError(str(problem), (problem,)) from None
    except RecursionError:
        raise InputFileError(f"{file}: nested more than {MAX_DEPTH} levels deep; {HINT}") from None


def _no_constant(literal: str) -> Any:
    raise _Refused(literal, "is not a number a result can hold (NaN and infinity are not numbers)")


def _bounded_int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_DIGITS:
        raise _Refused(literal, f"is a whole number of more than {MAX_DIGITS} digits; a result has none")
    return int(literal)


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _Refused(literal, "is too large to be a number in a result")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(json.dumps(key), "a key given twice in one object")
        out[key] = value
    return out


def _line_of_literal(text: str, literal: str) -> int | None:
    """The line of the first place ``literal`` stands on its own (not inside a longer number or word)."""
    match = re.search(rf"(?<![\w.\"]){re.escape(literal)}(?![\w.])", text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1


def _shape_problems(data: Any) -> Iterator[tuple[Loc, str]]:
    """Nesting, text lengths and signs, checked on every value without recursion."""
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if len(loc) > MAX_DEPTH:
            yield loc[: MAX_DEPTH + 1], f"nested more than {MAX_DEPTH} levels deep"
            continue
        if isinstance(value, dict):
            stack += [((*loc, key), item) for key, item in reversed(value.items())]
        elif isinstance(value, list):
            stack += [((*loc, i), item) for i, item in reversed(list(enumerate(value)))]
        elif isinstance(value, str) and len(value) > MAX_RESULT_TEXT:
            yield loc, f"{len(value):,} characters, longer than any text a result holds ({MAX_RESULT_TEXT:,})"
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            yield loc, f"{value!r} is below 0; every number in a result is a count, a stage, a score or a weight"


def _sense_problems(result: Result) -> Iterator[tuple[Loc, str]]:
    """Values that are each well formed but that no assessment produces."""
    if result.assessed_on is not None:
        try:
            dt.date.fromisoformat(result.assessed_on)
        except ValueError:
            yield ("assessed_on",), "not a real date (YYYY-MM-DD, such as 2026-09-30)"
    if len(result.team) > MAX_TEAM_CHARS:
        yield ("team",), f"{len(result.team):,} characters; a team name has at most {MAX_TEAM_CHARS}"
    top = result.stage.top
    if top < 1:
        yield ("stage", "top"), f"{top} is not a top stage; a questionnaire has stages 0 to at least 1"
        return
    stages: list[tuple[Loc, int]] = [
        (("stage", "number"), result.stage.number),
        (("stage", "delivery", "number"), result.stage.delivery.number),
        (("target_stage",), result.target_stage),
        *((("stages", i, "number"), s.number) for i, s in enumerate(result.stages)),
        *((("gaps", i, "stage"), g.stage) for i, g in enumerate(result.gaps)),
    ]
    if result.stage.next is not None:
        stages.append((("stage", "next", "number"), result.stage.next.number))
    for loc, number in stages:
        if number > top:
            yield loc, f"stage {number} is above the top stage, {top}"
    done = result.completeness
    if done.questions < 1:
        yield ("completeness", "questions"), "no questions: an assessment answers at least one"
    for name in ("answered", "unknown", "not_applicable", "unanswered", "skipped", "pending"):
        if getattr(done, name) > done.questions:
            yield ("completeness", name), f"{getattr(done, name)} is more than the {done.questions} questions"
    if not result.answers:
        yield ("answers",), "is empty; a result lists every question's answer"
    if not result.dimensions:
        yield ("dimensions",), "is empty; a result scores at least one dimension"
    for i, dimension in enumerate(result.dimensions):
        if dimension.answered > dimension.questions:
            yield (
                ("dimensions", i, "answered"),
                f"{dimension.answered} is more than its {dimension.questions} questions",
            )


def _located(text: str, file: str, data: Any) -> Document:
    """The parsed result with the line of every key, read again as YAML (JSON is YAML); no lines if that fails.

    Only a file within the answers-file limits is read again, so a large bad file costs no more than a good one.
    """
    lines: dict[Loc, int] = {}
    if len(text) <= MAX_FILE_BYTES:
        with contextlib.suppress(InputFileError):
            lines = parse(text, file).lines
    return Document(file, data, lines)
