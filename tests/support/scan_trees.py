"""Small repositories written for a test, scanned with the shipped probes."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.scan.io.probes_file import load_probes
from mlops_maturity.scan.io.run import scan_folder
from mlops_maturity.scan.verdicts.findings import ScanResult


def scan_tree(tmp_path: Path, files: dict[str, str], q: Questionnaire) -> ScanResult:
    """Write ``{path: text}`` under ``tmp_path`` and scan it with the probes of ``q``."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return scan_folder(tmp_path, load_probes(None, q))


def found_in(scan: ScanResult) -> dict[tuple[str, str], str]:
    """``{(probe, path): strength}`` of every finding."""
    return {(f.probe, f.path): f.strength for f in scan.findings}
