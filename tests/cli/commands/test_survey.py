"""``survey`` as a command: the file it writes, resuming, the end screen, and its errors."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mlops_maturity.cli.commands.survey import resume_command, run
from mlops_maturity.cli.output import Output
from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.errors import AnswersError, UsageError
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.survey.layout import ScreenOptions

from support import SURVEY, Run
from support.scripted_io import Script

DAY = dt.date(2026, 11, 22)
FULL = ["2", "3", "n", "batch only", "u", "3", ""]


def survey(
    out: Path | str, inputs: list[str | BaseException], team: str | None = None, questionnaire: Path = SURVEY
) -> tuple[Output, Script]:
    io = Script(inputs)
    return run(out, team, questionnaire, io, io.layout, today=DAY), io


def said(output: Output) -> str:
    """The stop message as one text: its lines joined, a command's continuation lines back in one piece."""
    return " ".join(line.removesuffix(" \\").strip() for line in output.stderr if line.strip())


def test_the_stop_message_breaks_between_words_never_inside_a_path(tmp_path: Path) -> None:
    """At 60 columns a long path keeps a line of its own, whole, and the resume command is cut between arguments."""
    folder = tmp_path / "a-rather-long-folder-name-for-the-assessments-of-the-team"
    folder.mkdir()
    out = folder / "answers.yaml"
    io = Script(["Fraud", "2", "1", "q"])
    narrow = ScreenOptions(color=False, unicode=True, width=60, height=20)
    output = run(out, None, SURVEY, io, lambda: narrow, today=DAY)
    assert f"{out}." in output.stderr  # the path alone on its line, not cut
    for line in output.stderr:
        words = line.removesuffix(" \\").split()
        assert len(line) <= 60 or len(words) == 1, line  # longer only when one word would not fit
    assert output.stderr[-2].endswith(" \\")  # the command, broken between arguments with a continuation
    assert said(output).endswith(f"mlops-maturity survey --out {out} --questionnaire {SURVEY}")


def test_a_finished_survey_writes_a_file_that_scores(
    tmp_path: Path,
    survey_q: Questionnaire,
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SURVEY, "q")  # relative paths keep the golden free of this machine's folders
    out = Path("answers.yaml")
    output, io = survey(out, ["Fraud & Risk", *FULL], questionnaire=Path("q"))
    assert output.code == 0 and output.stderr == ()
    assert io.screens[-1] == ""  # the screen is cleared before the result is printed
    answers = load_answers(out, survey_q)
    assert answers.team == "Fraud & Risk" and answers.assessed_on == DAY
    scored = cli("score", out, "--questionnaire", SURVEY, "--format", "json")
    assert scored.code == 0 and '"number": 1' in scored.out


def test_q_then_run_again_resumes(tmp_path: Path, survey_q: Questionnaire) -> None:
    out = tmp_path / "answers.yaml"
    output, _ = survey(out, ["Fraud", "2", "1", "q"])
    assert output.code == 0 and output.stdout == ""
    assert said(output) == (
        f"2 of 5 answers are saved in {out}. To carry on from question 3, run: "
        f"mlops-maturity survey --out {out} --questionnaire {SURVEY}"
    )
    output, io = survey(out, ["", "n", "batch only", "u", "3", ""])
    assert "Welcome back." in io.screens[0] and "Team: Fraud" in io.screens[0]
    assert "Question 3 of 5" in io.screens[1]
    assert output.code == 0 and "Stage 1 of 2: First model live" in output.stdout
    assert load_answers(out, survey_q).given["ship.method"] == Answer(answer="manual")


def test_ctrl_c_keeps_every_answer(tmp_path: Path, survey_q: Questionnaire) -> None:
    out = tmp_path / "answers.yaml"
    output, _ = survey(out, ["Fraud", "2", "3", KeyboardInterrupt()])
    assert output.code == 130
    assert output.stderr[0] == ""  # the cursor was on the prompt line
    assert said(output).startswith(f"Stopped. 2 of 5 answers are saved in {out}.")
    assert load_answers(out, survey_q).given == {
        "ship.prod": Answer(answer="one"),
        "ship.method": Answer(answer="pipeline"),
    }


def test_ctrl_c_before_the_team_name_saves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    output, _ = survey(out, [KeyboardInterrupt()])
    assert output == Output(stderr=("", "Stopped. Nothing was saved; no question had been answered."), code=130)
    assert not out.exists()


