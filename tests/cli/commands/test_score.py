"""``mlops-maturity score`` as a CI gate, through the real entry point."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from support import EXAMPLES, TINY, Run, run_process
from support.reports import PARTIAL, TOP

Cli = Callable[..., Run]


def test_github_pipeline_gets_annotations_summary_and_exit_code(tmp_path: Path) -> None:
    summary = tmp_path / "step-summary.md"
    summary.write_text("## An earlier step\n", encoding="utf-8")
    run = run_process(
        "score",
        PARTIAL,
        "--min-stage",
        "2",
        "--format",
        "github",
        "--questionnaire",
        TINY,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert run.code == 1
    assert run.out.startswith(f"::error file={PARTIAL},title=mlops-maturity%3A threshold not met%3A min-stage::")
    assert f"::warning file={PARTIAL},line=7," in run.out
    assert run.err.splitlines()[0] == "below threshold: min-stage: stage 1 (One); required at least 2"
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("## An earlier step\n## MLOps maturity: Fraud &amp; &lt;Risk&gt;")
    assert "| `min-stage` | ❌ fail |" in written


@pytest.mark.parametrize(
    ("example", "code"), [("stage2-first-deployment.yaml", 1), ("stage3-platform-serving.yaml", 0)]
)
def test_the_documented_pipeline_step(tmp_path: Path, example: str, code: int) -> None:
    """``mlops-maturity score answers.yaml --min-stage 3 --format github``, with the shipped questionnaire."""
    summary = tmp_path / "summary.md"
    answers = tmp_path / "answers.yaml"
    answers.write_text((EXAMPLES / example).read_text(encoding="utf-8"), encoding="utf-8")
    run = run_process(
        "score", "answers.yaml", "--min-stage", "3", "--format", "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)}, cwd=tmp_path,
    )  # fmt: skip
    assert run.code == code, run.err
    lines = run.out.splitlines()
    errors = [line for line in lines if line.startswith("::error file=answers.yaml,")]
    assert len(errors) == code
    if code:
        assert any(line.startswith("::warning file=answers.yaml,line=") for line in lines)
    assert lines[-1].startswith("mlops-maturity: ")
    assert summary.read_text(encoding="utf-8").startswith("## MLOps maturity: ")


def test_github_pipeline_passes_when_thresholds_are_met(tmp_path: Path) -> None:
    summary = tmp_path / "step-summary.md"
    run = run_process(
        "score",
        TOP,
        "--min-stage",
        "2",
        "--min-level",
        "high",
        "--format",
        "github",
        "--questionnaire",
        TINY,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert (run.code, run.err) == (0, "")
    assert run.out.endswith("every check passed\n")
    assert "| `min-level` | ✅ pass |" in summary.read_text(encoding="utf-8")


def test_summary_is_appended_on_every_run(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    for _ in range(2):
        assert cli("score", TOP, "-f", "github", "--questionnaire", TINY).code == 0
    assert summary.read_text(encoding="utf-8").count("## MLOps maturity: Fraud") == 2


def test_other_formats_leave_the_summary_alone(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert cli("score", TOP, "-f", "json", "--questionnaire", TINY).code == 0
    assert not summary.exists()


def test_unwritable_summary_is_a_warning_not_a_verdict(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing-dir" / "summary.md"))
    run = cli("score", TOP, "-f", "github", "--questionnaire", TINY)
    assert run.code == 0
    assert run.err.startswith(f"warning: could not write the job summary to {tmp_path / 'missing-dir' / 'summary.md'}:")


def test_baseline_drop_exits_1_and_says_what_dropped(cli: Cli) -> None:
    run = cli("score", PARTIAL, "--baseline", TOP, "-f", "json", "--questionnaire", TINY)
    assert run.code == 1
    assert run.err.splitlines() == [
        f"warning: --baseline {TOP}: the two files name different teams: 'Fraud' (baseline) and "
        "'Fraud & <Risk> | \"ops\"' (scored)",
        f"worse than the baseline {TOP}: stage dropped from 2 (Two) to 1 (One)",
        f"worse than the baseline {TOP}: level dropped from High MLOps to Low MLOps",
        f"worse than the baseline {TOP}: Deployment dropped from 100 to 12.5 (-87.5)",
    ]


def test_baseline_shown_in_text_format(cli: Cli) -> None:
    run = cli("score", PARTIAL, "--baseline", TOP, "--questionnaire", TINY)
    assert run.code == 1
    assert "baseline:stage: stage dropped from 2 (Two) to 1 (One)" in run.out


def test_min_dimension_is_repeatable(cli: Cli) -> None:
    run = cli(
        "score",
        PARTIAL,
        "--min-dimension",
        "deploy=20",
        "--min-dimension",
        "deploy=30",
        "-f",
        "json",
        "--questionnaire",
        TINY,
    )
    assert run.code == 1
    assert run.err == "below threshold: min-dimension:deploy: Deployment scores 12.5; required at least 30\n"


def test_a_baseline_from_before_a_question_was_removed_still_compares(cli: Cli, tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(
        "team: Fraud\nanswers:\n  deploy.prod: many\n  deploy.who: platform\n  deploy.auto: automated\n"
        "  deploy.canary: yes\n  deploy.retired: gone\n",
        encoding="utf-8",
    )
    tiny_text = (TINY / "questions" / "deploy.yaml").read_text(encoding="utf-8")
    assert "deploy.canary" not in tiny_text and "deploy.retired" not in tiny_text
    run = cli("score", TOP, "--baseline", old, "-f", "json", "--questionnaire", TINY)
    assert run.code == 0
    assert run.err == (
        f"note: the baseline {old} answers 2 question(s) or option(s) this questionnaire no longer has; "
        "compared without them: deploy.canary, deploy.retired\n"
    )
    dropped = cli("score", PARTIAL, "--baseline", old, "-f", "json", "--questionnaire", TINY)
    assert dropped.code == 1
    assert f"worse than the baseline {old}: stage dropped from 2 (Two) to 1 (One)" in dropped.err


def test_a_baseline_naming_a_removed_option_leaves_that_answer_out(cli: Cli, tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text("answers:\n  deploy.prod: dozens\n  deploy.who: data_scientists\n", encoding="utf-8")
    run = cli("score", PARTIAL, "--baseline", old, "--questionnaire", TINY, "-f", "json")
    assert run.err.startswith(f"note: the baseline {old} answers 1 question(s) or option(s)")
    assert run.err.endswith("compared without them: deploy.prod\n")
    assert run.code == 0, run.err


def test_the_current_file_is_never_lenient(cli: Cli, tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text("answers:\n  deploy.prod: dozens\n", encoding="utf-8")
    run = cli("score", new, "--baseline", TOP, "--questionnaire", TINY)
    assert run.code == 2
    assert "'dozens' is not an option; choose one of: none, one, many, unknown" in run.err


def test_bad_baseline_file_is_exit_2(cli: Cli, tmp_path: Path) -> None:
    run = cli("score", PARTIAL, "--baseline", tmp_path / "nope.yaml", "--questionnaire", TINY)
    assert run.code == 2
    assert run.err == f"error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_junit_from_the_cli_parses(cli: Cli) -> None:
    run = cli("score", PARTIAL, "--min-stage", "1", "-f", "junit", "--questionnaire", TINY)
    assert run.code == 0
    suite = ET.fromstring(run.out).find("testsuite")
    assert suite is not None
    # the threshold passed; both criteria of the next stage are unmet, which is information, not a failure
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "0", "2")


def test_markdown_from_the_cli(cli: Cli) -> None:
    run = cli("score", TOP, "-f", "markdown", "--questionnaire", TINY)
    assert run.code == 0
    assert run.out.startswith("## MLOps maturity: Fraud\n")


def test_a_baseline_of_another_team_is_said_first(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "other-team.yaml"
    other.write_text(TOP.read_text(encoding="utf-8").replace("team: Fraud", "team: Payments"), encoding="utf-8")
    first = (
        f"warning: --baseline {other}: the two files name different teams: 'Payments' (baseline) and 'Fraud' (scored)"
    )
    for fmt in ("text", "json", "markdown", "github"):
        run = cli("score", TOP, "--baseline", other, "-f", fmt, "--questionnaire", TINY)
        assert run.err.splitlines()[0] == first, fmt
        if fmt == "text":
            assert " ".join(run.out.split()).startswith(" ".join(first.split()))
        elif fmt == "markdown":
            assert run.out.splitlines()[2].startswith("> **Warning:** \\--baseline ")
            assert "'Payments' \\(baseline\\) and 'Fraud' \\(scored\\)" in run.out.splitlines()[2]
        elif fmt == "github":
            assert run.out.startswith("::warning ")
    same = cli("score", TOP, "--baseline", TOP, "--questionnaire", TINY)
    assert "warning" not in same.err + same.out
