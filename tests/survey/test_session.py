"""The survey loop driven by a script of typed lines (the injected ask function)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.survey.flow import Flow
from mlops_maturity.survey.layout import ScreenOptions
from mlops_maturity.survey.session import Ending, Session, Stopped

from support import SURVEY
from support.scripted_io import Script

Saved = list[tuple[str, dict[str, Answer]]]


def run(
    q: Questionnaire, inputs: list[str | BaseException], team: str = "", given: dict[str, Answer] | None = None
) -> tuple[Ending, Script, Saved, Flow]:
    """Run a session; with ``team`` given, the welcome's "Press Enter to start" is answered first."""
    saved: Saved = []
    io = Script(([""] if team else []) + inputs)
    flow = Flow(q, given)
    session = Session(
        flow=flow, io=io, save=lambda t, a: saved.append((t, dict(a))), layout=io.layout, out="a.yaml", team=team
    )
    return session.run(ask_team=not team), io, saved, flow


def test_a_whole_survey_saves_after_every_answer(survey_q: Questionnaire) -> None:
    ending, io, saved, _ = run(survey_q, ["Fraud", "2", "3", "n", "batch only", "u", "3", ""])
    assert ending == Ending("finished", 0)
    assert [len(a) for _, a in saved] == [0, 1, 2, 3, 4, 5]  # the first save is the team name alone
    assert {t for t, _ in saved} == {"Fraud"}
    assert saved[-1][1] == {
        "ship.prod": Answer(answer="one"),
        "ship.method": Answer(answer="pipeline"),
        "ship.latency": Answer(answer="not_applicable", reason="batch only"),
        "watch.drift": Answer(answer="unknown"),
        "watch.owner": Answer(answer="rota"),
    }
    assert (
        io.prompts
        == ["Team name: ", "> ", "> ", "> ", "Why does it not apply? One line, Enter to cancel: "] + ["> "] * 3
    )
    assert io.screens[-1].startswith("That was the last question.")


def test_invalid_input_asks_again_politely_and_loses_nothing(survey_q: Questionnaire) -> None:
    ending, io, saved, flow = run(survey_q, ["T", "1", "7", "maybe", "2"], team="")
    assert ending == Ending("quit", 0, at_prompt=True)  # the script ran dry: end of input (Ctrl-D)
    assert "There is no option 7. Type a number from 1 to 3, or u, n, ?, b, q." in io.screens[3]
    assert "'maybe' is not one of the choices." in io.screens[4]
    assert "maybe" not in io.screens[5]  # the notice is shown once
    assert flow.given == {"ship.prod": Answer(answer="none"), "ship.latency": Answer(answer="written")}
    assert len(saved) == 3


def test_help_shows_why_the_question_matters(survey_q: Questionnaire) -> None:
    _, io, _, _ = run(survey_q, ["?"], team="T")
    assert "Why it matters:" not in io.screens[1]
    assert "Why it matters: Count only models whose outputs people or systems act on." in io.screens[2]
    assert "Most mature:    Two or more" in io.screens[2]


def test_back_changes_the_previous_answer(survey_q: Questionnaire) -> None:
    _, io, _, flow = run(survey_q, ["1", "b", "3"], team="T")
    assert "Your answer so far is marked ▸; press Enter to keep it." in io.screens[3]
    assert " ▸  1  None" in io.screens[3]
    assert flow.given == {"ship.prod": Answer(answer="many")}
    assert flow.current is not None and flow.current.id == "ship.method"


def test_back_at_the_first_question_says_so(survey_q: Questionnaire) -> None:
    _, io, _, _ = run(survey_q, ["b"], team="T")
    assert "This is the first question; there is nothing before it." in io.screens[2]


def test_enter_keeps_the_answer_given_before(survey_q: Questionnaire) -> None:
    _, _io, saved, flow = run(survey_q, ["1", "b", ""], team="T")
    assert flow.current is not None and flow.current.id == "ship.latency"
    assert len(saved) == 2  # keeping is not a new answer


