"""``mlops-maturity portfolio`` through its real entry point: exit codes, files written, stderr."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from support import DATA, EXAMPLES, Run, run_process

QDIR = DATA / "questionnaires" / "org"
ORG = DATA / "portfolio" / "org"
BROKEN = DATA / "portfolio" / "broken"
BAD = BROKEN / "bad-option.yaml"

Cli = Callable[..., Run]


def test_text_summary_and_exit_0(cli: Cli) -> None:
    run = cli("portfolio", ORG, "--questionnaire", QDIR)
    assert run.code == 0, run.err
    assert run.out.startswith("Portfolio: 5 teams from 6 files (org 2.1.0)\n")
    assert (
        "Gaps several teams share (close each once, for all of them):\n  1. Tests (build.tests): 2 of 5 teams"
        in run.out
    )
    assert "  ... and 2 more gaps, each of one team (see --format json)" in run.out
    assert run.err == ""


def test_a_team_below_min_stage_exits_1(cli: Cli) -> None:
    run = cli("portfolio", ORG, "--questionnaire", QDIR, "--min-stage", "1", "--format", "json")
    assert run.code == 1
    assert json.loads(run.out)["below_min_stage"] == ["gamma"]
    assert run.err == "below stage 1: gamma\n"
    assert cli("portfolio", ORG, "--questionnaire", QDIR, "--min-stage", "0").code == 0


def test_invalid_files_are_listed_the_rest_rolled_up_and_exit_2(cli: Cli) -> None:
    run = cli("portfolio", ORG, BAD, "--questionnaire", QDIR, "--format", "json", "--min-stage", "1")
    assert run.code == 2
    data = json.loads(run.out)
    assert len(data["teams"]) == 5
    assert data["errors"] == [
        {
            "file": str(BAD),
            "message": f"{BAD}:4: answers.build.tests: 'weekly' is not an option; "
            "choose one of: none, manual, automated, unknown",
        }
    ]
    assert run.err.splitlines() == [
        data["errors"][0]["message"],
        "below stage 1: gamma",
        "1 of 7 files left out, each named above with what is wrong; the others were rolled up",
    ]


def test_out_writes_markdown_and_the_svg_beside_it(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "org.md"
    run = cli("portfolio", ORG, "--questionnaire", QDIR, "-o", out)
    assert run.code == 0, run.err
    assert run.out == ""
    svg = tmp_path / "org-heatmap.svg"
    assert run.err == f"wrote {out} and {svg}: 5 teams from 6 files\n"
    assert out.read_text(encoding="utf-8").startswith("# Org test questionnaire across teams\n")  # its own title
    assert "![Capability score per team and dimension](org-heatmap.svg)" in out.read_text(encoding="utf-8")
    assert svg.read_text(encoding="utf-8").startswith("<svg ")


def test_out_with_json_format(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "org.json"
    assert cli("portfolio", ORG, "--questionnaire", QDIR, "-o", out, "--format", "json").code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["files"] == 6
    assert not (tmp_path / "org-heatmap.svg").exists()  # only the Markdown links a heat map beside it


def test_out_html_writes_one_page_with_the_heat_map_inside(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "org.html"
    run = cli("portfolio", ORG, "--questionnaire", QDIR, "-o", out)
    assert (run.code, run.err) == (0, f"wrote {out}: 5 teams from 6 files\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.html"]
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'src="data:image/svg+xml;base64,' in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--min-stage", "9"), "error: --min-stage 9: stages run from 0 to 3\n"),
        (("--jobs", "0"), "Invalid value for '--jobs'"),
        (("--format", "pdf"), "error: --format 'pdf': choose one of: text, json, markdown, html\n"),
    ],
)
def test_bad_flags_exit_2(cli: Cli, args: tuple[str, ...], message: str) -> None:
    run = cli("portfolio", ORG, "--questionnaire", QDIR, *args)
    assert run.code == 2
    assert message in run.err


def test_an_empty_directory_exits_2(cli: Cli, tmp_path: Path) -> None:
    run = cli("portfolio", tmp_path, "--questionnaire", QDIR)
    assert (run.code, run.err) == (2, f"error: {tmp_path}: no answers files (*.yaml, *.yml) in this directory\n")


def test_out_pointing_at_a_directory_exits_2(cli: Cli, tmp_path: Path) -> None:
    run = cli("portfolio", ORG, "--questionnaire", QDIR, "-o", tmp_path)
    assert run.code == 2
    assert "is a directory" in run.err


def test_output_is_deterministic_across_worker_counts(tmp_path: Path) -> None:
    one = run_process("portfolio", ORG, BROKEN, "--questionnaire", QDIR, "-f", "json", "--jobs", "1")
    two = run_process("portfolio", ORG, BROKEN, "--questionnaire", QDIR, "-f", "json", "--jobs", "2")
    assert one.code == two.code == 2
    assert one.out == two.out
    assert json.loads(one.out)["files"] == 7


def test_the_words_claim_only_what_the_data_supports(cli: Cli, tmp_path: Path) -> None:
    """No "gaps most teams share" or "fund once, for many teams" over items of one team each (issue 22, item 15)."""
    # the five teams of trained models, one per stage: no two share a gap to their next stage (the two LLM
    # examples share one, the evaluation set)
    teams = [p for p in sorted(EXAMPLES.glob("stage*.yaml")) if "llm" not in p.stem]
    assert len(teams) == 5
    text = cli("portfolio", *teams).out
    assert "most teams" not in text and "Gaps several teams share" not in text
    assert "No gap to the next stage is shared by two teams or more: each of the" in " ".join(text.split())
    out = tmp_path / "p.md"
    assert cli("portfolio", *teams, "-o", out).code == 0
    markdown = out.read_text(encoding="utf-8")
    assert "most teams" not in markdown and "many teams" not in markdown
    data = json.loads(cli("portfolio", *teams, "--format", "json").out)
    assert all(len(i["helps"]) >= 2 for i in data["investments"])
    if not data["investments"]:
        assert "Fund once" not in markdown


def test_the_shipped_examples_folder_rolls_up(cli: Cli) -> None:
    """``portfolio examples/`` on a fresh checkout: every file under it is an answers file of the shipped
    questionnaire (issue 22, item 14: it read a CI job and another questionnaire's answers and exited 2)."""
    run = cli("portfolio", EXAMPLES)
    assert run.code == 0, run.err
    assert run.out.startswith("Portfolio: 7 teams from 12 files (mlops-maturity ")
    assert cli("validate", EXAMPLES).code == 0


def test_yaml_that_is_not_an_answers_file_of_this_questionnaire_says_so_once(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "assessments"
    shutil.copytree(ORG, folder)
    ci = folder / "ci.yml"
    ci.write_text("build:\n  script: [make]\ntest:\n  script: [make test]\n", encoding="utf-8")
    other = folder / "acme.yaml"
    other.write_text("questionnaire: acme\nteam: T\nanswers:\n  nope.nope: maybe\n  build.tests: x\n", "utf-8")
    run = cli("portfolio", folder, "--questionnaire", QDIR)
    assert run.code == 2
    assert run.err.splitlines() == [
        f"{other}:1: questionnaire: this file answers questionnaire 'acme', but the questionnaire in use is 'org', "
        "so its answers were not checked; pass --questionnaire DIR for the right one",
        f"{ci}:1: YAML, but not an answers file: its top-level keys (build, test) include none of questionnaire, "
        "team, assessed_on, answers; answers files are written by `mlops-maturity init` or `survey`",
        "2 of 8 files left out, each named above with what is wrong; the others were rolled up",
    ]
    assert "not readable" not in run.out
    assert "2 files were left out (listed on stderr with what is wrong)." in run.out
