"""The project's repository is named one way everywhere, and while it is a placeholder, that is said once (issue 22,
item 17): every snippet that installs from Git, the Action's ``uses:``, the pre-commit ``repo:`` and the project URLs
of ``pyproject.toml``."""

from __future__ import annotations

import re
from pathlib import Path

from support import ROOT

PLACEHOLDER = "OWNER"
EXPLAINED = "**`OWNER` is a placeholder.**"
NAMED = re.compile(r"(?:github\.com/|uses: )([\w.-]+)/mlops-maturity\b")


def project_owner() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    urls = text.split("[project.urls]", 1)[1].split("\n[", 1)[0]
    found = re.search(r'^Repository = "https://github\.com/([\w.-]+)/mlops-maturity"$', urls, re.MULTILINE)
    assert found is not None, "pyproject.toml names no Repository URL under [project.urls]"
    return found[1]


def files_that_name_it() -> list[Path]:
    candidates = [
        ROOT / "README.md",
        ROOT / "action.yml",
        ROOT / ".pre-commit-hooks.yaml",
        *sorted((ROOT / "docs").rglob("*.md")),
        *sorted((ROOT / "docs").rglob("*.yml")),
    ]
    return [p for p in candidates if NAMED.search(p.read_text(encoding="utf-8"))]


def test_every_snippet_names_the_repository_of_pyproject() -> None:
    owner = project_owner()
    files = files_that_name_it()
    assert ROOT / "docs" / "ci.md" in files
    for path in files:
        owners = set(NAMED.findall(path.read_text(encoding="utf-8")))
        assert owners == {owner}, (path, owners)


def test_a_placeholder_is_explained_once_and_every_other_file_points_there() -> None:
    if project_owner() != PLACEHOLDER:  # a real home: nothing to explain
        return
    docs = [p for p in (ROOT / "docs").rglob("*.md") if EXPLAINED in p.read_text(encoding="utf-8")]
    assert docs == [ROOT / "docs" / "ci.md"]
    assert (ROOT / "docs" / "ci.md").read_text(encoding="utf-8").count(EXPLAINED) == 1
    for path in [*files_that_name_it(), ROOT / "pyproject.toml"]:
        if path.name != "ci.md":
            assert "docs/ci.md" in path.read_text(encoding="utf-8"), path
