"""``mlops-maturity consensus`` through its real entry point, and its team file in every other command."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.portfolio.fast_answers_check import QuickChecker
from mlops_maturity.files.schemas import answers_schema
from mlops_maturity.files.yaml_reader import load_file

from support import EXAMPLES, ROOT, Run

Cli = Callable[..., Run]
FOLDER = EXAMPLES / "consensus"
RESPONDENTS = sorted((FOLDER / "respondents").glob("*.yaml"))
TEAM = FOLDER / "team.yaml"
RELATIVE = [p.relative_to(ROOT) for p in RESPONDENTS]


def test_the_example_team_file_is_what_consensus_writes(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "team.yaml"
    run = cli("consensus", *RESPONDENTS, "-o", out, "-f", "json")
    assert run.code == 0
    assert run.err == f"wrote {out}: the team answers of 4 respondents\n"
    assert out.read_text(encoding="utf-8") == TEAM.read_text(encoding="utf-8"), (
        "examples/consensus/team.yaml is stale: run the command in examples/consensus/README.md"
    )
    view = json.loads(run.out)
    assert view["written"] == str(out)
    assert (view["team_placement"]["stage"], view["team_placement"]["level"]) == (3, "no")
    assert (view["span"]["stage_low"], view["span"]["stage_high"]) == (2, 3)
    assert [d["question"] for d in view["disagreements"]] == [
        "deployment.serving_owner",
        "outcomes.production_share",
        "monitoring.drift",
    ]
    assert view["disagreements"][0]["spread"] == 3 and view["disagreements"][2]["spread"] == 4
    assert view["disagreement_index"] == 5.1


def test_the_order_of_the_files_changes_nothing(cli: Cli) -> None:
    forward = cli("consensus", *RESPONDENTS, "-f", "json").out
    assert cli("consensus", *reversed(RESPONDENTS), "-f", "json").out == forward


def test_a_folder_stands_for_the_answers_files_in_it(cli: Cli, tmp_path: Path) -> None:
    """``survey --out DIR/`` writes one file per respondent into a folder; ``consensus DIR/`` reads them back."""
    assert (
        cli("consensus", FOLDER / "respondents", "-f", "json").out == cli("consensus", *RESPONDENTS, "-f", "json").out
    )
    empty = tmp_path / "nobody"
    empty.mkdir()
    run = cli("consensus", empty)
    assert (run.code, run.out) == (2, "")
    assert f"{empty}: is a folder with no answers files" in run.err


def test_anonymous_names_nobody(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "team.yaml"
    run = cli("consensus", *RESPONDENTS, "--anonymous", "-o", out, "-f", "markdown")
    assert run.code == 0
    written = out.read_text(encoding="utf-8")
    for text in (run.out, written):
        assert "Respondent 1" in text and "Respondent 4" in text
        for name in ("Ana Lima", "Ben Okafor", "Chloé", "Dev Patel", "(data scientist", "product owner", "dev-patel"):
            assert name not in text, name
        # Ben's evidence names Ana by her first name; anonymous takes it out of the quote too
        assert re.search(r"\bAna\b", text) is None
        assert re.search(r"two of the five Respondent \d counts only run in shadow mode", text)
    assert "note: anonymous: respondents are numbered" in run.err  # and it says what it cannot recognise
    assert "initials, nicknames, e-mail addresses" in run.err
    assert cli("score", out).code == 0


def test_score_and_report_show_the_respondents_and_where_they_disagree(cli: Cli) -> None:
    text = cli("score", TEAM).out
    assert "Team answers merged from 4 respondents: Ana Lima (data scientist), Ben Okafor" in text
    assert "Where the team disagrees (most decisive first):" in text
    assert "Serving ownership: options 3 apart; decides the stage: 2 → 3." in text
    data = json.loads(cli("score", TEAM, "-f", "json").out)
    assert data["respondents"]["count"] == 4
    assert [d["spread"] for d in data["respondents"]["disagreements"]] == [3, 1, 4]
    assert json.loads(cli("score", RESPONDENTS[0], "-f", "json").out)["respondents"] is None
    markdown = cli("score", TEAM, "-f", "markdown").out
    assert "**Where the team disagrees** (most decisive first)" in markdown
    report = cli("report", TEAM).out
    section = report.split("### Where the team disagrees\n", 1)[1].split("\n### ", 1)[0]
    assert "These are the answers of 4 respondents, merged: Ana Lima (data scientist), Ben Okafor" in section
    assert (
        "| Serving ownership | options 3 apart | Ana Lima: Data scientists run most; engineers deploy some on request"
        in section
    )
    assert section.count("\n| ") == 4  # header and three disagreements
    assert "Merged from 4 respondents, who disagree on 3 questions" in report.split("## For the team")[0]
    assert (
        report.index("## For the team")
        < report.index("### Where the team disagrees")
        < report.index("### Where the team stands")
    )
    assert "## Where the team disagrees" not in cli("report", RESPONDENTS[0]).out


def test_validate_and_the_schema_accept_the_team_and_respondent_files(cli: Cli, shipped: Questionnaire) -> None:
    assert cli("validate", TEAM, *RESPONDENTS).code == 0
    schema = answers_schema(shipped)
    for path in (TEAM, *RESPONDENTS):
        jsonschema.validate(load_file(path).data, schema)


def test_the_fast_portfolio_check_leaves_respondents_and_team_files_to_the_full_check(shipped: Questionnaire) -> None:
    checker = QuickChecker(shipped)
    for path in (TEAM, RESPONDENTS[0]):
        assert checker.check(load_file(path).data) is None


# --- bad input: exit 2, the file named, nothing written ------------------------------------------


def copies(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "round"
    shutil.copytree(FOLDER / "respondents", folder)
    return sorted(folder.glob("*.yaml"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("team: Store demand forecasting", 'team: "Search ranking"'),
            "names 'Search ranking', but the other files are of team 'Store demand forecasting'",
        ),
        (("questionnaire: mlops-maturity", "questionnaire: acme-ml"), "this file answers questionnaire 'acme-ml'"),
        (('respondent: "Ben Okafor"', 'respondent: "ana lima"'), "respondent 'ana lima' already answered in"),
        (("  monitoring.drift:", "  monitoring.drift: weekly\n  old.drift:"), "unknown question id 'old.drift'"),
        (("answers:", "consensus:\n  respondents:\n    Ben: {}\nanswers:"), "a file names either its one"),
    ],
    ids=["another-team", "another-questionnaire", "same-respondent", "invalid", "respondent-and-team"],
)
def test_bad_input_exits_2_names_the_file_and_writes_nothing(
    cli: Cli, tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    files = copies(tmp_path)
    odd = files[1]  # ben-okafor.yaml
    edit(odd, *change)
    out = tmp_path / "team.yaml"
    out.write_text("kept\n", encoding="utf-8")
    run = cli("consensus", *files, "-o", out)
    assert run.code == 2
    assert run.out == ""
    assert f"{odd}" in run.err and message in run.err, run.err
    assert out.read_text(encoding="utf-8") == "kept\n"


def test_a_team_file_is_not_a_respondent(cli: Cli, tmp_path: Path) -> None:
    run = cli("consensus", *RESPONDENTS, TEAM, "-o", tmp_path / "t.yaml")
    assert run.code == 2
    assert f"{TEAM}: is a team file already merged by consensus" in run.err
    assert not (tmp_path / "t.yaml").exists()


def test_every_invalid_file_is_named_at_once(cli: Cli, tmp_path: Path) -> None:
    files = copies(tmp_path)
    edit(files[0], "  monitoring.drift:", "  monitoring.drift: weekly\n  x.y:")
    files[2].write_text("", encoding="utf-8")
    run = cli("consensus", *files)
    assert run.code == 2
    assert str(files[0]) in run.err and f"{files[2]}: the file is empty" in run.err
    assert "2 of 4 files could not be read; nothing was written" in run.err


def test_the_team_file_must_not_overwrite_a_respondent(cli: Cli, tmp_path: Path) -> None:
    files = copies(tmp_path)
    before = files[0].read_text(encoding="utf-8")
    run = cli("consensus", *files, "-o", files[0])
    assert run.code == 2 and "is one of the respondents' files" in run.err
    assert files[0].read_text(encoding="utf-8") == before
    assert cli("consensus").code == 2


# --- downstream: compare and portfolio -----------------------------------------------------------


def test_compare_works_between_two_consensus_files(cli: Cli, tmp_path: Path) -> None:
    files = copies(tmp_path)
    # Next quarter Ana's models moved to the platform, and a fifth member answered.
    edit(files[0], "    answer: ds_with_help", "    answer: engineers")
    edit(files[0], "assessed_on: 2026-09-30", "assessed_on: 2026-12-15")
    eli = files[0].with_name("eli-novak.yaml")
    eli.write_text(files[3].read_text(encoding="utf-8").replace("Dev Patel", "Eli Novak"), encoding="utf-8")
    later = tmp_path / "team-q4.yaml"
    assert cli("consensus", *files, eli, "-o", later).code == 0
    run = cli("compare", TEAM, later, "-f", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["team"] == "Store demand forecasting"
    assert {"question": "deployment.serving_owner", "from": "mostly_engineers", "to": "engineers"}.items() <= (
        data["changed_answers"][0].items()
    )
    assert any("merges 4 respondents" in n and "5 respondents" in n for n in data["notes"])


def test_portfolio_merges_a_round_of_respondents_and_flags_single_voices(cli: Cli, tmp_path: Path) -> None:
    files = copies(tmp_path)
    shutil.copy(EXAMPLES / "stage1-pilot.yaml", tmp_path / "round" / "pilot-team.yaml")
    run = cli("portfolio", tmp_path / "round", "-f", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["files"] == 5
    teams = {t["team"]: t for t in data["teams"]}
    store = teams["Store demand forecasting"]
    assert (store["respondents"], store["disagreement_index"], store["files"]) == (4, 5.1, 4)
    merged = json.loads(cli("score", TEAM, "-f", "json").out)
    assert (store["stage"], store["level"], store["overall_score"]) == (
        merged["stage"]["number"],
        merged["level"]["id"],
        merged["overall_score"],
    )
    pilot = next(name for name in teams if name != "Store demand forecasting")
    assert teams[pilot]["respondents"] == 1 and data["single_respondent"] == [pilot]
    assert data["trends"] == []  # four files of one date are one assessment
    text = cli("portfolio", tmp_path / "round").out
    assert "Store demand forecasting: 4 respondents, disagreement index 5.1%" in text
    assert f"Answered by one person: {pilot}" in text
    assert "| Store demand forecasting | 4 | 5.1% |" in cli("portfolio", tmp_path / "round", "-f", "markdown").out
    del files


def test_portfolio_reads_a_team_file_like_its_round(cli: Cli) -> None:
    team = json.loads(cli("portfolio", TEAM, "-f", "json").out)["teams"][0]
    assert (team["respondents"], team["disagreement_index"], team["files"]) == (4, 5.1, 1)


def test_portfolio_leaves_out_a_round_it_cannot_merge(cli: Cli, tmp_path: Path) -> None:
    files = copies(tmp_path)
    edit(files[1], 'respondent: "Ben Okafor"', 'respondent: "Ana Lima"')
    run = cli("portfolio", tmp_path / "round", "-f", "json")
    assert run.code == 2
    data = json.loads(run.out)
    assert data["teams"] == [] and data["files"] == 4
    assert [e["file"] for e in data["errors"]] == [str(f) for f in files]
    assert "respondent 'Ana Lima' already answered in" in data["errors"][1]["message"]
    assert "left out with its round" in data["errors"][0]["message"]
