"""CI integrations: pre-commit hooks (run for real), the GitHub composite action, the GitLab job."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import DATA, ROOT, TINY

BIN = Path(sys.executable).parent  # where this environment's mlops-maturity and python live
PARTIAL = DATA / "answers" / "tiny-partial.yaml"
TOP = DATA / "answers" / "tiny-top.yaml"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- pre-commit ---------------------------------------------------------------------------------


def test_hooks_manifest_is_valid() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = {h["id"]: h for h in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert sorted(hooks) == ["mlops-maturity-score", "mlops-maturity-validate"]
    assert hooks["mlops-maturity-validate"]["entry"] == "mlops-maturity validate"
    assert hooks["mlops-maturity-score"]["entry"] == "mlops-maturity score"
    assert hooks["mlops-maturity-score"]["pass_filenames"] is False
    assert hooks["mlops-maturity-score"]["args"] == ["mlops-answers.yaml"]


@pytest.mark.parametrize(
    ("path", "matched"),
    [
        ("answers.yaml", True),
        ("mlops-answers.yaml", True),
        ("ml/fraud/mlops-answers.yml", True),
        ("assessments/fraud/2026-11-22.yaml", True),
        ("assessments/fraud/2026-q3.yaml", True),
        (".pre-commit-config.yaml", False),
        ("questionnaires/mlops-maturity/stages.yaml", False),
        ("assessments/README.md", False),
        ("mlops-answers.schema.json", False),
    ],
)
def test_hooks_run_on_the_file_names_the_readme_uses(path: str, matched: bool) -> None:
    import re

    for hook in load(ROOT / ".pre-commit-hooks.yaml"):
        assert bool(re.search(hook["files"], path)) is matched, (hook["id"], path)  # pre-commit uses re.search


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "MLOPS_MATURITY_QUESTIONNAIRE": str(TINY),
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module, so the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def team_repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "team"
    repo.mkdir()
    git(repo, "init", "-q")
    shutil.copy(PARTIAL, repo / "mlops-answers.yaml")
    git(repo, "add", "mlops-answers.yaml")
    return repo


@pytest.mark.slow
def test_validate_hook_with_try_repo(team_repo: Path, hook_home: Path) -> None:
    """pre-commit builds the hook's environment from this checkout (pip install) and runs it."""
    for name in ("answers.yaml", "assessments/fraud/2026-11-22.yaml"):
        (team_repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PARTIAL, team_repo / name)
        git(team_repo, "add", name)
    run = pre_commit(team_repo, hook_home, "try-repo", str(ROOT), "mlops-maturity-validate", "--all-files", "-v")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "check MLOps maturity answers files" in run.stdout
    assert "Passed" in run.stdout

    for name in ("mlops-answers.yaml", "answers.yaml", "assessments/fraud/2026-11-22.yaml"):
        answers = team_repo / name
        answers.write_text(answers.read_text(encoding="utf-8").replace("deploy.prod: one", "deploy.prod: loads"))
        git(team_repo, "add", name)
    run = pre_commit(team_repo, hook_home, "try-repo", str(ROOT), "mlops-maturity-validate", "--all-files")
    assert run.returncode == 1
    assert "Failed" in run.stdout
    for name in ("mlops-answers.yaml", "answers.yaml", "assessments/fraud/2026-11-22.yaml"):
        assert f"{name}:5: answers.deploy.prod: 'loads' is not an option; choose one of: none, one, many" in run.stdout


def _documented_pre_commit_config() -> dict[str, Any]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.S) if "# .pre-commit-config.yaml" in b)
    config: dict[str, Any] = yaml.safe_load(block)
    return config


