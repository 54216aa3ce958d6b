"""Which probes could hit a file at all, found with a few fast searches over its bytes.

Each probe has a gate: literal text that any hit must come with (the literals
of its most selective ``requires`` pattern, or of its patterns, or the key a
key probe looks for). The gates of the probes that look at a file are joined
into a few regular expressions (one per first byte, each a trie) that the
engine scans fast. A file where they find nothing, which is most files,
costs those searches; where they find something, only the probes owning what
was found are tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mlops_maturity.scan.probes.literals import selectivity

Gate = tuple[tuple[bytes, ...], bool]  # (literals, ignore case: literals lower-cased)


def choose_gate(
    requires: Iterable[tuple[tuple[bytes, ...] | None, bool]],
    patterns: Iterable[tuple[tuple[bytes, ...] | None, bool]],
    key: str | None,
) -> Gate | None:
    """The gate of one probe from its rules' ``(literals, ignore_case)``; None when no literal is certain.

    Every ``requires`` pattern must match, and so must one of the patterns, so
    each of them is a candidate; the likeliest to be rare is taken.
    """
    candidates: list[Gate] = [(lits, icase) for lits, icase in requires if lits]
    rules = list(patterns)
    if rules and all(lits for lits, _ in rules):
        icase = any(i for _, i in rules)
        union = {s.lower() if icase else s for lits, _ in rules for s in lits or ()}
        candidates.append((tuple(sorted(union)), icase))
    if key:
        candidates.append(((key.encode(),), False))
    if not candidates:
        return None
    return max(candidates, key=lambda gate: (*selectivity(tuple(s.decode() for s in gate[0])), not gate[1]))


@dataclass(frozen=True)
class GateSet:
    """The gates of the probes that look at one kind of path."""

    searches: tuple[tuple[re.Pattern[bytes], bool], ...]  # (search, case-blind)
    owners: dict[tuple[bool, bytes], frozenset[int]]  # (case-blind, a literal found) -> the probes it may let through
    always: frozenset[int]  # probes without a gate: tried on every file
    escapable: frozenset[int] = frozenset()  # probes with a literal that JSON would write escaped

    def candidates(self, data: bytes, json_strings: bool = False) -> frozenset[int]:
        """The probes that may hit ``data``: those whose gate literal occurs, and those without a gate.

        With ``json_strings`` (a notebook: code inside JSON strings), a literal JSON
        would escape (a quote, a backslash, a control or non-ASCII character) may
        not appear as it is, so its probes are tried whatever the search finds.
        """
        found: set[int] = set(self.always) | (self.escapable if json_strings else set())
        for search, blind in self.searches:
            match = search.search(data)
            while match is not None:  # every start, not just non-overlapping matches: literals may overlap
                found |= self.owners[blind, match.group().lower() if blind else match.group()]
                match = search.search(data, match.start() + 1)
        return frozenset(found)


def gate_set(gates: Sequence[tuple[int, Gate | None]]) -> GateSet:
    """The searches for ``(probe index, gate)`` pairs."""
    always = frozenset(i for i, gate in gates if gate is None)
    escapable = frozenset(i for i, gate in gates if gate is not None and any(map(_json_escapes, gate[0])))
    wanted: dict[bool, dict[bytes, set[int]]] = {False: {}, True: {}}
    for i, gate in gates:
        if gate is not None:
            literals, blind = gate
            for literal in literals:
                wanted[blind].setdefault(literal.lower() if blind else literal, set()).add(i)
    searches = []
    owners: dict[tuple[bool, bytes], frozenset[int]] = {}
    for blind, found in wanted.items():
        if not found:
            continue
        # A literal that holds another is present whenever the other is: search for the shorter only, and let
        # it through the probes of both.
        kept = sorted(a for a in found if not any(b != a and b in a for b in found))
        for short in kept:
            # Keyed by case-blindness too: the same word may be a case-sensitive literal of one probe and a
            # case-blind one of another, and each search lets through only its own probes.
            owners[blind, short] = frozenset(i for long, probes in found.items() if short in long for i in probes)
        # One search per first byte: each then starts with a literal, which the engine finds with a fast scan
        # (measured: about half the time of one search for everything).
        by_first: dict[bytes, list[bytes]] = {}
        for literal in kept:
            by_first.setdefault(literal[:1], []).append(literal)
        flags = re.IGNORECASE if blind else 0
        searches += [(re.compile(_trie(group), flags), blind) for group in by_first.values()]
    return GateSet(tuple(searches), owners, always, escapable)


def _json_escapes(literal: bytes) -> bool:
    return any(byte in b'"\\' or byte < 0x20 or byte >= 0x80 for byte in literal)


def _trie(literals: list[bytes]) -> bytes:
    """``mlflow|mlrun|wandb`` -> ``ml(?:flow|run)|wandb``: one branch per first byte, recursively."""
    if any(not s for s in literals):
        return b""  # one literal is a prefix of the others: it alone is enough
    groups: dict[int, list[bytes]] = {}
    for literal in literals:
        groups.setdefault(literal[0], []).append(literal[1:])
    branches = []
    for first, rests in sorted(groups.items()):
        head = re.escape(bytes((first,)))
        tail = _trie(rests)
        branches.append(head + (b"(?:" + tail + b")" if b"|" in tail else tail))
    return b"|".join(branches)
