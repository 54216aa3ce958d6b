"""``mlops-maturity scan`` through the real entry point: every format, SARIF against the official schema,
annotations, verdicts against an answers file, ``--fail-on`` and ``--write``.

``tests/data/sarif-schema-2.1.0.json`` is the OASIS SARIF 2.1.0 schema (errata 01), byte for byte the
``sarif-2.1/schema/sarif-schema-2.1.0.json`` of the oasis-tcs/sarif-spec repository (SHA-256
c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e); nothing is fetched at test time.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support import DATA, SCAN_ANSWERS, SCAN_REPO, SCANQ, Run
from support.generated import SCAN_ANNOTATIONS as ANNOTATIONS

SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture repository as ``repo`` in the working directory (not a git checkout)."""
    shutil.copytree(SCAN_REPO, tmp_path / "repo")
    monkeypatch.chdir(tmp_path)
    return Path("repo")


def scan(cli: Callable[..., Run], *args: str | Path) -> Run:
    return cli("scan", *args, "--questionnaire", SCANQ)


def test_json_is_deterministic_and_the_same_from_a_git_checkout(repo: Path, cli: Callable[..., Run]) -> None:
    first = scan(cli, repo, "--format", "json").out
    assert scan(cli, repo, "--format", "json").out == first
    data = json.loads(first)
    assert data["listing"] == "walk"
    assert [f["path"] for f in data["findings"]] == sorted(f["path"] for f in data["findings"])


def test_sarif_is_valid_against_the_official_schema(repo: Path, cli: Callable[..., Run]) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    (repo / ".mlops-maturity.yaml").write_text(ANNOTATIONS)
    Path("answers.yaml").write_text(SCAN_ANSWERS)
    for args in ((), ("--answers", "answers.yaml")):
        log = json.loads(scan(cli, repo, "--format", "sarif", *args).out)
        errors = sorted(validator.iter_errors(log), key=str)
        assert not errors, errors[0]
        run = log["runs"][0]
        rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
        for result in run["results"]:
            assert rules[result["ruleIndex"]] == result["ruleId"]
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert uri.startswith("repo/") or uri == "answers.yaml"
        suppressed = [r for r in run["results"] if r.get("suppressions")]
        assert [s["suppressions"][0]["justification"] for s in suppressed] == [
            "The Dockerfile serves a demo, not the model"
        ]


def test_github_annotations_point_at_the_lines_that_show_the_evidence(repo: Path, cli: Callable[..., Run]) -> None:
    lines = scan(cli, repo, "--format", "github").out.splitlines()
    assert "::notice file=repo/dvc.lock,line=7,title=mlops-maturity%3A evidence for data.versioning::" in lines[
        0
    ] or any(line.startswith("::notice file=repo/dvc.lock,line=7,") for line in lines)
    lock = (repo / "dvc.lock").read_text().splitlines()
    assert "md5:" in lock[7 - 1]
    train = (repo / "src/train.py").read_text().splitlines()
    assert any(line.startswith("::notice file=repo/src/train.py,line=9,") for line in lines)
    assert train[9 - 1].strip().startswith("tracker.log(")
    assert lines[-1].startswith("mlops-maturity: scanned repo: ")


def test_verdicts_and_fail_on(repo: Path, cli: Callable[..., Run]) -> None:
    Path("answers.yaml").write_text(SCAN_ANSWERS)
    run = scan(cli, repo, "--answers", "answers.yaml", "--format", "json")
    verdicts = {v["question"]: v for v in json.loads(run.out)["verdicts"]}
    assert verdicts["data.versioning"]["status"] == "contradicted"
    assert [f["path"] for f in verdicts["data.versioning"]["findings"]] == ["dvc.lock"]
    assert verdicts["track.runs"]["status"] == "supported"  # no probe can show more than tracker_some
    assert verdicts["ship.container"]["status"] == "shows_more"
    assert verdicts["ship.container"]["shown"] == "container"
    assert verdicts["ci.tests"]["status"] == "supported"
    assert "biz.value" not in verdicts  # no probe looks for it
    assert scan(cli, repo, "--answers", "answers.yaml", "--fail-on", "contradicted").code == 1
    failed = scan(cli, repo, "--answers", "answers.yaml", "--fail-on", "unverified")
    assert failed.code == 1
    assert "data.versioning (contradicted)" in failed.err
    Path("fine.yaml").write_text(SCAN_ANSWERS.replace("data.versioning: cannot", "data.versioning: linked"))
    assert scan(cli, repo, "--answers", "fine.yaml", "--fail-on", "contradicted").code == 0


def test_unverified_is_a_notice_that_only_fails_when_asked(tmp_path: Path, cli: Callable[..., Run]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "a.yaml").write_text(SCAN_ANSWERS.replace("data.versioning: cannot", "data.versioning: linked"))
    run = scan(cli, empty, "--answers", tmp_path / "a.yaml", "--fail-on", "contradicted")
    assert run.code == 0
    assert "unverified  data.versioning: answered linked, but no finding shows linked or above" in run.out
    assert "unverified  ship.container: answered files" not in run.out  # below what any probe looks for
    assert scan(cli, empty, "--answers", tmp_path / "a.yaml", "--fail-on", "unverified").code == 1


def test_fail_on_needs_answers(repo: Path, cli: Callable[..., Run]) -> None:
    run = scan(cli, repo, "--fail-on", "contradicted")
    assert run.code == 2
    assert "--fail-on needs --answers FILE" in run.err


