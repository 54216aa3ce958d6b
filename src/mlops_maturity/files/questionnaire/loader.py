"""Load a questionnaire: the shipped one (from its checked snapshot when fresh) or a folder of the user's.

Reading a folder from YAML lives in ``folder.py`` and is imported only when
needed, so a ``score`` run on the shipped questionnaire never pays for the folder reader,
its file models or the cross-reference checks.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.shipped import default_questionnaire_dir


def load_questionnaire(directory: Path | None = None) -> Questionnaire:
    """Load and check a questionnaire folder (the shipped one when ``None``)."""
    if directory is None:
        return _load_default()
    return _load(Path(directory))


@lru_cache(maxsize=1)
def _load_default() -> Questionnaire:
    from mlops_maturity.files.questionnaire.snapshot import load_snapshot

    directory = default_questionnaire_dir()
    return load_snapshot(directory) or _load(directory)


def _load(directory: Path) -> Questionnaire:
    from mlops_maturity.files.questionnaire.folder import read_folder

    return read_folder(directory)
