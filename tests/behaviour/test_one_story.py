"""One answers file, one story: score (every format), report, badge, portfolio and the survey's end screen
say the same placement, range, level, deciding answers, basics, counts and warnings.

The words to find are made from the result by ``render/headline.py``; each output is produced through the
real entry point (the survey in a real pseudo-terminal), and each must carry them. An output that drops the
range, calls an open level by its lower bound, or counts the questions another way fails here.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest
import yaml

from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.render import headline

from support import DATA, EXAMPLES, Run

Cli = Callable[..., Run]

# Every shipped example, and profiles whose answers leave the stage or the level open, miss basics or conflict.
OPEN = ("new_lead_dont_know", "three_models_interested_leaders", "unknown_gate", "tools_without_basics")
CASES = [*sorted(p.stem for p in EXAMPLES.glob("*.yaml")), *OPEN]


def _file(name: str, folder: Path) -> Path:
    """The case as an answers file in ``folder`` (a profile's answers, without its description)."""
    example = EXAMPLES / f"{name}.yaml"
    out = folder / f"{name}.yaml"
    if example.is_file():
        out.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        profile = yaml.safe_load((DATA / "profiles" / f"{name}.yaml").read_text(encoding="utf-8"))
        team = name.replace("_", " ")
        out.write_text(yaml.safe_dump({"questionnaire": "mlops-maturity", "team": team, "answers": profile["answers"]}))
    return out


def _flat(text: str) -> str:
    """Text as read: Markdown escapes removed, lines joined, runs of spaces as one."""
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>])", r"\1", text)
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return " ".join(text.split())


def _sentences(result: Result, top: int) -> list[str]:
    """What every full output must say of this result (``top``: how many deciding answers and basics it lists)."""
    said = [headline.placement(result), headline.counts(result)]
    said += [line for line in (headline.stage_range(result), headline.level_range(result)) if line]
    said += headline.deciding(result)[:top]
    said += [line for line in (headline.foundational_intro(result),) if line]
    said += headline.foundational(result)[:top]
    return said


@pytest.fixture(params=CASES)
def case(request: pytest.FixtureRequest, shipped: Questionnaire, tmp_path: Path) -> tuple[Path, Result]:
    path = _file(request.param, tmp_path)
    return path, assess(shipped, load_answers(path, shipped))


def test_the_cases_have_an_open_stage_an_open_level_basics_and_warnings(shipped: Questionnaire, tmp_path: Path) -> None:
    """The comparison below means something only if some case has each part to say."""
    results = [assess(shipped, load_answers(_file(name, tmp_path), shipped)) for name in CASES]
    assert any(r.range.stage.high > r.range.stage.low for r in results)
    assert any(not r.level.determined for r in results)
    assert any(r.foundational_gaps for r in results)
    assert any(r.warnings for r in results)


def test_score_text_tells_the_story(cli: Cli, case: tuple[Path, Result]) -> None:
    path, result = case
    run = cli("score", path)
    assert run.code == 0, run.err
    text = _flat(run.out)
    for sentence in _sentences(result, top=5):
        assert _flat(sentence) in text
    assert f"Level: {headline.level_name(result)}" in text
    for warning in result.warnings:
        assert _flat(warning) in text


def test_score_markdown_tells_the_story(cli: Cli, case: tuple[Path, Result]) -> None:
    path, result = case
    run = cli("score", path, "--format", "markdown")
    assert run.code == 0, run.err
    text = _flat(run.out)
    for sentence in _sentences(result, top=5):
        assert _flat(sentence) in text
    assert f"Level: {headline.level_name(result)}" in text.replace("**", "")
    assert (f"{len(result.warnings)} warning" in text) == bool(result.warnings)


def test_score_json_carries_the_range_and_the_counts(cli: Cli, case: tuple[Path, Result]) -> None:
    path, result = case
    data = json.loads(cli("score", path, "--format", "json").out)
    assert data["stage"]["number"] == result.stage.number == data["range"]["stage"]["low"]
    assert data["range"]["stage"]["high"] == result.range.stage.high
    assert data["level"]["determined"] == result.level.determined
    assert [d["question"] for d in data["range"]["deciding"]] == [d.question for d in result.range.deciding]
    assert data["completeness"]["applicable"] == result.completeness.applicable
    assert data["warnings"] == list(result.warnings)