def test_team_flag_wins_over_the_file_and_the_date_is_kept(tmp_path: Path, survey_q: Questionnaire) -> None:
    out = tmp_path / "answers.yaml"
    out.write_text("team: Old\nassessed_on: 2025-01-31\nanswers:\n  ship.prod: none\n", encoding="utf-8")
    survey(out, ["", "q"], team="  New   name ")
    answers = load_answers(out, survey_q)
    assert (answers.team, answers.assessed_on) == ("New name", dt.date(2025, 1, 31))
    assert answers.given == {"ship.prod": Answer(answer="none")}


def test_resuming_keeps_evidence_with_control_characters_and_line_separators(
    tmp_path: Path, survey_q: Questionnaire
) -> None:
    # Escaped in the file, these come back raw; the survey used to write them raw, which YAML refuses or folds.
    out = tmp_path / "answers.yaml"
    body = 'team: "T\\x7f"\nanswers:\n  ship.prod:\n    answer: none\n    evidence: "a\\x85b\\u2028c\\x9b"\n'
    out.write_text(body, encoding="utf-8")
    output, _ = survey(out, ["", "2", "q"])
    assert output.code == 0
    answers = load_answers(out, survey_q)
    assert answers.team == "T\x7f"
    assert answers.given["ship.prod"] == Answer(answer="none", evidence="a\x85b\u2028c\x9b")


