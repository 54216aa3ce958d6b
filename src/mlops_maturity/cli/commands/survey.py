"""``mlops-maturity survey``: the interactive questionnaire, saved after every answer."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from mlops_maturity.cli.options.paths import check_output_file, make_folder_for
from mlops_maturity.cli.output import Output
from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.answers import MAX_TEAM_CHARS, Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import UsageError
from mlops_maturity.files.answers.editing import editing
from mlops_maturity.files.answers.reader import check_answers, load_answers
from mlops_maturity.files.answers.update import update_answers_text
from mlops_maturity.files.answers.writer import render_answers_file
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.writing import write_atomic
from mlops_maturity.files.yaml_reader import parse, read_text
from mlops_maturity.survey.console import TerminalIO, printable, signals_held, stop_on_signals
from mlops_maturity.survey.end_screen import command_lines, headline, report_command, summary
from mlops_maturity.survey.flow import Flow
from mlops_maturity.survey.layout import ScreenOptions
from mlops_maturity.survey.screen import PROMPT
from mlops_maturity.survey.session import Ending, Session, SurveyIO

DEFAULT_OUT = Path("mlops-answers.yaml")


def main(
    out: Path | str,
    team: str | None,
    questionnaire: Path | None,
    *,
    respondent: str | None = None,
    role: str | None = None,
    scan: Path | None = None,
) -> Output:
    """Run the survey on this process's terminal."""
    if not sys.stdin.isatty():
        raise UsageError(
            "survey is interactive and needs a terminal, but stdin is not one. "
            "To fill in answers without a terminal, write a template with `mlops-maturity init -o FILE`, "
            "edit it, then run `mlops-maturity score FILE`."
        )
    io = TerminalIO()
    with stop_on_signals():
        output = run(out, team, questionnaire, io, io.layout, respondent=respondent, role=role, scan=scan)
    return Output(
        stdout=printable(output.stdout, sys.stdout),
        stderr=tuple(printable(line, sys.stderr) for line in output.stderr),
        code=output.code,
    )


def run(
    out: Path | str,
    team: str | None,
    questionnaire: Path | None,
    io: SurveyIO,
    layout: Callable[[], ScreenOptions],
    today: dt.date | None = None,
    *,
    respondent: str | None = None,
    role: str | None = None,
    scan: Path | None = None,
) -> Output:
    """The whole survey with injected input and output; what the CLI and the tests call.

    With ``respondent``, an ``out`` that is a folder (existing, or written with a trailing
    slash) means the file ``out/NAME.yaml``, so a facilitator can take each member of a
    team through the survey in turn and then merge their files with ``consensus``.
    With ``scan``, what the repository's files show is each open question's default.
    """
    q = load_questionnaire(questionnaire)
    out = survey_target(out, respondent)
    _check_out(out)
    with editing(out, "a survey"):  # a second survey on this file stops here, before asking anything
        return _survey(q, out, team, questionnaire, io, layout, today, respondent=respondent, role=role, scan=scan)


def _survey(
    q: Questionnaire,
    out: Path,
    team: str | None,
    questionnaire: Path | None,
    io: SurveyIO,
    layout: Callable[[], ScreenOptions],
    today: dt.date | None,
    *,
    respondent: str | None,
    role: str | None,
    scan: Path | None,
) -> Output:
    given: dict[str, Answer] = {}
    known_team, known_person, assessed_on = "", ("", ""), today or dt.date.today()
    written: str | None = None  # the file's text as last read or written, edited in place on save
    if out.exists():
        written = read_text(out)
        previous = check_answers(parse(written, str(out)), q)
        if previous.consensus is not None:
            raise UsageError(
                f"{out}: holds team answers merged by `mlops-maturity consensus`; run the survey for each "
                "respondent's own file, then consensus again"
            )
        given, known_team = dict(previous.given), previous.team
        known_person = (previous.respondent or "", previous.role or "")
        assessed_on = previous.assessed_on or assessed_on
    name = " ".join((team or "").split()) or known_team
    person = " ".join((respondent or "").split()) or known_person[0]
    person_role = " ".join((role or "").split()) or known_person[1]
    for flag, value in (("--respondent", person), ("--role", person_role)):
        if len(value) > MAX_TEAM_CHARS:
            raise UsageError(f"{flag}: {len(value)} characters; keep it to {MAX_TEAM_CHARS}")

    def save(team_name: str, answers: dict[str, Answer]) -> None:
        nonlocal written
        text = (
            None
            if written is None
            else update_answers_text(written, q, team_name, assessed_on, answers, respondent=person, role=person_role)
        )
        if text is None:
            if written is not None:
                io.note(
                    f"note: {out} is laid out in a way the survey cannot edit in place; it is written afresh, "
                    "and comments added to it by hand are not kept"
                )
            text = render_answers_file(
                q,
                team=team_name,
                assessed_on=assessed_on,
                given=answers,
                evidence_slots=True,
                respondent=person,
                role=person_role,
            )
        with signals_held():
            write_atomic(out, text)
        written = text

    flow = Flow(q, given, _proposed(scan, q, questionnaire))
    session = Session(flow=flow, io=io, save=save, layout=layout, out=str(out), team=name, scanned=scan is not None)
    ending = session.run(ask_team=not name)
    if ending.outcome == "finished":
        result = assess(q, load_answers(out, q))
        command = report_command(out, session.team, questionnaire)
        io.show(headline(result, command, str(out), layout()))
        if not _wants_more(io):
            return Output()  # the headline stays on screen
        io.show("")
        return Output(stdout=summary(result, command, str(out), layout()))
    return Output(stderr=_goodbye(ending, flow, out, questionnaire, layout().width), code=ending.code)


