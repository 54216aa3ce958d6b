"""Scan a folder: list its files, read those some probe looks at, and turn hits into findings.

Only files whose path a probe's globs match are read at all, and a file's
bytes are searched for each pattern's literal text before any line is
matched. A probe's pattern is also bounded in time: ``re`` checks for signals
while it backtracks, so on POSIX a timer stops a pattern that runs longer than
``FILE_SECONDS`` on one file, and the probe is switched off for the rest of
the scan with a note (its load-time checks already refuse the worst shapes).
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from mlops_maturity.engine.annotations import Annotations, apply
from mlops_maturity.engine.findings import Finding, ProbeInfo, ScanResult, trim
from mlops_maturity.engine.matching import NOTEBOOK_SUFFIX, Compiled, Lines, Matcher
from mlops_maturity.engine.probes import ProbeSet
from mlops_maturity.errors import UsageError
from mlops_maturity.files.scan_keys import KeysUnreadable, toml_hit, yaml_hit
from mlops_maturity.files.scan_walk import decode, list_files, read_file

FILE_SECONDS = 1.0  # one probe on one file
PROBE_SECONDS = 5.0  # one probe over the whole scan
MAX_FINDINGS_PER_PROBE = 50
MAX_NOTES_PER_KIND = 5


def scan_folder(root: Path, probes: ProbeSet, annotations: Annotations | None = None, shown: str = "") -> ScanResult:
    """Scan ``root``; ``shown`` is how the folder is named in the result (as the user gave it)."""
    if not root.is_dir():
        raise UsageError(f"{root}: not a folder; give the folder to scan (default: the current one)")
    listing = list_files(root)
    matcher = Matcher(probes)
    run = _Run(matcher)
    skipped: Counter[str] = Counter(listing.skipped)
    read = 0
    with _Timer() as timer:
        for path in listing.paths:
            wanted = matcher.probes_for(path)
            if run.off:
                wanted = tuple(i for i in wanted if i not in run.off)
            if not wanted:
                continue
            content = read_file(root, path)
            if content.skipped is not None:
                skipped[content.skipped] += 1
                continue
            read += 1
            gates = None if path.endswith(NOTEBOOK_SUFFIX) else matcher.gate(wanted)
            if gates is None or any(gate.search(content.data) for gate in gates):
                run.file(path, content.data, wanted, timer)
    applied = apply(run.findings, annotations, {p.id for p in probes.probes})
    kept = _capped(sorted(applied.kept, key=_order), run.notes)
    return ScanResult(
        root=shown or str(root),
        listing="git" if listing.method == "git" else "walk",
        files_listed=len(listing.paths),
        files_read=read,
        skipped=dict(sorted(skipped.items())),
        probes=tuple(ProbeInfo.of(p) for p in probes.probes),
        findings=kept,
        dismissed=tuple(sorted(applied.dismissed, key=lambda d: _order(d.finding))),
        notes=(*listing.notes, *run.summary(), *applied.notes),
    )


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


class _TooSlow(Exception):
    pass


class _Timer:
    """A SIGALRM limit on the main thread of a POSIX process; elsewhere only the load-time checks bound a pattern."""

    def __enter__(self) -> _Timer:
        self.enabled = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self.armed = False
        if self.enabled:
            self.previous = signal.signal(signal.SIGALRM, self._fire)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)

    def _fire(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            self.armed = False
            raise _TooSlow

    @contextmanager
    def limit(self, seconds: float) -> Iterator[None]:
        if not self.enabled:
            yield
            return
        self.armed = True
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            self.armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)


class _File:
    """One file's content, decoded and split only when a probe gets past the byte-level test."""

    def __init__(self, path: str, data: bytes, matcher: Matcher) -> None:
        self.path = path
        self.raw = data
        self.notebook = path.endswith(NOTEBOOK_SUFFIX)
        self._matcher = matcher
        self._lowered: bytes | None = None
        self._text: str | None = None
        self._lines: Lines | None = None

    @property
    def lowered(self) -> bytes:
        if self._lowered is None:
            self._lowered = self.raw.lower()
        return self._lowered

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = decode(self.raw)
        return self._text

    @property
    def lines(self) -> Lines:
        if self._lines is None:
            self._lines = Lines.of(self.text, self.path, self._matcher.comment_prefixes(self.path))
        return self._lines

    def may_match(self, compiled: Compiled) -> bool:
        if self.notebook:  # JSON escapes would hide the literals; notebooks are few
            return True
        if any(rule.ignore_case for rule in (*compiled.patterns, *compiled.requires)):  # forbids need no test
            return compiled.may_match(self.raw, self.lowered)
        return compiled.may_match(self.raw, self.raw)