def test_a_file_that_is_already_complete_goes_to_the_result(tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    out.write_text("team: T\nanswers:\n  ship.prod: none\n  ship.latency: none\n  watch.owner: nobody\n")
    output, io = survey(out, ["", ""])
    assert "Every question in" in io.screens[0]
    assert "Stage 0 of 2: Getting started" in output.stdout


def test_a_broken_file_is_reported_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    out.write_text("answers:\n  ship.prod: weekly\n", encoding="utf-8")
    with pytest.raises(AnswersError, match=r"answers.yaml:2: answers.ship.prod: 'weekly' is not an option"):
        survey(out, [])
    assert out.read_text(encoding="utf-8") == "answers:\n  ship.prod: weekly\n"


def test_out_must_be_a_file_and_its_folder_is_made(tmp_path: Path) -> None:
    with pytest.raises(
        UsageError, match=r"^--out .*: is a directory; give a file name such as .*mlops-answers.yaml, or --respondent"
    ):
        survey(tmp_path, [])
    survey(tmp_path / "nope" / "a.yaml", [])  # the script ends at once, as Ctrl-D would
    assert (tmp_path / "nope").is_dir()


def test_resume_command_names_only_what_is_not_the_default() -> None:
    assert resume_command(Path("mlops-answers.yaml"), None) == "mlops-maturity survey"
    assert resume_command(Path("my answers.yaml"), Path("q")) == (
        "mlops-maturity survey --out 'my answers.yaml' --questionnaire q"
    )


def test_an_init_template_is_resumed(tmp_path: Path, cli: Callable[..., Run], survey_q: Questionnaire) -> None:
    out = tmp_path / "answers.yaml"
    assert cli("init", "-o", out, "--team", "From init", "--questionnaire", SURVEY).code == 0
    output, io = survey(out, ["", "1", "q"])
    assert "Team: From init" in io.screens[0]
    assert said(output).startswith(f"1 of 3 answers are saved in {out}.")
    assert load_answers(out, survey_q).given == {"ship.prod": Answer(answer="none")}


def test_resuming_keeps_comments_written_by_hand(tmp_path: Path, survey_q: Questionnaire) -> None:
    out = tmp_path / "answers.yaml"
    survey(out, ["Fraud", "2", "1", "q"])
    text = out.read_text(encoding="utf-8").replace("  ship.prod:", "  # agreed with ops on Monday\n  ship.prod:", 1)
    out.write_text(text.replace('team: "Fraud"', 'team: "Fraud"  # the squad, not the department'), encoding="utf-8")
    output, io = survey(out, ["", "n", "batch only", "u", "3", ""])
    assert output.code == 0 and io.notes == []
    saved = out.read_text(encoding="utf-8")
    assert "  # agreed with ops on Monday\n  ship.prod:\n" in saved
    assert 'team: "Fraud"  # the squad, not the department\n' in saved
    assert load_answers(out, survey_q).given["ship.latency"] == Answer(answer="not_applicable", reason="batch only")


def test_a_file_it_cannot_edit_in_place_is_written_afresh_with_a_note(tmp_path: Path, survey_q: Questionnaire) -> None:
    out = tmp_path / "answers.yaml"
    out.write_text("# mine\nteam: Fraud\nanswers: {ship.prod: one}\n", encoding="utf-8")
    output, io = survey(out, ["", "3", "q"])
    assert io.notes == [
        f"note: {out} is laid out in a way the survey cannot edit in place; it is written afresh, "
        "and comments added to it by hand are not kept"
    ]
    assert said(output).startswith(f"2 of 5 answers are saved in {out}.")
    assert "# mine" not in out.read_text(encoding="utf-8")
    assert load_answers(out, survey_q).given["ship.prod"] == Answer(answer="one")


# --- several respondents: --respondent, --role, --out DIR/ ---------------------------------------


def test_respondent_and_out_folder_write_one_file_per_person(
    tmp_path: Path, survey_q: Questionnaire, cli: Callable[..., Run]
) -> None:
    folder = tmp_path / "round"  # does not exist yet: the trailing slash asks for it
    for name, role, first in (("Ana Lima", "data scientist", "3"), ("Ben", "ML engineer", "2")):
        io = Script(["Fraud", first, "q"])
        output = run(f"{folder}/", None, SURVEY, io, io.layout, today=DAY, respondent=name, role=role)
        assert output.code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["Ana-Lima.yaml", "Ben.yaml"]
    ana = load_answers(folder / "Ana-Lima.yaml", survey_q)
    assert (ana.team, ana.respondent, ana.role) == ("Fraud", "Ana Lima", "data scientist")
    merged = cli("consensus", folder / "Ana-Lima.yaml", folder / "Ben.yaml", "--questionnaire", SURVEY, "-f", "json")
    assert merged.code == 0, merged.err
    assert '"name": "Ana Lima"' in merged.out and '"name": "Ben"' in merged.out


def test_an_existing_folder_takes_the_respondent_and_resuming_keeps_them(
    tmp_path: Path, survey_q: Questionnaire
) -> None:
    output, _ = survey_person(tmp_path, ["Fraud", "2", "q"], respondent="Chloé", role="platform engineer")
    assert output.code == 0
    out = tmp_path / "Chloé.yaml"
    assert 'respondent: "Chloé"\nrole: "platform engineer"\n' in out.read_text(encoding="utf-8")
    io = Script(["", "", "3", "q"])  # resumed by file name: who answered stays as it was
    assert run(out, None, SURVEY, io, io.layout, today=DAY).code == 0
    again = load_answers(out, survey_q)
    assert (again.respondent, again.role) == ("Chloé", "platform engineer")
    assert again.given["ship.method"] == Answer(answer="pipeline")


def survey_person(folder: Path, inputs: list[str | BaseException], **person: str) -> tuple[Output, Script]:
    io = Script(inputs)
    return run(folder, None, SURVEY, io, io.layout, today=DAY, **person), io


def test_a_respondent_added_to_an_existing_file_keeps_its_comments(tmp_path: Path, survey_q: Questionnaire) -> None:
    out = tmp_path / "answers.yaml"
    out.write_text("# our notes\nteam: Fraud  # the team\nanswers:\n  ship.prod: one  # checked\n", encoding="utf-8")
    io = Script(["", "q"])
    assert run(out, None, SURVEY, io, io.layout, today=DAY, respondent="Dev").code == 0
    text = out.read_text(encoding="utf-8")
    assert "# our notes" in text and "# checked" in text and io.notes == []
    assert load_answers(out, survey_q).respondent == "Dev"


def test_a_name_that_cannot_name_a_file_or_a_team_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no letters or digits"):
        survey_person(tmp_path, [], respondent="../..")
    with pytest.raises(UsageError, match="or --respondent NAME"):
        survey(tmp_path, [])
    with pytest.raises(UsageError, match="a folder; add --respondent NAME"):
        survey(f"{tmp_path}/new/", [])
    assert not (tmp_path / "new").exists()
    team = tmp_path / "team.yaml"
    team.write_text("answers:\n  ship.prod: one\nconsensus:\n  respondents:\n    Ana: {}\n", encoding="utf-8")
    with pytest.raises(UsageError, match="merged by `mlops-maturity consensus`"):
        survey(team, [])


def test_respondent_file_names_stay_inside_the_folder() -> None:
    from mlops_maturity.cli.commands.survey import respondent_file

    assert respondent_file("Ana Lima") == "Ana-Lima.yaml"
    assert respondent_file("../etc/passwd") == "etc-passwd.yaml"
    assert respondent_file("Zoë O'Neil") == "Zoë-O-Neil.yaml"
