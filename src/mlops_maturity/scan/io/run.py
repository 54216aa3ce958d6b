"""Scan a folder: list its files, probe those some probe looks at, and gather the findings.

``scan_repository`` is what ``scan``, ``score --scan``, ``report --scan`` and
``survey --scan`` share: the questionnaire's probes and the repository's own
annotations applied to ``scan_folder``; ``with_repository`` sets the result's
answers against it.

Only files whose path a probe's globs match are read at all (``scan_files``).
A large checkout is shared out among worker processes, one per core (up to
``MAX_WORKERS``), where ``fork`` makes that cheap; the result is the same as
from one process, in the same order.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import Counter
from pathlib import Path

from mlops_maturity.engine.model.answers import Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.errors import UsageError
from mlops_maturity.scan.io.annotations_file import read_annotations
from mlops_maturity.scan.io.probes_file import load_probes
from mlops_maturity.scan.io.reading import Partial, scan_paths
from mlops_maturity.scan.io.walk import decode, list_files, read_file
from mlops_maturity.scan.matching.matcher import Matcher
from mlops_maturity.scan.probes.model import ProbeSet
from mlops_maturity.scan.verdicts.annotations import Annotations, apply
from mlops_maturity.scan.verdicts.findings import Finding, ProbeInfo, ScanResult
from mlops_maturity.scan.verdicts.verdicts import repository_evidence, verdicts
from mlops_maturity.scan.verdicts.weighing import METADATA_FILES, own_packages, weigh

MAX_FINDINGS_PER_PROBE = 50
PARALLEL_FROM = 2000  # files listed: below this, starting workers costs more than it saves
MAX_WORKERS = 4


def scan_repository(directory: Path, q: Questionnaire, questionnaire_dir: Path | None) -> ScanResult:
    """Every finding of the questionnaire's probes in ``directory``, after its annotations."""
    _require_folder(directory)
    probes = load_probes(questionnaire_dir, q)
    return _scan(directory, probes, read_annotations(directory), str(directory))


def with_repository(
    result: Result, directory: Path, q: Questionnaire, questionnaire_dir: Path | None, answers: Answers
) -> Result:
    """``result`` carrying the team's answers set against what the repository's files show (``--scan DIR``)."""
    scan = scan_repository(directory, q, questionnaire_dir)
    return result.model_copy(update={"repository": repository_evidence(q, scan, verdicts(q, answers, scan))})


def scan_folder(root: Path, probes: ProbeSet, annotations: Annotations | None = None, shown: str = "") -> ScanResult:
    """Scan ``root`` with these probes; ``shown`` is how the folder is named in the result (as the user gave it)."""
    _require_folder(root)
    return _scan(root, probes, annotations, shown)


def _require_folder(root: Path) -> None:
    if not root.is_dir():
        raise UsageError(f"{root}: not a folder; give the folder to scan (default: the current one)")


def _scan(root: Path, probes: ProbeSet, annotations: Annotations | None, shown: str) -> ScanResult:
    listing = list_files(root)
    matcher = Matcher(probes, listing.paths)
    # Each worker asks which probes look at its share of the paths: asking for all of them first would be
    # work done on one core while the others wait.
    part = _probe_all(root, matcher, listing.paths)
    skipped = Counter(listing.skipped) + part.skipped
    weighed = weigh(part.findings, probes.probes, part.met, own_packages(_metadata(root, listing.paths)))
    applied = apply(weighed, annotations, {p.id for p in probes.probes})
    notes = part.summary()
    kept = _capped(sorted(applied.kept, key=_order), notes)
    return ScanResult(
        root=shown or str(root),
        listing="git" if listing.method == "git" else "walk",
        files_listed=len(listing.paths),
        files_read=part.read,
        skipped=dict(sorted(skipped.items())),
        probes=tuple(ProbeInfo.of(p) for p in probes.probes),
        findings=kept,
        dismissed=tuple(sorted(applied.dismissed, key=lambda d: _order(d.finding))),
        notes=(*listing.notes, *notes, *applied.notes),
    )


def _metadata(root: Path, paths: list[str]) -> dict[str, str]:
    """The repository's package metadata files at its top, as text (those it lists and can read)."""
    listed = set(paths)
    out = {}
    for name in METADATA_FILES:
        content = read_file(root, name) if name in listed else None
        if content is not None and content.skipped is None:
            out[name] = decode(content.data)
    return out


def _probe_all(root: Path, matcher: Matcher, paths: list[str]) -> Partial:
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(paths) < PARALLEL_FROM or workers < 2 or sys.platform != "linux":
        return scan_paths(root, matcher, paths)
    global _SHARED
    _SHARED = (root, matcher, paths, workers)  # inherited by the forked workers, never pickled
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_probe_share, range(workers))
    finally:
        _SHARED = None
    merged = Partial()
    for part in parts:
        merged.findings += part.findings
        merged.skipped += part.skipped
        merged.read += part.read
        merged.notes += [note for note in part.notes if note not in merged.notes]
        merged.unreadable += part.unreadable
        merged.met |= part.met
    return merged


_SHARED: tuple[Path, Matcher, list[str], int] | None = None


def _probe_share(index: int) -> Partial:
    assert _SHARED is not None
    root, matcher, paths, workers = _SHARED
    return scan_paths(root, matcher, paths[index::workers], paths)


def _order(finding: Finding) -> tuple[str, int, str]:
    return finding.path, finding.line, finding.probe


def _capped(findings: list[Finding], notes: list[str]) -> tuple[Finding, ...]:
    count: Counter[str] = Counter()
    kept = []
    for finding in findings:
        count[finding.probe] += 1
        if count[finding.probe] <= MAX_FINDINGS_PER_PROBE:
            kept.append(finding)
    for probe, n in sorted(count.items()):
        if n > MAX_FINDINGS_PER_PROBE:
            notes.append(f"probe {probe}: {n - MAX_FINDINGS_PER_PROBE} more findings not listed")
    return tuple(kept)
