"""Which kinds of system a team runs (scope questions), and which readings of a criterion therefore count.

A questionnaire may declare system kinds (models the team trains, applications built on LLMs),
each in scope and live by conditions on its scope questions. A scope question the answers file
does not answer takes its default, so a file written before the kinds existed reads as it did.
A criterion read for kinds is met when, for every kind that counts, one of that kind's readings
is met: the kinds that are live count, or, while nothing is live, those in scope. So a team is
placed by everything it runs in production, and starting a pilot of another kind never lowers it.
A criterion without kinds, or one of its readings without a kind, reads the same for every team.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from mlops_maturity.engine.model.conditions import evaluate
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.stages import Criterion, Reading

Rank = Callable[[str], "int | None"]


class Systems(NamedTuple):
    in_scope: frozenset[str]
    live: frozenset[str]

    def counted(self, kinds: Iterable[str]) -> frozenset[str]:
        """Of ``kinds``, those that count: the live ones, or while the team has nothing live, those in scope.

        Decided for the team, not for each criterion: a team with an LLM application live that starts a
        predictive pilot is not held to the criteria read only for predictive models until one is live.
        """
        return frozenset(kinds) & (self.live or self.in_scope)


EVERY = Systems(frozenset(), frozenset())  # a questionnaire without kinds


def systems_of(q: Questionnaire, rank: Rank) -> Systems:
    def option_rank(qid: str, option: str) -> int:
        return q.by_id[qid].rank(option)

    in_scope = frozenset(k.id for k in q.system_kinds if evaluate(k.in_scope_when, rank, option_rank))
    live = frozenset(k.id for k in q.system_kinds if evaluate(k.live_when, rank, option_rank))
    return Systems(in_scope, live & in_scope)


def criterion_met(criterion: Criterion, systems: Systems, met: Callable[[Reading | Criterion], bool]) -> bool:
    """Met by a reading for every team, or by one reading of each kind that counts."""
    readings = criterion.readings
    if any(r.kind is None and met(r) for r in readings):
        return True
    counted = systems.counted(r.kind for r in readings if r.kind is not None)
    return bool(counted) and all(any(met(r) for r in readings if r.kind == kind) for kind in counted)


def missing_kinds(criterion: Criterion, systems: Systems, met: Callable[[Reading | Criterion], bool]) -> list[str]:
    """The kinds that count for ``criterion`` with none of their readings met, in the criterion's order."""
    counted = systems.counted(r.kind for r in criterion.readings if r.kind is not None)
    kinds = dict.fromkeys(r.kind for r in criterion.readings if r.kind in counted)
    return [k for k in kinds if k is not None and not any(met(r) for r in criterion.readings if r.kind == k)]


def criterion_applies(criterion: Criterion, systems: Systems) -> bool:
    """False for a criterion read only for kinds the team does not run: it is neither met nor a gap."""
    readings = criterion.readings
    if any(r.kind is None for r in readings):
        return True
    return bool(systems.counted(r.kind for r in readings if r.kind is not None))