class _Run:
    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.findings: list[Finding] = []
        self.notes: list[str] = []
        self.off: set[int] = set()
        self.spent: dict[int, float] = {}
        self.unreadable: list[str] = []

    def file(self, path: str, data: bytes, wanted: tuple[int, ...], timer: _Timer) -> None:
        file = _File(path, data, self.matcher)
        contexts = self.matcher.contexts_of(path)
        for i in wanted:
            compiled = self.matcher.compiled[i]
            strength, note = self.matcher.strength(compiled.probe, contexts)
            if strength is None or not file.may_match(compiled) or not self._key_present(compiled, file):
                continue
            start = time.perf_counter()
            try:
                with timer.limit(FILE_SECONDS):
                    line = _hit(compiled, file)
            except _TooSlow:
                if compiled.probe.kind in ("yaml", "toml"):  # the file is to blame, not the probe's patterns
                    self.unreadable.append(f"{path}: reading its keys took over {FILE_SECONDS:g} s")
                else:
                    self._switch_off(i, f"took over {FILE_SECONDS:g} s on {path}")
                continue
            except KeysUnreadable as exc:
                self.unreadable.append(f"{path}: {exc}")
                continue
            finally:
                self.spent[i] = self.spent.get(i, 0.0) + time.perf_counter() - start
            if self.spent[i] > PROBE_SECONDS and i not in self.off:
                self._switch_off(i, f"spent over {PROBE_SECONDS:g} s in all")
            if line is None:
                continue
            shown = file.lines.code(line - 1) if file.notebook else file.lines.lines[line - 1]
            self.findings.append(
                Finding(
                    probe=compiled.probe.id,
                    question=compiled.probe.question,
                    supports=compiled.probe.supports,
                    path=path,
                    line=line,
                    text=trim(shown),
                    strength=strength,
                    note=note,
                )
            )

    def _key_present(self, compiled: Compiled, file: _File) -> bool:
        """For a key probe, the last named key must appear in the bytes before the file is parsed."""
        keys = compiled.probe.yaml or compiled.probe.toml
        if keys is None:
            return True
        named = [part for part in keys.key.split(".") if part != "*"]
        return not named or named[-1].encode() in file.raw

    def _switch_off(self, index: int, why: str) -> None:
        self.off.add(index)
        probe = self.matcher.compiled[index].probe.id
        self.notes.append(f"probe {probe} was switched off: its patterns {why}; simplify them")

    def summary(self) -> list[str]:
        notes = list(self.notes)
        if self.unreadable:
            shown = "; ".join(self.unreadable[:MAX_NOTES_PER_KIND])
            more = len(self.unreadable) - MAX_NOTES_PER_KIND
            notes.append(
                f"key probes skipped {len(self.unreadable)} file(s): {shown}" + (f"; {more} more" if more > 0 else "")
            )
        return notes


def _hit(compiled: Compiled, file: _File) -> int | None:
    """The 1-based line of the probe's first hit in the file, or None."""
    probe = compiled.probe
    lines = file.lines
    for rule in compiled.requires:
        if lines.first((rule,)) is None:
            return None
    if compiled.forbids and lines.first(compiled.forbids) is not None:
        return None
    if compiled.patterns:
        index = lines.first(compiled.patterns)
        return None if index is None else index + 1
    if probe.yaml is not None:
        return yaml_hit(file.text, probe.yaml)
    if probe.toml is not None:
        return toml_hit(file.text, probe.toml)
    if compiled.requires:
        index = lines.first(compiled.requires[:1])
        return None if index is None else index + 1
    return 1
