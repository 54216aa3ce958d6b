"""Properties of the engine over generated questionnaires and answers (see ``strategies.py``).

Each example generates a whole questionnaire folder and loads it, which costs
far more than checking a property, so every test checks several answer sheets
per questionnaire and keeps ``max_examples`` modest. When a property fails,
shrinking regenerates and reloads questionnaires many times and can take a few
minutes; the example it prints is small.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlops_maturity.choices import ScoreFormat
from mlops_maturity.cli.commands import init, score
from mlops_maturity.cli.commands import survey as survey_command
from mlops_maturity.cli.options.score import ScoreOptions
from mlops_maturity.engine.assess import assess
from mlops_maturity.engine.model.answers import Answer
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.engine.model.result import Result
from mlops_maturity.engine.scoring.gates import Thresholds, evaluate_checks
from mlops_maturity.files.answers.reader import load_answers
from mlops_maturity.files.answers.update import update_answers_text
from mlops_maturity.files.answers.writer import render_answers_file
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.render.formats import render_score
from mlops_maturity.render.options import RenderOptions
from mlops_maturity.render.score import ScoreReport

from support import ROOT, parse_answers
from support.questionnaire_strategies import Folder, folders, questionnaires, written
from support.scripted_io import Script
from support.strategies import answers_of, dates, given_answers, raisable, texts

# Generating and loading a questionnaire is the expensive part of every example.
SOME = settings(max_examples=35, deadline=None)
FEW = settings(max_examples=20, deadline=None)
SHEETS = 3  # answer sheets checked per generated questionnaire
DAY = dt.date(2026, 11, 22)


def level_of(q: Questionnaire, result: Result) -> int:
    return q.level_rank[result.level.id]


def check_in_range(q: Questionnaire, result: Result) -> None:
    assert 0 <= result.overall_score <= 100
    assert all(d.score is None or 0 <= d.score <= 100 for d in result.dimensions)
    assert 0 <= result.stage.progress_to_next <= 1
    assert 0 <= result.completeness.ratio <= 1
    assert 0 <= result.stage.number <= q.top_stage
    assert all(0 <= r.points <= r.max_points for r in result.answers)


@SOME
@given(folder=folders(), data=st.data())
def test_every_generated_questionnaire_loads_and_every_answer_sheet_scores_in_range(
    folder: Folder, data: st.DataObject
) -> None:
    with written(folder) as directory:
        q = load_questionnaire(directory)  # a generated folder that fails to load fails here
    for _ in range(SHEETS):
        given = data.draw(given_answers(q))
        target = data.draw(st.one_of(st.none(), st.integers(0, q.top_stage + 2)))
        result = assess(q, answers_of(q, given), target_stage=target)
        check_in_range(q, result)
        assert all(result.stage.number < g.stage <= result.target_stage for g in result.gaps)
        checks = evaluate_checks(q, result, Thresholds(min_stage=q.top_stage, min_level=q.levels[-1].id))
        report = ScoreReport(result=result, checks=checks, file="a.yaml")
        for fmt in ScoreFormat:
            assert render_score(fmt, report, RenderOptions(width=80)).endswith("\n"), fmt


@FEW
@given(q=questionnaires())
def test_nothing_answered_is_the_bottom_and_the_best_answers_are_the_top(q: Questionnaire) -> None:
    # integrity._cycles relies on this: with only at_least conditions, the best answers reach every rung.
    bottom = assess(q, answers_of(q, {}))
    assert (bottom.stage.number, level_of(q, bottom), bottom.overall_score) == (0, 0, 0.0)
    best = {x.id: Answer(answer=x.option_ids[-1]) for x in q.questions}
    top = assess(q, answers_of(q, best))
    assert (top.stage.number, level_of(q, top), top.overall_score) == (q.top_stage, len(q.levels) - 1, 100.0)
    assert top.gaps == () and top.completeness.ratio == 1.0


@SOME
@given(q=questionnaires(), data=st.data())
def test_raising_one_answer_never_lowers_stage_level_or_scores(q: Questionnaire, data: st.DataObject) -> None:
    for _ in range(SHEETS):
        given = data.draw(given_answers(q, texts_too=False))
        candidates = [x for x in q.questions if raisable(x, given.get(x.id))]
        if not candidates:  # every answer is already the best option
            continue
        question = data.draw(st.sampled_from(candidates))
        old = given.get(question.id)
        new = data.draw(st.sampled_from(raisable(question, old)))
        before = assess(q, answers_of(q, given))
        after = assess(q, answers_of(q, {**given, question.id: Answer(answer=new)}))
        assert after.stage.number >= before.stage.number
        assert after.stage.delivery.number >= before.stage.delivery.number
        assert level_of(q, after) >= level_of(q, before)
        if old is not None and old.answer in question.option_ids:
            # From "not applicable" to an option the question joins its dimension's average, which
            # may then fall; between options every score can only rise.
            for was, now in zip(before.dimensions, after.dimensions, strict=True):
                assert was.score is None or now.score is None or now.score >= was.score, was.id
            assert after.overall_score >= before.overall_score


def _write_answers(path: Path, q: Questionnaire, given: dict[str, Answer], team: str) -> None:
    """An answers file written by PyYAML, independent of the writer under test."""
    answers: dict[str, Any] = {
        qid: {k: v for k, v in a.model_dump().items() if v is not None} for qid, a in given.items()
    } or {q.questions[0].id: None}
    data = {"questionnaire": q.id, "team": team, "answers": answers}
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8", newline="\n")


@SOME
@given(folder=folders(), data=st.data())
def test_score_json_is_byte_identical_across_runs_and_loads(folder: Folder, data: st.DataObject) -> None:
    with written(folder) as directory:
        q = load_questionnaire(directory)
        path = directory.parent / "answers.yaml"
        _write_answers(path, q, data.draw(given_answers(q)), data.draw(texts(200)))
        options = ScoreOptions(fmt=ScoreFormat.json, questionnaire=directory)
        first, second = score.run(path, options), score.run(path, options)
        assert first == second
        again = load_questionnaire(directory)
        assert again == q
        report = ScoreReport(result=assess(again, load_answers(path, again)))
        assert render_score(ScoreFormat.json, report, RenderOptions()) == first.stdout


_SCORE_ALL = """
import sys
from pathlib import Path
from mlops_maturity.choices import ScoreFormat
from mlops_maturity.cli.commands.score import run
from mlops_maturity.cli.options.score import ScoreOptions
for folder in sorted(Path(sys.argv[1]).iterdir()):
    options = ScoreOptions(fmt=ScoreFormat.json, questionnaire=folder / "q")
    sys.stdout.write(run(folder / "answers.yaml", options).stdout)
