"""How likely a literal is to rule a file out: what a probe's gate is chosen by (see ``prefilter``)."""

from __future__ import annotations

# Words in most source files: a literal among them filters little, so another is preferred when there is one.
COMMON_WORDS = frozenset(
    """
    from import def class return self with for and not the data model models train test config
    name create register pipeline Pipeline run log print value type true false True False None
    event request resource python pip install echo export
    """.split()  # noqa: SIM905 - a list of words reads best as words
)


def selectivity(literals: frozenset[str] | tuple[str, ...]) -> tuple[bool, bool, bool, int, int]:
    """How well a set of literals is likely to rule files out, cheaply; the larger the better.

    A single character rules out nothing (nor can the prefilter use it), then uncommon
    words first, then literals long enough to be rare (4 characters), then fewer of
    them, then longer ones.
    """
    common = any(s.strip(" .(") in COMMON_WORDS for s in literals)
    shortest = min(len(s) for s in literals)
    return shortest >= 2, not common, shortest >= 4, -len(literals), shortest
