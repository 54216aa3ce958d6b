"""The shipped templates' precompiled Python: current, and the same reports as compiling them on the run."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest

from mlops_maturity.files.questionnaire.shipped import templates_dir
from mlops_maturity.render.report import precompiled
from mlops_maturity.render.report.render import environment

from support import EXAMPLES, Run

COMPILED = templates_dir() / precompiled.COMPILED_FILE
# The Python is Jinja's own and belongs to the Jinja that wrote it: with another installed (the floor
# test installs the oldest allowed), the templates are compiled on the run, which the tests below cover.
SAME_JINJA = json.loads(COMPILED.read_text(encoding="utf-8"))["jinja2"] == jinja2.__version__
written_by_this_jinja = pytest.mark.skipif(
    not SAME_JINJA, reason="compiled.json was written by another Jinja version; templates compile on the run"
)


def _fresh() -> str:
    return precompiled.compile_shipped({"markdown": environment(None), "svg": environment(None, svg=True)})


def test_the_precompiled_templates_are_current(request: pytest.FixtureRequest) -> None:
    fresh = _fresh()
    if request.config.getoption("--update-goldens"):
        COMPILED.write_text(fresh, encoding="utf-8", newline="\n")
        return
    if not SAME_JINJA:
        pytest.skip("compiled.json was written by another Jinja version; `pytest --update-goldens` rewrites it")
    assert COMPILED.read_text(encoding="utf-8") == fresh, (
        f"{COMPILED} is stale: run `pytest --update-goldens` after editing a shipped template"
    )


def test_every_shipped_template_is_precompiled() -> None:
    data = json.loads(COMPILED.read_text(encoding="utf-8"))
    names = {p.relative_to(templates_dir()).as_posix() for p in templates_dir().rglob("*.j2")}
    assert set(data["markdown"]) | set(data["svg"]) == names


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("stage*.yaml")), ids=lambda p: p.stem)
def test_precompiled_and_compiled_on_the_run_give_the_same_report(
    cli: Callable[..., Run], example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "fast").mkdir()
    (tmp_path / "slow").mkdir()
    fast = cli("report", example, "-o", tmp_path / "fast" / "r.md")
    assert fast.code == 0, fast.err
    used: list[str] = []
    original = precompiled.PrecompiledLoader.load

    def counting(self: precompiled.PrecompiledLoader, env: object, name: str, globals: object = None) -> object:
        used.append(name)
        return original(self, env, name, globals)  # type: ignore[arg-type]

    monkeypatch.setattr(precompiled.PrecompiledLoader, "load", counting)
    monkeypatch.setattr(precompiled, "_compiled", lambda: {})  # as with another Jinja version installed
    slow = cli("report", example, "-o", tmp_path / "slow" / "r.md")
    assert slow.code == 0, slow.err
    assert used, "the shipped loader was not used"
    for name in ("r.md", "r.svg"):
        assert (tmp_path / "fast" / name).read_text(encoding="utf-8") == (tmp_path / "slow" / name).read_text()


def test_a_template_edited_since_it_was_compiled_is_compiled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    stale = {"markdown": {"report.md.j2": {"digest": "0" * 64, "python": "raise SystemExit('stale code ran')"}}}
    monkeypatch.setattr(precompiled, "_compiled", lambda: stale)
    env = environment(None)
    assert env.get_template("report.md.j2") is not None  # the stale Python was not run


@written_by_this_jinja
def test_the_precompiled_python_is_what_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    env = environment(None)

    def never(*_args: object) -> None:
        raise AssertionError("a shipped template was parsed on the run")

    monkeypatch.setattr(env, "_parse", never)
    for name in json.loads(COMPILED.read_text(encoding="utf-8"))["markdown"]:
        env.get_template(name)
    template = env.get_template("sections/evidence.md.j2")
    assert template.filename == str(templates_dir() / "sections" / "evidence.md.j2")  # errors still name the file
