"""Many assessments at once: ``compare.py`` (one team over time) and the portfolio roll-up (many teams)."""
