"""The HTML report and portfolio in headless Chromium: they render, fetch nothing, print, and lead with the chart.

Skipped when no Chromium is installed; `.ci/run` installs Debian's `chromium`, so CI always runs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.engine.model.questionnaire import DEFAULT_BANDS

from support import DATA, EXAMPLES, Run, pdf_outline
from support.pngpixels import has_colour, pixels

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (.ci/run installs Debian's chromium)"),
]
FIRST_SCREEN = (1280, 1024)
QUIET = [  # what the workplace's probe found necessary: no background traffic, no sandbox as root
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def _chromium(page: Path, tmp_path: Path, *args: str, dark: bool = False) -> None:
    scheme = ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"] if dark else []
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    command = [str(CHROMIUM), *QUIET, f"--user-data-dir={profile}", *scheme, *args, page.as_uri()]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def _page(cli: Callable[..., Run], tmp_path: Path, *args: str | Path) -> Path:
    out = tmp_path / "page.html"
    run = cli(*args, "-o", out)
    assert run.code == 0, run.err
    return out


def test_the_report_renders_and_leads_with_its_chart(cli: Callable[..., Run], tmp_path: Path) -> None:
    page = _page(cli, tmp_path, "report", EXAMPLES / "stage3-platform-serving.yaml")
    for dark in (False, True):
        shot = tmp_path / f"first-screen-{dark}.png"
        _chromium(
            page, tmp_path, f"--window-size={FIRST_SCREEN[0]},{FIRST_SCREEN[1]}", f"--screenshot={shot}", dark=dark
        )
        width, height, _ = pixels(shot)
        assert (width, height) == FIRST_SCREEN
        # every band colour the chart uses for this team is on the first screen: the chart is inside it
        for colour in ("#1a7f37", "#bf8700", "#e16f24", "#cf222e"):
            assert has_colour(shot, colour), (colour, dark)
        background = pixels(shot)[2][5][:3]
        assert (sum(background) < 100) is dark, background  # the page follows the reader's scheme


def _page_requests(log: Path) -> list[str]:
    """URLs the page asked for: Chromium's own background requests have no origin and are left out."""
    data = json.loads(log.read_text(encoding="utf-8"))
    start = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        e["params"].get("url", "")
        for e in data["events"]
        if e["type"] == start and e.get("params", {}).get("initiator", "not an origin") != "not an origin"
    ]


def test_no_request_leaves_the_page(cli: Callable[..., Run], tmp_path: Path) -> None:
    report_q = DATA / "questionnaires" / "report"
    page = _page(cli, tmp_path, "report", DATA / "report" / "platform.yaml", "--questionnaire", report_q)
    log = tmp_path / "net.json"
    _chromium(page, tmp_path, f"--log-net-log={log}", f"--screenshot={tmp_path / 's.png'}")
    assert _page_requests(log) == []
    # the check can fail: a page that asks for an image on this machine's loopback shows up
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/pixel.png">', encoding="utf-8")
    control_log = tmp_path / "control.json"
    _chromium(control, tmp_path, f"--log-net-log={control_log}", f"--screenshot={tmp_path / 'c.png'}")
    assert _page_requests(control_log) == ["http://127.0.0.1:9/pixel.png"]


@pytest.mark.parametrize(
    "args",
    [
        ("report", EXAMPLES / "stage3-platform-serving.yaml"),
        ("portfolio", DATA / "portfolio" / "org", "--questionnaire", DATA / "questionnaires" / "org"),
    ],
    ids=["report", "portfolio"],
)
def test_it_prints_to_pdf_with_a_page_per_section(
    cli: Callable[..., Run], tmp_path: Path, args: tuple[str | Path, ...]
) -> None:
    """What the page's print styles control, not what the browser's version or the fonts decide (the number of
    pages, 9 or 10): A4 pages, the one-minute summary alone on page 1, and each section starting a page."""
    page = _page(cli, tmp_path, *args)
    pdf = tmp_path / "page.pdf"
    _chromium(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", "--generate-pdf-document-outline")
    assert pdf.read_bytes().startswith(b"%PDF-")
    printed = pdf_outline.read(pdf)
    assert all(width <= pdf_outline.A4_WIDTH + 0.5 for width, _ in printed.pages), printed.pages
    if not printed.headings:
        pytest.skip("this Chromium writes no document outline (--generate-pdf-document-outline: Chromium 117 or later)")
    sections = [h for h in printed.headings if h.level == 2]
    title = printed.headings[0]
    assert (title.level, title.page) == (1, 1)
    assert sections[0].title == "In one minute" and sections[0].page == 1
    assert len(sections) >= 2 and sections[1].page == 2  # the summary alone on page 1: it does not spill over
    for section in sections[1:]:  # each section starts a page: nothing before it on its page
        before = printed.headings[: printed.headings.index(section)]
        assert all(h.page < section.page for h in before), (section, [h for h in before if h.page == section.page])


def test_the_same_score_has_the_same_colour_in_the_chart_and_the_heat_map(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    page = _page(
        cli, tmp_path, "portfolio", DATA / "portfolio" / "org", "--questionnaire", DATA / "questionnaires" / "org"
    )
    shot = tmp_path / "heat.png"
    _chromium(page, tmp_path, "--window-size=1280,2400", f"--screenshot={shot}")
    # org's teams score 0 to 100, so the heat map uses every band, each in its questionnaire colour
    for band in DEFAULT_BANDS:
        assert has_colour(shot, band.colour), band.id