def test_annotations_dismiss_with_a_reason_and_every_dismissal_is_listed(repo: Path, cli: Callable[..., Run]) -> None:
    (repo / ".mlops-maturity.yaml").write_text(ANNOTATIONS)
    out = scan(cli, repo).out
    assert "Dismissed by annotations:\n  Dockerfile:2  dockerfile: The Dockerfile serves a demo, not the model" in out
    assert 'tracker.log("example", 1)  (Docs are docs (.mlops-maturity.yaml:4))' in out  # re-scoped, with its reason
    assert ".mlops-maturity.yaml:7: this annotation matched no finding" in out
    assert "ship.container" in out and "Dockerfile:2  dockerfile" not in out.split("Dismissed")[0]


def test_a_bad_annotations_file_is_located(repo: Path, cli: Callable[..., Run]) -> None:
    (repo / ".mlops-maturity.yaml").write_text("annotations:\n  - probes: [x]\n    action: hide\n")
    run = scan(cli, repo)
    assert run.code == 2
    assert "repo/.mlops-maturity.yaml:3: annotations[0].action: Input should be 'dismiss' or 'weak'" in run.err
    assert "annotations[0].reason: required key is missing" in run.err


def test_write_proposes_answers_and_never_overwrites_one(repo: Path, cli: Callable[..., Run]) -> None:
    run = scan(cli, repo, "--write", "new.yaml")
    assert run.code == 0
    assert "wrote new.yaml: 4 answer(s) proposed from the scan" in run.err
    q = load_questionnaire(SCANQ)
    proposed = load_answers(Path("new.yaml"), q).given
    assert proposed["data.versioning"].answer == "linked"
    assert proposed["data.versioning"].evidence == "scan: dvc.lock:7 (lock-records-data)"
    assert proposed["ship.container"].answer == "container"
    assert "biz.value" not in proposed
    partial = (
        "# our answers\nquestionnaire: scanq\nteam: Toy\nanswers:\n"
        "  data.versioning: copies  # we know better\n"
        "  track.runs: unknown\n"
        "  ship.container:\n"
    )
    Path("partial.yaml").write_text(partial)
    run = scan(cli, repo, "--write", "partial.yaml")
    assert run.code == 0, run.err
    text = Path("partial.yaml").read_text()
    assert text.startswith("# our answers\n")
    assert "  data.versioning: copies  # we know better\n" in text
    assert "  track.runs: unknown\n" in text
    written = load_answers(Path("partial.yaml"), q).given
    assert written["ship.container"].answer == "container"
    assert written["ci.tests"].answer == "ci"
    assert "kept the answers a person gave for: data.versioning, track.runs" in run.err
    again = scan(cli, repo, "--write", "partial.yaml")
    assert Path("partial.yaml").read_text() == text
    assert "no answer to propose" in again.err


def test_scan_needs_a_folder(tmp_path: Path, cli: Callable[..., Run]) -> None:
    run = scan(cli, tmp_path / "missing")
    assert run.code == 2
    assert "not a folder" in run.err


def test_the_shipped_probes_find_the_fixture_practices(repo: Path, cli: Callable[..., Run]) -> None:
    (repo / "tests" / "test_train.py").write_text("def test_loss():\n    assert round(0.93, 1) == 0.9\n")
    data: dict[str, Any] = json.loads(cli("scan", repo, "--format", "json").out)
    found = {f["probe"] for f in data["findings"] if f["strength"] == "strong"}
    assert {"dvc-lock", "dvc-pointer", "dockerfile", "pinned-requirements", "ci-runs-tests"} <= found


def test_ci_running_placeholder_tests_is_named_and_not_counted(repo: Path, cli: Callable[..., Run]) -> None:
    """Issue 21: an empty placeholder test once counted as "CI runs tests"."""
    (repo / "tests" / "test_placeholder.py").write_text(
        "def test_nothing():\n    pass\n\n\ndef test_true():\n    assert True\n"
    )
    data: dict[str, Any] = json.loads(cli("scan", repo, "--format", "json").out)
    ci = [f for f in data["findings"] if f["probe"] == "ci-runs-tests"]
    assert [(f["path"], f["strength"]) for f in ci] == [(".github/workflows/ci.yml", "weak")]
    assert "no test in the repository asserts anything" in ci[0]["note"]


def test_markdown_escapes_file_names_in_table_cells(tmp_path: Path, cli: Callable[..., Run]) -> None:
    """Issue 22, item 5: a file name with a backtick and pipes once broke out of its cell into a live link."""
    from markdown_it import MarkdownIt

    repo = tmp_path / "repo"
    repo.mkdir()
    hostile = "a`|[x](https:evil.example)|`.py"
    (repo / hostile).write_text("import tracker\ntracker.log('x', 1)\n", encoding="utf-8")
    (repo / ".mlops-maturity.yaml").write_text(
        'annotations:\n  - probes: [dockerfile]\n    reason: "nothing | [y](https:evil.example)"\n', encoding="utf-8"
    )
    (repo / "Dockerfile").write_text("FROM python:3.12\n", encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(SCAN_ANSWERS, encoding="utf-8")
    run = scan(cli, repo, "--format", "markdown", "--answers", answers)
    assert run.code == 0, run.err
    html = MarkdownIt("commonmark").enable("table").render(run.out)
    assert "<a " not in html
    rows = [row for row in html.split("<tr>")[1:]]
    assert rows and all(row.count("<td>") in (0, 5, 6) for row in rows)  # header rows, verdicts, findings
    assert any("[x](https:evil.example)" in row and row.count("<td>") == 6 for row in rows)
