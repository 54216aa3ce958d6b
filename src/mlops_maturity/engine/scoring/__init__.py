"""One team's answers into a result: ``placement.py`` decides the stage and the level; the rest explains them."""
