"""Which files a scan reads, and hostile repositories: links, loops, binaries, huge or broken files, slow probes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.scan.io.probes_file import load_probes
from mlops_maturity.scan.io.run import scan_folder
from mlops_maturity.scan.io.walk import MAX_FILE_BYTES, list_files, read_file

from support import DATA

SCANQ = DATA / "questionnaires" / "scan"
BASIC = DATA / "scan" / "basic"


@pytest.fixture(scope="module")
def scanq() -> Questionnaire:
    return load_questionnaire(SCANQ)


def _copy(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(BASIC, repo)
    return repo


def _git(repo: Path, *args: str) -> None:
    command = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "commit.gpgsign=false", *args]
    subprocess.run(command, cwd=repo, check=True, capture_output=True)


def test_a_plain_folder_is_walked_without_caches_or_virtualenvs(tmp_path: Path) -> None:
    repo = _copy(tmp_path)
    for skipped in ("node_modules/x", ".venv/lib", "__pycache__", ".git/objects", "env/lib"):
        (repo / skipped).mkdir(parents=True)
    (repo / "node_modules/x/Dockerfile").write_text("FROM node\n")
    (repo / "env/pyvenv.cfg").write_text("home = /usr\n")  # a virtualenv under any name
    (repo / "env/lib/Dockerfile").write_text("FROM venv\n")
    listing = list_files(repo)
    assert listing.method == "walk"
    assert "Dockerfile" in listing.paths
    assert not [p for p in listing.paths if p.startswith(("node_modules", ".venv", "env/", ".git/"))]
    assert listing.paths == sorted(listing.paths)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_git_checkout_reads_only_tracked_files(tmp_path: Path, scanq: Questionnaire) -> None:
    repo = _copy(tmp_path)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "x")
    (repo / "untracked.py").write_text("import tracker\ntracker.log('x', 1)\n")
    listing = list_files(repo)
    assert listing.method == "git"
    assert "untracked.py" not in listing.paths and "src/train.py" in listing.paths
    result = scan_folder(repo, load_probes(SCANQ, scanq))
    assert result.listing == "git"
    assert "untracked.py" not in {f.path for f in result.findings}
    # A tracked file whose folder has since become a link to elsewhere is not read.
    shutil.rmtree(repo / "data")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "train.csv.dvc").write_text("outs:\n- md5: 99999999999999999999999999999999\n")
    (repo / "data").symlink_to(outside, target_is_directory=True)
    assert "data/train.csv.dvc" not in list_files(repo).paths


def test_links_are_never_followed(tmp_path: Path, scanq: Questionnaire) -> None:
    repo = _copy(tmp_path)
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "dvc.lock").write_text("stages:\n  x:\n    deps:\n    - md5: 12345678\n")
    (repo / "escape").symlink_to(secret, target_is_directory=True)  # a folder outside the scan
    (repo / "loop").symlink_to(repo, target_is_directory=True)  # a loop
    (repo / "self").symlink_to("self")  # a link to itself
    (repo / "Dockerfile.link").symlink_to(repo / "Dockerfile")
    result = scan_folder(repo, load_probes(SCANQ, scanq))
    assert not [f for f in result.findings if f.path.startswith(("escape", "loop"))]
    assert result.skipped["symlink"] == 4


def test_a_final_link_is_not_opened(tmp_path: Path) -> None:
    (tmp_path / "target").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "target")
    assert read_file(tmp_path, "link").skipped == "symlink"


def test_hostile_files_give_a_clean_result(tmp_path: Path, scanq: Questionnaire, cli: Any) -> None:
    repo = tmp_path / "repo"
    (repo / "src").mkdir(parents=True)
    (repo / "dvc.lock").write_bytes(b"\x00\x01binary" * 100)  # binary under a probed name
    (repo / "Dockerfile").touch()
    os.truncate(repo / "Dockerfile", 2 * 1024**3)  # a 2 GB sparse file: never read
    (repo / "src" / "train.py").write_bytes(b"import tracker\ntracker.log('caf\xe9', 1)\n\xff\xfe\n")
    (repo / "requirements.txt").write_text("".join(f"p{i}==1\n" for i in range(100_000)))  # 100,000 lines
    lines = "".join(f"k{i}: 1\n" for i in range(100_000))  # a 100,000-line YAML file
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "big.yml").write_text("on:\n  push:\nrun: pytest\n" + lines)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (repo / ".github" / "workflows" / "bomb.yml").write_text(bomb + "on:\n  push:\nrun: pytest\n")
    (repo / ".github" / "workflows" / "broken.yml").write_text("on: [push\nrun: pytest\n")
    os.mkfifo(repo / "data.dvc")
    start = time.perf_counter()
    run = cli("scan", repo, "--questionnaire", SCANQ, "--format", "json")
    assert time.perf_counter() - start < 20
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert result["skipped"] == {"binary": 1, "not a regular file": 1, "too large": 1}
    found = {f["path"]: f for f in result["findings"]}
    assert found["src/train.py"]["text"] == "tracker.log('caf\ufffd', 1)"  # invalid UTF-8 shown as U+FFFD
    assert found["requirements.txt"]["line"] == 1
    assert found[".github/workflows/bomb.yml"]["line"] == 11  # on.push after an alias bomb, read in bounded time
    assert result["notes"] == [
        "key probes skipped 2 file(s): .github/workflows/big.yml: over 20000 lines, so its keys are not read; "
        ".github/workflows/broken.yml: not valid YAML (line 2)"
    ]


def test_a_file_just_over_the_limit_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    (tmp_path / "fits").write_bytes(b"x" * MAX_FILE_BYTES)
    assert read_file(tmp_path, "big").skipped == "too large"
    assert read_file(tmp_path, "fits").skipped is None


SLOW = """\
probes:
  - id: slow
    title: Allowed, but slow on long lines
    question: track.runs
    supports: tracker_some
    files: ["*.py"]
    patterns: ['.*.*.*.*x']
    remediation: R.
    docs: https://example.org
