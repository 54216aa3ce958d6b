"""What a finding proves once the whole repository has been read: a tool's own source, or a check nothing backs.

Two things a single file cannot tell:

- **Implementation, not use.** A monitoring library's repository is full of drift calculators, and an
  experiment tracker's of ``log_metric``: its package metadata names it (``[project] name``,
  ``setup(name=...)``). A probe lists the packages whose use it recognises (``tools``); when the
  repository is one of them, its findings say so and count as weak.
- **A tool's product.** When the repository is a tool some probe knows (its metadata names a package in
  any probe's ``tools``), its package's code and its tests are the product it ships: a monitoring
  library that runs FLAML inside its calculators, or an evaluation library with a Langfuse
  integration, shows what it offers, not how a team works. Every finding there counts as weak.
- **Needs.** Some evidence counts only with other evidence beside it: CI running pytest shows tests
  only if some test asserts something. A probe's ``needs`` name it; when no file holds it, the
  findings say why and count as weak.

Weak findings are listed and decide nothing, so nothing is dropped without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from mlops_maturity.scan.probes.model import Probe, need_key
from mlops_maturity.scan.verdicts.findings import Finding

METADATA_FILES = ("pyproject.toml", "setup.cfg", "setup.py")  # at the top of the scanned folder
_NAMES = {
    "pyproject.toml": re.compile(r"""^name\s*=\s*["']([A-Za-z0-9][\w.-]*)["']\s*(?:#.*)?$""", re.MULTILINE),
    "setup.cfg": re.compile(r"^name\s*=\s*([A-Za-z0-9][\w.-]*)\s*$", re.MULTILINE),
    "setup.py": re.compile(r"""\bname\s*=\s*["']([A-Za-z0-9][\w.-]*)["']"""),
}


def normalised(name: str) -> str:
    """A package name as pip compares them: case and ``-``, ``_``, ``.`` do not matter."""
    return re.sub(r"[-_.]+", "_", name.lower())


def own_packages(metadata: Mapping[str, str]) -> frozenset[str]:
    """The package names the repository's metadata files declare (``{file name: text}``), normalised."""
    found = set()
    for name, text in metadata.items():
        pattern = _NAMES.get(name)
        if pattern is not None:
            found |= {normalised(m) for m in pattern.findall(text[:200_000])}
    return frozenset(found)


def weigh(findings: Iterable[Finding], probes: Sequence[Probe], met: set[str], own: frozenset[str]) -> list[Finding]:
    """The findings, strong ones made weak where the repository implements the tool or a need is not met."""
    by_id = {probe.id: probe for probe in probes}
    product = _product_folders(probes, own)
    out = []
    for finding in findings:
        probe = by_id.get(finding.probe)
        reason = _weaker(probe, met, own) if probe is not None and finding.strength == "strong" else None
        if reason is None and finding.strength == "strong":
            reason = next((why for folder, why in product if finding.path.startswith(folder)), None)
        out.append(finding if reason is None else finding.model_copy(update={"strength": "weak", "note": reason}))
    return out


def _product_folders(probes: Sequence[Probe], own: frozenset[str]) -> list[tuple[str, str]]:
    """``(folder/, why)`` for the package code and tests of a repository that is itself a tool some probe knows."""
    known = {normalised(tool) for probe in probes for tool in probe.tools}
    out = []
    for tool in sorted(own & known):
        why = f"this repository is {tool} itself: its package code and tests are the tool, not a team using it"
        out += [(folder, why) for folder in (f"{tool}/", f"src/{tool}/", "tests/", "test/")]
    return out


def _weaker(probe: Probe, met: set[str], own: frozenset[str]) -> str | None:
    implemented = sorted(tool for tool in probe.tools if normalised(tool) in own)
    if implemented:
        return f"this repository is {implemented[0]} itself: its own code implements what the probe looks for"
    for index, need in enumerate(probe.needs):
        if need_key(probe.id, index) not in met:
            return need.reason
    return None
