"""What a finding proves once the repository is read: a tool's own source is not its use; unmet needs say so."""

from __future__ import annotations

from typing import Any

from mlops_maturity.scan.probes.model import Probe
from mlops_maturity.scan.verdicts.findings import Finding
from mlops_maturity.scan.verdicts.weighing import normalised, own_packages, weigh

PROBE: dict[str, Any] = {
    "title": "T",
    "question": "q.x",
    "supports": "some",
    "files": ["*.py"],
    "patterns": ["x"],
    "remediation": "R.",
    "docs": "https://x.org",
}


def _finding(probe: str) -> Finding:
    return Finding(probe=probe, question="q.x", supports="some", path="src/a.py", line=1, text="x", strength="strong")


def test_package_metadata_names_the_repository() -> None:
    metadata = {
        "pyproject.toml": '[project]\nname = "Nanny-ML"\nversion = "1"\n[tool.poetry.dependencies]\nevidently = "*"\n',
        "setup.py": "setup(\n    name='great_expectations',\n)\n",
        "setup.cfg": "[metadata]\nname = whylogs\n",
    }
    assert own_packages(metadata) == {"nanny_ml", "great_expectations", "whylogs"}
    assert normalised("Alibi.Detect") == normalised("alibi-detect") == "alibi_detect"


def test_a_tools_own_source_and_a_missing_need_count_as_weak_and_say_why() -> None:
    drift = Probe.model_validate({**PROBE, "id": "drift", "tools": ["nannyml", "whylogs"]})
    need = {"files": ["test_*.py"], "patterns": ["assert"], "reason": "no test asserts anything"}
    ci = Probe.model_validate({**PROBE, "id": "ci", "needs": [need]})
    other = Probe.model_validate({**PROBE, "id": "other"})
    found = [_finding("drift"), _finding("ci"), _finding("other")]
    weighed = weigh(found, [drift, ci, other], met=set(), own=frozenset({"nannyml"}))
    assert [(f.probe, f.strength) for f in weighed] == [("drift", "weak"), ("ci", "weak"), ("other", "strong")]
    assert weighed[0].note is not None and "this repository is nannyml itself" in weighed[0].note
    assert weighed[1].note == "no test asserts anything"
    kept = weigh(found, [drift, ci, other], met={"ci#0"}, own=frozenset({"evidently"}))
    assert [f.strength for f in kept] == ["strong", "strong", "strong"]


def test_in_a_tool_s_own_repository_its_package_code_and_tests_are_its_product() -> None:
    drift = Probe.model_validate({**PROBE, "id": "drift", "tools": ["nannyml"]})
    automl = Probe.model_validate({**PROBE, "id": "automl", "tools": ["flaml"]})

    def at(path: str) -> Finding:
        return _finding("automl").model_copy(update={"path": path})

    found = [at("nannyml/drift/calculator.py"), at("tests/test_drift.py"), at("deploy/train.py")]
    weighed = weigh(found, [drift, automl], met=set(), own=frozenset({"nannyml"}))
    assert [f.strength for f in weighed] == ["weak", "weak", "strong"]
    assert weighed[0].note is not None and "this repository is nannyml itself" in weighed[0].note
    # An application packaged under its own name is not a tool any probe knows: its code is its practice.
    app = weigh(found, [drift, automl], met=set(), own=frozenset({"bikes"}))
    assert [f.strength for f in app] == ["strong", "strong", "strong"]
