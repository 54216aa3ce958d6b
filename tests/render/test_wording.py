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
    run = cli("portfolio", *sorted(EXAMPLES.glob("stage*.yaml")))
    gaps = run.out.split("Gaps most teams share", 1)[1].splitlines()[1:]
    items = [line for line in gaps if line.strip() and not line.startswith("  ...")]
    assert items
    for line in items:  # an item starts "  N. "; every other line hangs under its text
        assert re.match(r"  \d+\. \S", line) or re.match(r" {5,}\S", line), line
    assert [line for line in run.out.splitlines() if line != line.rstrip()] == []
    assert max(len(line) for line in run.out.splitlines()) <= 60


def test_portfolio_heat_map_fits_sixty_columns(cli: Cli) -> None:
    run = cli("portfolio", DATA / "portfolio" / "org", "--questionnaire", DATA / "questionnaires" / "org")
    assert max(len(line) for line in run.out.splitlines()) <= 60
