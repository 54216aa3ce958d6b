"""``docs/scan.md`` lists the shipped probes as generated from their data; ``--update-goldens`` regenerates it."""

from __future__ import annotations

import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.render.docs.probe_table import probe_table
from mlops_maturity.scan.io.probes_file import load_probes

from support import ROOT

DOC = ROOT / "docs" / "scan.md"
START, END = "<!-- probes:start -->\n", "<!-- probes:end -->\n"


def test_the_probe_table_in_the_docs_is_generated_from_the_probes(
    shipped: Questionnaire, request: pytest.FixtureRequest
) -> None:
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(START)
    _, after = rest.split(END)
    expected = before + START + probe_table(shipped, load_probes(None, shipped)) + END + after
    if request.config.getoption("--update-goldens"):
        DOC.write_text(expected, encoding="utf-8", newline="\n")
        return
    assert text == expected, "docs/scan.md's probe table is stale; run `pytest --update-goldens`"


def test_readme_lists_the_scan_command() -> None:
    assert "`mlops-maturity scan [DIR]" in (ROOT / "README.md").read_text(encoding="utf-8")
