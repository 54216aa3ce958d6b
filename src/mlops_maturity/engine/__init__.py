"""The pure core: no I/O, no printing, no exit codes.

It imports only the base modules beside it (``errors``, ``cut``, ``choices``):

- ``model/``: what the engine reasons about: the questionnaire, answers, conditions, the result.
- ``scoring/``: one team's answers into a result: the sheet, placement (where the stage and the
  level are decided), profile, risks and disciplines, roadmap, consistency, investments, CI gates.
- ``respondents/``: several people of one team: the consensus rule, their disagreements.
- ``organisation/``: many assessments: compare over time, the portfolio across teams.
- ``assess.py``: the one entry point, ``assess(questionnaire, answers) -> Result``.
"""
