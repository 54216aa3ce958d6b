"""Several respondents of one team: the consensus rule (``consensus.py``) and where they disagree."""
