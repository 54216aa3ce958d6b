"""A probe set compiled for one scan: which probes look at a path, how much a hit counts there, and lines as read."""

from __future__ import annotations

from typing import Any

from mlops_maturity.scan.matching.lines import (
    MAX_LINE_CHARS,
    Lines,
    Rule,
    conftests,
    long_string_lines,
    without_trailing_comment,
)
from mlops_maturity.scan.matching.matcher import Matcher
from mlops_maturity.scan.probes.model import ProbeSet

PROBE: dict[str, Any] = {
    "title": "T",
    "question": "q.x",
    "supports": "some",
    "files": ["*.py"],
    "patterns": [r"\btracker\.log\("],
    "remediation": "R.",
    "docs": "https://example.org",
}


def _matcher(**extra: Any) -> Matcher:
    probes = [{**PROBE, "id": "p"}, {**PROBE, "id": "docs-strong", "contexts": {"docs": "strong"}}]
    contexts = [
        {"id": "data-tests", "files": ["**/tests/data/**/test_*.py"], "strength": "strong", "reason": "tests"},
        {"id": "fixtures", "files": ["**/tests/data/**"], "strength": "ignore", "reason": "fixture data"},
        {"id": "docs", "files": ["docs/**"], "strength": "weak", "reason": "documentation"},
    ]
    return Matcher(ProbeSet.model_validate({"probes": probes, "contexts": contexts, **extra}))


def test_the_first_context_that_names_a_file_decides() -> None:
    matcher = _matcher()
    probe, docs_strong = matcher.probes
    assert matcher.strength(probe, matcher.contexts_of("src/train.py")) == ("strong", None)
    assert matcher.strength(probe, matcher.contexts_of("docs/x.py")) == ("weak", "documentation")
    assert matcher.strength(docs_strong, matcher.contexts_of("docs/x.py")) == ("strong", None)  # the probe's own word
    assert matcher.strength(probe, matcher.contexts_of("tests/data/rows.py")) == (None, "fixture data")
    # A strong context before an ignoring one: tests that check data, under tests/data/, count in full.
    assert matcher.strength(probe, matcher.contexts_of("tests/data/test_rows.py")) == ("strong", None)


def test_needs_are_compiled_after_the_probes_and_named() -> None:
    need = {"files": ["test_*.py"], "patterns": [r"^\s*assert\s"], "reason": "no test asserts anything"}
    matcher = Matcher(ProbeSet.model_validate({"probes": [{**PROBE, "id": "ci", "needs": [need]}]}))
    assert len(matcher.compiled) == 2 and matcher.needs == {1: "ci#0"}
    assert matcher.probes_for("tests/test_x.py") == (0, 1)
    assert matcher.probes_for("src/x.py") == (0,)


def test_comments_docstrings_and_long_lines_are_not_code() -> None:
    text = 'def f():\n    """Call tracker.log(x) to log."""\n    # tracker.log(1)\n    tracker.log(2)\n' + "x" * 5000
    lines = Lines.of(text, "a.py", ("#",))
    rule = Rule.of(r"\btracker\.log\(")
    assert lines.first((rule,)) == 3
    assert len(lines.code(4)) == MAX_LINE_CHARS
    # In a YAML file the same text is not Python: only comments are left out.
    assert Lines.of(text, "a.yml", ("#",)).first((rule,)) == 1


def test_long_strings_after_code_stay_code_on_their_first_line() -> None:
    source = ['prompt = """', "Call tracker.log(1)", '"""', "x = 1  # not a string: '''", "y = 2"]
    assert long_string_lines(source) == {1, 2}


def test_embedded_sql_is_code_and_a_docstring_that_looks_like_sql_is_not() -> None:
    source = ['cmd = f"""', "    CREATE OR REPLACE TASK t", "        AFTER root", '"""', 'q = """SELECT 1', '"""']
    assert long_string_lines(source) == frozenset()
    assert long_string_lines(["def f():", '    """', "    SELECT what to do.", '    """']) == {1, 2, 3}


def test_triple_quotes_inside_a_one_line_string_open_nothing() -> None:
    source = [
        "_TRIPLE = re.compile(r'\"\"\"|\\'\\'\\'')",
        "quote = \"'''\"",
        "def f():",
        '    """Registers the model with mlflow.register_model(), for the docs.',
        "",
        '    """',
        "    mlflow.register_model(uri)",
    ]
    assert long_string_lines(source) == {3, 4, 5}
    rule = Rule.of(r"\bmlflow\.register_model\(")
    assert Lines.of("\n".join(source), "a.py", ("#",)).first((rule,)) == 6


def test_a_rule_skips_bytes_without_its_literals() -> None:
    rule = Rule.of(r"\bmlflow\.(?:log_metric|start_run)\(")
    assert rule.literals == (b"mlflow.",)
    assert not rule.may_match(b"import os\n", b"import os\n")
    assert rule.may_match(b"mlflow.start_run()", b"mlflow.start_run()")
    blind = Rule.of(r"(?i)Great_Expectations")
    assert blind.may_match(b"import GREAT_EXPECTATIONS", b"import great_expectations")


