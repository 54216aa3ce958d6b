"""The survey's screens: exact text at 80 columns, ASCII fallback, colour, escaping, height."""

from __future__ import annotations

import pytest

from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.survey import screen
from mlops_maturity.survey.flow import Position
from mlops_maturity.survey.layout import ScreenOptions
from mlops_maturity.survey.screen import QuestionView

UNICODE = ScreenOptions(color=False, unicode=True, width=80, height=24)
ASCII = ScreenOptions(color=False, unicode=False, width=80, height=24)


def view(q: Questionnaire, qid: str = "ship.latency", **changes: object) -> QuestionView:
    base: dict[str, object] = {
        "title": q.title,
        "team": "Fraud detection",
        "question": q.by_id[qid],
        "position": Position(3, 5, 2, 1, 2, "Shipping models"),
        "current": None,
    }
    return QuestionView(**{**base, **changes})  # type: ignore[arg-type]


def test_question_screen_in_ascii(survey_q: Questionnaire) -> None:
    """The screen itself is pinned by tests/golden/survey/question-ascii.txt (see tests/support/generated.py)."""
    text = screen.question(view(survey_q, current="2"), ASCII)
    assert text.isascii()


def test_welcome_back_screen(survey_q: Questionnaire) -> None:
    text = screen.welcome(survey_q, "a.yaml", 3, 2, 3, UNICODE, team="Fraud")
    assert text.splitlines()[:4] == [
        "Survey test",
        "Team: Fraud",
        "Welcome back. a.yaml already holds 2 answers; the survey picks up at question",
        "3, with 3 to go (about 1 minute).",
    ]


@pytest.mark.parametrize("width", [40, 60, 80, 100])
def test_every_line_fits_the_width(survey_q: Questionnaire, width: int) -> None:
    long_team = "A team with a very long name that goes on and on " * 3
    options = ScreenOptions(unicode=True, width=width, height=40)
    for text in (
        screen.question(view(survey_q, team=long_team, show_help=True), options),
        screen.welcome(survey_q, "some/long/path/" * 5 + "answers.yaml", 3, 0, 1, options),
    ):
        assert max(len(line) for line in text.splitlines()) <= width


def test_blank_lines_go_first_when_the_terminal_is_short(survey_q: Questionnaire) -> None:
    tall = screen.question(view(survey_q, show_help=True), ScreenOptions(height=40))
    short = screen.question(view(survey_q, show_help=True), ScreenOptions(height=16))
    assert "" in tall.splitlines()
    assert "" not in short.splitlines()
    assert [line for line in tall.splitlines() if line] == short.splitlines()


def test_user_text_is_not_markup(survey_q: Questionnaire) -> None:
    text = screen.question(view(survey_q, team="[bold red]Team[/]"), ScreenOptions(color=True))
    assert "[bold red]Team[/]" in text


def test_colour_only_when_asked(survey_q: Questionnaire) -> None:
    assert "\x1b[" in screen.question(view(survey_q), ScreenOptions(color=True))
    assert "\x1b[" not in screen.question(view(survey_q), ScreenOptions(color=False))


def test_keys_line_offers_n_only_where_allowed(survey_q: Questionnaire) -> None:
    assert screen.keys_line(survey_q.by_id["ship.prod"], ASCII) == (
        "1-3 answer - u don't know - ? help - b back - q save & quit"
    )
    assert screen.keys_line(survey_q.by_id["ship.latency"], UNICODE) == (
        "1-3 answer · u don't know · n does not apply · ? help · b back · q save & quit"
    )


def test_a_scope_question_offers_no_dont_know(shipped: Questionnaire) -> None:
    question = shipped.by_id["systems.llm_apps"]
    assert screen.keys_line(question, ASCII) == "1-3 answer - ? help - b back - q save & quit"
    drawn = screen.question(view(shipped, "systems.llm_apps"), ASCII)
    assert "Don't know" not in drawn and "Yes, at least one is in production" in drawn


@pytest.mark.parametrize(
    ("questions", "expected"), [(1, "about 1 minute"), (5, "about 1 minute"), (55, "about 11 minutes")]
)
def test_minutes(questions: int, expected: str) -> None:
    assert screen.minutes(questions) == expected


def test_lines_that_repeat_the_options_go_last(survey_q: Questionnaire) -> None:
    v = view(survey_q, show_help=True, current="2")
    roomy = screen.question(v, ScreenOptions(height=16))
    tight = screen.question(v, ScreenOptions(height=14))
    assert "Most mature:" in roomy and "Your answer so far" in roomy and "" not in roomy.splitlines()
    assert "Most mature:" not in tight and "Your answer so far" not in tight
    assert " ▸  2  A written target" in tight
    assert len(tight.splitlines()) == 12


@pytest.mark.parametrize(("width", "height"), [(60, 20), (80, 24)])
def test_help_never_pushes_the_question_off_a_small_screen(shipped: Questionnaire, width: int, height: int) -> None:
    options = ScreenOptions(width=width, height=height)
    too_tall = []
    for i, qn in enumerate(shipped.questions):
        position = Position(i + 1, len(shipped.questions), i, 1, len(shipped.dimensions), "Section")
        view = QuestionView(shipped.title, "Fraud detection", qn, position, current="2", show_help=True)
        text = screen.question(view, options)
        if text.count("\n") + 1 > height or qn.title not in text:  # +1: the prompt line
            too_tall.append(qn.id)
    assert too_tall == []