@pytest.mark.slow
def test_the_documented_pre_commit_config_works(team_repo: Path, hook_home: Path) -> None:
    """The snippet of docs/ci.md as written, with this checkout as its repo and its last commit as rev."""
    if subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip():
        pytest.skip("this checkout has uncommitted changes; a pinned rev would test the last commit instead")
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    config = _documented_pre_commit_config()
    config["repos"][0].update(repo=str(ROOT), rev=rev.strip())
    hooks = config["repos"][0]["hooks"]
    assert hooks[1]["args"] == ["mlops-answers.yaml", "--min-stage", "3", "--min-level", "low"]
    hooks[1]["args"][2] = "2"  # the tiny questionnaire the team answers has two stages
    (team_repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    run = pre_commit(team_repo, hook_home, "run", "--all-files")
    assert run.returncode == 1, run.stdout  # the tiny team is at stage 1
    assert "min-stage: stage 1 (One); required at least 2" in run.stdout
    hooks[1]["args"] = ["mlops-answers.yaml", "--min-stage", "1"]
    (team_repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    run = pre_commit(team_repo, hook_home, "run", "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr
    del hooks[1]["args"]  # the hook's default args score mlops-answers.yaml
    (team_repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    run = pre_commit(team_repo, hook_home, "run", "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "score the MLOps maturity assessment" in run.stdout


@pytest.mark.slow
def test_the_documented_git_url_installs(tmp_path: Path) -> None:
    """``pip install "git+https://github.com/OWNER/mlops-maturity@REF"``, with this checkout for the URL."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    url = re.search(r'pip install "(git\+https://github\.com/OWNER/mlops-maturity)@(\w+)"', text)
    assert url is not None
    local = f"git+file://{ROOT}@{rev.strip()}"
    run = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(tmp_path / "t"), local],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "t" / "mlops_maturity" / "questionnaires" / "mlops-maturity" / "stages.yaml").is_file()


def test_no_snippet_installs_from_an_index_or_pins_a_missing_tag() -> None:
    for path in (ROOT / "README.md", ROOT / "docs" / "ci.md", ROOT / "docs" / "ci" / "gitlab-ci.yml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"pip install (--quiet )?mlops-maturity\b", text), path
        assert not re.search(r"(mlops-maturity@|rev: )v\d", text), path


# --- GitHub composite action --------------------------------------------------------------------

ACTION = load(ROOT / "action.yml")


def test_action_is_a_composite_with_the_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert list(ACTION["inputs"]) == [
        "answers", "min-stage", "min-level", "min-dimension", "baseline",
        "questionnaire", "require-complete", "python-version", "package", "badge",
    ]  # fmt: skip
    assert ACTION["inputs"]["answers"]["required"] is True
    assert list(ACTION["outputs"]) == ["stage", "level", "overall-score"]


def test_action_never_pastes_inputs_into_scripts() -> None:
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]


def score_step(tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """Run the action's scoring script as the runner would: bash -e, inputs as environment variables."""
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "score")
    env_names = {k: v.removeprefix("${{ inputs.").removesuffix(" }}") for k, v in step["env"].items()}
    defaults = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    values = {**defaults, **{k.replace("_", "-"): v for k, v in inputs.items()}}
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    env = {
        **os.environ,
        **{var: values[name] for var, name in env_names.items()},
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(tmp_path),
    }
    run = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return run, summary, output


def test_action_gate_fails_and_still_publishes(tmp_path: Path) -> None:
    run, summary, output = score_step(
        tmp_path,
        answers=str(PARTIAL),
        questionnaire=str(TINY),
        min_stage="2",
        min_dimension="deploy=10\n deploy = 5 \n",
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("::error ")
    assert "## MLOps maturity: Fraud" in summary.read_text(encoding="utf-8")
    assert output.read_text(encoding="utf-8") == "stage=1\nlevel=low\noverall-score=12.5\n"


def test_action_gate_passes(tmp_path: Path) -> None:
    badge = tmp_path / "docs" / "badge.svg"  # as in docs/ci.md; the folder does not exist yet
    run, _, output = score_step(
        tmp_path, answers=str(TOP), questionnaire=str(TINY), min_level="high", baseline=str(PARTIAL), badge=str(badge)
    )
    assert run.returncode == 0, run.stderr
    assert output.read_text(encoding="utf-8") == "stage=2\nlevel=high\noverall-score=100\n"
    assert ">stage 2 · level High</text>" in badge.read_text(encoding="utf-8")


def test_action_bad_input_is_exit_2_without_outputs(tmp_path: Path) -> None:
    run, _, output = score_step(tmp_path, answers=str(PARTIAL), questionnaire=str(TINY), min_level="medium")
    assert run.returncode == 2
    assert "--min-level 'medium': choose one of: no, low, high" in run.stderr
    assert not output.exists()


# --- GitLab CI ----------------------------------------------------------------------------------


def test_gitlab_job_publishes_the_junit_it_writes(tmp_path: Path) -> None:
    job = load(ROOT / "docs" / "ci" / "gitlab-ci.yml")["mlops-maturity"]
    report = job["artifacts"]["reports"]["junit"]
    assert job["artifacts"]["when"] == "always"
    score_line = next(line for line in job["script"] if line.startswith("mlops-maturity score"))
    assert score_line.endswith(f"> {report}")
    shutil.copy(PARTIAL, tmp_path / "mlops-answers.yaml")
    env = {
        **os.environ,
        **{k: str(v) for k, v in job["variables"].items()},
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "MLOPS_MATURITY_QUESTIONNAIRE": str(TINY),
    }
    run = subprocess.run(["sh", "-c", score_line], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1  # stage 1 < MIN_STAGE 2: the job fails, and the report is still there
    suite = ET.parse(tmp_path / report).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("failures") == "1"  # the gate; the unmet next-stage criteria are <skipped>, not failures