def test_a_probe_that_follows_commands_is_not_ruled_out_by_its_patterns_literals() -> None:
    probes = [{**PROBE, "id": "ci", "files": ["ci.yml"], "patterns": [r"\bpytest\b"], "follow": True}]
    runner = {"id": "make", "calls": r"\bmake\s+(?P<target>\w+)", "files": ["Makefile"], "defines": "^{target}:"}
    matcher = Matcher(ProbeSet.model_validate({"probes": probes, "runners": [runner]}))
    (compiled,) = matcher.compiled
    assert compiled.gate is None  # tried on every CI file: the word may be where its commands lead
    assert compiled.may_match(b"run: make test", b"run: make test")


def test_a_test_files_conftests_are_beside_it_and_above_nearest_first() -> None:
    assert conftests("tests/data/test_rows.py") == ("tests/data/conftest.py", "tests/conftest.py", "conftest.py")
    assert conftests("pkg/rows_test.py") == ("pkg/conftest.py", "conftest.py")
    assert conftests("src/rows.py") == () and conftests("tests/test_notes.md") == ()


def test_a_first_search_over_the_whole_text_finds_what_line_by_line_search_finds() -> None:
    text = "# tracker.log(0)\nx = 1\ntracker.log(2)\n"
    assert Lines.of(text, "a.py", ("#",)).first((Rule.of(r"\btracker\.log\("),)) == 2  # the comment is skipped
    across = Rule.of(r"x\s+tracker")  # matches the text across a line end, never one line
    assert across.whole is not None and Lines.of(text, "a.py", ("#",)).first((across,)) is None
    anchored = Rule.of(r"\Atracker")  # the start of a line, not of the text: no first search over the text
    assert anchored.whole is None and Lines.of(text, "a.py", ("#",)).first((anchored,)) == 2
    windows = "x = 1\r\ntracker.log(2)\r\n"  # line ends the first search does not see as $ does
    assert Lines.of(windows, "a.py", ("#",)).first((Rule.of(r"log\(2\)$"),)) == 1


def test_a_template_file_is_read_as_the_file_it_becomes() -> None:
    """``Train.py.tmpl`` is Python to the probes: its globs, its comments and its docstrings."""
    matcher = _matcher()
    assert matcher.probes_for("t/{{.root}}/Train.py.tmpl") == (0, 1)
    assert matcher.comment_prefixes("t/{{.root}}/Train.py.tmpl") == matcher.comment_prefixes("Train.py")
    assert matcher.rendered("ci.yml.j2") == "ci.yml" and matcher.rendered("ci.yml") == "ci.yml"
    text = '"""Calls tracker.log(x)."""\ntracker.log(1)\n'
    assert Lines.of(text, matcher.rendered("Train.py.tmpl"), ("#",)).first((Rule.of(r"\btracker\.log\("),)) == 1
    assert not Matcher(ProbeSet.model_validate({"probes": [{**PROBE, "id": "p"}], "template_suffixes": []})).probes_for(
        "Train.py.tmpl"
    )


def test_a_context_with_unless_listed_does_not_apply_where_such_a_file_is_listed() -> None:
    """A template's files are weak in a repository that keeps a template, in full in the template itself."""
    contexts = [
        {
            "id": "templates",
            "files": ["**/{{*}}/**"],
            "strength": "weak",
            "reason": "an uninstantiated template",
            "unless_listed": ["/cookiecutter.json"],
        }
    ]
    probes = ProbeSet.model_validate({"probes": [{**PROBE, "id": "p"}], "contexts": contexts})
    path = "{{cookiecutter.slug}}/train.py"
    beside = Matcher(probes, ["templates/cookiecutter.json", path])  # a template kept inside another project
    assert beside.strength(beside.probes[0], beside.contexts_of(path)) == ("weak", "an uninstantiated template")
    itself = Matcher(probes, ["cookiecutter.json", path])  # the repository is the template
    assert itself.strength(itself.probes[0], itself.contexts_of(path)) == ("strong", None)


def test_a_trailing_comment_is_not_code_where_hash_starts_comments() -> None:
    rule = Rule.of(r"claude-\w+-2024")
    text = 'model = "gpt-4o"  # was "claude-haiku-20240307"\nold = "claude-haiku-20240307"\n'
    assert Lines.of(text, "a.py", ("#",)).first((rule,)) == 1
    assert without_trailing_comment('color: "#fff"  # white') == 'color: "#fff"'
    assert without_trailing_comment("echo $# args") == "echo $# args"  # no space before: not a comment
    assert without_trailing_comment('print("it\'s")  # x') == 'print("it\'s")  # x'  # quotes unbalanced: kept
    assert Lines.of(text, "a.ts", ("//",)).first((rule,)) == 0  # where # starts no comment, it is text