def test_not_applicable_asks_why_and_can_be_cancelled(survey_q: Questionnaire) -> None:
    _, io, _saved, flow = run(survey_q, ["1", "n", "", "n", "  we only   score in batch  "], team="T")
    assert "Kept as it was: a 'does not apply' answer needs a reason." in io.screens[3]
    assert flow.given["ship.latency"] == Answer(answer="not_applicable", reason="we only score in batch")


def test_q_saves_and_quits(survey_q: Questionnaire) -> None:
    ending, _, saved, _flow = run(survey_q, ["2", "q"], team="T")
    assert ending == Ending("quit", 0)
    assert saved[-1] == ("T", {"ship.prod": Answer(answer="one")})


def test_ctrl_c_and_signals_end_the_survey_with_their_exit_codes(survey_q: Questionnaire) -> None:
    assert run(survey_q, ["2", KeyboardInterrupt()], team="T")[0] == Ending("interrupted", 130)
    assert run(survey_q, ["2", Stopped(143)], team="T")[0] == Ending("interrupted", 143)
    assert run(survey_q, [KeyboardInterrupt()])[0] == Ending("interrupted", 130)  # at the team prompt


def test_the_team_name_is_required_and_tidied(survey_q: Questionnaire) -> None:
    _, io, saved, _ = run(survey_q, ["   ", "x" * 201, "  Fraud   and  risk "])
    assert io.notes == ["Please type your team's name (up to 200 characters); the file and the report use it."] * 2
    assert saved[0][0] == "Fraud and risk"


def test_a_given_team_is_not_asked_for(survey_q: Questionnaire) -> None:
    _, io, _, _ = run(survey_q, [], team="Known")
    assert io.prompts[0] == "Press Enter to start. "
    assert "Team: Known" in io.screens[0]


def test_resume_says_where_it_picks_up(survey_q: Questionnaire) -> None:
    given = {"ship.prod": Answer(answer="one"), "ship.method": Answer(answer="manual")}
    _, io, _, flow = run(survey_q, [], team="T", given=given)
    assert "Welcome back. a.yaml already holds 2 answers; the survey picks up at question 3, with 3 to go" in (
        " ".join(io.screens[0].split())
    )
    assert flow.current is not None and flow.current.id == "ship.latency"
    assert "Question 3 of 5" in io.screens[1]


def test_the_closing_prompt_can_go_back_or_quit(survey_q: Questionnaire) -> None:
    done = {
        "ship.prod": Answer(answer="none"),
        "ship.latency": Answer(answer="none"),
        "watch.owner": Answer(answer="author"),
    }
    ending, io, _, flow = run(survey_q, ["x", "b", "3", ""], team="T", given=done)
    assert ending == Ending("finished", 0)
    assert io.notes == ["Press Enter for the result, b to go back, or q to quit."]
    assert flow.given["watch.owner"] == Answer(answer="rota")
    assert run(survey_q, ["q"], team="T", given=done)[0] == Ending("quit", 0)


def _percent(screen: str) -> int:
    import re

    found = re.search(r"(\d+)% answered", screen)
    assert found is not None, screen
    return int(found.group(1))


def test_when_more_questions_apply_it_says_why_and_the_bar_never_goes_back(survey_q: Questionnaire) -> None:
    _, io, _, _ = run(survey_q, ["1", "b", "2"], team="T")  # None, back, then One: two questions start to apply
    questions = [s for s in io.screens if "% answered" in s]
    assert "Question 1 of 3" in questions[0] and "Question 2 of 3" in questions[1]
    assert "Question 2 of 5" in questions[3]  # ship.method now applies
    assert "2 more questions now apply after your last answer." in questions[3]
    assert all("more question" not in s for s in questions[:3])
    percents = [_percent(s) for s in questions]
    assert percents == sorted(percents)  # 1 of 3 is 33%; 1 of 5 would be 20%: it stays at 33%
    assert percents[3] == percents[2] == 33


