"""Where the shipped questionnaire and templates live, installed or in a checkout."""

from __future__ import annotations

import re
from pathlib import Path

DEFAULT_QUESTIONNAIRE = "mlops-maturity"
PROBES_FILE = "probes.yaml"  # in a questionnaire folder: what ``scan`` looks for (optional)
_PACKAGE = Path(__file__).resolve().parents[2]  # mlops_maturity/


def default_questionnaire_dir() -> Path:
    """The wheel carries ``questionnaires/`` inside the package; a checkout has it at the top."""
    for root in (_PACKAGE / "questionnaires", _PACKAGE.parent.parent / "questionnaires"):
        candidate = root / DEFAULT_QUESTIONNAIRE
        if (candidate / "questionnaire.yaml").is_file():
            return candidate
    raise FileNotFoundError(f"the shipped questionnaire {DEFAULT_QUESTIONNAIRE!r} is missing from this installation")


def templates_dir() -> Path:
    return _PACKAGE / "render" / "report" / "templates"


def shipped_id_and_version() -> tuple[str, str]:
    """The shipped questionnaire's ``id`` and ``version``, read from the top lines of its ``questionnaire.yaml``.

    For ``--version``, which must answer without loading YAML or pydantic; a test holds what it reads
    equal to what the questionnaire loader reads.
    """
    text = (default_questionnaire_dir() / "questionnaire.yaml").read_text(encoding="utf-8")
    found = dict(re.findall(r"(?m)^(id|version):[ \t]*['\"]?([\w.+-]+)['\"]?[ \t]*(?:#.*)?$", text))
    return found.get("id", DEFAULT_QUESTIONNAIRE), found.get("version", "unknown")
