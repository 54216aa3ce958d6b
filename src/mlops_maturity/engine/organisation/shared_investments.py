"""The investments an organisation could fund once for many teams (pure: team summaries in, ranking out).

A team's next step is made of the gaps to its next stage. A discipline of the team's current
stage *helps* the team when it moves at least one of those gaps, and *carries it up* when it
moves all of them. Disciplines belong to a stage, so teams at different stages are helped by
different ones; the ranking is by teams carried up, then teams helped, then the questionnaire's
order, and the first three are shown. Only a discipline that helps two teams or more is shared:
one that helps a single team is that team's next step, which its own report gives.
"""

from __future__ import annotations

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.organisation.portfolio import SHARED, SharedInvestment, TeamSummary

SHOWN = 3


def shared_investments(q: Questionnaire, teams: tuple[TeamSummary, ...]) -> tuple[SharedInvestment, ...]:
    helped: dict[tuple[int, int], list[str]] = {}
    carried: dict[tuple[int, int], list[str]] = {}
    for team in teams:
        if not team.gaps:
            continue
        gaps = set(team.gaps)
        for index, discipline in enumerate(q.stage(team.stage).disciplines):
            moved = gaps & set(discipline.improves)
            if moved:
                helped.setdefault((team.stage, index), []).append(team.team)
                if moved == gaps:
                    carried.setdefault((team.stage, index), []).append(team.team)
    shared = [key for key in helped if len(helped[key]) >= SHARED]
    ranked = sorted(shared, key=lambda key: (-len(carried.get(key, ())), -len(helped[key]), key))
    out = []
    for stage, index in ranked[:SHOWN]:
        discipline = q.stage(stage).disciplines[index]
        out.append(
            SharedInvestment(
                id=discipline.id,
                title=discipline.title,
                initiative=discipline.initiative,
                stage=stage,
                carries_up=tuple(carried.get((stage, index), ())),
                helps=tuple(helped[(stage, index)]),
            )
        )
    return tuple(out)
