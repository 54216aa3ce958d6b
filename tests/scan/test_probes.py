"""Probes as data: the models, the load-time checks with located errors, patterns, globs and gates."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mlops_maturity.cli.commands.validate import questionnaire_problems
from mlops_maturity.engine.model.questionnaire import Questionnaire
from mlops_maturity.files.questionnaire.loader import load_questionnaire
from mlops_maturity.files.questionnaire.shipped import default_questionnaire_dir
from mlops_maturity.scan.io.probes_file import load_probes
from mlops_maturity.scan.probes.globs import GlobIndex, check_glob, glob_regex
from mlops_maturity.scan.probes.model import Probe, ProbeSet
from mlops_maturity.scan.probes.patterns import analyse
from mlops_maturity.scan.probes.prefilter import gate_set

from support import DATA, Run

SCANQ = DATA / "questionnaires" / "scan"
PROBE: dict[str, Any] = {
    "id": "p",
    "title": "T",
    "question": "track.runs",
    "supports": "tracker_some",
    "files": ["*.py"],
    "patterns": [r"\bx\("],
    "remediation": "R.",
    "docs": "https://example.org",
}


def test_the_shipped_probes_are_valid_and_name_real_options(shipped: Questionnaire) -> None:
    probes = load_probes(None, shipped)
    assert len(probes.probes) > 50
    assert questionnaire_problems(default_questionnaire_dir()) == []
    practices = {p.practice for p in probes.probes if p.practice}
    assert len(practices) == 29  # every practice of the scan reference and of LLM systems has at least one probe


def test_a_probe_gives_one_way_to_find_things() -> None:
    with pytest.raises(ValidationError, match="give one of patterns, yaml, toml"):
        Probe.model_validate({**PROBE, "yaml": {"key": "a.b"}})


def test_a_finding_cannot_support_and_contradict_the_same_option() -> None:
    with pytest.raises(ValidationError, match="cannot both support and contradict"):
        Probe.model_validate({**PROBE, "contradicts": ["tracker_some"]})


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(a+)+$", "exponential time"),
        (r"(?:a|aa)*b", "exponential time"),
        (r"(\w+\s?)*x", "exponential time"),
        (r"a*b*c*d*e*", "5 unbounded repeats"),
        (r"x{1,1000}", "repeat count above 100"),
        (r"(a)\1", "back-references"),
        (r"(", "not a valid regular expression"),
        ("", "cannot be empty"),
        ("a" * 301, "limited to 300"),
    ],
)
def test_hostile_or_broken_patterns_are_refused(pattern: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)):
        analyse(pattern)


def test_literals_every_match_must_contain() -> None:
    assert analyse(r"\bmlflow\.(?:log_metric|start_run)\(").literals == {"mlflow."}  # one literal: one search
    assert analyse(r"(?:log_metric|start_run)\(").literals == {"log_metric", "start_run"}
    assert analyse(r"^\s*import\s+tracker\b").literals == {"tracker"}
    assert analyse(r"foo|bar").literals == {"foo", "bar"}
    assert analyse(r"(?i)Great_Expectations").literals == {"great_expectations"}
    assert analyse(r"foo|\w+").literals is None  # one branch needs no literal at all
    assert analyse(r"(?x) a b").literals is None  # verbose: spaces in the pattern are not text
    assert analyse(r"(?:schema|env) ?= ?x").literals == {"schema", "env"}  # not the one character "="


_ALPHABET = "ab(.)_ \n"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["ab", "a", "b", "(", r"\(", ".", r"\.", "_", "a*", "b+", "(?:ab|ba)", "[ab]", "c?", r"\s"]),
        min_size=1,
        max_size=6,
    ),
    st.text(alphabet=_ALPHABET, max_size=40),
)
def test_whenever_a_pattern_matches_the_text_holds_one_of_its_literals(parts: list[str], text: str) -> None:
    pattern = "".join(parts)
    try:
        analysis = analyse(pattern)
    except ValueError:
        return
    if analysis.literals is not None and re.search(pattern, text):
        assert any(literal in text for literal in analysis.literals)
        gates = gate_set([(0, (tuple(s.encode() for s in analysis.literals), analysis.ignore_case))])
        assert gates.candidates(text.encode()) == {0}


_LITERAL = st.text(alphabet="abAB.", min_size=1, max_size=4).map(str.encode)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.lists(_LITERAL, min_size=1, max_size=3), st.booleans()), min_size=1, max_size=6),
    st.text(alphabet="abAB. ", max_size=30).map(str.encode),
)
def test_the_probes_let_through_are_exactly_those_whose_literal_occurs(
    gates: list[tuple[list[bytes], bool]], data: bytes
) -> None:
    """Literals inside or across others counted in: nothing missed, nothing let through for nothing, case aside."""
    gate_list = [(i, (tuple(s.lower() if blind else s for s in lits), blind)) for i, (lits, blind) in enumerate(gates)]
    expected = {i for i, (lits, _) in gate_list if any(s.lower() in data.lower() for s in lits)}
    assert gate_set(gate_list).candidates(data) == expected


def test_overlapping_literals_are_all_found() -> None:
    gates = gate_set([(0, ((b"abcdef",), False)), (1, ((b"defghi",), False)), (2, ((b"MLFLOW",), True))])
    assert gates.candidates(b"xxabcdefghixx") == {0, 1}
    assert gates.candidates(b"import mlflow") == {2}
    assert gates.candidates(b"nothing here") == frozenset()


def test_a_word_that_is_a_literal_with_and_without_case_lets_both_probes_through() -> None:
    gates = gate_set([(0, ((b"push",), False)), (1, ((b"push",), True))])
    assert gates.candidates(b"on: push") == {0, 1}
    assert gates.candidates(b"on: PUSH") == {0, 1}  # case aside here: each rule's own test has the case


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("Dockerfile", "Dockerfile", True),
        ("Dockerfile", "deploy/Dockerfile", True),
        ("*.py", "a/b/c.py", True),
        ("*.py", "a/b/c.pyc", False),
        (".github/workflows/*.yml", ".github/workflows/ci.yml", True),
        (".github/workflows/*.yml", "x/.github/workflows/ci.yml", False),
        (".github/workflows/*.yml", ".github/workflows/sub/ci.yml", False),
        ("docs/**", "docs/a/b.md", True),
        ("**/examples/**", "examples/x.py", True),
        ("**/examples/**", "src/examples/x.py", True),
        ("a[!b]c", "a/c", False),
        ("*[-_.]prod.yml", "values-prod.yml", True),
    ],
)
def test_globs(glob: str, path: str, matches: bool) -> None:
    assert bool(re.fullmatch(glob_regex(glob), path, re.DOTALL)) is matches
    index = GlobIndex.build([[glob]])
    assert (index.owners_of(path) == {0}) is matches


@pytest.mark.parametrize("glob", ["//etc/passwd", "/", "a/../b", "/../b", "a\\b", "[", " x", "!"])
def test_bad_globs_are_refused(glob: str) -> None:
    with pytest.raises(ValueError):
        check_glob(glob)


def test_a_leading_slash_is_the_top_of_the_scanned_folder_never_of_the_disk() -> None:
    index = GlobIndex.build([["/etc/passwd"]])
    assert index.owners_of("etc/passwd") == {0}
    assert index.owners_of("vendor/etc/passwd") == set()


def _folder_with(tmp_path: Path, probes: str) -> Path:
    folder = tmp_path / "q"
    shutil.copytree(SCANQ, folder)
    (folder / "probes.yaml").write_text(probes, encoding="utf-8")
    return folder


BAD_PROBES = """\
probes:
  - id: slow
    title: A pattern that backtracks without end
    question: track.runs
    supports: tracker_some
    files: ["*.py"]
    patterns: ['(a+)+$']
    remediation: R.
    docs: https://example.org
  - id: renamed
    title: An option that was renamed
    question: track.runs
    supports: tracker_most
    files: ["*.py"]
    remediation: R.
    docs: https://example.org
  - id: renamed
    title: A question that is not there
    question: track.everything
    supports: all
    files: ["//abs/*.py"]
    contexts: {nowhere: weak}
    remediation: R.
    docs: not a link
