"""Run the probes over files: read each, keep the probes its bytes could satisfy, find their first hit.

A probe's pattern is bounded in time as well as by its load-time checks:
``re`` checks for signals while it backtracks, so on POSIX a timer stops a
pattern that runs longer than ``FILE_SECONDS`` on one file, and the probe is
switched off for the rest of the scan with a note.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from mlops_maturity.scan.io.walk import decode, read_file
from mlops_maturity.scan.matching.keys import KeysUnreadable, toml_hit, yaml_hit
from mlops_maturity.scan.matching.matcher import NOTEBOOK_SUFFIX, Compiled, Lines, Matcher
from mlops_maturity.scan.verdicts.findings import Finding, trim

FILE_SECONDS = 1.0  # one probe on one file
PROBE_SECONDS = 5.0  # one probe over the whole scan
MAX_NOTES_PER_KIND = 5


@dataclass
class Partial:
    """What scanning some of the files found."""

    findings: list[Finding] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    read: int = 0
    notes: list[str] = field(default_factory=list)  # probes switched off
    unreadable: list[str] = field(default_factory=list)  # files whose keys could not be read

    def summary(self) -> list[str]:
        notes = list(self.notes)
        if self.unreadable:
            shown = "; ".join(sorted(self.unreadable)[:MAX_NOTES_PER_KIND])
            more = len(self.unreadable) - MAX_NOTES_PER_KIND
            notes.append(
                f"key probes skipped {len(self.unreadable)} file(s): {shown}" + (f"; {more} more" if more > 0 else "")
            )
        return notes


def scan_paths(root: Path, matcher: Matcher, paths: Sequence[str]) -> Partial:
    """Read and probe each of ``paths`` (relative to ``root``) that some probe looks at."""
    run = _Run(matcher)
    part = Partial()
    with _Timer() as timer:
        for path in paths:
            wanted = matcher.probes_for(path)
            if run.off:
                wanted = tuple(i for i in wanted if i not in run.off)
            if not wanted:
                continue
            content = read_file(root, path)
            if content.skipped is not None:
                part.skipped[content.skipped] += 1
                continue
            part.read += 1
            candidates = matcher.gates(wanted).candidates(content.data, json_strings=path.endswith(NOTEBOOK_SUFFIX))
            wanted = tuple(i for i in wanted if i in candidates)
            if wanted:
                run.file(path, content.data, wanted, timer)
    part.findings, part.notes, part.unreadable = run.findings, run.notes, run.unreadable
    return part


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
        self._noted: set[str] = set()

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
                    self._unreadable(path, f"reading its keys took over {FILE_SECONDS:g} s")
                else:
                    self._switch_off(i, f"took over {FILE_SECONDS:g} s on {path}")
                continue
            except KeysUnreadable as exc:
                self._unreadable(path, str(exc))
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

    def _unreadable(self, path: str, why: str) -> None:
        """Note a file whose keys could not be read, once however many probes tried."""
        if path not in self._noted:
            self._noted.add(path)
            self.unreadable.append(f"{path}: {why}")

    def _switch_off(self, index: int, why: str) -> None:
        self.off.add(index)
        probe = self.matcher.compiled[index].probe.id
        self.notes.append(f"probe {probe} was switched off: its patterns {why}; simplify them")


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
