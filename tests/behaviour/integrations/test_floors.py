"""The lowest dependency versions pyproject.toml allows still pass the tests (``constraints/floor.txt``).

A fresh virtual environment gets this checkout installed with every runtime
dependency held at its floor (and the pinned test tools), then runs the fast
tests in it. With typer 0.16 pip picks the newest click, which is what a user
who installs the floor gets too.
"""

from __future__ import annotations

import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from support import ROOT

FLOOR = ROOT / "constraints" / "floor.txt"


def _pins() -> dict[str, str]:
    lines = [line.split("#")[0].strip() for line in FLOOR.read_text(encoding="utf-8").splitlines()]
    return dict(line.lower().split("==") for line in lines if line)


def test_every_runtime_dependency_has_its_floor_pinned() -> None:
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = project.split("dependencies = [", 1)[1].split("]", 1)[0]
    floors = {name.lower(): floor for name, floor in re.findall(r'"([A-Za-z0-9_.-]+)>=([0-9.]+)', block)}
    pins = _pins()
    assert set(pins) == set(floors) == {"typer", "pydantic", "pyyaml", "rich", "jinja2"}
    for name, floor in floors.items():
        assert pins[name] == floor or pins[name].startswith(floor + "."), (name, pins[name], floor)


@pytest.mark.slow
def test_the_fast_tests_pass_on_the_floors(tmp_path: Path) -> None:
    env_dir = tmp_path / "floor"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--constraint", str(FLOOR), f"{ROOT}[test]"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if install.returncode != 0 and "No matching distribution" in install.stderr:
        pytest.skip(f"a floor version cannot be installed here: {install.stderr.strip().splitlines()[-1]}")
    assert install.returncode == 0, install.stderr
    versions = subprocess.run(
        [str(python), "-m", "pip", "list", "--format", "freeze"], capture_output=True, text=True, check=True
    ).stdout.lower()
    for name, version in _pins().items():
        assert f"{name}=={version}" in versions.replace("_", "-"), (name, version)
    run = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-m", "not slow", "-p", "no:cacheprovider", "-x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert sys.executable != str(python)
