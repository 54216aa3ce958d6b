"""One way to cut text, and terminal text without trailing blanks or wrapped lines that lose their indent."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from mlops_maturity.cut import clip

from support import DATA, EXAMPLES, ROOT, Run

Cli = Callable[..., Run]


def test_clip_marks_a_cut_with_one_mark() -> None:
    assert clip("Continuous integration", 10) == "Continuou…"
    assert clip("Continuous integration", 10, unicode=False) == "Continu..."
    assert clip("short", 10) == "short"
    assert len(clip("x" * 50, 12)) == 12


def test_no_renderer_cuts_text_its_own_way() -> None:
    """Every cut goes through ``clip``: no ``~`` marks, no hand-made ``[:n] + "..."``."""
    sources = (ROOT / "src" / "mlops_maturity").rglob("*.py")
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources
        if path.name != "cut.py"
        and re.search(r"""clip\([^)]*"~"|\]\s*\+\s*["'](\.\.\.|…)["']""", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.fixture(autouse=True)
def _narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("NO_COLOR", "1")


def test_compare_text_has_no_trailing_blanks(cli: Cli) -> None:
    run = cli("compare", EXAMPLES / "stage1-pilot.yaml", EXAMPLES / "stage2-first-deployment.yaml")
    assert run.code == 0
    assert [line for line in run.out.splitlines() if line != line.rstrip()] == []


def test_portfolio_text_wraps_under_the_text_not_the_margin(cli: Cli) -> None:
    run = cli("portfolio", DATA / "portfolio" / "org", "--questionnaire", DATA / "questionnaires" / "org")
    gaps = run.out.split("Gaps several teams share", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    items = [line for line in gaps if line.strip() and not line.startswith("  ...")]
    assert items
    for line in items:  # an item starts "  N. "; every other line hangs under its text
        assert re.match(r"  \d+\. \S", line) or re.match(r" {5,}\S", line), line
    assert [line for line in run.out.splitlines() if line != line.rstrip()] == []
    assert max(len(line) for line in run.out.splitlines()) <= 60


def test_portfolio_heat_map_fits_sixty_columns(cli: Cli) -> None:
    run = cli("portfolio", DATA / "portfolio" / "org", "--questionnaire", DATA / "questionnaires" / "org")
    assert max(len(line) for line in run.out.splitlines()) <= 60


# --- values a wrapped line never splits, and what wraps hangs under its text (issue 22, item 16) ---------


@pytest.mark.parametrize("columns", [40, 50, 60, 72, 80])
def test_consensus_text_keeps_values_whole_at_any_width(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    run = cli("consensus", EXAMPLES / "consensus" / "respondents")
    lines = run.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert any(re.search(r"overall \d+(\.\d)? / 100", line) for line in lines)  # "overall 57.7⏎/ 100" was the bug
    heading = next(i for i, line in enumerate(lines) if "(outcomes.production_share)" in line)
    assert "some don't know" in lines[heading] + " " + lines[heading + 1]
    assert not lines[heading].endswith(" some")  # "some⏎don't know" was the bug
    if "some don't know" not in lines[heading]:
        assert re.match(r" {5}\S", lines[heading + 1])  # and what wraps hangs under the title
    for name in ("Ana Lima", "Ben Okafor", "Chloé Martin", "Dev Patel"):  # every respondent, every value
        row = " ".join(lines).split(name, 1)[1]
        assert re.search(r"(don't know|\s\d\s*$|\s\d\s)", row[:160]), (name, row[:160])
    notes = [i for i, line in enumerate(lines) if line.startswith("note: ")]
    for i in notes:  # a note's wrapped lines hang under its text
        following = lines[i + 1 : i + 3]
        assert all(line.startswith("      ") or not line.strip() or line.startswith("note: ") for line in following)


@pytest.mark.parametrize("columns", [50, 60, 80])
def test_score_thresholds_wrap_under_their_text(cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    run = cli(
        "score", EXAMPLES / "stage2-first-deployment.yaml", "--min-stage", "3", "--min-dimension", "monitoring=50"
    )
    assert run.code == 1
    lines = run.out.split("Thresholds:\n", 1)[1].splitlines()
    assert lines[0].startswith(" ✗ min-stage: ") and any(line.startswith(" ✗ min-dimension:") for line in lines)
    for line in lines:
        assert line.startswith((" ✗ ", " ✓ ", "   ")), line  # "required at least 50" at the margin was the bug
    answered = next(line for line in run.out.splitlines() if line.startswith("Based on "))
    counts = run.out.split(answered, 1)[0] + answered
    assert "don't know" in counts or "don't" not in answered  # "N don't know" is never split in two
    assert not re.search(r"\d$", answered)
