"""The parts of ``docs/`` generated from the questionnaire data, so the documentation cannot drift from it."""
