"""``mlops-maturity badge``: a local SVG of the stage and level for a README."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from mlops_maturity.render.badge import text_width
from mlops_maturity.render.bands import _luminance

from support import DATA, EXAMPLES, Run

Cli = Callable[..., Run]
PROFILES = DATA / "profiles"
SVG = "{http://www.w3.org/2000/svg}"


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _parts(svg: str) -> tuple[list[str], list[str], list[str]]:
    root = ET.fromstring(svg)
    fills = [r.get("fill", "") for r in root.iter(f"{SVG}rect") if r.get("fill")]
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    inks = [t.get("fill", "") for t in root.iter(f"{SVG}text")]
    return fills, texts, inks


def test_writes_the_badge_file(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "badge.svg"
    run = cli("badge", EXAMPLES / "stage3-platform-serving.yaml", "-o", out)
    assert run.code == 0
    assert run.out == ""
    assert run.err == f"wrote {out} (MLOps stage 3 · level Low)\n"
    fills, texts, _ = _parts(out.read_text(encoding="utf-8"))
    assert texts == ["MLOps", "stage 3 · level Low"]
    assert fills == ["#555555", "#bf8700"]  # stage 3 of 5 is 60: the questionnaire's "fair" band
    assert [p.name for p in tmp_path.iterdir()] == ["badge.svg"]  # no temporary file left


@pytest.mark.parametrize(
    ("example", "fill"),
    [("stage1-pilot", "#cf222e"), ("stage2-first-deployment", "#e16f24"), ("stage5-full-automation", "#1a7f37")],
)
def test_colour_follows_the_stage(cli: Cli, example: str, fill: str) -> None:
    fills, _, _ = _parts(cli("badge", EXAMPLES / f"{example}.yaml").out)
    assert fills[1] == fill


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("stage*.yaml")), ids=lambda p: p.stem)
def test_legible_on_any_page(cli: Cli, example: Path) -> None:
    # Each half carries its own fill, so the page behind it does not matter; WCAG AA for small text is 4.5.
    fills, _, inks = _parts(cli("badge", example).out)
    assert all(_contrast(fill, ink) >= 4.5 for fill, ink in zip(fills, inks, strict=True))


def test_width_follows_the_text(cli: Cli) -> None:
    root = ET.fromstring(cli("badge", EXAMPLES / "stage5-full-automation.yaml").out)
    width = int(root.get("width", "0"))
    assert width >= text_width("MLOps") + text_width("stage 5 · level High")
    assert text_width("stage 5 · level High") > text_width("stage 5 · level No")


def test_bad_input_is_exit_2(cli: Cli, tmp_path: Path) -> None:
    run = cli("badge", tmp_path / "missing.yaml", "-o", tmp_path / "b.svg")
    assert run.code == 2
    assert run.err == f"error: {tmp_path / 'missing.yaml'}: no such file\n"
    assert not (tmp_path / "b.svg").exists()


def test_the_folder_of_the_badge_is_made_as_needed(cli: Cli, tmp_path: Path) -> None:
    """A CI job writes ``docs/mlops-badge.svg`` into a fresh checkout where ``docs/`` may not exist."""
    out = tmp_path / "docs" / "badges" / "mlops.svg"
    run = cli("badge", EXAMPLES / "stage3-platform-serving.yaml", "-o", out)
    assert (run.code, run.err) == (0, f"wrote {out} (MLOps stage 3 · level Low)\n")
    assert _parts(out.read_text(encoding="utf-8"))[1] == ["MLOps", "stage 3 · level Low"]
    assert cli("badge", EXAMPLES / "stage3-platform-serving.yaml", "-o", tmp_path / "docs").code == 2


def test_a_range_left_open_by_unknown_answers_shows_on_the_badge(cli: Cli, tmp_path: Path) -> None:
    """A new lead's don't-knows leave stage and level open: the badge says so instead of the lower bound alone."""
    profile = yaml.safe_load((PROFILES / "new_lead_dont_know.yaml").read_text(encoding="utf-8"))
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"questionnaire": "mlops-maturity", "answers": profile["answers"]}))
    run = cli("badge", answers)
    texts = _parts(run.out)[1]
    assert run.code == 0
    assert texts[1].startswith("stage ") and "–" in texts[1] and texts[1].endswith("· level open")
