"""One search per file that tells whether any probe could hit it at all.

Each probe has a gate: literal text that any hit must come with (the literals
of its most selective ``requires`` pattern, or of its patterns, or the key a
key probe looks for). The gates of the probes that look at a file are joined
into one regular expression, arranged as a trie so that the engine tests one
character per position rather than one literal after another. When it finds
nothing, which is most files, the file costs that one search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mlops_maturity.engine.pattern_check import selectivity

Gate = tuple[tuple[bytes, ...], bool]  # (literals, ignore case: literals lower-cased)


def choose_gate(
    requires: Iterable[tuple[tuple[bytes, ...] | None, bool]],
    patterns: Iterable[tuple[tuple[bytes, ...] | None, bool]],
    key: str | None,
) -> Gate | None:
    """The gate of one probe from its rules' ``(literals, ignore_case)``; None when no literal is certain.

    Every ``requires`` pattern must match, and so must one of the patterns, so
    each of them is a candidate; the one whose shortest literal is longest is
    taken, as the likeliest to be rare.
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


# Printable ASCII from the most to the least frequent in Python and YAML sources (measured once on CPython's
# library). A gate searches for each literal from its rarest byte on, so that the search engine, which skips
# every position whose byte cannot start a literal, skips most of them.
_BY_FREQUENCY = b" etrsainol'dc,fp_um.h\"():g0by=xE-T#wAvkI1LNSR\\2COP[]3D>MF54U6`8*9H7BGq+/j|WzV%K{}?<XY~!;@Z^$QJ&"
_RARITY = {byte: rank for rank, byte in enumerate(_BY_FREQUENCY)}
MIN_ANCHOR = 3


def anchor(literal: bytes) -> bytes:
    """The part of ``literal`` from its rarest byte on (at least ``MIN_ANCHOR`` bytes): found wherever it is."""
    last = max(len(literal) - MIN_ANCHOR, 0)
    start = max(range(last + 1), key=lambda i: (_RARITY.get(literal[i], len(_RARITY)), -i))
    return literal[start:]


def gate_regexes(gates: Iterable[Gate]) -> tuple[re.Pattern[bytes], ...]:
    """Regular expressions that together find any of the gates' literals: one exact, one case-blind if needed."""
    exact: set[bytes] = set()
    blind: set[bytes] = set()
    for literals, icase in gates:
        (blind if icase else exact).update(anchor(literal) for literal in literals)
    out = []
    for found, flags in ((exact, 0), (blind, re.IGNORECASE)):
        if found:
            # A literal that holds another is found whenever the other is: keep the shorter.
            kept = sorted(a for a in found if not any(b != a and b in a for b in found))
            out.append(re.compile(_trie(kept), flags))
    return tuple(out)


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
