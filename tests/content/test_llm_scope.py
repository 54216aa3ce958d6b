"""A team of trained models gets exactly the result it got before the questionnaire asked about LLM systems.

Every profile and every example that does not answer the scope questions (``systems.*``) is scored
twice through the real command line: with the shipped questionnaire, and with the same questionnaire
stripped of every LLM part (``support/without_llm.py``). ``score --format json``, ``score`` as text and
``report`` (Markdown and its chart) must be the same to the byte. A risk, rule, discipline, question,
stage reading or criterion reading about LLM systems that reaches such a team shows as a difference.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from mlops_maturity.engine.model.conditions import AnyOf, QuestionAtom
from mlops_maturity.engine.model.questionnaire import Questionnaire

from support import DATA, EXAMPLES, Run
from support.without_llm import LLM_DIMENSIONS, llm_questions, without_llm, write_folder

Cli = Callable[..., Run]


def _answers(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    answers = data.get("answers") if isinstance(data, dict) else None
    return answers if isinstance(answers, dict) else {}


def _scope_answers(path: Path) -> dict[str, object]:
    return {k: v for k, v in _answers(path).items() if str(k).startswith("systems.")}


def _trained_only(paths: list[Path]) -> list[Path]:
    """The files that answer no scope question (a team file from ``consensus`` lists them, left blank)."""
    return [p for p in paths if not any(v is not None for v in _scope_answers(p).values())]


PROFILES = _trained_only(sorted((DATA / "profiles").glob("*.yaml")))
EXAMPLE_FILES = _trained_only(sorted(p for p in EXAMPLES.rglob("*.yaml") if _answers(p)))


@pytest.fixture(scope="module")
def stripped(shipped: Questionnaire, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_folder(without_llm(shipped), tmp_path_factory.mktemp("without-llm") / "q")


def _answers_file(path: Path, folder: Path) -> Path:
    """A profile as an answers file (an example already is one)."""
    if path.is_relative_to(EXAMPLES):
        return path
    out = folder / f"{path.stem}.yaml"
    document = {"questionnaire": "mlops-maturity", "team": path.stem, "answers": _answers(path)}
    out.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return out


BLANK_LLM = re.compile(r"^  (?:systems|llm)\.[a-z_]+:[ \t]*\n", re.MULTILINE)


def _without_blank_llm(answers: Path, folder: Path) -> Path:
    """The file as it was before the questionnaire asked about LLM systems: blank LLM and scope entries out.

    A team file written by ``consensus`` lists every question, those its respondents left blank too.
    """
    text = answers.read_text(encoding="utf-8")
    blank = [k for k, v in _answers(answers).items() if str(k).startswith(("systems.", "llm.")) and v is None]
    if not blank:
        return answers
    older, removed = BLANK_LLM.subn("", text)
    assert removed == len(blank), answers
    out = folder / "before-llm" / answers.name
    out.parent.mkdir()
    out.write_text(older, encoding="utf-8")
    return out


def _outputs(cli: Cli, answers: Path, questionnaire: Path | None, folder: Path) -> dict[str, str]:
    """What ``score`` (JSON and text) and ``report`` (Markdown and chart) make of ``answers``."""
    extra = [] if questionnaire is None else ["--questionnaire", questionnaire]
    out: dict[str, str] = {}
    for fmt in ("json", "text"):
        run = cli("score", answers, "--format", fmt, *extra)
        assert run.code == 0, run.err
        out[f"score {fmt}"] = run.out
    folder.mkdir()
    run = cli("report", answers, "-o", folder / "report.md", *extra)
    assert run.code == 0, run.err
    out["report"] = (folder / "report.md").read_text(encoding="utf-8")
    out["chart"] = (folder / "report.svg").read_text(encoding="utf-8")
    return out


def _differences(cli: Cli, answers: Path, one: Path | None, other: Path, tmp_path: Path) -> dict[str, str]:
    """The outputs that differ between two questionnaires, each with the start of its diff.

    The second questionnaire reads the file without its blank LLM entries.
    """
    a = _outputs(cli, answers, one, tmp_path / "a")
    b = _outputs(cli, _without_blank_llm(answers, tmp_path), other, tmp_path / "b")
    return {
        name: "\n".join(list(difflib.unified_diff(a[name].splitlines(), b[name].splitlines(), lineterm=""))[:30])
        for name in a
        if a[name] != b[name]
    }


def test_every_trained_profile_and_example_is_held(shipped: Questionnaire) -> None:
    """The files held equal are those written before the scope questions: none left out by mistake."""
    assert len(PROFILES) >= 25 and len(EXAMPLE_FILES) >= 6
    assert {p.stem for p in EXAMPLE_FILES} >= {"stage1-pilot", "stage5-full-automation", "team"}
    llm_profiles = {p.stem for p in (DATA / "profiles").glob("*.yaml")} - {p.stem for p in PROFILES}
    assert llm_profiles and all(name.startswith("llm_") for name in llm_profiles)


def test_the_stripped_copy_has_no_llm_part_left(shipped: Questionnaire, stripped: Path) -> None:
    from mlops_maturity.files.questionnaire.loader import load_questionnaire

    q = load_questionnaire(stripped)
    removed = llm_questions(shipped)
    assert removed and removed.isdisjoint(q.by_id)
    assert not q.system_kinds and not {d.id for d in q.dimensions} & LLM_DIMENSIONS
    assert all(not x.systems for x in q.questions)
    for stage in q.stages:
        assert not stage.readings and not stage.summary_kinds and not stage.meaning_kinds
        for criterion in stage.criteria:
            assert all(r.kind is None and r.question not in removed for r in criterion.readings)
    assert sum(len(s.risks) for s in q.stages) < sum(len(s.risks) for s in shipped.stages)
    assert len(q.rules) < len(shipped.rules)
    # what a team of trained models is asked is unchanged in every other way
    kept = [x.model_copy(update={"systems": ()}) for x in shipped.questions if x.id not in removed]
    assert list(q.questions) == kept


@pytest.mark.parametrize("path", PROFILES + EXAMPLE_FILES, ids=lambda p: p.stem)
def test_a_trained_only_team_gets_what_it_got_before_llm_systems(
    cli: Cli, stripped: Path, path: Path, tmp_path: Path
) -> None:
    answers = _answers_file(path, tmp_path)
    differences = _differences(cli, answers, None, stripped, tmp_path)
    assert not differences, "\n\n".join(
        f"{name} (shipped, then without LLM parts):\n{d}" for name, d in differences.items()
    )


def _leaky(shipped: Questionnaire) -> Questionnaire:
    """The shipped questionnaire with one LLM risk whose condition also holds on a generic answer."""
    stages = []
    for stage in shipped.stages:
        risks = tuple(
            r.model_copy(
                update={
                    "when": AnyOf(
                        any_of=(r.when, QuestionAtom(question="deployment.models_in_production", at_least="one_or_two"))
                    )
                }
            )
            if r.id == "unmeasured_prompt_change" and r.when is not None
            else r
            for r in stage.risks
        )
        stages.append(stage.model_copy(update={"risks": risks}))
    return shipped.model_copy(update={"stages": tuple(stages)})


def test_the_comparison_finds_an_llm_risk_that_reaches_a_trained_team(
    cli: Cli, shipped: Questionnaire, tmp_path: Path
) -> None:
    """The test above can fail: an LLM risk leaking into a trained-only team's result is a difference."""
    leaky = write_folder(_leaky(shipped), tmp_path / "leaky")
    held = write_folder(without_llm(_leaky(shipped)), tmp_path / "held")
    differ = _differences(cli, EXAMPLES / "stage2-first-deployment.yaml", leaky, held, tmp_path)
    assert {"score json", "score text", "report"} <= set(differ)
    assert "A prompt change ships a regression nobody measured" in differ["score text"]
