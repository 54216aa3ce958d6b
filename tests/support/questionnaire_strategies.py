"""Hypothesis strategies for generated questionnaire folders (the answers to them are in ``strategies.py``).

A generated folder is YAML text, written to a fresh directory and read back
through ``load_questionnaire``, so the loader and the integrity checks see
every example. The generator only builds what those checks accept: a
questionnaire it makes that fails to load is a bug in one or the other.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support.strategies import OPTION_IDS, PLAIN_LABELS, QUESTION_IDS, SLUGS, TEXTS

WEIGHTS = st.one_of(st.sampled_from((1, 2, 0.5, 100, 0.001)), st.floats(min_value=0.001, max_value=100))
_START, _STEP = st.integers(0, 500), st.integers(1, 100)
_FSTART, _FSTEP = st.floats(min_value=0, max_value=500), st.floats(min_value=0.001, max_value=100)


@dataclass(frozen=True)
class Folder:
    """A questionnaire folder as text: relative path -> file content."""

    files: dict[str, str]

    def write(self, directory: Path) -> Path:
        for name, text in self.files.items():
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        return directory


@contextmanager
def written(folder: Folder) -> Iterator[Path]:
    """The folder written to a fresh temporary directory (function-scoped fixtures outlive examples)."""
    with tempfile.TemporaryDirectory(prefix="mm-props-") as tmp:
        yield folder.write(Path(tmp) / "q")


def load_folder(folder: Folder) -> Questionnaire:
    with written(folder) as directory:
        return load_questionnaire(directory)


@dataclass(frozen=True)
class _Q:
    id: str
    options: tuple[str, ...]


try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


def _dump(data: Any, flow: bool, unicode: bool) -> str:
    style = None if flow else False
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=unicode, default_flow_style=style)


def _monotone(draw: st.DrawFn, pool: list[_Q], depth: int = 0) -> dict[str, Any]:
    """An applies_when condition: only at_least, all_of and any_of, over questions in ``pool``."""
    if depth < 2 and draw(st.integers(0, 3)) == 0:
        key = draw(st.sampled_from(("all_of", "any_of")))
        return {key: [_monotone(draw, pool, depth + 1) for _ in range(draw(st.integers(1, 3)))]}
    target = draw(st.sampled_from(pool))
    return {"question": target.id, "at_least": draw(st.sampled_from(target.options))}


def _any_condition(
    draw: st.DrawFn, pool: list[_Q], top_stage: int, levels: list[str], depth: int = 0, placement: bool = True
) -> Any:
    """A consistency rule's condition: every comparison, placement atoms included unless ``placement`` is False."""
    kind = draw(st.integers(0, 5)) if depth < 2 else draw(st.integers(0, 3))
    if kind == 3 and not placement:
        kind = 0
    if kind <= 2:
        target = draw(st.sampled_from(pool))
        comparison = ("at_least", "at_most", "equals")[kind]
        return {"question": target.id, comparison: draw(st.sampled_from(target.options))}
    if kind == 3:
        key = draw(st.sampled_from(("stage_at_least", "stage_at_most", "level_at_least", "level_at_most")))
        if key.startswith("stage"):
            return {key: draw(st.integers(0, top_stage))}
        return {key: draw(st.sampled_from(levels))}
    key = "all_of" if kind == 4 else "any_of"
    return {
        key: [
            _any_condition(draw, pool, top_stage, levels, depth + 1, placement) for _ in range(draw(st.integers(1, 3)))
        ]
    }


def _criteria(draw: st.DrawFn, pool: list[_Q], roles: bool = True) -> list[dict[str, Any]]:
    """Criteria of one rung; with ``roles`` the first is defining and the others may be supporting.

    A criterion may have alternative readings (other questions that meet it), never a question
    the rung already names.
    """
    chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=5, unique_by=lambda x: x.id))
    picked, spare = chosen[: draw(st.integers(1, min(3, len(chosen))))], chosen[3:]
    out: list[dict[str, Any]] = [{"question": x.id, "at_least": draw(st.sampled_from(x.options))} for x in picked]
    if spare and draw(st.booleans()):
        out[0]["alternatives"] = [{"question": x.id, "at_least": draw(st.sampled_from(x.options))} for x in spare]
    for criterion in out[1:] if roles else ():
        role = draw(st.sampled_from((None, "defining", "supporting")))
        if role is not None:
            criterion["role"] = role
    return out


def _question_refs(draw: st.DrawFn, pool: list[_Q]) -> list[str]:
    return [x.id for x in draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique_by=lambda x: x.id))]


def _options(draw: st.DrawFn, label: Callable[[], str]) -> list[dict[str, Any]]:
    ids = draw(st.lists(OPTION_IDS, min_size=2, max_size=5, unique=True))
    options: list[dict[str, Any]] = [{"id": i, "label": label()} for i in ids]
    style = draw(st.sampled_from(("default", "integers", "floats")))
    if style == "default":
        return options  # points default to the position: 0, 1, 2, ...
    # Cumulative steps: strictly increasing by construction, and at most 500 + 4 * 100 <= 1000.
    start, step = (_START, _STEP) if style == "integers" else (_FSTART, _FSTEP)
    points = [draw(start)]
    for _ in ids[1:]:
        points.append(points[-1] + draw(step))
    return [{**o, "points": p} for o, p in zip(options, points, strict=True)]


