"""Run the probes over files: read each, keep the probes its bytes could satisfy, find their first hit.

A probe's pattern is bounded in time as well as by its load-time checks:
``re`` checks for signals while it backtracks, so on POSIX a timer stops a
pattern that runs longer than ``FILE_SECONDS`` on one file, and the probe is
switched off for the rest of the scan with a note.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mlops_maturity.scan.io.timer import Timer, TooSlow
from mlops_maturity.scan.io.walk import decode, read_file
from mlops_maturity.scan.matching.follow import Follower, Led, Text
from mlops_maturity.scan.matching.keys import KeysUnreadable, toml_hit, yaml_hit
from mlops_maturity.scan.matching.lines import NOTEBOOK_SUFFIX, Lines, conftests
from mlops_maturity.scan.matching.matcher import Compiled, Matcher
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
    met: set[str] = field(default_factory=set)  # the probes' needs some file holds (``need_key``)
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


def scan_paths(root: Path, matcher: Matcher, paths: Sequence[str], listed: Sequence[str] | None = None) -> Partial:
    """Read and probe each of ``paths`` (relative to ``root``) that some probe looks at.

    ``listed`` is every file of the scan (``paths`` when None): where a probe that follows commands may look,
    and where a test file's ``conftest.py`` files are looked for.
    """
    everything = paths if listed is None else listed
    run = _Run(matcher, _follower(root, matcher, everything))
    companions = _Companions(root, matcher, frozenset(everything))
    part = Partial()
    with Timer() as timer:
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
            extra = companions.of(path)
            data = b"\n".join((content.data, *(raw for raw, _ in extra))) if extra else content.data
            candidates = matcher.gates(wanted).candidates(
                data, json_strings=matcher.rendered(path).endswith(NOTEBOOK_SUFFIX)
            )
            wanted = tuple(i for i in wanted if i in candidates)
            if wanted:
                run.file(_File(path, content.data, matcher, extra), wanted, timer)
    part.findings, part.notes, part.unreadable, part.met = run.findings, run.notes, run.unreadable, run.met
    return part


def _follower(root: Path, matcher: Matcher, listed: Sequence[str]) -> Follower | None:
    """What the probes with ``follow`` use to read where a command leads (None when no probe follows)."""
    if not matcher.runners or not any(c.probe.follow for c in matcher.compiled):
        return None
    read: dict[str, Text | None] = {}

    def text(path: str) -> Text | None:
        if path not in read:
            content = read_file(root, path)
            if content.skipped is not None:
                read[path] = None
            else:
                lines = Lines.of(decode(content.data), matcher.rendered(path), matcher.comment_prefixes(path))
                read[path] = Text(path, lines.code, len(lines.lines))
        return read[path]

    return Follower(matcher.runners, listed, text)


class _Companions:
    """The ``conftest.py`` files of each test file (see ``conftests``), each read once per scan."""

    def __init__(self, root: Path, matcher: Matcher, listed: frozenset[str]) -> None:
        self.root, self.matcher, self.listed = root, matcher, listed
        self._read: dict[str, tuple[bytes, Lines] | None] = {}

    def of(self, path: str) -> tuple[tuple[bytes, Lines], ...]:
        found = (self._get(p) for p in conftests(path) if p in self.listed and p != path)
        return tuple(f for f in found if f is not None)

    def _get(self, path: str) -> tuple[bytes, Lines] | None:
        if path not in self._read:
            content = read_file(self.root, path)
            self._read[path] = None
            if content.skipped is None:
                lines = Lines.of(decode(content.data), self.matcher.rendered(path), self.matcher.comment_prefixes(path))
                self._read[path] = (content.data, lines)
        return self._read[path]


class _File:
    """One file's content, decoded and split only when a probe gets past the byte-level test.

    ``companions``: the bytes and lines of files its ``requires`` may be met in (a test's ``conftest.py``).
    """

    def __init__(
        self, path: str, data: bytes, matcher: Matcher, companions: tuple[tuple[bytes, Lines], ...] = ()
    ) -> None:
        self.path = path
        self.raw = data
        self.companions = tuple(lines for _, lines in companions)
        self.gate_raw = b"\n".join((data, *(raw for raw, _ in companions))) if companions else data
        self.notebook = matcher.rendered(path).endswith(NOTEBOOK_SUFFIX)
        self._matcher = matcher
        self._lowered: bytes | None = None
        self._text: str | None = None
        self._lines: Lines | None = None

    @property
    def lowered(self) -> bytes:
        if self._lowered is None:
            self._lowered = self.gate_raw.lower()
        return self._lowered

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = decode(self.raw)
        return self._text

    @property
    def lines(self) -> Lines:
        if self._lines is None:
            self._lines = Lines.of(
                self.text, self._matcher.rendered(self.path), self._matcher.comment_prefixes(self.path)
            )
        return self._lines

    def may_match(self, compiled: Compiled) -> bool:
        if self.notebook:  # JSON escapes would hide the literals; notebooks are few
            return True
        if any(rule.ignore_case for rule in (*compiled.patterns, *compiled.requires)):  # forbids need no test
            return compiled.may_match(self.gate_raw, self.lowered)
        return compiled.may_match(self.gate_raw, self.gate_raw)


class _Run:
    def __init__(self, matcher: Matcher, follower: Follower | None) -> None:
        self.matcher = matcher
        self.follower = follower
        self.findings: list[Finding] = []
        self.notes: list[str] = []
        self.off: set[int] = set()
        self.spent: dict[int, float] = {}
        self.unreadable: list[str] = []
        self._noted: set[str] = set()
        self.met: set[str] = set()

    def file(self, file: _File, wanted: tuple[int, ...], timer: Timer) -> None:
        path = file.path
        contexts = self.matcher.contexts_of(path)
        for i in wanted:
            compiled = self.matcher.compiled[i]
            need = self.matcher.needs.get(i)
            if need is not None and need in self.met:
                continue
            strength, note = self.matcher.strength(compiled.probe, contexts) if need is None else ("strong", None)
            if strength is None or not file.may_match(compiled) or not self._key_present(compiled, file):
                continue
            start = time.perf_counter()
            try:
                with timer.limit(FILE_SECONDS):
                    hit = _hit(compiled, file, self.follower)
            except TooSlow:
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
            if hit is None:
                continue
            if need is not None:
                self.met.add(need)
                continue
            line = hit.index + 1
            shown = file.lines.code(hit.index) if file.notebook else file.lines.lines[hit.index]
            if hit.via:
                shown = f"{shown.strip()} → {hit.text.strip()}"
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
                    via=hit.via,
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


def _hit(compiled: Compiled, file: _File, follower: Follower | None) -> Led | None:
    """The probe's first hit in the file (0-based line, and where a followed command led), or None."""
    probe = compiled.probe
    lines = file.lines
    for rule in compiled.requires:
        if lines.first((rule,)) is None and all(other.first((rule,)) is None for other in file.companions):
            return None
    if compiled.forbids and lines.first(compiled.forbids) is not None:
        return None
    if compiled.patterns:
        index = lines.first(compiled.patterns, compiled.unless)
        if index is None and probe.follow and follower is not None:
            patterns, unless = compiled.patterns, compiled.unless

            def hits(code: str) -> bool:
                return any(r.regex.search(code) for r in patterns) and not any(r.regex.search(code) for r in unless)

            return follower.find(Text(file.path, lines.code, len(lines.lines)), hits)
        return None if index is None else Led(index, (), "")
    if probe.yaml is not None:
        line = yaml_hit(file.text, probe.yaml)
    elif probe.toml is not None:
        line = toml_hit(file.text, probe.toml)
    elif compiled.requires:
        first = lines.first(compiled.requires[:1])
        line = None if first is None else first + 1
    else:
        line = 1
    return None if line is None else Led(line - 1, (), "")
