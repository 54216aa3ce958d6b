"""docs/ci.md, docs/custom-questionnaires.md and docs/editors.md say what the files and the CLI do."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from support import ROOT, run_process

DOCS = ROOT / "docs"


def blocks(path: Path, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def test_gitlab_job_in_the_docs_is_the_shipped_one() -> None:
    shipped: dict[str, Any] = yaml.safe_load((ROOT / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    documented = next(yaml.safe_load(b) for b in blocks(DOCS / "ci.md", "yaml") if "artifacts:" in b)
    job = dict(shipped["mlops-maturity"])
    job.pop("rules")
    assert documented == {"mlops-maturity": job}


def test_every_action_input_is_documented() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    text = (DOCS / "ci.md").read_text(encoding="utf-8")
    for name, spec in action["inputs"].items():
        row = next(
            (line for line in text.splitlines() if line.startswith(f"| `{name}`") or f"`, `{name}`" in line), None
        )
        assert row is not None, name
        default = str(spec.get("default", ""))
        if default:
            assert f"`{default}`" in row, (name, default)
    for name in action["outputs"]:
        assert f"`{name}`" in text


def test_documented_hook_ids_exist() -> None:
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    documented = set(re.findall(r"- id: (mlops-maturity-\w+)", (DOCS / "ci.md").read_text(encoding="utf-8")))
    assert documented == hooks


def test_the_copy_command_finds_the_shipped_folder() -> None:
    command = next(b for b in blocks(DOCS / "custom-questionnaires.md", "bash") if b.startswith("cp -r"))
    snippet = re.search(r"python -c '([^']+)'", command)
    assert snippet is not None
    out = subprocess.run([sys.executable, "-c", snippet.group(1)], capture_output=True, text=True, check=True).stdout
    assert (Path(out.strip()) / "questionnaire.yaml").is_file()


def test_the_worked_example_matches_the_walkthrough() -> None:
    text = (DOCS / "custom-questionnaires.md").read_text(encoding="utf-8")
    folder = ROOT / "docs" / "custom-questionnaire" / "questionnaire"
    for needle, file in [
        ("id: collaboration.model_risk_review", "questions/collaboration.yaml"),
        ("id: unreviewed_models", "stages.yaml"),
        ("id: independent_model_review", "stages.yaml"),
        ("weight: 2", "questionnaire.yaml"),
    ]:
        assert needle in text and needle in (folder / file).read_text(encoding="utf-8"), needle


def test_init_options_in_the_editor_docs_exist() -> None:
    text = (DOCS / "editors.md").read_text(encoding="utf-8")
    run = run_process("init", "--help", env={"COLUMNS": "200"})
    for option in ("--schema", "--no-schema"):
        assert option in run.out
    for row in ("`--schema FILE`", "`--schema URL`", "`--no-schema`"):
        assert row in text
