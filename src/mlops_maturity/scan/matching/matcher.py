"""Probes made ready to run: which probes look at a path, how much a hit there counts, and the line a pattern hits.

Speed comes from doing little per file. A path is matched against every glob
at once (:class:`GlobIndex`), and a file's bytes are searched for the literal
text each pattern needs before any regular expression runs, so most files
cost a few substring searches. Patterns are matched one line at a time, on at
most ``MAX_LINE_CHARS`` characters of it, and never on a commented-out line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mlops_maturity.scan.matching.lines import Rule
from mlops_maturity.scan.probes.globs import GlobIndex, rendered
from mlops_maturity.scan.probes.model import Need, Probe, ProbeSet, Strength, need_key
from mlops_maturity.scan.probes.prefilter import Gate, GateSet, choose_gate, gate_set


@dataclass(frozen=True)
class Compiled:
    probe: Probe
    patterns: tuple[Rule, ...]
    requires: tuple[Rule, ...]
    forbids: tuple[Rule, ...]
    unless: tuple[Rule, ...] = ()

    @property
    def gate(self) -> Gate | None:
        keys = self.probe.yaml or self.probe.toml
        named = [part for part in keys.key.split(".") if part != "*"] if keys is not None else []
        return choose_gate(
            ((r.literals, r.ignore_case) for r in self.requires),
            () if self.probe.follow else ((r.literals, r.ignore_case) for r in self.patterns),
            named[-1] if named else None,
        )

    def may_match(self, raw: bytes, lowered: bytes) -> bool:
        """False when the bytes cannot hold a hit (a cheap test before any line is read)."""
        if not all(rule.may_match(raw, lowered) for rule in self.requires):
            return False
        if self.probe.follow:  # the patterns may match where the file's commands lead, not in it
            return True
        return not self.patterns or any(rule.may_match(raw, lowered) for rule in self.patterns)


def _need_probe(probe: Probe, need: Need) -> Probe:
    """A need as a probe of its own: its files and patterns (already checked when the probe was loaded)."""
    fields = {"files": need.files, "patterns": need.patterns, "requires": (), "forbids": (), "unless": (), "needs": ()}
    return probe.model_copy(update={**fields, "follow": False, "yaml": None, "toml": None, "strength": "strong"})


def _rules(patterns: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(Rule.of(pattern) for pattern in patterns)


class Matcher:
    """A probe set compiled once per scan; ``listed``, the scan's files, turns off contexts with ``unless_listed``."""

    def __init__(self, probes: ProbeSet, listed: Sequence[str] = ()) -> None:
        self.probes = probes.probes
        self._suffixes = probes.template_suffixes
        # A probe's needs are looked for like probes of their own, after the probes; a hit is recorded, not shown.
        needs = [(need_key(p.id, j), _need_probe(p, need)) for p in probes.probes for j, need in enumerate(p.needs)]
        every = (*probes.probes, *(probe for _, probe in needs))
        self.compiled = tuple(
            Compiled(p, _rules(p.patterns), _rules(p.requires), _rules(p.forbids), _rules(p.unless)) for p in every
        )
        self.needs = {len(probes.probes) + i: key for i, (key, _) in enumerate(needs)}  # compiled index -> need
        self._contexts = probes.contexts
        self._comments = probes.comments
        # One index for the globs of probes, contexts and comment styles: a path is matched once, not three times.
        self._split = (len(every), len(every) + len(probes.contexts))
        self._index = GlobIndex.build(
            [*(p.files for p in every), *(c.files for c in probes.contexts), *(c.files for c in probes.comments)]
        )
        self._last: tuple[str, frozenset[int]] | None = None
        self._split_owners: dict[frozenset[int], tuple[tuple[int, ...], list[int], tuple[str, ...]]] = {}
        self.runners = probes.runners
        self._gates = [c.gate for c in self.compiled]
        self._gate_sets: dict[tuple[int, ...], GateSet] = {}
        self._off = _contexts_off(probes, listed)

    def rendered(self, path: str) -> str:
        """The path whose kind of file ``path`` is: a template's (``Train.py.tmpl``) is the file it becomes."""
        return rendered(path, self._suffixes)

    def gates(self, wanted: tuple[int, ...]) -> GateSet:
        """The one search that tells which of these probes could hit a file (built once per set of probes)."""
        found = self._gate_sets.get(wanted)
        if found is None:
            found = self._gate_sets[wanted] = gate_set([(i, self._gates[i]) for i in wanted])
        return found

    def _owners(self, path: str) -> tuple[tuple[int, ...], list[int], tuple[str, ...]]:
        """The probes, contexts and comment prefixes of ``path`` (the last path is kept; most paths share theirs)."""
        if self._last is None or self._last[0] != path:
            matched = self._index.owners_of(path)
            as_rendered = self.rendered(path)
            if as_rendered != path:
                matched |= self._index.owners_of(as_rendered)
            self._last = (path, frozenset(matched))
        owners = self._last[1]
        found = self._split_owners.get(owners)
        if found is None:
            start, end = self._split
            comments = sorted(i - end for i in owners if i >= end)
            found = self._split_owners[owners] = (
                tuple(sorted(i for i in owners if i < start)),
                sorted(i - start for i in owners if start <= i < end and i - start not in self._off),
                tuple(dict.fromkeys(p for i in comments for p in self._comments[i].prefixes)),
            )
        return found

    def contexts_of(self, path: str) -> list[int]:
        return self._owners(path)[1]

    def probes_for(self, path: str) -> tuple[int, ...]:
        """Indices of the probes that look at ``path``, in probe order."""
        return self._owners(path)[0]

    def comment_prefixes(self, path: str) -> tuple[str, ...]:
        return self._owners(path)[2]

    def strength(self, probe: Probe, contexts: list[int]) -> tuple[Strength | None, str | None]:
        """How much a hit of ``probe`` counts in a file of these contexts (None: not at all), and why it counts less."""
        strength: Strength = probe.strength
        note = None if strength == "strong" else "a weak sign by itself"
        for i in contexts:
            context = self._contexts[i]
            wanted = probe.contexts.get(context.id, context.strength)
            if wanted == "ignore":
                return None, context.reason
            if wanted == "weak":
                return "weak", context.reason
            if context.strength == "strong":  # this context decides: no later one weakens the hit
                break
        return strength, note


def _contexts_off(probes: ProbeSet, listed: Sequence[str]) -> frozenset[int]:
    """The contexts that do not apply to this scan: some listed file matches their ``unless_listed``."""
    off = set()
    for i, context in enumerate(probes.contexts):
        if context.unless_listed:
            index = GlobIndex.build([context.unless_listed])
            names = {glob.rpartition("/")[2] for glob in context.unless_listed}
            if any(set("*?[!") & set(name) for name in names):  # no file name to look for first
                names = set()
            if any(index.owners_of(p) for p in listed if not names or p.rpartition("/")[2] in names):
                off.add(i)
    return frozenset(off)
