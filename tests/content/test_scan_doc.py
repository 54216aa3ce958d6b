"""``docs/scan.md`` and the README say what ``scan`` does; the probe table itself is generated (tests/support)."""

from __future__ import annotations

from support import ROOT

DOC = ROOT / "docs" / "scan.md"
START, END = "<!-- probes:start -->\n", "<!-- probes:end -->\n"


def test_readme_lists_the_scan_command() -> None:
    assert "`mlops-maturity scan [DIR]" in (ROOT / "README.md").read_text(encoding="utf-8")
