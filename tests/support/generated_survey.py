"""Generated files of the survey: its screens, drawn from a scripted run."""

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mlops_maturity.files.questionnaire.loader import load_questionnaire

from support import SURVEY
from support.artefact import Artefact, environment

# --- the survey ----------------------------------------------------------------------------------------------

SURVEY_INPUTS = ["Fraud & Risk", "2", "3", "n", "batch only", "u", "3", ""]


def finished_survey() -> tuple[str, str]:
    """The answers file and the end screen of a survey answered to the end, in a folder of its own."""
    import datetime as dt

    from mlops_maturity.cli.commands.survey import run

    from support.scripted_io import Script

    with tempfile.TemporaryDirectory() as tmp, environment({}, Path(tmp)):
        shutil.copytree(SURVEY, "q")  # relative paths keep this machine's folders out
        script = Script(list(SURVEY_INPUTS))
        output = run(Path("answers.yaml"), None, Path("q"), script, script.layout, today=dt.date(2026, 11, 22))
        assert output.code == 0 and output.stderr == (), output
        return Path("answers.yaml").read_text(encoding="utf-8"), output.stdout


def _screen(name: str) -> Callable[[], str]:
    def make() -> str:
        from mlops_maturity.survey import screen
        from mlops_maturity.survey.flow import Position
        from mlops_maturity.survey.layout import ScreenOptions
        from mlops_maturity.survey.screen import QuestionView

        q = load_questionnaire(SURVEY)
        unicode = ScreenOptions(color=False, unicode=True, width=80, height=24)
        if name == "welcome":
            return screen.welcome(q, "mlops-answers.yaml", 3, 0, 1, unicode)
        view: dict[str, object] = {
            "title": q.title,
            "team": "Fraud detection",
            "question": q.by_id["ship.latency"],
            "position": Position(3, 5, 2, 1, 2, "Shipping models"),
            "current": None,
        }
        if name == "question-help":
            view.update(current="n", reason="batch only", notice="There is no option 7.", show_help=True)
        if name == "question-ascii":
            view.update(current="2")
            return screen.question(QuestionView(**view), ScreenOptions(color=False, unicode=False, width=80, height=24))  # type: ignore[arg-type]
        return screen.question(QuestionView(**view), unicode)  # type: ignore[arg-type]

    return make


SCREENS = ("question", "question-help", "question-ascii", "welcome")


def survey() -> list[Artefact]:
    return [
        Artefact("tests/golden/survey/answers.yaml", lambda: finished_survey()[0]),
        Artefact("tests/golden/survey/summary.txt", lambda: finished_survey()[1]),
        *(
            Artefact(f"tests/golden/survey/{n}.txt", _screen(n))
            for n in ("question", "question-help", "question-ascii", "welcome")
        ),
    ]
