"""Turn pydantic's validation errors into located, human messages."""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from mlops_maturity.cut import excerpt
from mlops_maturity.engine.model.frozen import QUESTION_ID, VERSION
from mlops_maturity.errors import Problem
from mlops_maturity.files.yaml_reader import Document, Loc, format_loc


def pydantic_problems(
    doc: Document,
    exc: ValidationError,
    model: type[BaseModel] | None = None,
    root_hint: Callable[[Loc], str] | None = None,
    base: Loc = (),
    *,
    quote_values: bool = True,
) -> tuple[Problem, ...]:
    """One ``Problem`` per error, with the data path (union tags dropped) and its line.

    ``quote_values=False`` leaves the wrong values out of the messages (for a file the tool wrote
    itself, such as a saved result, the key and the line say enough).
    """
    problems = []
    errors = exc.errors(include_url=False)
    for error in errors:
        if _follows_from_others(error, errors):
            continue
        loc = _data_loc(doc.data, (*base, *error["loc"]))
        message = _message(error, quote_values)
        if error["type"] == "extra_forbidden":
            message = f"unknown key {excerpt(str(loc[-1]))}"
            allowed = _allowed_keys(model, loc[len(base) : -1]) if model is not None else None
            if allowed:
                message += f"; valid keys here: {', '.join(allowed)}"
        if root_hint is not None:
            message += root_hint(loc)
        problems.append(Problem(doc.file, message, doc.line_of(loc), format_loc(loc)))
    return tuple(dict.fromkeys(problems))


_ID_HINT = "is not a valid id: use lower-case letters, digits, '_' and '-'"
_PATTERN_HINTS = {
    QUESTION_ID: "is not a valid question id: use lower-case letters, digits, '_' and '-', in parts joined by '.'",
    VERSION: "is not a version: write three whole numbers joined by dots, such as 1.2.0",
}


def _follows_from_others(error: Any, errors: list[Any]) -> bool:
    """A list long enough as written, found too short only because its items were wrong: their errors say it all."""
    if error["type"] != "too_short":
        return False
    given = error.get("input")
    if not isinstance(given, (list, tuple, dict)) or len(given) < error.get("ctx", {}).get("min_length", 1):
        return False
    where = tuple(error["loc"])
    return any(len(e["loc"]) > len(where) and tuple(e["loc"][: len(where)]) == where for e in errors)


def _message(error: Any, quote_values: bool = True) -> str:
    kind = error["type"]
    describe = _describe if quote_values else _kind_of
    if kind == "missing":
        return "required key is missing"
    if kind in ("too_short", "too_long"):
        return _length_message(error)
    if kind in ("model_type", "dict_type"):
        return f"expected a mapping (key: value), got {describe(error.get('input'))}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list, got {describe(error.get('input'))}"
    if kind == "string_type":
        return f"expected text, got {describe(error.get('input'))}"
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(error.get("ctx", {}).get("pattern"), _ID_HINT)
        return f"{excerpt(error.get('input')) if quote_values else 'the value'} {hint}"
    msg = str(error["msg"])
    return msg[len("Value error, ") :] if msg.startswith("Value error, ") else msg


def _length_message(error: Any) -> str:
    """How many items a list or mapping has against how many it may have, in the tool's words."""
    ctx = error.get("ctx", {})
    value = error.get("input")
    if isinstance(value, str):  # texts have their own limits, and pydantic words them well
        return str(error["msg"])
    key = next((part for part in reversed(error["loc"]) if isinstance(part, str)), "")
    noun = key[:-1] if key.endswith("s") and len(key) > 3 else "item"  # annotations -> annotation
    actual = len(value) if isinstance(value, (dict, list, tuple)) else ctx.get("actual_length", 0)  # as written
    if error["type"] == "too_long":
        return f"has {actual:,} {noun}s; at most {ctx.get('max_length', 0):,} are allowed here"
    least = ctx.get("min_length", 1)
    shape = " (key: value)" if isinstance(value, dict) else ""
    if not actual:
        return f"is empty; give at least {'one' if least == 1 else least} {noun}{'' if least == 1 else 's'}{shape}"
    return f"has {actual:,} {noun}{'s' if actual != 1 else ''}; give at least {least:,}"


def _kind_of(value: Any) -> str:
    """What kind of value was given, without quoting it."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return _describe(value) if isinstance(value, (dict, list)) or value is None else "another kind of value"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (empty value)"
    return excerpt(value)


def _data_loc(data: Any, loc: Loc) -> Loc:
    """Keep only the parts of ``loc`` that exist in the data (drops union tag names)."""
    node = data
    out: list[str | int] = []
    for part in loc:
        has_key = isinstance(node, dict) and part in node
        has_item = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if has_key or has_item:
            node = node[part]
            out.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and part == loc[-1]:
            out.append(part)  # a missing key: name it
    return tuple(out)


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str] | None:
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif get_origin(current) in (tuple, list):
            current = get_args(current)[0]
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation
