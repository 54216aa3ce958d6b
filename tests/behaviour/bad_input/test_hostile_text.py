"""Hostile text reaches a terminal or a CI log inert, wherever it is written (issue 22, item 4).

The same payload goes into each place someone else's text can reach stdout or
stderr: the locator and the quoted part of an error (a key, a file name), a team
name, a respondent's name, the labels and titles of an organisation's own
questionnaire, and the reasons of a repository's annotations file. Whatever the
command and the format a terminal or a CI log shows as it is (text, ``github``),
what comes out holds no control character, no escape sequence, no bidirectional
override, and no line that GitHub would read as a workflow command of the payload.
Colour is off (the output is not a terminal), so any escape sequence would be the payload's.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import SCAN_REPO, SCANQ, SURVEY, TINY, Run
from support.scripted_io import Script

Cli = Callable[..., Run]

# A newline that starts a workflow command, SGR colour, an OSC 8 link, BEL, backspace, carriage return,
# a right-to-left override, an 8-bit CSI and a line separator.
PAYLOAD = (
    "Ops\n::warning file=z::FORGED \x1b[31mRED\x1b[0m \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"
    " \x07\x08\rover \u202egnp.exe \x9b2J\u2028end"
)
# Written independently of the product's own list: every C0 control but the line feed, DEL, every C1
# control, the line and paragraph separators, and the marks, embeddings, overrides and isolates of Unicode's
# bidirectional algorithm.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
FORGED = re.compile(r"^\s*(::[a-z-]+ file=z::|FORGED)", re.MULTILINE)


def assert_inert(run: Run) -> None:
    for stream, text in (("stdout", run.out), ("stderr", run.err)):
        found = UNSAFE.search(text)
        assert found is None, (
            f"{stream} holds {found.group()!r}: {text[max(0, found.start() - 60) : found.end() + 20]!r}"
        )
        forged = FORGED.search(text)
        assert forged is None, f"{stream} has a line of the payload's own: {text!r}"


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False), encoding="utf-8")
    return path


def answers(path: Path, team: str = "Fraud", **given: Any) -> Path:
    return write_yaml(path, {"questionnaire": "tiny", "team": team, "answers": given or {"deploy.prod": "one"}})


def hostile_questionnaire(tmp_path: Path) -> Path:
    """The tiny questionnaire with the payload in its title, a dimension, a question and every option label."""
    folder = tmp_path / "hostile-q"
    shutil.copytree(TINY, folder)
    head = yaml.safe_load((folder / "questionnaire.yaml").read_text(encoding="utf-8"))
    head["title"] = PAYLOAD
    head["dimensions"][0]["title"] = PAYLOAD
    write_yaml(folder / "questionnaire.yaml", head)
    questions = yaml.safe_load((folder / "questions" / "deploy.yaml").read_text(encoding="utf-8"))
    for question in questions["questions"]:
        question["title"] = question["text"] = question["help"] = PAYLOAD
        for option in question["options"]:
            option["label"] = f"{option['id']} {PAYLOAD}"
    write_yaml(folder / "questions" / "deploy.yaml", questions)
    return folder


# --- errors: the locator (file, key) and the quoted part --------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["score", "BAD"],
        ["score", "BAD", "--format", "github"],
        ["validate", "BAD"],
        ["badge", "BAD"],
        ["portfolio", "BAD"],
        ["consensus", "BAD"],
        ["compare", "GOOD", "BAD"],
    ],
    ids=lambda c: " ".join(c),
)
def test_an_error_about_a_hostile_key_is_inert(cli: Cli, tmp_path: Path, command: list[str]) -> None:
    bad = write_yaml(tmp_path / "bad.yaml", {"team": "T", "answers": {PAYLOAD: "one", f"deploy.{PAYLOAD}": "x"}})
    files = {"BAD": bad, "GOOD": answers(tmp_path / "good.yaml")}
    run = cli(*(files.get(a, a) for a in command), "--questionnaire", TINY)
    assert run.code == 2
    assert "FORGED" in run.out + run.err  # the payload is shown, made harmless, not dropped
    assert_inert(run)


def test_a_hostile_file_name_is_inert_in_every_message(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "teams"
    folder.mkdir()
    broken = folder / f"{PAYLOAD.replace('/', '-')}.yaml"
    broken.write_text("team: [\n", encoding="utf-8")
    good = answers(folder / "good.yaml")
    for args in (["validate", folder], ["portfolio", folder], ["score", broken], ["validate", good, broken]):
        run = cli(*args, "--questionnaire", TINY)
        assert run.code == 2, args
        assert "FORGED" in run.out + run.err
        assert_inert(run)


def test_a_valid_file_with_a_hostile_name_is_inert_where_it_passes(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "teams"
    folder.mkdir()
    answers(folder / f"{PAYLOAD.replace('/', '-')}.yaml")
    for command in ("validate", "portfolio"):
        run = cli(command, folder, "--questionnaire", TINY)
        assert run.code == 0, run.err
        assert_inert(run)
    assert "FORGED" in cli("validate", folder, "--questionnaire", TINY).out  # "ok: <the name>", inert


# --- a team name ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["score", "TEAM"],
        ["score", "TEAM", "--format", "github"],
        ["score", "TEAM", "--min-stage", "2", "--format", "github"],
        ["compare", "BEFORE", "TEAM"],
        ["compare", "BEFORE", "TEAM", "--format", "markdown"],
        ["portfolio", "TEAM"],
        ["portfolio", "TEAM", "--min-stage", "2", "--format", "json"],
        ["badge", "TEAM", "-o", "BADGE"],
    ],
    ids=lambda c: " ".join(c),
)
def test_a_hostile_team_name_is_inert(cli: Cli, tmp_path: Path, command: list[str]) -> None:
    files = {
        "TEAM": answers(
            tmp_path / "team.yaml", team=PAYLOAD, **{"deploy.prod": "one", "deploy.who": "data_scientists"}
        ),
        "BEFORE": answers(tmp_path / "before.yaml", team=PAYLOAD),
        "BADGE": tmp_path / "badge.svg",
    }
    run = cli(*(files.get(a, a) for a in command), "--questionnaire", TINY)
    assert run.code in (0, 1), run.err
    shown_as_is = "json" not in command and "markdown" not in command  # those escape by their own rules
    assert_inert(run if shown_as_is else Run(run.code, "", run.err))


# --- respondents' names ----------------------------------------------------------------------------------


def test_hostile_respondents_are_inert(cli: Cli, tmp_path: Path) -> None:
    round_ = tmp_path / "round"
    round_.mkdir()
    for i, value in enumerate(("none", "many")):
        data = {
            "questionnaire": "tiny",
            "team": PAYLOAD,
            "respondent": f"{PAYLOAD} {i}",
            "role": PAYLOAD,
            "answers": {"deploy.prod": {"answer": value, "evidence": PAYLOAD}},
        }
        write_yaml(round_ / f"r{i}.yaml", data)
    for fmt in ("text", "json"):
        run = cli("consensus", round_, "--format", fmt, "-o", tmp_path / "team.yaml", "--questionnaire", TINY)
        assert run.code == 0, run.err
        if fmt == "text":
            assert_inert(run)
        else:
            assert_inert(Run(run.code, "", run.err))  # JSON escapes by its own rules


# --- the labels of an organisation's own questionnaire ---------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["score"], ["score", "--format", "github"], ["questions"], ["compare"], ["validate"]],
    ids=lambda c: " ".join(c),
)
def test_hostile_labels_of_a_custom_questionnaire_are_inert(cli: Cli, tmp_path: Path, command: list[str]) -> None:
    q = hostile_questionnaire(tmp_path)
    file = answers(tmp_path / "a.yaml", **{"deploy.prod": "one", "deploy.who": "data_scientists"})
    before = answers(tmp_path / "b.yaml", **{"deploy.prod": "none", "deploy.who": "platform"})
    files = {"score": [file], "questions": [], "compare": [before, file], "validate": [file]}[command[0]]
    run = cli(command[0], *files, *command[1:], "--questionnaire", q)
    assert run.code == 0, run.err
    assert "FORGED" in run.out + run.err or command[0] == "validate"
    assert_inert(run)


def test_hostile_labels_and_team_are_inert_in_the_survey(tmp_path: Path) -> None:
    from mlops_maturity.cli.commands.survey import run as survey

    folder = tmp_path / "q"
    shutil.copytree(SURVEY, folder)
    for file in (folder / "questions").glob("*.yaml"):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for question in data["questions"]:
            question["text"] = question["help"] = PAYLOAD
            for option in question["options"]:
                option["label"] = PAYLOAD
        write_yaml(file, data)
    script = Script(["?", "1", "q"])
    output = survey(tmp_path / "a.yaml", PAYLOAD, folder, script, script.layout)
    shown = "".join(script.screens) + "".join(script.notes)
    assert "FORGED" in shown
    assert_inert(Run(output.code, shown + output.stdout, "\n".join(output.stderr)))


# --- the reasons of a repository's annotations file ------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_hostile_annotation_reasons_are_inert(cli: Cli, tmp_path: Path, fmt: str) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(SCAN_REPO, repo)
    write_yaml(repo / ".mlops-maturity.yaml", {"annotations": [{"paths": ["**"], "reason": PAYLOAD}]})
    run = cli("scan", repo, "--format", fmt, "--questionnaire", SCANQ)
    assert run.code == 0, run.err
    assert "FORGED" in run.out + run.err
    assert_inert(run)


# --- SVG and HTML: one stripping (issue 22, item 12) -----------------------------------------------------

CONTROLS = "Fraud\x01\x08\x0b\x1b[31m\x7f\u202e \ufffe detection\nteam"


def test_control_characters_in_a_team_name_leave_every_svg_well_formed(cli: Cli, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    q = tmp_path / "q"
    shutil.copytree(TINY, q)
    levels = yaml.safe_load((q / "levels.yaml").read_text(encoding="utf-8"))
    for level in levels["levels"]:
        level["name"] = f"{level['name']} {CONTROLS}"
    write_yaml(q / "levels.yaml", levels)
    file = answers(tmp_path / "team.yaml", team=CONTROLS, **{"deploy.prod": "one", "deploy.who": "platform"})
    assert cli("report", file, "-o", tmp_path / "r.md", "--questionnaire", q).code == 0
    assert cli("badge", file, "-o", tmp_path / "badge.svg", "--questionnaire", q).code == 0
    assert cli("portfolio", file, "-o", tmp_path / "p.md", "--questionnaire", q).code == 0
    for svg in ("r.svg", "badge.svg", "p-heatmap.svg"):
        text = (tmp_path / svg).read_text(encoding="utf-8")
        ET.fromstring(text)  # raises on a character XML forbids
        assert "Fraud[31m detection team" in text, svg  # one line, the same stripping everywhere


def test_the_html_title_says_what_its_heading_says(cli: Cli, tmp_path: Path) -> None:
    from html.parser import HTMLParser

    class Texts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.inside: str | None = None
            self.found: dict[str, str] = {}

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in ("title", "h1") and tag not in self.found:
                self.inside = tag
                self.found[tag] = ""

        def handle_endtag(self, tag: str) -> None:
            if tag == self.inside:
                self.inside = None

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.found[self.inside] += data

    file = answers(tmp_path / "team.yaml", team=CONTROLS)
    assert cli("report", file, "-o", tmp_path / "r.html", "--questionnaire", TINY).code == 0
    page = Texts()
    page.feed((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert page.found["h1"].endswith("Fraud[31m detection team")
    assert page.found["title"] == "Tiny: Fraud[31m detection team"
