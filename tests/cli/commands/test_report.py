"""``mlops-maturity report`` through its real entry points: files written, flags checked, errors clean."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support import DATA, EXAMPLES, Run, run_process

REPORT_Q = DATA / "questionnaires" / "report"
TEAMS = DATA / "report"


def test_stdout_report_leaves_the_chart_out(cli: Callable[..., Run]) -> None:
    run = cli("report", TEAMS / "fraud.yaml", "--questionnaire", REPORT_Q)
    assert run.code == 0, run.err
    assert run.out.startswith("# Report test questionnaire: Fraud detection\n\n## In one minute\n")
    assert "*No chart: the chart is drawn when the report is written to a file" in run.out
    assert "![" not in run.out
    assert run.err == ""


def test_out_writes_the_report_and_the_chart_beside_it(cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "reports" / "fraud team.md"
    run = cli("report", TEAMS / "fraud.yaml", "--questionnaire", REPORT_Q, "-o", out)
    assert run.code == 0, run.err
    assert run.out == ""
    assert run.err == f"wrote {out} and {out.with_suffix('.svg')}\n"
    text = out.read_text(encoding="utf-8")
    assert "\n\n![Capability scores out of 100](fraud%20team.svg)\n\n" in text.split("## For the team")[0]
    assert out.with_suffix(".svg").read_text(encoding="utf-8").startswith("<svg ")
    assert sorted(p.name for p in out.parent.iterdir()) == ["fraud team.md", "fraud team.svg"]


def test_out_replaces_an_older_report(cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "team.md"
    out.write_text("old", encoding="utf-8")
    assert cli("report", TEAMS / "pilot.yaml", "--questionnaire", REPORT_Q, "-o", out).code == 0
    assert out.read_text(encoding="utf-8").startswith("# Report test questionnaire: Churn pilot\n")


def test_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "r.md", tmp_path / "b" / "r.md"
    for out in (first, second):
        run = run_process("report", TEAMS / "platform.yaml", "--questionnaire", REPORT_Q, "-o", out)
        assert run.code == 0, run.err
    assert first.read_bytes() == second.read_bytes()
    assert first.with_suffix(".svg").read_bytes() == second.with_suffix(".svg").read_bytes()
    stdout = run_process("report", TEAMS / "platform.yaml", "--questionnaire", REPORT_Q)
    written = first.read_text(encoding="utf-8").replace("![Capability scores out of 100](r.svg)\n\n", "")
    assert stdout.out.split("### Capability profile")[0] == written.split("### Capability profile")[0]


def test_target_stage_plans_further(cli: Callable[..., Run]) -> None:
    run = cli("report", TEAMS / "pilot.yaml", "--questionnaire", REPORT_Q, "--target-stage", "4")
    assert run.code == 0, run.err
    roadmap = run.out.split("### Roadmap")[1].split("### Key risks")[0]
    assert "**To reach stage 4**\n" in roadmap
    assert (
        "- [ ] **1. Models in production**: move from “None” to “One model”. Unlocks stage 2. Owner: ___\n" in roadmap
    )
    assert roadmap.count("- [ ] ") <= 12


def test_target_stage_already_reached_plans_the_next_stage(cli: Callable[..., Run]) -> None:
    run = cli("report", TEAMS / "fraud.yaml", "--questionnaire", REPORT_Q, "--target-stage", "1")
    assert run.code == 0, run.err
    assert (
        "The team is already at stage 2, so the target of stage 1 is met; the plan below aims at the next stage"
        in run.out
    )
    assert "**To reach stage 3**\n" in run.out


@pytest.mark.parametrize("stage", ["0", "6", "-1"])
def test_target_stage_outside_the_questionnaire_is_exit_2(cli: Callable[..., Run], stage: str) -> None:
    run = cli("report", TEAMS / "fraud.yaml", "--questionnaire", REPORT_Q, "--target-stage", stage)
    assert run.code == 2
    assert run.err == f"error: --target-stage {stage}: no such stage; choose a stage from 1 to 5\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--template-dir", "nowhere"],
            "error: --template-dir nowhere: not a directory; give a folder that holds report.md.j2\n",
        ),
        (
            ["-o", "report.svg"],
            "error: -o report.svg: the report is Markdown; give a name ending in .md (the chart goes to NAME.svg)\n",
        ),
    ],
)
def test_bad_flags_are_exit_2(cli: Callable[..., Run], args: list[str], message: str) -> None:
    run = cli("report", TEAMS / "fraud.yaml", "--questionnaire", REPORT_Q, *args)
    assert (run.code, run.err) == (2, message)


def test_a_broken_template_is_exit_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("# {{ result.team }}\n{{ result.__class__.__mro__ }}\n", encoding="utf-8")
    run = run_process("report", TEAMS / "fraud.yaml", "--questionnaire", REPORT_Q, "--template-dir", tmp_path)
    assert run.code == 2
    assert run.err.startswith(f"error: {tmp_path / 'report.md.j2'}:2: blocked by the template sandbox: ")
    assert "Traceback" not in run.err and run.out == ""


def test_a_broken_template_writes_nothing(cli: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "chart.svg.j2").write_text("{{ chart.nope }}", encoding="utf-8")
    out = tmp_path / "out" / "r.md"
    run = cli("report", TEAMS / "fraud.yaml", "--questionnaire", REPORT_Q, "--template-dir", tmp_path, "-o", out)
    assert run.code == 2 and "chart.svg.j2:1: " in run.err
    assert not out.parent.exists()


def test_invalid_answers_are_exit_2(cli: Callable[..., Run], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("team: x\nanswers:\n  deploy.models: lots\n", encoding="utf-8")
    run = cli("report", bad, "--questionnaire", REPORT_Q)
    assert run.code == 2
    assert "'lots' is not an option; choose one of: none, one, several, most, unknown" in run.err


def test_a_file_without_team_or_date_still_reads_well(cli: Callable[..., Run], tmp_path: Path) -> None:
    answers = tmp_path / "anon.yaml"
    answers.write_text("answers:\n  strategy.use_cases: idea\n", encoding="utf-8")
    run = cli("report", answers, "--questionnaire", REPORT_Q, "-o", "-")
    assert run.code == 0, run.err
    assert run.out.startswith(
        "# Report test questionnaire: assessment report\n\n## In one minute\n\n"
        "**This team is at stage 0 of 5, Not started, its level not yet determined.**"
    )
    assert "Assessed on an unknown date (the answers file gives none) with Report test questionnaire" in run.out
    assert "answer the question, then reach" in run.out


def test_a_long_road_is_cut_at_twelve_steps_and_says_how_many_remain(cli: Callable[..., Run]) -> None:
    run = cli("report", EXAMPLES / "stage1-pilot.yaml", "--target-stage", "5")
    assert run.code == 0, run.err
    roadmap = run.out.split("### Roadmap\n")[1].split("\n### ")[0]
    assert roadmap.count("\n- [ ] ") == 12
    assert "more steps in `mlops-maturity score FILE --format json`." in roadmap


def test_template_files_the_report_never_reads_are_named_on_stderr(cli: Callable[..., Run], tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    (folder / "sections").mkdir(parents=True)
    (folder / ".git").mkdir()
    files = {
        "report.md.j2": '{% include "shipped/report.md.j2" %}\n{% include "notes/cover.md.j2" %}\n',
        "notes/cover.md.j2": "Cover note.\n",  # included: used
        "roadmap.md.j2": "Our roadmap\n",  # meant for sections/
        "sections/sumary.md.j2": "typo\n",
        "sections/risks.md.j2": "{{ result.risks | length }} risks\n",  # replaces a shipped one: fine
        "chart.svg.j2": "<svg/>\n",  # replaces a shipped one, even when no chart is drawn
        "README.txt": "not a template\n",
        ".git/HEAD.j2": "hidden folders are not looked at\n",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    run = cli("report", TEAMS / "fraud.yaml", "--questionnaire", REPORT_Q, "--template-dir", folder)
    assert run.code == 0 and "Cover note." in run.out and "Our roadmap" not in run.out
    assert run.err.splitlines() == [
        f"note: {folder / 'roadmap.md.j2'} was not used: no template includes it and it replaces no shipped one; "
        "did you mean sections/roadmap.md.j2?",
        f"note: {folder / 'sections/sumary.md.j2'} was not used: no template includes it and it replaces no shipped "
        "one; did you mean sections/summary.md.j2 or sections/roadmap.md.j2?",
    ]
