"""Write the team answers file of a consensus: an ordinary answers file plus its ``consensus:`` block."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from mlops_maturity.engine.model.answers import Answer, ConsensusRecord
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.answers.writer import _plain, quote, render_answers_file


def render_team_file(
    q: Questionnaire,
    team: str,
    assessed_on: dt.date | None,
    given: Mapping[str, Answer],
    record: ConsensusRecord,
) -> str:
    """Every command reads it as the team's answers; ``score`` and ``report`` also read who was merged."""
    count = len(record.respondents)
    head = [
        f"# Team answers merged by `mlops-maturity consensus` from {count} respondent{'s' if count != 1 else ''}.",
        "# Each answer is the highest option more than half of them chose or went beyond (docs/respondents.md);",
        "# the evidence quotes each respondent by name. Run consensus again rather than editing by hand.",
    ]
    body = render_answers_file(q, team=team, assessed_on=assessed_on, given=given, with_help=False)
    return "\n".join(head) + "\n" + body + "\n" + consensus_block(q, record)


def consensus_block(q: Questionnaire, record: ConsensusRecord) -> str:
    disputed = list(dict.fromkeys(qid for r in record.respondents.values() if r for qid in r.answers))
    lines = [
        "# Who was merged, and each one's own answers to the questions in dispute",
        f"# ({', '.join(disputed) if disputed else 'none'}).",
        "consensus:",
        "  respondents:",
    ]
    for name, respondent in record.respondents.items():
        if respondent is None or (respondent.role is None and not respondent.answers):
            lines.append(f"    {quote(name)}: {{}}")
            continue
        lines.append(f"    {quote(name)}:")
        if respondent.role is not None:
            lines.append(f"      role: {quote(respondent.role)}")
        if respondent.answers:
            lines.append("      answers:")
            order = {x.id: i for i, x in enumerate(q.questions)}
            for qid in sorted(respondent.answers, key=lambda k: order.get(k, len(order))):
                lines.append(f"        {qid}: {_plain(respondent.answers[qid])}")
    return "\n".join(lines) + "\n"
