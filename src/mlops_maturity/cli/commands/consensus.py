"""``mlops-maturity consensus``: several respondents of one team merged into one placement, and their disagreements."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mlops_maturity.choices import ConsensusFormat
from mlops_maturity.cli.options.paths import check_output_file, make_folder_for
from mlops_maturity.cli.output import Output
from mlops_maturity.engine.model.answers import Answers
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.respondents.anonymous import anonymised
from mlops_maturity.engine.respondents.consensus import check_round, merge
from mlops_maturity.engine.respondents.view import build_view
from mlops_maturity.errors import FilesError, InputFileError, Problem, UsageError
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.answers.team_writer import render_team_file
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.writing import write_atomic
from mlops_maturity.render.formats import render_consensus
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.terminal import color_enabled, unicode_ok, width


@dataclass(frozen=True)
class ConsensusOptions:
    fmt: ConsensusFormat = ConsensusFormat.text
    out: Path | None = None
    anonymous: bool = False
    questionnaire: Path | None = None


def run(files: list[Path], options: ConsensusOptions) -> Output:
    if not files:
        raise UsageError(
            "give the answers files of one team's respondents, for example: "
            "mlops-maturity consensus answers/*.yaml -o team.yaml"
        )
    files = [file for path in files for file in respondent_files(path)]
    out = options.out
    if out is not None:
        _check_out(out, files)
    q = load_questionnaire(options.questionnaire)
    round_ = check_round(_load_all(files, q))
    voices = anonymised(round_.voices) if options.anonymous else round_.voices
    merged = merge(q, voices)
    view = build_view(q, round_, merged, anonymous=options.anonymous, written=str(out) if out is not None else None)
    text = options.fmt == ConsensusFormat.text
    rendered = render_consensus(
        options.fmt, view, RenderOptions(color=text and color_enabled(), width=width(), unicode=unicode_ok())
    )
    messages: tuple[str, ...] = () if text else tuple(f"note: {n}" for n in view.notes)
    if out is not None:
        make_folder_for(out, "-o", "team.yaml")
        write_atomic(out, render_team_file(q, round_.team, round_.assessed_on, merged.given, merged.record))
        if not text:
            messages += (f"wrote {out}: the team answers of {len(voices)} respondents",)
    return Output(stdout=rendered, stderr=messages)


def respondent_files(path: Path) -> list[Path]:
    """What ``path`` stands for: itself, or the answers files directly in the folder it names."""
    if not path.is_dir():
        return [path]
    # Not is_file(): a named pipe named *.yaml is refused by name when read, not passed over.
    found = sorted(c for c in path.iterdir() if not c.is_dir() and c.suffix.lower() in (".yaml", ".yml"))
    if not found:
        raise UsageError(f"{path}: is a folder with no answers files (*.yaml, *.yml) in it")
    return found


def _load_all(files: list[Path], q: Questionnaire) -> list[Answers]:
    """Every file read and checked; all the problems found, in every file, are reported together."""
    loaded: list[Answers] = []
    problems: list[Problem] = []
    failed = 0
    for path in files:
        try:
            loaded.append(load_answers(path, q))
        except InputFileError as exc:
            failed += 1
            problems += exc.problems or (Problem(str(path), str(exc.args[0]).removeprefix(f"{path}: ")),)
    if problems:
        raise FilesError(f"{failed} of {len(files)} files could not be read; nothing was written", tuple(problems))
    return loaded


def _check_out(out: Path, files: list[Path]) -> None:
    check_output_file(out, "-o", "team.yaml")
    target = os.path.normcase(os.path.abspath(out))  # noqa: PTH100 - the file need not exist yet
    for path in files:
        if os.path.normcase(os.path.abspath(path)) == target:  # noqa: PTH100
            raise UsageError(f"-o {out}: is one of the respondents' files; write the team answers to another file")
