"""``mlops-maturity init``: write an answers template to fill in by hand."""

from __future__ import annotations

from pathlib import Path

from mlops_maturity.answers_writer import render_answers_file
from mlops_maturity.commands.output import Output
from mlops_maturity.errors import UsageError
from mlops_maturity.loader import load_questionnaire
from mlops_maturity.yamlio import write_atomic


def run(out: Path, force: bool, team: str, questionnaire: Path | None) -> Output:
    q = load_questionnaire(questionnaire)
    text = render_answers_file(q, team=team)
    if str(out) == "-":
        return Output(stdout=text)
    if out.exists() and not force:
        raise UsageError(f"{out}: already exists; pass --force to overwrite it, or -o to write elsewhere")
    if out.is_dir():
        raise UsageError(f"{out}: is a directory; give a file name")
    write_atomic(out, text)
    return Output(
        stderr=(
            f"wrote {out}: {len(q.questions)} questions to answer.",
            f"Fill it in, then run: mlops-maturity score {out}",
        )
    )
