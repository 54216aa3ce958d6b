"""Answers files: read and checked against the questionnaire, written as templates, edited in place."""