def _proposed(scan: Path | None, q: Questionnaire, questionnaire: Path | None) -> dict[str, Answer]:
    """Each question's answer as the repository's files show it, with where (``--scan DIR``)."""
    if scan is None:
        return {}
    from mlops_maturity.scan.io.run import scan_repository
    from mlops_maturity.scan.verdicts.proposals import proposals

    return proposals(q, scan_repository(scan, q, questionnaire), {})


def _wants_more(io: SurveyIO) -> bool:
    """After the headline: Enter (or input that has ended) shows the full result, q or Ctrl-C leaves it at that."""
    try:
        return io.ask(PROMPT).strip().lower() != "q"
    except EOFError:
        return True
    except KeyboardInterrupt:
        return False


def survey_target(out: Path | str, respondent: str | None) -> Path:
    """The file to write: ``out``, or ``out/NAME.yaml`` when ``out`` is a folder and a respondent is named."""
    path = Path(out)
    name = " ".join((respondent or "").split())
    folder = str(out).endswith(("/", os.sep))
    if folder and not name:
        raise UsageError(f"--out {out}: a folder; add --respondent NAME to write {path / 'NAME.yaml'}, or give a file")
    if not name or not (folder or path.is_dir()):
        return path
    path.mkdir(parents=True, exist_ok=True)  # a trailing slash says the folder is wanted
    return path / respondent_file(name)


def respondent_file(name: str) -> str:
    """``Ana Lima`` -> ``Ana-Lima.yaml``: letters, digits, ``.``, ``-``, ``_``; nothing that leaves the folder."""
    stem = re.sub(r"[^\w.-]+", "-", name).strip(".-")[:100].rstrip(".-")
    if not stem:
        raise UsageError(f"--respondent {name!r}: no letters or digits to name a file with; give --out FILE instead")
    return f"{stem}.yaml"


def _check_out(out: Path) -> None:
    """The file must not be a folder; its folder is made (the survey saves its first answer there at once)."""
    check_output_file(out, "--out", str(DEFAULT_OUT), hint=f", or --respondent NAME to write {out / 'NAME.yaml'}")
    make_folder_for(out, "--out", str(DEFAULT_OUT))


def resume_command(out: Path, questionnaire: Path | None) -> str:
    parts = ["mlops-maturity", "survey"]
    if out != DEFAULT_OUT:
        parts += ["--out", str(out)]
    if questionnaire is not None:
        parts += ["--questionnaire", str(questionnaire)]
    return shlex.join(parts)


def _goodbye(ending: Ending, flow: Flow, out: Path, questionnaire: Path | None, width: int) -> tuple[str, ...]:
    """Where the answers are and how to carry on, in lines that fit ``width``: broken between words, never
    inside a path, and the command broken between its arguments (``command_lines``), so it still pastes."""
    # After Ctrl-C or a signal the cursor still sits on the prompt line.
    first = [""] if ending.outcome == "interrupted" or ending.at_prompt else []
    stopped = "Stopped. " if ending.outcome == "interrupted" else ""
    if not out.exists():
        return (*first, *_fit(f"{stopped}Nothing was saved; no question had been answered.", width))
    resumed = Flow(flow.q, flow.to_save())  # where the next run will pick up
    answered, total = resumed.answered_count(), len(resumed.applicable())
    lines = [*first, *_fit(f"{stopped}{answered} of {total} answers are saved in {out}.", width)]
    command = resume_command(out, questionnaire)
    if resumed.current is not None:
        lines += _fit(f"To carry on from question {resumed.position().number}, run:", width)
    else:
        lines += _fit("Every question is answered; to see the result, run:", width)
    lines += command_lines(command, width)
    return tuple(lines)


def _fit(sentence: str, width: int) -> list[str]:
    """``sentence`` broken between words to fit ``width``; a word longer than a line (a long path) keeps a line
    of its own rather than being cut."""
    import textwrap

    return textwrap.wrap(sentence, width, break_long_words=False, break_on_hyphens=False) or [""]