def test_github_annotations_tell_the_story(cli: Cli, case: tuple[Path, Result]) -> None:
    path, result = case
    lines = cli("score", path, "--format", "github").out.splitlines()
    summary = lines[-1]
    assert f"stage {result.stage.number} of {result.stage.top}" in summary
    assert f"level {headline.level_name(result)}," in summary
    assert (f"stage {result.range.stage.low} to {result.range.stage.high} open" in summary) == (
        result.range.stage.high > result.range.stage.low
    )
    deciding = [line for line in lines if "find out first" in line]
    assert len(deciding) == len(result.range.deciding)
    assert sum("foundational gap" in line for line in lines[:-1]) == len(result.foundational_gaps)
    assert sum("warning%3A " in line for line in lines) == len(result.warnings)


def test_the_report_tells_the_story(cli: Cli, case: tuple[Path, Result]) -> None:
    path, result = case
    run = cli("report", path, "-o", "-")
    assert run.code == 0, run.err
    summary = _flat(run.out.split("## For the team")[0])
    level = f"with {result.level.name}" if result.level.determined else "its level not yet determined"
    assert f"at stage {result.stage.number} of {result.stage.top}, {result.stage.name}, {level}." in summary
    for sentence in _sentences(result, top=3)[1:]:  # the placement is said as a sentence of its own
        assert _flat(sentence) in summary
    text = _flat(run.out)
    assert f"Delivery level: {headline.level_name(result)}." in text
    for warning in result.warnings:
        assert _flat(warning) in text


def test_the_badge_tells_the_story(cli: Cli, case: tuple[Path, Result]) -> None:
    path, result = case
    svg = cli("badge", path).out
    span = result.range.stage
    stage = f"{span.low}–{span.high}" if span.high > span.low else f"{span.low}"
    level = result.level.name.removesuffix(" MLOps") if result.level.determined else "open"
    assert f">stage {stage} · level {level}</text>" in svg


def test_the_portfolio_tells_the_story(cli: Cli, shipped: Questionnaire, tmp_path: Path) -> None:
    folder = tmp_path / "teams"
    folder.mkdir()
    results = {}
    for name in CASES:
        path = _file(name, folder)
        results[path.name] = assess(shipped, load_answers(path, shipped))
    data = json.loads(cli("portfolio", folder, "--format", "json").out)
    assert len(data["teams"]) == len(CASES)
    for team in data["teams"]:
        result = results[Path(team["file"]).name]
        assert (team["stage"], team["stage_high"]) == (result.range.stage.low, result.range.stage.high)
        assert (team["level_name"], team["level_determined"]) == (result.level.name, result.level.determined)
    assert data["level_undetermined"] == sum(not r.level.determined for r in results.values())
    assert sum(lv["teams"] for lv in data["levels"]) + data["level_undetermined"] == len(CASES)
    text = _flat(cli("portfolio", folder, "--format", "markdown").out)
    for result in results.values():
        span = headline.stage_span(result.range.stage.low, result.range.stage.high)
        row = f"| {result.team} | {span} | {headline.level_name(result)} |"
        assert row in text


@pytest.mark.slow
@pytest.mark.parametrize("name", ["stage3-platform-serving", "new_lead_dont_know"])
def test_the_survey_end_screen_tells_the_story(cli: Cli, shipped: Questionnaire, tmp_path: Path, name: str) -> None:
    """The survey in a real terminal: questions left open are answered "don't know"; its last screen is then
    compared with ``score`` on the file it saved."""
    path = _file(name, tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "COLUMNS", "LINES")}
    env.update(NO_COLOR="1", TERM="xterm")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mlops_maturity", "survey", "--out", str(path)],
        env=env,
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=20,
        cwd=tmp_path,
    )
    try:
        child.expect("Press Enter")
        child.sendline("")
        while child.expect([r"q save & quit\r\n> ", "That was the last question"]) == 0:
            child.sendline("" if "Enter accepts it" in child.before else "u")  # a scope question's default
        child.sendline("")
        child.expect("Enter: the full result")
        screen = _flat(child.before)
        child.sendline("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    result = assess(shipped, load_answers(path, shipped))
    for sentence in _sentences(result, top=0):
        assert _flat(sentence) in screen
    assert f"Level: {headline.level_name(result)}" in screen
    for line in headline.deciding(result)[:3] + headline.foundational(result)[:3]:
        assert _flat(line)[:60] in screen  # long lines are cut at two lines on this screen
    assert (f"{len(result.warnings)} warning" in screen) == bool(result.warnings)
    assert cli("score", path).code == 0