"""


@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cases=st.lists(folders(), min_size=12, max_size=12), data=st.data())
def test_score_json_is_identical_across_processes_with_different_hash_seeds(
    cases: list[Folder], data: st.DataObject
) -> None:
    # One example of many questionnaires: a process per hash seed is what costs, not the questionnaires.
    # (too_slow and data_too_large: one example holds a dozen generated questionnaires by design.)
    with tempfile.TemporaryDirectory(prefix="mm-props-") as tmp:
        for i, folder in enumerate(cases):
            case = Path(tmp) / f"{i:02d}"
            q = load_questionnaire(folder.write(case / "q"))
            _write_answers(case / "answers.yaml", q, data.draw(given_answers(q)), "team")
        outputs = set()
        for seed in ("0", "1", "12345"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            proc = subprocess.run(
                [sys.executable, "-c", _SCORE_ALL, tmp], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
            )
            assert proc.returncode == 0, proc.stderr
            outputs.add(proc.stdout)
        assert len(outputs) == 1


def expected(given: dict[str, Answer]) -> dict[str, Answer]:
    """What a written file reads back as: an empty evidence or reason is not written at all."""
    return {
        qid: Answer(answer=a.answer, evidence=a.evidence or None, reason=a.reason or None) for qid, a in given.items()
    }


HINTS = st.one_of(
    st.none(),
    st.sampled_from(("mlops-answers.schema.json", "../schemas/my answers #1.json", "https://example.com/s.json")),
)


@SOME
@given(q=questionnaires(), data=st.data())
def test_the_answers_file_writer_round_trips(q: Questionnaire, data: st.DataObject) -> None:
    for _ in range(SHEETS):
        given = data.draw(st.one_of(st.just({}), given_answers(q)))
        team, day = data.draw(texts(200, min_size=0)), data.draw(dates())
        with_help, slots, hint = data.draw(st.booleans()), data.draw(st.booleans()), data.draw(HINTS)
        text = render_answers_file(q, team, day, given, with_help=with_help, schema_hint=hint, evidence_slots=slots)
        loaded = parse_answers(text, "a.yaml", q)
        assert loaded.given == expected(given)
        assert (loaded.questionnaire, loaded.team, loaded.assessed_on) == (q.id, team.strip(), day)
        assert set(loaded.lines) == {x.id for x in q.questions}


@FEW
@given(folder=folders(), team=texts(200, min_size=0), no_schema=st.booleans())
def test_the_init_template_reads_back_with_no_answers(folder: Folder, team: str, no_schema: bool) -> None:
    with written(folder) as directory:
        out = directory.parent / "answers.yaml"
        output = init.run(out, force=False, team=team, questionnaire=directory, no_schema=no_schema)
        assert output.code == 0
        q = load_questionnaire(directory)
        loaded = load_answers(out, q)
        assert (loaded.given, loaded.questionnaire, loaded.team) == ({}, q.id, team.strip())


KEYS = st.sampled_from(("1", "2", "3", "4", "5", "6", "0", "u", "n", "b", "?", "h", "q", "", "x", " 2 "))
TYPED = st.one_of(KEYS, KEYS, texts(30, min_size=0).map(lambda t: t.replace("\n", " ")))


@SOME
@given(folder=folders(), data=st.data())
def test_every_file_the_survey_saves_reads_back_as_what_it_saved(folder: Folder, data: st.DataObject) -> None:
    # Both ways a save is made: an in-place edit of the file as it stands, or (when that is not
    # safe) a fresh write. Each records what it was asked to save and the text it made.
    saves: list[tuple[str, dict[str, Any], str]] = []

    def fresh(q: Questionnaire, team: str, **kwargs: Any) -> str:
        text = render_answers_file(q, team, **kwargs)
        saves.append((team, {**kwargs, "given": dict(kwargs["given"])}, text))
        return text

    def edited(
        text: str, q: Questionnaire, team: str, assessed_on: dt.date, given: dict[str, Answer], **kwargs: str
    ) -> str | None:
        new = update_answers_text(text, q, team, assessed_on, given, **kwargs)
        if new is not None:
            saves.append((team, {"assessed_on": assessed_on, "given": dict(given)}, new))
        return new

    with written(folder) as directory:
        q = load_questionnaire(directory)
        out = directory.parent / "answers.yaml"
        team: str | None = None
        if data.draw(st.booleans()):  # resume a file written by someone else, evidence and all
            _write_answers(out, q, data.draw(given_answers(q)), data.draw(texts(200)))
        else:
            team = data.draw(st.one_of(st.none(), texts(200)))
        inputs: list[str | BaseException] = list(data.draw(st.lists(TYPED, max_size=30)))
        if data.draw(st.booleans()):
            inputs.append(KeyboardInterrupt())
        io = Script(inputs)
        with (
            mock.patch.object(survey_command, "render_answers_file", fresh),
            mock.patch.object(survey_command, "update_answers_text", edited),
        ):
            output = survey_command.run(out, team, directory, io, io.layout, today=DAY)
        assert output.code in (0, 130)
        for saved_team, saved, text in saves:
            loaded = parse_answers(text, str(out), q)
            assert loaded.given == expected(saved["given"])
            assert (loaded.team, loaded.assessed_on) == (saved_team.strip(), saved["assessed_on"])
        if saves:
            assert out.read_text(encoding="utf-8") == saves[-1][2]