def test_when_questions_stop_applying_it_says_so(survey_q: Questionnaire) -> None:
    _, io, _, _ = run(survey_q, ["2", "b", "1"], team="T")
    questions = [s for s in io.screens if "% answered" in s]
    assert "2 questions no longer apply after your last answer." in questions[-1]


# --- a small window and a survey that comes back to a question (issue 22, item 16) ----------------------


def test_help_cut_to_fit_a_small_window_is_one_key_away_in_full(survey_q: Questionnaire) -> None:
    """At 60x20 a long help is cut beside the options; ? again shows all of it, and Enter returns to the question."""
    help_text = " ".join(f"Sentence {i} of why this question matters, with enough words to wrap." for i in range(12))
    question = survey_q.questions[0].model_copy(update={"help": help_text})
    q = survey_q.model_copy(update={"questions": (question, *survey_q.questions[1:])})
    small = ScreenOptions(color=False, unicode=True, width=60, height=20)
    saved: Saved = []
    io = Script(["", "?", "?", "", "q"])
    session = Session(
        flow=Flow(q), io=io, save=lambda t, a: saved.append((t, dict(a))), layout=lambda: small, out="a.yaml", team="T"
    )
    session.run(ask_team=False)
    with_help, page, again = io.screens[2], io.screens[3], io.screens[4]
    assert len(with_help.splitlines()) < 20 and "? again: the whole help" in with_help
    assert "Sentence 11" not in with_help
    assert " ".join(page.split()).count("Sentence") == 12  # every sentence, none cut
    assert "Press Enter to go back to the question." in page
    assert "Question 1 of" in again and "Why it matters" not in again


def test_coming_back_to_a_question_without_an_answer_says_why(tmp_path: Path) -> None:
    """An answer late in the survey makes an earlier question apply (the shipped questionnaire has such questions);
    after the last one the survey goes back to it, and says so rather than jumping from question 4 to 3."""
    folder = tmp_path / "q"
    shutil.copytree(SURVEY, folder)
    ship = folder / "questions" / "ship.yaml"
    text = ship.read_text(encoding="utf-8").replace(
        "    allow_not_applicable: true\n",
        "    allow_not_applicable: true\n    applies_when: {question: watch.owner, at_least: author}\n",
    )
    ship.write_text(text, encoding="utf-8")
    ending, io, _, _ = run(load_questionnaire(folder), ["2", "2", "2", "2", "2", ""], team="T")
    assert ending == Ending("finished", 0)
    screens = [" ".join(text.split()) for text in io.screens if "Question " in text]
    numbers = [int(re.search(r"Question (\d+) of \d+", text)[1]) for text in screens]  # type: ignore[index]
    assert numbers == [1, 2, 3, 4, 3]
    assert "Back to question 3: it has no answer yet (1 question still open)." in screens[-1]
    assert all("Back to question" not in text for text in screens[:-1])


def test_a_file_from_before_the_scope_questions_keeps_its_meaning_with_enter(shipped: Questionnaire) -> None:
    """Resuming an answers file that never said what the team runs: each scope question offers the answer
    ``score`` already reads the file as, and Enter keeps it (a stray "1" once dropped 29 questions)."""
    from mlops_maturity.files.answers.reader import load_answers

    from support import EXAMPLES

    given = load_answers(EXAMPLES / "stage3-platform-serving.yaml", shipped).given
    scope = [q for q in shipped.questions if q.scope and q.applies_when is None]  # retrieval: only with LLM apps
    assert len(scope) == 3 and not any(q.id in given for q in scope)
    ending, io, _, flow = run(shipped, [""] * len(scope) + ["q"], team="Forecasting", given=given)
    assert ending == Ending("quit", 0)  # "q" at the closing prompt
    assert all(flow.given[q.id] == Answer(answer=q.default) for q in scope)
    assert "A file that does not say is read as ▸ 3; Enter accepts it." in io.screens[1]
    assert flow.done  # every other question was answered already
