"""Which probes could hit a file at all, found with a few fast searches over its bytes.

Each probe has a gate: literal text that any hit must come with (the literals
of its most selective ``requires`` pattern, or of its patterns, or the key a
key probe looks for). The gates of the probes that look at a file are joined
into a few regular expressions over the file's lower-cased bytes, one per first
byte of the (lower-cased) literals, so that each starts with a fixed byte the
engine skips to fast; each is a trie that tries the longest literal first, and
``findall`` runs it in the engine, without a step back into Python at every
match.

What is found is exact, case aside: a literal found brings the probes of every
literal inside it (they occur too), and a literal that starts inside one found
and goes on past its end, which a search resuming after the match cannot see,
is looked for on its own. So the probes let through are those whose literal
occurs in the file in some case; each rule's own test (``Rule.may_match``, with
the literal's case) comes after. A file where nothing is found, which is most
files, costs those searches.

Measured on the generated 50,000-file checkout of ``benchmarks/scan_speed.py``
(160 probes, about 300 literals for a Python file), CPU time of deciding which
probes to try: 7.5 s before this design (one search per first byte, a step back
into Python at every match, and the owners of a short literal such as "ai" let
through wherever a long one containing it could be); 14.3 s with one search for
every literal at every position (a lookahead, which loses the engine's fast
skip); 7.7 s with one search per first byte and case-blind ones under
``re.IGNORECASE`` (no fast skip either); 3.5 s with them over the lower-cased
bytes; about 2.3 s with every literal lower-cased, 35 searches instead of 55.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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

    searches: tuple[re.Pattern[bytes], ...]  # over the lower-cased bytes
    wanted: dict[bytes, frozenset[int]]  # each literal (lower-cased) -> the probes whose gate holds it
    ordered: tuple[bytes, ...]  # the literals, sorted
    always: frozenset[int]  # probes without a gate: tried on every file
    escapable: frozenset[int] = frozenset()  # probes with a literal that JSON would write escaped
    # What a literal found lets through, and the literals that may start inside it and end past it: worked out
    # the first time it is found (most literals never are).
    _found: dict[bytes, tuple[frozenset[int], tuple[bytes, ...]]] = field(default_factory=dict)

    def candidates(self, data: bytes, json_strings: bool = False) -> frozenset[int]:
        """The probes that may hit ``data``: those whose gate literal occurs, and those without a gate.

        With ``json_strings`` (a notebook: code inside JSON strings), a literal JSON
        would escape (a quote, a backslash, a control or non-ASCII character) may
        not appear as it is, so its probes are tried whatever the search finds.
        """
        found: set[int] = set(self.always) | (self.escapable if json_strings else set())
        if self.searches:
            lowered = data.lower()
            for search in self.searches:
                for literal in set(search.findall(lowered)):
                    owners, straddling = self._of(literal)
                    found |= owners
                    for other in straddling:
                        if other in lowered:
                            found |= self._of(other)[0]
        return frozenset(found)

    def _of(self, literal: bytes) -> tuple[frozenset[int], tuple[bytes, ...]]:
        known = self._found.get(literal)
        if known is None:
            inside = (probes for inner, probes in self.wanted.items() if inner in literal)
            after = {o for k in range(1, len(literal)) for o in _starting_with(self.ordered, literal[k:])}
            known = self._found[literal] = (frozenset().union(*inside), tuple(sorted(after)))
        return known


def gate_set(gates: Sequence[tuple[int, Gate | None]]) -> GateSet:
    """The searches for ``(probe index, gate)`` pairs."""
    always = frozenset(i for i, gate in gates if gate is None)
    escapable = frozenset(i for i, gate in gates if gate is not None and any(map(_json_escapes, gate[0])))
    wanted: dict[bytes, set[int]] = {}
    for i, gate in gates:
        if gate is not None:
            for literal in gate[0]:
                wanted.setdefault(literal.lower(), set()).add(i)
    ordered = tuple(sorted(wanted))
    by_first: dict[bytes, list[bytes]] = {}
    for literal in ordered:
        by_first.setdefault(literal[:1], []).append(literal)
    searches = tuple(re.compile(_trie(group)) for group in by_first.values())
    frozen = {literal: frozenset(probes) for literal, probes in wanted.items()}
    return GateSet(searches, frozen, ordered, always, escapable)


def _starting_with(ordered: Sequence[bytes], head: bytes) -> list[bytes]:
    """The literals of ``ordered`` (sorted) that start with ``head`` and go on past it."""
    found = []
    index = bisect.bisect_right(ordered, head)  # those that start with it follow it, one after another
    while index < len(ordered) and ordered[index].startswith(head):
        found.append(ordered[index])
        index += 1
    return found


def _json_escapes(literal: bytes) -> bool:
    return any(byte in b'"\\' or byte < 0x20 or byte >= 0x80 for byte in literal)


def _trie(literals: list[bytes]) -> bytes:
    """``ml, mlflow, mlrun`` -> ``ml(?:flow|run)?``: one branch per next byte, a longer literal tried first."""
    groups: dict[int, list[bytes]] = {}
    ends = False  # one of the literals ends here
    for literal in literals:
        if literal:
            groups.setdefault(literal[0], []).append(literal[1:])
        else:
            ends = True
    branches = []
    for first, rests in sorted(groups.items()):
        tail = _trie(rests)
        branches.append(re.escape(bytes((first,))) + tail)
    if not branches:
        return b""
    body = branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"
    if ends:
        return (body if len(branches) > 1 else b"(?:" + body + b")") + b"?"
    return body
