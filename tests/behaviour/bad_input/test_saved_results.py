"""A saved result is input: an edited or damaged one gets exit 2 and a located message, never exit 3 or a comparison.

Each case starts from a real ``score --format json`` result and breaks one thing, the way an
edit by hand (or by a hostile script) would; huge numbers and deep nesting are built here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from support import EXAMPLES, Run, run_process

Cli = Callable[..., Run]
TEAM = EXAMPLES / "stage2-first-deployment.yaml"
NEWER = EXAMPLES / "stage3-platform-serving.yaml"
HEADER = "not a result saved by `mlops-maturity score --format json` (edited or damaged)"


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return edit


# case -> (edit of the parsed result, the key path the message names, what the message says)
EDITS: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "impossible-date": (_set(("assessed_on",), "9999-99-99"), "assessed_on", "not a real date (YYYY-MM-DD"),
    "negative-stage": (_set(("stage", "number"), -5), "stage.number", "-5 is below 0"),
    "stage-above-top": (_set(("stage", "number"), 9), "stage.number", "stage 9 is above the top stage, 5"),
    "negative-target": (_set(("target_stage",), -1), "target_stage", "-1 is below 0"),
    "huge-team": (_set(("team",), "T" * 500_000), "team", "500,000 characters, longer than any text a result holds"),
    "long-team": (_set(("team",), "T" * 201), "team", "201 characters; a team name has at most 200"),
    "zero-questions": (
        _set(("completeness", "questions"), 0),
        "completeness.questions",
        "no questions: an assessment answers at least one",
    ),
    "no-answers": (_set(("answers",), []), "answers", "is empty; a result lists every question's answer"),
    "no-dimensions": (_set(("dimensions",), []), "dimensions", "is empty; a result scores at least one dimension"),
    "negative-weight": (_set(("dimensions", 0, "weight"), -2.0), "dimensions[0].weight", "-2.0 is below 0"),
}

# case -> (text edit on the saved JSON, what the message says)
TEXT_EDITS: dict[str, tuple[Callable[[str], str], str]] = {
    "nan-weight": (lambda t: t.replace('"weight": 1.0', '"weight": NaN', 1), "'NaN' is not a number a result can hold"),
    "infinite-weight": (
        lambda t: t.replace('"weight": 1.0', '"weight": -Infinity', 1),
        "'-Infinity' is not a number a result can hold",
    ),
    "overflowing-weight": (
        lambda t: t.replace('"weight": 1.0', '"weight": 1e400', 1),
        "'1e400' is too large to be a number in a result",
    ),
    "stage-10-to-the-400": (
        lambda t: t.replace('"number": 2,', '"number": 1' + "0" * 400 + ",", 1),
        "(401 characters) is a whole number of more than 15 digits; a result has none",
    ),
    "5000-digit-number": (
        lambda t: t.replace('"number": 2,', '"number": ' + "7" * 5000 + ",", 1),
        "(5,000 characters) is a whole number of more than 15 digits",
    ),
    "duplicate-key": (lambda t: t.replace('"team": ', '"team": "A", "team": ', 1), "a key given twice in one object"),
    "deep-nesting": (lambda t: "[" * 100_000 + "]" * 100_000, "nested more than 32 levels deep"),
    "not-json": (lambda t: t[:-20], "invalid JSON:"),
}


@pytest.fixture(scope="module")
def saved() -> str:
    run = run_process("score", TEAM, "--format", "json")
    assert run.code == 0, run.err
    return run.out


def _check(cli: Cli, old: Path, *fragments: str) -> None:
    for fmt in ("text", "json", "markdown"):
        run = cli("compare", old, NEWER, "--format", fmt)
        assert run.code == 2, (fmt, run.err[:300])
        assert run.out == ""
        assert run.err.startswith(f"error: {old}"), run.err[:300]
        assert "internal error" not in run.err and "Traceback" not in run.err
        assert len(run.err) < 2_000
        for fragment in fragments:
            assert fragment in run.err, run.err[:500]


@pytest.mark.parametrize("case", sorted(EDITS))
def test_an_edited_result_is_refused_with_the_key_it_names(cli: Cli, tmp_path: Path, saved: str, case: str) -> None:
    edit, where, message = EDITS[case]
    data = json.loads(saved)
    edit(data)
    old = tmp_path / f"{case}.json"
    old.write_text(json.dumps(data, indent=2))
    _check(cli, old, HEADER, f": {where}: ", message)


@pytest.mark.parametrize("case", sorted(TEXT_EDITS))
def test_a_damaged_result_is_refused(cli: Cli, tmp_path: Path, saved: str, case: str) -> None:
    edit, message = TEXT_EDITS[case]
    old = tmp_path / f"{case}.json"
    old.write_text(edit(saved))
    _check(cli, old, message)


def test_the_saved_result_itself_compares(cli: Cli, tmp_path: Path, saved: str) -> None:
    old = tmp_path / "old.json"
    old.write_text(saved)
    run = cli("compare", old, NEWER)
    assert run.code == 0, run.err


def test_a_result_over_the_size_limit_is_refused(cli: Cli, tmp_path: Path) -> None:
    from mlops_maturity.files.saved_result import MAX_RESULT_BYTES

    old = tmp_path / "huge.json"
    old.write_text(" " * (MAX_RESULT_BYTES + 1))
    run = cli("compare", old, NEWER)
    assert (run.code, run.err) == (2, f"error: {old}: larger than the 16384 KiB limit for an input file\n")
