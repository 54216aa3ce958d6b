"""The investments to fund next: the current stage's disciplines, phrased for a leader and ranked.

An investment is a discipline of the stage the team is at. It *removes* the stage's risks
that the team's answers make real and that it addresses, and it moves answers: those that
are gaps to the next stage decide how far it takes the team (every gap closed: it unlocks
the stage). Ranked by: unlocks the next stage, then risks removed, then gaps closed, then the
questionnaire's order. Disciplines with nothing left to move and no risk to remove are left
out: there is nothing to fund.
"""

from __future__ import annotations

from mlops_maturity.engine.model.result import DisciplineResult, Gap, Investment, RiskResult
from mlops_maturity.engine.model.stages import Stage

SHOWN = 3


def rank_investments(
    stage: Stage,
    disciplines: tuple[DisciplineResult, ...],
    risks: tuple[RiskResult, ...],
    gaps: tuple[Gap, ...],
    unknown: frozenset[str],
) -> tuple[Investment, ...]:
    next_gaps = {g.question for g in gaps if g.stage == stage.number + 1}
    supported = {r.id: r.title for r in risks}
    ranked = []
    by_id = {d.id: (index, d) for index, d in enumerate(stage.disciplines)}
    for result in disciplines:
        index, discipline = by_id[result.id]
        moves = tuple(s.question for s in result.improves)
        removes = tuple(supported[r] for r in discipline.addresses if r in supported)
        if not moves and not removes:
            continue
        closes = len(next_gaps & set(moves))
        unlocks = stage.number + 1 if next_gaps and next_gaps <= set(moves) else None
        investment = Investment(
            id=discipline.id,
            title=discipline.title,
            description=discipline.description,
            initiative=discipline.initiative,
            removes=removes,
            moves=moves,
            closes=closes,
            gaps=len(next_gaps),
            unlocks=unlocks,
            unknown=sum(q in unknown for q in moves),
        )
        ranked.append(((unlocks is None, -len(removes), -closes, index), investment))
    return tuple(investment for _, investment in sorted(ranked, key=lambda pair: pair[0]))[:SHOWN]
