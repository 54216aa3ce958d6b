"""What a scan found, as plain frozen models: the same data for every output format and for a result's JSON."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from mlops_maturity.cut import clip
from mlops_maturity.engine.model.frozen import Frozen
from mlops_maturity.scan.probes.model import Probe, Strength

SCAN_SCHEMA_VERSION = 1
MAX_SHOWN_CHARS = 200  # of a matched line, once trimmed


class ProbeInfo(Frozen):
    """What a reader of the findings needs to know about the probe behind them."""

    id: str
    title: str
    question: str
    supports: str
    contradicts: tuple[str, ...] = ()
    practice: str | None = None
    remediation: str
    docs: str

    @classmethod
    def of(cls, probe: Probe) -> ProbeInfo:
        return cls(
            id=probe.id,
            title=probe.title,
            question=probe.question,
            supports=probe.supports,
            contradicts=probe.contradicts,
            practice=probe.practice,
            remediation=probe.remediation,
            docs=probe.docs,
        )


class Finding(Frozen):
    """One piece of evidence: a probe's hit at ``path:line``, supporting at least ``supports`` for ``question``."""

    probe: str
    question: str
    supports: str
    path: str  # relative to the scanned folder, with / between folders
    line: int = Field(ge=1)
    text: str  # the matched line, trimmed; escape it wherever it is shown
    strength: Strength
    note: str | None = None  # why it counts less (a context's or an annotation's reason)
    via: tuple[str, ...] = ()  # where the line's command led, path:line each, when the probe follows commands

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


class Dismissal(Frozen):
    """A finding an annotation in the scanned repository set aside, and why."""

    finding: Finding
    reason: str
    annotation: str  # file:line of the annotation


class ScanResult(Frozen):
    """A whole scan. Deterministic: the same tree and probes give the same result."""

    schema_version: int = SCAN_SCHEMA_VERSION
    root: str
    listing: Literal["git", "walk"]
    files_listed: int
    files_read: int
    skipped: dict[str, int] = Field(default_factory=dict)  # reason -> how many files
    probes: tuple[ProbeInfo, ...]
    findings: tuple[Finding, ...]
    dismissed: tuple[Dismissal, ...] = ()
    notes: tuple[str, ...] = ()

    def probe(self, probe_id: str) -> ProbeInfo:
        return next(p for p in self.probes if p.id == probe_id)


def trim(line: str) -> str:
    """A matched line as shown: surrounding space removed, cut to a readable length."""
    return clip(line.strip(), MAX_SHOWN_CHARS)