@st.composite
def folders(draw: st.DrawFn) -> Folder:
    """A valid questionnaire folder: 1-5 dimensions, 1-15 questions, 2-5 stages, 2-4 levels, 0-3 rules."""
    # Questionnaire text comes from a few strings drawn once: every field can be awkward, and
    # drawing a fresh text for each of the hundred-odd fields would make generation crawl.
    choices = PLAIN_LABELS + tuple(draw(st.lists(TEXTS, max_size=3)))
    pick = st.integers(0, len(choices) - 1)

    def label() -> str:
        return choices[draw(pick)]

    dims = draw(st.lists(SLUGS, min_size=1, max_size=5, unique=True))
    count = draw(st.integers(len(dims), 15))
    qids = draw(st.lists(QUESTION_IDS, min_size=count, max_size=count, unique=True))
    # Every dimension gets a question; the rest are spread at random.
    owner = dims + [draw(st.sampled_from(dims)) for _ in range(count - len(dims))]
    # applies_when may only look at questions earlier in this order, so there are no cycles,
    # yet a question can still depend on one listed after it in the files.
    order = draw(st.permutations(range(count)))
    raw: list[dict[str, Any]] = []
    info: list[_Q] = []
    for qid in qids:
        options = _options(draw, label)
        info.append(_Q(qid, tuple(o["id"] for o in options)))
        question: dict[str, Any] = {
            "id": qid,
            "title": label(),
            "text": label(),
            "help": label(),
            "options": options,
        }
        if draw(st.booleans()):
            question["weight"] = draw(WEIGHTS)
        if draw(st.booleans()):
            question["allow_not_applicable"] = True
        raw.append(question)
    for rank, index in enumerate(order):
        earlier = [info[i] for i in order[:rank]]
        if earlier and draw(st.integers(0, 2)) == 0:
            raw[index]["applies_when"] = _monotone(draw, earlier)

    flow, unicode = draw(st.booleans()), draw(st.booleans())
    head_dims: list[dict[str, Any]] = []
    for dim in dims:
        entry: dict[str, Any] = {"id": dim, "title": label(), "description": label()}
        if draw(st.booleans()):
            entry["weight"] = draw(WEIGHTS)
        head_dims.append(entry)
    head = {
        "id": draw(SLUGS),
        "version": f"{draw(st.integers(0, 20))}.{draw(st.integers(0, 20))}.{draw(st.integers(0, 20))}",
        "title": label(),
        "description": label(),
        "dimensions": head_dims,
    }
    files = {"questionnaire.yaml": _dump(head, flow, unicode)}
    for d, dim in enumerate(dims):
        mine = [q for q, o in zip(raw, owner, strict=True) if o == dim]
        # A dimension may be spread over two files; the loader keeps file order within it.
        cut = draw(st.integers(1, len(mine))) if len(mine) > 1 and draw(st.booleans()) else len(mine)
        for part, chunk in enumerate((mine[:cut], mine[cut:])):
            if chunk:
                files[f"questions/{d:02d}-{part}.yaml"] = _dump({"dimension": dim, "questions": chunk}, flow, unicode)

    top = draw(st.integers(1, 4))
    risk_ids = iter(draw(st.lists(SLUGS, min_size=2 * (top + 1), max_size=2 * (top + 1), unique=True)))
    discipline_ids = iter(draw(st.lists(SLUGS, min_size=2 * (top + 1), max_size=2 * (top + 1), unique=True)))
    stage_ids = draw(st.lists(SLUGS, min_size=top + 1, max_size=top + 1, unique=True))
    stages: list[dict[str, Any]] = []
    for number in range(top + 1):
        stage: dict[str, Any] = {
            "number": number,
            "id": stage_ids[number],
            "name": label(),
            "summary": label(),
        }
        if number > 0:
            stage["criteria"] = _criteria(draw, info)
        if number > 0 or draw(st.booleans()):
            risks = [
                {
                    "id": next(risk_ids),
                    "title": label(),
                    "description": label(),
                    **(
                        {"when": _any_condition(draw, info, top, [], placement=False)}
                        if draw(st.booleans())
                        else {"questions": _question_refs(draw, info)}
                    ),
                }
                for _ in range(draw(st.integers(1, 2)))
            ]
            stage["risks"] = risks
            stage["disciplines"] = [
                {
                    "id": next(discipline_ids),
                    "title": label(),
                    "description": label(),
                    "addresses": draw(st.lists(st.sampled_from([r["id"] for r in risks]), min_size=1, unique=True)),
                    "improves": _question_refs(draw, info),
                }
                for _ in range(draw(st.integers(1, 2)))
            ]
        stages.append(stage)
    files["stages.yaml"] = _dump({"stages": stages}, flow, unicode)

    level_ids = draw(
        st.one_of(
            st.sampled_from((["no", "low", "high"], ["no", "high"])),
            st.lists(SLUGS, min_size=2, max_size=4, unique=True),
        )
    )
    levels: list[dict[str, Any]] = []
    for i, level_id in enumerate(level_ids):
        level: dict[str, Any] = {"id": level_id, "name": label(), "description": label()}
        if i > 0:
            level["criteria"] = _criteria(draw, info)
        levels.append(level)
    files["levels.yaml"] = _dump({"levels": levels}, flow, unicode)

    rule_ids = draw(st.lists(SLUGS, max_size=3, unique=True))
    rules = [{"id": rid, "when": _any_condition(draw, info, top, level_ids), "message": label()} for rid in rule_ids]
    if rules or draw(st.booleans()):
        files["rules.yaml"] = _dump({"rules": rules}, flow, unicode)
    return Folder(files)


def questionnaires() -> st.SearchStrategy[Questionnaire]:
    return folders().map(load_folder)
