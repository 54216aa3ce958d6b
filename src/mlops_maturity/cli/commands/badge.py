"""``mlops-maturity badge``: a README badge of the stage and level, as an SVG file or on stdout."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.cli.options.paths import make_folder_for
from mlops_maturity.cli.output import Output
from mlops_maturity.engine.assess import assess
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.writing import write_atomic
from mlops_maturity.render import badge


def run(file: Path, out: Path | None, questionnaire: Path | None) -> Output:
    q = load_questionnaire(questionnaire)
    result = assess(q, load_answers(file, q))
    svg = badge.render(result, q.score_bands)
    if out is None or str(out) == "-":
        return Output(stdout=svg)
    make_folder_for(out, "-o", "badge.svg")
    write_atomic(out, svg)
    return Output(stderr=(f"wrote {out} ({badge.LABEL} {badge.message(result)})",))