"""


def test_validate_locates_every_problem_in_a_probes_file(tmp_path: Path, cli: Any) -> None:
    folder = _folder_with(tmp_path, BAD_PROBES)
    run: Run = cli("validate", folder)
    assert run.code == 2
    probes = f"{folder / 'probes.yaml'}"
    assert f"{probes}:7: probes[0].patterns[0]: a repeated group that itself repeats or branches" in run.err
    assert f"{probes}:21: probes[2].files[0]: '//abs/*.py': write paths relative to the scanned folder" in run.err
    assert f"{probes}:24: probes[2].docs: " in run.err
    # Once the models pass, the ids are checked against the questions (the first file had errors, so fix them).
    fixed = BAD_PROBES.replace("(a+)+$", "a+$").replace('"//abs/*.py"', '"*.py"').replace("not a link", "https://x.org")
    folder = _folder_with(tmp_path / "fixed", fixed)
    run = cli("validate", folder)
    assert run.code == 2
    assert (
        f"{folder / 'probes.yaml'}:13: probes[1].supports: 'tracker_most' is not an option of track.runs; "
        "choose one of: none, manual, tracker_some, tracker_all"
    ) in run.err
    assert f"{folder / 'probes.yaml'}:19: probes[2].question: unknown question id 'track.everything'" in run.err
    assert "probes[2].id: duplicate probe id 'renamed'" in run.err
    assert "probes[2].contexts.nowhere: unknown context 'nowhere'" in run.err


def test_scan_refuses_a_questionnaire_with_a_hostile_probe(tmp_path: Path, cli: Any) -> None:
    folder = _folder_with(tmp_path, BAD_PROBES)
    run: Run = cli("scan", tmp_path, "--questionnaire", folder)
    assert run.code == 2
    assert "probes.yaml:7: probes[0].patterns[0]" in run.err


def test_a_questionnaire_without_probes_cannot_scan(tmp_path: Path, cli: Any) -> None:
    folder = tmp_path / "q"
    shutil.copytree(SCANQ, folder)
    (folder / "probes.yaml").unlink()
    assert questionnaire_problems(folder) == []  # probes are optional for everything else
    run: Run = cli("scan", tmp_path, "--questionnaire", folder)
    assert run.code == 2
    assert "has no probes (probes.yaml)" in run.err


def test_contradictions_must_lie_below_the_supported_option(tmp_path: Path) -> None:
    q = load_questionnaire(SCANQ)
    probes = ProbeSet.model_validate({"probes": [{**PROBE, "contradicts": ["tracker_all"]}]})
    from mlops_maturity.scan.probes.model import probe_set_problems

    problems = list(probe_set_problems(probes, q))
    assert problems == [
        (
            ("probes", 0, "contradicts", 0),
            "'tracker_all' is not below 'tracker_some': evidence for an option refutes only answers under it",
        )
    ]


def test_in_a_notebook_a_literal_json_would_escape_is_not_relied_on() -> None:
    gates = gate_set([(0, ((b"mlflow.",), False)), (1, ((b'="models',), False))])
    notebook = rb'{"source": ["mlflow.log_metric(1)\n", "uri =\"models:/m/1\""]}'  # the quote is escaped
    assert gates.candidates(notebook) == {0}
    assert gates.candidates(notebook, json_strings=True) == {0, 1}


@pytest.mark.parametrize(
    ("runner", "reason"),
    [
        ({"calls": r"\bmake\s+\w+"}, "names what it calls with the group (?P<target>...)"),
        ({"calls": r"\bmake\s+(?P<target>\w+)", "files": ["Makefile"]}, "says how a target is defined"),
        ({"calls": r"(?P<target>(a+)+)"}, "exponential time"),
        ({"calls": r"\bx\s+(?P<target>\w+)", "files": ["F"], "defines": "^{target}(a|b)*:"}, "exponential time"),
        ({"calls": r"\bx\s+(?P<target>\w+\.sh)", "body": "line"}, "its body is the whole file"),
    ],
)
def test_runners_are_checked_like_probes(runner: dict[str, Any], reason: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(reason)):
        ProbeSet.model_validate({"runners": [{"id": "r", **runner}], "probes": [PROBE]})


def test_follow_needs_patterns_and_needs_are_bounded_patterns() -> None:
    with pytest.raises(ValidationError, match="follow needs patterns"):
        Probe.model_validate({**PROBE, "patterns": [], "yaml": {"key": "on"}, "follow": True})
    with pytest.raises(ValidationError, match="exponential time"):
        Probe.model_validate({**PROBE, "needs": [{"files": ["t.py"], "patterns": ["(a+)+"], "reason": "r"}]})
