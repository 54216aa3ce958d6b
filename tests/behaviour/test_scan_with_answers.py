"""``score --scan``, ``report --scan`` and ``survey --scan``: the scan's verdicts where the team reads its result.

A scan never changes the placement; it says which answers the repository's files back, exceed or refute.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pexpect
import pytest

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.markdown import markdown_text
from mlops_maturity.scan.io.run import scan_repository
from mlops_maturity.scan.verdicts.proposals import proposals
from mlops_maturity.survey.flow import Flow

from support import SCAN_ANSWERS, SCAN_REPO, SCANQ, Run

Cli = Callable[..., Run]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SCAN_REPO, tmp_path / "repo")
    monkeypatch.chdir(tmp_path)
    Path("answers.yaml").write_text(SCAN_ANSWERS, encoding="utf-8")
    return Path("repo")


def score(cli: Cli, *args: str | Path) -> Run:
    return cli("score", "answers.yaml", "--questionnaire", SCANQ, *args)


def test_score_json_carries_the_verdicts_and_the_placement_is_unchanged(repo: Path, cli: Cli) -> None:
    plain = json.loads(score(cli, "-f", "json").out)
    run = score(cli, "-f", "json", "--scan", repo)
    assert run.code == 0, run.err
    scanned = json.loads(run.out)
    evidence = scanned.pop("repository")
    assert plain.pop("repository") is None
    assert scanned == plain  # stage, level, scores, gaps: all as without the scan
    assert evidence["root"] == "repo"
    assert evidence["counts"]["contradicted"] == 1
    first = evidence["checks"][0]
    assert (first["question"], first["status"], first["answer"]) == ("data.versioning", "contradicted", "cannot")
    assert first["refuted_by"] == "The lock file records data hashes"
    assert first["where"] and all(w.startswith("dvc.lock:") for w in first["where"])
    statuses = [c["status"] for c in evidence["checks"]]
    assert statuses == sorted(statuses, key=["contradicted", "unverified", "shows_more", "supported"].index)
    schema = json.loads(cli("schema", "result").out)
    jsonschema.Draft202012Validator(schema).validate(scanned | {"repository": evidence})


def test_score_text_markdown_and_github_show_the_contradiction(repo: Path, cli: Cli) -> None:
    text = score(cli, "--scan", repo).out
    assert "What the repository shows:" in text
    assert "answered “No” " in text or "Data versioning: answered" in text
    assert "but the files show otherwise: The lock file records data hashes (dvc.lock:" in " ".join(text.split())
    markdown = score(cli, "-f", "markdown", "--scan", repo).out
    assert "**What the repository shows.**" in markdown
    line = next(i for i, t in enumerate(SCAN_ANSWERS.splitlines(), 1) if "data.versioning" in t)
    github = score(cli, "-f", "github", "--scan", repo).out
    warning = next(a for a in github.splitlines() if "contradicted" in a)
    assert warning.startswith(f"::warning file=answers.yaml,line={line},title=")


def test_score_without_scan_reads_no_repository(repo: Path, cli: Cli) -> None:
    assert "What the repository shows" not in score(cli).out


def test_a_missing_folder_is_a_clear_error_in_every_format(repo: Path, cli: Cli) -> None:
    for fmt in ("text", "json", "junit", "github"):
        run = score(cli, "-f", fmt, "--scan", "nowhere")
        assert run.code == 2
        assert "nowhere: not a folder" in run.err
        assert "Traceback" not in run.err + run.out


def test_report_has_the_section_and_a_line_in_the_summary(repo: Path, cli: Cli) -> None:
    run = cli("report", "answers.yaml", "--questionnaire", SCANQ, "--scan", repo)
    assert run.code == 0, run.err
    summary, team = run.out.split("## For the team")
    assert "**Checked against the repository** (repo): its files" in summary
    assert "contradict 1 answer" in summary
    assert "### What the repository shows" in team
    assert "**Contradicted by the files**" in team
    without = cli("report", "answers.yaml", "--questionnaire", SCANQ).out
    assert "What the repository shows" not in without


def test_report_escapes_the_folder_name(repo: Path, cli: Cli) -> None:
    odd = Path("re*po_[x](y)")
    repo.rename(odd)
    out = cli("report", "answers.yaml", "--questionnaire", SCANQ, "--scan", odd).out
    assert f"({markdown_text(str(odd))})" in out
    assert str(odd) not in out


def test_report_with_a_missing_folder_writes_nothing(repo: Path, cli: Cli) -> None:
    run = cli("report", "answers.yaml", "--questionnaire", SCANQ, "--scan", "nowhere", "-o", "r.md")
    assert run.code == 2
    assert "nowhere: not a folder" in run.err
    assert not Path("r.md").exists()


def test_the_survey_flow_offers_the_proposal_and_enter_accepts_it_with_its_evidence(repo: Path) -> None:
    q = load_questionnaire(SCANQ)
    proposed = proposals(q, scan_repository(repo, q, SCANQ), {})
    assert proposed, "the fixture repository should back some answers"
    first_id = next(iter(proposed))
    flow = Flow(q, {}, proposed)
    while flow.current is not None and flow.current.id != first_id:
        assert flow.proposal() is None or flow.current.id in proposed
        flow.choose(flow.current.options[0].id)
    assert flow.current is not None
    option = proposed[first_id].answer
    assert option is not None
    assert flow.proposal_choice() == str(flow.current.rank(option) + 1)
    assert flow.keep()
    kept = flow.given[first_id]
    assert kept.answer == option
    assert kept.evidence is not None and kept.evidence.startswith("scan: ")


def test_choosing_another_option_does_not_take_the_scan_evidence() -> None:
    q = load_questionnaire(SCANQ)
    first = q.questions[0]
    flow = Flow(q, {}, {first.id: Answer(answer=first.options[-1].id, evidence="scan: x:1 (p)")})
    flow.choose(first.options[0].id)
    assert flow.given[first.id] == Answer(answer=first.options[0].id)
    assert flow.back()
    assert flow.proposal() is None  # answered now: the proposal is no longer the default


@pytest.mark.slow
def test_survey_scan_in_a_real_terminal_enter_accepts_the_repository_answer(repo: Path) -> None:
    out = Path("answers-survey.yaml").resolve()
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "COLUMNS", "LINES")}
    args = ["-m", "mlops_maturity", "survey", "--out", str(out), "--team", "Toy", "--questionnaire", str(SCANQ)]
    child = pexpect.spawn(
        sys.executable,
        [*args, "--scan", str(repo)],
        env={**env, "NO_COLOR": "1", "TERM": "xterm"},
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )
    try:
        child.expect("The repository's files suggest answers to \\d+ question")
        child.expect("Press Enter to start")
        child.sendline("")
        accepted = 0
        for _ in range(40):
            index = child.expect(["\n> ", "That was the last question"])
            if index == 1:
                break
            if "Enter accepts it" in child.before:  # the proposal is marked; Enter takes it
                accepted += 1
                child.sendline("")
            else:
                child.sendline("1")
        child.sendline("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert accepted
    q = load_questionnaire(SCANQ)
    saved = load_answers(out, q).given
    from_scan = {qid for qid, a in saved.items() if (a.evidence or "").startswith("scan: ")}
    assert len(from_scan) == accepted