"""


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="the timer needs POSIX signals")
def test_a_slow_probe_is_stopped_and_switched_off(tmp_path: Path, cli: Any) -> None:
    folder = tmp_path / "q"
    shutil.copytree(SCANQ, folder)
    (folder / "probes.yaml").write_text(SLOW)
    repo = tmp_path / "repo"
    repo.mkdir()
    for i in range(5):
        (repo / f"m{i}.py").write_text(("a" * 1500 + "\n") * 3)
    start = time.perf_counter()
    run = cli("scan", repo, "--questionnaire", folder)
    assert time.perf_counter() - start < 10
    assert run.code == 0
    assert "probe slow was switched off: its patterns took over 1 s on m0.py; simplify them" in run.out


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_tracked_path_deeper_than_the_folder_walk_goes_is_skipped_with_a_note(tmp_path: Path, cli: Any) -> None:
    """Issue 22, item 8: a tracked file 1,500 folders deep once crashed git mode (RecursionError)."""
    repo = _copy(tmp_path)
    for name, depth in (("d", 1500), ("s", 64)):  # 64 folders deep is still read
        folder = repo
        for _ in range(depth):  # one at a time: mkdir(parents=True) recurses once per folder
            folder /= name
            folder.mkdir()
        (folder / "Dockerfile").write_text("FROM python:3.12\n")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    try:
        _deep_checkout_scans(repo, cli)
    finally:  # shutil.rmtree (and so pytest's clean-up) recurses once per folder: rm does not
        subprocess.run(["rm", "-rf", str(repo / "d")], check=True)


def _deep_checkout_scans(repo: Path, cli: Any) -> None:
    listing = list_files(repo)
    assert listing.method == "git"
    assert not [p for p in listing.paths if p.startswith("d/")]
    assert listing.skipped["nested too deep"] == 1
    run = cli("scan", repo, "--questionnaire", SCANQ, "--format", "json")
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert result["skipped"]["nested too deep"] == 1
    notes = " ".join(result["notes"])
    assert "1 tracked file nested deeper than 64 folders was not scanned (the first: d/d/d/" in notes
    assert "/".join(["s"] * 64) + "/Dockerfile" in {f["path"] for f in result["findings"]}
