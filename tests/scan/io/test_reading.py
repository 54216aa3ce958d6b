"""Reading files against the probes: the time limit on a pattern, notes made once, needs recorded, chains kept."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from typing import Any

import pytest

from mlops_maturity.scan.io.reading import FILE_SECONDS, scan_paths
from mlops_maturity.scan.io.timer import Timer, TooSlow
from mlops_maturity.scan.matching.matcher import Matcher
from mlops_maturity.scan.probes.model import ProbeSet

POSIX = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the timer needs POSIX signals")
PROBE: dict[str, Any] = {
    "title": "T",
    "question": "q.x",
    "supports": "some",
    "remediation": "R.",
    "docs": "https://x.org",
}


@POSIX
def test_the_timer_stops_a_long_run_and_disarms_after() -> None:
    with Timer() as timer:
        start = time.perf_counter()
        with pytest.raises(TooSlow), timer.limit(0.05):
            while time.perf_counter() - start < 5:
                pass
        assert time.perf_counter() - start < 1
        with timer.limit(0.05):  # a quick run is not stopped, and no alarm is left behind
            pass
        time.sleep(0.1)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@POSIX
def test_a_slow_pattern_switches_its_probe_off_with_a_note(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"m{i}.py").write_text(("a" * 1900 + "\n") * 4)
    probes = ProbeSet.model_validate(
        {"probes": [{**PROBE, "id": "slow", "files": ["*.py"], "patterns": [".*.*.*.*x"]}]}
    )
    part = scan_paths(tmp_path, Matcher(probes), ["m0.py", "m1.py", "m2.py"])
    assert part.notes == [
        f"probe slow was switched off: its patterns took over {FILE_SECONDS:g} s on m0.py; simplify them"
    ]
    assert part.findings == []


def test_an_unreadable_file_is_noted_once_whatever_the_number_of_probes(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text("on: [push\n")
    probes = [{**PROBE, "id": f"k{i}", "files": ["*.yml"], "yaml": {"key": "on"}} for i in range(3)]
    part = scan_paths(tmp_path, Matcher(ProbeSet.model_validate({"probes": probes})), ["ci.yml"])
    assert part.unreadable == ["ci.yml: not valid YAML (line 2)"]
    assert part.summary() == ["key probes skipped 1 file(s): ci.yml: not valid YAML (line 2)"]


def test_needs_are_recorded_and_chains_kept(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text("steps:\n  - run: make test\n")
    (tmp_path / "Makefile").write_text("test:\n\tpytest -q\n")
    (tmp_path / "test_x.py").write_text("def test_x():\n    assert 1 + 1 == 2\n")
    need = {"files": ["test_*.py"], "patterns": [r"^\s*assert\s"], "reason": "no test asserts"}
    probe = {**PROBE, "id": "ci", "files": ["ci.yml"], "patterns": [r"\bpytest\b"], "follow": True, "needs": [need]}
    runner = {
        "id": "make",
        "calls": r"\bmake\s+(?P<target>\w+)",
        "files": ["Makefile"],
        "defines": r"^{target}\s*:",
        "body": "indented",
    }
    matcher = Matcher(ProbeSet.model_validate({"probes": [probe], "runners": [runner]}))
    part = scan_paths(tmp_path, matcher, ["Makefile", "ci.yml", "test_x.py"])
    assert part.met == {"ci#0"}
    (finding,) = part.findings
    assert (finding.where, finding.via, finding.text) == ("ci.yml:2", ("Makefile:2",), "- run: make test → pytest -q")


def test_a_test_files_requires_may_be_met_in_its_conftest_but_its_patterns_only_in_itself(tmp_path: Path) -> None:
    (tmp_path / "tests" / "data").mkdir(parents=True)
    (tmp_path / "tests" / "conftest.py").write_text("import great_expectations as ge\n")
    (tmp_path / "tests" / "data" / "test_rows.py").write_text("def test_rows(df):\n    df.expect_column_x()\n")
    (tmp_path / "src.py").write_text("df.expect_column_x()\n")  # not a test: nothing to borrow
    (tmp_path / "tests" / "test_other.py").write_text("def test_x():\n    pass\n")  # the import, no check
    probe = {
        **PROBE,
        "id": "ge",
        "files": ["*.py"],
        "patterns": [r"\bexpect_\w+\("],
        "requires": [r"^\s*import\s+great_expectations\b"],
    }
    matcher = Matcher(ProbeSet.model_validate({"probes": [probe]}))
    listed = ["src.py", "tests/conftest.py", "tests/data/test_rows.py", "tests/test_other.py"]
    part = scan_paths(tmp_path, matcher, listed)
    assert [f.where for f in part.findings] == ["tests/data/test_rows.py:2"]


def test_a_line_unless_names_is_no_finding_here_or_where_commands_lead(tmp_path: Path) -> None:
    """A table of models the client offers is not the model it calls: ``unless`` names such lines."""
    (tmp_path / "models.py").write_text('MODELS = [\n    "gpt-4o-2024-08-06",\n]\nMODEL = "gpt-4o-2024-05-13"\n')
    (tmp_path / "only_table.py").write_text('MODELS = [\n    "gpt-4o-2024-08-06",\n]\n')
    (tmp_path / "ci.yml").write_text("steps:\n  - run: echo pytest\n  - run: make test\n")
    (tmp_path / "Makefile").write_text("test:\n\techo pytest\n\tpytest -q\n")
    pin = {**PROBE, "id": "pin", "files": ["*.py"], "patterns": [r"gpt-4o-20\d\d"], "unless": [r'^\s*"[^"]*",?\s*$']}
    ci = {**PROBE, "id": "ci", "files": ["ci.yml"], "patterns": [r"\bpytest\b"], "unless": [r"\becho\b"]}
    runner = {"id": "make", "calls": r"\bmake\s+(?P<target>\w+)", "files": ["Makefile"], "defines": r"^{target}:"}
    matcher = Matcher(
        ProbeSet.model_validate({"probes": [pin, {**ci, "follow": True}], "runners": [{**runner, "body": "indented"}]})
    )
    part = scan_paths(tmp_path, matcher, ["Makefile", "ci.yml", "models.py", "only_table.py"])
    assert sorted((f.where, f.via) for f in part.findings) == [("ci.yml:3", ("Makefile:3",)), ("models.py:4", ())]
