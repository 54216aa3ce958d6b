"""The shipped questionnaire, checked once and kept as JSON beside its YAML.

Parsing fifteen YAML files and building pydantic validators for the whole
questionnaire costs more than scoring does, on every CI run. ``snapshot.json``
holds the questionnaire exactly as the loader returned it after every check,
plus a digest of the YAML it came from. :func:`load_snapshot` uses it only when
that digest still matches, so an edited questionnaire is always read from its
YAML; the snapshot is plain data, rebuilt into the same frozen models without
validation, and never carries code.

It is used for the shipped questionnaire only: a folder a user points at could
hold a hand-made snapshot that no check has seen. ``scripts/regenerate.py`` writes the committed
file and ``tests/content/test_generated.py`` fails when it is stale.
"""

from __future__ import annotations

import hashlib
import json
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.shipped import PROBES_FILE

SNAPSHOT_FILE = "snapshot.json"
FORMAT = 1
_NOTE = "Generated from the YAML in this folder; the tool ignores it once the YAML changes. Safe to delete."


def source_digest(directory: Path) -> str:
    """SHA-256 over the name and bytes of every YAML file the loader reads."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.yaml")) + sorted(directory.glob("questions/*.yaml")):
        if path.name == PROBES_FILE:  # read by ``scan`` only; the questionnaire does not depend on it
            continue
        data = path.read_bytes()
        digest.update(f"{path.relative_to(directory).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def render_snapshot(questionnaire: Questionnaire, directory: Path) -> str:
    document = {
        "note": _NOTE,
        "format": FORMAT,
        "source_sha256": source_digest(directory),
        "questionnaire": questionnaire.model_dump(mode="json"),
    }
    return json.dumps(document, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def load_snapshot(directory: Path) -> Questionnaire | None:
    """The questionnaire from ``snapshot.json``, or None when it is missing, stale or unreadable."""
    try:
        document = json.loads((directory / SNAPSHOT_FILE).read_text(encoding="utf-8"))
        if document.get("format") != FORMAT or document.get("source_sha256") != source_digest(directory):
            return None
        built = construct(Questionnaire, document["questionnaire"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return built if isinstance(built, Questionnaire) else None


def construct(annotation: Any, data: Any) -> Any:
    """Rebuild trusted, already-validated data into models, following the type annotations."""
    return _builder(annotation)(data)


Builder = Callable[[Any], Any]
_MODEL_PLANS: dict[type[BaseModel], dict[str, Builder]] = {}


def _builder(annotation: Any) -> Builder:
    """A function that rebuilds data of this annotation; worked out once per annotation, not per value."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _builder(typing.get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_builder(annotation)
    if origin is tuple:
        item = _builder(typing.get_args(annotation)[0])
        return lambda data: tuple(item(value) for value in data)
    if origin is typing.Union or origin is types.UnionType:
        return _union_builder(_models(typing.get_args(annotation)))
    return _same


def _same(data: Any) -> Any:
    return data


def _model_builder(model: type[BaseModel]) -> Builder:
    def build(data: Any) -> Any:
        plan = _MODEL_PLANS.get(model)
        if plan is None:  # filled on first use: models may refer to themselves through a union
            hints = typing.get_type_hints(model, include_extras=True)
            plan = _MODEL_PLANS[model] = {name: _builder(hints[name]) for name in model.model_fields}
        return model.model_construct(**{key: plan[key](value) for key, value in data.items()})

    return build


def _union_builder(models: list[type[BaseModel]]) -> Builder:
    # A dumped model carries every field of its class, so its keys name the class.
    choices = [(frozenset(m.model_fields), _model_builder(m)) for m in models]

    def build(data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        fits = [make for fields, make in choices if fields.issuperset(data)]
        if len(fits) != 1:
            raise ValueError(f"cannot tell which model holds the keys {sorted(data)}")
        return fits[0](data)

    return build


def _models(members: tuple[Any, ...]) -> list[type[BaseModel]]:
    """The model classes in a union, looking through Annotated and nested unions."""
    found: list[type[BaseModel]] = []
    for member in members:
        while typing.get_origin(member) is typing.Annotated:
            member = typing.get_args(member)[0]
        if typing.get_origin(member) in (typing.Union, types.UnionType):
            found += _models(typing.get_args(member))
        elif isinstance(member, type) and issubclass(member, BaseModel):
            found.append(member)
    return found
