"""The one entry point of the engine: ``assess(questionnaire, answers) -> Result``.

Scoring (``scoring/scorecard.py``) places the team and explains the placement; a
team file merged by ``consensus`` also carries where its respondents disagree
(``respondents/disagreement.py``), which only such a file pays for.
"""

from __future__ import annotations

from mlops_maturity.engine.model.answers import Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.engine.scoring.scorecard import score_team


def assess(questionnaire: Questionnaire, answers: Answers, target_stage: int | None = None) -> Result:
    """Score one team. ``target_stage`` widens the gaps to every stage up to it."""
    result = score_team(questionnaire, answers, target_stage)
    if answers.consensus is None:
        return result
    from mlops_maturity.engine.respondents.disagreement import respondents_summary

    return result.model_copy(update={"respondents": respondents_summary(questionnaire, answers)})
